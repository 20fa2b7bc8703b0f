//! `--reference-docx`: a user's template supplies styles, page setup,
//! header and footer; a missing or broken one is a clear error.

// A failed expectation in a test or benchmark is a panic by design.
#![allow(clippy::panic)]

mod common;

use std::io::{Cursor, Write};

use common::{fixture, fixtures, options, part, unzip};
use folio_docx::{DocxError, DocxOptions, docx};

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        let started = zip.start_file(*name, zip::write::SimpleFileOptions::default());
        assert!(started.is_ok());
        assert!(zip.write_all(bytes).is_ok());
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

fn house_template() -> Vec<u8> {
    let logo = std::fs::read(fixtures().join("portrait.png")).unwrap_or_default();
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}>
  <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Question"><w:name w:val="Question"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="00704A"/></w:rPr></w:style>
</w:styles>"#
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W_NS}><w:body><w:p/>
<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:footerReference w:type="default" r:id="rId9"/>
<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="720" w:right="1080" w:bottom="720" w:left="1080" w:header="360" w:footer="360" w:gutter="0"/></w:sectPr>
</w:body></w:document>"#
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;
    let header = format!(r#"<w:hdr {W_NS}><w:p><w:r><w:t>HOUSE HEADER</w:t></w:r></w:p></w:hdr>"#);
    let header_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.jpeg"/></Relationships>"#;
    let footer = format!(r#"<w:ftr {W_NS}><w:p><w:r><w:t>House footer</w:t></w:r></w:p></w:ftr>"#);
    zip_of(&[
        ("word/styles.xml", styles.into_bytes()),
        ("word/document.xml", document.into_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes().to_vec()),
        ("word/header1.xml", header.into_bytes()),
        (
            "word/_rels/header1.xml.rels",
            header_rels.as_bytes().to_vec(),
        ),
        ("word/media/logo.jpeg", logo),
        ("word/footer1.xml", footer.into_bytes()),
    ])
}

fn with_template(bytes: Vec<u8>) -> DocxOptions {
    DocxOptions {
        reference_docx: Some(bytes),
        ..options()
    }
}

#[test]
fn template_styles_page_setup_header_and_footer_apply() {
    let rendered = docx(&fixture("rich.json"), &with_template(house_template()));
    let parts = unzip(&rendered.map(|r| r.bytes).unwrap_or_default());
    let styles = part(&parts, "word/styles.xml");
    // The template's Question wins; styles it lacks come from Folio.
    assert_eq!(styles.matches(r#"w:styleId="Question""#).count(), 1);
    assert!(styles.contains(r#"<w:color w:val="00704A"/>"#));
    assert!(styles.contains(r#"w:styleId="SpeakerLabel""#));
    assert!(styles.contains(r#"w:styleId="AnswerContinued""#));
    assert_eq!(styles.matches(r#"w:styleId="Normal""#).count(), 1);
    assert!(styles.contains("Georgia"));
    // The template names no language, so the interview's goes in.
    assert!(
        styles.contains(r#"<w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:lang w:val="en-GB""#)
    );
    common::parse(&styles);

    let document = part(&parts, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="12240" w:h="15840" />"#),
        "{document}"
    );
    assert!(document.contains(r#"<w:pgMar w:top="720" w:right="1080" w:bottom="720" w:left="1080" w:header="360" w:footer="360" w:gutter="0" />"#));

    assert!(part(&parts, "word/header1.xml").contains("HOUSE HEADER"));
    assert!(part(&parts, "word/_rels/header1.xml.rels").contains("media/logo.jpeg"));
    assert!(parts.contains_key("word/media/logo.jpeg"));
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        assert!(part(&parts, footer).contains("House footer"));
    }
    assert!(part(&parts, "[Content_Types].xml").contains(r#"Extension="jpeg""#));
}

#[test]
fn a_missing_template_names_the_file() {
    let missing = fixtures().join("no-such-template.docx");
    let error = folio_docx::read_reference_docx(&missing).map(|_| ());
    let message = error.map_err(|e| e.to_string()).err().unwrap_or_default();
    assert!(message.contains("no-such-template.docx"), "{message}");
}

#[test]
fn broken_templates_are_clear_errors() {
    let interview = fixture("rich.json");
    let message = |bytes: Vec<u8>| match docx(&interview, &with_template(bytes)) {
        Err(error @ DocxError::BrokenTemplate(_)) => error.to_string(),
        Err(other) => format!("wrong error: {other}"),
        Ok(_) => "accepted".to_string(),
    };
    assert!(message(b"not a zip at all".to_vec()).contains("not a zip archive"));
    let no_styles = zip_of(&[("word/document.xml", b"<w:document/>".to_vec())]);
    assert!(message(no_styles).contains("no word/styles.xml"));
    let bad_xml = zip_of(&[
        ("word/styles.xml", b"<w:styles".to_vec()),
        ("word/document.xml", b"<x/>".to_vec()),
    ]);
    assert!(message(bad_xml).contains("word/styles.xml"));
}

/// A reference DOCX is the more specific instruction: its styles and page
/// setup win over the house style, whose values still fill the Folio styles
/// the template lacks.
#[test]
fn the_reference_docx_wins_over_the_house_style() {
    let options = DocxOptions {
        common: folio_core::WriterOptions {
            style: folio_core::HouseStyle {
                question_color: "#123456".into(),
                label_color: "#654321".into(),
                margins_mm: [5.0, 5.0, 5.0, 5.0],
                ..folio_core::HouseStyle::default()
            },
            ..options().common
        },
        reference_docx: Some(house_template()),
        ..options()
    };
    let rendered = docx(&fixture("rich.json"), &options);
    let parts = unzip(&rendered.map(|r| r.bytes).unwrap_or_default());
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains("00704A") && !styles.contains("123456"));
    // The template has no Speaker Label style: Folio's, in the house colour.
    assert!(styles.contains(r#"<w:color w:val="654321"/>"#));
    let document = part(&parts, "word/document.xml");
    assert!(document.contains(r#"w:top="720" w:right="1080""#));
}
