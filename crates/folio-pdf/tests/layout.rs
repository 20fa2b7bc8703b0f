//! The layout engine's output, checked and snapshotted without PDF bytes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use folio_core::Paper;
use folio_pdf::PageGeometry;
use folio_pdf::{PdfOptions, layout};

fn options(paper: Paper) -> PdfOptions {
    PdfOptions {
        common: folio_core::WriterOptions {
            paper,
            ..Default::default()
        },
        no_system_fonts: true,
        ..PdfOptions::default()
    }
}

#[test]
fn seed_layout_snapshot() {
    let doc = layout(&common::fixture("seed.json"), &options(Paper::A4)).expect("layout");
    insta::assert_yaml_snapshot!(common::summary(&doc));
}

#[test]
fn no_line_leaves_the_text_block() {
    for paper in [Paper::A4, Paper::Letter] {
        let g = PageGeometry::for_paper(paper);
        let doc = layout(&common::fixture("seed.json"), &options(paper)).expect("layout");
        for (n, page) in doc.pages.iter().enumerate() {
            for line in &page.lines {
                let right = line.x + line.width;
                assert!(line.x >= g.margin_left - 0.01, "page {n}: {}", line.text());
                assert!(
                    right <= g.width - g.margin_right + 0.01,
                    "page {n} ends at {right}: {}",
                    line.text()
                );
                assert!(
                    line.baseline <= g.height - g.margin_bottom,
                    "page {n}: {}",
                    line.text()
                );
            }
        }
    }
}

#[test]
fn a_word_longer_than_the_line_is_broken() {
    let long = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(6);
    let url = "https://example.com/a/very/long/path/that/goes/on/and/on/without/any/spaces/at/all/index.html?query=1";
    let i = common::interview(
        "en",
        &[&format!("What is {long}?"), &format!("See {url} for more.")],
    );
    let g = PageGeometry::for_paper(Paper::A4);
    let doc = layout(&i, &options(Paper::A4)).expect("layout");
    let lines: Vec<_> = doc.pages.iter().flat_map(|p| &p.lines).collect();
    for line in &lines {
        assert!(
            line.x + line.width <= g.width - g.margin_right + 0.01,
            "overflow: {}",
            line.text()
        );
    }
    let text: String = lines
        .iter()
        .map(|l| l.text().replace('\u{AD}', ""))
        .collect();
    assert!(text.contains(&long[..40]));
    assert!(text.replace(' ', "").contains(url), "{text}");
}

#[test]
fn justified_lines_fill_the_measure() {
    let doc = layout(&common::fixture("seed.json"), &options(Paper::A4)).expect("layout");
    let g = PageGeometry::for_paper(Paper::A4);
    // Body lines that end a paragraph are short; the others reach the margin.
    let body: Vec<_> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.runs.iter().any(|r| r.size == 10.5))
        .collect();
    let full = body
        .iter()
        .filter(|l| (l.x + l.width - (g.width - g.margin_right)).abs() < 0.05)
        .count();
    assert!(
        full * 10 > body.len() * 7,
        "only {full} of {} body lines justified",
        body.len()
    );
}

#[test]
fn hyphenated_breaks_carry_a_soft_hyphen() {
    let doc = layout(&common::fixture("seed.json"), &options(Paper::A4)).expect("layout");
    let hyphenated: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text())
        .filter(|t| t.ends_with('\u{AD}'))
        .collect();
    assert!(!hyphenated.is_empty());
    // Never two hyphenated lines in a row more than rarely, never a hyphen in the headline.
    assert!(
        doc.pages[0]
            .lines
            .iter()
            .take(8)
            .all(|l| !l.text().ends_with('\u{AD}'))
    );
}

