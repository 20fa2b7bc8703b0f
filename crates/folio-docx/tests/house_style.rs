//! Each field of the house style, read back from the written package.

// A failed expectation in a test is a panic by design.
#![allow(clippy::panic)]

mod common;

use common::{W, child_val, fixture, options, parse, part, text_of, unzip, write};
use folio_core::{HouseStyle, LabelCase, LabelText, Paper};
use folio_docx::DocxOptions;

fn written(style: HouseStyle) -> std::collections::BTreeMap<String, Vec<u8>> {
    let options = DocxOptions {
        common: folio_core::WriterOptions {
            style,
            ..options().common
        },
        ..options()
    };
    unzip(&write(&fixture("rich.json"), &options))
}

/// The run properties (`w:rPr`) of the style `id` in a styles part.
fn style_rpr<'a>(styles: &'a roxmltree::Document<'a>, id: &str) -> roxmltree::Node<'a, 'a> {
    let style = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id));
    let rpr = style.and_then(|s| s.children().find(|c| c.has_tag_name((W, "rPr"))));
    match rpr {
        Some(rpr) => rpr,
        None => panic!("style {id} has no run properties"),
    }
}

fn attribute<'a>(node: roxmltree::Node<'a, 'a>, element: &str, name: &str) -> Option<&'a str> {
    node.children()
        .find(|n| n.has_tag_name((W, element)))?
        .attribute((W, name))
}

fn defaults_rpr<'a>(styles: &'a roxmltree::Document<'a>) -> roxmltree::Node<'a, 'a> {
    match styles
        .descendants()
        .find(|n| n.has_tag_name((W, "rPrDefault")))
        .and_then(|n| n.children().find(|c| c.has_tag_name((W, "rPr"))))
    {
        Some(rpr) => rpr,
        None => panic!("no default run properties"),
    }
}

#[test]
fn base_size_sets_the_body_and_scales_the_headings() {
    for (base, body, heading) in [(10.5, "21", "31"), (14.0, "28", "41"), (8.0, "16", "23")] {
        let parts = written(HouseStyle {
            base_size: base,
            ..HouseStyle::default()
        });
        let xml = part(&parts, "word/styles.xml");
        let styles = parse(&xml);
        assert_eq!(attribute(defaults_rpr(&styles), "sz", "val"), Some(body));
        assert_eq!(attribute(defaults_rpr(&styles), "szCs", "val"), Some(body));
        // Heading 1 is designed at 16 pt on an 11 pt body.
        let heading1 = style_rpr(&styles, "Heading1");
        assert_eq!(attribute(heading1, "sz", "val"), Some(heading), "{base}");
    }
}

#[test]
fn fonts_go_first_in_their_slots() {
    let parts = written(HouseStyle {
        body_font: Some("Source Serif 4".into()),
        heading_font: Some("Source Sans 3".into()),
        ..HouseStyle::default()
    });
    let xml = part(&parts, "word/styles.xml");
    let styles = parse(&xml);
    let defaults = defaults_rpr(&styles);
    assert_eq!(
        attribute(defaults, "rFonts", "ascii"),
        Some("Source Serif 4")
    );
    assert_eq!(
        attribute(defaults, "rFonts", "hAnsi"),
        Some("Source Serif 4")
    );
    for id in ["SpeakerLabel", "Heading1", "Kicker", "Byline"] {
        let rpr = style_rpr(&styles, id);
        assert_eq!(
            attribute(rpr, "rFonts", "ascii"),
            Some("Source Sans 3"),
            "{id}"
        );
    }
    // Without a style font, Folio's own fonts.
    let plain = written(HouseStyle::default());
    let xml = part(&plain, "word/styles.xml");
    let styles = parse(&xml);
    assert_eq!(
        attribute(defaults_rpr(&styles), "rFonts", "ascii"),
        Some("Cambria")
    );
    let label = style_rpr(&styles, "SpeakerLabel");
    assert_eq!(attribute(label, "rFonts", "ascii"), Some("Calibri"));
}

#[test]
fn label_and_question_colours() {
    let parts = written(HouseStyle {
        label_color: "#1f5c99".into(),
        question_color: "#333333".into(),
        ..HouseStyle::default()
    });
    let xml = part(&parts, "word/styles.xml");
    let styles = parse(&xml);
    for id in ["SpeakerLabel", "Kicker"] {
        let colour = attribute(style_rpr(&styles, id), "color", "val");
        assert_eq!(colour, Some("1F5C99"), "{id}");
    }
    assert_eq!(
        attribute(style_rpr(&styles, "Question"), "color", "val"),
        Some("333333")
    );
    assert!(!xml.contains("B3261E"), "the default label colour is gone");
}

#[test]
fn margins_and_paper_set_the_page() {
    let options = DocxOptions {
        common: folio_core::WriterOptions {
            paper: Paper::Letter,
            style: HouseStyle {
                margins_mm: [25.4, 12.7, 38.1, 50.8],
                ..HouseStyle::default()
            },
            ..options().common
        },
        ..options()
    };
    let parts = unzip(&write(&fixture("rich.json"), &options));
    let xml = part(&parts, "word/document.xml");
    let document = parse(&xml);
    let section = document
        .descendants()
        .find(|n| n.has_tag_name((W, "sectPr")));
    let Some(section) = section else {
        panic!("no section properties");
    };
    let margin = |side: &str| attribute(section, "pgMar", side);
    assert_eq!(
        [
            margin("top"),
            margin("right"),
            margin("bottom"),
            margin("left")
        ],
        [Some("1440"), Some("720"), Some("2160"), Some("2880")]
    );
    assert_eq!(attribute(section, "pgSz", "w"), Some("12240"));
}

#[test]
fn label_case_bold_or_small_caps() {
    for (case, small_caps, bold) in [
        (LabelCase::Bold, false, true),
        (LabelCase::SmallCaps, true, false),
    ] {
        let parts = written(HouseStyle {
            label_case: case,
            ..HouseStyle::default()
        });
        let xml = part(&parts, "word/styles.xml");
        let styles = parse(&xml);
        let label = style_rpr(&styles, "SpeakerLabel");
        let has = |name: &str| label.children().any(|n| n.has_tag_name((W, name)));
        assert_eq!((has("smallCaps"), has("b")), (small_caps, bold), "{case:?}");
    }
}

/// The texts of the Speaker Label runs in document order.
fn labels(parts: &std::collections::BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let xml = part(parts, "word/document.xml");
    let document = parse(&xml);
    document
        .descendants()
        .filter(|r| {
            r.has_tag_name((W, "r")) && child_val(*r, "rPr", "rStyle") == Some("SpeakerLabel")
        })
        .map(text_of)
        .collect()
}

#[test]
fn label_text_as_printed_or_full_names() {
    let interview = fixture("rich.json");
    let as_printed = labels(&written(HouseStyle::default()));
    let full = labels(&written(HouseStyle {
        label_text: LabelText::FullName,
        ..HouseStyle::default()
    }));
    assert_eq!(as_printed.len(), interview.turns.len());
    for ((printed, full), turn) in as_printed.iter().zip(&full).zip(&interview.turns) {
        let Some(speaker) = interview.speaker(&turn.speaker) else {
            panic!("turn without a speaker");
        };
        assert_eq!(printed, &format!("{}:", speaker.label));
        // Speakers without a known name keep their label.
        assert_eq!(full, &format!("{}:", speaker.display_name()));
    }
    assert!(full.iter().any(|l| l == "Marta Okafor:"));
    assert!(full.iter().any(|l| l == "AUDIENCE:"));
}
