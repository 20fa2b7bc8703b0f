//! `folio inspect`: what Folio understood, as a readable outline or as JSON.

use std::fmt::Write as _;

use anyhow::Result;
use folio_core::Certainty;
use folio_core::{Block, ClosingBlock, FrontBlock, Parsed, TurnRole, blocks_plain_text};

use crate::cli::InspectArgs;
use crate::input::{read_input, read_options};

pub fn run(args: &InspectArgs) -> Result<()> {
    let options = read_options(&args.read)?;
    let parsed = read_input(&args.input, &options)?;
    if args.json {
        let json = serde_json::to_string_pretty(&parsed.interview)?;
        println!("{json}");
        for warning in &parsed.warnings {
            eprintln!("warning: {}: {warning}", args.input.display());
        }
    } else {
        print!("{}", outline(&parsed, &args.input.display().to_string()));
    }
    Ok(())
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn excerpt(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    let mut out = all[..all.len().min(words)].join(" ");
    if all.len() > words {
        out.push('…');
    }
    out
}

/// How many blocks: `3 paragraphs`, with the tables among them counted
/// apart (`2 paragraphs, 1 table`).
fn paragraphs(blocks: &[Block]) -> String {
    let tables = blocks
        .iter()
        .filter(|b| matches!(b, Block::Table { .. }))
        .count();
    let others = count(blocks.len() - tables, "paragraph", "paragraphs");
    match tables {
        0 => others,
        _ if tables == blocks.len() => count(tables, "table", "tables"),
        _ => format!("{others}, {}", count(tables, "table", "tables")),
    }
}

/// The outline `folio inspect` prints.
pub fn outline(parsed: &Parsed, name: &str) -> String {
    let interview = &parsed.interview;
    let meta = &interview.meta;
    let mut out = String::new();
    let _ = writeln!(out, "{name} (read as {})", parsed.format.name());
    let mut field = |label: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "  {label:<13}{value}");
        }
    };
    field("kicker", meta.kicker.clone());
    field("title", meta.title.clone());
    field("subtitle", meta.subtitle.clone());
    field("authors", Some(meta.authors.join(", ")));
    field("interviewers", Some(meta.interviewers.join(", ")));
    field("publication", meta.publication.clone());
    field("published", meta.published.map(|d| d.to_string()));
    field("updated", meta.updated.map(|d| d.to_string()));
    field("language", Some(meta.language.clone()));
    field("source", meta.source_url.clone());
    field("rights", meta.rights.clone());
    field("keywords", Some(meta.keywords.join(", ")));
    field("description", meta.description.clone());
    field("cover", meta.cover.clone());
    field("identifier", Some(meta.identifier.clone()));

    if !interview.front.is_empty() {
        let _ = writeln!(out, "\nfront");
        for block in &interview.front {
            let line = match block {
                FrontBlock::EditorsNote { content } => {
                    format!("editor's note: {}", paragraphs(content))
                }
                FrontBlock::Introduction { content } => {
                    format!("introduction: {}", paragraphs(content))
                }
                FrontBlock::Dateline { text } => format!("dateline: {text}"),
                FrontBlock::Figure { figure } => figure_line(figure),
            };
            let _ = writeln!(out, "  {line}");
        }
    }

    let _ = writeln!(out, "\nspeakers");
    let width = interview
        .speakers
        .iter()
        .map(|s| s.label.chars().count())
        .max()
        .unwrap_or(0);
    for (speaker, turns) in interview.turn_counts() {
        let name = speaker.name.as_deref().unwrap_or("(name unknown)");
        let _ = writeln!(
            out,
            "  {:<width$}  {:<12} {:<24} {}",
            speaker.label,
            speaker.role.as_str(),
            name,
            count(turns, "turn", "turns"),
        );
        if let Some(evidence) = parsed.roles.iter().find(|r| r.speaker == speaker.id) {
            let sure = match evidence.certainty {
                Certainty::Stated => "stated",
                Certainty::Label => "from the label",
                Certainty::Evidence => "from what is said",
                Certainty::Guess => "a guess",
            };
            let _ = writeln!(
                out,
                "  {:<width$}  role {sure}: {}",
                "",
                evidence.reasons.join(", ")
            );
        }
    }

    let questions = interview
        .turns
        .iter()
        .filter(|t| t.role == TurnRole::Question)
        .count();
    let answers = interview
        .turns
        .iter()
        .filter(|t| t.role == TurnRole::Answer)
        .count();
    let remarks = interview.turns.len() - questions - answers;
    let _ = writeln!(
        out,
        "\nturns: {} ({}, {}, {})",
        interview.turns.len(),
        count(questions, "question", "questions"),
        count(answers, "answer", "answers"),
        count(remarks, "remark", "remarks"),
    );
    for (index, turn) in interview.turns.iter().enumerate() {
        for section in interview.sections_before(index) {
            let _ = writeln!(
                out,
                "  {} {}",
                "#".repeat(usize::from(section.level)),
                section.heading
            );
            if !section.content.is_empty() {
                let _ = writeln!(out, "     (section text: {})", paragraphs(&section.content));
            }
        }
        let label = interview
            .speaker(&turn.speaker)
            .map_or("?", |s| s.label.as_str());
        let _ = writeln!(
            out,
            "  {:>3}  {:<width$}  {:<8} {:<13} {}",
            index + 1,
            label,
            turn.role.as_str(),
            paragraphs(&turn.content),
            excerpt(&blocks_plain_text(&turn.content), 8),
        );
    }
    for section in interview.sections_before(interview.turns.len()) {
        let _ = writeln!(
            out,
            "  {} {}",
            "#".repeat(usize::from(section.level)),
            section.heading
        );
    }

    if !interview.closing.is_empty() {
        let _ = writeln!(out, "\nclosing");
        for block in &interview.closing {
            let line = match block {
                ClosingBlock::Bio { content } => format!("bio: {}", paragraphs(content)),
                ClosingBlock::Afterword { content } => {
                    format!("afterword: {}", paragraphs(content))
                }
                ClosingBlock::Footer { content } => format!("footer: {}", paragraphs(content)),
            };
            let _ = writeln!(out, "  {line}");
        }
    }

    if !parsed.warnings.is_empty() {
        let _ = writeln!(out, "\nwarnings");
        for warning in &parsed.warnings {
            let _ = writeln!(out, "  {warning}");
        }
    }
    out
}

fn figure_line(figure: &folio_core::Figure) -> String {
    let mut parts = vec!["figure".to_string()];
    if let Some(src) = &figure.src {
        parts.push(src.clone());
    }
    if let Some(caption) = &figure.caption {
        parts.push(format!("caption {caption:?}"));
    }
    if let Some(credit) = &figure.credit {
        parts.push(format!("credit {credit:?}"));
    }
    parts.join(", ")
}
