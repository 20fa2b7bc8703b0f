//! A page's paragraphs as HTML leaves them, put into the shape the
//! assembler reads: `<br><br>` separating paragraphs, lines that each start
//! with a label separating turns, and the line each block starts on.

use crate::assemble::labels::{self, LabelScan};
use crate::model::{Inline, plain_text};
use crate::source::LineIndex;

/// Splits a paragraph's inlines where two line breaks follow each other.
pub fn split_at_double_breaks(inlines: Vec<Inline>) -> Vec<Vec<Inline>> {
    let mut paragraphs = vec![Vec::new()];
    let mut breaks = 0;
    for inline in inlines {
        match &inline {
            Inline::LineBreak => breaks += 1,
            Inline::Text { text } if text.trim().is_empty() && breaks > 0 => continue,
            _ => {
                if breaks >= 2 {
                    paragraphs.push(Vec::new());
                } else if breaks == 1
                    && let Some(current) = paragraphs.last_mut()
                {
                    current.push(Inline::LineBreak);
                }
                breaks = 0;
                if let Some(current) = paragraphs.last_mut() {
                    current.push(inline);
                }
            }
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// A paragraph whose lines (separated by `<br>`) each begin with a speaker
/// label, as older transcript pages print a whole conversation, becomes a
/// paragraph per label; a line without a label stays with the one before.
/// A paragraph with fewer than two labelled lines is left whole, so
/// `<b>Question?</b><br>Answer` keeps its shape.
pub fn split_at_labelled_lines(inlines: Vec<Inline>) -> Vec<Vec<Inline>> {
    let mut lines: Vec<Vec<Inline>> = vec![Vec::new()];
    for inline in inlines {
        if matches!(inline, Inline::LineBreak) {
            lines.push(Vec::new());
        } else if let Some(line) = lines.last_mut() {
            line.push(inline);
        }
    }
    let starts_labelled = |line: &[Inline]| {
        matches!(
            labels::scan(&trim_start(line.to_vec())),
            LabelScan::Label(_)
        )
    };
    let labelled: Vec<bool> = lines.iter().map(|line| starts_labelled(line)).collect();
    if labelled.iter().filter(|l| **l).count() < 2 || !labelled.first().copied().unwrap_or(false) {
        return vec![join_lines(lines)];
    }
    let mut paragraphs: Vec<Vec<Vec<Inline>>> = Vec::new();
    for (line, labelled) in lines.into_iter().zip(labelled) {
        match paragraphs.last_mut() {
            Some(current) if !labelled => current.push(line),
            _ => paragraphs.push(vec![line]),
        }
    }
    paragraphs.into_iter().map(join_lines).collect()
}

/// How many words a bold label may have for the links in it to be undone.
const MAX_LABEL_WORDS: usize = 6;

/// The start of a paragraph as the label scanner reads labels: transcript
/// pages link a turn's time to the recording (`<a href="#t=61">01:01</a>`)
/// and a speaker's name to a profile (`<a><b>Jo Lane:</b></a>`,
/// `<b><a>Jo Lane</a>:</b>`). The time becomes `[01:01]` text, as other
/// transcripts print it, and the label loses its link.
pub fn unlink_leading_label(mut inlines: Vec<Inline>) -> Vec<Inline> {
    let mut index = 0;
    // Leading white space is skipped over, not removed (`trim_start` does that).
    while matches!(inlines.get(index), Some(Inline::Text { text }) if text.trim().is_empty()) {
        index += 1;
    }
    if let Some(Inline::Link { content, .. }) = inlines.get(index)
        && let Some(stamp) = clock_time(&plain_text(content))
    {
        inlines[index] = Inline::text(format!("[{stamp}] "));
        index += 1;
        while matches!(inlines.get(index), Some(Inline::Text { text }) if text.trim().is_empty()) {
            inlines.remove(index);
        }
    }
    match inlines.get_mut(index) {
        Some(Inline::Link { content, .. })
            if content.iter().any(|i| matches!(i, Inline::Strong { .. }))
                && short_label(content) =>
        {
            let content = std::mem::take(content);
            inlines.splice(index..=index, content);
        }
        Some(Inline::Strong { content }) if short_label(content) => {
            let unlinked: Vec<Inline> = std::mem::take(content)
                .into_iter()
                .flat_map(|inline| match inline {
                    Inline::Link { content, .. } => content,
                    other => vec![other],
                })
                .collect();
            *content = unlinked;
        }
        _ => {}
    }
    inlines
}

fn short_label(content: &[Inline]) -> bool {
    let text = plain_text(content);
    let words = text.split_whitespace().count();
    (1..=MAX_LABEL_WORDS).contains(&words)
}

/// `01:01`, `1:01:05`, `[00:01]`: a time on a recording's clock.
fn clock_time(text: &str) -> Option<&str> {
    let text = text
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')']);
    let parts: Vec<&str> = text.split(':').collect();
    let clock = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    clock.then_some(text)
}

/// A paragraph without the source's indentation before its first word:
/// the label scanner looks at what a paragraph starts with.
pub fn trim_start(mut inlines: Vec<Inline>) -> Vec<Inline> {
    while let Some(Inline::Text { text }) = inlines.first_mut() {
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            inlines.remove(0);
        } else {
            *text = trimmed.to_string();
            break;
        }
    }
    inlines
}

fn join_lines(lines: Vec<Vec<Inline>>) -> Vec<Inline> {
    let mut out = Vec::new();
    for (n, line) in lines.into_iter().enumerate() {
        if n > 0 {
            out.push(Inline::LineBreak);
        }
        out.extend(line);
    }
    out
}

/// Finds where a block's text starts in the page's source, for the line
/// numbers of warnings. The parser does not keep positions, so each block
/// looks for its first long word after the previous block's position;
/// a word the source spells with entities is not found, and the block
/// takes the line before it.
pub struct LineFinder<'a> {
    source: &'a str,
    index: LineIndex,
    cursor: usize,
}

impl<'a> LineFinder<'a> {
    pub fn new(source: &'a str) -> Self {
        // The body starts after the head's metadata, which repeats words.
        let cursor = source
            .to_ascii_lowercase()
            .find("<body")
            .unwrap_or_default();
        LineFinder {
            source,
            index: LineIndex::new(source),
            cursor,
        }
    }

    pub fn last(&self) -> usize {
        self.index.line_of(self.cursor)
    }

    pub fn find(&mut self, text: &str) -> usize {
        let word = text
            .split(|c: char| !c.is_alphanumeric())
            .take(8)
            .filter(|w| w.chars().count() >= 3)
            .max_by_key(|w| w.len());
        if let Some(word) = word
            && let Some(rest) = self.source.get(self.cursor..)
            && let Some(at) = rest.find(word)
        {
            self.cursor += at;
        }
        self.last()
    }
}
