//! Writes an EPUB for an interview file in any form Folio reads (text,
//! Markdown, model JSON or YAML); figure and cover paths resolve against the
//! file's directory. Used by `.ci/check-epub.sh` to feed EPUBCheck.
//!
//! `cargo run -p folio-epub --example write_epub -- [--raw] INTERVIEW OUT.epub`
//!
//! `--raw` deserialises a model JSON file as it is, without the reader's
//! validation, to show the writer copes with models no reader would make.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio_core::{Interview, ReadOptions, read_path, source_date_epoch_from_env};
use folio_epub::{EpubOptions, epub};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let raw = args.first().is_some_and(|a| a == "--raw");
    if raw {
        args.remove(0);
    }
    let [model, out] = args.as_slice() else {
        eprintln!("usage: write_epub [--raw] INTERVIEW OUT.epub");
        return ExitCode::from(2);
    };
    match run(model, out, raw) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("write_epub: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(model: &str, out: &str, raw: bool) -> Result<(), String> {
    let interview: Interview = if raw {
        let text = std::fs::read_to_string(model).map_err(|e| format!("{model}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("{model}: {e}"))?
    } else {
        read_path(Path::new(model), &ReadOptions::default())
            .map_err(|e| e.to_string())?
            .interview
    };
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
