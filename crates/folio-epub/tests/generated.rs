//! Pseudo-random models, from plain to hostile (markup characters, control
//! characters, mixed scripts, blank fields, dangling references): every one
//! must give a well-formed, deterministic book. With
//! `FOLIO_EPUB_GENERATED_DIR` set, the books are also written there for
//! `.ci/check-epub.sh` to run EPUBCheck on.

mod common;

use std::collections::BTreeSet;

use common::{TestResult, fixtures_dir, options, parse_xml, unpack};
use folio_core::{
    Block, ClosingBlock, DateTime, Figure, FrontBlock, Inline, Interview, Meta, Section, Speaker,
    SpeakerRole, Turn, TurnRole,
};
use folio_epub::{EpubOptions, epub};

/// How many models to try.
const MODELS: u64 = 40;

/// xorshift64*: small, deterministic, good enough to vary test input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "interview",
    "question",
    "Answer",
    "AT&T",
    "<b>bold</b>",
    "\"quoted\"",
    "it's",
    "]]>",
    "&amp;",
    "共同体",
    "网络空间",
    "日本語",
    "한국어",
    "العربية",
    "עברית",
    "\u{200F}",
    "😀",
    "e\u{301}",
    "\u{1}",
    "\u{FFFE}",
    "\u{0}",
    "\t",
    "—",
    "«",
    "»",
    "100%",
    "#hash",
    "{brace}",
    "--",
    "\u{a0}",
];

