//! How the caller tunes an EPUB conversion.

use std::path::PathBuf;

/// Options for [`crate::epub`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpubOptions {
    /// `SOURCE_DATE_EPOCH`, for `dcterms:modified` and the zip timestamps.
    pub source_date_epoch: Option<i64>,
    /// Directory that relative figure `src` and cover paths are resolved
    /// against: the directory of the input file. `None` means the current
    /// directory.
    pub base_dir: Option<PathBuf>,
    /// Cover image to use instead of the interview's own `meta.cover`.
    pub cover_image: Option<PathBuf>,
    /// Draw an SVG cover (kicker, title, interviewee) when no cover image is
    /// available. Without it the book has no cover.
    pub generate_cover: bool,
}

impl Default for EpubOptions {
    fn default() -> Self {
        EpubOptions {
            source_date_epoch: None,
            base_dir: None,
            cover_image: None,
            generate_cover: true,
        }
    }
}
