//! Text that depends on the interview's language: what follows a speaker
//! label, how dates are printed, the heading of the table of contents.

use folio_core::{DateTime, Meta};

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

/// `Global Times · 16 November 2025, 23:34 · updated 16 November 2025, 23:51`;
/// month names and the word "updated" only in English, a CJK date in
/// Chinese, Japanese and Korean, ISO dates elsewhere.
pub fn dates_line(meta: &Meta) -> String {
    let script = DateScript::for_language(&meta.language);
    let mut parts = Vec::new();
    if let Some(publication) = &meta.publication {
        parts.push(publication.clone());
    }
    if let Some(published) = &meta.published {
        parts.push(display_date(published, script));
    }
    if let Some(updated) = &meta.updated
        && Some(updated) != meta.published.as_ref()
    {
        let updated = display_date(updated, script);
        parts.push(match script {
            DateScript::English => format!("updated {updated}"),
            DateScript::Cjk => format!("更新 {updated}"),
            DateScript::Iso => format!("({updated})"),
        });
    }
    parts.join(" · ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateScript {
    English,
    Cjk,
    Iso,
}

impl DateScript {
    pub fn for_language(language: &str) -> Self {
        if is_cjk(language) {
            DateScript::Cjk
        } else if primary_language(language) == "en" {
            DateScript::English
        } else {
            DateScript::Iso
        }
    }
}

pub fn display_date(value: &DateTime, script: DateScript) -> String {
    let format = match script {
        DateScript::English => "%-d %B %Y",
        DateScript::Cjk => "%Y年%-m月%-d日",
        DateScript::Iso => "%Y-%m-%d",
    };
    let date = value.date.format(format).to_string();
    match value.time {
        Some(time) => format!("{date}, {}", time.format("%H:%M")),
        None => date,
    }
}

/// The heading above the table of contents of a book.
pub fn contents_heading(language: &str) -> &'static str {
    match primary_language(language).as_str() {
        "zh" | "cmn" | "yue" => "目录",
        "ja" => "目次",
        "ko" => "목차",
        "fr" => "Table des matières",
        "de" => "Inhalt",
        "es" => "Índice",
        "it" => "Indice",
        "pt" => "Índice",
        _ => "Contents",
    }
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
        assert_eq!(contents_heading("en-GB"), "Contents");
    }
}
