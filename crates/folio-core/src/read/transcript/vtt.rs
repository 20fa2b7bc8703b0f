//! WebVTT, read by the W3C grammar: the `WEBVTT` signature and its header,
//! cue identifiers, timings with settings, `NOTE`, `STYLE` and `REGION`
//! blocks, and cue text with its tags (`<v>`, `<c>`, `<i>`, `<b>`, `<u>`,
//! `<lang>`, `<ruby>`, inline time stamps) and character references.
//!
//! Written here rather than taken from a crate: the WebVTT crates on
//! crates.io either stop at the cue payload (leaving the voice spans that
//! name speakers unparsed) or give no line and column for what they refuse.
//! Real exports also stray from the grammar (blank lines inside a cue,
//! `,` before milliseconds, one-digit hours); those are read, not refused.

use super::cues::TimedText;
use super::marks::take_mark;
use super::{Cue, Voice, parse_clock};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::Error;
use crate::model::Inline;
use crate::source::location_at;

pub(super) fn parse(text: &str, name: &str) -> Result<TimedText, Error> {
    let lines: Vec<&str> = text.split('\n').collect();
    let first = lines.first().copied().unwrap_or("");
    let signature = first.strip_prefix("WEBVTT");
    let title = match signature {
        Some(rest) if rest.is_empty() || rest.starts_with([' ', '\t']) => rest
            .trim()
            .trim_start_matches(['-', '–', '—'])
            .trim()
            .to_string(),
        _ => {
            return Err(Error::Syntax {
                name: name.to_string(),
                location: location_at(text, 1, 1),
                message: "not a WebVTT file: the first line must be `WEBVTT` (optionally followed by a space and a title)".into(),
            });
        }
    };
    let mut timed = TimedText {
        title: (!title.is_empty()).then_some(title),
        ..TimedText::default()
    };
    // The header runs to the first blank line; `Language: en` is kept.
    let mut index = 1;
    while let Some(line) = lines.get(index) {
        if line.trim().is_empty() {
            break;
        }
        if let Some((key, value)) = line.split_once(':')
            && key.trim().eq_ignore_ascii_case("language")
            && !value.trim().is_empty()
        {
            timed.language = Some(value.trim().to_string());
        }
        index += 1;
    }
    let mut order = TimeOrder::default();
    let mut continued_at: Option<usize> = None;
    let mut ignored_at: Option<usize> = None;
    while index < lines.len() {
        // Skip empty lines, then take the block up to the next one. Only
        // an empty line ends a block: auto-captions put lines of a single
        // space inside their cues.
        if lines[index].trim().is_empty() {
            index += 1;
            continue;
        }
        let start = index;
        while index < lines.len() && !lines[index].is_empty() {
            index += 1;
        }
        let block = &lines[start..index];
        let head = block[0].trim_start();
        let keyword = |word: &str| {
            head.strip_prefix(word)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        };
        if keyword("NOTE") || ((keyword("STYLE") || keyword("REGION")) && !block[0].contains("-->"))
        {
            continue;
        }
        let timing = if block[0].contains("-->") {
            Some(0)
        } else if block.len() > 1 && block[1].contains("-->") {
            Some(1)
        } else {
            None
        };
        let Some(timing) = timing else {
            // Text after a blank line inside a cue: real exports do this.
            if !timed.cues.is_empty() {
                continued_at.get_or_insert(start + 1);
                continue_cue(&mut timed, &block.join("\n"), start + 1, text, name)?;
            } else {
                ignored_at.get_or_insert(start + 1);
            }
            continue;
        };
        let payload = block[timing + 1..].join("\n");
        let at = (start + timing + 1, block[timing]);
        timed_cue(&mut timed, &mut order, at, &payload, '.', text, name)?;
    }
    order.report(&mut timed.warnings);
    if let Some(line) = continued_at {
        timed.warnings.push(Diagnostic::new(
            DiagnosticKind::Other,
            Some(line),
            "text after a blank line inside a cue (WebVTT ends a cue at a blank line): read as more of the cue before",
        ));
    }
    if let Some(line) = ignored_at {
        timed.warnings.push(Diagnostic::new(
            DiagnosticKind::Ignored,
            Some(line),
            "a block before the first cue has no timing line and is not NOTE, STYLE or REGION: ignored",
        ));
    }
    Ok(timed)
}

