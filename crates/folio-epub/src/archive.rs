//! Unpacking epub-builder's archive and packing the final one ourselves:
//! `mimetype` first and stored, every entry stamped with the same fixed
//! time, so the same book always gives the same bytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::error::EpubError;

/// One file of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Every file of an archive, in archive order.
pub fn unpack(bytes: &[u8]) -> Result<Vec<Entry>, EpubError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))?;
    let mut entries = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let mut file = archive.by_index(index)?;
        if file.is_dir() {
            continue;
        }
        let mut content = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
        file.read_to_end(&mut content)?;
        entries.push(Entry {
            name: file.name().to_string(),
            bytes: content,
        });
    }
    Ok(entries)
}

/// The zip timestamp for a moment in Unix seconds, clamped to the years
/// zip can store (1980 to 2107).
pub fn zip_time(unix_seconds: i64) -> zip::DateTime {
    const MIN: i64 = 315_532_800; // 1980-01-01T00:00:00Z
    const MAX: i64 = 4_354_819_198; // 2107-12-31T23:59:58Z
    let clamped = unix_seconds.clamp(MIN, MAX);
    chrono::DateTime::from_timestamp(clamped, 0)
        .and_then(|t| {
            use chrono::{Datelike, Timelike};
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

/// Packs `entries` into an EPUB container: `mimetype` first and stored
/// uncompressed, then the other files in the order given, deflated.
pub fn pack(entries: &[Entry], time: zip::DateTime) -> Result<Vec<u8>, EpubError> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(time)
        .unix_permissions(0o644);
    writer.start_file("mimetype", stored)?;
    writer.write_all(b"application/epub+zip")?;
    for entry in entries.iter().filter(|e| e.name != "mimetype") {
        writer.start_file(entry.name.as_str(), deflated)?;
        writer.write_all(&entry.bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_time_clamps_to_the_zip_range() {
        let epoch = zip_time(0);
        assert_eq!((epoch.year(), epoch.month(), epoch.day()), (1980, 1, 1));
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
    fn packing_puts_mimetype_first_and_round_trips() -> Result<(), EpubError> {
        let entries = vec![
            Entry {
                name: "OEBPS/a.xhtml".into(),
                bytes: b"<a/>".to_vec(),
            },
            Entry {
                name: "mimetype".into(),
                bytes: b"ignored".to_vec(),
            },
        ];
        let bytes = pack(&entries, zip_time(0))?;
        // The OCF signature: a stored `mimetype` entry at offset 0.
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..58], b"application/epub+zip");
        let back = unpack(&bytes)?;
        assert_eq!(back[0].name, "mimetype");
        assert_eq!(back[0].bytes, b"application/epub+zip");
        assert_eq!(back[1], entries[0]);
        Ok(())
    }
}
