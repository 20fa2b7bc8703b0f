//! From cues to turns: who speaks each cue, rolling captions de-duplicated,
//! one speaker's cues merged into one turn, paragraphs broken at long pauses
//! or after a length at a sentence end (never mid-sentence), and each turn's
//! start time kept and, as asked, shown.

use std::collections::HashMap;

use super::{Cue, Voice, clean, format_clock};
use crate::assemble::LabelledTurn;
use crate::assemble::labels::label_key;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{Block, Inline, plain_text};
use crate::normalise::finish_inlines;
use crate::read::Timestamps;

/// What a timed form's parser found.
#[derive(Debug, Clone, Default)]
pub(crate) struct TimedText {
    pub cues: Vec<Cue>,
    /// A title the file itself carries (`WEBVTT - Title`).
    pub title: Option<String>,
    /// A language the file itself states (a WebVTT header's `Language:`).
    pub language: Option<String>,
    /// The source printed its times with hours (`00:03:18`): so do the outputs.
    pub clock_hours: bool,
    /// Paragraphs before the first speaker (a text export's heading lines).
    pub preamble: Vec<String>,
    /// The recording's date, when the file states it (`Date: May 3, 2024`).
    pub published: Option<crate::datetime::DateTime>,
    pub warnings: Vec<Diagnostic>,
}

/// How the cues are turned into turns.
#[derive(Debug, Clone)]
pub(crate) struct Settings<'a> {
    /// Speaker ids to names (`--speaker SPEAKER_00=Dana Park`, the sidecar).
    pub names: &'a [(String, String)],
    pub timestamps: Timestamps,
    pub clean_verbatim: bool,
    /// The interview's language, for the filler words.
    pub language: &'a str,
}

/// A pause this long (seconds) between cues of one speaker may end a paragraph.
const PARAGRAPH_PAUSE: f64 = 2.0;
/// A paragraph this many words long ends at the next sentence end.
const PARAGRAPH_WORDS: usize = 120;

/// The turns, and what was guessed or changed on the way.
pub(crate) struct Built {
    pub turns: Vec<LabelledTurn>,
    pub warnings: Vec<Diagnostic>,
    /// What `--clean-verbatim` changed, for the record in the metadata.
    pub edits: Vec<String>,
}

pub(crate) fn build(timed: TimedText, settings: &Settings<'_>) -> Built {
    let mut warnings = timed.warnings;
    let cues = settle_dashes(accept_prefixes(timed.cues, settings.names));
    let cues = assign_speakers(cues, settings.names, &mut warnings);
    let cues = drop_rolling_repeats(cues);
    let with_hours = timed.clock_hours
        || cues
            .iter()
            .filter_map(|(_, cue)| cue.start)
            .any(|s| s >= 3600.0);
    let fillers = if settings.clean_verbatim {
        let list = clean::fillers_for(settings.language);
        if list.is_none() {
            warnings.push(Diagnostic::new(
                DiagnosticKind::Other,
                None,
                format!(
                    "--clean-verbatim: Folio has no list of filler words for the language {:?}; the text is left as it was",
                    settings.language
                ),
            ));
        }
        list
    } else {
        None
    };
    let mut turns: Vec<TurnBuilder> = Vec::new();
    for (label, cue) in cues {
        match turns.last_mut() {
            Some(turn) if turn.label == label => turn.push(cue),
            _ => {
                let mut turn = TurnBuilder::new(label, &cue);
                turn.push(cue);
                turns.push(turn);
            }
        }
    }
    let mut removed = 0;
    let turns = turns
        .into_iter()
        .map(|turn| turn.finish(settings.timestamps, with_hours, fillers, &mut removed))
        .collect();
    let edits = if removed > 0 {
        vec![format!(
            "clean verbatim: {removed} filler words removed (--clean-verbatim)"
        )]
    } else {
        Vec::new()
    };
    Built {
        turns,
        warnings,
        edits,
    }
}

