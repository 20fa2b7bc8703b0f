//! Saved web pages (`.html`, `.htm`, `.xhtml`): the article found on the
//! page, its metadata from what the page says about itself, and its body
//! turned into the raw blocks every text reader produces, so the one
//! assembler understands a page as it understands Markdown.
//!
//! Parsing is html5ever's (through scraper): the HTML standard's own
//! algorithm, so a page reads as a browser shows it. Nothing a page
//! references is fetched.

mod article;
mod blocks;
mod encoding;
mod links;
mod metadata;
mod paragraphs;
mod styles;

use std::collections::HashSet;

use scraper::{ElementRef, Html};

use crate::assemble::{RawBlock, RawKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::Error;
use crate::model::Meta;
use crate::normalise::clean_line;
use crate::read::{Body, Document, InputFormat, Parsed, ReadOptions};

use article::{Article, is_hidden_or_never_content, marked_as_furniture};
use links::Resolver;

/// Class words that mark a standfirst (dek) near the headline.
const STANDFIRST_WORDS: &[&str] = &[
    "dek",
    "deck",
    "standfirst",
    "subtitle",
    "subheadline",
    "subhead",
    "strapline",
    "summary",
];

/// Class words and attributes that mark a byline.
const BYLINE_WORDS: &[&str] = &["byline", "author", "authors", "writer"];

/// The longest standfirst or byline taken from the page's markup: longer
/// text is a paragraph of the story that happens to carry the class.
const MAX_STANDFIRST_CHARS: usize = 400;
const MAX_BYLINE_CHARS: usize = 120;

pub(super) fn read(bytes: &[u8], name: &str, options: &ReadOptions) -> Result<Parsed, Error> {
    let decoded = encoding::decode(bytes);
    if decoded.text.trim().is_empty() {
        return Err(Error::Empty {
            name: name.to_string(),
        });
    }
    let mut warnings = Vec::new();
    if let Some(note) = decoded.note {
        warnings.push(Diagnostic::new(DiagnosticKind::Other, None, note));
    }
    let document = Html::parse_document(&decoded.text);
    let page = metadata::read(&document);
    let base = metadata::elements_named(&document, "base")
        .find_map(|base| base.value().attr("href"))
        .map(str::to_string);
    let resolver = Resolver::new(base.as_deref(), page.canonical.as_deref());
    let article = Article::find(&document).ok_or_else(|| Error::NoArticle {
        name: name.to_string(),
    })?;

    let mut skip = HashSet::new();
    let standfirst = page
        .subtitle
        .is_none()
        .then(|| marked_element(&document, STANDFIRST_WORDS, MAX_STANDFIRST_CHARS))
        .flatten();
    if let Some((element, _)) = &standfirst {
        skip.insert(element.id());
    }
    let class_styles = styles::ClassStyles::read(&document);
    let mut blocks = blocks::read(&article, &resolver, &decoded.text, &skip, &class_styles);

    let mut meta = Meta {
        title: page.title.clone(),
        subtitle: page.subtitle.clone().or(standfirst.map(|(_, text)| text)),
        kicker: page.section.clone(),
        authors: page.authors.clone(),
        publication: page.publication.clone(),
        published: page.published,
        updated: page.updated,
        language: page.language.clone().unwrap_or_default(),
        source_url: page.canonical.clone(),
        keywords: page.keywords.clone(),
        description: page.description.clone(),
        // A lead image elsewhere on the web would never be fetched; one
        // saved beside the page is the cover.
        cover: page
            .image
            .as_deref()
            .map(|image| resolver.image(image))
            .filter(|image| !image.contains("://") && !image.starts_with("data:")),
        rights: page.rights.clone(),
        ..Meta::default()
    };
    if meta.authors.is_empty()
        && let Some((_, byline)) = marked_element(&document, BYLINE_WORDS, MAX_BYLINE_CHARS)
    {
        let names = crate::read::text::byline(&byline)
            .unwrap_or_else(|| crate::read::split_people(&byline));
        meta.authors = names
            .into_iter()
            .filter(|n| n.split_whitespace().count() <= 5)
            .collect();
    }
    take_headline(&mut blocks, &mut meta);
    if meta.title.is_none() {
        take_leading_title(&mut blocks, &mut meta);
    }
    crate::read::markdown::attach_captions(&mut blocks);
    crate::read::markdown::implicit_captions(&mut blocks);
    if blocks.is_empty() {
        return Err(Error::NoArticle {
            name: name.to_string(),
        });
    }

    let context = crate::read::headline_context(&meta);
    let document = Document {
        meta,
        header_figures: Vec::new(),
        header_datelines: Vec::new(),
        body: Body::Blocks(blocks),
        hints: Default::default(),
        context,
        editors_note: None,
        intro: None,
        bio: None,
        warnings,
    };
    let mut parsed = crate::read::finish(document, name, options, InputFormat::Html)?;
    // A page has no front matter: the command line sets its roles.
    for warning in &mut parsed.warnings {
        if warning.kind == DiagnosticKind::GuessedRole {
            warning.message = warning
                .message
                .replace("set `speakers` in front matter or pass", "pass");
        }
    }
    Ok(parsed)
}

/// Blocks before a headline that may be printed above it.
const HEADLINE_WITHIN: usize = 4;

/// The longest line above a headline that is read as its kicker.
const MAX_KICKER_WORDS: usize = 6;

/// The headline as the page prints it (over the one its metadata gives
/// search engines), with the kicker above it and the standfirst and byline
/// under it.
fn take_headline(blocks: &mut Vec<RawBlock>, meta: &mut Meta) {
    let Some(at) = blocks
        .iter()
        .take(HEADLINE_WITHIN)
        .position(|b| matches!(b.kind, RawKind::Heading { level: 1, .. }))
    else {
        return;
    };
    let above: Vec<RawBlock> = blocks.drain(..at).collect();
    let mut kept = Vec::new();
    for block in above {
        if let RawKind::Paragraph(inlines) = &block.kind {
            let text = clean_line(&crate::model::plain_text(inlines));
            let short = text.split_whitespace().count() <= MAX_KICKER_WORDS;
            if short && meta.kicker.is_none() {
                meta.kicker = Some(text);
                continue;
            }
            if short && meta.kicker.as_deref() == Some(text.as_str()) {
                continue;
            }
        }
        kept.push(block);
    }
    if let Some(RawBlock {
        kind: RawKind::Heading { text, .. },
        ..
    }) = blocks.first()
    {
        meta.title = Some(text.clone());
    }
    crate::read::take_title_block(blocks, meta);
    blocks.splice(0..0, kept);
}

/// The longest first line read as the title of a page that names none.
const MAX_TITLE_WORDS: usize = 15;

/// A page with no title anywhere in its markup (a document exported from a
/// word processor): a first paragraph set wholly in bold, or a first
/// heading, that asks nothing is its title.
fn take_leading_title(blocks: &mut Vec<RawBlock>, meta: &mut Meta) {
    let title = match blocks.first().map(|b| &b.kind) {
        Some(RawKind::Heading { text, .. }) => Some(text.clone()),
        Some(RawKind::Paragraph(inlines))
            if !inlines.is_empty()
                && inlines
                    .iter()
                    .all(|i| matches!(i, crate::model::Inline::Strong { .. })) =>
        {
            Some(clean_line(&crate::model::plain_text(inlines)))
        }
        _ => None,
    };
    if let Some(title) = title.filter(|t| {
        let words = t.split_whitespace().count();
        (1..=MAX_TITLE_WORDS).contains(&words) && !t.contains(['?', '？', ':', '：'])
    }) {
        meta.title = Some(title);
        blocks.remove(0);
    }
}

/// The first visible element whose class (or `rel`/`itemprop`) has one of
/// `words`, with its text, when that text is short enough to be what the
/// class says.
fn marked_element<'a>(
    document: &'a Html,
    words: &[&str],
    max_chars: usize,
) -> Option<(ElementRef<'a>, String)> {
    document
        .root_element()
        .descendent_elements()
        .filter(|element| {
            let value = element.value();
            value
                .classes()
                .chain(value.attr("rel"))
                .chain(value.attr("itemprop"))
                .flat_map(|class| class.split(['-', '_', ' ']))
                .any(|word| words.contains(&word.to_ascii_lowercase().as_str()))
        })
        .filter(|element| {
            // Not in a hidden part, nor in a list of other stories' teasers.
            !is_hidden_or_never_content(*element)
                && !element
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|e| is_hidden_or_never_content(e) || marked_as_furniture(e))
        })
        .find_map(|element| {
            let text = clean_line(&element.text().collect::<String>());
            let length = text.chars().count();
            (length > 0 && length <= max_chars).then_some((element, text))
        })
}

#[cfg(test)]
mod tests;