#[test]
fn every_question_gets_an_outline_entry_in_order() {
    let interview = common::fixture("seed.json");
    let doc = layout(&interview, &options(Paper::A4)).expect("layout");
    let questions = interview
        .turns
        .iter()
        .filter(|t| t.role == folio_core::TurnRole::Question)
        .count();
    assert_eq!(doc.outline.len(), questions);
    let positions: Vec<(usize, i64)> = doc.outline.iter().map(|e| (e.page, e.y as i64)).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    assert!(doc.outline[0].title.starts_with("Volume II of"));
}

#[test]
fn running_heads_and_folios_from_page_two() {
    let doc = layout(&common::fixture("seed.json"), &options(Paper::A4)).expect("layout");
    let n = doc.pages.len();
    assert!(n >= 2);
    assert!(
        !doc.pages[0]
            .lines
            .iter()
            .any(|l| l.text().contains(&format!("1 / {n}")))
    );
    for (i, page) in doc.pages.iter().enumerate().skip(1) {
        let folio = format!("{} / {n}", i + 1);
        assert!(
            page.lines.iter().any(|l| l.text() == folio),
            "page {}",
            i + 1
        );
    }
}

#[test]
fn labels_and_headings_are_not_stranded_at_a_page_end() {
    let doc = layout(&common::longer(3), &options(Paper::A4)).expect("layout");
    for (i, page) in doc.pages.iter().enumerate() {
        let body: Vec<_> = page.lines.iter().filter(|l| l.baseline > 60.0).collect();
        // A line that starts with a label must have a line of its paragraph after it.
        if let Some(last) = body.last() {
            let starts_turn = last
                .runs
                .first()
                .is_some_and(|r| r.face.0 == 5 && r.size < 10.0);
            assert!(
                !starts_turn || i + 1 == doc.pages.len(),
                "label ends page {}",
                i + 1
            );
        }
    }
}

#[test]
fn features_layout_snapshot() {
    let mut o = options(Paper::A4);
    o.common.base_dir = Some(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR")).into());
    let doc = layout(&common::fixture("features.json"), &o).expect("layout");
    assert_eq!(doc.images.len(), 2);
    insta::assert_yaml_snapshot!(common::summary(&doc));
}

#[test]
fn house_style_changes_labels_margins_and_size() {
    let style = folio_core::HouseStyle {
        base_size: 11.5,
        label_case: folio_core::LabelCase::SmallCaps,
        label_text: folio_core::LabelText::FullName,
        margins_mm: [25.0, 30.0, 25.0, 30.0],
        ..Default::default()
    };
    let mut o = options(Paper::A4);
    o.common.style = style;
    let doc = layout(&common::fixture("seed.json"), &o).expect("layout");
    let left = 30.0 * 72.0 / 25.4;
    let texts: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text())
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with("DAVID GOSSET: ")),
        "no full-name label"
    );
    assert!(texts.iter().any(|t| t.starts_with("GLOBAL TIMES: ")));
    for line in doc.pages.iter().flat_map(|p| &p.lines) {
        assert!(
            line.x >= left - 0.01 && line.x + line.width <= doc.width - left + 0.01,
            "{}",
            line.text()
        );
    }
    // 11.5 pt against the default 10.5: the whole page grows by 11.5/10.5,
    // the 10.5 pt body and the 24 pt title alike, as in the DOCX and EPUB.
    let scale = 11.5 / folio_core::HouseStyle::default().base_size;
    let sized = |size: f32| {
        doc.pages
            .iter()
            .flat_map(|p| &p.lines)
            .any(|l| l.runs.iter().any(|r| (r.size - size * scale).abs() < 0.01))
    };
    assert!(sized(10.5), "body not at {} pt", 10.5 * scale);
    assert!(sized(24.0), "title not at {} pt", 24.0 * scale);
}

