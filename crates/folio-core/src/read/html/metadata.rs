//! What a page says about itself, strongest source first: JSON-LD
//! (`NewsArticle`, `Article`, `BlogPosting` and their kin), then Open Graph
//! and `article:*` meta, then Dublin Core and `citation_*` meta, then the
//! document itself (`<html lang>`, `<link rel=canonical>`, `<title>` with
//! the site's name taken off).

use std::collections::HashMap;

use scraper::{ElementRef, Html};
use serde_json::Value;

use crate::datetime::DateTime;
use crate::normalise::clean_line;

/// The page's metadata, each field from the strongest source that had it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// The section the page files the piece under (`articleSection`,
    /// `article:section`): the rubric above a headline.
    pub section: Option<String>,
    pub authors: Vec<String>,
    pub publication: Option<String>,
    pub published: Option<DateTime>,
    pub updated: Option<DateTime>,
    pub language: Option<String>,
    pub canonical: Option<String>,
    pub keywords: Vec<String>,
    pub description: Option<String>,
    /// The lead image, absolute as the page gives it.
    pub image: Option<String>,
    pub rights: Option<String>,
}

/// `<meta>` values by their lower-cased `name`, `property` or `itemprop`,
/// in document order (`article:tag` repeats).
struct MetaTags(HashMap<String, Vec<String>>);

impl MetaTags {
    fn read(document: &Html) -> Self {
        let mut tags: HashMap<String, Vec<String>> = HashMap::new();
        for element in elements_named(document, "meta") {
            let content = element.value().attr("content").map(clean_line);
            let Some(content) = content.filter(|c| !c.is_empty()) else {
                continue;
            };
            for key in ["name", "property", "itemprop", "http-equiv"] {
                if let Some(key) = element.value().attr(key) {
                    // `property="og:title article:title"` names two keys.
                    for key in key.split_whitespace() {
                        tags.entry(key.to_ascii_lowercase())
                            .or_default()
                            .push(content.clone());
                    }
                }
            }
        }
        MetaTags(tags)
    }

    /// The first value of the first key present.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|key| self.0.get(*key).and_then(|values| values.first()).cloned())
    }

    /// Every value of the first key present.
    fn all(&self, keys: &[&str]) -> Vec<String> {
        keys.iter()
            .find_map(|key| self.0.get(*key).filter(|values| !values.is_empty()))
            .cloned()
            .unwrap_or_default()
    }
}

