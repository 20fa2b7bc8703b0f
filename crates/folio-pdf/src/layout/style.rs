//! Type styles and the measurements of the page design.

use crate::fonts::FaceId;

/// An sRGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0.1, 0.1, 0.1);
    pub const ACCENT: Rgb = Rgb(0.62, 0.12, 0.12);
    pub const GREY: Rgb = Rgb(0.38, 0.38, 0.38);
    pub const LINK: Rgb = Rgb(0.1, 0.25, 0.55);
}

/// How one piece of text is set.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    pub face: FaceId,
    pub size: f32,
    pub color: Rgb,
    /// Letter spacing in em.
    pub tracking: f32,
    /// Index into the document's link targets.
    pub link: Option<usize>,
    /// Baseline shift in points, up (superscript) or down (subscript, negative).
    pub rise: f32,
    /// Struck through.
    pub strike: bool,
    /// The structure element the text belongs to when it is not its
    /// paragraph's (a speaker's label, a link).
    pub tag: Option<crate::layout::tree::NodeId>,
}

impl Style {
    pub fn new(face: FaceId, size: f32) -> Self {
        Style {
            face,
            size,
            color: Rgb::BLACK,
            tracking: 0.0,
            link: None,
            rise: 0.0,
            strike: false,
            tag: None,
        }
    }

    /// Set smaller and raised (`up`) or lowered, as super- and subscripts are.
    pub fn shifted(&self, up: bool) -> Self {
        let rise = if up {
            self.size * 0.33
        } else {
            -self.size * 0.14
        };
        Style {
            size: self.size * 0.7,
            rise: self.rise + rise,
            ..self.clone()
        }
    }

    pub fn struck(&self) -> Self {
        Style {
            strike: true,
            ..self.clone()
        }
    }

    pub fn color(mut self, color: Rgb) -> Self {
        self.color = color;
        self
    }

    pub fn tracking(mut self, em: f32) -> Self {
        self.tracking = em;
        self
    }

    /// The italic counterpart (upright for text already italic).
    pub fn italic(&self) -> Self {
        let face = match self.face {
            FaceId::SERIF => FaceId::SERIF_ITALIC,
            FaceId::SERIF_ITALIC => FaceId::SERIF,
            FaceId::SERIF_BOLD => FaceId::SERIF_BOLD_ITALIC,
            FaceId::SERIF_BOLD_ITALIC => FaceId::SERIF_BOLD,
            other => other,
        };
        Style {
            face,
            ..self.clone()
        }
    }

    pub fn bold(&self) -> Self {
        let face = match self.face {
            FaceId::SERIF => FaceId::SERIF_BOLD,
            FaceId::SERIF_ITALIC => FaceId::SERIF_BOLD_ITALIC,
            FaceId::SANS => FaceId::SANS_BOLD,
            other => other,
        };
        Style {
            face,
            ..self.clone()
        }
    }
}

/// Paragraph setting: leading, alignment, indents.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphStyle {
    pub leading: f32,
    pub justify: bool,
    pub first_indent: f32,
    pub left_indent: f32,
    pub right_indent: f32,
}

impl ParagraphStyle {
    pub fn justified(leading: f32) -> Self {
        ParagraphStyle {
            leading,
            justify: true,
            first_indent: 0.0,
            left_indent: 0.0,
            right_indent: 0.0,
        }
    }

    pub fn ragged(leading: f32) -> Self {
        ParagraphStyle {
            justify: false,
            ..ParagraphStyle::justified(leading)
        }
    }
}

/// The page grid in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageGeometry {
    pub width: f32,
    pub height: f32,
    pub margin_left: f32,
    pub margin_right: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
}

impl PageGeometry {
    pub fn for_paper(paper: folio_core::Paper) -> Self {
        let (width, height) = paper.size_pt();
        // A measure of about 75 characters at 10.5 pt, as in a magazine's
        // single-column feature page.
        let side = (width - 420.0) / 2.0;
        PageGeometry {
            width,
            height,
            margin_left: side,
            margin_right: side,
            margin_top: 78.0,
            margin_bottom: 76.0,
        }
    }