/// `Name:` before cue text names a speaker when the name recurs, when the
/// user named it, or when it opens a cue and is not a word prose puts
/// before a colon (`Note:`, `Rule two:`): caption files write a name once
/// at each change of speaker, and a guest may speak only once. Inside a
/// cue, a name used once is taken only if the file marks speakers this way
/// and it looks like a label (`Ann Lee`, `MARTA`, `Speaker 3`, `B`);
/// otherwise it was the text's own colon and is kept as text.
fn accept_prefixes(cues: Vec<Cue>, names: &[(String, String)]) -> Vec<Cue> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for cue in &cues {
        if let Voice::Prefix { name, .. } = &cue.voice {
            *counts.entry(label_key(name)).or_default() += 1;
        }
    }
    let named = |key: &str| names.iter().any(|(id, _)| label_key(id) == key);
    let convention = counts.values().any(|&n| n >= 2);
    let looks_like_label = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        let capitalised = words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
        name.chars().count() <= 3
            || !name.chars().any(char::is_lowercase)
            || name.chars().any(|c| c.is_ascii_digit())
            || (words.len() >= 2 && capitalised)
    };
    let accepted = |name: &str, opens_cue: bool| {
        let key = label_key(name);
        counts.get(&key).copied().unwrap_or(0) >= 2
            || named(&key)
            || (opens_cue && !is_prose_word(name))
            || (convention && looks_like_label(name))
    };
    cues.into_iter()
        .map(|mut cue| {
            if let Voice::Prefix { name, opens_cue } = &cue.voice {
                if accepted(name, *opens_cue) {
                    cue.voice = Voice::Named(name.clone());
                } else {
                    let prefix = format!("{name}: ");
                    match cue.lines.first_mut() {
                        Some(line) => line.insert(0, Inline::text(prefix)),
                        None => cue.lines.push(vec![Inline::text(prefix)]),
                    }
                    cue.voice = Voice::Same;
                }
            }
            cue
        })
        .collect()
}

/// Words that stand before a colon in prose and captions without naming
/// anyone: `Note: …`, `Update: …`, `Rule two: …`, `Step 3: …`.
fn is_prose_word(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "note",
        "notes",
        "nb",
        "warning",
        "caution",
        "important",
        "tip",
        "reminder",
        "update",
        "edit",
        "correction",
        "example",
        "source",
        "sources",
        "caption",
        "credit",
        "photo",
        "translation",
        "summary",
        "disclaimer",
        "ps",
        "fyi",
        "re",
        "subject",
        "date",
        "time",
        "place",
        "location",
        "topic",
        "agenda",
        "chapter",
        "part",
        "step",
        "rule",
        "lesson",
        "question",
        "spoiler",
        "breaking",
        "also",
        "and",
        "but",
        "so",
        "then",
        "well",
        "yes",
        "no",
        "okay",
        "ok",
        "now",
        "here",
        "there",
        "this",
        "that",
        "first",
        "second",
        "third",
        "finally",
        "next",
        "one",
        "two",
        "three",
        "point",
        "quote",
        "result",
        "results",
        "answer",
        "the",
        "a",
        "an",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "it",
        "what",
        "why",
        "how",
        "who",
        "when",
        "where",
        "because",
        "remember",
        "look",
        "listen",
    ];
    let first = name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase();
    WORDS.contains(&first.as_str())
}

/// Dialogue dashes mark a change of speaker only where a cue holds two of
/// them (`- Hi.` / `- Hello.`); a tool that puts one before every cue
/// meant nothing by it.
fn settle_dashes(cues: Vec<Cue>) -> Vec<Cue> {
    let dialogue = cues.windows(2).any(|pair| {
        pair[0].voice == Voice::Dash
            && pair[1].voice == Voice::Dash
            && pair[0].start == pair[1].start
            && pair[0].start.is_some()
    });
    if dialogue {
        return cues;
    }
    cues.into_iter()
        .map(|mut cue| {
            if cue.voice == Voice::Dash {
                cue.voice = Voice::Same;
            }
            cue
        })
        .collect()
}