#[test]
fn strike_out_and_super_and_subscripts_are_set_apart() {
    use folio_core::{Block, Inline};
    let mut i = common::interview("en", &["Why?", "Because."]);
    i.turns[1].content = vec![Block::Paragraph {
        content: vec![
            Inline::text("H"),
            Inline::Subscript {
                content: vec![Inline::text("2")],
            },
            Inline::text("O and x"),
            Inline::Superscript {
                content: vec![Inline::text("2")],
            },
            Inline::text(", "),
            Inline::Strikeout {
                content: vec![Inline::text("wrong")],
            },
            Inline::text(" right."),
        ],
    }];
    let doc = layout(&i, &options(Paper::A4)).expect("layout");
    let runs: Vec<_> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.runs)
        .filter(|r| r.glyphs.iter().any(|g| g.text == "2" || g.text == "w"))
        .collect();
    let body = doc.pages[0]
        .lines
        .iter()
        .flat_map(|l| &l.runs)
        .find(|r| r.glyphs.iter().any(|g| g.text == "H"))
        .expect("body run");
    let sub = runs.iter().find(|r| r.rise < 0.0).expect("a lowered run");
    let sup = runs.iter().find(|r| r.rise > 0.0).expect("a raised run");
    assert!(sub.size < body.size && sup.size < body.size);
    let struck = runs.iter().find(|r| r.strike).expect("a struck run");
    let text: String = struck.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(text, "wrong");
    // The PDF draws the line through it: a stroke after the text.
    let bytes = folio_pdf::pdf(&i, &options(Paper::A4)).expect("pdf").bytes;
    let pdf = lopdf::Document::load_mem(&bytes).expect("parses");
    let page = *pdf.get_pages().values().next().expect("a page");
    let content = pdf.get_page_content(page);
    let content = String::from_utf8_lossy(&content);
    let after_text = content.rsplit("ET").next().unwrap_or("");
    assert!(
        after_text.contains(" l\nS") || after_text.contains(" l S"),
        "{after_text}"
    );
}

#[test]
fn tables_are_grids_whose_rows_never_split_across_pages() {
    use folio_core::Alignment;
    let long = "a cell long enough to wrap over several lines of its column";
    let mut rows: Vec<Vec<String>> = vec![vec!["No.".into(), "Description".into(), "Note".into()]];
    for n in 1..=40 {
        rows.push(vec![
            format!("{n}"),
            format!("start{n} {long} {long} end{n}"),
            format!("note{n}"),
        ]);
    }
    let refs: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let refs: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
    let mut i = common::interview("en", &["Show me everything.", "Here:"]);
    i.turns[1].content.push(common::table(
        &refs,
        &[Alignment::Right, Alignment::Default, Alignment::Center],
    ));
    let g = PageGeometry::for_paper(Paper::A4);
    let doc = layout(&i, &options(Paper::A4)).expect("layout");
    assert!(doc.pages.len() >= 2, "the table runs over a page");
    let page_of = |text: &str| -> Vec<(usize, f32, f32)> {
        doc.pages
            .iter()
            .enumerate()
            .flat_map(|(n, p)| p.lines.iter().map(move |l| (n, l)))
            .filter(|(_, l)| l.text().split_whitespace().any(|w| w == text))
            .map(|(n, l)| (n, l.x, l.baseline))
            .collect()
    };
    for n in 1..=40 {
        let start = page_of(&format!("start{n}"));
        let end = page_of(&format!("end{n}"));
        let note = page_of(&format!("note{n}"));
        assert_eq!((start.len(), end.len(), note.len()), (1, 1, 1), "row {n}");
        // One row, one page; its cells side by side, the long one wrapped.
        assert_eq!(start[0].0, end[0].0, "row {n} is split across pages");
        assert_eq!(start[0].0, note[0].0, "row {n} is split across pages");
        assert!(end[0].2 > start[0].2 + 10.0, "row {n} did not wrap");
        assert!(
            (start[0].2 - note[0].2).abs() < 0.01,
            "row {n}: cells not level"
        );
        assert!(note[0].1 > start[0].1, "row {n}: columns out of order");
    }
    // The header is in the bold sans, the cells in the serif.
    let header = doc.pages[0]
        .lines
        .iter()
        .find(|l| l.text() == "Description")
        .expect("header cell");
    assert_eq!(header.runs[0].face.0, 5);
    let body = doc.pages[0]
        .lines
        .iter()
        .find(|l| l.text().starts_with("start1 "))
        .expect("first cell");
    assert_eq!(body.runs[0].face.0, 0);
    // Rules: above the table, under the header, between the rows, below.
    let rules: usize = doc.pages.iter().map(|p| p.rules.len()).sum();
    assert!(rules >= 41, "{rules} rules");
    for page in &doc.pages {
        for line in &page.lines {
            assert!(line.x >= g.margin_left - 0.01, "{}", line.text());
            assert!(line.x + line.width <= g.width - g.margin_right + 0.01);
            assert!(
                line.baseline <= g.height - g.margin_bottom,
                "{}",
                line.text()
            );
        }
    }
    // Right-aligned numbers end at the same x.
    let ends: Vec<f32> = ["9", "10", "40"]
        .iter()
        .filter_map(|n| {
            doc.pages
                .iter()
                .flat_map(|p| &p.lines)
                .find(|l| l.text() == *n)
                .map(|l| l.x + l.width)
        })
        .collect();
    assert_eq!(ends.len(), 3);
    assert!(ends.iter().all(|e| (e - ends[0]).abs() < 0.01), "{ends:?}");
}

