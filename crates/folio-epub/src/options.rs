//! How the caller tunes an EPUB conversion.

use std::path::PathBuf;

use folio_core::WriterOptions;

/// Options for [`crate::epub`].
#[derive(Debug, Clone, PartialEq)]
pub struct EpubOptions {
    /// House style, image folder and output date, as every writer has
    /// them (paper and margins do not apply to e-books). The model's cover
    /// is read under the figures' policy; a cover given on the command line
    /// is always read.
    pub common: WriterOptions,
    /// Cover image to use instead of the interview's own `meta.cover`.
    pub cover_image: Option<PathBuf>,
    /// Draw an SVG cover (kicker, title, interviewee) when no cover image is
    /// available. Without it the book has no cover.
    pub generate_cover: bool,
}

impl Default for EpubOptions {
    fn default() -> Self {
        EpubOptions {
            common: WriterOptions::default(),
            cover_image: None,
            generate_cover: true,
        }
    }
}
