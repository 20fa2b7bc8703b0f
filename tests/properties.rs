//! Any model converts to all three formats, and every output is valid and
//! complete (issue 17's property tests): generated interviews with
//! XML metacharacters, `]]>`, control characters, combining marks,
//! right-to-left and mixed-direction text, CJK, words of thousands of
//! letters, empty paragraphs, hundreds of speakers, nested lists and
//! quotes, tables and every inline kind. For each, the PDF parses (lopdf),
//! every XML part of the DOCX and the EPUB parses (roxmltree), and every
//! plain word of the model is in the DOCX's and the EPUB's text (and, with
//! poppler installed, in the PDF's).
//!
//! Characters no font has (emoji) are left out of the generated text: the
//! PDF refuses them by design, with an error naming the character.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::process::Command;

use folio_core::{
    Alignment, Block, ClosingBlock, FrontBlock, Inline, Interview, Meta, Section, Speaker,
    SpeakerRole, Turn, TurnRole,
};
use proptest::prelude::*;

#[allow(dead_code)]
mod common;

use common::text::unzip;

/// Plain words: every one of them must be found in every output.
fn word() -> impl Strategy<Value = String> {
    "[a-z]{3,10}".prop_map(|w| format!("w{w}"))
}

/// Text that stresses escaping and shaping; checked for validity, not
/// counted as words.
fn noise() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<&>\"' ]]> &amp; <!-- -->".to_string()),
        Just("\u{0}\u{1}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{9c}\u{fffe}\u{ffff}".to_string()),
        Just("e\u{301}\u{302}\u{303}\u{304} a\u{30a}\u{323}".to_string()),
        Just("שלום עולם and مرحبا بالعالم 123".to_string()),
        Just("\u{202e}reversed\u{202c}".to_string()),
        Just("\u{2066}isolated\u{2069}".to_string()),
        Just("\u{200f}".to_string()),
        Just("汉字和かなとカナ、한국어".to_string()),
        Just("ﬁ ﬂ — – … « » „ “ ” ‘ ’".to_string()),
        "[a-z]{2000,4000}",
        Just(String::new()),
        Just("   \t  ".to_string()),
    ]
}

/// A run of text: words and noise, space-separated.
fn text() -> impl Strategy<Value = (String, Vec<String>)> {
    prop::collection::vec(prop_oneof![4 => word().prop_map(|w| (w.clone(), Some(w))), 1 => noise().prop_map(|n| (n, None))], 1..8)
        .prop_map(|parts| {
            let text = parts.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(" ");
            let words = parts.into_iter().filter_map(|(_, w)| w).collect();
            (text, words)
        })
}

fn inline(depth: u32) -> BoxedStrategy<(Inline, Vec<String>)> {
    let leaf = prop_oneof![
        3 => text().prop_map(|(text, words)| (Inline::Text { text: format!("{text} ") }, words)),
        1 => word().prop_map(|w| (Inline::StageDirection { text: format!("({w})") }, vec![w])),
        1 => Just((Inline::Timestamp { text: "[04:22]".into() }, Vec::new())),
        1 => word().prop_map(|w| (Inline::Code { text: w.clone() }, vec![w])),
        1 => Just((Inline::LineBreak, Vec::new())),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let inner = prop::collection::vec(inline(depth - 1), 1..3);
    prop_oneof![
        3 => leaf,
        1 => (inner.clone(), 0..6usize).prop_map(|(content, kind)| {
            let words = content.iter().flat_map(|(_, w)| w.clone()).collect();
            let content = spaced(content.into_iter().map(|(i, _)| i));
            let inline = match kind {
                0 => Inline::Emphasis { content },
                1 => Inline::Strong { content },
                2 => Inline::Strikeout { content },
                3 => Inline::Superscript { content },
                4 => Inline::Subscript { content },
                _ => Inline::Link { url: "https://example.org/a?b=1&c=<2>".into(), content },
            };
            (inline, words)
        }),
    ]
    .boxed()
}

fn inlines() -> impl Strategy<Value = (Vec<Inline>, Vec<String>)> {
    prop::collection::vec(inline(2), 0..5).prop_map(|parts| {
        let words = parts.iter().flat_map(|(_, w)| w.clone()).collect();
        (spaced(parts.into_iter().map(|(i, _)| i)), words)
    })
}

/// Inlines with a space between each two, so that no two generated words
/// run together into one.
fn spaced(inlines: impl Iterator<Item = Inline>) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in inlines {
        if !out.is_empty() {
            out.push(Inline::text(" "));
        }
        out.push(inline);
    }
    out
}

