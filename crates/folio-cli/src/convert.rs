//! `folio convert`: read each input once, write each requested format, and
//! report per file. One bad input fails alone; the others are still written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, anyhow, bail};
use folio_core::{Paper, ReadOptions};
use rayon::prelude::*;

use crate::cli::{ConvertArgs, RenderArgs};
use crate::input::{UsageError, read_input, read_options};
use crate::render::{OutputFormat, RenderSettings, render};
use crate::write::write_atomically;

/// Where one output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    Stdout,
}

/// One input and the outputs to make from it.
#[derive(Debug, Clone)]
pub struct Job {
    pub input: PathBuf,
    pub outputs: Vec<(OutputFormat, Target)>,
    /// Another input of the batch would write the same file: this one is
    /// refused before anything is written, and says which.
    pub clash: Option<String>,
}

/// The result of one input's conversion, for the report.
struct Outcome {
    input: PathBuf,
    written: Vec<PathBuf>,
    warnings: Vec<String>,
    error: Option<anyhow::Error>,
}

pub fn run(args: &ConvertArgs) -> Result<()> {
    let started = Instant::now();
    let mut read = read_options(&args.read)?;
    let formats = formats(args)?;
    let jobs = plan(args, &formats)?;
    let settings = settings_from(&args.render)?;
    read.straight_punctuation |= !settings.style.smart_punctuation;
    if args.read.timestamps.is_none() {
        read.timestamps = settings.style.timestamps;
    }
    let inputs: Vec<PathBuf> = jobs.iter().map(|j| j.input.clone()).collect();
    // This thread works in the pool rather than waiting for it: one thread
    // fewer to start. (The pool then lives until the process ends.)
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(worker_threads(args.jobs, jobs.len()))
        .use_current_thread()
        .build()
        .context("cannot start worker threads")?;
    let progress = progress_bar(args, jobs.len());
    let makes_pdf = jobs
        .iter()
        .any(|job| job.outputs.iter().any(|(f, _)| *f == OutputFormat::Pdf));
    let outcomes: Vec<Outcome> = pool.install(|| {
        // The built-in fonts are made ready on a spare core while the first
        // input is read.
        if makes_pdf {
            rayon::spawn(folio_pdf::prepare);
        }
        // One input at a time per core, so that a long input does not keep
        // a run of others waiting behind it.
        jobs.par_iter()
            .with_max_len(1)
            .map(|job| {
                let outcome = convert_one(job, &read, &settings, &inputs);
                progress.inc(1);
                outcome
            })
            .collect()
    });
    progress.finish_and_clear();

    let mut failed = 0;
    let mut written = 0;
    for outcome in &outcomes {
        if !args.quiet {
            print_warnings(&outcome.input, &outcome.warnings);
        }
        written += outcome.written.len();
        if let Some(err) = &outcome.error {
            failed += 1;
            crate::report(err);
        }
    }
    if !args.quiet && (outcomes.len() > 1 || args.shard.is_some()) {
        eprintln!(
            "converted {} of {} inputs ({} files written), {} failed, in {:.2}s",
            outcomes.len() - failed,
            outcomes.len(),
            written,
            failed,
            started.elapsed().as_secs_f64()
        );
    }
    if failed > 0 {
        // Already reported above, input by input.
        return Err(anyhow!(AlreadyReported(format!(
            "{failed} of {} inputs failed",
            outcomes.len()
        ))));
    }
    Ok(())
}

/// Threads for a batch: `--jobs N` (0 or none: one per core), never more
/// than there are inputs or than [`MAX_JOBS`], since each thread costs
/// memory and a core can convert only one input at a time.
fn worker_threads(asked: Option<usize>, inputs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let wanted = match asked {
        None | Some(0) => cores,
        Some(n) => n,
    };
    wanted.min(MAX_JOBS).min(inputs.max(1))
}

/// The most threads `--jobs` starts.
const MAX_JOBS: usize = 256;

/// At most this many warnings are printed for one input.
const MAX_WARNINGS_SHOWN: usize = 100;

/// Prints an input's warnings, at most [`MAX_WARNINGS_SHOWN`] of them: a
/// front matter of thousands of unknown keys must not bury the summary.
pub fn print_warnings(input: &Path, warnings: &[String]) {
    for warning in warnings.iter().take(MAX_WARNINGS_SHOWN) {
        eprintln!("warning: {}: {warning}", input.display());
    }
    if warnings.len() > MAX_WARNINGS_SHOWN {
        eprintln!(
            "warning: {}: … and {} more warnings; `folio inspect {}` lists them all",
            input.display(),
            warnings.len() - MAX_WARNINGS_SHOWN,
            input.display()
        );
    }
}

/// An error whose details were printed already: only the exit status is left to set.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct AlreadyReported(pub String);

