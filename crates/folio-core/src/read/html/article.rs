//! Where the article is on a page, and what around and inside it is not
//! content: navigation, share bars, comment sections, "related" lists,
//! cookie banners, hidden elements.
//!
//! The article is, in order: the element marked `itemprop=articleBody`,
//! the `<article>` with the most text, `<main>`, else the element whose
//! paragraphs score highest in the manner of Readability (a paragraph's
//! length and commas credit its parent in full and its grandparent by
//! half). Text inside links counts against a candidate, so a list of
//! teasers does not win over the story.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// Elements that are never content, wherever they are.
const NEVER_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "canvas",
    "form", "button", "input", "select", "textarea", "dialog", "nav", "aside", "footer", "menu",
    "head", "title", "link", "meta",
];

/// ARIA landmarks around an article, never in it.
const NON_CONTENT_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Words of a class or id (split at `-` and `_`) that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "advertising",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "pager",
    "paywall",
    "popup",
    "promo",
    "pullquote",
    "recirc",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "trending",
    "widget",
];

/// Whole class names that hide an element from sight.
const HIDING_CLASSES: &[&str] = &[
    "hidden",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader-only",
    "a11y-hidden",
];

/// An element furniture words mark is still read when it holds at least
/// this share of the article's text: a site that calls its story body
/// `share-container` must not lose the story.
const KEEP_SHARE: f64 = 0.4;

/// The least share of the page's prose an element marked as the article
/// must hold to be taken as it is.
const MARKED_SHARE: f64 = 0.5;

/// The article on the page and the measure of its text.
#[derive(Debug)]
pub struct Article<'a> {
    pub root: ElementRef<'a>,
    text_length: usize,
    /// Text lengths of elements already measured.
    lengths: std::cell::RefCell<HashMap<NodeId, usize>>,
}

impl<'a> Article<'a> {
    /// The article, or `None` when the page has no text at all.
    pub fn find(document: &'a Html) -> Option<Self> {
        let marked = marked_body(document)
            .or_else(|| largest(document, |e| e.value().name() == "article"))
            .or_else(|| {
                largest(document, |e| {
                    e.value().name() == "main" || e.value().attr("role") == Some("main")
                })
            })
            .map(|element| {
                // An `<article>` that holds only the story's header, its
                // body beside it, is widened to the prose around it.
                let page_prose = paragraph_text(document.root_element());
                if (paragraph_text(element) as f64) < MARKED_SHARE * page_prose as f64 {
                    widen(element)
                } else {
                    element
                }
            });
        let root = marked
            .or_else(|| best_scored(document).map(widen))
            .or_else(|| {
                document
                    .root_element()
                    .child_elements()
                    .find(|e| e.value().name() == "body")
            })?;
        let text_length = text_length(root);
        (text_length > 0).then(|| Article {
            root,
            text_length,
            lengths: Default::default(),
        })
    }

    /// The share of the article's text an element holds.
    pub fn share_of(&self, element: ElementRef<'_>) -> f64 {
        text_length(element) as f64 / self.text_length.max(1) as f64
    }

    /// Whether an element inside the article is left out.
    pub fn is_furniture(&self, element: ElementRef<'_>) -> bool {
        if is_hidden_or_never_content(element) {
            return true;
        }
        if !marked_as_furniture(element) {
            return false;
        }
        let length = *self
            .lengths
            .borrow_mut()
            .entry(element.id())
            .or_insert_with(|| text_length(element));
        (length as f64) < KEEP_SHARE * self.text_length as f64
    }
}

