//! Unpacking epub-builder's archive and packing the final one ourselves:
//! `mimetype` first and stored, every entry stamped with the same fixed
//! time, so the same book always gives the same bytes.

use std::io::{Cursor, Read};

use folio_core::archive::{Compression, ZipEntry, write_zip};
use zip::ZipArchive;

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

/// Packs `entries` into an EPUB container with core's zip writer:
/// `mimetype` first and stored uncompressed, then the other files in the
/// order given, deflated, all stamped with `unix_seconds`.
pub fn pack(entries: &[Entry], unix_seconds: i64) -> Result<Vec<u8>, EpubError> {
    let mimetype = ZipEntry {
        name: "mimetype",
        bytes: b"application/epub+zip",
        compression: Compression::Stored,
    };
    let files = entries
        .iter()
        .filter(|e| e.name != "mimetype")
        .map(|entry| ZipEntry {
            name: &entry.name,
            bytes: &entry.bytes,
            compression: Compression::Deflated,
        });
    Ok(write_zip(
        std::iter::once(mimetype).chain(files),
        unix_seconds,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let bytes = pack(&entries, 0)?;
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
