//! The zip container: parts in a fixed order, fixed timestamps and
//! permissions, so the same parts always give the same bytes.

use std::io::{Cursor, Write};

use chrono::{Datelike, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::DocxError;

/// One part of the package: its name inside the zip and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Zips `parts` in the given order, every entry stamped with `unix_seconds`
/// (clamped to the zip epoch, 1980).
pub fn write(parts: &[Part], unix_seconds: i64) -> Result<Vec<u8>, DocxError> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(unix_seconds))
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for part in parts {
        zip.start_file(part.name.as_str(), options)?;
        zip.write_all(&part.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// A zip timestamp for a Unix time; outside the range zip can store, the
/// zip epoch.
fn zip_time(unix_seconds: i64) -> zip::DateTime {
    let fallback = zip::DateTime::default();
    let Some(time) = chrono::DateTime::from_timestamp(unix_seconds, 0) else {
        return fallback;
    };
    let Ok(year) = u16::try_from(time.year()) else {
        return fallback;
    };
    // Each value is within its u8 range by construction.
    let small = |value: u32| u8::try_from(value).unwrap_or(0);
    zip::DateTime::from_date_and_time(
        year,
        small(time.month()),
        small(time.day()),
        small(time.hour()),
        small(time.minute()),
        small(time.second()),
    )
    .unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_unix_time_to_zip_time() {
        let time = zip_time(1_763_336_040); // 2025-11-16T23:34:00Z
        assert_eq!(
            (
                time.year(),
                time.month(),
                time.day(),
                time.hour(),
                time.minute()
            ),
            (2025, 11, 16, 23, 34)
        );
        assert_eq!(zip_time(0), zip::DateTime::default());
    }
}
