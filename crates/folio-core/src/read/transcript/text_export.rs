//! Text exports of transcription tools, recognised by the shape of their
//! speaker lines rather than by the tool's name:
//!
//! - `Name  1:05` or `Name  1:02:05` alone on a line (two spaces before the
//!   time), the words on the lines below;
//! - `Speaker 1 (00:03:18):` alone, the paragraph below; `Name (00:01:18): text`;
//! - `[SPEAKER_00]: text`, one segment a line;
//! - a time before or after the label: `[00:01:23] Name: text`,
//!   `Name [00:01:23]: text`, `(00:01:23) Name: text`.
//!
//! A tool's footer (`Transcribed by …`) is not the interview's words.

use super::cues::TimedText;
use super::{Cue, Voice, parse_clock};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::Inline;

/// A speaker line: who, from when, and the words on the same line.
#[derive(Debug, PartialEq)]
struct Header<'a> {
    name: &'a str,
    start: Option<f64>,
    /// The time was printed with hours (`00:03:18`).
    hours: bool,
    rest: &'a str,
}

/// Whether a text is a transcript export: two speaker lines or more, and
/// speaker lines open most of its blocks.
pub(crate) fn looks_like_export(text: &str) -> bool {
    let mut headers = 0usize;
    let mut timed = 0usize;
    let mut blocks = 0usize;
    let mut previous_blank = true;
    for line in text.lines() {
        let blank = line.trim().is_empty();
        if !blank && previous_blank {
            blocks += 1;
        }
        previous_blank = blank;
        if let Some(header) = header(line) {
            headers += 1;
            if header.start.is_some() {
                timed += 1;
            }
        }
    }
    // Untimed `Name: text` lines are every plain-text interview's labels:
    // only whisperX's bracketed ids count without a time.
    let shaped = headers >= 2 && headers * 2 >= blocks;
    shaped && (timed * 2 >= headers || whisper_ids(text) * 2 >= headers)
}

fn whisper_ids(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            l.trim_start().starts_with('[')
                && header(l).is_some_and(|h| h.start.is_none() && h.name.contains('_'))
        })
        .count()
}

pub(super) fn parse(text: &str) -> TimedText {
    let mut timed = TimedText::default();
    let mut preamble: Vec<String> = Vec::new();
    let mut current: Option<Cue> = None;
    let mut blank_before = false;
    let mut footer_at: Option<usize> = None;
    for (index, line) in text.split('\n').enumerate() {
        let number = index + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        if is_footer(trimmed) {
            footer_at.get_or_insert(number);
            continue;
        }
        if let Some(header) = header(line) {
            timed.clock_hours |= header.hours;
            if let Some(cue) = current.take() {
                timed.cues.push(cue);
            }
            let mut cue = Cue {
                line: number,
                start: header.start,
                end: None,
                voice: if header.name.is_empty() {
                    Voice::Same
                } else {
                    Voice::Named(header.name.to_string())
                },
                lines: Vec::new(),
                // A speaker line over its own block starts a paragraph;
                // one-segment lines (`[SPEAKER_00]: text`) run on.
                paragraph: blank_before || header.rest.trim().is_empty(),
            };
            if !header.rest.trim().is_empty() {
                cue.lines.push(vec![Inline::text(header.rest.trim())]);
            }
            current = Some(cue);
            blank_before = false;
            continue;
        }
        match current.as_mut() {
            Some(cue) if blank_before && !cue.lines.is_empty() => {
                // A blank line inside one speaker's words: a new paragraph.
                let next = Cue {
                    line: number,
                    start: None,
                    end: None,
                    voice: cue.voice.clone(),
                    lines: vec![vec![Inline::text(trimmed)]],
                    paragraph: true,
                };
                if let Some(done) = current.replace(next) {
                    timed.cues.push(done);
                }
            }
            Some(cue) => cue.lines.push(vec![Inline::text(trimmed)]),
            None => {
                // A record line (`Date: May 3, 2024`) stands alone; other
                // lines join into paragraphs.
                let joins = !blank_before
                    && !is_record_line(trimmed)
                    && preamble.last().is_some_and(|l: &String| !is_record_line(l))
                    && preamble.len() > 1;
                if !joins {
                    preamble.push(trimmed.to_string());
                } else if let Some(last) = preamble.last_mut() {
                    last.push(' ');
                    last.push_str(trimmed);
                }
            }
        }
        blank_before = false;
    }
    if let Some(cue) = current {
        timed.cues.push(cue);
    }
    // A short first line before the first speaker is the title; the rest
    // before it is an introduction.
    if let Some(first) = preamble.first()
        && first.chars().count() <= 150
        && !first.ends_with(['.', '?', '!'])
        && !is_record_line(first)
    {
        timed.title = Some(preamble.remove(0));
    }
    // `Date: May 3, 2024` is the date of the recording; other record lines
    // (`Duration: 3 minutes`) stay as text.
    preamble.retain(|line| {
        let date = line
            .split_once(':')
            .filter(|(key, _)| {
                matches!(
                    key.trim().to_ascii_lowercase().as_str(),
                    "date" | "recorded" | "recording date" | "date recorded"
                )
            })
            .and_then(|(_, value)| crate::datetime::DateTime::parse(value.trim()));
        match date {
            Some(date) if timed.published.is_none() => {
                timed.published = Some(date);
                false
            }
            _ => true,
        }
    });
    timed.preamble = preamble;
    if let Some(line) = footer_at {
        timed.warnings.push(Diagnostic::new(
            DiagnosticKind::Ignored,
            Some(line),
            "the transcription tool's footer (`Transcribed by …`) is not part of the interview: left out",
        ));
    }
    timed
}

