//! Reads written DOCX files back (unzip + XML) and checks what an editor
//! relies on: styles on every element, no direct formatting, metadata.

// A failed expectation in a test or benchmark is a panic by design.
#![allow(clippy::panic)]

mod common;

use std::collections::BTreeSet;

use common::{W, child_val, fixture, options, parse, part, text_of, unzip, write};
use folio_core::{Block, DiagnosticKind, TurnRole};
use folio_docx::docx;

const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Run properties a style must provide instead of the run itself.
const DIRECT_FORMATTING: [&str; 14] = [
    "b",
    "i",
    "u",
    "sz",
    "szCs",
    "color",
    "rFonts",
    "caps",
    "smallCaps",
    "highlight",
    "strike",
    "shd",
    "vertAlign",
    "spacing",
];

#[test]
fn questions_labels_and_runs_carry_styles_not_formatting() {
    let interview = fixture("rich.json");
    let parts = unzip(&write(&interview, &options()));
    let document_xml = part(&parts, "word/document.xml");
    let document = parse(&document_xml);
    let paragraphs: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();

    // Each turn opens with a paragraph holding exactly one Speaker Label run.
    let labelled: Vec<_> = paragraphs
        .iter()
        .filter(|p| {
            p.children()
                .any(|r| child_val(r, "rPr", "rStyle") == Some("SpeakerLabel"))
        })
        .collect();
    assert_eq!(labelled.len(), interview.turns.len());
    for (paragraph, turn) in labelled.iter().zip(&interview.turns) {
        let label_run = paragraph
            .children()
            .find(|r| r.has_tag_name((W, "r")) && !text_of(*r).trim().is_empty());
        let speaker = interview.speaker(&turn.speaker).map(|s| s.label.clone());
        assert_eq!(
            label_run.map(|r| (child_val(r, "rPr", "rStyle"), text_of(r))),
            Some((
                Some("SpeakerLabel"),
                format!("{}:", speaker.unwrap_or_default())
            ))
        );
        let style = child_val(**paragraph, "pPr", "pStyle");
        let expected = match (turn.role, &turn.content[0]) {
            (_, block) if !matches!(block, Block::Paragraph { .. }) => "SpeakerHeading",
            (TurnRole::Question, _) => "Question",
            (TurnRole::Answer, _) => "Answer",
            (TurnRole::Remark, _) => "Remark",
        };
        assert_eq!(style, Some(expected));
    }

    // Every paragraph of every question has the Question style.
    for turn in interview
        .turns
        .iter()
        .filter(|t| t.role == TurnRole::Question)
    {
        for block in &turn.content {
            let text = block.plain_text();
            let found = paragraphs
                .iter()
                .find(|p| text_of(**p).ends_with(&text))
                .map(|p| child_val(*p, "pPr", "pStyle"));
            assert_eq!(found, Some(Some("Question")), "question paragraph {text:?}");
        }
    }
    // And answer paragraphs after the first are Answer Continued.
    let continued = paragraphs
        .iter()
        .find(|p| text_of(**p).starts_with("[04:22]"))
        .map(|p| child_val(*p, "pPr", "pStyle"));
    assert_eq!(continued, Some(Some("AnswerContinued")));

    // Every paragraph has a style; no run or paragraph mark carries direct
    // formatting a style covers.
    for paragraph in &paragraphs {
        assert!(
            child_val(*paragraph, "pPr", "pStyle").is_some(),
            "unstyled paragraph {:?}",
            text_of(*paragraph)
        );
    }
    for properties in document
        .descendants()
        .filter(|n| n.has_tag_name((W, "rPr")))
    {
        for child in properties.children().filter(|n| n.is_element()) {
            let name = child.tag_name().name();
            assert!(
                !DIRECT_FORMATTING.contains(&name),
                "direct formatting w:{name} in {:?}",
                properties.parent().map(text_of)
            );
        }
    }

    // Inline styles where the model marks them.
    let run_styles: BTreeSet<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .filter_map(|r| child_val(r, "rPr", "rStyle"))
        .collect();
    for expected in [
        "SpeakerLabel",
        "StageDirection",
        "Timestamp",
        "Emphasis",
        "Strong",
        "Hyperlink",
        "VerbatimChar",
        "Credit",
    ] {
        assert!(run_styles.contains(expected), "no run styled {expected}");
    }
}