/// Gives every cue a speaker label: its own, the one before it, or, for a
/// change marked without a name, one of two unnamed voices in turn.
fn assign_speakers(
    cues: Vec<Cue>,
    names: &[(String, String)],
    warnings: &mut Vec<Diagnostic>,
) -> Vec<(String, Cue)> {
    let rename = |label: String| speaker_name(names, &label);
    let mut current: Option<String> = None;
    let mut unnamed_changes: Option<usize> = None;
    let mut unnamed_turn = 0usize;
    let mut unmarked_start: Option<usize> = None;
    let mut unknown: Option<usize> = None;
    let mut out = Vec::with_capacity(cues.len());
    for cue in cues {
        let label = match &cue.voice {
            Voice::Named(name) | Voice::Prefix { name, .. } => rename(name.trim().to_string()),
            Voice::Unknown => {
                unknown.get_or_insert(cue.line);
                "Unknown speaker".to_string()
            }
            Voice::Change | Voice::Dash => {
                unnamed_changes.get_or_insert(cue.line);
                unnamed_turn += 1;
                format!("Speaker {}", 2 - unnamed_turn % 2)
            }
            Voice::Same => match &current {
                Some(label) => label.clone(),
                None => {
                    unmarked_start.get_or_insert(cue.line);
                    "Speaker 1".to_string()
                }
            },
        };
        current = Some(label.clone());
        out.push((label, cue));
    }
    if let Some(line) = unnamed_changes {
        warnings.push(Diagnostic::new(
            DiagnosticKind::Other,
            Some(line),
            "the captions mark changes of speaker (`>>`, `- `) without names: the voices are told apart as Speaker 1 and Speaker 2 in turn; name them with --speaker \"Speaker 1=NAME\"",
        ));
    }
    if let Some(line) = unknown {
        warnings.push(Diagnostic::new(
            DiagnosticKind::Other,
            Some(line),
            "some segments have no speaker while others do (the diarisation could not tell): their words are given to \"Unknown speaker\"; name it with --speaker \"Unknown speaker=NAME\"",
        ));
    }
    if let Some(line) = unmarked_start {
        warnings.push(Diagnostic::new(
            DiagnosticKind::Other,
            Some(line),
            "no speaker is marked here (no `<v Name>`, `Name:` or `>>`): the text is given to Speaker 1; name the speaker with --speaker \"Speaker 1=NAME\"",
        ));
    }
    out
}

/// The name a speaker id was given (`--speaker`, the sidecar), or the id
/// itself. Ids match as labels do: case and spacing aside.
pub(crate) fn speaker_name(names: &[(String, String)], id: &str) -> String {
    let key = label_key(id);
    names
        .iter()
        .find(|(named, _)| label_key(named) == key)
        .map_or_else(
            || id.trim().to_string(),
            |(_, name)| name.trim().to_string(),
        )
}

/// Auto-captions roll: each cue repeats the line the one before it ended
/// with. A leading line equal to the previous cue's last lines is dropped
/// when the cues overlap in time or the line is long enough (three words)
/// not to be a speaker saying the same short thing twice.
fn drop_rolling_repeats(cues: Vec<(String, Cue)>) -> Vec<(String, Cue)> {
    let mut out: Vec<(String, Cue)> = Vec::with_capacity(cues.len());
    for (label, mut cue) in cues {
        if let Some((prev_label, prev)) = out.last()
            && *prev_label == label
        {
            let overlap_in_time = matches!((cue.start, prev.end), (Some(s), Some(e)) if s < e);
            let prev_lines: Vec<String> = prev.lines.iter().map(|l| line_text(l)).collect();
            let lines: Vec<String> = cue.lines.iter().map(|l| line_text(l)).collect();
            let repeated = (1..=lines.len().min(prev_lines.len()))
                .rev()
                .find(|&k| {
                    lines[..k] == prev_lines[prev_lines.len() - k..]
                        && lines[..k]
                            .iter()
                            .all(|l| overlap_in_time || l.split_whitespace().count() >= 3)
                })
                .unwrap_or(0);
            if repeated > 0 {
                cue.lines.drain(..repeated);
                if cue.lines.is_empty() {
                    // The whole cue was a repeat: its end time still counts.
                    if let Some((_, prev)) = out.last_mut() {
                        prev.end = cue.end.or(prev.end);
                    }
                    continue;
                }
            }
        }
        out.push((label, cue));
    }
    out
}

