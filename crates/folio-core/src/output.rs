//! What every writer shares: its result type, paper sizes and the one rule
//! for dates stamped into output files.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::{DateTime, Diagnostic, HouseStyle, ImageAccess, Meta};

/// What every writer is told, whatever its format (pandoc's one writer
/// options type): `PdfOptions`, `DocxOptions` and `EpubOptions` each embed
/// it as `common` and add only what their format alone needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WriterOptions {
    /// Paper for the print formats (the e-book has none).
    pub paper: Paper,
    /// The house style (`folio.toml`): fonts, base size, colours, margins,
    /// how labels look. Its base size scales every format alike.
    pub style: HouseStyle,
    /// The folder relative figure paths are resolved against: the input's.
    /// Without one, no figure is read from the file system.
    pub base_dir: Option<PathBuf>,
    /// Read figures from outside `base_dir` too (`--allow-outside`).
    pub allow_outside: bool,
    /// `SOURCE_DATE_EPOCH`: the date stamped into the file (see
    /// [`output_date`]).
    pub source_date_epoch: Option<i64>,
}

impl WriterOptions {
    /// Which image files may be read: core's one policy.
    pub fn image_access(&self) -> ImageAccess<'_> {
        ImageAccess {
            base: self.base_dir.as_deref(),
            allow_outside: self.allow_outside,
        }
    }
}

/// A writer's result: the file's bytes and any warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub warnings: Vec<Diagnostic>,
}

/// Page sizes for print formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }

    /// Width and height in PostScript points (1/72 inch).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" | "usletter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// The moment stamped into an output file as its creation/modification date.
///
/// `SOURCE_DATE_EPOCH` wins when given (reproducible builds); otherwise the
/// interview's own updated or published date; otherwise 1980-01-01, the zip
/// epoch. Never the wall clock, so the same input gives the same bytes.
pub fn output_date(meta: &Meta, source_date_epoch: Option<i64>) -> DateTime {
    source_date_epoch
        .and_then(DateTime::from_unix_seconds)
        .or(meta.updated)
        .or(meta.published)
        .unwrap_or_else(|| {
            DateTime::from_unix_seconds(315_532_800).unwrap_or(DateTime {
                date: chrono::NaiveDate::MIN,
                time: None,
                offset_minutes: None,
            })
        })
}

/// Reads `SOURCE_DATE_EPOCH` from the environment; for binaries, which pass
/// it to writers through their options.
pub fn source_date_epoch_from_env() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}