/// A progress bar on a terminal; hidden when output is not a terminal or with --quiet.
fn progress_bar(args: &ConvertArgs, total: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if args.quiet || total < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} converting {pos}/{len} [{bar:30}] {elapsed_precise}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn convert_one(
    job: &Job,
    read: &ReadOptions,
    settings: &RenderSettings,
    inputs: &[PathBuf],
) -> Outcome {
    let mut outcome = Outcome {
        input: job.input.clone(),
        written: Vec::new(),
        warnings: Vec::new(),
        error: None,
    };
    if let Some(clash) = &job.clash {
        outcome.error = Some(anyhow!("{}: {clash}", job.input.display()));
        return outcome;
    }
    let parsed = match read_input(&job.input, read) {
        Ok(parsed) => parsed,
        Err(err) => {
            outcome.error = Some(err);
            return outcome;
        }
    };
    outcome
        .warnings
        .extend(parsed.warnings.iter().map(ToString::to_string));
    let mut settings = settings.clone();
    if settings.base_dir.is_none() {
        settings.base_dir = job.input.parent().map(Path::to_path_buf);
    }
    for (format, target) in &job.outputs {
        let result = render(*format, &parsed.interview, &settings).and_then(|rendered| {
            outcome
                .warnings
                .extend(rendered.warnings.iter().map(ToString::to_string));
            match target {
                Target::Stdout => {
                    crate::write::write_stdout(&rendered.bytes)?;
                    Ok(None)
                }
                Target::File(path) => {
                    write_atomically(path, &rendered.bytes, inputs, settings.sync)
                        .map(|()| Some(path.clone()))
                }
            }
        });
        match result {
            Ok(Some(path)) => outcome.written.push(path),
            Ok(None) => {}
            Err(err) => {
                let err = err.context(format!(
                    "{}: cannot write {}",
                    job.input.display(),
                    format.extension().to_uppercase()
                ));
                outcome.error = Some(err);
                return outcome;
            }
        }
    }
    outcome
}

fn formats(args: &ConvertArgs) -> Result<Vec<OutputFormat>> {
    if !args.to.is_empty() {
        let mut formats = Vec::new();
        for name in &args.to {
            let format = OutputFormat::parse(name).ok_or_else(|| {
                UsageError(format!(
                    "unknown output format {name:?}; expected pdf, docx or epub"
                ))
            })?;
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
        return Ok(formats);
    }
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let format = OutputFormat::parse(ext).ok_or_else(|| {
                UsageError(format!(
                    "cannot tell the output format from {:?}; name the file .pdf, .docx or .epub, or pass --to",
                    path.display().to_string()
                ))
            })?;
            Ok(vec![format])
        }
        Some(_) => bail!(UsageError(
            "writing to standard output (-o -) needs --to pdf, docx or epub".into()
        )),
        None => Ok(OutputFormat::ALL.to_vec()),
    }
}

/// Inputs as given, with folders expanded to the interviews they hold and
/// glob patterns (quoted, so the shell left them alone) to the files they match.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    Ok(expand_inputs_in_folders(inputs)?
        .into_iter()
        .map(|(path, _)| path)
        .collect())
}

/// [`expand_inputs`], each input with the folder it was found in relative
/// to the folder given (empty for a file named directly), so that
/// `--out-dir` can keep the layout: `d1/a.md` and `d2/a.md` must not both
/// become `OUT/a.pdf`.
fn expand_inputs_in_folders(inputs: &[PathBuf]) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut out = Vec::new();
    let in_folder = |dir: &Path| -> Result<Vec<(PathBuf, PathBuf)>> {
        Ok(interviews_in(dir)?
            .into_iter()
            .map(|path| {
                let sub = path
                    .parent()
                    .and_then(|parent| parent.strip_prefix(dir).ok())
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                (path, sub)
            })
            .collect())
    };
    for input in inputs {
        let text = input.to_string_lossy();
        if input.is_dir() {
            out.extend(in_folder(input)?);
        } else if !input.exists() && text.contains(['*', '?', '[']) {
            let matches = glob::glob(&text)
                .map_err(|err| UsageError(format!("bad pattern {text:?}: {err}")))?;
            let mut matched = 0;
            for path in matches {
                let path = path.with_context(|| format!("{text}: cannot read a match"))?;
                matched += 1;
                if path.is_dir() {
                    out.extend(in_folder(&path)?);
                } else {
                    out.push((path, PathBuf::new()));
                }
            }
            if matched == 0 {
                bail!(UsageError(format!("no file matches {text:?}")));
            }
        } else {
            out.push((input.clone(), PathBuf::new()));
        }
    }
    Ok(out)
}

