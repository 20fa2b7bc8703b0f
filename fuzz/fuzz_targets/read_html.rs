//! The web-page reader never panics, whatever the bytes (any encoding,
//! any nesting, any JSON-LD); what it accepts is a valid model.
#![no_main]

use folio_core::{InputFormat, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        format: Some(InputFormat::Html),
        ..ReadOptions::default()
    };
    if let Ok(parsed) = folio_core::read_bytes(data, "fuzz.html", &options) {
        assert!(!parsed.interview.turns.is_empty());
    }
});
