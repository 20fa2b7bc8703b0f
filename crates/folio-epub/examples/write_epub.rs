//! Writes an EPUB for an interview model given as JSON (serde of
//! `folio_core::Interview`); figure paths resolve against the JSON's
//! directory. Used by `.ci/check-epub.sh` to feed EPUBCheck.
//!
//! `cargo run -p folio-epub --example write_epub -- MODEL.json OUT.epub`

use std::path::PathBuf;
use std::process::ExitCode;

use folio_core::{Interview, source_date_epoch_from_env};
use folio_epub::{EpubOptions, epub};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, out] = args.as_slice() else {
        eprintln!("usage: write_epub MODEL.json OUT.epub");
        return ExitCode::from(2);
    };
    match run(model, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("write_epub: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(model: &str, out: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(model).map_err(|e| format!("{model}: {e}"))?;
    let interview: Interview = serde_json::from_str(&text).map_err(|e| format!("{model}: {e}"))?;
    let options = EpubOptions {
        source_date_epoch: source_date_epoch_from_env(),
        base_dir: PathBuf::from(model).parent().map(PathBuf::from),
        ..EpubOptions::default()
    };
    let rendered = epub(&interview, &options).map_err(|e| e.to_string())?;
    for warning in &rendered.warnings {
        eprintln!("{model}: warning: {warning}");
    }
    std::fs::write(out, &rendered.bytes).map_err(|e| format!("{out}: {e}"))
}