fn interviews_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    collect_interviews(dir, &mut found)
        .with_context(|| format!("{}: cannot list the folder", dir.display()))?;
    found.sort();
    Ok(found)
}

/// `--shard K/N`: 1-based slice K of N.
fn parse_shard(spec: &str) -> Result<(usize, usize)> {
    let parsed = spec.split_once('/').and_then(|(k, n)| {
        Some((
            k.trim().parse::<usize>().ok()?,
            n.trim().parse::<usize>().ok()?,
        ))
    });
    match parsed {
        Some((k, n)) if n >= 1 && (1..=n).contains(&k) => Ok((k, n)),
        _ => bail!(UsageError(format!(
            "--shard expects K/N with 1 <= K <= N, got {spec:?}"
        ))),
    }
}

/// The inputs of slice K of N: every N-th input from the K-th on, so slices
/// are disjoint, cover everything, and do not depend on the machine.
pub fn shard<T>(items: Vec<T>, k: usize, n: usize) -> Vec<T> {
    items
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, item)| item)
        .collect()
}

fn collect_interviews(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let first = found.len();
    collect_in(dir, found)?;
    // A `.docx` beside another input of the same name is that input's own
    // output (`a.md` wrote `a.docx`): converting the folder again must not
    // take it for a second interview.
    let here: Vec<PathBuf> = found.split_off(first);
    let stem = |p: &Path| p.with_extension("");
    let is_docx = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    };
    for path in &here {
        let written_by_sibling = is_docx(path)
            && here
                .iter()
                .any(|other| other != path && !is_docx(other) && stem(other) == stem(path));
        if !written_by_sibling {
            found.push(path.clone());
        }
    }
    Ok(())
}

fn collect_in(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_in(&path, found)?;
        } else if folio_core::InputFormat::from_extension(name).is_some()
            && !name.eq_ignore_ascii_case("README.md")
            // A transcript's sidecar (`talk.folio.yaml`) is read with it, not as an interview.
            && !name.to_ascii_lowercase().contains(".folio.")
        {
            found.push(path);
        }
    }
    Ok(())
}

fn plan(args: &ConvertArgs, formats: &[OutputFormat]) -> Result<Vec<Job>> {
    let mut inputs = expand_inputs_in_folders(&args.inputs)?;
    if let Some(spec) = &args.shard {
        let (k, n) = parse_shard(spec)?;
        inputs = shard(inputs, k, n);
        if inputs.is_empty() {
            // A slice can be empty when there are fewer inputs than slices: nothing to do.
            return Ok(Vec::new());
        }
    }
    if inputs.is_empty() {
        bail!(UsageError(
            "no interviews to convert: the folders given hold no .md, .txt, .json, .yaml, .vtt, .srt, .html or .docx files"
                .into()
        ));
    }
    let stdin_inputs = inputs.iter().filter(|(p, _)| p.as_os_str() == "-").count();
    if stdin_inputs > 1 {
        bail!(UsageError(
            "standard input (-) can be read only once".into()
        ));
    }
    if let Some(output) = &args.output {
        if args.out_dir.is_some() {
            bail!(UsageError(
                "-o and --out-dir cannot be used together".into()
            ));
        }
        if inputs.len() != 1 || formats.len() != 1 {
            bail!(UsageError(format!(
                "-o names one file, but {} inputs × {} formats make {} outputs; use --out-dir",
                inputs.len(),
                formats.len(),
                inputs.len() * formats.len()
            )));
        }
        // `-o a.pdf --to epub` would put EPUB bytes in a file named .pdf.
        if let Some(named) = output
            .extension()
            .and_then(|e| e.to_str())
            .and_then(OutputFormat::parse)
            && named != formats[0]
        {
            bail!(UsageError(format!(
                "-o {} names a {} file, but --to asks for {}",
                output.display(),
                named.extension().to_uppercase(),
                formats[0].extension().to_uppercase()
            )));
        }
        let target = if output.as_os_str() == "-" {
            Target::Stdout
        } else {
            Target::File(output.clone())
        };
        return Ok(vec![Job {
            input: inputs[0].0.clone(),
            outputs: vec![(formats[0], target)],
            clash: None,
        }]);
    }
    let mut jobs = Vec::new();
    for (input, folder) in inputs {
        if input.as_os_str() == "-" && args.out_dir.is_none() {
            bail!(UsageError(
                "reading standard input needs -o FILE or --out-dir DIR".into()
            ));
        }
        let stem = if input.as_os_str() == "-" {
            PathBuf::from("stdin")
        } else {
            PathBuf::from(input.file_stem().unwrap_or(input.as_os_str()))
        };
        let outputs = formats
            .iter()
            .map(|format| {
                // Appended, not swapped: `with_extension` would cut
                // `talk-1.28-notes` at its dot and two inputs could meet.
                let mut name = stem.clone().into_os_string();
                name.push(".");
                name.push(format.extension());
                let path = match &args.out_dir {
                    Some(dir) => dir.join(&folder).join(name),
                    None => input.with_file_name(name),
                };
                (*format, Target::File(path))
            })
            // By default a DOCX input is not written again over itself:
            // `folio convert edited.docx` makes its PDF and EPUB.
            .filter(|(_, target)| {
                !(args.to.is_empty() && matches!(target, Target::File(path) if *path == input))
            })
            .collect();
        jobs.push(Job {
            input,
            outputs,
            clash: None,
        });
    }
    mark_clashes(&mut jobs);
    Ok(jobs)
}

