//! The house style's body and heading font files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use folio_core::{DiagnosticKind, HouseStyle};
use folio_pdf::{PdfOptions, pdf};
use lopdf::{Document, Object};

fn font_file(name: &str) -> String {
    format!("{}/fonts/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn options(body: Option<String>, heading: Option<String>) -> PdfOptions {
    PdfOptions {
        common: folio_core::WriterOptions {
            style: HouseStyle {
                body_font: body,
                heading_font: heading,
                ..HouseStyle::default()
            },
            ..Default::default()
        },
        no_system_fonts: true,
        ..PdfOptions::default()
    }
}

/// The PostScript names of the embedded fonts, subset tags removed.
fn font_names(bytes: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(bytes).expect("lopdf reads our output");
    let mut names: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
        .filter_map(|d| d.get(b"FontName").and_then(Object::as_name).ok())
        .map(|n| String::from_utf8_lossy(n).chars().skip(7).collect())
        .collect();
    names.sort();
    names
}

#[test]
fn body_font_replaces_the_serif_with_its_bold_sibling() {
    let seed = common::fixture("seed.json");
    let default = pdf(&seed, &options(None, None)).expect("pdf");
    assert!(
        font_names(&default.bytes)
            .iter()
            .any(|n| n.starts_with("Caladea"))
    );
    // Lato-Regular.ttf has Lato-Bold.ttf next to it, and no italic.
    let styled = pdf(&seed, &options(Some(font_file("Lato-Regular.ttf")), None)).expect("pdf");
    assert!(
        styled
            .warnings
            .iter()
            .all(|w| w.kind != DiagnosticKind::Font),
        "{:?}",
        styled.warnings
    );
    let names = font_names(&styled.bytes);
    assert!(
        !names
            .iter()
            .any(|n| n == "Caladea-Regular" || n == "Caladea-Bold"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n == "Lato-Regular"), "{names:?}");
    assert_ne!(default.bytes, styled.bytes);
}

#[test]
fn heading_font_replaces_the_sans() {
    let seed = common::fixture("seed.json");
    let styled = pdf(
        &seed,
        &options(None, Some(font_file("Caladea-Regular.ttf"))),
    )
    .expect("pdf");
    let names = font_names(&styled.bytes);
    assert!(!names.iter().any(|n| n.starts_with("Lato")), "{names:?}");
}

#[test]
fn a_missing_or_bad_font_file_warns_and_keeps_the_embedded_fonts() {
    let seed = common::fixture("seed.json");
    let default = pdf(&seed, &options(None, None)).expect("pdf");
    let license = font_file("LICENSE-Lato.txt");
    for path in ["/nonexistent/Body.ttf", license.as_str()] {
        let styled = pdf(&seed, &options(Some(path.into()), Some(path.into()))).expect("pdf");
        let fonts: Vec<_> = styled
            .warnings
            .iter()
            .filter(|w| w.kind == DiagnosticKind::Font)
            .collect();
        assert_eq!(fonts.len(), 2, "{fonts:?}");
        assert!(fonts[0].message.contains("body-font") && fonts[0].message.contains(path));
        assert!(fonts[1].message.contains("heading-font"));
        assert_eq!(styled.bytes, default.bytes);
    }
}

#[test]
fn a_font_lacking_needed_glyphs_is_not_used() {
    // Lato covers nearly all of Caladea's characters; U+F6C3 (a private-use
    // comma accent) is one it lacks.
    let mut i = common::interview("en", &["Was ist das \u{F6C3}?", "Ein Wort."]);
    i.front.clear();
    let default = pdf(&i, &options(None, None)).expect("pdf");
    let styled = pdf(&i, &options(Some(font_file("Lato-Regular.ttf")), None)).expect("pdf");
    let warning = styled
        .warnings
        .iter()
        .find(|w| w.kind == DiagnosticKind::Font)
        .expect("a font warning");
    assert!(warning.message.contains("U+F6C3"), "{}", warning.message);
    assert_eq!(styled.bytes, default.bytes);
}
