//! Plain text as copied from a web page or typed up from a recording.
//!
//! A copied article opens with a header of short lines (kicker, headline,
//! dates, byline, photo caption, often printed twice); the body is paragraphs
//! separated by blank lines. Typed transcripts are often hard-wrapped, and
//! those lines are joined back into paragraphs.

use crate::assemble::labels::{self, LabelScan};
use crate::assemble::{RawBlock, RawKind};
use crate::datetime::DateTime;
use crate::model::{Figure, Inline, Meta};
use crate::normalise::clean_line;
use crate::read::caption;

/// What the header of a copied page gave.
#[derive(Debug, Default)]
pub struct Header {
    pub figures: Vec<Figure>,
    /// `Interviewee: …` / `Narrator: …` lines of an archive header.
    pub interviewees: Vec<String>,
    /// `Place: …`, `Duration: …`: kept as printed.
    pub datelines: Vec<String>,
    /// Lines that stood in the header, for finding speakers' full names.
    pub context: String,
}

struct Line<'a> {
    number: usize,
    text: &'a str,
    /// `text` through [`clean_line`], which every pass over the lines needs.
    clean: String,
    gap_before: usize,
}

/// Reads the header into `meta` and returns the body as raw blocks.
pub fn read(text: &str, meta: &mut Meta) -> (Header, Vec<RawBlock>) {
    let mut lines = Vec::new();
    let mut gap = 0;
    for (index, line) in text.lines().enumerate() {
        let clean = clean_line(line);
        if clean.is_empty() {
            gap += 1;
        } else {
            lines.push(Line {
                number: index + 1,
                text: line,
                clean,
                gap_before: gap,
            });
            gap = 0;
        }
    }
    let repeated = repeated_label_keys(&lines);
    let (header, body_start) = read_header(&lines, meta, &repeated);
    let wrapped = is_hard_wrapped(&lines[body_start..]);
    let blocks = body_blocks(&lines[body_start..], wrapped);
    (header, blocks)
}

fn starts_turn(text: &str) -> bool {
    matches!(
        labels::scan(&[Inline::text(text)]),
        LabelScan::Label(_) | LabelScan::EditorsNote(_)
    )
}

