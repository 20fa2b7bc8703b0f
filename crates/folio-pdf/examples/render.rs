//! Renders an interview (any input folio-core reads) to PDF:
//! `cargo run -p folio-pdf --example render -- interview.md out.pdf [a4|letter]`.

mod common;

use std::process::ExitCode;

use folio_core::{Interview, Paper};
use folio_pdf::{PdfOptions, pdf};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, rest @ ..] = args.as_slice() else {
        eprintln!("usage: render INTERVIEW OUT.pdf [a4|letter]");
        return ExitCode::from(2);
    };
    let read = folio_core::read_path(std::path::Path::new(input), &Default::default());
    let interview: Interview = match read {
        Ok(parsed) => parsed.interview,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let options = PdfOptions {
        common: folio_core::WriterOptions {
            paper: rest
                .first()
                .and_then(|p| Paper::parse(p))
                .unwrap_or_default(),
            source_date_epoch: folio_core::source_date_epoch_from_env(),
            base_dir: std::path::Path::new(input)
                .parent()
                .map(|p| p.to_path_buf()),
            ..Default::default()
        },
        ..PdfOptions::default()
    };
    common::write_rendered(pdf(&interview, &options), output)
}
