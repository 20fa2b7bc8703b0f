//! Several interviews published as one book (a series, a season, an archive).

use serde::{Deserialize, Serialize};

use crate::model::{Interview, Meta};

/// A book of interviews. Each interview keeps its own title, metadata and
/// speakers; the book has its own title page and table of contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anthology {
    /// The book's metadata: title, authors, language, identifier, date.
    pub meta: Meta,
    /// In reading order.
    pub interviews: Vec<Interview>,
}

/// How `folio book` orders its interviews.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BookOrder {
    /// The order the inputs were given in.
    #[default]
    Given,
    /// By published date, oldest first; undated interviews last, in given order.
    Date,
}

impl Anthology {
    /// Builds a book from interviews. The language is the first interview's
    /// when not given; the identifier is derived from the members' identifiers.
    pub fn new(mut meta: Meta, mut interviews: Vec<Interview>, order: BookOrder) -> Self {
        if order == BookOrder::Date {
            // A stable sort keeps the given order among equal or missing dates.
            interviews.sort_by_key(|i| {
                i.meta
                    .published
                    .map_or((1, i64::MAX), |d| (0, d.unix_seconds()))
            });
        }
        if meta.language.trim().is_empty() {
            meta.language = interviews
                .first()
                .map(|i| i.meta.language.clone())
                .unwrap_or_else(|| "en".to_string());
        }
        if meta.identifier.trim().is_empty() {
            let key: Vec<&str> = interviews
                .iter()
                .map(|i| i.meta.identifier.as_str())
                .collect();
            let uuid =
                uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, key.join("\u{1f}").as_bytes());
            meta.identifier = format!("urn:uuid:{uuid}");
        }
        if meta.published.is_none() {
            meta.published = interviews
                .iter()
                .filter_map(|i| i.meta.published)
                .max_by_key(|d| d.unix_seconds());
        }
        Anthology { meta, interviews }
    }
}
