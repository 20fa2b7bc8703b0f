//! The title page of an anthology: the book's own kicker, title, subtitle,
//! authors, publisher and date, and the interviews it holds.

use folio_core::Meta;

use super::chapters::{Chapter, Matter};
use super::document::document;
use super::title_page::visible;
use crate::escape;
use folio_core::Language;

/// `contents` holds each interview's first document and headline.
pub fn anthology_title_page(
    meta: &Meta,
    language: &Language,
    title: &str,
    contents: &[(String, String)],
) -> Chapter {
    let mut body =
        String::from("<section epub:type=\"titlepage\" class=\"titlepage\">\n<header>\n");
    if let Some(kicker) = visible(meta.kicker.as_deref()) {
        body.push_str(&format!(
            "<p class=\"kicker\">{}</p>\n",
            escape::text(kicker)
        ));
    }
    body.push_str(&format!(
        "<h1 class=\"headline\">{}</h1>\n",
        escape::text(title)
    ));
    if let Some(subtitle) =
        visible(meta.subtitle.as_deref()).filter(|s| !title.contains(&escape::xml_safe(s)))
    {
        body.push_str(&format!(
            "<p class=\"standfirst\">{}</p>\n",
            escape::text(subtitle)
        ));
    }
    body.push_str("</header>\n");
    let authors: Vec<&str> = meta
        .authors
        .iter()
        .filter_map(|a| visible(Some(a)))
        .collect();
    if !authors.is_empty() {
        body.push_str(&format!(
            "<p class=\"byline\">{}</p>\n",
            escape::text(&language.terms().join_names(&authors))
        ));
    }
    if let Some(publication) = visible(meta.publication.as_deref()) {
        body.push_str(&format!(
            "<p class=\"publication\">{}</p>\n",
            escape::text(publication)
        ));
    }
    if let Some(date) = meta.published {
        body.push_str(&format!(
            "<p class=\"dates\">{} {}</p>\n",
            escape::text(language.terms().published),
            escape::text(&language.date(&date))
        ));
    }
    if !contents.is_empty() {
        body.push_str(&format!(
            "<nav class=\"book-contents\" aria-label=\"{}\">\n<ol>\n",
            escape::attr(language.terms().contents)
        ));
        for (href, headline) in contents {
            body.push_str(&format!(
                "<li><a href=\"{}\">{}</a></li>\n",
                escape::attr(href),
                escape::text(headline)
            ));
        }
        body.push_str("</ol>\n</nav>\n");
    }
    if let Some(rights) = visible(meta.rights.as_deref()) {
        body.push_str(&format!(
            "<p class=\"rights\">{}</p>\n",
            escape::text(rights)
        ));
    }
    body.push_str("</section>\n");
    Chapter {
        file: "title.xhtml".into(),
        title: Some(title.to_string()),
        matter: Matter::TitlePage,
        xhtml: document(language, title, "frontmatter", &body),
        toc: Vec::new(),
    }
}
