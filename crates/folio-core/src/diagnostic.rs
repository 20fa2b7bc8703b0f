//! Warnings returned alongside a result: what a reader guessed, ignored or
//! could not place, and what a writer had to approximate. Library code never
//! prints them; the caller decides how to show them.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// Text that looked like a speaker label but was not taken as one.
    PseudoLabel,
    /// A speaker role inferred without an explicit statement.
    GuessedRole,
    /// A paragraph that had no speaker to belong to.
    OrphanParagraph,
    /// Markup or content that was dropped (raw HTML, an empty turn).
    Ignored,
    /// Formatting a writer could not reproduce exactly.
    LostFormatting,
    /// A font or glyph substitution.
    Font,
    Other,
}

/// One warning, with the 1-based source line where it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(kind: DiagnosticKind, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            kind,
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
