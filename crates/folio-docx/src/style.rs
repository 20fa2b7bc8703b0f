//! Style ids used in the document, and Folio's own `styles.xml`.
//!
//! The ids are the contract between the body and the styles part: a
//! reference document that defines a style with the same id restyles every
//! paragraph that uses it.

use folio_core::{HouseStyle, LabelCase};

use crate::inline::escape_attribute;
use crate::language::LanguageSlots;

pub const KICKER: &str = "Kicker";
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const BYLINE: &str = "Byline";
pub const DATES: &str = "Dates";
pub const DATELINE: &str = "Dateline";
/// Who is speaking, under the title block.
pub const PARTICIPANTS: &str = "Participants";
pub const EDITORS_NOTE: &str = "EditorsNote";
pub const INTRO: &str = "Intro";
pub const HEADING_1: &str = "Heading1";
pub const HEADING_2: &str = "Heading2";
pub const HEADING_3: &str = "Heading3";
pub const TOC_HEADING: &str = "TOCHeading";
pub const TOC_1: &str = "TOC1";
pub const TOC_2: &str = "TOC2";
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
/// The alt text of a figure whose picture could not be loaded.
pub const FIGURE_PLACEHOLDER: &str = "FigurePlaceholder";
pub const CAPTION: &str = "Caption";
/// The table style every table of the interview has.
pub const INTERVIEW_TABLE: &str = "InterviewTable";
/// A table's header cells.
pub const TABLE_HEADING: &str = "TableHeading";
/// A table's body cells.
pub const TABLE_TEXT: &str = "TableText";
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
pub const STRIKEOUT: &str = "Strikeout";
pub const SUPERSCRIPT: &str = "Superscript";
pub const SUBSCRIPT: &str = "Subscript";
pub const HYPERLINK: &str = "Hyperlink";
pub const VERBATIM: &str = "VerbatimChar";
pub const CREDIT: &str = "Credit";
/// The word "Participants" opening the participants paragraph.
pub const PARTICIPANTS_LABEL: &str = "ParticipantsLabel";
pub const PARTICIPANT_NAME: &str = "ParticipantName";

/// Folio's styles part as kept in the crate, with placeholders.
pub const STYLES_TEMPLATE: &str = include_str!("styles.xml");

/// The body size Folio's styles are designed for, in points.
const DESIGN_SIZE: f32 = 11.0;

/// Folio's `word/styles.xml` for an interview in the given language, in the
/// house style, for a page whose text column is `text_width` twips wide.
/// The comments that document the source are left out of the package.
pub fn styles_xml(slots: &LanguageSlots, house: &HouseStyle, text_width: u32) -> String {
    let body_font = font_name(house.body_font.as_deref(), "Cambria");
    let heading_font = font_name(house.heading_font.as_deref(), "Calibri");
    let label_case = match house.label_case {
        LabelCase::Bold => "<w:b/><w:bCs/>",
        LabelCase::SmallCaps => "<w:smallCaps/>",
    };
    let xml = without_comments(STYLES_TEMPLATE)
        .replace("{{LANG}}", &slots.latin)
        .replace("{{EAST_ASIA_LANG}}", &slots.east_asia)
        .replace("{{BIDI_LANG}}", &slots.bidi)
        .replace("{{EAST_ASIA_FONT}}", slots.east_asia_font)
        .replace(
            "{{BIDI_PARAGRAPH}}",
            if slots.right_to_left { "<w:bidi/>" } else { "" },
        )
        .replace("{{BODY_FONT}}", &body_font)
        .replace("{{HEADING_FONT}}", &heading_font)
        .replace("{{LABEL_COLOR}}", &hex(house.label_rgb()))
        .replace("{{QUESTION_COLOR}}", &hex(house.question_rgb()))
        .replace("{{LABEL_CASE}}", label_case)
        .replace("{{TEXT_WIDTH}}", &text_width.to_string());
    scale_sizes(&xml, house.base_size / DESIGN_SIZE)
}

/// A family name for an attribute; a blank name keeps Folio's font.
fn font_name(name: Option<&str>, fallback: &str) -> String {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => escape_attribute(name),
        None => fallback.to_string(),
    }
}

/// `RRGGBB` as `w:color` wants it.
fn hex((red, green, blue): (u8, u8, u8)) -> String {
    format!("{red:02X}{green:02X}{blue:02X}")
}

/// Multiplies every `w:sz` and `w:szCs` (half-points) by `factor`, so the
/// headings keep their proportion to the body text.
fn scale_sizes(xml: &str, factor: f32) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    loop {
        let next = ["<w:sz w:val=\"", "<w:szCs w:val=\""]
            .iter()
            .filter_map(|tag| rest.find(tag).map(|at| (at, tag.len())))
            .min();
        let Some((at, length)) = next else {
            break;
        };
        let value_start = at + length;
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        match rest[..digits].parse::<f32>() {
            Ok(size) => {
                // At least 1 pt; Word rejects sizes below that.
                let scaled = (size * factor).round().clamp(2.0, 3276.0);
                out.push_str(&format!("{scaled}"));
            }
            Err(_) => out.push_str(&rest[..digits]),
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
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
        let xml = styles_xml(
            &LanguageSlots::for_language("ar"),
            &HouseStyle::default(),
            9000,
        );
        assert!(!xml.contains("{{") && !xml.contains("<!--"));
        assert!(xml.contains("<w:bidi/>"));
        assert!(roxmltree::Document::parse(&xml).is_ok());
    }

    #[test]
    fn sizes_scale_with_the_base_size() {
        let xml = r#"<w:sz w:val="22"/><w:szCs w:val="48"/><w:spacing w:val="22"/>"#;
        assert_eq!(
            scale_sizes(xml, 0.5),
            r#"<w:sz w:val="11"/><w:szCs w:val="24"/><w:spacing w:val="22"/>"#
        );
        assert_eq!(scale_sizes(xml, 1.0), xml);
    }

    #[test]
    fn house_style_fields_reach_the_styles() {
        let house = HouseStyle {
            body_font: Some("Source Serif 4".into()),
            heading_font: Some("  ".into()),
            label_color: "#0a1b2c".into(),
            label_case: LabelCase::SmallCaps,
            ..HouseStyle::default()
        };
        let xml = styles_xml(&LanguageSlots::for_language("en"), &house, 9000);
        assert!(xml.contains(r#"w:ascii="Source Serif 4""#));
        assert!(xml.contains(r#"w:ascii="Calibri""#));
        assert!(xml.contains(r#"w:color w:val="0A1B2C""#));
        assert!(xml.contains("<w:smallCaps/>"));
        assert!(xml.contains(r#"w:pos="9000""#));
    }
}
