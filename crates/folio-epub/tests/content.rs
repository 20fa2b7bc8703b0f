//! The content documents: well-formed, in the book's language, with every
//! word of the interview and the semantics the stylesheet and readers use.

mod common;

use common::{FIXTURES, TestResult, build, fixture, model_words, parse_xml, readable_text};

#[test]
fn every_word_of_the_model_is_in_the_xhtml() -> TestResult {
    for name in FIXTURES {
        let interview = fixture(name)?;
        let (_, book) = build(name)?;
        let mut text = String::new();
        for document in book.content_documents() {
            text.push_str(&readable_text(book.text(document)?)?);
            text.push(' ');
        }
        let missing: Vec<String> = model_words(&interview)
            .into_iter()
            .filter(|w| !text.contains(w.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: words missing from the XHTML: {missing:?}"
        );
        assert!(name == "empty" || !model_words(&interview).is_empty());
    }
    Ok(())
}

#[test]
fn every_xml_file_is_well_formed_and_every_document_has_the_language() -> TestResult {
    for name in FIXTURES {
        let interview = fixture(name)?;
        // Tags that are not BCP 47 become `und`.
        let language = if matches!(name, "edge" | "empty") {
            "und"
        } else {
            interview.meta.language.as_str()
        };
        let (_, book) = build(name)?;
        for (file, bytes) in &book.files {
            let is_xml = [".xhtml", ".opf", ".ncx", ".xml", ".svg"]
                .iter()
                .any(|e| file.ends_with(e));
            if !is_xml {
                continue;
            }
            let text = std::str::from_utf8(bytes)?;
            let document = parse_xml(text).map_err(|e| format!("{name}/{file}: {e}"))?;
            if file.ends_with(".xhtml") {
                let root = document.root_element();
                let xml_lang = root.attribute(("http://www.w3.org/XML/1998/namespace", "lang"));
                assert_eq!(xml_lang, Some(language), "{name}/{file}");
                assert_eq!(root.attribute("lang"), Some(language), "{name}/{file}");
            }
        }
    }
    Ok(())
}

#[test]
fn turns_carry_speaker_labels_and_question_answer_classes() -> TestResult {
    let (_, book) = build("full")?;
    let text = book.text("OEBPS/interview-1.xhtml")?;
    let document = parse_xml(text)?;
    let turns: Vec<_> = document
        .descendants()
        .filter(|n| {
            n.has_tag_name("section")
                && n.attribute("class").is_some_and(|c| c.starts_with("turn "))
        })
        .collect();
    assert_eq!(
        turns.len(),
        5,
        "turns 1 to 5 come before the second main section"
    );
    let classes: Vec<&str> = turns.iter().filter_map(|t| t.attribute("class")).collect();
    assert_eq!(
        classes,
        [
            "turn question interviewer",
            "turn answer interviewee",
            "turn question interviewer",
            "turn answer interviewee",
            "turn remark group"
        ]
    );
    for turn in &turns {
        let label = turn
            .descendants()
            .find(|n| n.has_tag_name("b") && n.attribute("class") == Some("speaker"));
        assert!(
            label.is_some(),
            "turn {:?} has no speaker label",
            turn.attribute("id")
        );
    }
    assert!(text.contains("<span class=\"stage-direction\">(Laughs.)</span>"));
    assert!(text.contains("<span class=\"timestamp\">[04:22]</span>"));
    assert!(text.contains("<b class=\"speaker\"><abbr title=\"Mira Sol\">MS</abbr>:</b>"));
    Ok(())
}

#[test]
fn figures_have_images_and_captions() -> TestResult {
    let (_, book) = build("full")?;
    let title = book.text("OEBPS/title.xhtml")?;
    assert!(title.contains("<img src=\"images/figure-1.png\" alt=\"Mira Sol at the piano\"/>"));
    assert!(title.contains("<figcaption>Mira Sol in her studio. <span class=\"credit\">Photo: J. Doe</span></figcaption>"));
    assert!(book.files.contains_key("OEBPS/images/figure-1.png"));
    // The remote picture keeps its caption and no image.
    let intro = book.text("OEBPS/introduction.xhtml")?;
    assert!(intro.contains(
        "<figure class=\"figure\">\n<figcaption>A remote picture that is not packed.</figcaption>"
    ));
    Ok(())
}

#[test]
fn cjk_and_right_to_left_text_come_through_intact() -> TestResult {
    let (_, cjk) = build("cjk")?;
    let interview = cjk.text("OEBPS/interview-1.xhtml")?;
    assert!(interview.contains("这一理念体现了对全球发展趋势的深刻理解。"));
    assert!(interview.contains("한국어 답변도 있습니다."));
    assert!(interview.contains("<b class=\"speaker\">环球时报：</b>您如何理解这一理念？"));
    let (_, rtl) = build("rtl")?;
    let page = rtl.text("OEBPS/interview-1.xhtml")?;
    assert!(page.contains("xml:lang=\"ar\" lang=\"ar\" dir=\"rtl\""));
    assert!(page.contains("היא אומרת שהזיכרון הוא בית."));
    assert!(rtl.text("OEBPS/nav.xhtml")?.contains("dir=\"rtl\""));
    assert!(
        rtl.text("OEBPS/content.opf")?
            .contains("page-progression-direction=\"rtl\"")
    );
    Ok(())
}

#[test]
fn the_house_style_reaches_labels_and_stylesheet() -> TestResult {
    use folio_core::{HouseStyle, LabelCase, LabelText};
    let style = HouseStyle {
        label_text: LabelText::FullName,
        label_case: LabelCase::SmallCaps,
        label_color: "#123456".into(),
        heading_font: Some("Source Sans 3".into()),
        ..HouseStyle::default()
    };
    let options = folio_epub::EpubOptions {
        common: folio_core::WriterOptions {
            style,
            ..common::options().common
        },
        ..common::options()
    };
    let rendered = folio_epub::epub(&fixture("full")?, &options)?;
    let book = common::unpack(&rendered.bytes)?;
    let interview = book.text("OEBPS/interview-1.xhtml")?;
    assert!(
        interview.contains("<b class=\"speaker\">Mira Sol:</b> With silence"),
        "full names replace labels"
    );
    assert!(
        interview.contains("<b class=\"speaker\">Q:</b>"),
        "a speaker without a name keeps the label"
    );
    let css = book.text("OEBPS/stylesheet.css")?;
    assert!(css.contains(".speaker, .kicker { color: #123456; }"));
    assert!(css.contains("font-variant: small-caps"));
    assert!(css.contains("font-family: \"Source Sans 3\", sans-serif;"));
    Ok(())
}

/// A figure whose picture cannot be packed (a remote URL, a missing file)
/// keeps its `<figure>` and `<figcaption>`, shows its alt text as text
/// where the picture would be, and is one warning.
#[test]
fn a_figure_without_its_picture_keeps_its_alt_text_and_caption() -> TestResult {
    let mut interview = fixture("minimal")?;
    let figure = |src: &str, alt: &str, caption: Option<&str>| folio_core::Block::Figure {
        figure: folio_core::Figure {
            src: Some(src.into()),
            alt: Some(alt.into()),
            caption: caption.map(str::to_string),
            credit: caption.map(|_| "Ann Lee".to_string()),
        },
    };
    let last = interview.turns.len() - 1;
    interview.turns[last].content.push(figure(
        "https://example.invalid/x.jpg",
        "A harbour at dawn",
        Some("The harbour."),
    ));
    interview.turns[last].content.push(figure(
        "no/such/nets.jpg",
        "Nets drying <on> the quay",
        None,
    ));
    let rendered = folio_epub::epub(&interview, &common::options())?;
    let messages: Vec<&str> = rendered
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("https://example.invalid/x.jpg"));
    assert!(messages[1].contains("no/such/nets.jpg"));
    let book = common::unpack(&rendered.bytes)?;
    let page = book
        .content_documents()
        .into_iter()
        .map(|d| book.text(d))
        .collect::<Result<Vec<_>, _>>()?
        .join("\n");
    assert!(
        page.contains(
            "<figure class=\"figure\">\n\
             <p class=\"figure-placeholder\">[Image: A harbour at dawn]</p>\n\
             <figcaption>The harbour. <span class=\"credit\">Ann Lee</span></figcaption>\n\
             </figure>"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "<figure class=\"figure\">\n\
             <p class=\"figure-placeholder\">[Image: Nets drying &lt;on&gt; the quay]</p>\n\
             </figure>"
        ),
        "{page}"
    );
    assert!(
        !book.names.iter().any(|n| n.contains("figure-")),
        "no picture to pack: {:?}",
        book.names
    );
    assert!(
        book.text("OEBPS/stylesheet.css")?
            .contains("p.figure-placeholder")
    );
    Ok(())
}

