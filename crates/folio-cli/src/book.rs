//! `folio book`: many interviews as one book, in the given order or by date.
//! A book with a chapter missing is wrong, so any unreadable input fails the
//! whole book and nothing is written.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use folio_core::{Anthology, BookOrder, Meta};
use rayon::prelude::*;

use crate::cli::{BookArgs, BookSort};
use crate::convert::{AlreadyReported, expand_inputs, settings_from};
use crate::input::{UsageError, read_input, read_options};
use crate::render::{OutputFormat, render_book};
use crate::write::write_atomically;

pub fn run(args: &BookArgs) -> Result<()> {
    let mut read = read_options(&args.read)?;
    let format = book_format(args)?;
    let inputs = expand_inputs(&args.inputs)?;
    if inputs.is_empty() {
        bail!(UsageError("no interviews to put in the book".into()));
    }
    let mut settings = settings_from(&args.render)?;
    read.straight_punctuation |= !settings.style.smart_punctuation;
    if args.read.timestamps.is_none() {
        read.timestamps = settings.style.timestamps;
    }
    // Figure paths are relative to their interview; a book has one base
    // folder. When the interviews share a folder, that is the base; when
    // they do not, each interview's paths are rebased onto its own folder
    // and resolve from the working directory.
    let parents: Vec<Option<&std::path::Path>> = inputs.iter().map(|p| p.parent()).collect();
    let shared_folder = parents.windows(2).all(|pair| pair[0] == pair[1]);
    settings.base_dir = if shared_folder {
        parents.first().copied().flatten().map(Path::to_path_buf)
    } else {
        Some(PathBuf::from("."))
    };
    // Each interview's images were confined to its own folder before its
    // paths were rebased: the writers need not check them again.
    let confined = !shared_folder && !settings.allow_outside;
    if confined {
        settings.allow_outside = true;
    }
    let results: Vec<_> = inputs
        .par_iter()
        .map(|input| read_input(input, &read))
        .collect();
    let mut interviews = Vec::with_capacity(results.len());
    let mut failed = 0;
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Ok(parsed) => {
                if !args.quiet {
                    let warnings: Vec<String> =
                        parsed.warnings.iter().map(ToString::to_string).collect();
                    crate::convert::print_warnings(input, &warnings);
                }
                let mut interview = parsed.interview;
                if !shared_folder && let Some(folder) = input.parent() {
                    if confined {
                        let folder = if folder.as_os_str().is_empty() {
                            Path::new(".")
                        } else {
                            folder
                        };
                        for dropped in interview.confine_images(folder) {
                            if !args.quiet {
                                eprintln!("warning: {}: {dropped}", input.display());
                            }
                        }
                    }
                    interview.rebase_images(folder);
                }
                interviews.push(interview);
            }
            Err(err) => {
                failed += 1;
                crate::report(&err);
            }
        }
    }
    if failed > 0 {
        return Err(anyhow!(AlreadyReported(format!(
            "{failed} of {} interviews could not be read; the book was not written",
            inputs.len()
        ))));
    }
    let meta = Meta {
        title: Some(args.title.clone()),
        authors: args.author.clone(),
        ..Meta::default()
    };
    let order = match args.sort {
        BookSort::Given => BookOrder::Given,
        BookSort::Date => BookOrder::Date,
    };
    let mut book = Anthology::new(meta, interviews, order);
    for (key, value) in &read.metadata {
        folio_core::apply_metadata(&mut book.meta, key, value).map_err(UsageError)?;
    }
    let rendered = render_book(format, &book, &settings)?;
    if !args.quiet {
        for warning in &rendered.warnings {
            eprintln!("warning: {}: {warning}", args.output.display());
        }
    }
    if args.output.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&rendered.bytes)?;
        stdout.flush()?;
    } else {
        write_atomically(&args.output, &rendered.bytes, &inputs, settings.sync)?;
        if !args.quiet {
            eprintln!(
                "wrote {} ({} interviews)",
                args.output.display(),
                book.interviews.len()
            );
        }
    }
    Ok(())
}

fn book_format(args: &BookArgs) -> Result<OutputFormat> {
    if let Some(name) = &args.to {
        let asked = OutputFormat::parse(name).ok_or_else(|| {
            anyhow!(UsageError(format!(
                "unknown output format {name:?}; expected pdf, docx or epub"
            )))
        })?;
        // `-o book.pdf --to epub` would put EPUB bytes in a file named .pdf.
        if let Some(named) = args
            .output
            .extension()
            .and_then(|e| e.to_str())
            .and_then(OutputFormat::parse)
            && named != asked
        {
            bail!(UsageError(format!(
                "-o {} names a {} file, but --to asks for {}",
                args.output.display(),
                named.extension().to_uppercase(),
                asked.extension().to_uppercase()
            )));
        }
        return Ok(asked);
    }
    let ext: Option<PathBuf> = args.output.extension().map(PathBuf::from);
    ext.and_then(|e| e.to_str().and_then(OutputFormat::parse))
        .ok_or_else(|| {
            anyhow!(UsageError(format!(
                "cannot tell the book's format from {:?}; name it .pdf, .docx or .epub, or pass --to",
                args.output.display().to_string()
            )))
        })
}
