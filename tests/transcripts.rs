//! Transcripts and caption files: the odd shapes real exports take, naming
//! speakers (`--speaker`, a sidecar), where start times show, clean
//! verbatim, bad input refused with nothing written, and a long recording.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

// The shared helpers; this file uses only some of them.
#[allow(dead_code)]
mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{folio, root};
use folio_core::{
    Block, Inline, InputFormat, Interview, Parsed, ReadOptions, SpeakerRole, Timestamps, TurnRole,
    plain_text,
};

fn read(text: &str, name: &str, options: &ReadOptions) -> Parsed {
    folio_core::read_bytes(text.as_bytes(), name, options).unwrap_or_else(|e| panic!("{e}"))
}

fn labels(i: &Interview) -> Vec<&str> {
    i.turns
        .iter()
        .map(|t| i.speaker(&t.speaker).map_or("?", |s| s.label.as_str()))
        .collect()
}

fn texts(i: &Interview) -> Vec<String> {
    i.turns
        .iter()
        .map(|t| {
            t.content
                .iter()
                .map(Block::plain_text)
                .collect::<Vec<_>>()
                .join(" / ")
        })
        .collect()
}

#[test]
fn webvtt_odd_cases_real_exports_have() {
    // A BOM, CRLF line ends, a title after the signature, cues without
    // identifiers, settings after the timings, one-digit hours, a comma
    // before the milliseconds, a blank line inside a cue.
    let text = "\u{feff}WEBVTT - Evening Talk\r\n\r\n00:01.000 --> 00:03.000 line:90% align:center\r\n<v Ann>Good evening.\r\n\r\n0:00:03.500 --> 0:00:05,000\r\nIt is late.\r\n\r\nBut we go on.\r\n\r\n00:06.000 --> 00:08.000\r\n<v Bo>Indeed.\r\n";
    let parsed = read(text, "talk.vtt", &ReadOptions::default());
    let i = &parsed.interview;
    assert_eq!(parsed.format, InputFormat::WebVtt);
    assert_eq!(i.meta.title.as_deref(), Some("Evening Talk"));
    assert_eq!(labels(i), ["Ann", "Bo"]);
    assert_eq!(
        texts(i)[0],
        "[00:01] Good evening. It is late. But we go on."
    );
    assert_eq!(i.turns[1].start, Some(6.0));
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("blank line inside a cue")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn a_caption_file_without_extension_is_known_by_its_content() {
    let vtt = read(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi?\n\n00:02.000 --> 00:03.000\n<v B>Hello.\n",
        "-",
        &ReadOptions::default(),
    );
    assert_eq!(vtt.format, InputFormat::WebVtt);
    let srt = read(
        "1\n00:00:01,000 --> 00:00:02,000\nA: Hi?\n\n2\n00:00:02,000 --> 00:00:03,000\nB: Hello.\n\n3\n00:00:03,000 --> 00:00:04,000\nA: Bye?\n",
        "<stdin>",
        &ReadOptions::default(),
    );
    assert_eq!(srt.format, InputFormat::Srt);
    assert_eq!(labels(&srt.interview), ["A", "B", "A"]);
    // `--from` overrides what the name says.
    let forced = ReadOptions {
        format: Some(InputFormat::WebVtt),
        ..ReadOptions::default()
    };
    assert_eq!(
        read(
            "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi.\n",
            "notes.md",
            &forced
        )
        .format,
        InputFormat::WebVtt
    );
}

#[test]
fn a_name_before_a_colon_is_a_speaker_only_when_it_recurs() {
    let text = "WEBVTT\n\n00:01.000 --> 00:03.000\nAnn Lee: Welcome. Note: we are live.\n\n00:03.000 --> 00:05.000\nBo Chen: Thanks.\n\n00:05.000 --> 00:07.000\nAnn Lee: Ready?\n\n00:07.000 --> 00:09.000\nBo Chen: Yes.\n\n00:09.000 --> 00:11.000\nWarning: the next part is loud.\n";
    let i = read(text, "t.vtt", &ReadOptions::default()).interview;
    assert_eq!(labels(&i), ["Ann Lee", "Bo Chen", "Ann Lee", "Bo Chen"]);
    // `Warning:` is said once: it is Bo Chen's words, not a speaker.
    assert!(
        texts(&i)[3].ends_with("Yes. Warning: the next part is loud."),
        "{:?}",
        texts(&i)
    );
}

#[test]
fn speaker_ids_become_people_and_two_ids_with_one_name_are_one_speaker() {
    let text = "[SPEAKER_00]: Welcome to the show, and thanks for coming.\n[SPEAKER_01]: Thanks for having me.\n[SPEAKER_00]: How did it start?\n[SPEAKER_02]: With a letter.\n[SPEAKER_00]: And then?\n[SPEAKER_01]: Then a phone call.\n";
    let options = ReadOptions {
        speaker_names: vec![
            ("SPEAKER_00".into(), "Dana Park".into()),
            ("SPEAKER_01".into(), "Luis Ortega".into()),
            // Diarisation split one voice in two.
            ("SPEAKER_02".into(), "Luis Ortega".into()),
        ],
        roles: vec![("SPEAKER_00".into(), SpeakerRole::Interviewer)],
        ..ReadOptions::default()
    };
    let parsed = read(text, "talk.txt", &options);
    let i = &parsed.interview;
    assert_eq!(parsed.format, InputFormat::Transcript);
    assert_eq!(i.speakers.len(), 2, "{:?}", i.speakers);
    assert_eq!(i.speakers[0].name.as_deref(), Some("Dana Park"));
    assert_eq!(i.speakers[0].role, SpeakerRole::Interviewer);
    assert_eq!(i.speakers[1].label, "Luis Ortega");
    assert_eq!(i.speakers[1].role, SpeakerRole::Interviewee);
    assert_eq!(
        labels(i),
        [
            "Dana Park",
            "Luis Ortega",
            "Dana Park",
            "Luis Ortega",
            "Dana Park",
            "Luis Ortega"
        ]
    );
    // The role was stated, so it is not reported as a guess.
    assert!(
        !parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("\"Dana Park\" as")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn a_sidecar_beside_the_file_names_speakers_and_gives_metadata() {
    let parsed = folio_core::read_path(
        &root().join("samples/24-whisperx-lines.txt"),
        &ReadOptions::default(),
    )
    .unwrap();
    let i = &parsed.interview;
    assert_eq!(
        i.meta.title.as_deref(),
        Some("Field Notes: Bees on the Roof")
    );
    assert_eq!(i.meta.language, "en-GB");
    assert_eq!(i.meta.authors, ["Noor Haddad"]);
    let names: Vec<_> = i.speakers.iter().map(|s| s.display_name()).collect();
    assert_eq!(names, ["Noor Haddad", "Ilse Brandt", "Tom Achterberg"]);
    assert_eq!(i.speakers[0].role, SpeakerRole::Interviewer);
    // The command line's names come before the sidecar's.
    let options = ReadOptions {
        speaker_names: vec![("SPEAKER_01".into(), "Dr Ilse Brandt".into())],
        ..ReadOptions::default()
    };
    let parsed =
        folio_core::read_path(&root().join("samples/24-whisperx-lines.txt"), &options).unwrap();
    assert_eq!(parsed.interview.speakers[1].label, "Dr Ilse Brandt");
    // A broken sidecar is an error naming it, its line and column.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.srt"),
        "1\n00:00:01,000 --> 00:00:02,000\nA: Hi.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("t.folio.toml"),
        "title = \"x\"\nlanguage = = 1\n",
    )
    .unwrap();
    let err = folio_core::read_path(&dir.path().join("t.srt"), &ReadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("t.folio.toml:2:"), "{err}");
    assert!(err.contains("invalid TOML sidecar"), "{err}");
}

fn first_inline(i: &Interview, turn: usize, paragraph: usize) -> &Inline {
    match &i.turns[turn].content[paragraph] {
        Block::Paragraph { content } => &content[0],
        other => panic!("not a paragraph: {other:?}"),
    }
}

#[test]
fn start_times_show_at_turns_paragraphs_or_nowhere_and_stay_in_the_model() {
    let path = root().join("samples/19-webvtt-voices.vtt");
    let at = |timestamps| {
        folio_core::read_path(
            &path,
            &ReadOptions {
                timestamps,
                ..ReadOptions::default()
            },
        )
        .unwrap()
        .interview
    };
    let turns = at(Timestamps::Turns);
    // Turn 4 (Samir) has two paragraphs: a pause of over two seconds after a full stop.
    assert_eq!(turns.turns[3].content.len(), 2);
    assert!(matches!(first_inline(&turns, 3, 0), Inline::Timestamp { text } if text == "[00:24]"));
    assert!(matches!(first_inline(&turns, 3, 1), Inline::Text { .. }));
    let paragraphs = at(Timestamps::Paragraphs);
    assert!(
        matches!(first_inline(&paragraphs, 3, 1), Inline::Timestamp { text } if text == "[00:38]")
    );
    let none = at(Timestamps::None);
    assert!(matches!(first_inline(&none, 3, 0), Inline::Text { .. }));
    assert_eq!(none.turns[3].start, Some(24.1));
    // A Rev export printed hours: so do the outputs.
    let rev = folio_core::read_path(
        &root().join("samples/23-rev-export.txt"),
        &ReadOptions::default(),
    )
    .unwrap()
    .interview;
    assert!(matches!(first_inline(&rev, 0, 0), Inline::Timestamp { text } if text == "[00:00:02]"));
}

#[test]
fn clean_verbatim_is_asked_for_and_recorded() {
    let path = root().join("samples/25-whisperx.json");
    let verbatim = folio_core::read_path(&path, &ReadOptions::default()).unwrap();
    assert!(texts(&verbatim.interview)[3].contains("Uh, we never know"));
    assert!(verbatim.interview.meta.edits.is_empty());
    let cleaned = folio_core::read_path(
        &path,
        &ReadOptions {
            clean_verbatim: true,
            ..ReadOptions::default()
        },
    )
    .unwrap();
    assert!(
        texts(&cleaned.interview)[3].contains("twice that. We never know"),
        "{:?}",
        texts(&cleaned.interview)
    );
    assert_eq!(
        cleaned.interview.meta.edits,
        ["clean verbatim: 1 filler words removed (--clean-verbatim)"]
    );
    // A language without a list is left alone, with a warning.
    let japanese = read(
        "WEBVTT\nLanguage: ja\n\n00:01.000 --> 00:02.000\n<v A>えーと、こんにちは。\n\n00:02.000 --> 00:03.000\n<v B>はい。\n",
        "j.vtt",
        &ReadOptions {
            clean_verbatim: true,
            ..ReadOptions::default()
        },
    );
    assert!(
        japanese
            .warnings
            .iter()
            .any(|w| w.message.contains("no list of filler words")),
        "{:?}",
        japanese.warnings
    );
}

#[test]
fn broadcast_marks_and_rolling_captions() {
    let i = folio_core::read_path(
        &root().join("samples/27-broadcast-rolling-captions.vtt"),
        &ReadOptions::default(),
    )
    .unwrap()
    .interview;
    assert_eq!(
        labels(&i),
        ["ANCHOR", "CHIEF REYES", "ANCHOR", "CHIEF REYES", "ANCHOR"]
    );
    // Each repeated line is read once.
    assert_eq!(
        texts(&i)[1],
        "[00:06] RESPONSE TIMES. WE ARE TWO MINUTES SLOWER THAN FIVE YEARS AGO. THAT IS TOO SLOW."
    );
    // `>>` without a name alternates between two unnamed voices, with a warning.
    let parsed = read(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n>> Are you ready?\n\n00:02.000 --> 00:03.000\n>> I am.\n\n00:03.000 --> 00:04.000\n- Go on.\n- Right.\n",
        "b.vtt",
        &ReadOptions::default(),
    );
    assert_eq!(
        labels(&parsed.interview),
        ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"]
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("without names"))
    );
}

#[test]
fn stage_directions_in_captions() {
    let i = folio_core::read_path(
        &root().join("samples/19-webvtt-voices.vtt"),
        &ReadOptions::default(),
    )
    .unwrap()
    .interview;
    let directions: Vec<String> = i
        .turns
        .iter()
        .flat_map(|t| &t.content)
        .flat_map(|b| match b {
            Block::Paragraph { content } => content.clone(),
            _ => Vec::new(),
        })
        .filter_map(|inline| match inline {
            Inline::StageDirection { text } => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(directions, ["[laughs]", "(laughter)"]);
}

#[test]
fn bad_transcripts_exit_1_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for bad in [
        "broken-timing.vtt",
        "end-before-start.srt",
        "unterminated-voice.vtt",
        "missing-field.json",
    ] {
        let input = root().join("tests/fixtures/bad").join(bad);
        let out = folio(
            &[
                "convert",
                input.to_str().unwrap(),
                "--out-dir",
                dir.path().to_str().unwrap(),
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(bad), "{bad}: {stderr}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "{bad}");
    }
}

/// A three-hour recording in 5,000 cues, two speakers taking turns every
/// few cues: read and written to all three formats (the time is printed,
/// not asserted; `bench/` measures speed).
#[test]
fn a_three_hour_caption_file() {
    let mut text = String::from("WEBVTT\n\n");
    for n in 0..5000u32 {
        let start = n * 2;
        let voice = if (n / 4) % 2 == 0 { "Host" } else { "Guest" };
        let open = if n % 4 == 0 {
            format!("<v {voice}>")
        } else {
            String::new()
        };
        let (h, m, s) = (start / 3600, (start / 60) % 60, start % 60);
        writeln!(
            text,
            "{n}\n{h:02}:{m:02}:{s:02}.000 --> {h:02}:{m:02}:{s:02}.900\n{open}Cue number {n} says a few words here.\n"
        )
        .unwrap();
    }
    let started = std::time::Instant::now();
    let parsed = read(&text, "long.vtt", &ReadOptions::default());
    let i = &parsed.interview;
    assert_eq!(i.turns.len(), 1250);
    assert_eq!(
        i.turns
            .iter()
            .filter(|t| t.role == TurnRole::Question)
            .count(),
        625
    );
    assert!(matches!(first_inline(i, 1249, 0), Inline::Timestamp { text } if text == "[02:46:32]"));
    let words: usize = i
        .turns
        .iter()
        .map(|t| {
            plain_text(match &t.content[0] {
                Block::Paragraph { content } => content,
                _ => panic!(),
            })
            .len()
        })
        .sum();
    assert!(words > 0);
    let read_time = started.elapsed();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.vtt");
    std::fs::write(&path, &text).unwrap();
    let out = folio(&["convert", path.to_str().unwrap(), "-q"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for ext in ["pdf", "docx", "epub"] {
        assert!(
            Path::new(&dir.path().join(format!("long.{ext}"))).exists(),
            "{ext}"
        );
    }
    eprintln!(
        "5,000 cues: read in {read_time:?}, converted to three formats in {:?}",
        started.elapsed()
    );
}

#[test]
fn cues_out_of_order_or_overlapping_are_read_in_file_order_with_a_warning() {
    let parsed = read(
        "WEBVTT\n\n00:05.000 --> 00:07.000\n<v Ann>First?\n\n00:01.000 --> 00:02.000\n<v Bo>Second.\n\n00:01.500 --> 00:03.000\n<v Ann>Third?\n",
        "o.vtt",
        &ReadOptions::default(),
    );
    assert_eq!(
        texts(&parsed.interview),
        ["[00:05] First?", "[00:01] Second.", "[00:01] Third?"]
    );
    let messages: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert!(
        messages.contains(
            &"line 6: 1 cue(s) start before the cue above them; read in file order".to_string()
        ),
        "{messages:?}"
    );
    assert!(
        messages.contains(
            &"line 9: 1 cue(s) start before the cue above them ends; read in file order"
                .to_string()
        ),
        "{messages:?}"
    );
}

#[test]
fn a_forced_reader_that_finds_nothing_says_what_it_looked_for() {
    let err = folio_core::read_bytes(
        b"Just some notes.\n\nNothing timed here.\n",
        "notes.txt",
        &ReadOptions {
            format: Some(InputFormat::Transcript),
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("notes.txt: no interview turns found: looked for speaker lines"),
        "{err}"
    );
}

/// The XHTML of an EPUB's interview chapter.
fn epub_chapter(path: &Path) -> String {
    let epub = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(epub)).unwrap();
    let mut chapter = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("OEBPS/interview-1.xhtml").unwrap(),
        &mut chapter,
    )
    .unwrap();
    chapter
}

#[test]
fn the_house_style_sets_where_times_show_and_books_take_transcripts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("folio.toml"), "timestamps = \"none\"\n").unwrap();
    let input = root().join("samples/20-subrip-name-changes.srt");
    let out = folio(
        &["convert", input.to_str().unwrap(), "-o", "t.epub"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let chapter = epub_chapter(&dir.path().join("t.epub"));
    assert!(chapter.contains("My uncle had the licence."), "{chapter}");
    assert!(!chapter.contains("class=\"timestamp\""), "{chapter}");
    // `--timestamps` on the command line wins over the house style.
    let out = folio(
        &[
            "convert",
            input.to_str().unwrap(),
            "-o",
            "t.epub",
            "--timestamps",
            "paragraphs",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    let chapter = epub_chapter(&dir.path().join("t.epub"));
    assert!(
        chapter.contains("<span class=\"timestamp\">[00:08]</span>"),
        "{chapter}"
    );
    // A book of a caption file, a transcript export and a Markdown interview.
    let out = folio(
        &[
            "book",
            input.to_str().unwrap(),
            root().join("samples/22-otter-export.txt").to_str().unwrap(),
            root().join("samples/05-q-a-colon.md").to_str().unwrap(),
            "--title",
            "Voices",
            "-o",
            "voices.epub",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A bad --timestamps is a usage error.
    let out = folio(
        &[
            "convert",
            input.to_str().unwrap(),
            "--timestamps",
            "sometimes",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("expected one of: none, turns, paragraphs")
    );
}

/// Shapes real exports take that the specs do not show.
#[test]
fn shapes_of_real_exports() {
    let labels_of = |text: &str, name: &str| {
        labels(&read(text, name, &ReadOptions::default()).interview)
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
    };
    // A name written once at each change of speaker, each used once; a
    // `Rule two:` that opens a cue is the speaker's words, not a speaker.
    assert_eq!(
        labels_of(
            "1\n00:00:00,000 --> 00:00:02,700\nMara: What did you learn?\n\n2\n00:00:02,700 --> 00:00:05,400\nTomas: Two things. Rule one:\nbake early.\n\n3\n00:00:05,400 --> 00:00:08,100\nRule two: respect the rye.\n",
            "p.srt"
        ),
        ["Mara", "Tomas"]
    );
    // A dash before every cue is decoration: one speaker, not two.
    assert_eq!(
        labels_of(
            "WEBVTT\n\n00:00.820 --> 00:04.720\n- Today I talk about rye.\n\n00:04.820 --> 00:07.000\n- It is hard to mill.\n\n00:07.100 --> 00:09.000\n- And worth it.\n",
            "w.vtt"
        ),
        ["Speaker 1"]
    );
    // `<v ->`: an unnamed change of voice.
    assert_eq!(
        labels_of(
            "WEBVTT\n\n00:01.000 --> 00:02.000\n<v ->Thanks for coming in today.</v>\n\n00:02.500 --> 00:04.000\n<v ->Happy to be here.</v>\n",
            "r.vtt"
        ),
        ["Speaker 1", "Speaker 2"]
    );
    // A line of one space does not end a cue (auto-captions).
    let youtube = read(
        "WEBVTT\nKind: captions\nLanguage: en\n\n00:00:00.469 --> 00:00:02.219 align:start position:0%\n \nwelcome<00:00:01.469><c> to</c><00:00:01.620><c> the</c> show\n",
        "y.vtt",
        &ReadOptions::default(),
    );
    assert_eq!(texts(&youtube.interview), ["[00:00] welcome to the show"]);
    assert_eq!(youtube.interview.turns[0].start, Some(0.469));
    // An export without speaker names: one voice, timed.
    let otter = read(
        "0:15  \nIt was a bad time to be an apple eater.\n\n0:21  \nEverybody grew the same apple.\n",
        "o.txt",
        &ReadOptions::default(),
    );
    assert_eq!(otter.format, InputFormat::Transcript);
    assert_eq!(
        texts(&otter.interview),
        ["[00:15] It was a bad time to be an apple eater. / Everybody grew the same apple."]
    );
    // whisperX: a segment with no speaker among segments with one is an
    // unknown voice, with a warning, not the previous speaker's words.
    let whisperx = read(
        r#"{"segments":[{"speaker":"SPEAKER_00","start":0,"end":2,"text":"Who built it?"},{"speaker":"SPEAKER_01","start":2.2,"end":4,"text":"My aunt."},{"start":4.1,"end":5,"text":"Avec un voisin."},{"speaker":"SPEAKER_00","start":6.2,"end":7,"text":"What next?"}]}"#,
        "x.json",
        &ReadOptions::default(),
    );
    assert_eq!(
        labels(&whisperx.interview),
        ["SPEAKER_00", "SPEAKER_01", "Unknown speaker", "SPEAKER_00"]
    );
    assert!(
        whisperx
            .warnings
            .iter()
            .any(|w| w.message.contains("\"Unknown speaker\""))
    );
    // A JSON transcript saved as .txt.
    let saved = read(
        r#"{"version":"1.0.0","segments":[{"speaker":"Ann","startTime":0.5,"body":"Hi?"},{"speaker":"Bo","startTime":1.5,"body":"Hello."}]}"#,
        "saved.txt",
        &ReadOptions::default(),
    );
    assert_eq!(saved.format, InputFormat::TranscriptJson);
}
