//! The model readers (JSON and YAML) never panic; a model they accept
//! survives a JSON round trip unchanged.
#![no_main]

use folio_core::{InputFormat, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [InputFormat::Json, InputFormat::Yaml] {
        let options = ReadOptions {
            format: Some(format),
            ..ReadOptions::default()
        };
        if let Ok(parsed) = folio_core::read_bytes(data, "fuzz", &options) {
            let json = serde_json_round_trip(&parsed.interview);
            assert_eq!(json.as_ref(), Some(&parsed.interview));
        }
    }
});

fn serde_json_round_trip(interview: &folio_core::Interview) -> Option<folio_core::Interview> {
    let bytes = serde_json::to_vec(interview).ok()?;
    let options = ReadOptions {
        format: Some(InputFormat::Json),
        ..ReadOptions::default()
    };
    folio_core::read_bytes(&bytes, "round-trip.json", &options)
        .ok()
        .map(|p| p.interview)
}
