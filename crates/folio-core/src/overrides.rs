//! Metadata set by the user (`-M key=value`, as pandoc users know it), which
//! wins over what the source says.

use crate::datetime::DateTime;
use crate::model::Meta;

/// The keys `-M` accepts, for messages.
pub const METADATA_KEYS: &str = "title, subtitle, kicker, author, interviewer, publication, date, updated, language, source_url, rights, keywords, description, identifier, cover, certified-by";

/// Sets one metadata field from text. Lists (`author`, `keywords`) take
/// comma-separated values.
pub fn apply_metadata(meta: &mut Meta, key: &str, value: &str) -> Result<(), String> {
    let value = value.trim();
    let text = || Some(value.to_string()).filter(|v| !v.is_empty());
    let date = || {
        DateTime::parse(value).ok_or_else(|| {
            format!("{key}={value:?} is not a date; use 2022-05-17 or 2022-05-17T10:30:00Z")
        })
    };
    match key.trim().to_lowercase().replace('-', "_").as_str() {
        "title" => meta.title = text(),
        "subtitle" | "standfirst" | "dek" => meta.subtitle = text(),
        "kicker" | "section" => meta.kicker = text(),
        "author" | "authors" => meta.authors = crate::read::split_people(value),
        "interviewer" | "interviewers" => meta.interviewers = crate::read::split_people(value),
        "publication" | "publisher" => meta.publication = text(),
        "date" | "published" => meta.published = Some(date()?),
        "updated" | "modified" => meta.updated = Some(date()?),
        "language" | "lang" => meta.language = value.replace('_', "-"),
        "source_url" | "source" | "url" => meta.source_url = text(),
        "rights" | "license" | "licence" | "copyright" => meta.rights = text(),
        "keywords" | "tags" => {
            meta.keywords = value
                .split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(str::to_string)
                .collect()
        }
        "description" | "summary" => meta.description = text(),
        "identifier" | "id" => meta.identifier = value.to_string(),
        "cover" => meta.cover = text(),
        "certified_by" | "a11y:certifiedby" => meta.certified_by = text(),
        other => {
            return Err(format!(
                "unknown metadata key {other:?}; expected one of {METADATA_KEYS}"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_fields_and_rejects_unknown_keys_and_bad_dates() {
        let mut meta = Meta::default();
        assert!(apply_metadata(&mut meta, "title", "A “new” title").is_ok());
        assert!(apply_metadata(&mut meta, "author", "Ann Lee and Bo Chen").is_ok());
        assert!(apply_metadata(&mut meta, "date", "May 17, 2022").is_ok());
        assert!(apply_metadata(&mut meta, "lang", "fr_CA").is_ok());
        assert_eq!(meta.title.as_deref(), Some("A “new” title"));
        assert_eq!(meta.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(
            meta.published.map(|d| d.to_string()).as_deref(),
            Some("2022-05-17")
        );
        assert_eq!(meta.language, "fr-CA");
        assert!(apply_metadata(&mut meta, "colour", "red").is_err());
        assert!(apply_metadata(&mut meta, "date", "someday").is_err());
    }
}