fn line_text(line: &[Inline]) -> String {
    plain_text(line)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

struct Paragraph {
    start: Option<f64>,
    inlines: Vec<Inline>,
    words: usize,
    /// The text so far ends a sentence.
    ends: bool,
    /// Any sentence ended inside it (auto-captions have no punctuation).
    punctuated: bool,
}

struct TurnBuilder {
    label: String,
    line: usize,
    start: Option<f64>,
    paragraphs: Vec<Paragraph>,
    last_end: Option<f64>,
}

impl TurnBuilder {
    fn new(label: String, cue: &Cue) -> Self {
        TurnBuilder {
            label,
            line: cue.line,
            start: cue.start,
            paragraphs: Vec::new(),
            last_end: None,
        }
    }

    fn push(&mut self, cue: Cue) {
        let pause = match (self.last_end, cue.start) {
            (Some(end), Some(start)) => start - end,
            _ => 0.0,
        };
        let new_paragraph = match self.paragraphs.last() {
            None => true,
            Some(p) => {
                // Text without any punctuation has no sentences to keep
                // whole: a long one breaks at a pause.
                let unpunctuated_pause =
                    !p.punctuated && p.words >= PARAGRAPH_WORDS && pause >= PARAGRAPH_PAUSE;
                cue.paragraph
                    || unpunctuated_pause
                    || (p.ends && (pause >= PARAGRAPH_PAUSE || p.words >= PARAGRAPH_WORDS))
            }
        };
        if new_paragraph {
            self.paragraphs.push(Paragraph {
                start: cue.start,
                inlines: Vec::new(),
                words: 0,
                ends: false,
                punctuated: false,
            });
        }
        if let Some(paragraph) = self.paragraphs.last_mut() {
            for line in cue.lines {
                let text = plain_text(&line);
                paragraph.words += text.split_whitespace().count();
                if !text.trim().is_empty() {
                    paragraph.ends = ends_sentence(&text);
                    paragraph.punctuated |=
                        paragraph.ends || text.contains(['.', '?', '!', '。', '？', '！']);
                }
                if !paragraph.inlines.is_empty() {
                    // A soft break: a space, or nothing between CJK characters.
                    paragraph.inlines.push(Inline::text("\n"));
                }
                paragraph.inlines.extend(line);
            }
        }
        if cue.end.is_some() {
            self.last_end = cue.end;
        } else if cue.start.is_some() {
            self.last_end = cue.start;
        }
    }

    fn finish(
        self,
        timestamps: Timestamps,
        with_hours: bool,
        fillers: Option<&[&str]>,
        removed: &mut usize,
    ) -> LabelledTurn {
        let mut content = Vec::with_capacity(self.paragraphs.len());
        for (index, paragraph) in self.paragraphs.into_iter().enumerate() {
            let mut inlines = finish_inlines(paragraph.inlines);
            if let Some(fillers) = fillers {
                *removed += clean::remove_fillers(&mut inlines, fillers);
            }
            if plain_text(&inlines).trim().is_empty() {
                continue;
            }
            let stamped = match timestamps {
                Timestamps::None => false,
                Timestamps::Turns => index == 0,
                Timestamps::Paragraphs => true,
            };
            if stamped && let Some(start) = paragraph.start {
                inlines.insert(
                    0,
                    Inline::Timestamp {
                        text: format_clock(start, with_hours),
                    },
                );
                inlines.insert(1, Inline::text(" "));
            }
            content.push(Block::Paragraph { content: inlines });
        }
        LabelledTurn {
            label: self.label,
            line: self.line,
            start: self.start,
            content,
        }
    }
}

/// Whether text ends a sentence (`.`, `?`, `!`, `…`, CJK
/// full stops), closing quotes and brackets aside.
fn ends_sentence(text: &str) -> bool {
    let trimmed = text
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '」', '』']);
    trimmed.ends_with(['.', '?', '!', '…', '。', '？', '！'])
}
