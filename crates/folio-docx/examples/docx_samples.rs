//! Writes the crate's sample interviews as DOCX for the CI checks, and checks
//! the text LibreOffice extracts from them.
//!
//! `docx_samples write DIR [FILE...]`: writes `DIR/<name>.docx` for every
//! fixture (`tests/fixtures/*.json`), every file in the workspace's
//! `samples/` and every FILE given (read with `folio_core::read_path`), plus
//! `DIR/book-three-samples.docx`, samples 01, 07 and 13 as one anthology, and
//! `DIR/house-style.docx`, the rich fixture in a non-default house style.
//! `docx_samples check DIR [FILE...]`: for each of the same interviews,
//! checks that every word of the model's text appears in `DIR/<name>.txt`
//! (made by `soffice --convert-to txt`).
//! `docx_samples reread DIR [FILE...]`: for each sample interview, reads
//! `DIR/<name>.docx` (the DOCX as LibreOffice saved it again) with Folio's
//! DOCX reader and checks that the speakers, turns and sections are those
//! of the interview it was written from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio_core::{Anthology, BookOrder, HouseStyle, Interview, LabelCase, LabelText, Meta};
use folio_docx::{DocxOptions, docx, docx_book};

const REFERENCE_SAMPLE: &str = "reference-rich";
const BOOK: &str = "book-three-samples";
const BOOK_MEMBERS: [&str; 3] = [
    "01-bold-name-colon-inside",
    "07-chinese-fullwidth-colon",
    "13-translated-with-comments",
];
const STYLED_SAMPLE: &str = "house-style";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(command), Some(dir)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: docx_samples write|check|reread DIR [FILE...]");
        return ExitCode::FAILURE;
    };
    let dir = PathBuf::from(dir);
    let extra: Vec<PathBuf> = args[3..].iter().map(PathBuf::from).collect();
    let result = match command.as_str() {
        "write" => write(&dir, &extra),
        "check" => check(&dir, &extra),
        "reread" => reread(&dir, &extra),
        _ => Err(format!("unknown command {command}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Every sample model with the directory its images are relative to.
fn samples(extra: &[PathBuf]) -> Result<BTreeMap<String, (Interview, PathBuf)>, String> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = crate_dir.join("tests/fixtures");
    let mut out = BTreeMap::new();
    let samples_dir = crate_dir.join("../../samples");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&samples_dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    inputs.retain(|path| path.file_name().and_then(|n| n.to_str()) != Some("README.md"));
    inputs.sort();
    inputs.extend(extra.iter().cloned());
    for path in inputs {
        // A sample the reader cannot read yet is the reader's test to fail.
        let parsed = match folio_core::read_path(&path, &folio_core::ReadOptions::default()) {
            Ok(parsed) => parsed,
            Err(error) => {
                eprintln!("skipped {}: {error}", path.display());
                continue;
            }
        };
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("sample")
            .to_string();
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        out.insert(name, (parsed.interview, base));
    }
    let entries = std::fs::read_dir(&fixtures).map_err(|e| e.to_string())?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        let interview: Interview =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("sample")
            .to_string();
        if name == "rich" {
            // The rich fixture again, styled by another DOCX as its reference.
            out.insert(
                REFERENCE_SAMPLE.to_string(),
                (interview.clone(), fixtures.clone()),
            );
        }
        out.insert(format!("fixture-{name}"), (interview, fixtures.clone()));
    }
    if let Some(rich) = out.get("fixture-rich").cloned() {
        out.insert(STYLED_SAMPLE.to_string(), rich);
    }
    Ok(out)
}

/// Samples 01, 07 and 13 as one book, when all three could be read.
fn book(samples: &BTreeMap<String, (Interview, PathBuf)>) -> Option<Anthology> {
    let interviews: Option<Vec<Interview>> = BOOK_MEMBERS
        .iter()
        .map(|name| samples.get(*name).map(|(interview, _)| interview.clone()))
        .collect();
    let meta = Meta {
        title: Some("Conversations, Volume One".into()),
        authors: vec!["The Folio Desk".into()],
        ..Meta::default()
    };
    Some(Anthology::new(meta, interviews?, BookOrder::Given))
}

/// A house style that differs from the default in every field.
fn house_style() -> HouseStyle {
    HouseStyle {
        body_font: Some("Noto Serif".into()),
        heading_font: Some("Noto Sans".into()),
        base_size: 12.0,
        label_color: "#1f5c99".into(),
        question_color: "#404040".into(),
        margins_mm: [15.0, 15.0, 15.0, 15.0],
        label_case: LabelCase::SmallCaps,
        label_text: LabelText::FullName,
        ..HouseStyle::default()
    }
}

fn write(dir: &Path, extra: &[PathBuf]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let samples = samples(extra)?;
    if let Some(book) = book(&samples) {
        let rendered =
            docx_book(&book, &DocxOptions::default()).map_err(|e| format!("{BOOK}: {e}"))?;
        let path = dir.join(format!("{BOOK}.docx"));
        std::fs::write(&path, rendered.bytes).map_err(|e| e.to_string())?;
        println!("wrote {}", path.display());
    }
    for (name, (interview, base)) in samples {
        // Written after `fixture-chinese.docx` (names sort), which serves as
        // the reference document: its styles, page and header apply.
        let reference_docx = match name == REFERENCE_SAMPLE {
            true => {
                Some(std::fs::read(dir.join("fixture-chinese.docx")).map_err(|e| e.to_string())?)
            }
            false => None,
        };
        let style = match name == STYLED_SAMPLE {
            true => house_style(),
            false => HouseStyle::default(),
        };
        let options = DocxOptions {
            common: folio_core::WriterOptions {
                base_dir: Some(base),
                style,
                ..Default::default()
            },
            reference_docx,
            ..DocxOptions::default()
        };
        let rendered = docx(&interview, &options).map_err(|e| format!("{name}: {e}"))?;
        let path = dir.join(format!("{name}.docx"));
        std::fs::write(&path, rendered.bytes).map_err(|e| e.to_string())?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn check(dir: &Path, extra: &[PathBuf]) -> Result<(), String> {
    let mut failures = Vec::new();
    let mut checked = 0;
    let samples = samples(extra)?;
    let mut expected: Vec<(String, Vec<String>)> = Vec::new();
    if let Some(book) = book(&samples) {
        let mut words: Vec<String> = book.meta.title.iter().cloned().collect();
        for interview in &book.interviews {
            words.extend(model_words(interview));
        }
        expected.push((BOOK.to_string(), words));
    }
    for (name, (interview, _)) in samples {
        let mut words = model_words(&interview);
        if name == STYLED_SAMPLE {
            // Full names replace the labels of named speakers.
            words.extend(
                interview
                    .speakers
                    .iter()
                    .map(|s| s.display_name().to_string()),
            );
            let named: Vec<&str> = interview
                .speakers
                .iter()
                .filter(|s| s.name.is_some())
                .map(|s| s.label.as_str())
                .collect();
            words.retain(|w| !named.contains(&w.as_str()));
        }
        expected.push((name, words));
    }
    for (name, words) in expected {
        let path = dir.join(format!("{name}.txt"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let haystack = squash(&text);
        let missing: Vec<&String> = words
            .iter()
            .filter(|w| !haystack.contains(&squash(w)))
            .collect();
        checked += 1;
        println!("{name}: {} words, {} missing", words.len(), missing.len());
        if !missing.is_empty() {
            failures.push(format!("{name}: missing {missing:?}"));
        }
    }
    if checked == 0 {
        return Err("no sample was checked".into());
    }
    match failures.is_empty() {
        true => Ok(()),
        false => Err(failures.join("\n")),
    }
}

/// What must survive an office suite's save: the speakers, each turn's
/// speaker, role and words, the sections.
fn outline(interview: &Interview) -> Vec<String> {
    let mut lines = Vec::new();
    for speaker in &interview.speakers {
        lines.push(format!(
            "speaker {} | {} | {}",
            speaker.label,
            speaker.name.as_deref().unwrap_or("-"),
            speaker.role.as_str()
        ));
    }
    for turn in &interview.turns {
        let label = interview
            .speaker(&turn.speaker)
            .map_or("?", |s| s.label.as_str());
        lines.push(format!(
            "turn {label} | {} | {}",
            turn.role.as_str(),
            squash(&folio_core::blocks_plain_text(&turn.content))
        ));
    }
    for section in &interview.sections {
        lines.push(format!(
            "section {} @ {}",
            section.heading, section.first_turn
        ));
    }
    lines
}

fn reread(dir: &Path, extra: &[PathBuf]) -> Result<(), String> {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, (interview, _)) in samples(extra)? {
        let path = dir.join(format!("{name}.docx"));
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let back = folio_core::read_bytes(
            &bytes,
            &path.display().to_string(),
            &folio_core::ReadOptions::default(),
        )
        .map_err(|e| e.to_string())?;
        checked += 1;
        let (expected, actual) = (outline(&interview), outline(&back.interview));
        match expected.iter().zip(&actual).find(|(e, a)| e != a) {
            None if expected.len() == actual.len() => println!("{name}: read back the same"),
            None => failures.push(format!(
                "{name}: {} lines of outline read back as {}",
                expected.len(),
                actual.len()
            )),
            Some((e, a)) => failures.push(format!("{name}: expected {e:?}, read {a:?}")),
        }
    }
    if checked == 0 {
        return Err(format!("no DOCX to read back in {}", dir.display()));
    }
    match failures.is_empty() {
        true => Ok(()),
        false => Err(failures.join("\n")),
    }
}

/// Text without whitespace, so CJK runs and wrapped lines compare alike.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every word of the model's visible text, without surrounding punctuation.
fn model_words(interview: &Interview) -> Vec<String> {
    let meta = &interview.meta;
    let mut texts: Vec<String> = Vec::new();
    texts.extend(meta.kicker.clone());
    texts.extend(meta.title.clone());
    texts.extend(meta.subtitle.clone());
    texts.extend(meta.authors.clone());
    texts.extend(meta.publication.clone());
    for block in &interview.front {
        match block {
            folio_core::FrontBlock::EditorsNote { content }
            | folio_core::FrontBlock::Introduction { content } => {
                texts.push(folio_core::blocks_plain_text(content));
            }
            folio_core::FrontBlock::Dateline { text } => texts.push(text.clone()),
            folio_core::FrontBlock::Figure { figure } => texts.push(figure.plain_text()),
        }
    }
    for section in &interview.sections {
        texts.push(section.heading.clone());
        texts.push(folio_core::blocks_plain_text(&section.content));
    }
    for turn in &interview.turns {
        if let Some(speaker) = interview.speaker(&turn.speaker) {
            texts.push(speaker.label.clone());
        }
        texts.push(folio_core::blocks_plain_text(&turn.content));
    }
    for block in &interview.closing {
        let (folio_core::ClosingBlock::Bio { content }
        | folio_core::ClosingBlock::Afterword { content }
        | folio_core::ClosingBlock::Footer { content }) = block;
        texts.push(folio_core::blocks_plain_text(content));
    }
    texts
        .iter()
        .flat_map(|text| text.split_whitespace())
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .filter(|word| !word.is_empty())
        .collect()
}
