//! What the layout engine produces: pages of positioned glyph runs, rules,
//! images and link areas, in points with y measured down from the page top.
//! PDF emission reads only this, and tests snapshot it.

use crate::fonts::FaceId;
use crate::layout::style::Rgb;
use ecow::EcoString;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    /// Bookmarks in reading order: questions, under their interviews in a book.
    pub outline: Vec<OutlineEntry>,
    /// Link targets; `LinkArea::target` indexes this.
    pub links: Vec<String>,
    /// Figure images; `PlacedImage::image` indexes this.
    pub images: Vec<crate::image::Image>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
    pub images: Vec<PlacedImage>,
    pub links: Vec<LinkArea>,
}

/// One line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x: f32,
    pub baseline: f32,
    /// Width actually covered by the glyphs.
    pub width: f32,
    pub runs: Vec<Run>,
}

/// Glyphs of one face, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: FaceId,
    pub size: f32,
    pub color: Rgb,
    /// Baseline shift in points, up positive (super- and subscripts).
    pub rise: f32,
    /// Drawn with a line through it.
    pub strike: bool,
    pub glyphs: Vec<Glyph>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// Absolute x of the glyph origin.
    pub x: f32,
    /// Text the glyph stands for (U+00AD for a hyphen added at a break).
    pub text: EcoString,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub thickness: f32,
    pub color: Rgb,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedImage {
    pub image: usize,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkArea {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub target: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// Top of the first line, from the page top.
    pub y: f32,
    /// 1 for a question of a single interview or an interview of a book,
    /// 2 for a question under its interview in a book.
    pub level: u8,
}

impl Line {
    /// The line's text as extraction should give it back.
    pub fn text(&self) -> String {
        self.runs
            .iter()
            .flat_map(|r| r.glyphs.iter())
            .map(|g| g.text.as_str())
            .collect()
    }

    /// Shifts the line down by `dy`.
    pub fn offset(&mut self, dy: f32) {
        self.baseline += dy;
    }

    /// Moves the line and its glyphs `dx` to the right.
    pub fn shift(&mut self, dx: f32) {
        self.x += dx;
        for glyph in self.runs.iter_mut().flat_map(|r| r.glyphs.iter_mut()) {
            glyph.x += dx;
        }
    }
}
