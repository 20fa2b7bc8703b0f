//! Pretty-printed `word/document.xml` and `word/styles.xml` of the samples.

// A failed expectation in a test or benchmark is a panic by design.
#![allow(clippy::panic)]

mod common;

use common::{fixture, options, part, pretty, unzip, write};

fn snapshot(fixture_name: &str, name: &str) {
    let parts = unzip(&write(&fixture(fixture_name), &options()));
    insta::assert_snapshot!(
        format!("{name}_document"),
        pretty(&part(&parts, "word/document.xml"))
    );
    insta::assert_snapshot!(
        format!("{name}_styles"),
        pretty(&part(&parts, "word/styles.xml"))
    );
}

#[test]
fn rich_interview() {
    snapshot("rich.json", "rich");
}

#[test]
fn chinese_interview() {
    snapshot("chinese.json", "chinese");
}

/// Every sample in the workspace's `samples/` the reader can read.
#[test]
fn samples_documents() {
    let crate_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(crate_dir.join("../../samples"))
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.file_name().and_then(|n| n.to_str()) != Some("README.md"));
    paths.sort();
    let mut written = 0;
    for path in &paths {
        let Ok(parsed) = folio_core::read_path(path, &Default::default()) else {
            continue;
        };
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let mut options = options();
        options.common.base_dir = path.parent().map(|p| p.to_path_buf());
        let parts = unzip(&write(&parsed.interview, &options));
        insta::assert_snapshot!(
            format!("sample_{stem}_document"),
            pretty(&part(&parts, "word/document.xml"))
        );
        written += 1;
    }
    assert!(paths.is_empty() || written > 0, "no sample could be read");
}