fn text(rng: &mut Rng, max_words: usize) -> String {
    let count = rng.below(max_words + 1);
    (0..count)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn maybe_text(rng: &mut Rng) -> Option<String> {
    rng.chance(60).then(|| text(rng, 6))
}

fn figure(rng: &mut Rng) -> Figure {
    let sources = [
        "images/portrait.png",
        "missing.png",
        "https://example.com/x.jpg",
        "",
        "data:image/png;base64,AA",
    ];
    Figure {
        src: rng.chance(70).then(|| rng.pick(&sources).to_string()),
        alt: maybe_text(rng),
        caption: maybe_text(rng),
        credit: maybe_text(rng),
    }
}

fn inlines(rng: &mut Rng, depth: usize) -> Vec<Inline> {
    let urls = [
        "https://example.com/a?b=1&c=2",
        "mailto:x@example.com",
        "http://bad host/",
        "../rel.html",
        "javascript:x",
        "",
    ];
    (0..rng.below(5))
        .map(|_| match rng.below(if depth > 1 { 6 } else { 9 }) {
            0..=2 => Inline::text(text(rng, 8)),
            3 => Inline::StageDirection {
                text: format!("({})", text(rng, 2)),
            },
            4 => Inline::Timestamp {
                text: format!("[{:02}:{:02}]", rng.below(60), rng.below(60)),
            },
            5 => Inline::LineBreak,
            6 => Inline::Emphasis {
                content: inlines(rng, depth + 1),
            },
            7 => Inline::Strong {
                content: inlines(rng, depth + 1),
            },
            _ => Inline::Link {
                url: rng.pick(&urls).to_string(),
                content: inlines(rng, depth + 1),
            },
        })
        .collect()
}

fn blocks(rng: &mut Rng, depth: usize) -> Vec<Block> {
    (0..rng.below(4))
        .map(|_| match rng.below(if depth > 1 { 1 } else { 6 }) {
            0..=2 => Block::Paragraph {
                content: inlines(rng, 0),
            },
            3 => Block::List {
                ordered: rng.chance(50),
                items: (0..rng.below(3)).map(|_| blocks(rng, depth + 1)).collect(),
            },
            4 => Block::Quote {
                content: blocks(rng, depth + 1),
            },
            _ => Block::Figure {
                figure: figure(rng),
            },
        })
        .collect()
}

fn model(seed: u64) -> Interview {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let languages = [
        "en",
        "zh-Hans",
        "ar",
        "he",
        "ja",
        "fr-CA",
        "",
        "not a tag",
        "de",
    ];
    let roles = [
        SpeakerRole::Interviewer,
        SpeakerRole::Interviewee,
        SpeakerRole::Moderator,
        SpeakerRole::Group,
        SpeakerRole::Other,
    ];
    let speakers: Vec<Speaker> = (0..rng.below(5))
        .map(|i| Speaker {
            id: format!("s{i}{}", if rng.chance(20) { " \"odd\"" } else { "" }),
            label: text(&mut rng, 2),
            name: maybe_text(&mut rng),
            role: roles[rng.below(roles.len())],
        })
        .collect();
    let turn_roles = [TurnRole::Question, TurnRole::Answer, TurnRole::Remark];
    let turns: Vec<Turn> = (0..rng.below(12))
        .map(|_| Turn {
            speaker: speakers
                .get(rng.below(speakers.len() + 1))
                .map_or("ghost".into(), |s| s.id.clone()),
            role: turn_roles[rng.below(3)],
            start: None,
            content: blocks(&mut rng, 0),
        })
        .collect();
    let sections = (0..rng.below(4))
        .map(|_| Section {
            heading: text(&mut rng, 4),
            level: u8::try_from(rng.below(3) + 1).unwrap_or(1),
            first_turn: rng.below(turns.len() + 3),
            content: if rng.chance(30) {
                blocks(&mut rng, 1)
            } else {
                Vec::new()
            },
        })
        .collect();
    let front = (0..rng.below(4))
        .map(|_| match rng.below(4) {
            0 => FrontBlock::EditorsNote {
                content: blocks(&mut rng, 0),
            },
            1 => FrontBlock::Introduction {
                content: blocks(&mut rng, 0),
            },
            2 => FrontBlock::Dateline {
                text: text(&mut rng, 3),
            },
            _ => FrontBlock::Figure {
                figure: figure(&mut rng),
            },
        })
        .collect();
    let closing = (0..rng.below(3))
        .map(|_| match rng.below(3) {
            0 => ClosingBlock::Bio {
                content: blocks(&mut rng, 0),
            },
            1 => ClosingBlock::Afterword {
                content: blocks(&mut rng, 0),
            },
            _ => ClosingBlock::Footer {
                content: blocks(&mut rng, 0),
            },
        })
        .collect();
    let meta = Meta {
        title: maybe_text(&mut rng),
        subtitle: maybe_text(&mut rng),
        kicker: maybe_text(&mut rng),
        authors: (0..rng.below(3)).map(|_| text(&mut rng, 2)).collect(),
        interviewers: (0..rng.below(2)).map(|_| text(&mut rng, 2)).collect(),
        publication: maybe_text(&mut rng),
        published: rng
            .chance(50)
            .then(|| {
                DateTime::from_unix_seconds(i64::try_from(rng.next() % 4_000_000_000).unwrap_or(0))
            })
            .flatten(),
        updated: None,
        language: rng.pick(&languages).to_string(),
        source_url: rng.chance(40).then(|| {
            rng.pick(&["https://example.com/a b", "ftp://x", "https://例え.jp/"])
                .to_string()
        }),
        rights: maybe_text(&mut rng),
        keywords: (0..rng.below(3)).map(|_| text(&mut rng, 2)).collect(),
        description: maybe_text(&mut rng),
        identifier: if rng.chance(50) {
            format!("urn:uuid:00000000-0000-5000-8000-{seed:012}")
        } else {
            text(&mut rng, 2)
        },
        cover: rng.chance(20).then(|| "images/portrait.png".to_string()),
        edits: Vec::new(),
        certified_by: None,
    };
    Interview {
        meta,
        speakers,
        front,
        turns,
        sections,
        closing,
    }
}

#[test]
fn generated_models_give_well_formed_deterministic_books() -> TestResult {
    let out_dir = std::env::var_os("FOLIO_EPUB_GENERATED_DIR").map(std::path::PathBuf::from);
    let options = EpubOptions {
        common: folio_core::WriterOptions {
            base_dir: Some(fixtures_dir()),
            ..options().common
        },
        ..options()
    };
    for seed in 1..=MODELS {
        let interview = model(seed);
        let rendered = epub(&interview, &options).map_err(|e| format!("model {seed}: {e}"))?;
        let book = unpack(&rendered.bytes)?;
        for (file, bytes) in &book.files {
            if [".xhtml", ".opf", ".ncx", ".svg", ".xml"]
                .iter()
                .any(|e| file.ends_with(e))
            {
                let text = std::str::from_utf8(bytes)?;
                let document = parse_xml(text).map_err(|e| format!("model {seed}, {file}: {e}"))?;
                let ids: Vec<&str> = document
                    .descendants()
                    .filter_map(|n| n.attribute("id"))
                    .collect();
                let unique: BTreeSet<&&str> = ids.iter().collect();
                assert_eq!(
                    unique.len(),
                    ids.len(),
                    "model {seed}, {file}: duplicate ids"
                );
            }
        }
        if seed % 8 == 0 {
            assert!(
                epub(&interview, &options)?.bytes == rendered.bytes,
                "model {seed} is not deterministic"
            );
        }
        if let Some(dir) = &out_dir {
            std::fs::create_dir_all(dir)?;
            std::fs::write(
                dir.join(format!("generated-{seed:02}.epub")),
                &rendered.bytes,
            )?;
        }
    }
    Ok(())
}
