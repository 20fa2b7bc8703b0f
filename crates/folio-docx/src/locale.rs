//! The line of dates under the headline, in the interview's language.

use folio_core::{DateLine, Language, Meta};

/// `Global Times · Published 16 November 2025, 23:34 · Updated 23:51`: the
/// words and dates core gives every writer, joined on one line (Folio's
/// DOCX reader parses this line back when it was edited).
pub fn dates_line(meta: &Meta) -> String {
    let language = Language::of(&meta.language);
    let mut parts = Vec::new();
    if let Some(publication) = &meta.publication {
        parts.push(publication.clone());
    }
    parts.extend(meta.date_lines(&language).iter().map(DateLine::to_text));
    parts.join(" · ")
}
