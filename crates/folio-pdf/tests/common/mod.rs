//! Shared helpers for the integration tests.
#![allow(dead_code)]

use folio_core::{Block, Inline, Interview, Speaker, SpeakerRole, Turn, TurnRole};
use folio_pdf::layout::tree::Document;

pub fn fixture(name: &str) -> Interview {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        content: vec![Inline::text(text)],
    }
}

/// A small interview with the given turns (question, answer, …).
pub fn interview(language: &str, texts: &[&str]) -> Interview {
    let mut i = fixture("seed.json");
    i.meta.language = language.into();
    i.front.clear();
    i.speakers = vec![
        Speaker {
            id: "q".into(),
            label: "Q".into(),
            name: None,
            role: SpeakerRole::Interviewer,
        },
        Speaker {
            id: "a".into(),
            label: "A".into(),
            name: None,
            role: SpeakerRole::Interviewee,
        },
    ];
    i.turns = texts
        .iter()
        .enumerate()
        .map(|(n, t)| Turn {
            speaker: if n % 2 == 0 { "q" } else { "a" }.into(),
            role: if n % 2 == 0 {
                TurnRole::Question
            } else {
                TurnRole::Answer
            },
            content: vec![paragraph(t)],
        })
        .collect();
    i
}

/// The seed made `times` times longer (its turns repeated).
pub fn longer(times: usize) -> Interview {
    let mut i = fixture("seed.json");
    let turns = i.turns.clone();
    for _ in 1..times {
        i.turns.extend(turns.iter().cloned());
    }
    i
}

/// One line per text line: position, first face and size, text.
pub fn summary(doc: &Document) -> Vec<Vec<String>> {
    doc.pages
        .iter()
        .map(|p| {
            let mut rows: Vec<String> = p
                .lines
                .iter()
                .map(|l| {
                    let face = l
                        .runs
                        .first()
                        .map(|r| format!("f{}@{}", r.face.0, r.size))
                        .unwrap_or_default();
                    format!(
                        "y={:.1} x={:.1} w={:.1} {face} {}",
                        l.baseline,
                        l.x,
                        l.width,
                        l.text().replace("-\u{AD}", "-").replace('\u{AD}', "‐")
                    )
                })
                .collect();
            rows.extend(
                p.rules
                    .iter()
                    .map(|r| format!("rule y={:.1} x={:.1}..{:.1}", r.y0, r.x0, r.x1)),
            );
            rows.extend(p.images.iter().map(|i| {
                format!(
                    "image {} y={:.1} x={:.1} {:.1}x{:.1}",
                    i.image, i.y, i.x, i.width, i.height
                )
            }));
            rows.extend(p.links.iter().map(|l| {
                format!(
                    "link {} y={:.1} x={:.1} w={:.1}",
                    l.target, l.y, l.x, l.width
                )
            }));
            rows
        })
        .collect()
}
