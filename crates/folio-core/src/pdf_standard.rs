//! The PDF standards a PDF is made to meet (`--pdf-standard`, the house
//! style's `pdf-standard`): PDF/UA-1 for accessibility and one level of
//! PDF/A-2 for archiving, as typst names them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A level of PDF/A-2 (ISO 19005-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfA {
    /// Level B: the pages look the same in years to come.
    A2b,
    /// Level U: level B, and every character maps to Unicode.
    A2u,
    /// Level A: level U, and the document is tagged.
    A2a,
}

impl PdfA {
    /// The conformance letter of `pdfaid:conformance`.
    pub fn conformance(self) -> &'static str {
        match self {
            PdfA::A2b => "B",
            PdfA::A2u => "U",
            PdfA::A2a => "A",
        }
    }

    fn name(self) -> &'static str {
        match self {
            PdfA::A2b => "a-2b",
            PdfA::A2u => "a-2u",
            PdfA::A2a => "a-2a",
        }
    }
}

/// The standards asked for; none by default (the PDF is tagged anyway).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PdfStandards {
    /// PDF/UA-1 (ISO 14289-1).
    pub ua1: bool,
    /// A level of PDF/A-2.
    pub archive: Option<PdfA>,
}

/// The names `--pdf-standard` takes.
pub const PDF_STANDARD_NAMES: &str = "ua-1, a-2b, a-2u, a-2a";

impl FromStr for PdfStandards {
    type Err = String;

    /// A comma-separated list: `ua-1`, `a-2b`, `a-2u`, `a-2a`, or several
    /// at once (`ua-1,a-2a`); one PDF/A level at most. Empty or `none`
    /// asks for none.
    fn from_str(text: &str) -> Result<Self, String> {
        let mut standards = PdfStandards::default();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let archive = match name.to_ascii_lowercase().as_str() {
                "none" => continue,
                "ua-1" | "ua1" | "pdf/ua-1" => {
                    standards.ua1 = true;
                    continue;
                }
                "a-2b" | "pdf/a-2b" => PdfA::A2b,
                "a-2u" | "pdf/a-2u" => PdfA::A2u,
                "a-2a" | "pdf/a-2a" => PdfA::A2a,
                _ => {
                    return Err(format!(
                        "unknown PDF standard {name:?}; expected {PDF_STANDARD_NAMES}, or several separated by commas"
                    ));
                }
            };
            match standards.archive {
                Some(other) if other != archive => {
                    return Err(format!(
                        "PDF standards {} and {} conflict: a PDF meets one level of PDF/A",
                        other.name(),
                        archive.name()
                    ));
                }
                _ => standards.archive = Some(archive),
            }
        }
        Ok(standards)
    }
}

impl fmt::Display for PdfStandards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self
            .ua1
            .then_some("ua-1")
            .into_iter()
            .chain(self.archive.map(PdfA::name))
            .collect();
        if names.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&names.join(","))
        }
    }
}

impl TryFrom<String> for PdfStandards {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        text.parse()
    }
}

impl From<PdfStandards> for String {
    fn from(standards: PdfStandards) -> String {
        standards.to_string()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn names_as_typst_takes_them() {
        let both: PdfStandards = "ua-1, A-2a".parse().unwrap();
        assert_eq!(
            both,
            PdfStandards {
                ua1: true,
                archive: Some(PdfA::A2a)
            }
        );
        assert_eq!(both.to_string(), "ua-1,a-2a");
        assert_eq!("".parse::<PdfStandards>().unwrap(), PdfStandards::default());
        assert_eq!(PdfStandards::default().to_string(), "none");
        assert_eq!(
            "none".parse::<PdfStandards>().unwrap(),
            PdfStandards::default()
        );
    }

    #[test]
    fn unknown_names_and_two_archive_levels_are_refused() {
        assert_eq!(
            "a-3b".parse::<PdfStandards>().unwrap_err(),
            "unknown PDF standard \"a-3b\"; expected ua-1, a-2b, a-2u, a-2a, or several separated by commas"
        );
        assert_eq!(
            "a-2b,a-2a".parse::<PdfStandards>().unwrap_err(),
            "PDF standards a-2b and a-2a conflict: a PDF meets one level of PDF/A"
        );
    }
}
