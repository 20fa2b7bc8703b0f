//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    about = "Turn interviews into print handouts (PDF), e-books (EPUB) and office documents (DOCX)",
    long_about = "Folio reads interviews as they arrive (text copied from a web page, Markdown with front matter, or Folio's own JSON/YAML model), understands them as interviews (headline, dates, speakers and their roles, questions and answers), and writes PDF, DOCX and EPUB."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what Folio understood of an interview: metadata, speakers, turns, warnings
    Inspect(InspectArgs),
}

/// How to read the input.
#[derive(Debug, Args, Clone, Default)]
pub struct ReadArgs {
    /// Input format: text, markdown, json or yaml (default: from the extension, then the content)
    #[arg(long, value_name = "FORMAT")]
    pub from: Option<String>,
    /// Treat LABEL as the interviewer (repeatable)
    #[arg(long, value_name = "LABEL")]
    pub interviewer: Vec<String>,
    /// Set a speaker's role: LABEL=ROLE, ROLE one of interviewer, interviewee, moderator, interpreter, group, other (repeatable)
    #[arg(long, value_name = "LABEL=ROLE")]
    pub role: Vec<String>,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The interview file (`-` for standard input)
    pub input: PathBuf,
    /// Print the model as JSON instead of an outline
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}
