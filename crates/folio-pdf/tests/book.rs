//! A book of three samples (13, 01, 07) read through folio-core: title
//! page, contents, interviews from new pages, nested outline, continuous
//! page numbers under the book's title.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use folio_core::{Anthology, BookOrder, Interview, Meta, ReadOptions, read_path};
use folio_pdf::Document;
use folio_pdf::{PdfOptions, layout, layout_book, pdf_book};
use lopdf::{Object, ObjectId};

const SAMPLES: [&str; 3] = [
    "13-translated-with-comments.md",
    "01-bold-name-colon-inside.md",
    "07-chinese-fullwidth-colon.md",
];

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

/// One of the three samples is Chinese: the book needs a CJK font.
fn cjk_installed() -> bool {
    common::require_cjk_font()
}

fn book() -> Anthology {
    let interviews: Vec<Interview> = SAMPLES
        .iter()
        .map(|name| {
            read_path(&samples_dir().join(name), &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .interview
        })
        .collect();
    let meta = Meta {
        title: Some("Three Conversations".into()),
        authors: vec!["Ada Editor".into()],
        ..Meta::default()
    };
    Anthology::new(meta, interviews, BookOrder::Given)
}

fn options() -> PdfOptions {
    PdfOptions {
        common: folio_core::WriterOptions {
            base_dir: Some(samples_dir()),
            source_date_epoch: Some(1_700_000_000),
            ..Default::default()
        },
        ..PdfOptions::default()
    }
}

fn page_text(doc: &Document, page: usize) -> Vec<String> {
    doc.pages[page].lines.iter().map(|l| l.text()).collect()
}

/// Where each interview must start: after the title page and one page of
/// contents, each taking as many pages as it does on its own.
fn expected_starts(book: &Anthology) -> Vec<usize> {
    let mut at = 2;
    book.interviews
        .iter()
        .map(|i| {
            let start = at;
            at += layout(i, &options()).expect("layout").pages.len();
            start
        })
        .collect()
}

#[test]
fn book_pages_title_contents_and_interviews() {
    if !cjk_installed() {
        return;
    }
    let book = book();
    let doc = layout_book(&book, &options()).expect("layout");
    let starts = expected_starts(&book);
    let total = doc.pages.len();
    let last = book.interviews.last().expect("three");
    assert_eq!(
        total,
        starts[2] + layout(last, &options()).expect("layout").pages.len()
    );

    let title_page = page_text(&doc, 0).join("\n");
    assert!(title_page.contains("Three Conversations"), "{title_page}");
    assert!(title_page.contains("ADA EDITOR"), "{title_page}");
    assert!(title_page.contains(" 20"), "a date: {title_page}");
    assert!(!title_page.contains(" / "), "no folio on the title page");

    let contents = page_text(&doc, 1);
    assert!(contents.iter().any(|l| l == "CONTENTS"), "{contents:?}");
    for (interview, start) in book.interviews.iter().zip(&starts) {
        let title = interview.meta.title.as_deref().expect("title");
        let head: String = title.chars().take(12).collect();
        let at = contents
            .iter()
            .position(|l| l.starts_with(&head))
            .unwrap_or_else(|| panic!("{title} not in {contents:?}"));
        // Its page number is set after the (one-line) title.
        assert_eq!(contents[at + 1], (start + 1).to_string(), "{contents:?}");
        // The interview's page starts with its title block under the running head.
        let page = page_text(&doc, *start);
        assert!(
            page.iter().skip(2).take(4).any(|l| l.starts_with(&head)),
            "{title} does not open page {start}: {page:?}"
        );
    }
    // Running head: the book's title and continuous `n / N` on every page
    // after the title page.
    for n in 1..total {
        let page = page_text(&doc, n);
        assert_eq!(page[0], "THREE CONVERSATIONS");
        assert_eq!(page[1], format!("{} / {total}", n + 1));
    }
}

fn title_of(item: &lopdf::Dictionary) -> String {
    let bytes = item
        .get(b"Title")
        .and_then(Object::as_str)
        .expect("title")
        .to_vec();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// Titles and pages of the items from `first` along `/Next`.
fn chain(doc: &lopdf::Document, first: Option<ObjectId>) -> Vec<(ObjectId, String, ObjectId)> {
    let mut out = Vec::new();
    let mut at = first;
    while let Some(id) = at {
        let item = doc.get_dictionary(id).expect("outline item");
        let dest = item.get(b"Dest").and_then(Object::as_array).expect("dest");
        let page = dest[0].as_reference().expect("page ref");
        out.push((id, title_of(item), page));
        at = item.get(b"Next").and_then(Object::as_reference).ok();
        assert!(out.len() < 1000, "outline loops");
    }
    out
}

#[test]
fn outline_nests_questions_under_each_interview_in_order() {
    if !cjk_installed() {
        return;
    }
    let book = book();
    let rendered = pdf_book(&book, &options()).expect("pdf");
    let doc = lopdf::Document::load_mem(&rendered.bytes).expect("lopdf");
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Outlines"))
        .and_then(Object::as_reference)
        .expect("outline");
    let root = doc.get_dictionary(root).expect("root");
    let top = chain(&doc, root.get(b"First").and_then(Object::as_reference).ok());
    let titles: Vec<&str> = top.iter().map(|(_, t, _)| t.as_str()).collect();
    let expected: Vec<&str> = book
        .interviews
        .iter()
        .map(|i| i.meta.title.as_deref().expect("title"))
        .collect();
    assert_eq!(titles, expected);
    assert_eq!(root.get(b"Count").and_then(Object::as_i64).ok(), Some(3));
    let starts = expected_starts(&book);
    let mut last_page = 0;
    for ((id, title, page), (interview, start)) in
        top.iter().zip(book.interviews.iter().zip(starts))
    {
        assert_eq!(*page, pages[start], "{title} jumps to its first page");
        let item = doc.get_dictionary(*id).expect("item");
        let children = chain(&doc, item.get(b"First").and_then(Object::as_reference).ok());
        // One bookmark per question, in the interview's order, on its pages.
        let alone = layout(interview, &options()).expect("layout");
        let titles: Vec<String> = children.iter().map(|(_, t, _)| t.clone()).collect();
        let expected: Vec<String> = alone.outline.iter().map(|e| e.title.clone()).collect();
        assert!(!expected.is_empty(), "{title} has questions");
        assert_eq!(titles, expected, "{title}");
        for (child, entry) in children.iter().zip(&alone.outline) {
            let sub = doc.get_dictionary(child.0).expect("child");
            assert_eq!(
                sub.get(b"Parent").and_then(Object::as_reference).ok(),
                Some(*id)
            );
            let index = pages.iter().position(|p| *p == child.2).expect("page");
            assert_eq!(index, start + entry.page);
            assert!(index >= last_page, "reading order");
            last_page = index;
        }
        assert_eq!(
            item.get(b"Count").and_then(Object::as_i64).ok(),
            Some(-(children.len() as i64))
        );
    }
}

#[test]
fn same_book_same_bytes() {
    if !cjk_installed() {
        return;
    }
    let book = book();
    let a = pdf_book(&book, &options()).expect("pdf");
    let b = pdf_book(&book, &options()).expect("pdf");
    assert!(a.bytes == b.bytes, "two runs differ");
}

#[test]
fn empty_and_untitled_books_do_not_fail() {
    let options = PdfOptions {
        no_system_fonts: true,
        ..PdfOptions::default()
    };
    let empty = Anthology::new(Meta::default(), Vec::new(), BookOrder::Given);
    let doc = layout_book(&empty, &options).expect("layout");
    // A title page and an (empty) contents page.
    assert_eq!(doc.pages.len(), 2);
    assert!(page_text(&doc, 0).iter().any(|l| l == "Interviews"));
    assert!(pdf_book(&empty, &options).is_ok());

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.json");
    let mut untitled: Interview =
        serde_json::from_str(&std::fs::read_to_string(path).expect("seed")).expect("json");
    untitled.meta.title = None;
    untitled.turns.clear();
    let book = Anthology::new(Meta::default(), vec![untitled], BookOrder::Given);
    let doc = layout_book(&book, &options).expect("layout");
    assert_eq!(doc.outline.len(), 1, "{:?}", doc.outline);
    assert_eq!(doc.outline[0].title, "Interview");
    assert_eq!(doc.outline[0].page, 2);
    assert!(pdf_book(&book, &options).is_ok());
}
