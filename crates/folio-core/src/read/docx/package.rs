//! The DOCX package: a zip archive read with limits, and its XML parts
//! parsed without DTDs.
//!
//! A DOCX comes from anywhere, so nothing in it is trusted: every part is
//! read through `take()` with a byte limit (a lying size in the zip header
//! changes nothing), a part that expands far more than text does is
//! refused as a zip bomb, and XML with a DOCTYPE is an error, its entities
//! never expanded (roxmltree's default).

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::error::Error;

/// The largest part Folio reads, uncompressed. The document part of a
/// book-length interview is a few megabytes.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// How many times larger than its compressed size a part may be, once it
/// is past `RATIO_FLOOR`: XML compresses about 10 to 20 times, a zip
/// bomb thousands of times.
pub const MAX_RATIO: u64 = 200;
/// Below this size a part's ratio is not checked (a small run of spaces
/// compresses very well and harms no one).
const RATIO_FLOOR: u64 = 1024 * 1024;
/// More entries than any Word document has; a zip of millions of empty
/// entries would cost time just to list.
const MAX_ENTRIES: usize = 20_000;

/// The main document part every DOCX has.
pub const DOCUMENT: &str = "word/document.xml";

/// An opened package.
pub struct Package<'a> {
    name: &'a str,
    archive: ZipArchive<Cursor<&'a [u8]>>,
}

impl std::fmt::Debug for Package<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Whether `bytes` start like a zip archive holding a Word document part
/// (local file headers carry their names uncompressed).
pub fn looks_like_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && bytes
            .windows(DOCUMENT.len())
            .any(|window| window == DOCUMENT.as_bytes())
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip archive that holds `word/document.xml`.
    pub fn open(bytes: &'a [u8], name: &'a str) -> Result<Self, Error> {
        let not_docx = |message: String| Error::NotDocx {
            name: name.to_string(),
            message,
        };
        if bytes.is_empty() {
            return Err(Error::Empty {
                name: name.to_string(),
            });
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
            not_docx(
                "the file is not a zip archive (a .docx is the zip package Word saves)".to_string(),
            )
        })?;
        if archive.len() > MAX_ENTRIES {
            return Err(not_docx(format!(
                "the zip archive has {} entries, more than the {MAX_ENTRIES} Folio reads",
                archive.len()
            )));
        }
        let package = Package { name, archive };
        if package.find(DOCUMENT).is_none() {
            return Err(not_docx(format!(
                "the zip archive has no {DOCUMENT} part, so it is not a Word document"
            )));
        }
        Ok(package)
    }

    /// The entry name of `part`, matched without regard to case or a
    /// leading slash (some tools write either).
    fn find(&self, part: &str) -> Option<String> {
        let wanted = part.trim_start_matches('/');
        self.archive
            .file_names()
            .find(|n| n.trim_start_matches('/').eq_ignore_ascii_case(wanted))
            .map(str::to_string)
    }

    fn part_error(&self, part: &str, message: String) -> Error {
        Error::DocxPart {
            name: self.name.to_string(),
            part: part.to_string(),
            message,
        }
    }

    /// The bytes of `part`, or `None` when the package has no such part.
    pub fn bytes(&mut self, part: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(entry_name) = self.find(part) else {
            return Ok(None);
        };
        let name = self.name;
        let part_error = |message: String| Error::DocxPart {
            name: name.to_string(),
            part: part.to_string(),
            message,
        };
        let mut entry = match self.archive.by_name(&entry_name) {
            Ok(entry) => entry,
            Err(error) => return Err(part_error(format!("cannot be read: {error}"))),
        };
        let declared = entry.size();
        let compressed = entry.compressed_size().max(1);
        let too_large = |size: u64| {
            format!(
                "uncompressed it is {size} bytes or more, past the limit of {MAX_PART_BYTES} bytes a part may have; the file is refused (a zip bomb or not a Word document)"
            )
        };
        let bomb = |size: u64| {
            format!(
                "it expands {}-fold ({compressed} bytes to {size}), past the limit of {MAX_RATIO}-fold; the file is refused as a zip bomb",
                size / compressed
            )
        };
        if declared > MAX_PART_BYTES {
            return Err(part_error(too_large(declared)));
        }
        if declared > RATIO_FLOOR && declared / compressed > MAX_RATIO {
            return Err(part_error(bomb(declared)));
        }
        // The header may lie: read no more than the limit allows.
        let mut out = Vec::new();
        let read = (&mut entry)
            .take(MAX_PART_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|error| error.to_string());
        let size = out.len() as u64;
        match read {
            Err(error) => Err(part_error(format!("cannot be read: {error}"))),
            Ok(_) if size > MAX_PART_BYTES => Err(part_error(too_large(size))),
            Ok(_) if size > RATIO_FLOOR && size / compressed > MAX_RATIO => {
                Err(part_error(bomb(size)))
            }
            Ok(_) => Ok(Some(out)),
        }
    }

    /// The text of an XML part, or `None` when the package has no such part.
    pub fn text(&mut self, part: &str) -> Result<Option<String>, Error> {
        let Some(bytes) = self.bytes(part)? else {
            return Ok(None);
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        match String::from_utf8(bytes.to_vec()) {
            Ok(text) => Ok(Some(text)),
            Err(error) => Err(self.part_error(
                part,
                format!(
                    "not UTF-8 XML (invalid byte at offset {})",
                    error.utf8_error().valid_up_to()
                ),
            )),
        }
    }

    /// Parses `text`, the content of `part`, refusing DTDs.
    pub fn parse<'x>(&self, part: &str, text: &'x str) -> Result<roxmltree::Document<'x>, Error> {
        // roxmltree lets an empty DOCTYPE through; Folio wants none at all.
        if has_doctype(text) {
            return Err(self.part_error(part, DOCTYPE_REFUSED.to_string()));
        }
        let options = roxmltree::ParsingOptions {
            allow_dtd: false,
            ..roxmltree::ParsingOptions::default()
        };
        roxmltree::Document::parse_with_options(text, options).map_err(|error| {
            let message = match error {
                roxmltree::Error::DtdDetected => DOCTYPE_REFUSED.to_string(),
                other => format!("not well-formed XML: {other}"),
            };
            self.part_error(part, message)
        })
    }
}

const DOCTYPE_REFUSED: &str = "the XML has a DOCTYPE, which Folio refuses (its entities are never expanded); Word never writes one";

/// Whether the prolog of `text` (before its first element) declares a DOCTYPE.
fn has_doctype(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{FEFF}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            match after.find("?>") {
                Some(end) => rest = &after[end + 2..],
                None => return false,
            }
        } else if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = &after[end + 3..],
                None => return false,
            }
        } else {
            return rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype");
        }
    }
}
