//! Style ids used in the document, and Folio's own `styles.xml`.
//!
//! The ids are the contract between the body and the styles part: a
//! reference document that defines a style with the same id restyles every
//! paragraph that uses it.

use crate::language::LanguageSlots;

pub const KICKER: &str = "Kicker";
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const BYLINE: &str = "Byline";
pub const DATES: &str = "Dates";
pub const DATELINE: &str = "Dateline";
pub const EDITORS_NOTE: &str = "EditorsNote";
pub const INTRO: &str = "Intro";
pub const HEADING_1: &str = "Heading1";
pub const HEADING_2: &str = "Heading2";
/// Unlabelled text under a section heading.
pub const BODY_TEXT: &str = "BodyText";
pub const QUESTION: &str = "Question";
pub const ANSWER: &str = "Answer";
pub const ANSWER_CONTINUED: &str = "AnswerContinued";
pub const REMARK: &str = "Remark";
/// A label on its own line, for a turn that opens with a list or figure.
pub const SPEAKER_HEADING: &str = "SpeakerHeading";
pub const QUOTE: &str = "Quote";
pub const LIST_BULLET: &str = "ListBullet";
pub const LIST_NUMBER: &str = "ListNumber";
pub const FIGURE: &str = "Figure";
pub const CAPTION: &str = "Caption";
pub const BIO: &str = "Bio";
pub const AFTERWORD: &str = "Afterword";
pub const END_NOTE: &str = "EndNote";
pub const HEADER: &str = "Header";
pub const FOOTER: &str = "Footer";

pub const SPEAKER_LABEL: &str = "SpeakerLabel";
pub const STAGE_DIRECTION: &str = "StageDirection";
pub const TIMESTAMP: &str = "Timestamp";
pub const EMPHASIS: &str = "Emphasis";
pub const STRONG: &str = "Strong";
pub const STRONG_EMPHASIS: &str = "StrongEmphasis";
pub const HYPERLINK: &str = "Hyperlink";
pub const VERBATIM: &str = "VerbatimChar";
pub const CREDIT: &str = "Credit";

/// Folio's styles part as kept in the crate, with placeholders.
pub const STYLES_TEMPLATE: &str = include_str!("styles.xml");

/// Folio's `word/styles.xml` for an interview in the given language. The
/// comments that document the source are left out of the package.
pub fn styles_xml(slots: &LanguageSlots) -> String {
    without_comments(STYLES_TEMPLATE)
        .replace("{{LANG}}", &slots.latin)
        .replace("{{EAST_ASIA_LANG}}", &slots.east_asia)
        .replace("{{BIDI_LANG}}", &slots.bidi)
        .replace("{{EAST_ASIA_FONT}}", slots.east_asia_font)
        .replace(
            "{{BIDI_PARAGRAPH}}",
            if slots.right_to_left { "<w:bidi/>" } else { "" },
        )
}

fn without_comments(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find("<!--") {
        out.push_str(rest[..start].trim_end_matches([' ', '\t']));
        match rest[start..].find("-->") {
            Some(end) => {
                rest = rest[start + end + 3..].trim_start_matches([' ', '\t']);
                rest = rest.strip_prefix('\n').unwrap_or(rest);
            }
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_part_is_well_formed_without_placeholders_or_comments() {
        let xml = styles_xml(&LanguageSlots::for_language("ar"));
        assert!(!xml.contains("{{") && !xml.contains("<!--"));
        assert!(xml.contains("<w:bidi/>"));
        assert!(roxmltree::Document::parse(&xml).is_ok());
    }
}
