//! An anthology of three samples (and of the rich fixture) as one DOCX:
//! title page, contents field, one level-1 heading per interview on a new
//! page, sections a level lower, every turn kept.

// A failed expectation in a test is a panic by design.
#![allow(clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::{W, child_val, fixture, options, parse, part, text_of, unzip};
use folio_core::{Anthology, BookOrder, Interview, Meta};
use folio_docx::{DocxOptions, docx_book};

fn sample(name: &str) -> Option<Interview> {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples")
        .join(name);
    folio_core::read_path(&path, &Default::default())
        .ok()
        .map(|parsed| parsed.interview)
}

fn three_samples() -> Anthology {
    let interviews: Vec<Interview> = [
        "01-bold-name-colon-inside.md",
        "07-chinese-fullwidth-colon.md",
        "13-translated-with-comments.md",
    ]
    .iter()
    .map(|name| match sample(name) {
        Some(interview) => interview,
        None => panic!("sample {name} unreadable"),
    })
    .collect();
    let meta = Meta {
        title: Some("Conversations, Volume One".into()),
        authors: vec!["The Folio Desk".into(), "Ana Ruiz".into()],
        ..Meta::default()
    };
    Anthology::new(meta, interviews, BookOrder::Given)
}

fn book_bytes(book: &Anthology, options: &DocxOptions) -> Vec<u8> {
    match docx_book(book, options) {
        Ok(rendered) => rendered.bytes,
        Err(error) => panic!("docx_book failed: {error}"),
    }
}

fn style_of<'a>(p: roxmltree::Node<'a, 'a>) -> &'a str {
    child_val(p, "pPr", "pStyle").unwrap_or("")
}

fn breaks_page(p: roxmltree::Node) -> bool {
    p.children()
        .find(|n| n.has_tag_name((W, "pPr")))
        .is_some_and(|ppr| {
            ppr.children()
                .any(|n| n.has_tag_name((W, "pageBreakBefore")))
        })
}

/// One line per paragraph of the book's skeleton: title page, contents,
/// headings and where pages break.
fn outline(document: &roxmltree::Document) -> String {
    let mut out = String::new();
    for p in document.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        let style = style_of(p);
        let skeleton = matches!(
            style,
            "Title"
                | "Byline"
                | "Dates"
                | "Kicker"
                | "TOCHeading"
                | "TOC1"
                | "TOC2"
                | "Heading1"
                | "Heading2"
                | "Heading3"
        );
        if skeleton || breaks_page(p) {
            let mark = if breaks_page(p) { "[new page] " } else { "" };
            out.push_str(&format!("{mark}{style}: {}\n", text_of(p)));
        }
    }
    out
}

