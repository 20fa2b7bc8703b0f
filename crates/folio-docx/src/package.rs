//! The zip container: parts in a fixed order, fixed timestamps and
//! permissions, so the same parts always give the same bytes (core's one
//! zip writer).

use folio_core::archive::{Compression, ZipEntry, write_zip};

use crate::DocxError;

/// One part of the package: its name inside the zip and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Zips `parts` in the given order, every entry deflated and stamped with
/// `unix_seconds` (clamped to the years zip can store).
pub fn write(parts: &[Part], unix_seconds: i64) -> Result<Vec<u8>, DocxError> {
    let entries = parts.iter().map(|part| ZipEntry {
        name: &part.name,
        bytes: &part.bytes,
        compression: Compression::Deflated,
    });
    Ok(write_zip(entries, unix_seconds)?)
}
