//! Right-to-left text: Hebrew and Arabic interviews and an Arabic phrase in
//! English, checked in the layout (visual order, alignment) and with
//! poppler's pdftotext (logical order). The faces come from the system
//! (DejaVu Sans); a missing font or pdftotext fails the test unless
//! `FOLIO_SKIP_EXTERNAL=1` (see `common::require`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

use folio_core::Interview;
use folio_pdf::PageGeometry;
use folio_pdf::{Document, Line};
use folio_pdf::{PdfOptions, layout, pdf};

/// System fonts on: the house faces have no Arabic or Hebrew.
fn options() -> PdfOptions {
    PdfOptions::default()
}

fn lines(doc: &Document) -> impl Iterator<Item = &Line> {
    doc.pages.iter().flat_map(|p| p.lines.iter())
}

/// Left edge of the first glyph carrying `needle` (a character of it).
fn x_of(line: &Line, needle: &str) -> Option<f32> {
    line.runs
        .iter()
        .flat_map(|r| r.glyphs.iter())
        .find(|g| !g.text.is_empty() && needle.starts_with(g.text.as_str()))
        .map(|g| g.x)
}

/// The line holding `word`, read left to right or right to left.
fn line_with<'d>(doc: &'d Document, word: &str) -> &'d Line {
    lines(doc)
        .find(|l| l.text().contains(word) || visual_text(l).contains(word))
        .unwrap_or_else(|| panic!("no line with {word}"))
}

/// A line's glyph texts by x, right to left, which for right-to-left
/// words reads them in logical order.
fn visual_text(line: &Line) -> String {
    let mut glyphs: Vec<_> = line.runs.iter().flat_map(|r| r.glyphs.iter()).collect();
    glyphs.sort_by(|a, b| b.x.total_cmp(&a.x));
    glyphs.iter().map(|g| g.text.as_str()).collect()
}

/// Whether the system has the faces for Arabic and Hebrew (Debian's
/// DejaVu Sans): the house faces have none.
fn rtl_faces() -> bool {
    common::require_font(common::DEJAVU_SANS, "fonts-dejavu-core")
}

/// The layout of `interview`; `None` when the right-to-left faces are
/// missing and `FOLIO_SKIP_EXTERNAL=1` skips the test.
fn rtl_layout(interview: &Interview) -> Option<Document> {
    rtl_faces().then(|| layout(interview, &options()).expect("layout"))
}

/// The text pdftotext extracts from `interview`'s PDF; `None` when the
/// faces or pdftotext are missing and `FOLIO_SKIP_EXTERNAL=1` skips the
/// test.
fn extract(name: &str, interview: &Interview) -> Option<String> {
    if !rtl_faces() || !common::require_tool("pdftotext", "poppler-utils") {
        return None;
    }
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, pdf(interview, &options()).expect("pdf").bytes).expect("write");
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext");
    assert!(out.status.success());
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Text with poppler's bidi embedding marks and all white space dropped
/// (as the seed's extraction test does: poppler spaces punctuation apart
/// at direction changes).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{202A}' | '\u{202B}' | '\u{202C}'))
        .collect()
}

#[test]
fn hebrew_words_run_right_to_left_and_lines_align_right() {
    let interview = common::fixture("hebrew.json");
    let Some(doc) = rtl_layout(&interview) else {
        return;
    };
    let line = line_with(&doc, "הספר");
    // Read right to left, the words come in their logical order.
    assert!(
        visual_text(line).contains("את הספר הראשון שלך?"),
        "{}",
        line.text()
    );
    // Every body line ends at the right edge of the text block.
    let g = PageGeometry::for_paper(options().common.paper);
    let right = g.width - g.margin_right;
    let body: Vec<&Line> = lines(&doc)
        .filter(|l| visual_text(l).contains("סבתי") || visual_text(l).contains("הצהריים"))
        .collect();
    assert!(!body.is_empty());
    for l in body {
        assert!(
            (l.x + l.width - right).abs() < 0.5,
            "{} ends at {} not {right}",
            l.text(),
            l.x + l.width
        );
    }
}