/// Headings after the last turn close the conversation with their text.
#[test]
fn sections_after_the_last_turn_are_written_with_their_text() -> TestResult {
    let mut interview = fixture("minimal")?;
    interview.sections.push(folio_core::Section {
        heading: "About this interview".into(),
        level: 1,
        first_turn: interview.turns.len(),
        content: vec![folio_core::Block::Paragraph {
            content: vec![folio_core::Inline::text(
                "This conversation was recorded in Porto in March.",
            )],
        }],
    });
    let rendered = folio_epub::epub(&interview, &common::options())?;
    let book = common::unpack(&rendered.bytes)?;
    let mut text = String::new();
    for document in book.content_documents() {
        text.push_str(&readable_text(book.text(document)?)?);
        text.push(' ');
    }
    let heading = text.find("About this interview");
    let content = text.find("This conversation was recorded in Porto in March.");
    assert!(heading.is_some() && heading < content, "{text}");
    Ok(())
}

#[test]
fn strike_out_and_super_and_subscripts_are_marked_up() -> TestResult {
    use folio_core::{Block, Inline};
    let mut interview = fixture("minimal")?;
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
    let rendered = folio_epub::epub(&interview, &common::options())?;
    let book = common::unpack(&rendered.bytes)?;
    let xhtml: String = book
        .content_documents()
        .iter()
        .map(|d| book.text(d).unwrap_or_default())
        .collect();
    assert!(
        xhtml.contains("H<sub>2</sub>O, x<sup>2</sup>, <del>old</del>"),
        "{xhtml}"
    );
    Ok(())
}

