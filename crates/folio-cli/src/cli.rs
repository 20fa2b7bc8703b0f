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
    /// Convert interviews to PDF, DOCX and EPUB
    Convert(Box<ConvertArgs>),
    /// Put many interviews into one book (PDF, DOCX or EPUB) with a table of contents
    Book(Box<BookArgs>),
    /// Show what Folio understood of an interview: metadata, speakers, turns, warnings
    Inspect(InspectArgs),
    /// List the fonts Folio uses for PDF and the scripts each covers
    Fonts(FontsArgs),
    /// Work with house styles (folio.toml)
    Style(StyleArgs),
    /// Serve the web page and the HTTP API (on this computer only, unless --bind says otherwise)
    Serve(ServeArgs),
    /// Print the JSON Schema of the interview model (what `inspect --json` writes and `convert` reads)
    Schema,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output
    Man,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Interview files or folders of interviews (`-` for standard input)
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output formats, comma-separated: pdf, docx, epub (default: all three, or the format of -o)
    #[arg(long, value_delimiter = ',', value_name = "FORMATS")]
    pub to: Vec<String>,
    /// Write the one output to FILE (`-` for standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write outputs into DIR instead of beside each input
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    #[command(flatten)]
    pub render: RenderArgs,
    /// Convert at most N inputs at once (default, or 0: one per core; at most 256)
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Convert only the K-th of N deterministic slices of the inputs (for spreading a batch over machines)
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Print no warnings and no summary
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How to read the input.
#[derive(Debug, Args, Clone, Default)]
pub struct ReadArgs {
    /// Input format: text, markdown, json, yaml, vtt, srt, transcript, transcript-json, html or docx (default: from the extension, then the content)
    #[arg(long, value_name = "FORMAT")]
    pub from: Option<String>,
    /// Treat LABEL as the interviewer (repeatable)
    #[arg(long, value_name = "LABEL")]
    pub interviewer: Vec<String>,
    /// Set a speaker's role: LABEL=ROLE, ROLE one of interviewer, interviewee, moderator, interpreter, group, other (repeatable)
    #[arg(long, value_name = "LABEL=ROLE")]
    pub role: Vec<String>,
    /// Set metadata, overriding the source: title, subtitle, author, date, language, ... (repeatable)
    #[arg(short = 'M', long = "metadata", value_name = "KEY=VALUE")]
    pub metadata: Vec<String>,
    /// Keep straight quotes, -- and ... as typed instead of the language's typographic forms
    #[arg(long)]
    pub no_smart_punctuation: bool,
    /// Name a transcript's speaker: ID=NAME, e.g. "SPEAKER_00=Dana Park"; two ids with one name are one speaker (repeatable)
    #[arg(long, value_name = "ID=NAME")]
    pub speaker: Vec<String>,
    /// Where a transcript's start times are shown: none, turns or paragraphs (default: the house style's, turns)
    #[arg(long, value_name = "WHERE")]
    pub timestamps: Option<String>,
    /// Remove filler words (um, uh, er…) from a transcript and record that it was cleaned
    #[arg(long)]
    pub clean_verbatim: bool,
}

/// How outputs look: shared by `convert` and `book`.
#[derive(Debug, Args, Clone, Default)]
pub struct RenderArgs {
    /// Paper size for PDF and DOCX: a4 or letter (default: the house style's)
    #[arg(long, value_name = "SIZE")]
    pub paper: Option<String>,
    /// PDF standards to meet and declare: ua-1 (accessible), a-2b, a-2u or
    /// a-2a (archival), or several, e.g. ua-1,a-2a (default: the house
    /// style's; the PDF is tagged either way)
    #[arg(long, value_name = "LIST")]
    pub pdf_standard: Option<String>,
    /// House style file (default: folio.toml in the current folder, if any)
    #[arg(long, value_name = "FILE")]
    pub style: Option<PathBuf>,
    /// A font file for characters the default fonts lack (PDF)
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
    /// A font file for Chinese, Japanese and Korean text (PDF)
    #[arg(long, value_name = "FILE")]
    pub cjk_font: Option<PathBuf>,
    /// Take styles, page setup, headers and footers from this .docx (DOCX)
    #[arg(long, value_name = "FILE")]
    pub reference_docx: Option<PathBuf>,
    /// Cover image (EPUB)
    #[arg(long, value_name = "FILE")]
    pub cover: Option<PathBuf>,
    /// Flush each output to the disk before moving it into place, so that it survives a power cut (slower)
    #[arg(long)]
    pub sync: bool,
    /// Read images from outside the interview's folder (absolute paths, ../, links out); refused by default
    #[arg(long)]
    pub allow_outside: bool,
}

/// Order of the interviews in a book.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum BookSort {
    /// The order the inputs are given in
    #[default]
    Given,
    /// By published date, oldest first
    Date,
}

#[derive(Debug, Args)]
pub struct BookArgs {
    /// Interview files or folders of interviews, in reading order
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The book file: .pdf, .docx or .epub (`-` for standard output, with --to)
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    pub output: PathBuf,
    /// Output format: pdf, docx or epub (default: from the extension of -o)
    #[arg(long, value_name = "FORMAT")]
    pub to: Option<String>,
    /// The book's title
    #[arg(long, required = true)]
    pub title: String,
    /// The book's author or editor (repeatable)
    #[arg(long)]
    pub author: Vec<String>,
    /// Order of the interviews
    #[arg(long, value_enum, default_value_t = BookSort::Given)]
    pub sort: BookSort,
    /// Print no warnings
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub render: RenderArgs,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct FontsArgs {
    /// A font file for characters the default fonts lack
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
    /// A font file for Chinese, Japanese and Korean text
    #[arg(long, value_name = "FILE")]
    pub cjk_font: Option<PathBuf>,
    /// House style file (default: folio.toml in the current folder, if any)
    #[arg(long, value_name = "FILE")]
    pub style: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StyleArgs {
    /// Print the default house style as a commented folio.toml
    #[arg(long)]
    pub print_default: bool,
    /// Check a folio.toml and print the style it gives
    #[arg(long, value_name = "FILE", conflicts_with = "print_default")]
    pub check: Option<PathBuf>,
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

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; one other than loopback needs --token
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Port to listen on (0: any free port, printed at start)
    #[arg(long, default_value_t = 8040)]
    pub port: u16,
    /// Open the page in the default browser
    #[arg(long)]
    pub open: bool,
    /// Access token every API call must carry (Authorization: Bearer TOKEN)
    #[arg(
        long,
        env = "FOLIO_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
    /// Largest request body, in megabytes
    #[arg(long, value_name = "MB", default_value_t = 10.0)]
    pub max_body: f64,
    /// Most images one request may carry
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_images: usize,
    /// Longest a conversion may take, in seconds; past it the request gets 503
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    pub timeout: f64,
    /// Most requests handled at once; more get 503 with Retry-After
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_requests: usize,
    /// Longest a client may take to send a request's headers, and again its body, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub read_timeout: f64,
    /// Conversions run at once (default, or 0: one per core)
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// House style for requests that bring none (default: folio.toml in the current folder, if any)
    #[arg(long, value_name = "FILE")]
    pub style: Option<PathBuf>,
    /// Print no line per request
    #[arg(short, long)]
    pub quiet: bool,
}
