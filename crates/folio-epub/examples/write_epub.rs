//! Writes an EPUB for an interview file in any form Folio reads (text,
//! Markdown, model JSON or YAML); figure and cover paths resolve against the
//! file's directory. Used by `.ci/check-epub.sh` to feed EPUBCheck.
//!
//! ```text
//! cargo run -p folio-epub --example write_epub -- INTERVIEW OUT.epub
//! cargo run -p folio-epub --example write_epub -- --raw MODEL.json OUT.epub
//! cargo run -p folio-epub --example write_epub -- --book OUT.epub INTERVIEW...
//! ```
//!
//! `--raw` deserialises a model JSON file as it is, without the reader's
//! validation, to show the writer copes with models no reader would make.
//! `--book` writes the interviews as one anthology.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio_core::{
    Anthology, BookOrder, Interview, Meta, ReadOptions, Rendered, read_path,
    source_date_epoch_from_env,
};
use folio_epub::{EpubOptions, epub, epub_book};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, model, out] if flag == "--raw" => raw(model).and_then(|i| write(&i, model, out)),
        [flag, out, inputs @ ..] if flag == "--book" && !inputs.is_empty() => book(inputs, out),
        [model, out] => read(model).and_then(|i| write(&i, model, out)),
        _ => {
            eprintln!(
                "usage: write_epub [--raw] INTERVIEW OUT.epub | --book OUT.epub INTERVIEW..."
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("write_epub: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<Interview, String> {
    Ok(read_path(Path::new(path), &ReadOptions::default())
        .map_err(|e| e.to_string())?
        .interview)
}

fn raw(path: &str) -> Result<Interview, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

fn options(input: &str) -> EpubOptions {
    EpubOptions {
        common: folio_core::WriterOptions {
            source_date_epoch: source_date_epoch_from_env(),
            base_dir: PathBuf::from(input).parent().map(PathBuf::from),
            ..Default::default()
        },
        ..EpubOptions::default()
    }
}

fn write(interview: &Interview, input: &str, out: &str) -> Result<(), String> {
    let rendered = epub(interview, &options(input)).map_err(|e| e.to_string())?;
    save(rendered, input, out)
}

fn book(inputs: &[String], out: &str) -> Result<(), String> {
    let interviews = inputs
        .iter()
        .map(|i| read(i))
        .collect::<Result<Vec<_>, _>>()?;
    let meta = Meta {
        title: Some("Folio anthology".into()),
        ..Meta::default()
    };
    let anthology = Anthology::new(meta, interviews, BookOrder::Given);
    let rendered = epub_book(&anthology, &options(&inputs[0])).map_err(|e| e.to_string())?;
    save(rendered, "anthology", out)
}

fn save(rendered: Rendered, input: &str, out: &str) -> Result<(), String> {
    for warning in &rendered.warnings {
        eprintln!("{input}: warning: {warning}");
    }
    std::fs::write(out, &rendered.bytes).map_err(|e| format!("{out}: {e}"))
}
