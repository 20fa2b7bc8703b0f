//! Folio's PDF writer: interviews typeset like a magazine page.
//!
//! Our own layout engine (the private `layout` module: HarfRust shaping,
//! UAX #14 breaking, pattern hyphenation, Knuth–Plass justification,
//! pagination with widow, orphan and keep rules) produces pages of
//! positioned glyphs ([`layout`] returns them as a [`Document`]); `emit`
//! writes them straight into PDF objects (subset fonts, content streams,
//! structure tree, outline, metadata) with lopdf.
//!
//! printpdf does one job here: it writes each font's ToUnicode CMap (the
//! map from glyphs back to text that copying, search and screen readers
//! use). Everything else printpdf offers (its own page model, fonts and
//! layout) would duplicate what `emit` does directly with lopdf.

mod emit;
mod error;
mod fonts;
mod image;
mod layout;

use std::path::PathBuf;

use folio_core::{
    Anthology, HouseStyle, Interview, Meta, PdfStandards, Rendered, WriterOptions, output_date,
};

pub use error::PdfError;
pub use fonts::{FontReport, FontRole, Script, font_report};
pub use layout::shaping_font::prepare;
/// The laid-out pages, for tests and tools that look at where each line,
/// glyph and picture went ([`layout`]); the PDF is drawn from these.
pub use layout::style::PageGeometry;
pub use layout::tree::{
    Document, Glyph, Line, LinkArea, OutlineEntry, Page, PlacedImage, Rule, Run,
};

use crate::fonts::{FontBook, FontChoice};
use crate::layout::shape::Shaper;
use crate::layout::style::Design;

/// How to write the PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfOptions {
    /// Paper, house style, image folder and output date, as every writer has them.
    pub common: WriterOptions,
    /// A font file for characters the default fonts lack (`--font`).
    pub font: Option<PathBuf>,
    /// A font file for Chinese, Japanese and Korean (`--cjk-font`).
    pub cjk_font: Option<PathBuf>,
    /// Whether installed fonts may be searched for missing characters.
    pub no_system_fonts: bool,
    /// Standards to meet and declare (`--pdf-standard`); when none are
    /// given here, the house style's `pdf-standard`. The PDF is tagged
    /// whatever this says.
    pub standards: PdfStandards,
}

impl PdfOptions {
    /// The standards in force: these options', else the house style's.
    pub fn standards(&self) -> PdfStandards {
        if self.standards != PdfStandards::default() {
            return self.standards;
        }
        self.common.style.pdf_standard
    }
}

/// Typesets `interview` as a PDF.
pub fn pdf(interview: &Interview, options: &PdfOptions) -> Result<Rendered, PdfError> {
    let (doc, book, warnings) = lay_out(Content::Interview(interview), options)?;
    meet_standards(&doc, options)?;
    let meta = document_meta(&interview.meta, "Interview", options);
    let bytes = emit::write(&doc, &book, &meta)?;
    Ok(Rendered { bytes, warnings })
}

/// Typesets a book of interviews as one PDF: a title page, the contents,
/// then each interview from a new page, numbered through under the book's
/// title, with bookmarks per interview and, below each, its questions.
pub fn pdf_book(book: &Anthology, options: &PdfOptions) -> Result<Rendered, PdfError> {
    let (doc, fonts, warnings) = lay_out(Content::Book(book), options)?;
    meet_standards(&doc, options)?;
    let meta = document_meta(&book.meta, layout::book::UNTITLED_BOOK, options);
    let bytes = emit::write(&doc, &fonts, &meta)?;
    Ok(Rendered { bytes, warnings })
}

/// Refuses a document that cannot meet the standards asked for: under
/// PDF/UA-1 every picture needs a description (alt text, or else its
/// caption, which the layout takes and reports).
fn meet_standards(doc: &layout::tree::Document, options: &PdfOptions) -> Result<(), PdfError> {
    if !options.standards().ua1 {
        return Ok(());
    }
    let undescribed = doc
        .structure
        .nodes
        .iter()
        .filter(|n| n.kind == layout::tree::StructKind::Figure && n.alt.is_none())
        .count();
    if undescribed > 0 {
        return Err(PdfError::Standard(format!(
            "PDF/UA-1 needs a description of every picture, and {undescribed} figure(s) have neither alt text nor a caption (the warnings name them); give each an alt text, or leave out --pdf-standard ua-1"
        )));
    }
    Ok(())
}

