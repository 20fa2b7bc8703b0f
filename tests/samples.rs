//! Every sample interview: one reviewed snapshot of what Folio understood
//! (the model as YAML, with the warnings), and lossless JSON/YAML round trips.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use folio_core::{Interview, ReadOptions};

fn read(path: &Path) -> folio_core::Parsed {
    match folio_core::read_path(path, &ReadOptions::default()) {
        Ok(parsed) => parsed,
        Err(err) => panic!("{err}"),
    }
}

/// The samples read as interviews.
const SAMPLE_GLOB: &str = "[0-9]*.{md,txt,json,yaml,vtt,srt,html,docx}";

#[test]
fn parsed_models() {
    insta::glob!("../samples", SAMPLE_GLOB, |path| {
        let parsed = read(path);
        let warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
        insta::assert_yaml_snapshot!(serde_json::json!({
            "format": parsed.format.name(),
            "warnings": warnings,
            "model": parsed.interview,
        }));
    });
}

fn round_trip_json(interview: &Interview) -> Interview {
    let json = serde_json::to_string(interview).unwrap_or_default();
    match serde_json::from_str(&json) {
        Ok(back) => back,
        Err(err) => panic!("JSON round trip failed: {err}\n{json}"),
    }
}

fn round_trip_yaml(interview: &Interview) -> Interview {
    let yaml = serde_yaml_ng::to_string(interview).unwrap_or_default();
    match serde_yaml_ng::from_str(&yaml) {
        Ok(back) => back,
        Err(err) => panic!("YAML round trip failed: {err}\n{yaml}"),
    }
}

#[test]
fn models_survive_json_and_yaml_round_trips() {
    let mut seen = 0;
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seed/seed.txt");
    let mut paths: Vec<_> = std::fs::read_dir(&samples)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.push(seed);
    for path in paths {
        if path.extension().is_some_and(|e| {
            ["md", "txt", "json", "yaml", "vtt", "srt", "html", "docx"]
                .iter()
                .any(|known| e == *known)
        }) && path.file_name().is_some_and(|n| n != "README.md")
        {
            let interview = read(&path).interview;
            assert_eq!(round_trip_json(&interview), interview, "{}", path.display());
            assert_eq!(round_trip_yaml(&interview), interview, "{}", path.display());
            // Reading the written model back through Folio's own model readers gives the same model.
            let json = serde_json::to_vec(&interview).unwrap_or_default();
            let back = folio_core::read_bytes(&json, "model.json", &ReadOptions::default());
            assert_eq!(back.ok().map(|p| p.interview).as_ref(), Some(&interview));
            seen += 1;
        }
    }
    assert!(seen >= 9, "expected the samples and the seed, saw {seen}");
}
