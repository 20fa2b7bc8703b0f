//! Folio's EPUB writer: an interview as an EPUB 3 e-book that EPUBCheck
//! passes without errors or warnings, with EPUB 2 navigation (NCX) for old
//! readers, semantic XHTML, accessibility metadata and a cover.
//!
//! epub-builder lays out the package (manifest, spine, navigation, NCX); the
//! package metadata it cannot express is added afterwards, and the archive is
//! re-packed with fixed timestamps so the output is byte-for-byte
//! reproducible (the private `repair` and `archive` modules).

mod archive;
mod assemble;
mod book;
mod cover;
mod error;
mod escape;
mod house_style;
mod images;
mod options;
mod package;
mod repair;
mod xhtml;

use folio_core::{Anthology, Interview, Rendered};

pub use error::EpubError;
pub use options::EpubOptions;

/// Writes `interview` as an EPUB 3 file.
///
/// Warnings (unusable language tag, images left out, links dropped) come
/// back in [`Rendered::warnings`].
pub fn epub(interview: &Interview, options: &EpubOptions) -> Result<Rendered, EpubError> {
    book::write(interview, options)
}

/// Writes several interviews as one EPUB: the book's title page lists them,
/// and the navigation nests each interview's sections (or questions) under
/// its title. Each interview keeps its own language, metadata and speakers;
/// figure paths resolve against the options' `common.base_dir`.
pub fn epub_book(book: &Anthology, options: &EpubOptions) -> Result<Rendered, EpubError> {
    book::write_anthology(book, options)
}
