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
}

impl Style {
    pub fn new(face: FaceId, size: f32) -> Self {
        Style {
            face,
            size,
            color: Rgb::BLACK,
            tracking: 0.0,
            link: None,
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

    pub fn text_width(&self) -> f32 {
        self.width - self.margin_left - self.margin_right
    }

    pub fn text_height(&self) -> f32 {
        self.height - self.margin_top - self.margin_bottom
    }
}

pub const BODY_SIZE: f32 = 10.5;
pub const BODY_LEADING: f32 = 14.2;
pub const PARA_INDENT: f32 = 12.0;
