//! A `folio.toml` never makes Folio panic: it is a house style or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = folio_core::HouseStyle::from_toml(text, "folio.toml");
    }
});
