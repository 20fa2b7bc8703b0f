//! Folio's own DOCX reads back into the interview it was written from:
//! for every sample read as an interview, the reference interview and
//! every corpus text, model → DOCX (in memory) → model gives the same
//! interview, its identifier and speaker ids aside.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use folio_core::{Interview, ReadOptions};
use folio_docx::DocxOptions;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The inputs: the samples the snapshot test reads as interviews, the
/// seed, and the corpus texts.
fn inputs() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let mut listed = |dir: PathBuf, extensions: &[&str]| {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                name.starts_with(|c: char| c.is_ascii_digit())
                    && p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| extensions.contains(&e))
            })
            .collect();
        found.sort();
        paths.extend(found);
    };
    listed(
        root().join("samples"),
        &["md", "txt", "json", "yaml", "vtt", "srt", "docx"],
    );
    listed(root().join("tests/corpus"), &["md"]);
    paths.push(root().join("tests/fixtures/seed/seed.txt"));
    paths
}

/// The interview with what may differ set aside: the identifier, and the
/// speaker ids (each becomes its position, in turns too).
fn comparable(interview: &Interview) -> Interview {
    let mut out = interview.clone();
    out.meta.identifier.clear();
    for (index, speaker) in out.speakers.iter_mut().enumerate() {
        let id = format!("speaker-{index}");
        for turn in &mut out.turns {
            if turn.speaker == speaker.id {
                turn.speaker.clone_from(&id);
            }
        }
        speaker.id = id;
    }
    out
}

/// The first lines where two interviews differ, as pretty JSON.
fn difference(expected: &Interview, actual: &Interview) -> String {
    let expected = serde_json::to_string_pretty(expected).unwrap();
    let actual = serde_json::to_string_pretty(actual).unwrap();
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let at = expected
        .iter()
        .zip(&actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let from = at.saturating_sub(4);
    format!(
        "first difference at line {at} of the JSON; expected:\n{}\nread back:\n{}",
        expected
            .get(from..(at + 4).min(expected.len()))
            .unwrap_or_default()
            .join("\n"),
        actual
            .get(from..(at + 4).min(actual.len()))
            .unwrap_or_default()
            .join("\n"),
    )
}

fn round_trip(path: &Path) -> Result<(), String> {
    let parsed = folio_core::read_path(path, &ReadOptions::default()).map_err(|e| e.to_string())?;
    let options = DocxOptions {
        // Pictures are embedded, as a conversion next to the input does.
        base_dir: path.parent().map(Path::to_path_buf),
        source_date_epoch: Some(1_700_000_000),
        ..DocxOptions::default()
    };
    let docx = folio_docx::docx(&parsed.interview, &options).map_err(|e| e.to_string())?;
    let name = format!("{}.docx", path.display());
    let back = folio_core::read_bytes(&docx.bytes, &name, &ReadOptions::default())
        .map_err(|e| e.to_string())?;
    let (expected, actual) = (comparable(&parsed.interview), comparable(&back.interview));
    // FOLIO_ROUNDTRIP_DUMP=DIR writes both sides as JSON, to diff at leisure.
    if let Some(dir) = std::env::var_os("FOLIO_ROUNDTRIP_DUMP") {
        let stem = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
        for (side, interview) in [("expected", &expected), ("actual", &actual)] {
            let json = serde_json::to_string_pretty(interview).unwrap();
            std::fs::write(Path::new(&dir).join(format!("{stem}.{side}.json")), json).unwrap();
        }
    }
    if expected == actual {
        Ok(())
    } else {
        Err(difference(&expected, &actual))
    }
}

#[test]
fn every_input_reads_back_from_its_docx() {
    let inputs = inputs();
    assert!(
        inputs.len() >= 30,
        "expected samples, corpus and seed, found {}",
        inputs.len()
    );
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|path| {
            round_trip(path)
                .err()
                .map(|why| format!("{}:\n{why}", path.display()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} inputs did not read back the same:\n\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
}
