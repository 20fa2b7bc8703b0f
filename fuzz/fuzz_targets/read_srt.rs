//! The Srt reader never panics, whatever the bytes; what it accepts is a
//! valid model.
#![no_main]

use folio_core::{InputFormat, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        format: Some(InputFormat::Srt),
        // The clean-verbatim pass runs on half the inputs.
        clean_verbatim: data.first().is_some_and(|b| b & 1 == 1),
        ..ReadOptions::default()
    };
    if let Ok(parsed) = folio_core::read_bytes(data, "fuzz", &options) {
        assert!(!parsed.interview.turns.is_empty());
    }
});