fn block(depth: u32) -> BoxedStrategy<(Block, Vec<String>)> {
    let paragraph = inlines().prop_map(|(content, words)| (Block::Paragraph { content }, words));
    if depth == 0 {
        return paragraph.boxed();
    }
    let table = (
        prop::collection::vec(inlines(), 0..3),
        prop::collection::vec(prop::collection::vec(inlines(), 1..4), 1..4),
    )
        .prop_map(|(header, rows)| {
            let mut words = Vec::new();
            let header: Vec<Vec<Inline>> = header
                .into_iter()
                .map(|(c, w)| {
                    words.extend(w);
                    c
                })
                .collect();
            let rows: Vec<Vec<Vec<Inline>>> = rows
                .into_iter()
                .map(|row| {
                    row.into_iter()
                        .map(|(c, w)| {
                            words.extend(w);
                            c
                        })
                        .collect()
                })
                .collect();
            let align = vec![Alignment::Left, Alignment::Right, Alignment::Center];
            (
                Block::Table {
                    header,
                    rows,
                    align,
                },
                words,
            )
        });
    prop_oneof![
        4 => paragraph,
        1 => (any::<bool>(), prop::collection::vec(prop::collection::vec(block(depth - 1), 1..3), 1..4)).prop_map(|(ordered, items)| {
            let mut words = Vec::new();
            let items = items
                .into_iter()
                .map(|item| item.into_iter().map(|(b, w)| { words.extend(w); b }).collect())
                .collect();
            (Block::List { ordered, items }, words)
        }),
        1 => prop::collection::vec(block(depth - 1), 1..3).prop_map(|content| {
            let words = content.iter().flat_map(|(_, w)| w.clone()).collect();
            (Block::Quote { content: content.into_iter().map(|(b, _)| b).collect() }, words)
        }),
        1 => table,
    ]
    .boxed()
}

/// An interview and the plain words it holds.
fn interview() -> impl Strategy<Value = (Interview, Vec<String>)> {
    let speakers = prop_oneof![9 => 1..5usize, 1 => 150..300usize];
    (
        text(),
        speakers,
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                prop::collection::vec(block(3), 1..4),
            ),
            1..10,
        ),
        prop::collection::vec(block(1), 0..2),
        text(),
    )
        .prop_map(
            |((title, title_words), speakers, turns, intro, (heading, heading_words))| {
                let mut words = title_words;
                let speakers: Vec<Speaker> = (0..speakers)
                    .map(|n| Speaker {
                        id: format!("s{n}"),
                        label: format!("Speaker <{n}> & co"),
                        name: None,
                        role: if n == 0 {
                            SpeakerRole::Interviewer
                        } else {
                            SpeakerRole::Interviewee
                        },
                    })
                    .collect();
                let turns: Vec<Turn> = turns
                    .into_iter()
                    .map(|(who, content)| {
                        let speaker = &speakers[who.index(speakers.len())];
                        let content = content
                            .into_iter()
                            .map(|(b, w)| {
                                words.extend(w);
                                b
                            })
                            .collect();
                        Turn {
                            speaker: speaker.id.clone(),
                            role: if speaker.role == SpeakerRole::Interviewer {
                                TurnRole::Question
                            } else {
                                TurnRole::Answer
                            },
                            start: None,
                            content,
                        }
                    })
                    .collect();
                let intro: Vec<Block> = intro
                    .into_iter()
                    .map(|(b, w)| {
                        words.extend(w);
                        b
                    })
                    .collect();
                words.extend(heading_words);
                let interview = Interview {
                    meta: Meta {
                        title: Some(title),
                        language: "en".into(),
                        identifier: "urn:uuid:00000000-0000-4000-8000-000000000000".into(),
                        ..Meta::default()
                    },
                    speakers,
                    front: if intro.is_empty() {
                        Vec::new()
                    } else {
                        vec![FrontBlock::Introduction { content: intro }]
                    },
                    sections: vec![Section {
                        heading,
                        level: 1,
                        first_turn: 0,
                        content: Vec::new(),
                    }],
                    turns,
                    closing: vec![ClosingBlock::Afterword {
                        content: vec![Block::Paragraph {
                            content: vec![Inline::text("wend")],
                        }],
                    }],
                };
                (interview, words)
            },
        )
}

