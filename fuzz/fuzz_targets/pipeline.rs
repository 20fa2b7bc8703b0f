//! Bytes to model to PDF, DOCX and EPUB in memory: no panic anywhere, and
//! every output a reader can open (the PDF parses with lopdf, every XML
//! part of the DOCX and EPUB parses with roxmltree).
#![no_main]

use std::io::{Cursor, Read};

use folio_core::ReadOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The reader is chosen by content, as for a file without extension.
    let Ok(parsed) = folio_core::read_bytes(data, "fuzz", &ReadOptions::default()) else {
        return;
    };
    let interview = &parsed.interview;
    // Every other input also asks for PDF/UA-1 and PDF/A-2a.
    let standards = if data.first().is_some_and(|b| b % 2 == 1) {
        folio_core::PdfStandards {
            ua1: true,
            archive: Some(folio_core::PdfA::A2a),
        }
    } else {
        folio_core::PdfStandards::default()
    };
    let pdf_options = folio_pdf::PdfOptions {
        common: folio_core::WriterOptions {
            source_date_epoch: Some(0),
            ..Default::default()
        },
        no_system_fonts: true,
        standards,
        ..Default::default()
    };
    if let Ok(pdf) = folio_pdf::pdf(interview, &pdf_options) {
        let document = lopdf::Document::load_mem(&pdf.bytes).expect("unreadable PDF");
        check_tagged(&document);
    }
    let docx_options = folio_docx::DocxOptions {
        common: folio_core::WriterOptions {
            source_date_epoch: Some(0),
            ..Default::default()
        },
        ..Default::default()
    };
    if let Ok(docx) = folio_docx::docx(interview, &docx_options) {
        check_xml_parts(&docx.bytes);
    }
    let epub_options = folio_epub::EpubOptions {
        common: folio_core::WriterOptions {
            source_date_epoch: Some(0),
            ..Default::default()
        },
        ..Default::default()
    };
    if let Ok(epub) = folio_epub::epub(interview, &epub_options) {
        check_xml_parts(&epub.bytes);
    }
});

/// The PDF is tagged, and its XMP packet is well-formed XML.
fn check_tagged(document: &lopdf::Document) {
    let catalog = document.catalog().expect("a catalog");
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "no structure tree");
    assert!(catalog.get(b"MarkInfo").is_ok(), "no /MarkInfo");
    let metadata = catalog
        .get(b"Metadata")
        .and_then(lopdf::Object::as_reference)
        .expect("XMP metadata");
    let stream = document
        .get_object(metadata)
        .and_then(lopdf::Object::as_stream)
        .expect("an XMP stream");
    let text = std::str::from_utf8(&stream.content).expect("UTF-8 XMP");
    if let Err(err) = roxmltree::Document::parse(text) {
        panic!("the XMP packet is not well-formed XML: {err}");
    }
}

fn check_xml_parts(zipped: &[u8]) {
    let mut archive = zip::ZipArchive::new(Cursor::new(zipped)).expect("a zip");
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).expect("a part");
        let name = part.name().to_string();
        if !(name.ends_with(".xml")
            || name.ends_with(".xhtml")
            || name.ends_with(".opf")
            || name.ends_with(".rels")
            || name.ends_with(".ncx"))
        {
            continue;
        }
        let mut text = String::new();
        part.read_to_string(&mut text).expect("UTF-8 XML");
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        if let Err(err) = roxmltree::Document::parse_with_options(&text, options) {
            panic!("{name} is not well-formed XML: {err}");
        }
    }
}