/// The cues of a block whose timing line is `timing` (its 1-based line
/// number and text) and whose text is `payload`, checked for time order.
pub(super) fn timed_cue(
    timed: &mut TimedText,
    order: &mut TimeOrder,
    (line_number, timing): (usize, &str),
    payload: &str,
    separator: char,
    text: &str,
    name: &str,
) -> Result<(), Error> {
    let (start, end) = timings(timing, line_number, text, name, separator)?;
    order.check(start, end, line_number);
    timed.cues.extend(cue_text(
        payload,
        line_number + 1,
        Some(start),
        Some(end),
        text,
        name,
    )?);
    Ok(())
}

/// Text after a blank line inside a cue (real exports do this): more of
/// the cue before, unless it names another voice.
pub(super) fn continue_cue(
    timed: &mut TimedText,
    payload: &str,
    line: usize,
    text: &str,
    name: &str,
) -> Result<(), Error> {
    for cue in cue_text(payload, line, None, None, text, name)? {
        match timed.cues.last_mut() {
            Some(last) if cue.voice == Voice::Same || cue.voice == last.voice => {
                last.lines.extend(cue.lines)
            }
            _ => timed.cues.push(cue),
        }
    }
    Ok(())
}

/// Cues out of time order and overlapping cues are read in file order; each
/// kind is reported once, with its first line and how often it happened.
#[derive(Debug, Default)]
pub(super) struct TimeOrder {
    previous: Option<(f64, f64)>,
    out_of_order: Option<(usize, usize)>,
    overlapping: Option<(usize, usize)>,
}

impl TimeOrder {
    pub(super) fn check(&mut self, start: f64, end: f64, line: usize) {
        if let Some((prev_start, prev_end)) = self.previous {
            if start < prev_start {
                let entry = self.out_of_order.get_or_insert((line, 0));
                entry.1 += 1;
            } else if start < prev_end {
                let entry = self.overlapping.get_or_insert((line, 0));
                entry.1 += 1;
            }
        }
        self.previous = Some((start, end));
    }

    pub(super) fn report(self, warnings: &mut Vec<Diagnostic>) {
        if let Some((line, count)) = self.out_of_order {
            warnings.push(Diagnostic::new(
                DiagnosticKind::Other,
                Some(line),
                format!("{count} cue(s) start before the cue above them; read in file order"),
            ));
        }
        if let Some((line, count)) = self.overlapping {
            warnings.push(Diagnostic::new(
                DiagnosticKind::Other,
                Some(line),
                format!("{count} cue(s) start before the cue above them ends; read in file order"),
            ));
        }
    }
}

/// `00:01.000 --> 00:04.000 align:start` as start and end seconds.
pub(super) fn timings(
    line: &str,
    line_number: usize,
    text: &str,
    name: &str,
    separator: char,
) -> Result<(f64, f64), Error> {
    let error = |column: usize, message: String| Error::Syntax {
        name: name.to_string(),
        location: location_at(text, line_number, column),
        message,
    };
    let column_of = |part: &str| {
        let offset = part.as_ptr() as usize - line.as_ptr() as usize;
        line.get(..offset).map_or(1, |s| s.chars().count() + 1)
    };
    let Some((left, right)) = line.split_once("-->") else {
        return Err(error(1, "expected a cue timing `START --> END`".into()));
    };
    let start_text = left.trim();
    let mut rest = right.split_whitespace();
    let Some(end_text) = rest.next() else {
        return Err(error(
            line.chars().count() + 1,
            "the cue timing has no end time after `-->`".into(),
        ));
    };
    let clock = |part: &str| {
        parse_clock(part).ok_or_else(|| {
            error(
                column_of(part),
                format!(
                    "invalid cue timing: {part:?} is not a time (expected HH:MM:SS{separator}mmm or MM:SS{separator}mmm)"
                ),
            )
        })
    };
    let start = if start_text.is_empty() {
        return Err(error(
            1,
            "the cue timing has no start time before `-->`".into(),
        ));
    } else {
        clock(start_text)?
    };
    let end = clock(end_text)?;
    if end < start {
        return Err(error(
            column_of(end_text),
            format!("the cue ends at {end_text} before it starts at {start_text}"),
        ));
    }
    Ok((start, end))
}

