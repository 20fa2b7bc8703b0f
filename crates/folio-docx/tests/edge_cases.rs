//! Odd but valid models never make the writer panic, and always give a
//! package whose XML parts parse.

// A failed expectation in a test is a panic by design.
#![allow(clippy::panic)]

mod common;

use common::{options, unzip};
use folio_core::{
    Block, ClosingBlock, Figure, FrontBlock, Inline, Interview, Meta, Section, Speaker,
    SpeakerRole, Turn, TurnRole,
};
use folio_docx::docx;

fn paragraph(inlines: Vec<Inline>) -> Block {
    Block::Paragraph { content: inlines }
}

fn nested_list(depth: usize) -> Block {
    let mut item = vec![paragraph(vec![Inline::text(format!("depth {depth}"))])];
    if depth < 12 {
        item.push(nested_list(depth + 1));
    }
    Block::List {
        ordered: depth.is_multiple_of(2),
        items: vec![item, Vec::new()],
    }
}

fn odd_interview(language: &str) -> Interview {
    Interview {
        meta: Meta {
            title: Some("Control \u{0} chars \u{b} and <markup> & \"quotes\"".into()),
            authors: vec![String::new()],
            keywords: vec!["a&b".into()],
            language: language.into(),
            identifier: "urn:x:<odd>".into(),
            ..Meta::default()
        },
        speakers: vec![Speaker {
            id: "s".into(),
            label: "S<1>".into(),
            name: None,
            role: SpeakerRole::Other,
        }],
        front: vec![
            FrontBlock::Figure {
                figure: Figure::default(),
            },
            FrontBlock::Dateline {
                text: String::new(),
            },
        ],
        turns: vec![
            Turn {
                speaker: "unknown-speaker".into(),
                role: TurnRole::Remark,
                start: None,
                content: Vec::new(),
            },
            Turn {
                speaker: "s".into(),
                role: TurnRole::Answer,
                start: None,
                content: vec![
                    nested_list(0),
                    Block::Quote {
                        content: vec![Block::Quote {
                            content: vec![paragraph(vec![Inline::LineBreak])],
                        }],
                    },
                    paragraph(vec![
                        Inline::Link {
                            url: String::new(),
                            content: vec![Inline::text("no target")],
                        },
                        Inline::Link {
                            url: "#anchor".into(),
                            content: Vec::new(),
                        },
                        Inline::Link {
                            url: "http://example.org/a b?c=\"d\"&e".into(),
                            content: Vec::new(),
                        },
                        Inline::Emphasis {
                            content: vec![Inline::Strong {
                                content: vec![Inline::text("both\nlines")],
                            }],
                        },
                    ]),
                    Block::Figure {
                        figure: Figure {
                            src: Some("/definitely/not/here.png".into()),
                            ..Figure::default()
                        },
                    },
                ],
            },
        ],
        sections: vec![
            Section {
                heading: "zero".into(),
                level: 0,
                first_turn: 0,
                content: Vec::new(),
            },
            Section {
                heading: "far away".into(),
                level: 9,
                first_turn: 99,
                content: vec![paragraph(Vec::new())],
            },
        ],
        closing: vec![ClosingBlock::Afterword {
            content: Vec::new(),
        }],
    }
}

#[test]
fn odd_models_give_well_formed_packages() {
    for language in ["", "x-klingon", "ar", "zh-Hant", "ja", "he-IL", "\"/>"] {
        let interview = odd_interview(language);
        let rendered = docx(&interview, &options());
        let Ok(rendered) = rendered else {
            panic!("{language}: {rendered:?}");
        };
        for (name, bytes) in unzip(&rendered.bytes) {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    roxmltree::Document::parse(&text).is_ok(),
                    "{language}: {name} is not well-formed"
                );
            }
        }
        let parts = unzip(&rendered.bytes);
        let document = common::part(&parts, "word/document.xml");
        // The section after the last turn and the label of the empty turn survive.
        assert!(document.contains("far away"));
        assert!(
            document.contains(">unknown-speaker"),
            "{language}: {document}"
        );
        assert!(document.contains("depth 12"));
    }
}
