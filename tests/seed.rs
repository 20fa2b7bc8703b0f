//! The reference interview, read field by field: a news Q&A copied from a
//! web page (kicker, headline, dates, a caption printed twice, an editor's
//! note, then `GT:` questions and `Gosset:` answers over several paragraphs).

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use folio_core::{
    Block, FrontBlock, Inline, Interview, ReadOptions, SpeakerRole, TurnRole, plain_text,
};

/// The copy kept in the repository (see tests/fixtures/seed/SOURCE.md).
fn seed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seed/seed.txt")
}

fn seed() -> Interview {
    let path = seed_path();
    match folio_core::read_path(&path, &ReadOptions::default()) {
        Ok(parsed) => parsed.interview,
        Err(err) => panic!("reading the seed {} failed: {err}", path.display()),
    }
}

fn paragraph_texts(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { content } => plain_text(content),
            other => panic!("expected only paragraphs, got {other:?}"),
        })
        .collect()
}

#[test]
fn header_fields() {
    let interview = seed();
    let meta = &interview.meta;
    assert_eq!(meta.kicker.as_deref(), Some("SOURCE / ECONOMY"));
    let line_two = std::fs::read_to_string(seed_path())
        .ok()
        .and_then(|t| t.lines().nth(1).map(str::to_string));
    // Line 2 as typed, with its apostrophe made typographic.
    let line_two = line_two.map(|l| l.replace('\'', "’"));
    assert_eq!(meta.title, line_two, "the title is line 2");
    assert!(
        meta.title
            .as_deref()
            .is_some_and(|t| t.contains('‘') && t.contains('’'))
    );
    assert_eq!(
        meta.published.map(|d| d.to_string()).as_deref(),
        Some("2025-11-16T23:34:00")
    );
    assert_eq!(
        meta.updated.map(|d| d.to_string()).as_deref(),
        Some("2025-11-16T23:51:00")
    );
    assert_eq!(meta.language, "en");
    assert!(meta.identifier.starts_with("urn:uuid:"));
}

#[test]
fn the_caption_printed_twice_is_one_figure() {
    let interview = seed();
    let figures: Vec<_> = interview
        .front
        .iter()
        .filter_map(|b| match b {
            FrontBlock::Figure { figure } => Some(figure),
            _ => None,
        })
        .collect();
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].caption.as_deref(), Some("David Gosset"));
    assert_eq!(
        figures[0].credit.as_deref(),
        Some("Courtesy of David Gosset")
    );
    assert_eq!(figures[0].src, None);
}

#[test]
fn editors_note_has_six_paragraphs() {
    let interview = seed();
    let note = interview
        .editors_note()
        .map(paragraph_texts)
        .unwrap_or_default();
    assert_eq!(note.len(), 6, "{note:#?}");
    assert!(note[0].starts_with("In 2015, at the opening of the second World Internet Conference"));
    assert!(note[5].starts_with("In the 16th article of the “Readers’ Reflections” column"));
    // No-break spaces are normalised, not lost: the words around them stay apart.
    assert!(
        note.iter()
            .all(|p| !p.contains('\u{a0}') && !p.contains("  "))
    );
    assert!(note.iter().all(|p| p.trim() == p));
}

#[test]
fn eight_turns_alternate_between_gt_and_gosset() {
    let interview = seed();
    assert_eq!(interview.speakers.len(), 2);
    let gt = &interview.speakers[0];
    let gosset = &interview.speakers[1];
    assert_eq!((gt.id.as_str(), gt.label.as_str()), ("gt", "GT"));
    assert_eq!(gt.role, SpeakerRole::Interviewer);
    assert_eq!(gt.name.as_deref(), Some("Global Times"));
    assert_eq!(
        (gosset.id.as_str(), gosset.label.as_str()),
        ("gosset", "Gosset")
    );
    assert_eq!(gosset.role, SpeakerRole::Interviewee);
    assert_eq!(gosset.name.as_deref(), Some("David Gosset"));

    assert_eq!(interview.turns.len(), 8);
    for (index, turn) in interview.turns.iter().enumerate() {
        let (speaker, role) = if index % 2 == 0 {
            ("gt", TurnRole::Question)
        } else {
            ("gosset", TurnRole::Answer)
        };
        assert_eq!(
            (turn.speaker.as_str(), turn.role),
            (speaker, role),
            "turn {index}"
        );
    }
    let answer_lengths: Vec<usize> = interview
        .turns
        .iter()
        .filter(|t| t.role == TurnRole::Answer)
        .map(|t| t.content.len())
        .collect();
    assert_eq!(answer_lengths, [3, 3, 4, 4]);
    let question_lengths: Vec<usize> = interview
        .turns
        .iter()
        .filter(|t| t.role == TurnRole::Question)
        .map(|t| t.content.len())
        .collect();
    assert_eq!(question_lengths, [1, 1, 1, 1]);
}

#[test]
fn labels_are_removed_and_text_is_kept_exactly() {
    let interview = seed();
    let first_question = paragraph_texts(&interview.turns[0].content);
    assert!(first_question[0].starts_with("Volume II of “Xi Jinping: The Governance of China”"));
    let last_answer = paragraph_texts(&interview.turns[7].content);
    assert_eq!(
        last_answer[2],
        "As a Chinese saying goes, “To get rich, build roads.” Today they say, “To get rich, get connected to the internet.”"
    );
    // The line with a no-break space inside the GT question is normalised too.
    let text = paragraph_texts(&interview.turns[6].content).join(" ");
    assert!(!text.contains('\u{a0}') && !text.contains("  "));
    // Every word of the source body survives: compare word counts of the turns.
    let source = std::fs::read_to_string(seed_path()).unwrap_or_default();
    let source_turn_words: usize = source
        .lines()
        .skip(24)
        .map(|l| l.split_whitespace().count())
        .sum();
    let model_turn_words: usize = interview
        .turns
        .iter()
        .map(|t| {
            folio_core::blocks_plain_text(&t.content)
                .split_whitespace()
                .count()
        })
        .sum();
    // The labels (`GT:`, `Gosset:`) are the only words the model does not repeat.
    assert_eq!(source_turn_words - 8, model_turn_words);
    assert!(interview.turns.iter().all(|t| {
        t.content.iter().all(|b| matches!(
        b,
        Block::Paragraph { content } if content.iter().all(|i| matches!(i, Inline::Text { .. }))
    ))
    }));
}
