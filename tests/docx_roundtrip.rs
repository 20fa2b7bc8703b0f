//! Folio's own DOCX reads back into the interview it was written from:
//! for every sample read as an interview, the reference interview and
//! every corpus text, model → DOCX (in memory) → model gives the same
//! interview, its identifier and speaker ids aside.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use folio_core::{Interview, ReadOptions, SpeakerRole};
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
        &["md", "txt", "json", "yaml", "vtt", "srt", "html", "docx"],
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
        common: folio_core::WriterOptions {
            base_dir: path.parent().map(Path::to_path_buf),
            source_date_epoch: Some(1_700_000_000),
            ..Default::default()
        },
        // Pictures are embedded,
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

/// `bytes` (a zip) with `document.xml` passed through `edit`, and without
/// the parts `drop` names.
fn edited(bytes: &[u8], edit: impl Fn(&str) -> String, drop: &[&str]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().to_string();
        if drop.contains(&name.as_str()) {
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == "word/document.xml" {
            content = edit(&String::from_utf8(content).unwrap()).into_bytes();
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn written(sample: &str) -> (Interview, Vec<u8>) {
    let path = root().join("samples").join(sample);
    let parsed = folio_core::read_path(&path, &ReadOptions::default()).unwrap();
    let docx = folio_docx::docx(&parsed.interview, &DocxOptions::default()).unwrap();
    (parsed.interview, docx.bytes)
}

fn read_docx(bytes: &[u8]) -> folio_core::Parsed {
    folio_core::read_bytes(bytes, "edited.docx", &ReadOptions::default()).unwrap()
}

#[test]
fn edits_made_in_word_are_what_is_read() {
    let (original, bytes) = written("05-q-a-colon.md");
    let title = original.meta.title.clone().unwrap();
    let answer = folio_core::blocks_plain_text(&original.turns[1].content);
    let bytes = edited(
        &bytes,
        |xml| {
            xml.replacen(&title, "Chess Behind Bars", 1)
                .replacen(&answer, "Edited in Word.", 1)
                // The first answer's label, retyped.
                .replacen(">A:</w:t>", ">Sam:</w:t>", 1)
        },
        &[],
    );
    let parsed = read_docx(&bytes);
    let back = &parsed.interview;
    assert_eq!(back.meta.title.as_deref(), Some("Chess Behind Bars"));
    assert_eq!(
        folio_core::blocks_plain_text(&back.turns[1].content),
        "Edited in Word."
    );
    assert_eq!(back.speaker(&back.turns[1].speaker).unwrap().label, "Sam");
    assert_eq!(back.speaker(&back.turns[3].speaker).unwrap().label, "A");
    // Everything else is as it was.
    assert_eq!(back.turns.len(), original.turns.len());
    assert_eq!(back.meta.published, original.meta.published);
    assert_eq!(back.speakers[..2], original.speakers[..]);
    // A label the stored model does not know is a new speaker, on the side
    // of the page its paragraph's style says.
    let sam = back.speakers.iter().find(|s| s.label == "Sam").unwrap();
    assert_eq!(sam.role, SpeakerRole::Interviewee);
    let warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.contains(&"line 8: the speaker label \"Sam\" is not one Folio wrote; it is taken as a new speaker, interviewee from the style of their paragraphs".to_string()),
        "{warnings:?}"
    );
}

#[test]
fn without_the_stored_model_the_styles_and_participants_still_give_the_interview() {
    // As a tool that drops custom document properties would leave it.
    for sample in [
        "01-bold-name-colon-inside.md",
        "03-press-briefing-caps-labels.md",
        "05-q-a-colon.md",
        "06-french-nbsp-labels.md",
        "07-chinese-fullwidth-colon.md",
        "18-tables-fact-box-and-figures.md",
    ] {
        let (original, bytes) = written(sample);
        let bytes = edited(&bytes, str::to_string, &["docProps/custom.xml"]);
        let back = read_docx(&bytes).interview;
        assert_eq!(back.meta.title, original.meta.title, "{sample}");
        // Labels from the Speaker Label runs; full names and roles from the
        // printed list of participants.
        let speakers = |interview: &Interview| -> Vec<(String, Option<String>, SpeakerRole)> {
            interview
                .speakers
                .iter()
                .map(|s| (s.label.clone(), s.name.clone(), s.role))
                .collect()
        };
        assert_eq!(speakers(&back), speakers(&original), "{sample}");
        let turns = |interview: &Interview| -> Vec<(String, folio_core::TurnRole, String)> {
            interview
                .turns
                .iter()
                .map(|t| {
                    let label = interview.speaker(&t.speaker).map(|s| s.label.clone());
                    (
                        label.unwrap_or_default(),
                        t.role,
                        folio_core::blocks_plain_text(&t.content),
                    )
                })
                .collect()
        };
        assert_eq!(turns(&back), turns(&original), "{sample}");
    }
}

#[test]
fn a_role_set_on_the_command_line_wins_over_the_stored_one() {
    let (_, bytes) = written("05-q-a-colon.md");
    let options = ReadOptions {
        roles: vec![("A".to_string(), SpeakerRole::Moderator)],
        ..ReadOptions::default()
    };
    let back = folio_core::read_bytes(&bytes, "chess.docx", &options).unwrap();
    let a = back
        .interview
        .speakers
        .iter()
        .find(|s| s.label == "A")
        .unwrap();
    assert_eq!(a.role, SpeakerRole::Moderator);
    assert!(
        back.interview
            .turns
            .iter()
            .filter(|t| t.speaker == a.id)
            .all(|t| t.role == folio_core::TurnRole::Remark)
    );
    let evidence = back.roles.iter().find(|r| r.speaker == a.id).unwrap();
    assert_eq!(evidence.reasons, ["set with --role"]);
}

#[test]
fn restyled_as_normal_text_the_stored_model_still_names_the_speakers() {
    let (original, bytes) = written("05-q-a-colon.md");
    // Someone applied Normal to everything: no turn styles are left.
    let bytes = edited(
        &bytes,
        |xml| {
            ["Question", "AnswerContinued", "Answer", "Remark", "Intro"]
                .iter()
                .fold(xml.to_string(), |xml, style| {
                    xml.replace(
                        &format!(r#"<w:pStyle w:val="{style}" />"#),
                        r#"<w:pStyle w:val="Normal" />"#,
                    )
                })
        },
        &[],
    );
    let parsed = read_docx(&bytes);
    let back = &parsed.interview;
    let speakers = |interview: &Interview| -> Vec<(String, Option<String>, SpeakerRole)> {
        interview
            .speakers
            .iter()
            .map(|s| (s.label.clone(), s.name.clone(), s.role))
            .collect()
    };
    assert_eq!(speakers(back), speakers(&original));
    assert_eq!(back.turns.len(), original.turns.len());
    assert_eq!(back.meta.published, original.meta.published);
    assert_eq!(back.meta.keywords, original.meta.keywords);
}

#[test]
fn an_edited_dates_line_gives_its_dates() {
    let (original, bytes) = written("18-tables-fact-box-and-figures.md");
    let printed = "The Orrin Courier · Published 18 November 2024";
    let read_with = |line: &str| {
        let bytes = edited(&bytes, |xml| xml.replacen(printed, line, 1), &[]);
        read_docx(&bytes)
    };
    // Unchanged, the stored dates (with their exact time and offset) stay.
    let same = read_with(printed).interview;
    assert_eq!(same.meta.published, original.meta.published);
    let moved = read_with("The Orrin Courier · 2 December 2024 · updated 3 December 2024");
    assert_eq!(
        moved
            .interview
            .meta
            .published
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-12-02")
    );
    assert_eq!(
        moved
            .interview
            .meta
            .updated
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-12-03")
    );
    assert_eq!(
        moved.interview.meta.publication.as_deref(),
        Some("The Orrin Courier")
    );
    // The words the writer prints before a date, and an update on the
    // day of publication printed as its time only.
    let worded = read_with("The Orrin Courier · Published 2 December 2024, 09:00 · Updated 14:30");
    assert_eq!(
        worded
            .interview
            .meta
            .updated
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-12-02T14:30:00")
    );
    let vague = read_with("The Orrin Courier · early December");
    assert_eq!(vague.interview.meta.published, original.meta.published);
    let warnings: Vec<String> = vague.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.contains(&"line 5: the dates line was changed to \"The Orrin Courier · early December\", but it holds no date Folio can read (such as 18 November 2024 or 2024-11-18); the dates stored with the document are kept (set them with -M published=DATE)".to_string()),
        "{warnings:?}"
    );
}