/// The layout alone, for tests and tools that inspect pages.
pub fn layout(interview: &Interview, options: &PdfOptions) -> Result<Document, PdfError> {
    lay_out(Content::Interview(interview), options).map(|(doc, _, _)| doc)
}

/// The book's layout alone.
pub fn layout_book(book: &Anthology, options: &PdfOptions) -> Result<Document, PdfError> {
    lay_out(Content::Book(book), options).map(|(doc, _, _)| doc)
}

#[derive(Clone, Copy)]
enum Content<'a> {
    Interview(&'a Interview),
    Book(&'a Anthology),
}

impl<'a> Content<'a> {
    /// Every character the document may print, for choosing fonts.
    fn characters(self) -> String {
        match self {
            Content::Interview(i) => {
                layout::text::characters(i) + &layout::document::participant_characters(i)
            }
            Content::Book(book) => {
                let meta = &book.meta;
                let mut text = layout::text::added_words(&meta.language);
                text.push_str(layout::book::UNTITLED_BOOK);
                for s in [&meta.title, &meta.subtitle].into_iter().flatten() {
                    text.push_str(s);
                    text.push_str(&s.to_uppercase());
                }
                for s in &meta.authors {
                    text.push_str(&s.to_uppercase());
                }
                for i in &book.interviews {
                    text.push_str(&layout::text::characters(i));
                    text.push_str(&layout::document::participant_characters(i));
                }
                text
            }
        }
    }

    fn language(self) -> &'a str {
        match self {
            Content::Interview(i) => &i.meta.language,
            Content::Book(b) => &b.meta.language,
        }
    }
}

type Laid = (
    layout::tree::Document,
    FontBook,
    Vec<folio_core::Diagnostic>,
);

fn lay_out(content: Content<'_>, options: &PdfOptions) -> Result<Laid, PdfError> {
    let text = content.characters();
    let choice = FontChoice {
        font: options.font.as_deref(),
        cjk_font: options.cjk_font.as_deref(),
        language: content.language(),
        use_system_fonts: !options.no_system_fonts,
        body_font: house_font(options, |s| s.body_font.as_deref()),
        heading_font: house_font(options, |s| s.heading_font.as_deref()),
    };
    // The hyphenation dictionary is decoded on another thread while the
    // fonts are chosen and the paragraphs noted (US English has none to
    // decode: its patterns are compiled in).
    layout::hyphenate::Hyphenation::prepare(content.language());
    let book = FontBook::for_text(&text, &choice)?;
    let mut warnings: Vec<folio_core::Diagnostic> = book
        .warnings
        .iter()
        .map(|w| folio_core::Diagnostic::new(folio_core::DiagnosticKind::Font, None, w.clone()))
        .collect();
    // The style's default margins are the designed page rounded to
    // millimetres: they keep the designed page (centred measure on Letter too).
    let style = &options.common.style;
    let geometry = if style.margins_mm != HouseStyle::default().margins_mm {
        PageGeometry::with_margins_mm(options.common.paper, style.margins_mm)
    } else {
        PageGeometry::for_paper(options.common.paper)
    };
    let design = Design::from_house(style);
    let image_access = options.common.image_access();
    let doc = {
        let shaper = Shaper::new(&book);
        match content {
            Content::Interview(i) => {
                layout::document::layout(i, &shaper, geometry, design, image_access, &mut warnings)
            }
            Content::Book(b) => {
                layout::book::layout_book(b, &shaper, geometry, design, image_access, &mut warnings)
            }
        }
    };
    Ok((doc, book, warnings))
}

/// A house style font path, blank values left out.
fn house_font<'o>(
    options: &'o PdfOptions,
    field: impl Fn(&'o HouseStyle) -> Option<&'o str>,
) -> Option<&'o std::path::Path> {
    field(&options.common.style)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(std::path::Path::new)
}

fn document_meta(meta: &Meta, untitled: &str, options: &PdfOptions) -> emit::DocumentMeta {
    emit::DocumentMeta {
        title: meta.title.clone().unwrap_or_else(|| untitled.into()),
        author: meta.credits().join(", "),
        subject: meta
            .description
            .clone()
            .or_else(|| meta.subtitle.clone())
            .unwrap_or_default(),
        keywords: meta.keywords.clone(),
        language: folio_core::Language::of(&meta.language).tag().to_string(),
        date: output_date(meta, options.common.source_date_epoch),
        identifier: meta.identifier.clone(),
        standards: options.standards(),
    }
}
