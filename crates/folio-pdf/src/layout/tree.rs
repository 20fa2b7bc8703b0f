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
    /// The logical structure, in reading order, that lines and images
    /// point into: what a screen reader follows in the tagged PDF.
    pub structure: Structure,
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
    /// The structure element the line's text belongs to; none for page
    /// furniture (running heads, folios), which is an artifact.
    pub tag: Option<NodeId>,
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
    /// The structure element of the glyphs when it is not their line's:
    /// a speaker's label or a link inside a paragraph.
    pub tag: Option<NodeId>,
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
    /// The figure element that describes the picture.
    pub tag: Option<NodeId>,
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
    /// The link's structure element.
    pub tag: Option<NodeId>,
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

/// An index into [`Structure::nodes`].
pub type NodeId = u32;

/// What a structure element is: PDF's standard structure types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructKind {
    Document,
    /// One interview of a book.
    Art,
    /// A turn, the editor's note, the closing, a figure with its caption.
    Div,
    Sect,
    H1,
    H2,
    H3,
    P,
    BlockQuote,
    /// Contents of a book.
    Toc,
    Toci,
    L,
    Li,
    Lbl,
    LBody,
    Figure,
    Caption,
    Link,
    /// Words in another language than their paragraph's (`/Lang`).
    Span,
    Table,
    Tr,
    Th,
    Td,
}

impl StructKind {
    /// The structure type's PDF name.
    pub fn name(self) -> &'static str {
        match self {
            StructKind::Document => "Document",
            StructKind::Art => "Art",
            StructKind::Div => "Div",
            StructKind::Sect => "Sect",
            StructKind::H1 => "H1",
            StructKind::H2 => "H2",
            StructKind::H3 => "H3",
            StructKind::P => "P",
            StructKind::BlockQuote => "BlockQuote",
            StructKind::Toc => "TOC",
            StructKind::Toci => "TOCI",
            StructKind::L => "L",
            StructKind::Li => "LI",
            StructKind::Lbl => "Lbl",
            StructKind::LBody => "LBody",
            StructKind::Figure => "Figure",
            StructKind::Caption => "Caption",
            StructKind::Link => "Link",
            StructKind::Span => "Span",
            StructKind::Table => "Table",
            StructKind::Tr => "TR",
            StructKind::Th => "TH",
            StructKind::Td => "TD",
        }
    }
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct StructNode {
    pub kind: StructKind,
    /// The enclosing element; `None` for children of the document root.
    pub parent: Option<NodeId>,
    /// What the element stands for, read in place of its content (`/Alt`):
    /// a figure's description.
    pub alt: Option<String>,
    /// A title for the element (`/T`): the speaker of a turn.
    pub title: Option<String>,
    /// The language of the element when it differs from the document's.
    pub lang: Option<String>,
    /// What a header cell heads: `Column` or `Row` (`/Scope`).
    pub scope: Option<&'static str>,
}

/// The structure tree, its elements in reading order (a parent before its
/// children, children in order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    pub nodes: Vec<StructNode>,
}

impl Structure {
    /// Adds an element under `parent`; returns its id.
    pub fn add(&mut self, kind: StructKind, parent: Option<NodeId>) -> NodeId {
        let id = NodeId::try_from(self.nodes.len()).unwrap_or(NodeId::MAX);
        self.nodes.push(StructNode {
            kind,
            parent,
            alt: None,
            title: None,
            lang: None,
            scope: None,
        });
        id
    }

    /// Appends `other` under `parent`, shifting its ids; returns the shift.
    pub fn graft(&mut self, other: Structure, parent: Option<NodeId>) -> NodeId {
        let shift = NodeId::try_from(self.nodes.len()).unwrap_or(NodeId::MAX);
        self.nodes.extend(other.nodes.into_iter().map(|mut node| {
            node.parent = match node.parent {
                Some(p) => Some(p.saturating_add(shift)),
                None => parent,
            };
            node
        }));
        shift
    }
}