#[test]
fn every_style_used_is_defined_with_its_paragraph_behaviour() {
    let parts = unzip(&write(&fixture("rich.json"), &options()));
    let document_xml = part(&parts, "word/document.xml");
    let styles_xml = part(&parts, "word/styles.xml");
    let styles = parse(&styles_xml);
    let defined: BTreeSet<&str> = styles
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .filter_map(|n| n.attribute((W, "styleId")))
        .collect();
    let document = parse(&document_xml);
    for node in document
        .descendants()
        .filter(|n| n.has_tag_name((W, "pStyle")) || n.has_tag_name((W, "rStyle")))
    {
        let id = node.attribute((W, "val")).unwrap_or_default();
        assert!(defined.contains(id), "style {id} is used but not defined");
    }
    let style = |id: &str| {
        styles
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
    };
    let has = |id: &str, property: &str| {
        style(id).is_some_and(|s| {
            s.descendants()
                .any(|n| n.has_tag_name((W, property)) && n.attribute((W, "val")) != Some("0"))
        })
    };
    for heading in [
        "Title",
        "Heading1",
        "Heading2",
        "Question",
        "SpeakerHeading",
        "Figure",
    ] {
        assert!(
            has(heading, "keepNext"),
            "{heading} is not kept with the next paragraph"
        );
    }
    assert!(has("Normal", "widowControl"));
    let outline = |id: &str| {
        style(id).and_then(|s| {
            s.descendants()
                .find(|n| n.has_tag_name((W, "outlineLvl")))
                .and_then(|n| n.attribute((W, "val")))
        })
    };
    assert_eq!(
        (outline("Heading1"), outline("Heading2")),
        (Some("0"), Some("1"))
    );
    let character = |id: &str| style(id).and_then(|s| s.attribute((W, "type")));
    for id in ["SpeakerLabel", "StageDirection", "Timestamp", "Credit"] {
        assert_eq!(character(id), Some("character"), "{id}");
    }
}