/// A cue's payload as one or more cues, one per voice.
pub(super) fn cue_text(
    payload: &str,
    first_line: usize,
    start: Option<f64>,
    end: Option<f64>,
    text: &str,
    name: &str,
) -> Result<Vec<Cue>, Error> {
    let segments = parse_payload(payload, first_line, text, name)?;
    let mut cues: Vec<Cue> = Vec::new();
    let has_voice = segments.iter().any(|(voice, _)| voice.is_some());
    for (voice, inlines) in segments {
        let lines = split_lines(inlines);
        match voice {
            Some(voice) => cues.push(Cue {
                line: first_line,
                start,
                end,
                // `<v ->`, as some caption services write an unnamed voice.
                voice: if voice.chars().any(char::is_alphanumeric) {
                    Voice::Named(voice)
                } else {
                    Voice::Change
                },
                lines,
                paragraph: false,
            }),
            None if has_voice => match cues.last_mut() {
                Some(last) => last.lines.extend(lines),
                None => cues.push(Cue {
                    line: first_line,
                    start,
                    end,
                    voice: Voice::Same,
                    lines,
                    paragraph: false,
                }),
            },
            None => cues.extend(marked_cues(lines, first_line, start, end)),
        }
    }
    cues.retain(|cue| !cue.lines.is_empty());
    Ok(cues)
}

/// Lines of a cue without voice tags, split where a line opens with a
/// speaker mark (`Name:`, `>>`, `- `).
pub(super) fn marked_cues(
    lines: Vec<Vec<Inline>>,
    line: usize,
    start: Option<f64>,
    end: Option<f64>,
) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    for (offset, text_line) in lines.into_iter().enumerate() {
        let (mut voice, rest) = take_mark(text_line);
        if let Voice::Prefix { opens_cue, .. } = &mut voice {
            *opens_cue = offset == 0;
        }
        match (voice, cues.last_mut()) {
            (Voice::Same, Some(last)) => last.lines.push(rest),
            (voice, _) => cues.push(Cue {
                line: line + offset,
                start,
                end,
                voice,
                lines: vec![rest],
                paragraph: false,
            }),
        }
    }
    cues
}

/// Splits inlines at the line breaks of their top-level text.
pub(super) fn split_lines(inlines: Vec<Inline>) -> Vec<Vec<Inline>> {
    let mut lines: Vec<Vec<Inline>> = vec![Vec::new()];
    for inline in inlines {
        match inline {
            Inline::Text { text } if text.contains('\n') => {
                for (i, part) in text.split('\n').enumerate() {
                    if i > 0 {
                        lines.push(Vec::new());
                    }
                    if !part.is_empty()
                        && let Some(line) = lines.last_mut()
                    {
                        line.push(Inline::text(part));
                    }
                }
            }
            other => {
                if let Some(line) = lines.last_mut() {
                    line.push(other);
                }
            }
        }
    }
    lines.retain(|line| !crate::model::plain_text(line).trim().is_empty());
    lines
}