pub fn read(document: &Html) -> PageMeta {
    let tags = MetaTags::read(document);
    let article = json_ld_article(document);
    let ld = |key: &str| article.as_ref().and_then(|(a, _)| a.get(key));
    let ld_text = |key: &str| ld(key).and_then(text_of);
    let graph = article.as_ref().map(|(_, g)| g);

    let site_name = ld("publisher")
        .and_then(|p| name_of(p, graph))
        .or_else(|| tags.first(&["og:site_name", "application-name", "dc.publisher"]));
    let mut authors: Vec<String> = ld("author").map(|a| people(a, graph)).unwrap_or_default();
    if authors.is_empty() {
        authors = tags
            .all(&[
                "author",
                "article:author",
                "dc.creator",
                "citation_author",
                "parsely-author",
                "sailthru.author",
            ])
            .into_iter()
            .filter(|a| !looks_like_url(a))
            .flat_map(|a| crate::read::split_people(&a))
            .collect();
    }
    authors.dedup();
    let date = |ld_key: &str, keys: &[&str]| {
        ld_text(ld_key)
            .and_then(|d| DateTime::parse(&d))
            .or_else(|| {
                keys.iter()
                    .find_map(|k| tags.first(&[k]).and_then(|d| DateTime::parse(&d)))
            })
    };
    let published = date(
        "datePublished",
        &[
            "article:published_time",
            "og:article:published_time",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "citation_publication_date",
            "citation_date",
            "date",
            "pubdate",
        ],
    )
    .or_else(|| first_time(document));
    let updated = date(
        "dateModified",
        &[
            "article:modified_time",
            "og:updated_time",
            "dc.date.modified",
        ],
    );
    let language = ld("inLanguage")
        .and_then(text_of)
        .or_else(|| {
            document
                .root_element()
                .value()
                .attr("lang")
                .or_else(|| document.root_element().value().attr("xml:lang"))
                .map(str::to_string)
        })
        .or_else(|| tags.first(&["og:locale"]).map(|l| l.replace('_', "-")))
        .or_else(|| tags.first(&["content-language", "dc.language", "citation_language"]))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    let canonical = elements_named(document, "link")
        .find(|link| {
            link.value().attr("rel").is_some_and(|rel| {
                rel.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|link| link.value().attr("href"))
        .map(str::trim)
        .filter(|href| !href.is_empty())
        .map(str::to_string)
        .or_else(|| tags.first(&["og:url"]))
        .or_else(|| ld_text("url"));
    let mut keywords: Vec<String> = match ld("keywords") {
        Some(Value::Array(items)) => items.iter().filter_map(text_of).collect(),
        Some(value) => text_of(value)
            .map(|k| k.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    if keywords.is_empty() {
        keywords = tags.all(&["article:tag"]);
    }
    if keywords.is_empty() {
        keywords = tags
            .first(&[
                "keywords",
                "news_keywords",
                "dc.subject",
                "citation_keywords",
            ])
            .map(|k| k.split([',', ';']).map(str::to_string).collect())
            .unwrap_or_default();
    }
    keywords = keywords
        .iter()
        .map(|k| clean_line(k))
        .filter(|k| !k.is_empty())
        .collect();
    keywords.dedup();
    let title = ld_text("headline")
        .or_else(|| ld_text("name"))
        .or_else(|| tags.first(&["og:title", "twitter:title", "dc.title", "citation_title"]))
        .or_else(|| {
            let title = elements_named(document, "title").next()?;
            let text = clean_line(&title.text().collect::<String>());
            Some(without_site_name(&text, site_name.as_deref()))
        })
        .map(|t| without_site_name(&t, site_name.as_deref()))
        .filter(|t| !t.is_empty());
    let image = ld("image")
        .and_then(image_url)
        .or_else(|| tags.first(&["og:image", "og:image:url", "twitter:image"]));
    PageMeta {
        title,
        subtitle: ld_text("alternativeHeadline"),
        section: match ld("articleSection") {
            Some(Value::Array(items)) => items.iter().find_map(text_of),
            Some(value) => text_of(value),
            None => None,
        }
        .or_else(|| tags.first(&["article:section"])),
        authors,
        publication: site_name,
        published,
        updated,
        language,
        canonical,
        keywords,
        description: ld_text("description")
            .or_else(|| tags.first(&["description", "og:description", "dc.description"])),
        image,
        rights: ld("copyrightNotice")
            .and_then(text_of)
            .or_else(|| tags.first(&["dc.rights", "copyright"])),
    }
}

/// The page's elements with a tag name, in document order.
pub fn elements_named<'a>(
    document: &'a Html,
    name: &'a str,
) -> impl Iterator<Item = ElementRef<'a>> {
    document
        .root_element()
        .descendent_elements()
        .filter(move |e| e.value().name() == name)
}

/// The first article object in the page's JSON-LD, with every object of
/// the page's graphs by `@id` (authors and publishers are often
/// references into the graph).
fn json_ld_article(document: &Html) -> Option<(serde_json::Map<String, Value>, Graph)> {
    let mut objects = Vec::new();
    for script in elements_named(document, "script") {
        let kind = script
            .value()
            .attr("type")
            .unwrap_or("")
            .to_ascii_lowercase();
        if !kind.contains("ld+json") {
            continue;
        }
        let text: String = script.text().collect();
        // Some sites wrap the JSON in a comment or CDATA for old browsers.
        let text = text
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim()
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>");
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            flatten(&value, &mut objects, 0);
        }
    }
    let graph: Graph = objects
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?.to_string(), o.clone())))
        .collect();
    let article = objects.into_iter().find(is_article)?;
    Some((article, graph))
}

type Graph = HashMap<String, serde_json::Map<String, Value>>;

/// How deep JSON-LD nesting is followed: real pages nest three or four
/// levels; a hostile page must not recurse for ever.
const MAX_JSON_LD_DEPTH: usize = 8;