/// Hidden from readers, or never content by its kind.
pub fn is_hidden_or_never_content(element: ElementRef<'_>) -> bool {
    let value = element.value();
    if NEVER_CONTENT.contains(&value.name()) || value.attr("hidden").is_some() {
        return true;
    }
    if value.attr("aria-hidden") == Some("true") {
        return true;
    }
    if value
        .attr("role")
        .is_some_and(|role| NON_CONTENT_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if let Some(style) = value.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    value
        .classes()
        .any(|class| HIDING_CLASSES.contains(&class.to_ascii_lowercase().as_str()))
}

/// A class or id naming page furniture (`share-bar`, `related_links`).
pub fn marked_as_furniture(element: ElementRef<'_>) -> bool {
    let value = element.value();
    value.classes().chain(value.id()).any(|name| {
        let name = name.to_ascii_lowercase();
        // A pull quote repeats words the interview already has.
        name.replace(['-', '_'], "") == "pullquote"
            || name.split(['-', '_', ' ']).any(|word| {
                FURNITURE_WORDS.contains(&word)
                    || (FURNITURE_PREFIXES.iter().any(|p| word.starts_with(p))
                        && !NOT_FURNITURE.contains(&word))
            })
    })
}

/// Beginnings of class words that run furniture words together
/// (`relatedposts`, `commentlist`, `sharedaddy`, `socialicons`).
const FURNITURE_PREFIXES: &[&str] = &[
    "related",
    "comment",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "advert",
    "sponsor",
    "cookie",
    "breadcrumb",
    "addthis",
    "addtoany",
];

/// Words with those beginnings that name content.
const NOT_FURNITURE: &[&str] = &["commentary", "commentaries", "shared"];

/// Characters of visible text, not counting hidden parts. Walked without
/// recursion: a page may nest elements thousands deep.
pub fn text_length(element: ElementRef<'_>) -> usize {
    let mut length = 0;
    let mut skipping: Option<NodeId> = None;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => length += text.trim().chars().count(),
                Node::Element(_)
                    if node.id() != element.id()
                        && ElementRef::wrap(node).is_some_and(is_hidden_or_never_content) =>
                {
                    skipping = Some(node.id());
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            _ => {}
        }
    }
    length
}

/// Characters of text inside links.
fn link_text_length(element: ElementRef<'_>) -> usize {
    element
        .descendent_elements()
        .filter(|e| e.value().name() == "a")
        .map(|a| a.text().map(|t| t.trim().chars().count()).sum::<usize>())
        .sum()
}

/// `itemprop="articleBody"` (or `text`), the largest if several.
fn marked_body(document: &Html) -> Option<ElementRef<'_>> {
    largest(document, |e| {
        e.value()
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "articleBody"))
    })
}

/// Of the elements `wanted` picks, the one with the most text outside
/// links, when it has any.
fn largest<'a>(
    document: &'a Html,
    wanted: impl Fn(ElementRef<'_>) -> bool,
) -> Option<ElementRef<'a>> {
    document
        .root_element()
        .descendent_elements()
        .filter(|e| wanted(*e))
        .map(|e| (text_length(e).saturating_sub(link_text_length(e)), e))
        .filter(|(length, _)| *length > 0)
        // The first of equals: `max_by_key` would take the last.
        .fold(
            None::<(usize, ElementRef<'a>)>,
            |best, (length, e)| match best {
                Some((top, _)) if top >= length => best,
                _ => Some((length, e)),
            },
        )
        .map(|(_, e)| e)
}

/// Elements that hold a paragraph of prose.
const PROSE_BLOCKS: &[&str] = &["p", "pre", "blockquote", "dd", "td"];

/// A paragraph of prose: a `<p>`, or a table cell or definition that holds
/// its words directly rather than in paragraphs of its own (counted then).
fn is_prose_block(element: ElementRef<'_>) -> bool {
    PROSE_BLOCKS.contains(&element.value().name())
        && !element
            .descendent_elements()
            .skip(1)
            .any(|inner| PROSE_BLOCKS.contains(&inner.value().name()))
}

