//! The `folio` binary: parse arguments, call the library, report.
//! Exit status: 0 on success, 1 when reading or converting failed, 2 for bad usage.

mod book;
mod cli;
mod convert;
mod fonts;
mod input;
mod inspect;
mod render;
mod style;
mod write;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::input::UsageError;

/// Layout allocates many small vectors (glyphs, lines) on several threads;
/// mimalloc serves them in a fraction of the system allocator's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Book(args) => book::run(args),
        Command::Convert(args) => convert::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Fonts(args) => fonts::run(args),
        Command::Style(args) => style::run(args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "folio", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command)
                .render(&mut std::io::stdout())
                .map_err(anyhow::Error::from)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if err.downcast_ref::<convert::AlreadyReported>().is_none() {
                report(&err);
            }
            if err.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// Prints an error the way people expect: what, where (with the line), and the causes.
pub(crate) fn report(err: &anyhow::Error) {
    eprintln!("error: {err}");
    if let Some(core) = err.downcast_ref::<folio_core::Error>()
        && let Some(location) = core.location()
    {
        let number = location.line.to_string();
        let pad = " ".repeat(number.len());
        eprintln!("{pad} |");
        eprintln!("{number} | {}", location.source_line);
        let caret_at = location
            .source_line
            .chars()
            .take(location.column.saturating_sub(1))
            .count();
        eprintln!("{pad} | {}^", " ".repeat(caret_at));
    }
    for cause in err.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
}