/// `Date: May 3, 2024`, `Duration: 3 minutes`: a record's key and a
/// colon. Only keys that exports write count: a headline may have a colon
/// too (`Community Radio Archive: The Allotment Society`).
fn is_record_line(line: &str) -> bool {
    const KEYS: &[&str] = &[
        "date",
        "recorded",
        "recording date",
        "date recorded",
        "duration",
        "length",
        "time",
        "location",
        "place",
        "participants",
        "speakers",
        "attendees",
        "interviewer",
        "interviewee",
        "host",
        "hosts",
        "guest",
        "guests",
        "topic",
        "subject",
        "language",
        "source",
        "episode",
        "meeting",
        "transcript",
        "file",
        "audio",
        "created",
        "keywords",
    ];
    line.split_once(':').is_some_and(|(key, value)| {
        KEYS.contains(&key.trim().to_lowercase().as_str()) && !value.trim().is_empty()
    })
}

fn is_footer(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    lower.starts_with("transcribed by ") && lower.contains("http")
        || lower.starts_with("transcribed by https://")
}

/// Reads a speaker line in any of the shapes above.
fn header(line: &str) -> Option<Header<'_>> {
    let trimmed = line.trim_end();
    // `0:15` alone: an export made without speaker names.
    if trimmed.contains(':')
        && !trimmed.contains(['.', ','])
        && let Some(start) = parse_clock(trimmed.trim())
    {
        return Some(Header {
            name: "",
            start: Some(start),
            hours: trimmed.matches(':').count() == 2,
            rest: "",
        });
    }
    // `[00:01:23] Name: text`, `(00:01:23) Name: text`
    if let Some((clock, after)) = leading_clock(trimmed) {
        let (name, rest) = name_colon(after.trim_start())?;
        return Some(Header {
            name,
            start: parse_clock(clock),
            hours: clock.matches(':').count() == 2,
            rest,
        });
    }
    // `Ann Lee: [00:01:23] text`
    if let Some((name, after)) = name_colon(trimmed)
        && let Some((clock, rest)) = leading_clock(after)
    {
        return Some(Header {
            name,
            start: parse_clock(clock),
            hours: clock.matches(':').count() == 2,
            rest: rest.trim_start(),
        });
    }
    // `[SPEAKER_00]: text`
    if let Some(inner) = trimmed.strip_prefix('[')
        && let Some(end) = inner.find(']')
        && let Some(rest) = inner[end + 1..].strip_prefix(':')
    {
        let name = inner[..end].trim();
        if super::marks::is_name(name) && parse_clock(name).is_none() {
            return Some(Header {
                name,
                start: None,
                hours: false,
                rest: rest.trim_start(),
            });
        }
    }
    // `Name (00:01:23): text`, `Name [00:01:23]: text`, `Name (00:01:23)`
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(at) = trimmed.find(open)
            && let Some(end) = trimmed[at..].find(close)
        {
            let name = trimmed[..at].trim();
            let clock = trimmed[at + 1..at + end].trim();
            let after = &trimmed[at + end + 1..];
            let rest = match after.strip_prefix(':') {
                Some(rest) => rest.trim_start(),
                None if after.trim().is_empty() => "",
                // `Ann Lee [00:01:23] text`: without a colon, only a name
                // of capitalised words counts, not a sentence's opening.
                None if open == '[' && every_word_capitalised(name) => after.trim_start(),
                None => continue,
            };
            if let Some(start) = parse_clock(clock)
                && super::marks::is_name(name)
            {
                return Some(Header {
                    name,
                    start: Some(start),
                    hours: clock.matches(':').count() == 2,
                    rest,
                });
            }
        }
    }
    // `Name  1:05` alone: two spaces or more, then the time.
    let (name, clock) = trimmed.rsplit_once("  ")?;
    let clock = clock.trim();
    let name = name.trim();
    let start =
        parse_clock(clock).filter(|_| clock.contains(':') && !clock.contains(['.', ',']))?;
    super::marks::is_name(name).then_some(Header {
        name,
        start: Some(start),
        hours: clock.matches(':').count() == 2,
        rest: "",
    })
}

