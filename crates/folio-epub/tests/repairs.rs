//! What epub-builder 0.8.3 gets wrong and how each repair fixes it. Every
//! fact is checked on epub-builder's own output (so the test fails once
//! the repair is no longer needed) and every repair on ours (so it fails
//! once the repair stops working).

mod common;

use std::collections::BTreeSet;

use common::{TestResult, build, fixture, parse_xml, unpack};
use epub_builder::{EpubBuilder, EpubContent, EpubVersion, MetadataOpfV3, ZipLibrary};

const PAGE: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>x</p></body></html>";

/// A book made by epub-builder alone, the way its documentation shows.
fn raw_book(
    configure: impl FnOnce(&mut EpubBuilder<ZipLibrary>),
) -> Result<common::Unpacked, Box<dyn std::error::Error>> {
    let mut builder = EpubBuilder::new(ZipLibrary::new()?)?;
    builder.epub_version(EpubVersion::V30);
    builder.set_title("Raw");
    builder.add_language("en");
    builder.set_uuid(uuid::Uuid::nil());
    builder.add_content(EpubContent::new("a.xhtml", PAGE.as_bytes()).title("A"))?;
    builder.add_content(
        EpubContent::new("b.xhtml", PAGE.as_bytes())
            .title("B")
            .level(2),
    )?;
    configure(&mut builder);
    let mut bytes = Vec::new();
    builder.generate(&mut bytes)?;
    unpack(&bytes)
}

fn ids(xml: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let document = parse_xml(xml)?;
    Ok(document
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .map(str::to_string)
        .collect())
}

#[test]
fn fact_epub_builder_gives_creator_and_language_the_same_id() -> TestResult {
    let book = raw_book(|b| b.add_author("Ann Author"))?;
    let ids = ids(book.text("OEBPS/content.opf")?)?;
    let clashes = ids.iter().filter(|id| *id == "epub-creator-0").count();
    assert_eq!(
        clashes, 2,
        "dc:language and dc:creator share an id: {ids:?}"
    );
    Ok(())
}

#[test]
fn repair_creators_have_their_own_ids_and_roles() -> TestResult {
    let (_, book) = build("full")?;
    let ids = ids(book.text("OEBPS/content.opf")?)?;
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");
    assert!(ids.contains(&"creator-1".to_string()));
    Ok(())
}

#[test]
fn fact_metadata_opf_v3_values_are_not_escaped() -> TestResult {
    let book = raw_book(|b| {
        b.add_metadata_opf(Box::new(MetadataOpfV3::new(
            "schema:accessibilitySummary".into(),
            "Text & pictures".into(),
        )));
    })?;
    let opf = book.text("OEBPS/content.opf")?;
    assert!(opf.contains(">Text & pictures</meta>"));
    assert!(
        parse_xml(opf).is_err(),
        "the unescaped & makes the package document fatal"
    );
    Ok(())
}

#[test]
fn repair_added_metadata_is_escaped() -> TestResult {
    let mut interview = fixture("minimal")?;
    interview.meta.publication = Some("Smith & Sons <Weekly>".into());
    interview.meta.authors = vec!["A. \"Quoted\" & Co".into()];
    let rendered = folio_epub::epub(&interview, &common::options())?;
    let book = unpack(&rendered.bytes)?;
    let opf = book.text("OEBPS/content.opf")?;
    let document = parse_xml(opf)?;
    let text_of = |name: &str| {
        document
            .descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(
        text_of("publisher").as_deref(),
        Some("Smith & Sons <Weekly>")
    );
    assert_eq!(text_of("creator").as_deref(), Some("A. \"Quoted\" & Co"));
    assert!(
        opf.contains("<dc:publisher>Smith &amp; Sons &lt;Weekly&gt;</dc:publisher>"),
        "escaped once, not twice"
    );
    Ok(())
}

#[test]
fn fact_zip_entries_carry_the_current_time() -> TestResult {
    use chrono::Datelike;
    let mut builder = EpubBuilder::new(ZipLibrary::new()?)?;
    builder.set_uuid(uuid::Uuid::nil());
    let mut bytes = Vec::new();
    builder.generate(&mut bytes)?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice()))?;
    let now = chrono::Utc::now();
    let file = archive.by_index(0)?;
    let stamp = file.last_modified().ok_or("no timestamp")?;
    let stamped = chrono::NaiveDate::from_ymd_opt(
        i32::from(stamp.year()),
        u32::from(stamp.month()),
        u32::from(stamp.day()),
    )
    .ok_or("bad date")?;
    let days = (now.date_naive() - stamped).num_days().abs();
    assert!(
        days <= 1,
        "epub-builder stamped {stamped}, today is {}",
        now.date_naive()
    );
    assert!(now.year() > 1980);
    Ok(())
}

