//! The reference interview (tests/fixtures/seed/seed.txt) to DOCX.

// A failed expectation in a test or benchmark is a panic by design.
#![allow(clippy::panic)]

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use folio_core::Interview;
use folio_docx::{DocxOptions, docx};

fn interview() -> (Interview, DocxOptions) {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = DocxOptions {
        common: folio_core::WriterOptions {
            base_dir: Some(crate_dir.join("tests/fixtures")),
            ..Default::default()
        },
        ..DocxOptions::default()
    };
    let seed = crate_dir.join("../../tests/fixtures/seed/seed.txt");
    match folio_core::read_path(&seed, &Default::default()) {
        Ok(parsed) => (parsed.interview, options),
        Err(error) => panic!("{}: {error}", seed.display()),
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
