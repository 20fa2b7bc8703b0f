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
use folio_pdf::PageGeometry;
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
        options.common.paper = paper;
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

/// The interview's lines as pdftotext gives them, white space made single.
fn extracted(name: &str, interview: &Interview, options: &PdfOptions) -> String {
    let path = write(name, interview, options);
    let text = run("pdftotext", &[path.to_str().unwrap_or_default(), "-"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A heading after the last turn (as a reader leaves a closing note under
/// its own heading), and one pointing past the end, print with their text
/// after the conversation, in order.
#[test]
fn sections_after_the_last_turn_are_printed_with_their_text() {
    if !tool("pdftotext") {
        return;
    }
    let mut interview = common::interview(
        "en",
        &["Where did you grow up?", "In a small fishing village."],
    );
    interview.sections = vec![
        folio_core::Section {
            heading: "About this interview".into(),
            level: 2,
            first_turn: 2,
            content: vec![
                common::paragraph("This conversation was recorded in Porto in March."),
                common::paragraph("It was edited for length and clarity."),
            ],
        },
        folio_core::Section {
            heading: "Corrections".into(),
            level: 2,
            first_turn: 7,
            content: vec![common::paragraph("None so far.")],
        },
    ];
    let text = extracted("sections-after-turns.pdf", &interview, &seed_options());
    let mut at = 0;
    for expected in [
        "In a small fishing village.",
        "About this interview",
        "This conversation was recorded in Porto in March.",
        "It was edited for length and clarity.",
        "Corrections",
        "None so far.",
    ] {
        match text[at..].find(expected) {
            Some(pos) => at += pos + expected.len(),
            None => panic!("“{expected}” missing or out of order in: {text}"),
        }
    }
}

fn unloadable_figure(src: &str, alt: &str, caption: &str, credit: &str) -> folio_core::Block {
    folio_core::Block::Figure {
        figure: folio_core::Figure {
            src: Some(src.into()),
            alt: Some(alt.into()),
            caption: Some(caption.into()),
            credit: Some(credit.into()),
        },
    }
}

/// A figure whose picture cannot be loaded (a remote URL, a missing file)
/// keeps its caption and credit, shows its alt text where the picture
/// would be, and is one warning.
#[test]
fn a_figure_without_its_picture_prints_its_alt_text_and_caption() {
    if !tool("pdftotext") {
        return;
    }
    let mut interview = common::interview(
        "en",
        &[
            "Tell me about the harbour.",
            "It was the heart of the town.",
        ],
    );
    interview.turns[1].content.push(unloadable_figure(
        "https://example.invalid/x.jpg",
        "A harbour at dawn",
        "The harbour.",
        "Ann Lee",
    ));
    interview.front.push(folio_core::FrontBlock::Figure {
        figure: folio_core::Figure {
            src: Some("missing/nets.jpg".into()),
            alt: Some("Nets drying on the quay".into()),
            caption: None,
            credit: None,
        },
    });
    let options = PdfOptions {
        common: folio_core::WriterOptions {
            base_dir: Some(PathBuf::from(env!("CARGO_MANIFEST_DIR"))),
            ..seed_options().common
        },
        ..seed_options()
    };
    let rendered = pdf(&interview, &options).expect("pdf");
    let warnings: Vec<&str> = rendered
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(warnings.len(), 2, "one warning per figure: {warnings:?}");
    assert!(warnings[0].contains("missing/nets.jpg"), "{warnings:?}");
    assert!(
        warnings[1].contains("https://example.invalid/x.jpg"),
        "{warnings:?}"
    );
    let text = extracted("figure-without-picture.pdf", &interview, &options);
    let mut at = 0;
    for expected in [
        "[Image: Nets drying on the quay]",
        "It was the heart of the town.",
        "[Image: A harbour at dawn]",
        "The harbour.",
        "ANN LEE",
    ] {
        match text[at..].find(expected) {
            Some(pos) => at += pos + expected.len(),
            None => panic!("“{expected}” missing or out of order in: {text}"),
        }
    }
    // The placeholder is set in the body's italic.
    let doc = folio_pdf::layout(&interview, &options).expect("layout");
    let line = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .find(|l| l.text().contains("[Image: A harbour at dawn]"))
        .expect("placeholder line");
    let body = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .find(|l| l.text().contains("heart of the town"))
        .expect("answer line");
    let size = |l: &folio_pdf::Line| l.runs.last().map(|r| r.size);
    assert_eq!(
        size(line),
        size(body),
        "the placeholder is in the body size"
    );
}

#[test]
fn pdftotext_reads_a_table_row_by_row() {
    if !tool("pdftotext") {
        return;
    }
    use folio_core::Alignment;
    let mut interview = common::interview("en", &["What did it cost?", "This much:"]);
    interview.turns[1].content.push(common::table(
        &[
            &["Quarter", "Cost", "Remark"],
            &["Spring", "€40,000", "the hall and the band"],
            &["Summer", "€65,000", "the peak of the season"],
            &["Autumn", "€12,500", "quiet"],
        ],
        &[Alignment::Left, Alignment::Right],
    ));
    interview.turns[1]
        .content
        .push(common::paragraph("And then it was over."));
    let path = write("table-extract.pdf", &interview, &seed_options());
    let text = run("pdftotext", &[path.to_str().unwrap_or_default(), "-"]);
    let words: Vec<&str> = text.split_whitespace().collect();
    let expected = "This much: Quarter Cost Remark Spring €40,000 the hall and the band \
                    Summer €65,000 the peak of the season Autumn €12,500 quiet \
                    And then it was over.";
    let mut at = 0;
    for word in expected.split_whitespace() {
        match words[at..].iter().position(|w| *w == word) {
            Some(pos) => at += pos + 1,
            None => panic!("“{word}” missing or out of order after word {at}:\n{text}"),
        }
    }
}

/// Everything a list item holds after its first paragraphs (a nested list,
/// a quotation, a table) is printed under it, in order; it used to be left
/// out.
#[test]
fn a_list_item_prints_its_nested_lists_quotes_and_tables() {
    if !tool("pdftotext") {
        return;
    }
    use folio_core::Block;
    let mut interview = common::interview("en", &["What do you pack?", "Three things."]);
    let nested = Block::List {
        ordered: false,
        items: vec![vec![
            common::paragraph("Rope, coiled."),
            Block::List {
                ordered: true,
                items: vec![vec![common::paragraph("The long one first.")]],
            },
            Block::Quote {
                content: vec![common::paragraph("Never the wet one.")],
            },
            Block::Table {
                header: Vec::new(),
                rows: vec![vec![
                    vec![folio_core::Inline::text("Knots")],
                    vec![folio_core::Inline::text("seven")],
                ]],
                align: Vec::new(),
            },
            common::paragraph("Then the bag closes."),
        ]],
    };
    interview.turns[1].content.push(nested);
    let text = extracted("nested-list-item.pdf", &interview, &seed_options());
    let mut at = 0;
    for expected in [
        "Rope, coiled.",
        "The long one first.",
        "Never the wet one.",
        "Knots",
        "seven",
        "Then the bag closes.",
    ] {
        match text[at..].find(expected) {
            Some(pos) => at += pos + expected.len(),
            None => panic!("“{expected}” missing or out of order in: {text}"),
        }
    }
}