#[test]
fn repair_zip_entries_carry_the_output_date() -> TestResult {
    let (bytes, _) = build("full")?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice()))?;
    for index in 0..archive.len() {
        let file = archive.by_index(index)?;
        let t = file.last_modified().ok_or("no timestamp")?;
        // SOURCE_DATE_EPOCH 1700000000: 2023-11-14T22:13:20Z.
        assert_eq!(
            (
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            ),
            (2023, 11, 14, 22, 13, 20)
        );
    }
    Ok(())
}

#[test]
fn fact_navigation_document_has_no_language() -> TestResult {
    let book = raw_book(|_| {})?;
    let nav = parse_xml(book.text("OEBPS/nav.xhtml")?)?;
    let root = nav.root_element();
    assert_eq!(root.attribute("lang"), None);
    assert_eq!(
        root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
        None
    );
    Ok(())
}

#[test]
fn repair_navigation_document_has_the_book_language() -> TestResult {
    let (_, book) = build("cjk")?;
    let nav = parse_xml(book.text("OEBPS/nav.xhtml")?)?;
    let root = nav.root_element();
    assert_eq!(root.attribute("lang"), Some("zh-Hans"));
    assert_eq!(
        root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
        Some("zh-Hans")
    );
    Ok(())
}

/// The `content` of `<meta name="…">` in an NCX head.
fn ncx_meta(ncx: &roxmltree::Document<'_>, name: &str) -> Option<String> {
    ncx.descendants()
        .find(|n| n.has_tag_name("meta") && n.attribute("name") == Some(name))
        .and_then(|n| n.attribute("content"))
        .map(str::to_string)
}

fn doc_title(ncx: &roxmltree::Document<'_>) -> Option<String> {
    let title = ncx.descendants().find(|n| n.has_tag_name("docTitle"))?;
    title
        .descendants()
        .find(|n| n.has_tag_name("text"))
        .and_then(|n| n.text())
        .map(str::to_string)
}

#[test]
fn fact_ncx_lacks_uid_and_title_and_understates_depth() -> TestResult {
    let book = raw_book(|b| b.set_toc_name("Contents"))?;
    let ncx_text = book.text("OEBPS/toc.ncx")?;
    let ncx = parse_xml(ncx_text)?;
    assert_eq!(ncx_meta(&ncx, "dtb:uid"), None);
    assert_eq!(ncx_meta(&ncx, "dtb:depth").as_deref(), Some("1"));
    let nested = ncx
        .descendants()
        .filter(|n| {
            n.has_tag_name("navPoint") && n.ancestors().skip(1).any(|a| a.has_tag_name("navPoint"))
        })
        .count();
    assert_eq!(nested, 1, "b.xhtml sits at depth 2");
    assert_eq!(
        doc_title(&ncx).as_deref(),
        Some("Contents"),
        "the TOC's name, not the book's title"
    );
    Ok(())
}

#[test]
fn repair_ncx_names_the_book_and_its_depth() -> TestResult {
    let interview = fixture("full")?;
    let (_, book) = build("full")?;
    let ncx = parse_xml(book.text("OEBPS/toc.ncx")?)?;
    assert_eq!(
        ncx_meta(&ncx, "dtb:uid"),
        Some(interview.meta.identifier.clone())
    );
    assert_eq!(ncx_meta(&ncx, "dtb:depth").as_deref(), Some("2"));
    assert_eq!(doc_title(&ncx), interview.meta.title);
    Ok(())
}