/// What a span tag makes of its content.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Span {
    Italic,
    Bold,
    /// `<c>`, `<u>`, `<lang>`, `<ruby>`, an unknown tag: the text as it is.
    Plain,
    /// `<rt>`: a ruby annotation, a reading aid and not the words said.
    RubyText,
}

/// Cue text said by one voice (`None` outside any `<v>`).
type VoiceSegment = (Option<String>, Vec<Inline>);

/// Parses cue text into voice segments: `(voice, inlines)`, the voice
/// `None` for text outside any `<v>`.
fn parse_payload(
    payload: &str,
    first_line: usize,
    text: &str,
    name: &str,
) -> Result<Vec<VoiceSegment>, Error> {
    let mut segments: Vec<VoiceSegment> = vec![(None, Vec::new())];
    let mut stack: Vec<(Span, Vec<Inline>)> = Vec::new();
    let mut literal = String::new();
    let mut rest = payload;
    loop {
        let Some(open) = rest.find('<') else {
            literal.push_str(rest);
            break;
        };
        literal.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('>');
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '/');
        let Some(close) = close.filter(|_| starts_tag) else {
            if after.starts_with('v') && after[1..].starts_with([' ', '\t', '.', '\n']) {
                let offset = payload.len() - rest.len() + open;
                let before = &payload[..offset];
                let line = first_line + before.matches('\n').count();
                let column = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
                return Err(Error::Syntax {
                    name: name.to_string(),
                    location: location_at(text, line, column),
                    message: "unterminated voice span: `<v` is never closed with `>`".into(),
                });
            }
            // A `<` that opens no tag is text (`a < b`, `<3`).
            literal.push('<');
            rest = after;
            continue;
        };
        let tag = &after[..close];
        rest = &after[close + 1..];
        flush_text(&mut literal, &mut stack, &mut segments);
        if let Some(end) = tag.strip_prefix('/') {
            let end = end.trim();
            if end == "v" {
                close_spans(&mut stack, &mut segments);
                segments.push((None, Vec::new()));
            } else if let Some((span, content)) = stack.pop() {
                push_inline(&mut stack, &mut segments, wrap(span, content));
            }
            continue;
        }
        if tag.starts_with(|c: char| c.is_ascii_digit()) {
            // An inline time stamp (karaoke timing): not words.
            continue;
        }
        let (tag_name, annotation) = match tag.find([' ', '\t', '\n']) {
            Some(at) => (&tag[..at], tag[at..].trim()),
            None => (tag, ""),
        };
        let tag_name = tag_name.split('.').next().unwrap_or("");
        match tag_name {
            "v" => {
                close_spans(&mut stack, &mut segments);
                let voice = decode_entities(annotation).trim().to_string();
                segments.push(((!voice.is_empty()).then_some(voice), Vec::new()));
            }
            "i" => stack.push((Span::Italic, Vec::new())),
            "b" => stack.push((Span::Bold, Vec::new())),
            "rt" => stack.push((Span::RubyText, Vec::new())),
            _ => stack.push((Span::Plain, Vec::new())),
        }
    }
    flush_text(&mut literal, &mut stack, &mut segments);
    close_spans(&mut stack, &mut segments);
    segments.retain(|(_, inlines)| !crate::model::plain_text(inlines).trim().is_empty());
    Ok(segments)
}

fn wrap(span: Span, content: Vec<Inline>) -> Vec<Inline> {
    match span {
        Span::Italic => vec![Inline::Emphasis { content }],
        Span::Bold => vec![Inline::Strong { content }],
        Span::Plain => content,
        Span::RubyText => Vec::new(),
    }
}

fn push_inline(
    stack: &mut [(Span, Vec<Inline>)],
    segments: &mut [VoiceSegment],
    inlines: Vec<Inline>,
) {
    let target = match stack.last_mut() {
        Some((_, content)) => content,
        None => match segments.last_mut() {
            Some((_, content)) => content,
            None => return,
        },
    };
    target.extend(inlines);
}