/// Label keys that start more than one line: those are speakers, even in a header.
fn repeated_label_keys(lines: &[Line<'_>]) -> Vec<String> {
    let mut keys: Vec<String> = lines
        .iter()
        .filter_map(
            |line| match labels::scan(&[Inline::text(line.clean.as_str())]) {
                LabelScan::Label(hit) => Some(labels::label_key(&hit.label)),
                _ => None,
            },
        )
        .collect();
    // Names alone on the line above their words (`JANE DOE` / text).
    keys.extend(
        lines
            .windows(2)
            .filter(|pair| pair[1].gap_before == 0 && is_name_line(&pair[0].clean))
            .map(|pair| labels::label_key(&pair[0].clean)),
    );
    keys.sort();
    let mut repeated: Vec<String> = keys
        .windows(2)
        .filter(|pair| pair[0] == pair[1])
        .map(|pair| pair[0].clone())
        .collect();
    repeated.dedup();
    repeated
}

/// Whether a header line is where the body begins: a speaker's first turn or an editor's note.
fn opens_body(text: &str, repeated: &[String]) -> bool {
    match labels::scan(&[Inline::text(text)]) {
        LabelScan::EditorsNote(_) => true,
        LabelScan::Label(hit) => {
            !matches!(
                hit.style,
                labels::LabelStyle::Plain | labels::LabelStyle::Spaced
            ) || repeated.contains(&labels::label_key(&hit.label))
        }
        _ => is_name_line(text) && repeated.contains(&labels::label_key(text)),
    }
}

/// `Published: Nov 16, 2025 11:34 PM Updated: Nov 16, 2025 11:51 PM`.
fn date_line(text: &str, meta: &mut Meta) -> bool {
    let lower = text.to_lowercase();
    let keys = [
        ("published:", true),
        ("published on", true),
        ("posted:", true),
        ("posted on", true),
        ("date:", true),
        ("first published", true),
        ("updated:", false),
        ("last updated:", false),
        ("updated on", false),
        ("modified:", false),
    ];
    let mut found: Vec<(usize, usize, bool)> = keys
        .iter()
        .filter_map(|(key, published)| lower.find(key).map(|at| (at, at + key.len(), *published)))
        .collect();
    found.sort();
    // `last updated:` also contains `updated:`: keep only keys no other key contains.
    let all = found.clone();
    found.retain(|&(at, end, _)| {
        !all.iter()
            .any(|&(a, e, _)| a <= at && end <= e && (a, e) != (at, end))
    });
    if found.is_empty() {
        if let Some(date) = DateTime::parse(text) {
            meta.published.get_or_insert(date);
            return true;
        }
        return false;
    }
    let mut any = false;
    for (i, (_, end, published)) in found.iter().enumerate() {
        let stop = found.get(i + 1).map_or(text.len(), |next| next.0);
        let value = text
            .get(*end..stop)
            .unwrap_or("")
            .trim()
            .trim_end_matches('|')
            .trim();
        if let Some(date) = DateTime::parse(value) {
            any = true;
            if *published {
                meta.published = Some(date);
            } else {
                meta.updated = Some(date);
            }
        }
    }
    any
}

fn is_kicker(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    words <= 8
        && !text.ends_with(['.', '?', '!', ':'])
        && (caps || text.contains(" / ") || text.contains(" | ") || text.contains(" > "))
}

pub(super) fn byline(text: &str) -> Option<Vec<String>> {
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
        .or_else(|| text.strip_prefix("Interview by "))
        .or_else(|| text.strip_prefix("Interviewed by "))?;
    if rest.split_whitespace().count() > 12 {
        return None;
    }
    let people = super::split_people(rest);
    (!people.is_empty()).then_some(people)
}

/// `Interviewer: Alan Fairbairn`, `Date: 9 November 2019`: an archive's record lines.
fn record_line(text: &str, meta: &mut Meta, header: &mut Header) -> bool {
    let Some((key, value)) = text.split_once(':') else {
        return false;
    };
    let value = value.trim();
    // A record names a person, a date or a place; a sentence is a turn.
    let sentence = value.split_whitespace().count() > 8 || value.ends_with(['?', '!']);
    if value.is_empty() || key.split_whitespace().count() > 3 || sentence {
        return false;
    }
    match key.trim().to_lowercase().as_str() {
        "interviewer" | "interviewers" | "interviewed by" => {
            meta.interviewers.push(value.to_string());
        }
        "interviewee" | "interviewees" | "narrator" | "subject" | "guest" => {
            header.interviewees.push(value.to_string());
        }
        "date" | "recorded" | "date recorded" | "recording date" | "interview date" => {
            match DateTime::parse(value) {
                Some(date) => meta.published = Some(date),
                None => header.datelines.push(text.to_string()),
            }
        }
        "place" | "location" | "duration" | "length" | "transcribed by" | "transcriber"
        | "recorded at" | "venue" | "collection" | "reference" | "ref" | "tape" | "format" => {
            header.datelines.push(text.to_string());
        }
        "language" => meta.language = value.to_string(),
        _ => return false,
    }
    true
}

/// Reads the header lines; returns where the body starts.
fn read_header(lines: &[Line<'_>], meta: &mut Meta, repeated: &[String]) -> (Header, usize) {
    let mut header = Header::default();
    let mut index = 0;
    let mut title_seen = false;
    while let Some(line) = lines.get(index) {
        let text = line.clean.as_str();
        let long = text.chars().count() > 250;
        if record_line(text, meta, &mut header) || date_line(text, meta) {
        } else if caption::is_clean_caption_line(text) {
            let figure = caption::split_clean_caption(text);
            // Pages often print the caption twice (under the image and in its alt text).
            if !header.figures.contains(&figure) {
                header.figures.push(figure);
            }
        } else if opens_body(text, repeated)
            && !(index == 0 && is_kicker(text) && !repeated.contains(&labels::label_key(text)))
        {
            break;
        } else if let Some(people) = byline(text) {
            meta.authors = people;
        } else if !title_seen && index == 0 && is_kicker(text) && lines.len() > 1 {
            meta.kicker = Some(text.to_string());
        } else if !title_seen && !long && !text.ends_with('.') {
            meta.title = Some(text.to_string());
            title_seen = true;
        } else if title_seen
            && meta.subtitle.is_none()
            && !long
            && line.gap_before == 0
            && index + 1 < lines.len()
            && lines[index + 1].gap_before == 0
        {
            // A standfirst sits tight under the headline, inside the header block.
            meta.subtitle = Some(text.to_string());
        } else {
            break;
        }
        header.context.push_str(text);
        header.context.push('\n');
        index += 1;
    }
    (header, index)
}

/// Typed transcripts wrap lines at a fixed width; copied pages do not.
fn is_hard_wrapped(lines: &[Line<'_>]) -> bool {
    let mut continued = Vec::new();
    for pair in lines.windows(2) {
        if pair[1].gap_before == 0 {
            continued.push(pair[0].text.chars().count());
        }
    }
    if continued.len() < 3 {
        return false;
    }
    continued.sort_unstable();
    let median = continued[continued.len() / 2];
    let longest = lines
        .iter()
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    (40..=100).contains(&median) && longest <= 120
}

fn is_rule(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '_')
            || t.chars().all(|c| c == '#')
            || t.chars().all(|c| c == '~')
            || t == "•••")
}

/// A short line standing alone, in capitals or with a `#`: a section heading.
fn heading(text: &str, alone: bool) -> Option<(u8, String)> {
    if let Some(rest) = text.strip_prefix("## ").or_else(|| text.strip_prefix("# ")) {
        return Some((
            if text.starts_with("##") { 2 } else { 1 },
            rest.trim().to_string(),
        ));
    }
    if text.starts_with(['[', '(']) {
        return None;
    }
    let words = text.split_whitespace().count();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    (alone && caps && words <= 8 && !text.ends_with(['.', ':', '?', '!', ',']))
        .then(|| (2, text.to_string()))
}

/// A name in capitals alone on a line (`JANE DOE`, `MS. RIVERA`).
fn is_name_line(text: &str) -> bool {
    labels::name_line_style(text) == Some(labels::LabelStyle::Caps)
}

fn body_blocks(lines: &[Line<'_>], wrapped: bool) -> Vec<RawBlock> {
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut current: Option<(usize, usize, String)> = None;
    let flush = |current: &mut Option<(usize, usize, String)>, blocks: &mut Vec<RawBlock>| {
        if let Some((line, gap, text)) = current.take() {
            blocks.push(RawBlock::paragraph(line, gap, vec![Inline::text(text)]));
        }
    };
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim_end();
        // Trailing white space cleans away: the line's clean text is this one's.
        let cleaned = line.clean.as_str();
        let alone = line.gap_before > 0 && lines.get(i + 1).is_none_or(|next| next.gap_before > 0);
        let new_block = line.gap_before > 0 || i == 0;
        if is_rule(cleaned) {
            flush(&mut current, &mut blocks);
            blocks.push(RawBlock {
                line: line.number,
                gap_before: line.gap_before,
                kind: RawKind::Rule,
            });
            continue;
        }
        if alone && caption::is_clean_caption_line(cleaned) {
            flush(&mut current, &mut blocks);
            let figure = caption::split_clean_caption(cleaned);
            let repeated = matches!(blocks.last(), Some(RawBlock { kind: RawKind::Figure(f), .. }) if *f == figure);
            if !repeated {
                blocks.push(RawBlock {
                    line: line.number,
                    gap_before: line.gap_before,
                    kind: RawKind::Figure(figure),
                });
            }
            continue;
        }
        if let Some((level, heading_text)) = heading(cleaned, alone)
            && !starts_turn(cleaned)
        {
            flush(&mut current, &mut blocks);
            blocks.push(RawBlock {
                line: line.number,
                gap_before: line.gap_before,
                kind: RawKind::Heading {
                    level,
                    text: heading_text,
                },
            });
            continue;
        }
        let joins =
            wrapped && !new_block && !starts_turn(cleaned) && !text.starts_with([' ', '\t']);
        // `JANE DOE` on a line of its own, the words on the next: the name
        // and its words are one block, so the name is read as their label.
        let after_name = !new_block
            && current
                .as_ref()
                .is_some_and(|(_, _, paragraph)| is_name_line(paragraph));
        let joins = joins || after_name;
        match current.as_mut() {
            Some((_, _, paragraph)) if joins => {
                paragraph.push('\n');
                paragraph.push_str(text);
            }
            _ => {
                flush(&mut current, &mut blocks);
                current = Some((line.number, line.gap_before, text.to_string()));
            }
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrapped_transcripts_join_lines_but_not_turns() {
        let text = "Q: This is a question that was typed up and wrapped at a\nfixed width by the person who transcribed it?\nA: And this answer was wrapped the same way by the same person\nwho typed it, as is common for transcripts of the old\nkind that were kept in archives.\n";
        let mut meta = Meta::default();
        let (_, blocks) = read(text, &mut meta);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
    }

    #[test]
    fn header_lines_fill_meta() {
        let text = "WORLD / ASIA\nA headline without a full stop\nBy Jane Roe and John Doe\nPublished: May 17, 2022 Updated: 2022-05-18\nA photo Photo: Agency\n\nA photo Photo: Agency\n\nQ: Hello?\n\nA: Hi.\n";
        let mut meta = Meta::default();
        let (header, blocks) = read(text, &mut meta);
        assert_eq!(meta.kicker.as_deref(), Some("WORLD / ASIA"));
        assert_eq!(
            meta.title.as_deref(),
            Some("A headline without a full stop")
        );
        assert_eq!(meta.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(
            meta.published.map(|d| d.to_string()).as_deref(),
            Some("2022-05-17")
        );
        assert_eq!(
            meta.updated.map(|d| d.to_string()).as_deref(),
            Some("2022-05-18")
        );
        assert_eq!(header.figures.len(), 1);
        assert_eq!(blocks.len(), 2);
    }
}
