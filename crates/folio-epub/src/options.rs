//! How the caller tunes an EPUB conversion.

use std::path::PathBuf;

use folio_core::HouseStyle;

/// Options for [`crate::epub`].
#[derive(Debug, Clone, PartialEq)]
pub struct EpubOptions {
    /// `SOURCE_DATE_EPOCH`, for `dcterms:modified` and the zip timestamps.
    pub source_date_epoch: Option<i64>,
    /// Directory that relative figure `src` and cover paths are resolved
    /// against: the directory of the input file. `None` means the current
    /// directory.
    pub base_dir: Option<PathBuf>,
    /// Read figures and the model's cover from outside `base_dir` too
    /// (`--allow-outside`). A cover given on the command line is always read.
    pub allow_outside: bool,
    /// Cover image to use instead of the interview's own `meta.cover`.
    pub cover_image: Option<PathBuf>,
    /// Draw an SVG cover (kicker, title, interviewee) when no cover image is
    /// available. Without it the book has no cover.
    pub generate_cover: bool,
    /// The house style: fonts, base size, label and question colours, and
    /// how speaker labels look. Paper and margins do not apply to e-books.
    pub style: HouseStyle,
}

impl EpubOptions {
    /// Which image files may be read: the one policy of folio-core.
    pub fn image_access(&self) -> folio_core::ImageAccess<'_> {
        folio_core::ImageAccess {
            base: self.base_dir.as_deref(),
            allow_outside: self.allow_outside,
        }
    }
}

impl Default for EpubOptions {
    fn default() -> Self {
        EpubOptions {
            source_date_epoch: None,
            base_dir: None,
            allow_outside: false,
            cover_image: None,
            generate_cover: true,
            style: HouseStyle::default(),
        }
    }
}