#[test]
fn core_properties_language_and_page_furniture() {
    let interview = fixture("rich.json");
    let parts = unzip(&write(&interview, &options()));
    let core = part(&parts, "docProps/core.xml");
    for expected in [
        "<dc:title>The Cartographer of Small Rivers</dc:title>",
        "<dc:creator>Ada Lindqvist</dc:creator>",
        "<cp:keywords>rivers, maps, hydrology</cp:keywords>",
        "<dc:language>en-GB</dc:language>",
        ">2024-03-05T09:30:00Z</dcterms:created>",
        ">2024-03-06T11:00:00Z</dcterms:modified>",
    ] {
        assert!(core.contains(expected), "{expected} missing from {core}");
    }
    assert!(!core.contains("unknown"));
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains(r#"<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>"#));

    let document = part(&parts, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#),
        "A4 by default"
    );
    let header = part(&parts, "word/header1.xml");
    assert!(header.contains("The Cartographer of Small Rivers"));
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        let footer = part(&parts, footer);
        assert!(
            footer.contains("<w:instrText>PAGE</w:instrText>"),
            "{footer}"
        );
    }

    let letter = folio_docx::DocxOptions {
        common: folio_core::WriterOptions {
            paper: folio_core::Paper::Letter,
            ..options().common
        },
        ..options()
    };
    let parts = unzip(&write(&interview, &letter));
    assert!(part(&parts, "word/document.xml").contains(r#"<w:pgSz w:w="12240" w:h="15840" />"#));
}

#[test]
fn source_date_epoch_wins_for_dates() {
    let options = folio_docx::DocxOptions {
        common: folio_core::WriterOptions {
            source_date_epoch: Some(1_700_000_000),
            ..options().common
        },
        ..options()
    };
    let parts = unzip(&write(&fixture("rich.json"), &options));
    let core = part(&parts, "docProps/core.xml");
    assert!(
        core.contains(">2023-11-14T22:13:20Z</dcterms:modified>"),
        "{core}"
    );
    assert!(
        core.contains(">2023-11-14T22:13:20Z</dcterms:created>"),
        "{core}"
    );
}

#[test]
fn hyperlinks_resolve_to_escaped_external_targets() {
    let parts = unzip(&write(&fixture("rich.json"), &options()));
    let document_xml = part(&parts, "word/document.xml");
    let rels_xml = part(&parts, "word/_rels/document.xml.rels");
    let document = parse(&document_xml);
    let rels = parse(&rels_xml);
    let links: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
        .collect();
    assert_eq!(links.len(), 1);
    let id = links[0].attribute((R, "id")).unwrap_or_default();
    let target = rels
        .descendants()
        .find(|n| n.attribute("Id") == Some(id))
        .map(|n| (n.attribute("Target"), n.attribute("TargetMode")));
    assert_eq!(
        target,
        Some((
            Some("https://example.org/surveys?year=2024&format=geojson"),
            Some("External")
        ))
    );
    assert_eq!(text_of(links[0]), "the open survey archive");
}

#[test]
fn images_are_embedded_with_alt_text_and_captions() {
    let interview = fixture("rich.json");
    let rendered = match docx(&interview, &options()) {
        Ok(rendered) => rendered,
        Err(error) => panic!("{error}"),
    };
    let parts = unzip(&rendered.bytes);
    assert!(parts.contains_key("word/media/rIdImage1.png"));
    let document_xml = part(&parts, "word/document.xml");
    let document = parse(&document_xml);
    let doc_prs: Vec<_> = document
        .descendants()
        .filter(|n| n.tag_name().name() == "docPr")
        .map(|n| (n.attribute("id"), n.attribute("descr")))
        .collect();
    assert_eq!(doc_prs, vec![(Some("1"), Some("Marta Okafor by a stream"))]);
    let captions: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter(|p| child_val(*p, "pPr", "pStyle") == Some("Caption"))
        .map(text_of)
        .collect();
    assert_eq!(
        captions,
        vec![
            "Marta Okafor at the Åsane brook. Photo: Jonas Berg",
            "The survey team in 2019 (image not available). Archive",
            "A map that could not be found.",
        ]
    );
    // The missing image is reported, not fatal.
    assert_eq!(rendered.warnings.len(), 1);
    assert_eq!(rendered.warnings[0].kind, DiagnosticKind::Ignored);
    assert!(rendered.warnings[0].message.contains("missing.png"));
}

#[test]
fn undecodable_images_become_a_warning_not_a_panic() {
    let mut interview = fixture("rich.json");
    interview.front.push(folio_core::FrontBlock::Figure {
        figure: folio_core::Figure {
            src: Some("broken.png".into()),
            caption: Some("Broken".into()),
            ..Default::default()
        },
    });
    let mut options = options();
    options
        .images
        .insert("portrait.png".into(), b"GIF89a garbage".to_vec());
    let rendered = match docx(&interview, &options) {
        Ok(rendered) => rendered,
        Err(error) => panic!("{error}"),
    };
    let parts = unzip(&rendered.bytes);
    assert!(!parts.keys().any(|name| name.starts_with("word/media/")));
    let messages: Vec<&str> = rendered
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("broken.png")));
    assert!(messages.iter().any(|m| m.contains("portrait.png")));
}