#[test]
fn tables_have_a_header_row_body_rows_and_alignment_classes() -> TestResult {
    use folio_core::{Alignment, Block, Inline};
    let cell = |text: &str| vec![Inline::text(text)];
    let mut interview = fixture("minimal")?;
    interview.turns[0].content.push(Block::Table {
        header: vec![cell("Year"), cell("Tonnes")],
        rows: vec![
            vec![
                vec![Inline::Strong {
                    content: cell("2023"),
                }],
                cell("1,850"),
            ],
            // A short row is padded with an empty cell.
            vec![cell("2024")],
        ],
        align: vec![Alignment::Default, Alignment::Right],
    });
    let rendered = folio_epub::epub(&interview, &common::options())?;
    let book = common::unpack(&rendered.bytes)?;
    let xhtml: String = book
        .content_documents()
        .iter()
        .map(|d| book.text(d).unwrap_or_default())
        .collect();
    assert!(
        xhtml.contains(
            "<table class=\"table\">\n<thead>\n\
             <tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"align-right\">Tonnes</th></tr>\n\
             </thead>\n<tbody>\n\
             <tr><td><strong>2023</strong></td><td class=\"align-right\">1,850</td></tr>\n\
             <tr><td>2024</td><td class=\"align-right\"></td></tr>\n\
             </tbody>\n</table>\n"
        ),
        "{xhtml}"
    );
    // No inline style; the stylesheet has the classes.
    assert!(!xhtml.contains("style="), "{xhtml}");
    let css = book
        .names
        .iter()
        .find(|n| n.ends_with(".css"))
        .map(|n| book.text(n).unwrap_or_default())
        .unwrap_or_default();
    assert!(
        css.contains(".align-right") && css.contains("table.table th"),
        "{css}"
    );
    // Well-formed, and a table with no body rows has no empty tbody.
    for document in book.content_documents() {
        parse_xml(book.text(document)?)?;
    }
    interview.turns[0].content.push(Block::Table {
        header: vec![cell("Only a header")],
        rows: Vec::new(),
        align: Vec::new(),
    });
    let rendered = folio_epub::epub(&interview, &common::options())?;
    let book = common::unpack(&rendered.bytes)?;
    let xhtml: String = book
        .content_documents()
        .iter()
        .map(|d| book.text(d).unwrap_or_default())
        .collect();
    assert!(
        xhtml.contains("<th scope=\"col\">Only a header</th></tr>\n</thead>\n</table>"),
        "{xhtml}"
    );
    Ok(())
}
