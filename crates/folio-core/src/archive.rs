//! One zip writer for every container Folio writes: the DOCX package, the
//! EPUB, and a server's bundle of outputs. Entries go in the order given,
//! all stamped with one time clamped to what zip can store, with fixed
//! permissions, so the same entries always give the same bytes.

use std::io::{Cursor, Write};

use chrono::{Datelike, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub use zip::result::ZipError;

/// How an entry is kept in the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// As it is: an EPUB's `mimetype`, files compressed already.
    Stored,
    /// Deflated at level 6.
    Deflated,
}

/// One file of an archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipEntry<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub compression: Compression,
}

/// The zip timestamp for a moment in Unix seconds, clamped to the years
/// zip can store (1980 to 2107): a date before 1980 (or a negative year)
/// is stamped 1980-01-01, one after 2107 the last second zip can hold.
pub fn zip_time(unix_seconds: i64) -> zip::DateTime {
    const MIN: i64 = 315_532_800; // 1980-01-01T00:00:00Z
    const MAX: i64 = 4_354_819_198; // 2107-12-31T23:59:58Z
    let clamped = unix_seconds.clamp(MIN, MAX);
    chrono::DateTime::from_timestamp(clamped, 0)
        .and_then(|t| {
            let part = |v: u32| u8::try_from(v).ok();
            zip::DateTime::from_date_and_time(
                u16::try_from(t.year()).ok()?,
                part(t.month())?,
                part(t.day())?,
                part(t.hour())?,
                part(t.minute())?,
                part(t.second())?,
            )
            .ok()
        })
        .unwrap_or_default()
}

/// Zips `entries` in the order given, every one stamped with
/// `unix_seconds` (see [`zip_time`]) and readable by all (0644).
pub fn write_zip<'a>(
    entries: impl IntoIterator<Item = ZipEntry<'a>>,
    unix_seconds: i64,
) -> Result<Vec<u8>, ZipError> {
    let time = zip_time(unix_seconds);
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for entry in entries {
        let options = match entry.compression {
            Compression::Stored => stored,
            Compression::Deflated => deflated,
        };
        writer.start_file(entry.name, options)?;
        writer.write_all(entry.bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn zip_time_clamps_to_the_zip_range() {
        let epoch = zip_time(0);
        assert_eq!((epoch.year(), epoch.month(), epoch.day()), (1980, 1, 1));
        assert_eq!(zip_time(-62_000_000_000), zip_time(0));
        let moment = zip_time(1_763_336_040); // 2025-11-16T23:34:00Z
        assert_eq!(
            (
                moment.year(),
                moment.month(),
                moment.day(),
                moment.hour(),
                moment.minute()
            ),
            (2025, 11, 16, 23, 34)
        );
        assert_eq!(zip_time(i64::MAX).year(), 2107);
    }

    #[test]
    fn entries_keep_their_order_compression_and_time() {
        let entries = [
            ZipEntry {
                name: "mimetype",
                bytes: b"application/epub+zip",
                compression: Compression::Stored,
            },
            ZipEntry {
                name: "a/b.xml",
                bytes: &[b'x'; 4000],
                compression: Compression::Deflated,
            },
        ];
        let bytes = write_zip(entries, 1_763_336_040).unwrap();
        assert_eq!(write_zip(entries, 1_763_336_040).unwrap(), bytes);
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let names: Vec<&str> = archive.file_names().collect();
        assert_eq!(names, ["mimetype", "a/b.xml"]);
        let first = archive.by_index(0).unwrap();
        assert_eq!(first.compression(), CompressionMethod::Stored);
        assert_eq!(first.unix_mode(), Some(0o100644));
        drop(first);
        let second = archive.by_index(1).unwrap();
        assert_eq!(second.compression(), CompressionMethod::Deflated);
        assert!(second.compressed_size() < 100);
        assert_eq!(second.last_modified().map(|t| t.year()), Some(2025));
    }
}