/// Inputs of one batch that would write the same file (`a.md` and `a.txt`
/// both make `a.pdf`) are refused, all of them, before anything is written:
/// which one should win is not Folio's to guess. The others go on.
fn mark_clashes(jobs: &mut [Job]) {
    // Each file, as first named, and the jobs that would write it.
    let mut writers: HashMap<PathBuf, (PathBuf, Vec<usize>)> = HashMap::new();
    for (index, job) in jobs.iter().enumerate() {
        for (_, target) in &job.outputs {
            if let Target::File(path) = target {
                let (_, entry) = writers
                    .entry(output_key(path))
                    .or_insert_with(|| (path.clone(), Vec::new()));
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
        }
    }
    let mut clashes: Vec<(usize, Vec<usize>, PathBuf)> = Vec::new();
    for (path, indices) in writers.values() {
        if indices.len() > 1 {
            for &index in indices {
                clashes.push((index, indices.clone(), path.clone()));
            }
        }
    }
    clashes.sort();
    for (index, indices, path) in clashes {
        if jobs[index].clash.is_some() {
            continue;
        }
        let others: Vec<String> = indices
            .iter()
            .filter(|&&other| other != index)
            .map(|&other| jobs[other].input.display().to_string())
            .collect();
        jobs[index].clash = Some(format!(
            "would write {} as {} would too; nothing was written for either. Rename one, or convert them in separate runs",
            path.display(),
            others.join(" and ")
        ));
    }
}

/// The file a path names, for comparing outputs: its folder resolved
/// (links, `.` and `..`) when it exists, so `out/a.pdf` and `./out/a.pdf`
/// are one file.
fn output_key(path: &Path) -> PathBuf {
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => match parent.canonicalize() {
            Ok(resolved) => resolved.join(name),
            Err(_) => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
        },
        _ => std::env::current_dir()
            .map(|dir| dir.join(&name))
            .unwrap_or(name),
    }
}

/// `SOURCE_DATE_EPOCH`, which must be whole seconds when set: a value that
/// cannot be read is refused rather than ignored, as the reproducible-builds
/// convention asks, since ignoring it would stamp today's date.
pub(crate) fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) if value.trim().is_empty() => Ok(None),
        Ok(value) => match value.trim().parse::<i64>() {
            Ok(seconds) => Ok(Some(seconds)),
            Err(_) => bail!(UsageError(format!(
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {value:?}"
            ))),
        },
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => bail!(UsageError(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970".into()
        )),
    }
}

/// A font named on the command line must be a file that can be read.
fn check_font(flag: &str, path: Option<&Path>) -> Result<()> {
    if let Some(path) = path
        && !path.is_file()
    {
        bail!(UsageError(format!(
            "{flag} {}: no such font file",
            path.display()
        )));
    }
    Ok(())
}

/// The writers' settings from the command line and the house style.
pub fn settings_from(args: &RenderArgs) -> Result<RenderSettings> {
    check_font("--font", args.font.as_deref())?;
    check_font("--cjk-font", args.cjk_font.as_deref())?;
    let mut style = crate::style::resolve(args.style.as_deref())?;
    if let Some(list) = &args.pdf_standard {
        style.pdf_standard = list
            .parse()
            .map_err(|message: String| UsageError(format!("--pdf-standard: {message}")))?;
    }
    let paper = match &args.paper {
        Some(name) => Paper::parse(name).ok_or_else(|| {
            UsageError(format!(
                "unknown paper size {name:?}; expected a4 or letter"
            ))
        })?,
        None => style.paper,
    };
    let reference_docx = match &args.reference_docx {
        Some(path) => Some(
            std::fs::read(path)
                .with_context(|| format!("{}: cannot read the reference DOCX", path.display()))?,
        ),
        None => None,
    };
    Ok(RenderSettings {
        paper,
        style,
        source_date_epoch: source_date_epoch()?,
        base_dir: None,
        font: args.font.clone(),
        cjk_font: args.cjk_font.clone(),
        reference_docx,
        cover: args.cover.clone(),
        sync: args.sync,
        allow_outside: args.allow_outside,
    })
}
