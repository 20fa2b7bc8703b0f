//! The package document: metadata, manifest, spine and navigation, read
//! back from the unpacked EPUB.

mod common;

use common::{TestResult, build, fixture, options, parse_xml, unpack};
use folio_epub::{EpubOptions, epub};

const DC: &str = "http://purl.org/dc/elements/1.1/";

/// Text of every `dc:<name>` element, in order.
fn dc(document: &roxmltree::Document<'_>, name: &str) -> Vec<String> {
    document
        .descendants()
        .filter(|n| n.tag_name().namespace() == Some(DC) && n.tag_name().name() == name)
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

/// Text of every `<meta property="…">` with that property, in order.
fn meta(document: &roxmltree::Document<'_>, property: &str) -> Vec<String> {
    document
        .descendants()
        .filter(|n| n.has_tag_name("meta") && n.attribute("property") == Some(property))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

#[test]
fn package_metadata_says_what_the_model_says() -> TestResult {
    let interview = fixture("full")?;
    let (_, book) = build("full")?;
    let opf = book.text("OEBPS/content.opf")?;
    let document = parse_xml(opf)?;

    assert_eq!(
        dc(&document, "title"),
        [interview.meta.title.clone().unwrap_or_default()]
    );
    assert_eq!(dc(&document, "language"), ["en-GB"]);
    assert_eq!(
        dc(&document, "identifier"),
        [interview.meta.identifier.as_str()]
    );
    let package = document.root_element();
    let unique = package.attribute("unique-identifier").unwrap_or("");
    let identifier = document
        .descendants()
        .find(|n| n.attribute("id") == Some(unique));
    assert_eq!(
        identifier.and_then(|n| n.text()),
        Some(interview.meta.identifier.as_str())
    );

    assert_eq!(
        dc(&document, "creator"),
        ["Ana Ruiz", "Ben Okafor", "Mira Sol"]
    );
    let roles = |id: &str| -> Vec<String> {
        document
            .descendants()
            .filter(|n| {
                n.attribute("refines") == Some(id) && n.attribute("property") == Some("role")
            })
            .map(|n| {
                format!(
                    "{}:{}",
                    n.attribute("scheme").unwrap_or(""),
                    n.text().unwrap_or("")
                )
            })
            .collect()
    };
    assert_eq!(
        roles("#creator-1"),
        ["marc:relators:aut", "marc:relators:ivr"]
    );
    assert_eq!(roles("#creator-2"), ["marc:relators:ivr"]);
    assert_eq!(roles("#creator-3"), ["marc:relators:ive"]);

    assert_eq!(dc(&document, "publisher"), ["The Example Review & Gazette"]);
    assert_eq!(dc(&document, "date"), ["2022-05-17T08:30:00Z"]);
    assert_eq!(dc(&document, "subject"), ["music", "interviews & profiles"]);
    assert_eq!(
        dc(&document, "description"),
        [interview.meta.description.clone().unwrap_or_default()]
    );
    assert_eq!(dc(&document, "rights"), ["© 2022 The Example Review"]);
    assert_eq!(
        dc(&document, "source"),
        ["https://example.com/interviews/ask?x=1&y=2"]
    );
    // SOURCE_DATE_EPOCH 1700000000 is 2023-11-14T22:13:20Z.
    assert_eq!(
        meta(&document, "dcterms:modified"),
        ["2023-11-14T22:13:20Z"]
    );

    assert_eq!(meta(&document, "schema:accessMode"), ["textual", "visual"]);
    assert_eq!(
        meta(&document, "schema:accessModeSufficient"),
        ["textual,visual", "textual"]
    );
    assert_eq!(
        meta(&document, "schema:accessibilityFeature"),
        [
            "structuralNavigation",
            "tableOfContents",
            "readingOrder",
            "displayTransformability",
            "alternativeText"
        ]
    );
    assert_eq!(meta(&document, "schema:accessibilityHazard"), ["none"]);
    assert_eq!(meta(&document, "schema:accessibilitySummary").len(), 1);
    Ok(())
}

#[test]
fn manifest_spine_and_navigation_cover_the_book() -> TestResult {
    let (_, book) = build("full")?;
    let document = parse_xml(book.text("OEBPS/content.opf")?)?;
    let items: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .collect();
    let cover = items
        .iter()
        .find(|n| n.attribute("properties") == Some("cover-image"));
    assert_eq!(
        cover.and_then(|n| n.attribute("href")),
        Some("images/cover.svg")
    );
    for item in &items {
        let href = item.attribute("href").unwrap_or("");
        assert!(
            book.files.contains_key(&format!("OEBPS/{href}")),
            "manifest names missing {href}"
        );
    }
    let spine: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("itemref"))
        .filter_map(|n| n.attribute("idref"))
        .collect();
    assert_eq!(
        spine,
        [
            "id_cover.xhtml",
            "id_title.xhtml",
            "id_editors-note.xhtml",
            "id_introduction.xhtml",
            "id_interview-1.xhtml",
            "id_interview-2.xhtml",
            "id_about.xhtml",
            "id_afterword.xhtml"
        ]
    );

    let nav = book.text("OEBPS/nav.xhtml")?;
    let nav = parse_xml(nav)?;
    let landmarks: Vec<(String, String)> = nav
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| {
            let kind = n.attribute(("http://www.idpf.org/2007/ops", "type"))?;
            Some((kind.to_string(), n.attribute("href")?.to_string()))
        })
        .collect();
    assert!(landmarks.contains(&("cover".into(), "cover.xhtml".into())));
    assert!(landmarks.contains(&("bodymatter".into(), "interview-1.xhtml".into())));
    let toc: Vec<&str> = nav
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert!(
        toc.contains(&"interview-1.xhtml#section-2"),
        "subsections are in the TOC: {toc:?}"
    );
    assert!(
        toc.contains(&"interview-2.xhtml"),
        "each main section has an entry: {toc:?}"
    );
    Ok(())
}

