//! Snapshots of the package document and the XHTML for every sample, the
//! reference interview and the richer fixtures. Review changes with
//! `cargo insta review`; each one is a change in what readers get.

mod common;

use std::path::{Path, PathBuf};

use common::{TestResult, fixture, options, unpack};
use folio_core::{Interview, ReadOptions, read_path};
use folio_epub::{EpubOptions, epub};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The reference interview, kept in the repository (see
/// tests/fixtures/seed/SOURCE.md).
fn seed_path() -> PathBuf {
    workspace().join("tests/fixtures/seed/seed.txt")
}

fn read(path: &Path) -> Result<Interview, Box<dyn std::error::Error>> {
    Ok(read_path(path, &ReadOptions::default())?.interview)
}

/// `content.opf`, and the navigation and content documents one after another.
fn snapshot(name: &str, interview: &Interview, options: &EpubOptions) -> TestResult {
    let rendered = epub(interview, options)?;
    let book = unpack(&rendered.bytes)?;
    insta::assert_snapshot!(format!("opf@{name}"), book.text("OEBPS/content.opf")?);
    let mut xhtml = String::new();
    for file in book.names.iter().filter(|n| n.ends_with(".xhtml")) {
        xhtml.push_str(&format!("==> {file} <==\n{}\n", book.text(file)?));
    }
    insta::assert_snapshot!(format!("xhtml@{name}"), xhtml);
    Ok(())
}

#[test]
fn samples() -> TestResult {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(workspace().join("samples"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            // A transcript's sidecar (`NAME.folio.toml`) is read with its transcript.
            path.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.as_bytes()[0].is_ascii_digit() && !n.contains(".folio.")
            })
        })
        .collect();
    paths.sort();
    assert!(paths.len() >= 17, "samples missing: {paths:?}");
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let options = EpubOptions {
            common: folio_core::WriterOptions {
                base_dir: path.parent().map(Path::to_path_buf),
                ..options().common
            },
            ..options()
        };
        snapshot(&name, &read(&path)?, &options)?;
    }
    Ok(())
}

#[test]
fn reference_interview() -> TestResult {
    snapshot("seed", &read(&seed_path())?, &options())
}

#[test]
fn fixtures() -> TestResult {
    for name in ["full", "cjk", "rtl"] {
        snapshot(name, &fixture(name)?, &options())?;
    }
    Ok(())
}
