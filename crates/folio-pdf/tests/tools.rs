//! Checks with poppler's tools on real output: extraction, word boxes,
//! fonts and a rendered page. A missing tool or font fails the test, naming
//! the Debian package, unless `FOLIO_SKIP_EXTERNAL=1` (see
//! `common::require`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{NOTO_SANS_CJK, require_cjk_font, require_font};
use folio_core::{Interview, Paper};
use folio_pdf::layout::style::PageGeometry;
use folio_pdf::{PdfOptions, pdf};

/// Whether poppler's `name` (pdftotext, pdffonts, pdftoppm) is installed.
fn tool(name: &str) -> bool {
    common::require_tool(name, "poppler-utils")
}

fn write(name: &str, interview: &Interview, options: &PdfOptions) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let rendered = pdf(interview, options).expect("pdf");
    std::fs::write(&path, rendered.bytes).expect("write pdf");
    path
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().expect("run tool");
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn seed_options() -> PdfOptions {
    PdfOptions {
        no_system_fonts: true,
        ..PdfOptions::default()
    }
}

/// Model words that must come back from extraction, in reading order.
fn model_words(i: &Interview) -> Vec<String> {
    let mut text = String::new();
    text.push_str(i.meta.title.as_deref().unwrap_or(""));
    text.push(' ');
    for f in &i.front {
        if let folio_core::FrontBlock::EditorsNote { content } = f {
            text.push_str(&folio_core::blocks_plain_text(content));
            text.push(' ');
        }
    }
    for t in &i.turns {
        text.push_str(&folio_core::blocks_plain_text(&t.content));
        text.push(' ');
    }
    text.split_whitespace().map(str::to_string).collect()
}

