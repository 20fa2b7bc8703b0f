//! Several interviews as one book: nested navigation, each interview in its
//! own language, every word kept, one identity.

mod common;

use common::{TestResult, fixture, model_words, options, parse_xml, readable_text, unpack};
use folio_core::{Anthology, BookOrder, Meta};
use folio_epub::epub_book;

fn book() -> Result<Anthology, Box<dyn std::error::Error>> {
    let meta = Meta {
        title: Some("Conversations & Other Voices".into()),
        authors: vec!["Ed Itor".into()],
        language: "en".into(),
        ..Meta::default()
    };
    let interviews = vec![fixture("full")?, fixture("cjk")?, fixture("rtl")?];
    Ok(Anthology::new(meta, interviews, BookOrder::Given))
}

#[test]
fn navigation_nests_each_interview_under_its_title() -> TestResult {
    let rendered = epub_book(&book()?, &options())?;
    let epub = unpack(&rendered.bytes)?;
    let nav = parse_xml(epub.text("OEBPS/nav.xhtml")?)?;
    let toc = nav
        .descendants()
        .find(|n| n.attribute("id") == Some("toc"))
        .ok_or("no toc nav")?;
    let top = toc
        .children()
        .find(|n| n.has_tag_name("ol"))
        .ok_or("no list")?;
    let entries: Vec<String> = top
        .children()
        .filter(|n| n.has_tag_name("li"))
        .filter_map(|li| li.children().find(|n| n.has_tag_name("a")))
        .map(|a| a.attribute("href").unwrap_or("").to_string())
        .collect();
    assert_eq!(
        entries,
        [
            "cover.xhtml",
            "title.xhtml",
            "i01-title.xhtml",
            "i02-title.xhtml",
            "i03-title.xhtml"
        ]
    );
    let hrefs: Vec<&str> = nav
        .descendants()
        .filter_map(|n| n.attribute("href"))
        .collect();
    for nested in [
        "i01-interview-1.xhtml#section-2",
        "i02-interview-1.xhtml#turn-3",
        "i03-interview-1.xhtml",
    ] {
        assert!(hrefs.contains(&nested), "{nested} missing from {hrefs:?}");
    }
    let ncx = parse_xml(epub.text("OEBPS/toc.ncx")?)?;
    let depth = ncx
        .descendants()
        .find(|n| n.attribute("name") == Some("dtb:depth"));
    assert_eq!(depth.and_then(|n| n.attribute("content")), Some("3"));
    Ok(())
}

#[test]
fn each_interview_keeps_its_language_and_every_word() -> TestResult {
    let book = book()?;
    let epub = unpack(&epub_book(&book, &options())?.bytes)?;
    for (index, (interview, lang)) in book
        .interviews
        .iter()
        .zip(["en-GB", "zh-Hans", "ar"])
        .enumerate()
    {
        let prefix = format!("OEBPS/i{:02}-", index + 1);
        let mut text = String::new();
        for file in epub
            .content_documents()
            .into_iter()
            .filter(|f| f.starts_with(&prefix))
        {
            let xhtml = epub.text(file)?;
            let root = parse_xml(xhtml)?;
            assert_eq!(root.root_element().attribute("lang"), Some(lang), "{file}");
            text.push_str(&readable_text(xhtml)?);
        }
        let missing: Vec<String> = model_words(interview)
            .into_iter()
            .filter(|w| !text.contains(w.as_str()))
            .collect();
        assert!(missing.is_empty(), "interview {index}: missing {missing:?}");
    }
    let title_page = epub.text("OEBPS/title.xhtml")?;
    assert!(title_page.contains("<h1 class=\"headline\">Conversations &amp; Other Voices</h1>"));
    assert!(
        title_page
            .contains("<li><a href=\"i02-title.xhtml\">共同构建网络空间命运共同体：专访</a></li>")
    );
    Ok(())
}

#[test]
fn the_book_has_one_identity_and_everyone_in_it() -> TestResult {
    let book = book()?;
    let first = epub_book(&book, &options())?;
    let second = epub_book(&book, &options())?;
    assert!(first.bytes == second.bytes, "two builds differ");
    let epub = unpack(&first.bytes)?;
    let opf = parse_xml(epub.text("OEBPS/content.opf")?)?;
    let text_of = |name: &str| -> Vec<String> {
        opf.descendants()
            .filter(|n| {
                n.tag_name().name() == name
                    && n.tag_name().namespace() == Some("http://purl.org/dc/elements/1.1/")
            })
            .filter_map(|n| n.text().map(str::to_string))
            .collect()
    };
    assert_eq!(text_of("identifier"), [book.meta.identifier.as_str()]);
    assert_eq!(text_of("title"), ["Conversations & Other Voices"]);
    let creators = text_of("creator");
    for name in ["Ed Itor", "Mira Sol", "马晶晶", "سارة خليل"] {
        assert!(
            creators.iter().any(|c| c == name),
            "{name} not among {creators:?}"
        );
    }
    let ids: Vec<&str> = opf
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    let landmarks = epub.text("OEBPS/nav.xhtml")?;
    assert_eq!(
        landmarks.matches("epub:type=\"titlepage\"").count(),
        1,
        "one title page landmark"
    );
    assert!(landmarks.contains("<a epub:type=\"bodymatter\" href=\"i01-interview-1.xhtml\">"));
    Ok(())
}
