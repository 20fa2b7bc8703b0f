//! A house style: one `folio.toml` that sets the look of every format, so a
//! newsroom's PDF, DOCX and EPUB agree.

use serde::{Deserialize, Serialize};

use crate::output::Paper;

/// How a speaker label is printed at the start of a turn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelCase {
    #[default]
    Bold,
    SmallCaps,
}

/// Which text a label shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelText {
    /// The label as printed in the source (`GT`, `MS. RIVERA`).
    #[default]
    Label,
    /// The speaker's full name when known (`Global Times`, `Lucía Rivera`).
    FullName,
}

/// The house style. Every field has a default, so a `folio.toml` names only
/// what it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct HouseStyle {
    /// Body text font family (a font file path for PDF, a family name for DOCX and EPUB).
    pub body_font: Option<String>,
    /// Headings and labels font family.
    pub heading_font: Option<String>,
    /// Base text size in points.
    pub base_size: f32,
    /// Colour of speaker labels and the kicker, `#rrggbb`.
    pub label_color: String,
    /// Colour of question text, `#rrggbb`.
    pub question_color: String,
    pub paper: Paper,
    /// Page margins in millimetres: top, right, bottom, left.
    pub margins_mm: [f32; 4],
    pub label_case: LabelCase,
    pub label_text: LabelText,
    /// Straight quotes, `--` and `...` become the language's typographic
    /// forms when text is read.
    pub smart_punctuation: bool,
    /// Where a transcript's start times are shown: before each turn, each
    /// paragraph, or nowhere.
    pub timestamps: crate::read::Timestamps,
    /// The standards the PDF is made to meet: `ua-1`, `a-2b`, `a-2u`,
    /// `a-2a`, or several (`ua-1,a-2a`).
    pub pdf_standard: crate::PdfStandards,
}

impl Default for HouseStyle {
    fn default() -> Self {
        HouseStyle {
            body_font: None,
            heading_font: None,
            base_size: 10.5,
            label_color: "#9e1f1f".into(),
            question_color: "#000000".into(),
            paper: Paper::A4,
            margins_mm: [27.5, 31.0, 27.0, 31.0],
            label_case: LabelCase::Bold,
            label_text: LabelText::Label,
            smart_punctuation: true,
            timestamps: crate::read::Timestamps::Turns,
            pdf_standard: crate::PdfStandards::default(),
        }
    }
}

/// The default style as a commented `folio.toml` (`folio style --print-default`).
pub const DEFAULT_STYLE_TOML: &str = r##"# folio.toml: the house style Folio applies to PDF, DOCX and EPUB alike.
# Put it in the folder you run folio from, or pass --style FILE.
# Every key is optional; a missing key keeps the default shown here.

# Body text font. PDF: a path to a .ttf/.otf file; DOCX and EPUB: a family name.
# body-font = "Source Serif 4"
# Font for headings and speaker labels.
# heading-font = "Source Sans 3"

# Base text size in points; titles, labels, captions and spacing scale
# with it, in the PDF, the DOCX and the EPUB alike.
base-size = 10.5

# Colours as #rrggbb: speaker labels and the kicker; question text.
label-color = "#9e1f1f"
question-color = "#000000"

# Paper for PDF and DOCX: "a4" or "letter".
paper = "a4"

# Page margins in millimetres: top, right, bottom, left. The default gives
# a measure of about 75 characters on A4, as on a magazine's feature page.
margins-mm = [27.5, 31.0, 27.0, 31.0]

# Speaker labels: "bold" or "small-caps"; showing the "label" as printed
# (GT, MS. RIVERA) or the speaker's "full-name" when known.
label-case = "bold"
label-text = "label"

# Straight quotes, -- and ... become the language's typographic forms when
# text is read (“ ” ‘ ’ – — … in English, „ “ in German, « » in French).
smart-punctuation = true

# Transcripts (caption files, transcript exports): show each turn's start
# time "turns", before every paragraph "paragraphs", or "none".
timestamps = "turns"

# The PDF is always tagged for screen readers. Standards it is also made to
# meet and declare: "ua-1" (PDF/UA-1, accessible), one PDF/A-2 level for
# archives ("a-2b", "a-2u", "a-2a"), or both ("ua-1,a-2a"); "none".
pdf-standard = "none"
"##;

