//! One call for every output format: the CLI's bridge to the writer crates.

use std::path::PathBuf;

use anyhow::Result;
use folio_core::{Anthology, HouseStyle, Interview, Paper, Rendered};

/// The formats Folio writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutputFormat {
    Pdf,
    Docx,
    Epub,
}

impl OutputFormat {
    pub const ALL: [OutputFormat; 3] = [OutputFormat::Pdf, OutputFormat::Docx, OutputFormat::Epub];

    pub fn parse(name: &str) -> Option<Self> {
        match name
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "pdf" => Some(OutputFormat::Pdf),
            "docx" | "word" => Some(OutputFormat::Docx),
            "epub" | "epub3" => Some(OutputFormat::Epub),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Pdf => "pdf",
            OutputFormat::Docx => "docx",
            OutputFormat::Epub => "epub",
        }
    }
}

/// Everything the writers may need besides the interview.
#[derive(Debug, Clone, Default)]
pub struct RenderSettings {
    pub paper: Paper,
    pub style: HouseStyle,
    pub source_date_epoch: Option<i64>,
    /// The input's folder: figure paths are relative to it.
    pub base_dir: Option<PathBuf>,
    pub font: Option<PathBuf>,
    pub cjk_font: Option<PathBuf>,
    pub reference_docx: Option<Vec<u8>>,
    pub cover: Option<PathBuf>,
    /// Outputs are flushed to the disk before they are moved into place
    /// (`--sync`).
    pub sync: bool,
    /// Images may be read from outside the input's folder (`--allow-outside`).
    pub allow_outside: bool,
}

/// Writes a book of interviews in one format.
pub fn render_book(
    format: OutputFormat,
    book: &Anthology,
    settings: &RenderSettings,
) -> Result<Rendered> {
    let rendered = match format {
        OutputFormat::Pdf => folio_pdf::pdf_book(book, &pdf_options(settings))?,
        OutputFormat::Docx => folio_docx::docx_book(book, &docx_options(settings))?,
        OutputFormat::Epub => folio_epub::epub_book(book, &epub_options(settings))?,
    };
    Ok(rendered)
}

/// Writes one interview in one format.
pub fn render(
    format: OutputFormat,
    interview: &Interview,
    settings: &RenderSettings,
) -> Result<Rendered> {
    let rendered = match format {
        OutputFormat::Pdf => folio_pdf::pdf(interview, &pdf_options(settings))?,
        OutputFormat::Docx => folio_docx::docx(interview, &docx_options(settings))?,
        OutputFormat::Epub => folio_epub::epub(interview, &epub_options(settings))?,
    };
    Ok(rendered)
}

/// What every format is told: one value for all three writers.
fn writer_options(settings: &RenderSettings) -> folio_core::WriterOptions {
    folio_core::WriterOptions {
        paper: settings.paper,
        style: settings.style.clone(),
        base_dir: settings.base_dir.clone(),
        allow_outside: settings.allow_outside,
        source_date_epoch: settings.source_date_epoch,
    }
}

pub fn pdf_options(settings: &RenderSettings) -> folio_pdf::PdfOptions {
    folio_pdf::PdfOptions {
        common: writer_options(settings),
        font: settings.font.clone(),
        cjk_font: settings.cjk_font.clone(),
        standards: settings.style.pdf_standard,
        ..Default::default()
    }
}

fn docx_options(settings: &RenderSettings) -> folio_docx::DocxOptions {
    folio_docx::DocxOptions {
        common: writer_options(settings),
        reference_docx: settings.reference_docx.clone(),
        ..Default::default()
    }
}

fn epub_options(settings: &RenderSettings) -> folio_epub::EpubOptions {
    folio_epub::EpubOptions {
        common: writer_options(settings),
        cover_image: settings.cover.clone(),
        ..Default::default()
    }
}
