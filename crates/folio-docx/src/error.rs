//! The one error type of the DOCX writer.

/// Why a DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The `--reference-docx` file could not be read.
    #[error("cannot read the reference DOCX {path}: {source}")]
    TemplateUnreadable {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// The `--reference-docx` template is not a usable Word document.
    #[error("the reference DOCX is not a usable Word document: {0}")]
    BrokenTemplate(String),
    /// Writing the zip package failed.
    #[error("could not write the DOCX package: {0}")]
    Package(#[from] zip::result::ZipError),
    /// An XML part docx-rs produced could not be read back for patching.
    #[error("could not patch the DOCX part {part}: {message}")]
    Patch { part: String, message: String },
    #[error("I/O error while writing the DOCX: {0}")]
    Io(#[from] std::io::Error),
}
