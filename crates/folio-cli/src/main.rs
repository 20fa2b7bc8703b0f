//! The `folio` binary: parse arguments, call the library, report.
//! Exit status: 0 on success, 1 when reading or converting failed, 2 for bad usage.

mod book;
mod cli;
mod convert;
mod fonts;
mod input;
mod inspect;
mod render;
mod serve;
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
        Command::Serve(args) => serve::run(args),
        Command::Schema => {
            let schema = folio_core::interview_schema();
            serde_json::to_string_pretty(&schema)
                .map(|json| println!("{json}"))
                .map_err(anyhow::Error::from)
        }
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
/// At most this many characters of a source line are shown under an error.
const SNIPPET_CHARS: usize = 100;

/// The part of a long line around `column` (1-based), with `…` where it is
/// cut, and where the caret goes in it: a 10 KB line is not printed whole.
fn snippet(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    if chars.len() <= SNIPPET_CHARS {
        return (line.to_string(), at);
    }
    let start = at.saturating_sub(SNIPPET_CHARS / 2);
    let end = (start + SNIPPET_CHARS).min(chars.len());
    let start = end.saturating_sub(SNIPPET_CHARS);
    let mut shown = String::new();
    let mut caret = at - start;
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

pub(crate) fn report(err: &anyhow::Error) {
    eprintln!("error: {err}");
    if let Some(core) = err.downcast_ref::<folio_core::Error>()
        && let Some(location) = core.location()
    {
        let number = location.line.to_string();
        let pad = " ".repeat(number.len());
        let (shown, caret_at) = snippet(&location.source_line, location.column);
        eprintln!("{pad} |");
        eprintln!("{number} | {shown}");
        eprintln!("{pad} | {}^", " ".repeat(caret_at));
    }
    for cause in err.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn long_lines_are_cut_around_the_error() {
        assert_eq!(snippet("short line", 3), ("short line".to_string(), 2));
        let long = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let (shown, caret) = snippet(&long, 5001);
        assert_eq!(shown.chars().count(), 102);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(caret), Some('X'));
        let (shown, caret) = snippet(&long, 1);
        assert!(shown.starts_with('a') && shown.ends_with('…'));
        assert_eq!(caret, 0);
    }
}