fn every_word_capitalised(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// `[00:01:23]` or `(00:01:23)` at the start of a line.
fn leading_clock(line: &str) -> Option<(&str, &str)> {
    let close = match line.chars().next()? {
        '[' => ']',
        '(' => ')',
        _ => return None,
    };
    let end = line.find(close)?;
    let clock = line[1..end].trim();
    parse_clock(clock)?;
    Some((clock, &line[end + 1..]))
}

/// `Name: text` after a leading time.
fn name_colon(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let name = text[..colon].trim();
    super::marks::is_name(name).then(|| (name, text[colon + 1..].trim_start()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::plain_text;

    #[test]
    fn every_speaker_line_shape() {
        let h = |l| header(l).map(|h| (h.name, h.start, h.rest));
        assert_eq!(h("Dana Park  1:05"), Some(("Dana Park", Some(65.0), "")));
        assert_eq!(
            h("Unknown Speaker  1:02:05"),
            Some(("Unknown Speaker", Some(3725.0), ""))
        );
        assert_eq!(
            h("Speaker 1 (00:03:18):"),
            Some(("Speaker 1", Some(198.0), ""))
        );
        assert_eq!(
            h("Ann Lee (00:01:18): Hi."),
            Some(("Ann Lee", Some(78.0), "Hi."))
        );
        assert_eq!(
            h("Ann Lee [00:01:23]: Hi."),
            Some(("Ann Lee", Some(83.0), "Hi."))
        );
        assert_eq!(
            h("[00:01:23] Ann Lee: Hi."),
            Some(("Ann Lee", Some(83.0), "Hi."))
        );
        assert_eq!(
            h("(00:01:23) Ann Lee: Hi."),
            Some(("Ann Lee", Some(83.0), "Hi."))
        );
        assert_eq!(h("[SPEAKER_00]: Hi."), Some(("SPEAKER_00", None, "Hi.")));
        assert_eq!(
            h("Ann Lee: [00:01:23] Hi."),
            Some(("Ann Lee", Some(83.0), "Hi."))
        );
        assert_eq!(
            h("Ann Lee [01:23] Hi."),
            Some(("Ann Lee", Some(83.0), "Hi."))
        );
        assert_eq!(h("At the start [01:23] we sang."), None);
        assert_eq!(h("We met at 10:30 (about)."), None);
        assert_eq!(h("Q: Why?"), None);
        assert_eq!(h("0:15  "), Some(("", Some(15.0), "")));
    }

    #[test]
    fn otter_blocks_with_a_footer() {
        let text = "Dana Park  0:02\nWelcome to the show.\nIt is good.\n\nLuis Ortega  0:09\nThanks.\n\nMore from me.\n\nTranscribed by https://otter.ai\n";
        assert!(looks_like_export(text));
        let timed = parse(text);
        assert_eq!(timed.cues.len(), 3);
        assert_eq!(plain_text(&timed.cues[0].lines[1]), "It is good.");
        assert_eq!(timed.cues[2].voice, Voice::Named("Luis Ortega".into()));
        assert!(timed.cues[2].paragraph);
        assert_eq!(timed.warnings.len(), 1);
        assert!(!looks_like_export("Q: Why?\n\nA: Because.\n\nQ: When?\n"));
        // A header block: the title, the date, and the rest kept as text.
        let timed = parse(
            "Meeting Transcript\nDate: May 3, 2024\nDuration: 3 minutes\n\n[00:00] Sarah: Hi.\n[00:04] Omar: Hello.\n",
        );
        assert_eq!(timed.title.as_deref(), Some("Meeting Transcript"));
        assert_eq!(
            timed.published.map(|d| d.to_string()).as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(timed.preamble, ["Duration: 3 minutes"]);
    }
}
