//! The `folio` command as a user meets it: help, the inspect outline, the
//! JSON model, and the error messages and exit codes for bad input and usage.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use insta_cmd::assert_cmd_snapshot;

fn folio() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
    // Paths in the output are relative to the workspace root.
    command.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    command.env("NO_COLOR", "1").env("COLUMNS", "100");
    command
}

#[test]
fn help() {
    assert_cmd_snapshot!(folio().arg("--help"));
    assert_cmd_snapshot!(folio().args(["inspect", "--help"]));
    assert_cmd_snapshot!(folio().args(["convert", "--help"]));
    assert_cmd_snapshot!(folio().args(["book", "--help"]));
    assert_cmd_snapshot!(folio().args(["serve", "--help"]));
}

#[test]
fn inspect_outline_of_samples() {
    assert_cmd_snapshot!(folio().args(["inspect", "samples/03-press-briefing-caps-labels.md"]));
    assert_cmd_snapshot!(folio().args(["inspect", "samples/14-web-copy-kicker-editors-note.txt"]));
}

#[test]
fn inspect_outline_of_transcripts() {
    // Voices in a caption file; whisperX ids named by a sidecar beside the file.
    assert_cmd_snapshot!(folio().args(["inspect", "samples/19-webvtt-voices.vtt"]));
    assert_cmd_snapshot!(folio().args(["inspect", "samples/24-whisperx-lines.txt"]));
}

#[test]
fn inspect_seed() {
    assert_cmd_snapshot!(folio().args(["inspect", "tests/fixtures/seed/seed.txt"]));
}

#[test]
fn inspect_json_has_the_stable_names() {
    let output = folio()
        .args(["inspect", "--json", "samples/05-q-a-colon.md"])
        .output();
    let Ok(output) = output else {
        panic!("folio did not run");
    };
    assert!(output.status.success());
    let value: serde_json::Value = match serde_json::from_slice(&output.stdout) {
        Ok(value) => value,
        Err(err) => panic!("stdout is not JSON: {err}"),
    };
    assert!(value["meta"]["title"].is_string());
    let speaker = &value["speakers"][0];
    for key in ["id", "label", "name", "role"] {
        assert!(
            speaker.get(key).is_some(),
            "speaker has no {key}: {speaker}"
        );
    }
    let turn = &value["turns"][0];
    assert_eq!(turn["speaker"], speaker["id"]);
    assert_eq!(turn["role"], "question");
    assert!(turn["content"].is_array());
}

#[test]
fn inspect_reads_standard_input_and_honours_overrides() {
    assert_cmd_snapshot!(
        folio()
            .args(["inspect", "--from", "text", "--interviewer", "MOSS", "-"])
            .pass_stdin("LEE: We left at dawn.\n\nMOSS: Why?\n\nLEE: The river.\n\nMOSS: And?\n")
    );
}

#[test]
fn errors_for_bad_input() {
    for file in [
        "latin1.txt",
        "broken-front-matter.md",
        "broken-toml.md",
        "broken.json",
        "empty.md",
        "no-turns.md",
        "unknown-speaker.json",
        "does-not-exist.md",
        "broken-timing.vtt",
        "end-before-start.srt",
        "unterminated-voice.vtt",
        "missing-field.json",
        "no-article.html",
    ] {
        let path = format!("tests/fixtures/bad/{file}");
        insta::with_settings!({ snapshot_suffix => file }, {
            assert_cmd_snapshot!(folio().args(["inspect", &path]));
        });
    }
}

#[test]
fn errors_for_bad_usage() {
    assert_cmd_snapshot!(folio().args(["inspect", "--from", "odt", "samples/05-q-a-colon.md"]));
    assert_cmd_snapshot!(folio().args(["inspect", "--role", "Q=boss", "samples/05-q-a-colon.md"]));
    assert_cmd_snapshot!(folio().args(["inspect"]));
}
