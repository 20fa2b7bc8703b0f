//! Every sample interview and the seed, read by folio-core and typeset:
//! the PDF is produced and the layout's outline (pages, first and last
//! lines, bookmarks) is snapshotted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use folio_core::{ReadOptions, read_path};
use folio_pdf::Document;
use folio_pdf::{PdfError, PdfOptions, layout, pdf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The reference interview, kept in the repository (see
/// tests/fixtures/seed/SOURCE.md).
fn seed() -> PathBuf {
    repo().join("tests/fixtures/seed/seed.txt")
}

fn options(dir: &Path) -> PdfOptions {
    PdfOptions {
        common: folio_core::WriterOptions {
            base_dir: Some(dir.to_path_buf()),
            ..Default::default()
        },
        ..PdfOptions::default()
    }
}

/// Pages with their line count, first and last body lines; then bookmarks.
fn outline(doc: &Document) -> Vec<String> {
    let mut rows = Vec::new();
    for (n, page) in doc.pages.iter().enumerate() {
        let body: Vec<String> = page
            .lines
            .iter()
            .filter(|l| l.baseline > 70.0)
            .map(|l| l.text().replace("-\u{AD}", "-").replace('\u{AD}', "‐"))
            .collect();
        rows.push(format!(
            "page {}: {} lines | {} | … | {}",
            n + 1,
            body.len(),
            body.first().map(String::as_str).unwrap_or(""),
            body.last().map(String::as_str).unwrap_or("")
        ));
    }
    rows.extend(
        doc.outline
            .iter()
            .map(|e| format!("bookmark p{}: {}", e.page + 1, e.title)),
    );
    rows
}

#[test]
fn samples_typeset() {
    let dir = repo().join("samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            // A transcript's sidecar (`NAME.folio.toml`) is read with its transcript.
            .is_some_and(|n| n.as_bytes()[0].is_ascii_digit() && !n.contains(".folio."))
    });
    files.sort();
    assert!(!files.is_empty(), "no samples in {}", dir.display());
    files.push(seed());
    for path in files {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or("sample")
            .to_string();
        let parsed = read_path(&path, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let base = path.parent().unwrap_or(Path::new("."));
        match pdf(&parsed.interview, &options(base)) {
            Ok(rendered) => {
                assert!(rendered.bytes.starts_with(b"%PDF-"), "{name}");
                if name == "seed" {
                    assert!(
                        rendered.bytes.len() < 100_000,
                        "seed PDF {} bytes",
                        rendered.bytes.len()
                    );
                }
            }
            // The Chinese sample needs a CJK font: missing, the test fails
            // unless FOLIO_SKIP_EXTERNAL=1 skips this sample.
            Err(PdfError::MissingGlyph { .. }) if !common::require_cjk_font() => continue,
            Err(e) => panic!("{name}: {e}"),
        }
        let doc = layout(&parsed.interview, &options(base)).expect("layout");
        insta::assert_yaml_snapshot!(format!("sample_{name}"), outline(&doc));
    }
}
