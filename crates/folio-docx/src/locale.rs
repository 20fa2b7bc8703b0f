//! Text that depends on the interview's language: what follows a speaker
//! label, how dates are printed, the heading of the table of contents.

use folio_core::{Meta, Terms};

/// What follows a speaker label: `GT: ` in most languages, `GT：` in CJK;
/// French sets a no-break space before the colon.
pub fn label_separator(language: &str) -> &'static str {
    if is_cjk(language) {
        "："
    } else if primary_language(language) == "fr" {
        "\u{a0}: "
    } else {
        ": "
    }
}

fn primary_language(language: &str) -> String {
    language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn is_cjk(language: &str) -> bool {
    matches!(
        primary_language(language).as_str(),
        "zh" | "ja" | "ko" | "cmn" | "yue"
    )
}

/// `Global Times · 16 November 2025, 23:34 · updated 16 November 2025, 23:51`:
/// the words and the date's form from core's terms for the language, as
/// every writer has them.
pub fn dates_line(meta: &Meta) -> String {
    let terms = Terms::for_language(&meta.language);
    let mut parts = Vec::new();
    if let Some(publication) = &meta.publication {
        parts.push(publication.clone());
    }
    if let Some(published) = &meta.published {
        parts.push(terms.date(published));
    }
    if let Some(updated) = &meta.updated
        && Some(updated) != meta.published.as_ref()
    {
        parts.push(Terms::before(
            &terms.updated.to_lowercase(),
            &terms.date(updated),
        ));
    }
    parts.join(" · ")
}

/// The heading above the table of contents of a book.
pub fn contents_heading(language: &str) -> &'static str {
    Terms::for_language(language).contents
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_contents_follow_the_language() {
        assert_eq!(label_separator("en"), ": ");
        assert_eq!(label_separator("fr-CA"), "\u{a0}: ");
        assert_eq!(label_separator("zh-Hans"), "：");
        assert_eq!(contents_heading("ja"), "目次");
        assert_eq!(contents_heading("fr"), "Sommaire");
        assert_eq!(contents_heading("en-GB"), "Contents");
    }
}