/// A row taller than a page (a cell of hundreds of lines) is set in
/// slices a page tall: every line is on a page and every word is printed,
/// and the rows after it follow.
#[test]
fn a_table_row_taller_than_a_page_is_split_and_nothing_is_lost() {
    use folio_core::Alignment;
    let words: Vec<String> = (0..1500).map(|n| format!("w{n}")).collect();
    let huge = words.join(" ");
    let rows: Vec<Vec<&str>> = vec![
        vec!["Key", "Value"],
        vec!["long", huge.as_str()],
        vec!["after", "the last row"],
    ];
    let refs: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let mut i = common::interview("en", &["Everything?", "Here:"]);
    i.turns[1].content.push(common::table(
        &refs,
        &[Alignment::Default, Alignment::Default],
    ));
    let g = PageGeometry::for_paper(Paper::A4);
    let doc = layout(&i, &options(Paper::A4)).expect("layout");
    assert!(doc.pages.len() >= 3, "{} pages", doc.pages.len());
    let mut text = String::new();
    for page in &doc.pages {
        for line in &page.lines {
            assert!(
                line.baseline <= g.height - g.margin_bottom + 0.01,
                "off the page: {}",
                line.text()
            );
            text.push_str(&line.text().replace('\u{AD}', ""));
            text.push(' ');
        }
    }
    let printed: std::collections::HashSet<&str> = text.split_whitespace().collect();
    for word in &words {
        assert!(printed.contains(word.as_str()), "{word} is missing");
    }
    assert!(text.contains("the last row"));
}

/// A turn that opens with a list or a quotation still shows who speaks:
/// its label stands on a line of its own above.
#[test]
fn a_turn_opening_with_a_list_or_quote_keeps_its_label() {
    use folio_core::{Block, Inline};
    let para = |t: &str| Block::Paragraph {
        content: vec![Inline::text(t)],
    };
    let mut i = common::interview(
        "en",
        &["What did you pack?", "unused", "And then?", "unused"],
    );
    i.turns[1].content = vec![Block::List {
        ordered: false,
        items: vec![vec![para("a tent")], vec![para("a stove")]],
    }];
    i.turns[3].content = vec![Block::Quote {
        content: vec![para("Never again, I said.")],
    }];
    let doc = layout(&i, &options(Paper::A4)).expect("layout");
    let lines: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text())
        .collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in {lines:?}"))
    };
    let labels: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim() == "A:")
        .map(|(n, _)| n)
        .collect();
    assert_eq!(labels.len(), 2, "{lines:?}");
    assert!(labels[0] < at("a tent") && at("a tent") < at("And then?"));
    assert!(labels[1] > at("And then?") && labels[1] < at("Never again"));
}
