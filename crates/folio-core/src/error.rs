//! The one error type of folio-core: everything that stops a reader.

use std::path::PathBuf;

/// A position in an input file, 1-based, with the offending line for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// The source line the position is on, without its line break.
    pub source_line: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "{name}: not UTF-8 text: invalid byte 0x{byte:02X} at byte offset {offset} (line {line}); save the file as UTF-8"
    )]
    NotUtf8 {
        name: String,
        offset: usize,
        byte: u8,
        line: usize,
    },
    #[error("{name}: the file is empty")]
    Empty { name: String },
    #[error("{name}:{}:{}: {message}", location.line, location.column)]
    Syntax {
        name: String,
        location: Location,
        message: String,
    },
    #[error("{name}: no interview turns found: {looked_for}")]
    NoTurns { name: String, looked_for: String },
    /// A web page with no article text: only navigation, scripts, hidden parts.
    #[error(
        "{name}: no article text found: the page has no <article>, <main> or paragraphs of text outside navigation, scripts and hidden elements"
    )]
    NoArticle { name: String },
    #[error("{name}: invalid interview model: {message}")]
    InvalidModel { name: String, message: String },
    /// A house style (`folio.toml`) that parses but cannot be used.
    #[error("{name}: invalid house style: {message}")]
    InvalidStyle { name: String, message: String },
    /// A field of a structured input (a JSON transcript) is missing or of
    /// the wrong type; `path` names it (`segments[3].text`).
    #[error("{name}: {path}: {message}")]
    Field {
        name: String,
        path: String,
        message: String,
    },
    /// A file read as DOCX that is not one: not a zip archive, or a zip
    /// without the document part.
    #[error("{name}: not a DOCX document: {message}")]
    NotDocx { name: String, message: String },
    /// A part inside a DOCX package that cannot be read: too large, not
    /// well-formed XML, or XML with a DOCTYPE.
    #[error("{name}: {part}: {message}")]
    DocxPart {
        name: String,
        part: String,
        message: String,
    },
    #[error(
        "{name}: unknown input format {format:?} (expected text, markdown, json, yaml, vtt, srt, transcript, transcript-json, html or docx)"
    )]
    UnknownFormat { name: String, format: String },
}

impl Error {
    /// Where the error applies, when it is a position in the file.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Syntax { location, .. } => Some(location),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
