//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::Command;

use folio_core::{Block, Inline, Interview, Speaker, SpeakerRole, Turn, TurnRole};
use folio_pdf::Document;

/// The collections Debian's fonts-noto-cjk installs.
pub const NOTO_SERIF_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
pub const NOTO_SANS_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/// The face Debian's fonts-dejavu-core installs.
pub const DEJAVU_SANS: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// Whether `what`, something outside the repository a test needs, is at
/// hand (`found`). When it is missing the test fails, naming it and the
/// Debian package that installs it, unless `FOLIO_SKIP_EXTERNAL=1`: then
/// it says on stderr that it skipped and why, and the caller returns.
pub fn require(found: bool, what: &str, package: &str) -> bool {
    if found {
        return true;
    }
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    if std::env::var_os("FOLIO_SKIP_EXTERNAL").is_some_and(|v| v == "1") {
        // Straight to the process's stderr, past the test harness's capture,
        // so that the skip shows in the run's output.
        let _ = writeln!(
            std::io::stderr().lock(),
            "SKIPPED {test}: {what} is missing (Debian package {package}); FOLIO_SKIP_EXTERNAL=1 is set"
        );
        return false;
    }
    panic!(
        "{test} needs {what}, which is missing: install it with \
         `apt-get install {package}` (Debian), or set FOLIO_SKIP_EXTERNAL=1 \
         to skip the tests that need external tools"
    );
}

/// Whether the program `tool` runs (poppler's tools all answer `-v`).
pub fn require_tool(tool: &str, package: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    require(found, &format!("the `{tool}` program"), package)
}

/// Whether the font file at `path` is installed.
pub fn require_font(path: &str, package: &str) -> bool {
    require(
        Path::new(path).is_file(),
        &format!("the font {path}"),
        package,
    )
}

/// Whether a CJK font the writer falls back to for Chinese is installed.
pub fn require_cjk_font() -> bool {
    let found = [NOTO_SERIF_CJK, NOTO_SANS_CJK]
        .iter()
        .any(|path| Path::new(path).is_file());
    require(found, "a CJK font (Noto CJK)", "fonts-noto-cjk")
}

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
            start: None,
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

/// A table of `rows` (the first is the header) of plain-text cells.
pub fn table(rows: &[&[&str]], align: &[folio_core::Alignment]) -> Block {
    let cells =
        |row: &[&str]| -> Vec<Vec<Inline>> { row.iter().map(|t| vec![Inline::text(*t)]).collect() };
    Block::Table {
        header: rows.first().map(|r| cells(r)).unwrap_or_default(),
        rows: rows.iter().skip(1).map(|r| cells(r)).collect(),
        align: align.to_vec(),
    }
}
