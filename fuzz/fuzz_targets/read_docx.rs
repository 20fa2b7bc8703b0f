//! The DOCX reader never panics, whatever the bytes; what it accepts is a
//! valid model. Input starting like a zip is read as the package itself;
//! anything else is taken as `word/document.xml` and zipped, so the fuzzer
//! reaches the XML and the styles rather than spending itself on the zip.
#![no_main]

use std::io::Write;

use folio_core::{InputFormat, ReadOptions};
use libfuzzer_sys::fuzz_target;

fn package(document: &[u8]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    if writer.start_file("word/document.xml", options).is_ok() {
        let _ = writer.write_all(document);
    }
    writer
        .finish()
        .map(std::io::Cursor::into_inner)
        .unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        package(data)
    };
    let options = ReadOptions {
        format: Some(InputFormat::Docx),
        ..ReadOptions::default()
    };
    if let Ok(parsed) = folio_core::read_bytes(&bytes, "fuzz.docx", &options) {
        assert!(!parsed.interview.turns.is_empty());
        // A model read must survive a JSON round trip.
        let json = serde_json::to_string(&parsed.interview).unwrap_or_default();
        let back: Result<folio_core::Interview, _> = serde_json::from_str(&json);
        assert_eq!(back.ok().as_ref(), Some(&parsed.interview));
    }
});
