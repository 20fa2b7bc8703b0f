//! The seed interview to PDF, and one twenty times longer: time should grow
//! about linearly with length.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use folio_core::Interview;
use folio_pdf::{PdfOptions, layout, pdf};

fn seed() -> Interview {
    let text = include_str!("../tests/fixtures/seed.json");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("seed fixture: {e}"))
}

fn longer(times: usize) -> Interview {
    let mut i = seed();
    let turns = i.turns.clone();
    for _ in 1..times {
        i.turns.extend(turns.iter().cloned());
    }
    i
}

fn bench(c: &mut Criterion) {
    let options = PdfOptions {
        no_system_fonts: true,
        ..PdfOptions::default()
    };
    let short = seed();
    let long = longer(20);
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("seed", |b| b.iter(|| pdf(&short, &options)));
    group.bench_function("seed_layout_only", |b| b.iter(|| layout(&short, &options)));
    group.bench_function("seed_x20", |b| b.iter(|| pdf(&long, &options)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
