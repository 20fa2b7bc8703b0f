//! Folio's PDF writer: interviews typeset like a magazine page.
//!
//! Our own layout engine ([`layout`]: rustybuzz shaping, UAX #14 breaking,
//! pattern hyphenation, Knuth–Plass justification, pagination with widow,
//! orphan and keep rules) produces pages of positioned glyphs; [`emit`]
//! writes them with printpdf and fixes the result with lopdf.

mod emit;
mod error;
pub mod fonts;
pub mod image;
pub mod layout;

use std::path::PathBuf;

use folio_core::{Interview, Paper, Rendered, output_date};

pub use error::PdfError;

use crate::fonts::{FontBook, FontChoice};
use crate::layout::shape::Shaper;
use crate::layout::style::PageGeometry;

/// How to write the PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfOptions {
    pub paper: Paper,
    /// `SOURCE_DATE_EPOCH`: the date stamped into the file.
    pub source_date_epoch: Option<i64>,
    /// A font file for characters the default fonts lack (`--font`).
    pub font: Option<PathBuf>,
    /// A font file for Chinese, Japanese and Korean (`--cjk-font`).
    pub cjk_font: Option<PathBuf>,
    /// Directory figure `src` paths are relative to (the input's folder).
    pub image_base: Option<PathBuf>,
    /// Whether installed fonts may be searched for missing characters.
    pub no_system_fonts: bool,
}

/// Typesets `interview` as a PDF.
pub fn pdf(interview: &Interview, options: &PdfOptions) -> Result<Rendered, PdfError> {
    let (doc, book, warnings) = lay_out(interview, options)?;
    let meta = document_meta(interview, options);
    let bytes = emit::write(&doc, &book, &meta)?;
    Ok(Rendered { bytes, warnings })
}

/// The layout alone, for tests and tools that inspect pages.
pub fn layout(
    interview: &Interview,
    options: &PdfOptions,
) -> Result<layout::tree::Document, PdfError> {
    lay_out(interview, options).map(|(doc, _, _)| doc)
}

fn lay_out(
    interview: &Interview,
    options: &PdfOptions,
) -> Result<
    (
        layout::tree::Document,
        FontBook,
        Vec<folio_core::Diagnostic>,
    ),
    PdfError,
> {
    let text = layout::text::characters(interview);
    let choice = FontChoice {
        font: options.font.as_deref(),
        cjk_font: options.cjk_font.as_deref(),
        language: &interview.meta.language,
        use_system_fonts: !options.no_system_fonts,
    };
    let book = FontBook::for_text(&text, &choice)?;
    let mut warnings = Vec::new();
    let doc = {
        let shaper = Shaper::new(&book);
        layout::document::layout(
            interview,
            &shaper,
            PageGeometry::for_paper(options.paper),
            options.image_base.as_deref(),
            &mut warnings,
        )
    };
    Ok((doc, book, warnings))
}

fn document_meta(interview: &Interview, options: &PdfOptions) -> emit::DocumentMeta {
    let meta = &interview.meta;
    let mut author: Vec<String> = meta.authors.clone();
    if author.is_empty() {
        author = meta.interviewers.clone();
    }
    emit::DocumentMeta {
        title: meta.title.clone().unwrap_or_else(|| "Interview".into()),
        author: author.join(", "),
        subject: meta
            .description
            .clone()
            .or_else(|| meta.subtitle.clone())
            .unwrap_or_default(),
        keywords: meta.keywords.clone(),
        language: meta.language.clone(),
        date: output_date(meta, options.source_date_epoch),
        identifier: meta.identifier.clone(),
    }
}