fn flush_text(
    literal: &mut String,
    stack: &mut [(Span, Vec<Inline>)],
    segments: &mut [VoiceSegment],
) {
    if literal.is_empty() {
        return;
    }
    let text = decode_entities(literal);
    literal.clear();
    push_inline(stack, segments, vec![Inline::text(text)]);
}

/// Closes every open span (a voice change or the cue's end closes them).
fn close_spans(stack: &mut Vec<(Span, Vec<Inline>)>, segments: &mut [VoiceSegment]) {
    while let Some((span, content)) = stack.pop() {
        push_inline(stack, segments, wrap(span, content));
    }
}

/// Character references: the named ones WebVTT defines, the HTML ones
/// caption tools write, and numeric ones. Anything else stays as written.
pub(super) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|end| {
            let entity = &after[..end];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                "lrm" => '\u{200e}',
                "rlm" => '\u{200f}',
                // HTML's punctuation names, which caption editors write too.
                "mdash" => '—',
                "ndash" => '–',
                "hellip" => '…',
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                _ => {
                    let number = entity.strip_prefix('#')?;
                    let value = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(value).filter(|c| *c != '\0')?
                }
            };
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::plain_text;

    fn cues(text: &str) -> Vec<Cue> {
        parse(text, "t.vtt").unwrap().cues
    }

    #[test]
    fn voices_name_the_speakers_with_or_without_the_closing_tag() {
        let got = cues(
            "WEBVTT - A talk\n\n1\n00:00.000 --> 00:02.000 align:start\n<v.loud Ann Lee>Hello <i>there</i>\n\n00:02.000 --> 00:03.000\n<v Bo>Hi &amp; welcome</v>\n",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].voice, Voice::Named("Ann Lee".into()));
        assert_eq!(got[0].start, Some(0.0));
        assert!(matches!(&got[0].lines[0][1], Inline::Emphasis { .. }));
        assert_eq!(got[1].voice, Voice::Named("Bo".into()));
        assert_eq!(plain_text(&got[1].lines[0]), "Hi & welcome");
    }

    #[test]
    fn two_voices_in_one_cue_are_two_cues() {
        let got = cues("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>One</v><v B>Two</v>\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].voice, Voice::Named("B".into()));
    }

    #[test]
    fn notes_styles_regions_and_inline_stamps_are_not_words() {
        let got = cues(
            "WEBVTT\nKind: captions\nLanguage: de\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\nNOTE a note\nover lines\n\n00:00:01.000 --> 00:00:02.000\nWord <00:00:01.500><c.red>by</c> word\n",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(plain_text(&got[0].lines[0]), "Word by word");
        assert_eq!(
            parse("WEBVTT\nLanguage: de\n\n", "t.vtt")
                .unwrap()
                .language
                .as_deref(),
            Some("de")
        );
    }

    #[test]
    fn bad_timings_and_unterminated_voices_name_line_and_column() {
        let err = parse("WEBVTT\n\n00:01.000 --> 00:0x.000\nHi\n", "t.vtt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.vtt:3:15: invalid cue timing: \"00:0x.000\" is not a time (expected HH:MM:SS.mmm or MM:SS.mmm)"
        );
        let err = parse("WEBVTT\n\n00:05.000 --> 00:01.000\nHi\n", "t.vtt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.vtt:3:15: the cue ends at 00:01.000 before it starts at 00:05.000"
        );
        let err = parse("WEBVTT\n\n00:01.000 --> 00:02.000\nSo <v Ann\n", "t.vtt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.vtt:4:4: unterminated voice span: `<v` is never closed with `>`"
        );
        let err = parse("WEBVTTX\n", "t.vtt").unwrap_err();
        assert!(
            err.to_string().starts_with("t.vtt:1:1: not a WebVTT file"),
            "{err}"
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        let got = cues("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>a < b and <3 &foo; done\n");
        assert_eq!(plain_text(&got[0].lines[0]), "a < b and <3 &foo; done");
    }
}