#[test]
fn pdftotext_gives_back_every_word_in_order() {
    if !tool("pdftotext") {
        return;
    }
    let interview = common::fixture("seed.json");
    let path = write("seed-extract.pdf", &interview, &seed_options());
    let text = run("pdftotext", &[path.to_str().unwrap_or_default(), "-"]);
    // A hyphen added at a break extracts as a soft hyphen: the word is whole
    // once it and the line end are dropped.
    let joined: String = text
        .replace("\u{AD}\n", "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut at = 0;
    for word in model_words(&interview) {
        match joined[at..].find(&word) {
            Some(pos) => at += pos + word.len(),
            None => panic!("“{word}” missing or out of order after byte {at}"),
        }
    }
    for c in ['“', '”', '’', '–'] {
        assert!(text.contains(c), "{c} lost in extraction");
    }
    assert!(!text.contains('\u{FFFD}'));
    assert!(!text.contains('\u{2010}'));
}

#[test]
fn no_word_outside_the_text_block() {
    if !tool("pdftotext") {
        return;
    }
    for paper in [Paper::A4, Paper::Letter] {
        let mut options = seed_options();
        options.paper = paper;
        let path = write(
            &format!("seed-bbox-{paper:?}.pdf"),
            &common::fixture("seed.json"),
            &options,
        );
        let html = run(
            "pdftotext",
            &["-bbox", path.to_str().unwrap_or_default(), "-"],
        );
        let g = PageGeometry::for_paper(paper);
        let mut words = 0;
        for line in html.lines().filter(|l| l.contains("<word ")) {
            let attr = |name: &str| -> f32 {
                let key = format!("{name}=\"");
                line.split(&key)
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(f32::NAN)
            };
            words += 1;
            let (x0, x1, y0, y1) = (attr("xMin"), attr("xMax"), attr("yMin"), attr("yMax"));
            assert!(
                x0 >= g.margin_left - 0.5 && x1 <= g.width - g.margin_right + 0.5,
                "{paper:?}: {line}"
            );
            // The running head sits in the top margin, everything else inside.
            assert!(
                y0 >= g.margin_top - 35.0 && y1 <= g.height - g.margin_bottom + 3.0,
                "{paper:?}: {line}"
            );
        }
        assert!(words > 1000, "only {words} words");
    }
}

#[test]
fn pdffonts_shows_every_font_embedded_and_subset() {
    if !tool("pdffonts") {
        return;
    }
    let path = write(
        "seed-fonts.pdf",
        &common::fixture("seed.json"),
        &seed_options(),
    );
    let out = run("pdffonts", &[path.to_str().unwrap_or_default()]);
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{out}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn page_one_renders_to_png() {
    if !tool("pdftoppm") {
        return;
    }
    let path = write(
        "seed-render.pdf",
        &common::fixture("seed.json"),
        &seed_options(),
    );
    let prefix = Path::new(env!("CARGO_TARGET_TMPDIR")).join("seed-page");
    run(
        "pdftoppm",
        &[
            "-r",
            "70",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path.to_str().unwrap_or_default(),
            prefix.to_str().unwrap_or_default(),
        ],
    );
    let png = prefix.with_extension("png");
    let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
    assert!(size > 20_000, "{} is {size} bytes", png.display());
}

/// A Chinese interview falls back to an installed Simplified Chinese face.
#[test]
fn chinese_interview_uses_an_sc_face() {
    if !require_cjk_font() || !tool("pdffonts") || !tool("pdftotext") {
        return;
    }
    let interview = common::fixture("chinese.json");
    let path = write("chinese.pdf", &interview, &PdfOptions::default());
    let fonts = run("pdffonts", &[path.to_str().unwrap_or_default()]);
    let cjk: Vec<&str> = fonts.lines().filter(|l| l.contains("CJK")).collect();
    assert!(!cjk.is_empty(), "{fonts}");
    for row in cjk {
        assert!(
            row.contains("CJKsc") || row.contains("CJK SC"),
            "not an SC face: {row}"
        );
        assert!(
            row.split_whitespace().filter(|c| *c == "yes").count() >= 3,
            "{row}"
        );
    }
    let text = run("pdftotext", &[path.to_str().unwrap_or_default(), "-"]);
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for word in model_words(&interview) {
        assert!(joined.contains(&word), "“{word}” missing");
    }
}

/// `--cjk-font` with a collection picks the face for the document's language.
#[test]
fn cjk_font_option_picks_the_language_face_of_a_collection() {
    if !require_font(NOTO_SANS_CJK, "fonts-noto-cjk") || !tool("pdffonts") {
        return;
    }
    let interview = common::fixture("chinese.json");
    let options = PdfOptions {
        cjk_font: Some(PathBuf::from(NOTO_SANS_CJK)),
        no_system_fonts: true,
        ..PdfOptions::default()
    };
    let path = write("chinese-cjk-font.pdf", &interview, &options);
    let fonts = run("pdffonts", &[path.to_str().unwrap_or_default()]);
    assert!(fonts.contains("NotoSansCJKsc-Regular"), "{fonts}");
}

#[test]
fn ligatures_are_drawn_and_extract_as_their_letters() {
    if !tool("pdftotext") {
        return;
    }
    // Captions are set in Lato, which joins ffi, ffl and fl.
    let mut seed = common::fixture("seed.json");
    seed.front.insert(
        0,
        folio_core::FrontBlock::Figure {
            figure: folio_core::Figure {
                src: None,
                alt: None,
                caption: Some("An affluent office in Reflow Street".into()),
                credit: None,
            },
        },
    );
    let options = seed_options();
    let doc = folio_pdf::layout(&seed, &options).expect("layout");
    let caption = doc.pages[0]
        .lines
        .iter()
        .find(|l| l.text().contains("affluent"))
        .expect("caption line");
    let glyphs: Vec<&str> = caption
        .runs
        .iter()
        .flat_map(|r| r.glyphs.iter())
        .map(|g| g.text.as_str())
        .collect();
    for ligature in ["ffl", "ffi", "fl"] {
        assert!(
            glyphs.contains(&ligature),
            "no {ligature} glyph in {glyphs:?}"
        );
    }
    let path = write("ligatures.pdf", &seed, &options);
    let text = run("pdftotext", &[path.to_str().unwrap_or_default(), "-"]);
    assert!(
        text.contains("An affluent office in Reflow Street"),
        "ligatures lost their letters: {text}"
    );
}
