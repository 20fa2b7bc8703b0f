//! Renders a book of interviews (any inputs folio-core reads) to one PDF:
//! `cargo run -p folio-pdf --example book -- OUT.pdf "Book title" a.md b.md …`.

mod common;

use std::process::ExitCode;

use folio_core::{Anthology, BookOrder, Meta};
use folio_pdf::{PdfOptions, pdf_book};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [output, title, inputs @ ..] = args.as_slice() else {
        eprintln!("usage: book OUT.pdf TITLE INTERVIEW...");
        return ExitCode::from(2);
    };
    let mut interviews = Vec::new();
    for input in inputs {
        match folio_core::read_path(std::path::Path::new(input), &Default::default()) {
            Ok(parsed) => interviews.push(parsed.interview),
            Err(e) => {
                eprintln!("{input}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let meta = Meta {
        title: Some(title.clone()),
        ..Meta::default()
    };
    let book = Anthology::new(meta, interviews, BookOrder::Given);
    let options = PdfOptions {
        common: folio_core::WriterOptions {
            source_date_epoch: folio_core::source_date_epoch_from_env(),
            base_dir: inputs
                .first()
                .and_then(|p| std::path::Path::new(p).parent())
                .map(|p| p.to_path_buf()),
            ..Default::default()
        },
        ..PdfOptions::default()
    };
    common::write_rendered(pdf_book(&book, &options), output)
}