#[test]
fn three_samples_as_one_book() {
    let book = three_samples();
    let parts = unzip(&book_bytes(&book, &options()));
    let xml = part(&parts, "word/document.xml");
    let document = parse(&xml);
    insta::assert_snapshot!("three_samples_outline", outline(&document));

    let paragraphs: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    // The title page comes first.
    assert_eq!(style_of(paragraphs[0]), "Title");
    assert_eq!(text_of(paragraphs[0]), "Conversations, Volume One");
    assert_eq!(text_of(paragraphs[1]), "By The Folio Desk and Ana Ruiz");

    // One Heading1 per interview, its title, on a new page with what
    // precedes it (the kicker) when there is one.
    let headings: Vec<_> = paragraphs
        .iter()
        .filter(|p| style_of(**p) == "Heading1")
        .collect();
    let titles: Vec<String> = book
        .interviews
        .iter()
        .map(|i| i.meta.title.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        headings.iter().map(|p| text_of(**p)).collect::<Vec<_>>(),
        titles
    );
    let new_pages = paragraphs.iter().filter(|p| breaks_page(**p)).count();
    assert_eq!(
        new_pages,
        1 + book.interviews.len(),
        "contents + each interview"
    );

    // The contents field lists each heading and links to its bookmark.
    let instructions: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "instrText")))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect();
    assert_eq!(
        instructions.first().map(String::as_str),
        Some(r#"TOC \o "1-2" \h \z \u"#)
    );
    let bookmarks: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        .filter_map(|n| n.attribute((W, "name")))
        .collect();
    let anchors: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
        .filter_map(|n| n.attribute((W, "anchor")))
        .collect();
    assert_eq!(anchors, bookmarks);
    assert_eq!(instructions.len(), 1, "one field: the contents");
    assert!(bookmarks.len() >= book.interviews.len());
    let dirty = document
        .descendants()
        .find(|n| n.has_tag_name((W, "fldChar")))
        .and_then(|n| n.attribute((W, "dirty")));
    assert_eq!(dirty, Some("true"), "Word refreshes the page numbers");

    // Every turn of every interview is there with its label.
    let labels = document
        .descendants()
        .filter(|r| {
            r.has_tag_name((W, "r")) && child_val(*r, "rPr", "rStyle") == Some("SpeakerLabel")
        })
        .count();
    let turns: usize = book.interviews.iter().map(|i| i.turns.len()).sum();
    assert_eq!(labels, turns);

    // The Chinese chapter of an English book keeps its east-Asian language.
    let styles = part(&parts, "word/styles.xml");
    assert!(
        styles.contains(r#"<w:lang w:val="en" w:eastAsia="zh-CN""#),
        "{styles}"
    );

    // Book metadata in the running header and the document properties.
    assert!(part(&parts, "word/header1.xml").contains("Conversations, Volume One"));
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:title>Conversations, Volume One</dc:title>"));
    assert!(core.contains("<dc:creator>The Folio Desk; Ana Ruiz</dc:creator>"));
}

#[test]
fn sections_sit_one_level_below_their_interview() {
    let rich = fixture("rich.json");
    let book = Anthology::new(
        Meta {
            title: Some("Rivers".into()),
            ..Meta::default()
        },
        vec![rich.clone(), rich],
        BookOrder::Given,
    );
    let parts = unzip(&book_bytes(&book, &options()));
    let xml = part(&parts, "word/document.xml");
    let document = parse(&xml);
    let headings: Vec<(String, String)> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter(|p| style_of(*p).starts_with("Heading") || style_of(*p).starts_with("TOC"))
        .map(|p| (style_of(p).to_string(), text_of(p)))
        .collect();
    let title = "The Cartographer of Small Rivers".to_string();
    let chapter = [
        ("Heading1".to_string(), title.clone()),
        ("Heading2".to_string(), "Beginnings".to_string()),
        ("Heading3".to_string(), "In the field".to_string()),
    ];
    let contents = [
        ("TOC1".to_string(), title.clone()),
        ("TOC2".to_string(), "Beginnings".to_string()),
    ];
    let mut expected = vec![("TOCHeading".to_string(), "Contents".to_string())];
    expected.extend(contents.iter().cloned());
    expected.extend(contents.iter().cloned());
    expected.extend(chapter.iter().cloned());
    expected.extend(chapter.iter().cloned());
    assert_eq!(headings, expected);
}

#[test]
fn book_bytes_are_deterministic_and_docx_bytes_unchanged() {
    let book = three_samples();
    let first = book_bytes(&book, &options());
    // Another conversion in between must not shift any id.
    let _ = book_bytes(&three_samples(), &options());
    assert_eq!(first, book_bytes(&book, &options()));
}

#[test]
fn an_empty_book_is_its_contents_heading_and_an_empty_field() {
    let book = Anthology::new(Meta::default(), Vec::new(), BookOrder::Given);
    let parts = unzip(&book_bytes(&book, &options()));
    let xml = part(&parts, "word/document.xml");
    let document = parse(&xml);
    let paragraphs: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    let styles: Vec<&str> = paragraphs.iter().map(|p| style_of(*p)).collect();
    assert_eq!(styles, ["TOCHeading", "TOC1"]);
    let field: Vec<&str> = paragraphs[1]
        .descendants()
        .filter(|n| n.has_tag_name((W, "fldChar")))
        .filter_map(|n| n.attribute((W, "fldCharType")))
        .collect();
    assert_eq!(field, ["begin", "separate", "end"]);
}
