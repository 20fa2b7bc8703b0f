//! The one error type of the PDF writer.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No font at hand draws this character; printing it would give a tofu box.
    #[error(
        "no font covers the character {character:?} (U+{code_point:04X}) in “{context}”: \
         install a font that has it (for example Debian's fonts-noto-core, or fonts-noto-cjk \
         for Chinese, Japanese and Korean) or pass --font / --cjk-font with a font file that does"
    )]
    MissingGlyph {
        character: char,
        code_point: u32,
        context: String,
    },
    #[error("cannot read font file {path}: {source}")]
    FontFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a usable font file (TrueType or OpenType)")]
    BadFont { path: PathBuf },
    /// The document cannot meet a standard asked for with `--pdf-standard`.
    #[error("{0}")]
    Standard(String),
    #[error("PDF serialisation failed: {0}")]
    Serialize(String),
}