impl HouseStyle {
    /// Parses a `folio.toml`; errors carry the line and column.
    pub fn from_toml(text: &str, name: &str) -> Result<Self, crate::Error> {
        let style: HouseStyle = toml::from_str(text).map_err(|err| {
            let offset = err.span().map_or(0, |span| span.start);
            let index = crate::source::LineIndex::new(text);
            crate::Error::Syntax {
                name: name.to_string(),
                location: index.location(text, offset),
                message: format!("invalid house style: {}", err.message()),
            }
        })?;
        style
            .validate()
            .map_err(|message| crate::Error::InvalidStyle {
                name: name.to_string(),
                message,
            })?;
        Ok(style)
    }

    fn validate(&self) -> Result<(), String> {
        for (key, colour) in [
            ("label-color", &self.label_color),
            ("question-color", &self.question_color),
        ] {
            if parse_hex_colour(colour).is_none() {
                return Err(format!("{key} = {colour:?} is not a #rrggbb colour"));
            }
        }
        if !(5.0..=30.0).contains(&self.base_size) {
            return Err(format!(
                "base-size = {} is outside 5 to 30 points",
                self.base_size
            ));
        }
        if self.margins_mm.iter().any(|m| !(0.0..=80.0).contains(m)) {
            return Err("margins-mm values must be between 0 and 80".into());
        }
        Ok(())
    }

    /// The label colour as red, green, blue in 0..=255.
    pub fn label_rgb(&self) -> (u8, u8, u8) {
        parse_hex_colour(&self.label_color).unwrap_or((0x9e, 0x1f, 0x1f))
    }

    /// The question colour as red, green, blue in 0..=255.
    pub fn question_rgb(&self) -> (u8, u8, u8) {
        parse_hex_colour(&self.question_color).unwrap_or((0, 0, 0))
    }

    /// Whether the label and question colours are readable on white as
    /// WCAG 2.2 success criterion 1.4.3 (level AA) asks: a contrast ratio
    /// of at least 4.5 to 1.
    pub fn colours_meet_wcag_aa(&self) -> bool {
        [self.label_rgb(), self.question_rgb()]
            .into_iter()
            .all(|c| contrast_on_white(c) >= 4.5)
    }
}

/// WCAG's contrast ratio of an sRGB colour against white.
fn contrast_on_white((r, g, b): (u8, u8, u8)) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    1.05 / (luminance + 0.05)
}

/// `#rrggbb` as three bytes.
pub fn parse_hex_colour(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((byte(0)?, byte(2)?, byte(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast_on_white((0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast_on_white((255, 255, 255)) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes on white.
        assert!(contrast_on_white((0x76, 0x76, 0x76)) >= 4.5);
        assert!(contrast_on_white((0x77, 0x77, 0x77)) < 4.5);
        assert!(HouseStyle::default().colours_meet_wcag_aa());
        let pale = HouseStyle {
            label_color: "#ffcc00".into(),
            ..HouseStyle::default()
        };
        assert!(!pale.colours_meet_wcag_aa());
    }

    #[test]
    fn the_printed_default_is_the_default() {
        let parsed = HouseStyle::from_toml(DEFAULT_STYLE_TOML, "folio.toml").ok();
        assert_eq!(parsed, Some(HouseStyle::default()));
    }

    #[test]
    fn partial_files_keep_defaults_and_errors_have_positions() {
        let style = HouseStyle::from_toml(
            "label-case = \"small-caps\"\npaper = \"letter\"\n",
            "s.toml",
        )
        .ok();
        let style = style.unwrap_or_default();
        assert_eq!(style.label_case, LabelCase::SmallCaps);
        assert_eq!(style.paper, Paper::Letter);
        assert_eq!(style.base_size, 10.5);
        let err =
            HouseStyle::from_toml("base-size = 10\nlabel-colour = \"#000000\"\n", "s.toml").err();
        assert_eq!(
            err.as_ref().and_then(|e| e.location()).map(|l| l.line),
            Some(2)
        );
        let err = HouseStyle::from_toml("label-color = \"red\"\n", "s.toml").err();
        // A house style is not an interview model.
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with("s.toml: invalid house style: "),
            "{message}"
        );
        assert!(HouseStyle::from_toml("timestamps = \"paragraphs\"\n", "s.toml").is_ok());
    }
}
