//! The DOCX reader on packages built here: bad input with its exact
//! messages, tracked changes, comments and fields, styles in other
//! languages, tables used for questions and answers, and a package chosen
//! by its content.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;

use zip::write::SimpleFileOptions;

use crate::model::{Block, Inline, SpeakerRole, TurnRole, blocks_plain_text, plain_text};
use crate::read::{InputFormat, ReadOptions, read_bytes};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A zip of `parts`, deflated.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(parts, zip::CompressionMethod::Deflated)
}

fn zip_with(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .large_file(true);
    for (name, bytes) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    )
}

/// A paragraph `**label:** text` in direct bold, as people type labels.
fn labelled(label: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{label}: </w:t></w:r><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let document = document(body);
    let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", document.as_bytes())];
    parts.extend(extra.iter().map(|(name, text)| (*name, text.as_bytes())));
    zip(&parts)
}

fn error(bytes: &[u8]) -> String {
    match read_bytes(bytes, "talk.docx", &ReadOptions::default()) {
        Ok(_) => panic!("read without error"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn a_file_that_is_not_a_zip() {
    assert_eq!(
        error(b"Q: Is this Word?\n\nA: No."),
        "talk.docx: not a DOCX document: the file is not a zip archive (a .docx is the zip package Word saves)"
    );
}

#[test]
fn a_zip_without_a_document_part() {
    let bytes = zip(&[("content.xml", b"<office:document/>".as_slice())]);
    assert_eq!(
        error(&bytes),
        "talk.docx: not a DOCX document: the zip archive has no word/document.xml part, so it is not a Word document"
    );
}

#[test]
fn a_part_that_expands_too_far_is_a_zip_bomb() {
    let spaces = vec![b' '; 4 * 1024 * 1024];
    let bytes = zip(&[("word/document.xml", spaces.as_slice())]);
    let message = error(&bytes);
    assert!(
        message.starts_with("talk.docx: word/document.xml: it expands ")
            && message.ends_with(
                " to 4194304), past the limit of 200-fold; the file is refused as a zip bomb"
            ),
        "{message}"
    );
}

#[test]
fn a_part_past_the_size_limit_is_refused() {
    // Stored, so the ratio is 1 and the size alone decides.
    let big = vec![b' '; usize::try_from(super::MAX_PART_BYTES).unwrap() + 1];
    let bytes = zip_with(
        &[("word/document.xml", big.as_slice())],
        zip::CompressionMethod::Stored,
    );
    assert_eq!(
        error(&bytes),
        "talk.docx: word/document.xml: uncompressed it is 67108865 bytes or more, past the limit of 67108864 bytes a part may have; the file is refused (a zip bomb or not a Word document)"
    );
}

#[test]
fn xml_with_a_doctype_is_refused_and_its_entities_never_expanded() {
    let xml = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY boom "Q: boom">]><w:document {W}><w:body><w:p><w:r><w:t>&boom;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes = zip(&[("word/document.xml", xml.as_bytes())]);
    assert_eq!(
        error(&bytes),
        "talk.docx: word/document.xml: the XML has a DOCTYPE, which Folio refuses (its entities are never expanded); Word never writes one"
    );
    // An empty DOCTYPE too, which roxmltree alone would let through.
    let xml = format!(r#"<!DOCTYPE html><w:document {W}/>"#);
    let bytes = zip(&[("word/document.xml", xml.as_bytes())]);
    assert!(error(&bytes).contains("has a DOCTYPE"));
}

#[test]
fn broken_xml_names_its_part() {
    let bytes = docx(
        &labelled("Ana", "Hello?"),
        &[("word/styles.xml", "<w:styles")],
    );
    let message = error(&bytes);
    assert!(
        message.starts_with("talk.docx: word/styles.xml: not well-formed XML: "),
        "{message}"
    );
}

#[test]
fn a_document_without_turns() {
    let bytes = docx(
        "<w:p><w:r><w:t>Minutes of the meeting.</w:t></w:r></w:p>",
        &[],
    );
    assert_eq!(
        error(&bytes),
        format!("talk.docx: no interview turns found: {}", super::LOOKED_FOR)
    );
}

fn read(bytes: &[u8]) -> crate::read::Parsed {
    read_bytes(bytes, "talk.docx", &ReadOptions::default()).unwrap()
}

fn interview_body() -> String {
    [
        labelled("Ana", "Where did it start?"),
        labelled(
            "Ben",
            "In a shed behind the school, with two borrowed looms.",
        ),
        labelled("Ana", "And now?"),
        labelled("Ben", "Now we weave for three theatres and a cathedral."),
    ]
    .concat()
}

#[test]
fn bold_labels_in_normal_paragraphs_are_turns() {
    let parsed = read(&docx(&interview_body(), &[]));
    assert_eq!(parsed.format, InputFormat::Docx);
    let interview = &parsed.interview;
    let labels: Vec<&str> = interview
        .speakers
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["Ana", "Ben"]);
    assert_eq!(interview.speakers[0].role, SpeakerRole::Interviewer);
    assert_eq!(interview.turns.len(), 4);
    assert_eq!(interview.turns[1].role, TurnRole::Answer);
    assert_eq!(
        blocks_plain_text(&interview.turns[3].content),
        "Now we weave for three theatres and a cathedral."
    );
}

#[test]
fn tracked_changes_comments_and_fields() {
    let edited = concat!(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Ben: </w:t></w:r>"#,
        r#"<w:r><w:t xml:space="preserve">We </w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="Ed"><w:r><w:delText xml:space="preserve">never </w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="Ed"><w:r><w:t xml:space="preserve">always </w:t></w:r></w:ins>"#,
        r#"<w:commentRangeStart w:id="3"/><w:r><w:t>sold</w:t></w:r><w:commentRangeEnd w:id="3"/>"#,
        r#"<w:r><w:commentReference w:id="3"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> page </w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> of the </w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/cat" </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>catalogue</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:t>.</w:t></w:r></w:p>"#,
    );
    let body = [
        labelled("Ana", "Did you sell the cloth?"),
        edited.to_string(),
    ]
    .concat()
        + &interview_body();
    let parsed = read(&docx(&body, &[]));
    let answer = &parsed.interview.turns[1].content;
    assert_eq!(
        blocks_plain_text(answer),
        "We always sold page 7 of the catalogue."
    );
    let Block::Paragraph { content } = &answer[0] else {
        panic!("{answer:?}")
    };
    assert!(content.contains(&Inline::Link {
        url: "https://example.org/cat".into(),
        content: vec![Inline::text("catalogue")],
    }));
    let changes: Vec<String> = parsed
        .warnings
        .iter()
        .filter(|w| w.message.contains("tracked changes"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        changes,
        [
            "line 2: the document has tracked changes that were never accepted or rejected; it is read with the insertions taken and the deletions left out (accept or reject them in Word to decide)"
        ]
    );
}

#[test]
fn styles_in_other_languages_hyperlinks_and_switched_off_bold() {
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/></w:style><w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Titel"/></w:style></w:styles>"#
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/weave" TargetMode="External"/></Relationships>"#;
    let body = [
        r#"<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>Looms</w:t></w:r></w:p>"#.to_string(),
        r#"<w:p><w:pPr><w:pStyle w:val="berschrift2"/></w:pPr><w:r><w:t>Beginnings</w:t></w:r></w:p>"#.to_string(),
        labelled("Ana", "Where did it start?"),
        concat!(
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Ben: </w:t></w:r>"#,
            r#"<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">See </w:t></w:r>"#,
            r#"<w:hyperlink r:id="rId9"><w:r><w:t>our page</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>"#
        )
        .to_string(),
        labelled("Ana", "And now?"),
        labelled("Ben", "Now we weave for three theatres and a cathedral."),
    ]
    .concat();
    let parsed = read(&docx(
        &body,
        &[
            ("word/styles.xml", &styles),
            ("word/_rels/document.xml.rels", rels),
        ],
    ));
    let interview = &parsed.interview;
    assert_eq!(interview.meta.title.as_deref(), Some("Looms"));
    assert_eq!(interview.sections.len(), 1);
    assert_eq!(
        (
            interview.sections[0].heading.as_str(),
            interview.sections[0].level
        ),
        ("Beginnings", 2)
    );
    let Block::Paragraph { content } = &interview.turns[1].content[0] else {
        panic!()
    };
    assert_eq!(
        content,
        &vec![
            Inline::text("See "),
            Inline::Link {
                url: "https://example.org/weave".into(),
                content: vec![Inline::text("our page")]
            },
            Inline::text(".")
        ]
    );
}

#[test]
fn a_two_column_table_of_labels_and_answers_gives_turns() {
    let row = |left: &str, right: &str| {
        format!(
            r#"<w:tr><w:tc><w:p><w:r><w:t>{left}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{right}</w:t></w:r></w:p></w:tc></w:tr>"#
        )
    };
    let table = format!(
        "<w:tbl>{}{}{}{}</w:tbl>",
        row("Ana", "Where did you learn to weave, and who taught you?"),
        row(
            "Ben",
            "My grandmother taught me on a loom older than the house."
        ),
        row("Ana", "Do you still use that loom for your work today?"),
        row(
            "Ben",
            "Every day; it is slower, but the cloth is better for it."
        ),
    );
    let interview = read(&docx(&table, &[])).interview;
    assert_eq!(interview.turns.len(), 4);
    assert_eq!(interview.speakers.len(), 2);
    assert_eq!(
        blocks_plain_text(&interview.turns[2].content),
        "Do you still use that loom for your work today?"
    );
    // A fact box stays a table.
    let facts = format!(
        "{}<w:tbl>{}{}</w:tbl>",
        interview_body(),
        row("Looms", "2"),
        row("Founded", "1998")
    );
    let interview = read(&docx(&facts, &[])).interview;
    assert!(
        interview
            .turns
            .iter()
            .flat_map(|t| &t.content)
            .any(|b| matches!(b, Block::Table { rows, .. } if rows.len() == 2)),
        "{:?}",
        interview.turns
    );
}

#[test]
fn lists_footnotes_and_pictures() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Since 1998.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let item = |level: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let picture = r#"<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="Two looms in a shed"/></wp:inline></w:drawing></w:r></w:p>"#;
    let body = [
        labelled("Ana", "What do you need?"),
        concat!(
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Ben: </w:t></w:r><w:r><w:t>Two things</w:t></w:r>"#,
            r#"<w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#
        )
        .to_string(),
        item(0, "a loom,"),
        item(1, "oak if you can,"),
        item(0, "and wool."),
        picture.to_string(),
        r#"<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t>The shed in 1998.</w:t></w:r></w:p>"#.to_string(),
        interview_body(),
    ]
    .concat();
    let interview = read(&docx(
        &body,
        &[
            ("word/numbering.xml", &numbering),
            ("word/footnotes.xml", &footnotes),
        ],
    ))
    .interview;
    let answer = &interview.turns[1].content;
    assert_eq!(
        plain_text(match &answer[0] {
            Block::Paragraph { content } => content,
            other => panic!("{other:?}"),
        }),
        "Two things1"
    );
    let Block::List {
        ordered: true,
        items,
    } = &answer[1]
    else {
        panic!("{answer:?}")
    };
    assert_eq!(items.len(), 2);
    assert!(matches!(
        items[0].last(),
        Some(Block::List { ordered: false, .. })
    ));
    let Block::Figure { figure } = &answer[2] else {
        panic!("{answer:?}")
    };
    assert_eq!(figure.alt.as_deref(), Some("Two looms in a shed"));
    assert_eq!(figure.caption.as_deref(), Some("The shed in 1998."));
    let closing = interview.closing.last().map(|c| match c {
        crate::model::ClosingBlock::Footer { content } => blocks_plain_text(content),
        other => panic!("{other:?}"),
    });
    assert_eq!(closing.as_deref(), Some("1 Since 1998."));
}

#[test]
fn a_package_without_an_extension_is_told_by_its_content() {
    let bytes = docx(&interview_body(), &[]);
    let parsed = read_bytes(&bytes, "-", &ReadOptions::default()).unwrap();
    assert_eq!(parsed.format, InputFormat::Docx);
    assert!(super::looks_like_docx(&bytes));
    assert!(!super::looks_like_docx(b"PK\x03\x04 but no document part"));
}

#[test]
fn blank_paragraphs_typed_for_spacing_end_an_editors_note() {
    let text = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let body = [
        text("Editor's Note:"),
        text("This interview has been edited for length."),
        "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>".to_string(),
        text("Ben Okafor runs a weaving workshop in Leeds."),
        interview_body(),
    ]
    .concat();
    let front = read(&docx(&body, &[])).interview.front;
    let kinds: Vec<(String, String)> = front
        .iter()
        .map(|block| match block {
            crate::model::FrontBlock::EditorsNote { content } => {
                ("note".to_string(), blocks_plain_text(content))
            }
            crate::model::FrontBlock::Introduction { content } => {
                ("intro".to_string(), blocks_plain_text(content))
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "note".to_string(),
                "This interview has been edited for length.".to_string()
            ),
            (
                "intro".to_string(),
                "Ben Okafor runs a weaving workshop in Leeds.".to_string()
            )
        ]
    );
}

#[test]
fn containers_nested_without_end_do_not_exhaust_the_stack() {
    let depth = 100_000;
    let inline = format!(
        r#"<w:p>{}<w:r><w:t>deep</w:t></w:r>{}</w:p>"#,
        "<w:ins>".repeat(depth),
        "</w:ins>".repeat(depth)
    );
    let block = format!(
        "{}<w:p/>{}",
        "<w:sdt><w:sdtContent>".repeat(depth / 2),
        "</w:sdtContent></w:sdt>".repeat(depth / 2)
    );
    for body in [inline, block] {
        let body = body + &interview_body();
        // The test thread's stack is 2 MiB: a walk that followed every
        // level would abort the whole test run. The turns after it are read.
        let parsed = read(&docx(&body, &[]));
        assert_eq!(parsed.interview.turns.len(), 4);
    }
}

#[test]
fn pictures_in_the_package_reach_the_writers() {
    let drawing = r#"<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="A net loft"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rIdPicture"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
    let body = format!(
        "{}{drawing}{}{}{}",
        labelled("Ann", "Where do you mend the nets, and since when?"),
        labelled("Bo", "Up in the loft, since I was twelve years old."),
        labelled("Ann", "Why there?"),
        labelled("Bo", "The light."),
    );
    let document = document(&body);
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdPicture" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rIdOut" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../../secret.png"/></Relationships>"#;
    let picture: &[u8] = b"\x89PNG\r\n\x1a\nnot really";
    let bytes = zip(&[
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/media/image1.png", picture),
    ]);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("talk.docx");
    std::fs::write(&path, &bytes).unwrap();
    let parsed = crate::read::read_path(&path, &ReadOptions::default()).unwrap();
    let mut figures = Vec::new();
    for turn in &parsed.interview.turns {
        for block in &turn.content {
            if let Block::Figure { figure } = block {
                figures.push(figure.clone());
            }
        }
    }
    assert_eq!(figures.len(), 1, "{:?}", parsed.interview.turns);
    assert_eq!(
        figures[0].src.as_deref(),
        Some("talk.docx#word/media/image1.png")
    );
    assert_eq!(figures[0].alt.as_deref(), Some("A net loft"));
    let access = crate::ImageAccess {
        base: Some(folder.path()),
        allow_outside: false,
    };
    assert_eq!(
        crate::read_image_source("talk.docx#word/media/image1.png", access).unwrap(),
        picture
    );
    assert_eq!(
        crate::read_image_source("talk.docx#word/media/none.png", access).unwrap_err(),
        "talk.docx has no part word/media/none.png"
    );
    // A relationship that leads out of the package names no part.
    assert_eq!(super::body::media_part("../../secret.png"), None);
}