/// The Readability-style choice for pages without article markup.
fn best_scored(document: &Html) -> Option<ElementRef<'_>> {
    let mut scores: HashMap<NodeId, (f64, ElementRef<'_>)> = HashMap::new();
    for paragraph in document
        .root_element()
        .descendent_elements()
        .filter(|e| is_prose_block(*e))
    {
        let text: String = paragraph.text().collect();
        let length = text.trim().chars().count();
        if length < 25
            || paragraph.ancestors().any(|a| {
                ElementRef::wrap(a)
                    .is_some_and(|a| is_hidden_or_never_content(a) || marked_as_furniture(a))
            })
        {
            continue;
        }
        let score =
            1.0 + text.matches([',', '，', '、']).count() as f64 + (length as f64 / 100.0).min(3.0);
        let mut ancestors = paragraph.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = ancestors.next() {
            scores.entry(parent.id()).or_insert((0.0, parent)).0 += score;
            if let Some(grandparent) = ancestors.next() {
                scores
                    .entry(grandparent.id())
                    .or_insert((0.0, grandparent))
                    .0 += score / 2.0;
            }
        }
    }
    // Measuring link density walks a candidate's whole subtree: only the
    // few best raw scores are worth it.
    let mut candidates: Vec<(f64, ElementRef<'_>)> = scores.into_values().collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    candidates.truncate(5);
    candidates
        .into_iter()
        .map(|(score, element)| {
            let total = text_length(element).max(1) as f64;
            let density = link_text_length(element) as f64 / total;
            (score * (1.0 - density.min(1.0)), element)
        })
        .fold(
            None::<(f64, ElementRef<'_>)>,
            |best, (score, e)| match best {
                Some((top, _)) if top >= score => best,
                _ => Some((score, e)),
            },
        )
        .map(|(_, e)| e)
}

/// How much more paragraph text a parent must hold than the chosen
/// element to be the article instead, whatever else it holds.
const WIDEN_RATIO: f64 = 1.25;

/// The share of prose in what a parent adds to the chosen element above
/// which the parent is taken: a story split by a figure into several
/// containers is read whole, while a wrapper that adds a menu, a sidebar
/// or a comment section is not taken.
const WIDEN_PROSE_SHARE: f64 = 0.7;

/// How many levels above the chosen element widening looks.
const MAX_WIDEN_LEVELS: usize = 32;

/// The chosen element, or the nearest ancestor that holds clearly more of
/// the page's prose.
fn widen(chosen: ElementRef<'_>) -> ElementRef<'_> {
    // Part of a table is read as the whole table (a transcript laid out in
    // rows is read row by row).
    let chosen = if matches!(
        chosen.value().name(),
        "td" | "th" | "tr" | "tbody" | "thead" | "tfoot"
    ) {
        chosen
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| a.value().name() == "table")
            .unwrap_or(chosen)
    } else {
        chosen
    };
    let mut best = chosen;
    let mut best_prose = paragraph_text(chosen);
    let mut best_total = text_length(chosen);
    // Real pages wrap a story in a handful of containers; a page nested
    // thousands deep must not make each level measure the whole page.
    for ancestor in chosen
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(MAX_WIDEN_LEVELS)
    {
        let prose = paragraph_text(ancestor);
        let total = text_length(ancestor);
        let added_prose = prose.saturating_sub(best_prose) as f64;
        let added_total = total.saturating_sub(best_total).max(1) as f64;
        if prose as f64 >= best_prose as f64 * WIDEN_RATIO
            || (added_prose > 0.0 && added_prose >= WIDEN_PROSE_SHARE * added_total)
        {
            best = ancestor;
            best_prose = prose;
            best_total = total;
        }
    }
    best
}

/// Characters in an element's paragraphs of prose (at least 25 characters,
/// outside hidden parts and furniture).
fn paragraph_text(element: ElementRef<'_>) -> usize {
    element
        .descendent_elements()
        .filter(|e| is_prose_block(*e))
        .filter(|e| {
            !e.ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != element.id())
                .any(|a| is_hidden_or_never_content(a) || marked_as_furniture(a))
        })
        .map(|e| e.text().map(|t| t.trim().chars().count()).sum::<usize>())
        .filter(|length| *length >= 25)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_not_the_teasers() {
        let page = Html::parse_document(
            r#"<body><nav><a href="/">Home</a></nav>
            <article class="teaser"><a href="/x">Another story with a long enough teaser title</a></article>
            <article id="story"><p>The first paragraph of the interview, which is long.</p>
            <div class="share-bar">Share on every network</div></article>
            <footer>All rights reserved, for ever and ever.</footer></body>"#,
        );
        let article = Article::find(&page).expect("an article");
        assert_eq!(article.root.value().id(), Some("story"));
        let share = article
            .root
            .descendent_elements()
            .find(|e| {
                e.value()
                    .has_class("share-bar", scraper::CaseSensitivity::CaseSensitive)
            })
            .expect("the share bar");
        assert!(article.is_furniture(share));
    }

    #[test]
    fn furniture_by_its_class_words() {
        let page = Html::parse_document(
            "<div class='sharedaddy'></div><div class='jp-relatedposts'></div><ol class='commentlist'></ol>\
             <div class='commentary-body'></div><div class='shared-layout'></div><div class='story'></div>",
        );
        let marked: Vec<bool> = page
            .root_element()
            .descendent_elements()
            .filter(|e| matches!(e.value().name(), "div" | "ol"))
            .map(marked_as_furniture)
            .collect();
        assert_eq!(marked, [true, true, true, false, false, false]);
    }

    #[test]
    fn readability_score_without_markup() {
        let page = Html::parse_document(
            r#"<body><div id="menu"><p>Home, News, Sport, Weather, and much more to click.</p></div>
            <div id="text"><p>Q: What did you do first, and why, and where?</p>
            <p>A: I moved, I painted, I wrote, and then I stopped for a while.</p>
            <p>Q: And then, after that, what came next for you?</p></div></body>"#,
        );
        let article = Article::find(&page).expect("an article");
        assert_eq!(article.root.value().id(), Some("text"));
    }
}
