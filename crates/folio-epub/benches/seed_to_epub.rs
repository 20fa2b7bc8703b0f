//! The reference interview to EPUB, end to end: XHTML, epub-builder, the
//! package repairs and the deterministic re-pack.
//!
//! `cargo bench -p folio-epub --bench seed_to_epub`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use folio_core::{Interview, ReadOptions, read_path};
use folio_epub::{EpubOptions, epub};

/// The reference interview beside the repository (CI) or the worktree;
/// the richest fixture when neither is there.
fn interview() -> Option<(String, Interview)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates: Vec<PathBuf> = ["../../../shared/seeds", "../../../../shared/seeds"]
        .iter()
        .map(|dir| manifest.join(dir).join("000_4a37616d70ecd5f6.txt"))
        .chain([manifest.join("tests/fixtures/full.json")])
        .collect();
    candidates.into_iter().find_map(|path| {
        let parsed = read_path(&path, &ReadOptions::default()).ok()?;
        Some((path.display().to_string(), parsed.interview))
    })
}

fn bench(c: &mut Criterion) {
    let Some((name, interview)) = interview() else {
        eprintln!("seed_to_epub: no interview to benchmark");
        return;
    };
    eprintln!("seed_to_epub: {name}");
    let options = EpubOptions {
        source_date_epoch: Some(1_700_000_000),
        ..EpubOptions::default()
    };
    c.bench_function("seed_to_epub", |b| {
        b.iter(|| epub(black_box(&interview), black_box(&options)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