/// Every XML part parses; returns the text of the parts `is_text` picks.
fn xml_text(bytes: &[u8], is_text: impl Fn(&str) -> bool) -> String {
    let mut text = String::new();
    for (name, data) in unzip(bytes) {
        if !(name.ends_with(".xml")
            || name.ends_with(".xhtml")
            || name.ends_with(".opf")
            || name.ends_with(".ncx")
            || name.ends_with(".rels"))
        {
            continue;
        }
        let source =
            std::str::from_utf8(&data).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        let document = roxmltree::Document::parse_with_options(source, options)
            .unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
        if is_text(&name) {
            for node in document.descendants().filter(|n| n.is_text()) {
                text.push_str(node.text().unwrap_or(""));
                text.push(' ');
            }
        }
    }
    text
}

/// The plain words of `text`, counted.
fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_string()).or_insert(0) += 1;
    }
    counts
}

fn assert_all_words(format: &str, words: &[String], text: &str) {
    let found = word_counts(text);
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for w in words {
        *wanted.entry(w.as_str()).or_insert(0) += 1;
    }
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(w, n)| found.get(**w).copied().unwrap_or(0) < **n)
        .map(|(w, _)| *w)
        .collect();
    assert!(
        missing.is_empty(),
        "{format}: words missing: {missing:?}\nin the text: {}",
        text.chars().take(600).collect::<String>()
    );
}

fn pdf_text(bytes: &[u8]) -> Option<String> {
    let text = common::text::pdftotext(bytes);
    // Words hyphenated at a line end (the hyphen given as U+00AD, or as
    // `-`) are joined again, across any blank lines pdftotext puts after.
    let mut joined = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find(['\u{ad}', '-']) {
        let (before, after) = rest.split_at(at);
        joined.push_str(before);
        let hyphen = after.chars().next().map_or(1, char::len_utf8);
        let tail = &after[hyphen..];
        let next = tail.trim_start_matches('\n');
        if next.len() < tail.len() {
            rest = next;
        } else {
            joined.push_str(&after[..hyphen]);
            rest = tail;
        }
    }
    joined.push_str(rest);
    Some(joined)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, max_shrink_iters: 200, .. ProptestConfig::default() })]

    #[test]
    fn any_model_converts_to_every_format_whole((interview, words) in interview()) {
        let pdf = folio_pdf::pdf(&interview, &folio_pdf::PdfOptions::default())
            .unwrap_or_else(|e| panic!("PDF: {e}"));
        lopdf::Document::load_mem(&pdf.bytes).unwrap_or_else(|e| panic!("the PDF does not parse: {e}"));
        let docx = folio_docx::docx(&interview, &folio_docx::DocxOptions::default())
            .unwrap_or_else(|e| panic!("DOCX: {e}"));
        let docx_text = xml_text(&docx.bytes, |name| name == "word/document.xml");
        assert_all_words("DOCX", &words, &docx_text);
        let epub = folio_epub::epub(&interview, &folio_epub::EpubOptions::default())
            .unwrap_or_else(|e| panic!("EPUB: {e}"));
        let epub_text = xml_text(&epub.bytes, |name| name.ends_with(".xhtml") && !name.ends_with("nav.xhtml"));
        assert_all_words("EPUB", &words, &epub_text);
        let poppler = Command::new("pdftotext").arg("-v").output().is_ok();
        // pdftotext gives the PDF's text in visual order; around explicit
        // bidi embeddings and isolates its order is not the model's, so
        // the words of those interviews are checked in the DOCX and EPUB
        // only (their PDF must still parse). Known gap: a line mixing an
        // override, an isolate and text after them can come out of
        // pdftotext reordered; see issue 17's note.
        let explicit_bidi = serde_json::to_string(&interview)
            .unwrap_or_default()
            .chars()
            .any(|c| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'));
        if common::require(poppler, "the `pdftotext` program", "poppler-utils") && !explicit_bidi {
            let text = pdf_text(&pdf.bytes).expect("pdftotext runs");
            assert_all_words("PDF", &words, &text);
        }
    }
}
