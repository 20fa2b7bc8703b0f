//! The cover: a given picture when there is one, else a drawn SVG with
//! kicker, title and interviewee; none at all when asked.

mod common;

use common::{TestResult, fixture, fixtures_dir, options, parse_xml, unpack};
use folio_core::DiagnosticKind;
use folio_epub::{EpubOptions, epub};

fn cover_item(opf: &str) -> Result<Option<(String, String)>, Box<dyn std::error::Error>> {
    let document = parse_xml(opf)?;
    let item = document
        .descendants()
        .find(|n| n.has_tag_name("item") && n.attribute("properties") == Some("cover-image"));
    Ok(item.map(|n| {
        (
            n.attribute("href").unwrap_or("").to_string(),
            n.attribute("media-type").unwrap_or("").to_string(),
        )
    }))
}

#[test]
fn a_given_cover_image_is_used_as_it_is() -> TestResult {
    let interview = fixture("minimal")?;
    let options = EpubOptions {
        cover_image: Some(fixtures_dir().join("images/portrait.png")),
        ..options()
    };
    let rendered = epub(&interview, &options)?;
    let book = unpack(&rendered.bytes)?;
    let item = cover_item(book.text("OEBPS/content.opf")?)?;
    assert_eq!(item, Some(("images/cover.png".into(), "image/png".into())));
    assert_eq!(
        book.files.get("OEBPS/images/cover.png"),
        Some(&std::fs::read(fixtures_dir().join("images/portrait.png"))?)
    );
    assert!(!book.files.contains_key("OEBPS/images/cover.svg"));
    assert!(
        book.text("OEBPS/cover.xhtml")?
            .contains("<img src=\"images/cover.png\"")
    );
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    Ok(())
}

#[test]
fn the_model_cover_resolves_against_the_base_directory() -> TestResult {
    let mut interview = fixture("minimal")?;
    interview.meta.cover = Some("images/portrait.png".into());
    let book = unpack(&epub(&interview, &options())?.bytes)?;
    assert_eq!(
        cover_item(book.text("OEBPS/content.opf")?)?
            .map(|i| i.0)
            .as_deref(),
        Some("images/cover.png")
    );
    Ok(())
}

#[test]
fn an_unreadable_cover_gives_a_warning_and_a_drawn_cover() -> TestResult {
    let mut interview = fixture("full")?;
    interview.meta.cover = Some("images/no-such-cover.jpg".into());
    let rendered = epub(&interview, &options())?;
    let warning = rendered
        .warnings
        .iter()
        .find(|w| w.message.contains("no-such-cover.jpg"));
    assert_eq!(warning.map(|w| w.kind), Some(DiagnosticKind::Ignored));
    let book = unpack(&rendered.bytes)?;
    let item = cover_item(book.text("OEBPS/content.opf")?)?;
    assert_eq!(
        item,
        Some(("images/cover.svg".into(), "image/svg+xml".into()))
    );
    let svg = book.text("OEBPS/images/cover.svg")?;
    let document = parse_xml(svg)?;
    let lines: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        lines.first(),
        Some(&"CULTURE / Q&A"),
        "the kicker comes first: {lines:?}"
    );
    assert!(
        lines.contains(&"Mira Sol"),
        "the interviewee is on the cover: {lines:?}"
    );
    let title: Vec<&str> = lines[1..lines.len() - 2].to_vec();
    let expected: Vec<&str> = interview
        .meta
        .title
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    assert_eq!(
        title.join(" ").split_whitespace().collect::<Vec<_>>(),
        expected
    );
    Ok(())
}

#[test]
fn without_a_cover_and_without_drawing_there_is_none() -> TestResult {
    let interview = fixture("minimal")?;
    let options = EpubOptions {
        generate_cover: false,
        ..options()
    };
    let book = unpack(&epub(&interview, &options)?.bytes)?;
    assert_eq!(cover_item(book.text("OEBPS/content.opf")?)?, None);
    assert!(!book.files.contains_key("OEBPS/cover.xhtml"));
    assert!(
        !book
            .text("OEBPS/nav.xhtml")?
            .contains("epub:type=\"cover\"")
    );
    Ok(())
}
