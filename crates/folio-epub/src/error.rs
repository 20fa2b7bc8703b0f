//! Everything that can stop an EPUB conversion.

/// Why an EPUB could not be written.
#[derive(Debug, thiserror::Error)]
pub enum EpubError {
    #[error("epub-builder failed: {0}")]
    Builder(#[from] epub_builder::Error),
    #[error("could not re-pack the EPUB archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write the EPUB archive: {0}")]
    Io(#[from] std::io::Error),
    /// epub-builder's output no longer looks the way its repairs expect.
    #[error("epub-builder's {file} changed shape: {detail}")]
    UnexpectedOutput { file: &'static str, detail: String },
}