/// Every object of a JSON-LD value: arrays, `@graph` lists and a page's
/// `mainEntity` opened up.
fn flatten(value: &Value, out: &mut Vec<serde_json::Map<String, Value>>, depth: usize) {
    if depth > MAX_JSON_LD_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten(item, out, depth + 1);
            }
        }
        Value::Object(object) => {
            out.push(object.clone());
            for key in ["@graph", "mainEntity", "mainEntityOfPage", "hasPart"] {
                if let Some(inner) = object.get(key) {
                    flatten(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn is_article(object: &serde_json::Map<String, Value>) -> bool {
    let is_article_type =
        |t: &str| t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report";
    match object.get("@type") {
        Some(Value::String(kind)) => is_article_type(kind),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

/// A string value, or the `name`/`@value` of an object, cleaned.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Object(object) => object
            .get("@value")
            .or_else(|| object.get("name"))
            .and_then(Value::as_str)?
            .to_string(),
        Value::Array(items) => return items.iter().find_map(text_of),
        _ => return None,
    };
    // Some sites escape their JSON-LD strings as HTML (`&amp;`, `&#8217;`).
    let text = if text.contains('&') {
        Html::parse_fragment(&text)
            .root_element()
            .text()
            .collect::<String>()
    } else {
        text
    };
    let text = clean_line(&text);
    (!text.is_empty()).then_some(text)
}

/// The name of a person or organisation, following an `@id` reference.
fn name_of(value: &Value, graph: Option<&Graph>) -> Option<String> {
    if let Value::Object(object) = value
        && !object.contains_key("name")
        && let Some(id) = object.get("@id").and_then(Value::as_str)
        && let Some(target) = graph.and_then(|g| g.get(id))
    {
        return target.get("name").and_then(text_of);
    }
    text_of(value).filter(|name| !looks_like_url(name))
}

fn people(value: &Value, graph: Option<&Graph>) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(|item| people(item, graph)).collect(),
        Value::String(text) => crate::read::split_people(text)
            .into_iter()
            .filter(|name| !looks_like_url(name))
            .collect(),
        other => name_of(other, graph).into_iter().collect(),
    }
}

fn image_url(value: &Value) -> Option<String> {
    match value {
        Value::String(url) => Some(url.trim().to_string()).filter(|u| !u.is_empty()),
        Value::Array(items) => items.iter().find_map(image_url),
        Value::Object(object) => object
            .get("url")
            .or_else(|| object.get("contentUrl"))
            .and_then(image_url),
        _ => None,
    }
}

fn looks_like_url(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// The first `<time datetime>` of the page, for pages with no date meta.
fn first_time(document: &Html) -> Option<DateTime> {
    elements_named(document, "time")
        .find_map(|time| time.value().attr("datetime").and_then(DateTime::parse))
}

/// Separators sites put between a headline and their name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " · ", " // ", " » "];

/// `Headline | Site` without the site: the part equal to the site's name
/// when it is known, else a last part of at most three words after a
/// headline of at least four.
fn without_site_name(title: &str, site: Option<&str>) -> String {
    for separator in TITLE_SEPARATORS {
        let parts: Vec<&str> = title.split(separator).collect();
        if parts.len() < 2 {
            continue;
        }
        let same = |part: &str| {
            site.is_some_and(|site| clean_line(part).eq_ignore_ascii_case(&clean_line(site)))
        };
        if let Some(position) = parts.iter().position(|p| same(p)) {
            let kept: Vec<&str> = parts
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != position)
                .map(|(_, p)| *p)
                .collect();
            return clean_line(&kept.join(separator));
        }
        if site.is_none()
            && let Some((last, head)) = parts.split_last()
            && last.split_whitespace().count() <= 3
            && head.join(separator).split_whitespace().count() >= 4
        {
            return clean_line(&head.join(separator));
        }
    }
    clean_line(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_and_references_are_followed() {
        let page = Html::parse_document(
            r##"<html lang="en-GB"><head>
            <title>Wrong title | The Daily</title>
            <meta property="og:title" content="OG title">
            <meta property="og:site_name" content="The Daily">
            <meta property="article:published_time" content="2020-01-01T00:00:00Z">
            <meta property="article:tag" content="music"><meta property="article:tag" content="jazz">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"Person","@id":"#ann","name":"Ann Lee"},
              {"@type":["NewsArticle"],"headline":"Talking &amp; walking","author":[{"@id":"#ann"},{"@type":"Person","name":"Bo Chen"}],
               "publisher":{"@type":"Organization","name":"The Daily Paper"},"datePublished":"2024-03-05T10:00:00+01:00",
               "inLanguage":"en-US","image":{"@type":"ImageObject","url":"https://x.test/a.jpg"}}]}</script>
            </head><body></body></html>"##,
        );
        let meta = read(&page);
        assert_eq!(meta.title.as_deref(), Some("Talking & walking"));
        assert_eq!(meta.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(meta.publication.as_deref(), Some("The Daily Paper"));
        assert_eq!(
            meta.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-05T10:00:00+01:00")
        );
        assert_eq!(meta.language.as_deref(), Some("en-US"));
        assert_eq!(meta.keywords, ["music", "jazz"]);
        assert_eq!(meta.image.as_deref(), Some("https://x.test/a.jpg"));
    }

    #[test]
    fn meta_tags_and_title_without_site() {
        let page = Html::parse_document(
            r#"<html lang="fr"><head><title>Entretien avec une potière de Lyon - Le Journal</title>
            <meta name="author" content="Jeanne Roux">
            <link rel="canonical" href="https://journal.test/entretien">
            </head><body><time datetime="2023-06-01">1 juin</time></body></html>"#,
        );
        let meta = read(&page);
        assert_eq!(
            meta.title.as_deref(),
            Some("Entretien avec une potière de Lyon")
        );
        assert_eq!(meta.authors, ["Jeanne Roux"]);
        assert_eq!(meta.language.as_deref(), Some("fr"));
        assert_eq!(
            meta.canonical.as_deref(),
            Some("https://journal.test/entretien")
        );
        assert!(meta.published.is_some());
    }
}