#[test]
fn speaker_label_starts_the_line_on_the_right() {
    let interview = common::fixture("hebrew.json");
    let Some(doc) = rtl_layout(&interview) else {
        return;
    };
    let line = line_with(&doc, "הספר");
    assert!(
        visual_text(line).starts_with("מראיין: מה הביא"),
        "{}",
        visual_text(line)
    );
}

#[test]
fn arabic_parentheses_and_digits() {
    let interview = common::fixture("arabic.json");
    let Some(doc) = rtl_layout(&interview) else {
        return;
    };
    let line = line_with(&doc, "2010");
    // Digits stay left to right inside the right-to-left line.
    let two = line
        .runs
        .iter()
        .flat_map(|r| r.glyphs.iter())
        .find(|g| g.text == "2")
        .unwrap()
        .x;
    let zero = line
        .runs
        .iter()
        .flat_map(|r| r.glyphs.iter())
        .filter(|g| g.text == "0")
        .map(|g| g.x)
        .fold(f32::MIN, f32::max);
    assert!(two < zero, "2010 reversed");
    // The opening parenthesis (logically first) is to the right of the
    // closing one and drawn with the mirrored glyph.
    let open = x_of(line, "(").unwrap();
    let close = x_of(line, ")").unwrap();
    assert!(open > close);
}

#[test]
fn arabic_phrase_in_english_is_reversed_in_place() {
    let interview = common::interview(
        "en",
        &["The sign over the door read مرحبا بكم in green letters."],
    );
    let Some(doc) = rtl_layout(&interview) else {
        return;
    };
    let line = line_with(&doc, "read");
    let glyphs: Vec<_> = line.runs.iter().flat_map(|r| r.glyphs.iter()).collect();
    // Where a left-to-right word starts: its glyphs spell it from there.
    let x = |w: &str| {
        (0..glyphs.len())
            .find(|&i| {
                let rest: String = glyphs[i..].iter().map(|g| g.text.as_str()).collect();
                rest.starts_with(w)
            })
            .map(|i| glyphs[i].x)
            .unwrap()
    };
    // An Arabic word by a letter only it has.
    let (read, into) = (x("read "), x("in green"));
    let (marhaba, bikum) = (x_of(line, "ح").unwrap(), x_of(line, "ك").unwrap());
    // English left to right; the Arabic pair between, its words swapped.
    assert!(read < bikum, "read {read} bikum {bikum}");
    assert!(bikum < marhaba, "bikum {bikum} marhaba {marhaba}");
    assert!(marhaba < into, "marhaba {marhaba} in {into}");
    assert!(line.x < 100.0, "an English paragraph stays flush left");
}

#[test]
fn extraction_gives_logical_order() {
    for (name, words) in [
        ("arabic.json", "ما الذي دفعك إلى كتابة روايتك الأولى؟"),
        (
            "arabic.json",
            "تحكيها في الليالي الطويلة، وكنت أخاف أن تضيع معها. لذلك كتبت كل مساء",
        ),
        (
            "hebrew.json",
            "התחלתי לכתוב בגיל עשרים (אחרי הצבא) כי רציתי",
        ),
    ] {
        let interview = common::fixture(name);
        let Some(text) = extract(&format!("rtl-{name}.pdf"), &interview) else {
            return;
        };
        assert!(squeeze(&text).contains(&squeeze(words)), "{name}: {text}");
    }
    let mixed = common::interview("en", &["The sign read مرحبا بكم in green."]);
    if let Some(text) = extract("rtl-mixed.pdf", &mixed) {
        assert!(
            squeeze(&text).contains(&squeeze("The sign read مرحبا بكم in green.")),
            "{text}"
        );
    }
}

#[test]
fn an_overlong_hebrew_word_breaks_in_logical_order() {
    let alphabet = "אבגדהוזחטיכלמנסעפצקרשת";
    let word = alphabet.repeat(20);
    let interview = common::interview("he", &[&word]);
    let Some(doc) = rtl_layout(&interview) else {
        return;
    };
    let broken: Vec<String> = lines(&doc)
        .map(visual_text)
        .filter(|t| t.contains("פצקרשת"))
        .collect();
    assert!(broken.len() > 1, "the word fits one line: {broken:?}");
    // Read right to left, line after line, the letters run on in order.
    let joined: String = broken
        .concat()
        .chars()
        .filter(|c| alphabet.contains(*c))
        .collect();
    assert_eq!(joined, word);
}
