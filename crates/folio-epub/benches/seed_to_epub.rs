//! The reference interview to EPUB, end to end: XHTML, epub-builder, the
//! package repairs and the deterministic re-pack.
//!
//! `cargo bench -p folio-epub --bench seed_to_epub`

// A missing reference interview is a panic by design.
#![allow(clippy::panic)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use folio_core::{Interview, ReadOptions, read_path};
use folio_epub::{EpubOptions, epub};

/// The reference interview, kept in the repository (see
/// tests/fixtures/seed/SOURCE.md).
fn interview() -> (String, Interview) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seed/seed.txt");
    match read_path(&path, &ReadOptions::default()) {
        Ok(parsed) => (path.display().to_string(), parsed.interview),
        Err(error) => panic!("{}: {error}", path.display()),
    }
}

fn bench(c: &mut Criterion) {
    let (name, interview) = interview();
    eprintln!("seed_to_epub: {name}");
    let options = EpubOptions {
        common: folio_core::WriterOptions {
            source_date_epoch: Some(1_700_000_000),
            ..Default::default()
        },
        ..EpubOptions::default()
    };
    c.bench_function("seed_to_epub", |b| {
        b.iter(|| epub(black_box(&interview), black_box(&options)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
