//! The participants line under the title block: who is speaking, by full
//! name, label and role, as pdftotext reads it back. A missing pdftotext
//! fails the test unless `FOLIO_SKIP_EXTERNAL=1` (see `common::require`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::Command;

use folio_core::{HouseStyle, Interview, LabelText, Speaker, SpeakerRole, Turn, TurnRole};
use folio_pdf::{PdfOptions, pdf};

/// A press briefing: a moderator, a named reporter, an unnamed `Q`, a
/// named interpreter under a generic label and an unnamed audience.
fn briefing() -> Interview {
    let mut i = common::fixture("seed.json");
    let speaker = |id: &str, label: &str, name: Option<&str>, role| Speaker {
        id: id.into(),
        label: label.into(),
        name: name.map(str::to_string),
        role,
    };
    i.speakers = vec![
        speaker(
            "rivera",
            "MS. RIVERA",
            Some("Lucía Rivera"),
            SpeakerRole::Moderator,
        ),
        speaker(
            "park",
            "DANA PARK",
            Some("Dana Park"),
            SpeakerRole::Interviewer,
        ),
        speaker("q", "Q", None, SpeakerRole::Interviewer),
        speaker(
            "interpreter",
            "INTERPRETER",
            Some("Yumi Sato"),
            SpeakerRole::Interpreter,
        ),
        speaker("audience", "AUDIENCE", None, SpeakerRole::Group),
    ];
    i.turns = i
        .speakers
        .iter()
        .map(|s| Turn {
            speaker: s.id.clone(),
            role: TurnRole::Remark,
            start: None,
            content: vec![common::paragraph(&format!("Words of {}.", s.id))],
        })
        .collect();
    i
}

fn options() -> PdfOptions {
    PdfOptions {
        no_system_fonts: true,
        ..PdfOptions::default()
    }
}

/// pdftotext's text, white space (no-break spaces included) made single
/// spaces; `None` when pdftotext is missing and skipped.
fn extract(interview: &Interview, options: &PdfOptions, name: &str) -> Option<String> {
    if !common::require_tool("pdftotext", "poppler-utils") {
        return None;
    }
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, pdf(interview, options).expect("pdf").bytes).expect("write pdf");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn participants_are_named_with_label_and_role_before_the_text() {
    let Some(text) = extract(&briefing(), &options(), "participants.pdf") else {
        return;
    };
    let line = "PARTICIPANTS Lucía Rivera (MS. RIVERA), moderator · Dana Park, interviewer · \
                Yumi Sato, interpreter";
    let at = text
        .find(line)
        .unwrap_or_else(|| panic!("no participants line in {text}"));
    // Under the title, before the editor's note and the first turn.
    assert!(text.find("French scholar").is_some_and(|title| title < at));
    assert!(text.find("EDITOR’S NOTE").is_some_and(|note| at < note));
    assert!(text.find("Words of rivera").is_some_and(|turn| at < turn));
    // A generic label without a name and an unnamed group are not participants.
    assert!(!text.contains("(Q)") && !text.contains("AUDIENCE,"));
}

#[test]
fn turns_with_full_names_leave_the_labels_out() {
    let options = PdfOptions {
        common: folio_core::WriterOptions {
            style: HouseStyle {
                label_text: LabelText::FullName,
                ..HouseStyle::default()
            },
            ..options().common
        },
        ..options()
    };
    let Some(text) = extract(&briefing(), &options, "participants-full-names.pdf") else {
        return;
    };
    assert!(
        text.contains("PARTICIPANTS Lucía Rivera, moderator · Dana Park, interviewer"),
        "{text}"
    );
    assert!(!text.contains("(MS. RIVERA)"));
}

#[test]
fn the_seed_says_who_gt_is() {
    let Some(text) = extract(&common::fixture("seed.json"), &options(), "seed-named.pdf") else {
        return;
    };
    assert!(
        text.contains(
            "PARTICIPANTS Global Times (GT), interviewer · David Gosset (GOSSET), interviewee"
        ),
        "{text}"
    );
}

#[test]
fn nobody_worth_naming_prints_no_participants_line() {
    // Only `Q` and `A`, without names.
    let interview = common::interview("en", &["Why?", "Because."]);
    let Some(text) = extract(&interview, &options(), "participants-none.pdf") else {
        return;
    };
    assert!(!text.contains("PARTICIPANTS"), "{text}");
}