#[test]
fn without_sections_the_toc_lists_the_questions() -> TestResult {
    let (_, book) = build("cjk")?;
    let nav = book.text("OEBPS/nav.xhtml")?;
    assert!(nav.contains("<a href=\"interview-1.xhtml#turn-1\">您如何理解这一理念？</a>"));
    assert!(nav.contains(
        "<a href=\"interview-1.xhtml#turn-3\">日本語の質問もあります：どう思いますか？</a>"
    ));
    assert!(!nav.contains("#turn-2"), "answers are not listed");
    let ncx = book.text("OEBPS/toc.ncx")?;
    assert!(ncx.contains("<content src=\"interview-1.xhtml#turn-3\"/>"));
    Ok(())
}

#[test]
fn the_same_interview_gives_the_same_bytes() -> TestResult {
    for name in common::FIXTURES {
        let interview = fixture(name)?;
        let first = epub(&interview, &options())?;
        let second = epub(&interview, &options())?;
        assert!(first.bytes == second.bytes, "{name}: two builds differ");
    }
    Ok(())
}

#[test]
fn source_date_epoch_sets_modified_and_zip_times() -> TestResult {
    let interview = fixture("minimal")?;
    let at = |epoch: Option<i64>| {
        epub(
            &interview,
            &EpubOptions {
                common: folio_core::WriterOptions {
                    source_date_epoch: epoch,
                    ..options().common
                },
                ..options()
            },
        )
    };
    let (a, b) = (at(Some(1_700_000_000))?, at(Some(1_800_000_000))?);
    assert_ne!(a.bytes, b.bytes);
    let later = unpack(&b.bytes)?;
    assert!(
        later
            .text("OEBPS/content.opf")?
            .contains("<meta property=\"dcterms:modified\">2027-01-15T08:00:00Z</meta>")
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(b.bytes.as_slice()))?;
    for index in 0..archive.len() {
        let file = archive.by_index(index)?;
        let time = file.last_modified().ok_or("no timestamp")?;
        assert_eq!(
            (time.year(), time.month(), time.day(), time.hour()),
            (2027, 1, 15, 8),
            "{}",
            file.name()
        );
    }
    // Without the epoch and without model dates: the zip epoch, never the clock.
    let undated = unpack(&at(None)?.bytes)?;
    assert!(
        undated
            .text("OEBPS/content.opf")?
            .contains("<meta property=\"dcterms:modified\">1980-01-01T00:00:00Z</meta>")
    );
    Ok(())
}

#[test]
fn mimetype_comes_first_and_stored() -> TestResult {
    let (bytes, book) = build("full")?;
    assert_eq!(book.names.first().map(String::as_str), Some("mimetype"));
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    assert_eq!(&bytes[8..10], &[0, 0], "compression method 0 (stored)");
    assert_eq!(&bytes[30..58], b"mimetypeapplication/epub+zip");
    Ok(())
}