    /// The page with a house style's margins (top, right, bottom, left, in mm).
    pub fn with_margins_mm(paper: folio_core::Paper, margins: [f32; 4]) -> Self {
        let mut g = PageGeometry::for_paper(paper);
        let pt = |mm: f32| (mm.clamp(5.0, 60.0)) * 72.0 / 25.4;
        g.margin_top = pt(margins[0]).max(48.0);
        g.margin_right = pt(margins[1]);
        g.margin_bottom = pt(margins[2]);
        g.margin_left = pt(margins[3]);
        g
    }

    pub fn text_width(&self) -> f32 {
        self.width - self.margin_left - self.margin_right
    }

    pub fn text_height(&self) -> f32 {
        self.height - self.margin_top - self.margin_bottom
    }
}

/// The choices a house style (`folio.toml`) can make.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    /// What every designed size is multiplied by: the house style's base
    /// size over its default, so a larger base size enlarges the whole
    /// page (title, labels, captions, spacing) as it does in the DOCX and
    /// the EPUB, not the body text alone.
    pub scale: f32,
    pub body_size: f32,
    pub leading: f32,
    /// Labels, kicker, headings, rules.
    pub accent: Rgb,
    /// Question text.
    pub question: Rgb,
    pub small_caps_labels: bool,
    pub full_name_labels: bool,
}

impl Default for Design {
    fn default() -> Self {
        Design {
            scale: 1.0,
            body_size: BODY_SIZE,
            leading: BODY_LEADING,
            accent: Rgb::ACCENT,
            question: Rgb::BLACK,
            small_caps_labels: false,
            full_name_labels: false,
        }
    }
}

impl Design {
    pub fn from_house(style: &folio_core::HouseStyle) -> Self {
        // The style's defaults are the designed page written in points and
        // hex: they map back to it exactly (text black is a 90% grey).
        let house = folio_core::HouseStyle::default();
        let default = Design::default();
        let scale = if style.base_size == house.base_size || !style.base_size.is_finite() {
            1.0
        } else {
            style.base_size.clamp(6.0, 24.0) / house.base_size
        };
        let colour = |value: &str, house: &str, designed: Rgb| {
            if value == house {
                designed
            } else {
                parse_hex(value).unwrap_or(designed)
            }
        };
        Design {
            scale,
            body_size: BODY_SIZE * scale,
            leading: BODY_LEADING * scale,
            accent: colour(&style.label_color, &house.label_color, default.accent),
            question: colour(
                &style.question_color,
                &house.question_color,
                default.question,
            ),
            small_caps_labels: style.label_case == folio_core::LabelCase::SmallCaps,
            full_name_labels: style.label_text == folio_core::LabelText::FullName,
        }
    }

    /// A size or distance of the designed page, in points, scaled.
    pub fn pt(&self, designed: f32) -> f32 {
        designed * self.scale
    }
}

/// `#rrggbb` as a colour.
fn parse_hex(text: &str) -> Option<Rgb> {
    let hex = text.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| {
        u8::from_str_radix(&hex[i..i + 2], 16)
            .ok()
            .map(|v| f32::from(v) / 255.0)
    };
    Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
}

pub const BODY_SIZE: f32 = 10.5;
pub const BODY_LEADING: f32 = 14.2;
pub const PARA_INDENT: f32 = 12.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex("#ff0000"), Some(Rgb(1.0, 0.0, 0.0)));
        assert_eq!(parse_hex("ff0000"), None);
        assert_eq!(parse_hex("#ff00"), None);
        assert_eq!(parse_hex("#gg0000"), None);
    }

    #[test]
    fn house_style_sets_the_design() {
        let house = folio_core::HouseStyle {
            base_size: 12.0,
            label_case: folio_core::LabelCase::SmallCaps,
            ..Default::default()
        };
        let d = Design::from_house(&house);
        // 12 pt against the default 10.5: every designed size grows by 12/10.5,
        // as the DOCX's and the EPUB's do.
        let scale = 12.0 / folio_core::HouseStyle::default().base_size;
        assert!((d.body_size - BODY_SIZE * scale).abs() < 1e-4);
        assert!((d.leading - BODY_LEADING * scale).abs() < 1e-4);
        assert!((d.pt(24.0) - 24.0 * scale).abs() < 1e-4);
        assert!(d.small_caps_labels);
        assert_eq!(Design::from_house(&Default::default()), Design::default());
    }
}