#[test]
fn lists_use_numbering_that_restarts() {
    let parts = unzip(&write(&fixture("rich.json"), &options()));
    let document_xml = part(&parts, "word/document.xml");
    let document = parse(&document_xml);
    let items: Vec<(Option<&str>, Option<&str>, Option<&str>)> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter_map(|p| {
            let properties = p.children().find(|n| n.has_tag_name((W, "pPr")))?;
            properties
                .children()
                .find(|n| n.has_tag_name((W, "numPr")))?;
            Some((
                child_val(p, "pPr", "pStyle"),
                child_val(properties, "numPr", "ilvl"),
                child_val(properties, "numPr", "numId"),
            ))
        })
        .collect();
    assert_eq!(
        items,
        vec![
            (Some("ListNumber"), Some("0"), Some("3")),
            (Some("ListNumber"), Some("0"), Some("3")),
            (Some("ListBullet"), Some("1"), Some("2")),
            (Some("ListBullet"), Some("1"), Some("2")),
            (Some("ListNumber"), Some("0"), Some("3")),
        ]
    );
    let numbering = part(&parts, "word/numbering.xml");
    assert!(numbering.contains(r#"<w:num w:numId="3"><w:abstractNumId w:val="3" /><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1" /></w:lvlOverride></w:num>"#), "{numbering}");
}

#[test]
fn chinese_sets_east_asian_language_and_fonts() {
    let parts = unzip(&write(&fixture("chinese.json"), &options()));
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="Noto Serif CJK SC""#));
    assert!(styles.contains(r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#));
    let document = part(&parts, "word/document.xml");
    assert!(
        document.contains(">环球时报：</w:t>"),
        "CJK label separator"
    );
}

#[test]
fn jpeg_photos_stay_jpeg() {
    let photo = image::RgbImage::from_pixel(30, 20, image::Rgb([90, 120, 200]));
    let mut jpeg = std::io::Cursor::new(Vec::new());
    assert!(photo.write_to(&mut jpeg, image::ImageFormat::Jpeg).is_ok());
    let jpeg = jpeg.into_inner();
    let mut options = options();
    options.images.insert("portrait.png".into(), jpeg.clone());
    let parts = unzip(&write(&fixture("rich.json"), &options));
    assert_eq!(parts.get("word/media/rIdImage1.jpeg"), Some(&jpeg));
    assert!(!parts.contains_key("word/media/rIdImage1.png"));
    let rels = part(&parts, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Target="media/rIdImage1.jpeg""#), "{rels}");
    assert!(part(&parts, "[Content_Types].xml").contains(r#"Extension="jpeg""#));
}

/// Style and text of every body paragraph, in order.
fn styled_paragraphs(interview: &folio_core::Interview) -> Vec<(String, String)> {
    let parts = unzip(&write(interview, &options()));
    let document_xml = part(&parts, "word/document.xml");
    let document = parse(&document_xml);
    document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let style = child_val(p, "pPr", "pStyle").unwrap_or_default();
            (style.to_string(), text_of(p))
        })
        .collect()
}

#[test]
fn a_figure_without_its_picture_keeps_its_alt_text_and_caption() {
    let mut interview = fixture("rich.json");
    let figure = |src: &str, alt: &str, caption: &str, credit: &str| Block::Figure {
        figure: folio_core::Figure {
            src: Some(src.into()),
            alt: Some(alt.into()),
            caption: Some(caption.into()),
            credit: Some(credit.into()),
        },
    };
    interview.turns[1].content.push(figure(
        "https://example.invalid/x.jpg",
        "A harbour at dawn",
        "The harbour.",
        "Ann Lee",
    ));
    interview.turns[1].content.push(figure(
        "no/such/nets.jpg",
        "Nets drying on the quay",
        "Nets on the quay.",
        "Bo Kim",
    ));
    let rendered = match docx(&interview, &options()) {
        Ok(rendered) => rendered,
        Err(error) => panic!("{error}"),
    };
    // One warning per figure left without its picture (missing.png is the
    // fixture's own).
    let messages: Vec<&str> = rendered
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    for src in [
        "missing.png",
        "https://example.invalid/x.jpg",
        "no/such/nets.jpg",
    ] {
        assert_eq!(
            messages.iter().filter(|m| m.contains(src)).count(),
            1,
            "{src}: {messages:?}"
        );
    }
    let paragraphs = styled_paragraphs(&interview);
    let find = |text: &str| {
        paragraphs
            .iter()
            .position(|(_, t)| t == text)
            .unwrap_or_else(|| panic!("no paragraph “{text}” in {paragraphs:#?}"))
    };
    let harbour = find("[Image: A harbour at dawn]");
    let nets = find("[Image: Nets drying on the quay]");
    assert_eq!(paragraphs[harbour].0, "FigurePlaceholder");
    assert_eq!(paragraphs[nets].0, "FigurePlaceholder");
    assert_eq!(
        paragraphs[harbour + 1],
        ("Caption".to_string(), "The harbour. Ann Lee".to_string())
    );
    assert_eq!(
        paragraphs[nets + 1],
        (
            "Caption".to_string(),
            "Nets on the quay. Bo Kim".to_string()
        )
    );
    // A figure whose picture is embedded keeps its alt text as the
    // picture's description, not as a placeholder; one without alt text
    // (missing.png) has none.
    assert_eq!(
        paragraphs
            .iter()
            .filter(|(style, _)| style == "FigurePlaceholder")
            .count(),
        2
    );
    // The placeholder style is defined, framed and italic, and keeps with
    // its caption like a picture (it is based on Figure).
    let parts = unzip(&rendered.bytes);
    let styles_xml = part(&parts, "word/styles.xml");
    let styles = parse(&styles_xml);
    let Some(placeholder) = styles.descendants().find(|n| {
        n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some("FigurePlaceholder")
    }) else {
        panic!("no FigurePlaceholder style");
    };
    let based_on = placeholder
        .children()
        .find(|n| n.has_tag_name((W, "basedOn")))
        .and_then(|n| n.attribute((W, "val")));
    assert_eq!(based_on, Some("Figure"));
    for property in ["pBdr", "i"] {
        assert!(
            placeholder
                .descendants()
                .any(|n| n.has_tag_name((W, property))),
            "FigurePlaceholder lacks {property}"
        );
    }
}

#[test]
fn sections_after_the_last_turn_are_written_with_their_text() {
    let mut interview = fixture("rich.json");
    let after = interview.turns.len();
    interview.sections.push(folio_core::Section {
        heading: "About this interview".into(),
        level: 2,
        first_turn: after,
        content: vec![Block::Paragraph {
            content: vec![folio_core::Inline::text(
                "This conversation was recorded in Porto in March.",
            )],
        }],
    });
    let paragraphs = styled_paragraphs(&interview);
    let at = paragraphs
        .iter()
        .position(|(_, t)| t == "About this interview")
        .unwrap_or_else(|| panic!("no heading in {paragraphs:#?}"));
    assert_eq!(paragraphs[at].0, "Heading2");
    assert_eq!(
        paragraphs[at + 1],
        (
            "BodyText".to_string(),
            "This conversation was recorded in Porto in March.".to_string()
        )
    );
    // After the conversation, before the bio.
    let last_answer = paragraphs
        .iter()
        .rposition(|(style, _)| style.starts_with("Answer") || style == "Question")
        .unwrap_or_default();
    let bio = paragraphs
        .iter()
        .position(|(style, _)| style == "Bio")
        .unwrap_or_default();
    assert!(last_answer < at && at < bio, "{paragraphs:#?}");
}

#[test]
fn strike_out_and_super_and_subscripts_have_character_styles() {
    use folio_core::Inline;
    let mut interview = fixture("rich.json");
    interview.turns[0].content = vec![Block::Paragraph {
        content: vec![
            Inline::text("H"),
            Inline::Subscript {
                content: vec![Inline::text("2")],
            },
            Inline::text("O, x"),
            Inline::Superscript {
                content: vec![Inline::text("2")],
            },
            Inline::text(", "),
            Inline::Strikeout {
                content: vec![Inline::text("old")],
            },
        ],
    }];
    let parts = unzip(&write(&interview, &options()));
    let document = part(&parts, "word/document.xml");
    let document = parse(&document);
    let styled = |id: &str| -> Vec<String> {
        document
            .descendants()
            .filter(|n| n.has_tag_name((W, "r")))
            .filter(|r| child_val(*r, "rPr", "rStyle") == Some(id))
            .map(text_of)
            .collect()
    };
    assert_eq!(styled("Subscript"), ["2"]);
    assert_eq!(styled("Superscript"), ["2"]);
    assert_eq!(styled("Strikeout"), ["old"]);
    let styles = part(&parts, "word/styles.xml");
    let styles = parse(&styles);
    let property = |id: &str, name: &str| {
        styles
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
            .and_then(|s| s.descendants().find(|n| n.has_tag_name((W, name))))
            .map(|n| n.attribute((W, "val")).unwrap_or("on").to_string())
    };
    assert_eq!(
        property("Subscript", "vertAlign").as_deref(),
        Some("subscript")
    );
    assert_eq!(
        property("Superscript", "vertAlign").as_deref(),
        Some("superscript")
    );
    assert_eq!(property("Strikeout", "strike").as_deref(), Some("on"));
}

#[test]
fn tables_are_word_tables_in_the_interview_table_style() {
    use folio_core::{Alignment, Inline};
    let cell = |text: &str| vec![Inline::text(text)];
    let table = |header: Vec<Vec<Inline>>| Block::Table {
        header,
        rows: vec![
            vec![
                cell("Harbour"),
                vec![Inline::Strong {
                    content: cell("18"),
                }],
            ],
            // A short row is padded with an empty cell.
            vec![cell("Night boat")],
        ],
        align: vec![Alignment::Default, Alignment::Right],
    };
    let mut interview = fixture("rich.json");
    let answer = interview
        .turns
        .iter()
        .position(|t| t.role == TurnRole::Answer)
        .unwrap_or(1);
    // Two tables in a row, the second without a header.
    interview.turns[answer]
        .content
        .push(table(vec![cell("Route"), cell("Crossings")]));
    interview.turns[answer].content.push(table(Vec::new()));
    let parts = unzip(&write(&interview, &options()));
    let document_xml = part(&parts, "word/document.xml");
    let document = parse(&document_xml);
    let tables: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert_eq!(tables.len(), 2, "{document_xml}");
    // Word would join two adjacent tables: a paragraph stands between them.
    assert!(
        tables[0]
            .next_sibling_element()
            .is_some_and(|n| n.has_tag_name((W, "p"))),
        "{document_xml}"
    );
    for (index, table) in tables.iter().enumerate() {
        let properties = table
            .children()
            .find(|n| n.has_tag_name((W, "tblPr")))
            .unwrap_or_else(|| panic!("no w:tblPr"));
        // The style comes first (CT_TblPr order), and no borders are set
        // directly: the style draws the rules.
        let first = properties.first_element_child();
        assert_eq!(
            first.and_then(|n| n.attribute((W, "val"))),
            Some("InterviewTable")
        );
        assert!(first.is_some_and(|n| n.has_tag_name((W, "tblStyle"))));
        assert!(
            properties
                .descendants()
                .all(|n| !["top", "bottom", "insideH"].contains(&n.tag_name().name())),
            "{document_xml}"
        );
        let look = properties
            .children()
            .find(|n| n.has_tag_name((W, "tblLook")))
            .and_then(|n| n.attribute((W, "firstRow")));
        assert_eq!(look, Some(if index == 0 { "1" } else { "0" }));
        let grid: Vec<_> = table
            .descendants()
            .filter(|n| n.has_tag_name((W, "gridCol")))
            .collect();
        assert_eq!(grid.len(), 2);
        assert!(grid.iter().all(|g| g.attribute((W, "type")).is_none()));
        let rows: Vec<_> = table
            .children()
            .filter(|n| n.has_tag_name((W, "tr")))
            .collect();
        let texts: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                row.children()
                    .filter(|n| n.has_tag_name((W, "tc")))
                    .map(text_of)
                    .collect()
            })
            .collect();
        let body = [["Harbour", "18"], ["Night boat", ""]];
        if index == 0 {
            assert_eq!(texts, [["Route", "Crossings"], body[0], body[1]]);
        } else {
            assert_eq!(texts, body);
        }
        for (n, row) in rows.iter().enumerate() {
            let row_properties = row.children().find(|c| c.has_tag_name((W, "trPr")));
            let has = |name: &str| {
                row_properties.is_some_and(|p| p.children().any(|c| c.has_tag_name((W, name))))
            };
            // No row breaks across a page; the header repeats on each.
            assert!(has("cantSplit"));
            assert_eq!(has("tblHeader"), index == 0 && n == 0);
            let styles: Vec<_> = row
                .descendants()
                .filter(|p| p.has_tag_name((W, "p")))
                .map(|p| child_val(p, "pPr", "pStyle"))
                .collect();
            let expected = if index == 0 && n == 0 {
                "TableHeading"
            } else {
                "TableText"
            };
            assert!(styles.iter().all(|s| *s == Some(expected)), "{styles:?}");
            // The second column is right-aligned, the first as the style has it.
            let alignment: Vec<_> = row
                .descendants()
                .filter(|p| p.has_tag_name((W, "p")))
                .map(|p| child_val(p, "pPr", "jc"))
                .collect();
            assert_eq!(alignment, [None, Some("right")]);
        }
    }
    // Cell text keeps its character styles.
    assert!(document_xml.contains(r#"<w:rStyle w:val="Strong" />"#));
    let styles_xml = part(&parts, "word/styles.xml");
    for id in ["InterviewTable", "TableHeading", "TableText"] {
        assert!(
            styles_xml.contains(&format!(r#"w:styleId="{id}""#)),
            "{id} is not defined"
        );
    }
}

#[test]
fn a_right_to_left_document_has_right_to_left_tables() {
    use folio_core::Inline;
    let mut interview = fixture("arabic.json");
    interview.turns[0].content.push(Block::Table {
        header: vec![vec![Inline::text("السنة")], vec![Inline::text("الزوار")]],
        rows: vec![vec![vec![Inline::text("2024")], vec![Inline::text("1500")]]],
        align: Vec::new(),
    });
    let parts = unzip(&write(&interview, &options()));
    let document_xml = part(&parts, "word/document.xml");
    let document = parse(&document_xml);
    let properties: Vec<&str> = document
        .descendants()
        .find(|n| n.has_tag_name((W, "tblPr")))
        .map(|p| {
            p.children()
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        properties,
        [
            "tblStyle",
            "bidiVisual",
            "tblW",
            "jc",
            "tblBorders",
            "tblLook"
        ]
    );
}
