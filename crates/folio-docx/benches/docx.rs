//! The reference interview (or the rich fixture) to DOCX.

// A failed expectation in a test or benchmark is a panic by design.
#![allow(clippy::panic)]

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use folio_core::Interview;
use folio_docx::{DocxOptions, docx};

fn interview() -> (Interview, DocxOptions) {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = crate_dir.join("tests/fixtures");
    let options = DocxOptions {
        base_dir: Some(fixtures.clone()),
        ..DocxOptions::default()
    };
    for seed in [
        crate_dir.join("../../../shared/seeds/000_4a37616d70ecd5f6.txt"),
        crate_dir.join("../../../../shared/seeds/000_4a37616d70ecd5f6.txt"),
    ] {
        if let Ok(parsed) = folio_core::read_path(&seed, &Default::default()) {
            return (parsed.interview, options);
        }
    }
    let text = std::fs::read_to_string(fixtures.join("rich.json")).unwrap_or_default();
    match serde_json::from_str(&text) {
        Ok(interview) => (interview, options),
        Err(error) => panic!("rich.json: {error}"),
    }
}

fn bench(c: &mut Criterion) {
    let (interview, options) = interview();
    c.bench_function("interview to docx", |b| {
        b.iter(|| docx(std::hint::black_box(&interview), &options).map(|r| r.bytes.len()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
