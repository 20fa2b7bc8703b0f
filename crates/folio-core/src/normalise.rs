//! Normalisation of text as it arrives from copied pages and editors:
//! no-break and odd spaces become plain spaces, runs of white space collapse,
//! soft line breaks join lines (without a space between CJK characters),
//! and stage directions, timestamps and bare URLs get their own inline kinds.

use unicode_normalization::UnicodeNormalization;

use crate::model::Inline;

/// Cleans one piece of text: NFC, odd spaces to plain spaces, invisible
/// characters removed. Line breaks are kept; [`finish_inlines`] folds them.
pub fn clean_chars(text: &str) -> String {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let swap = |c: char| match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => {
            Some(' ')
        }
        // Invisible characters copied from web pages carry no content.
        '\u{200b}' | '\u{feff}' | '\u{ad}' | '\u{2060}' => None,
        c => Some(c),
    };
    // ASCII is NFC, and of it only the tab changes.
    if text.bytes().all(|b| b.is_ascii() && b != b'\t') {
        return text.to_string();
    }
    // Most text is already NFC and plain: copied as it is.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        if text.chars().all(|c| swap(c) == Some(c)) {
            return text.to_string();
        }
        return text.chars().filter_map(swap).collect();
    }
    text.nfc().filter_map(swap).collect()
}

/// One line of plain text, cleaned and with its white space collapsed.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean_chars(text);
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a character belongs to a script written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31BF
        | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF00..=0xFF60 | 0x20000..=0x2FA1F)
}

/// Puts inline content into its final form (see the module documentation).
pub fn finish_inlines(raw: Vec<Inline>) -> Vec<Inline> {
    let mut state = SpaceState::default();
    let collapsed = collapse(raw, &mut state);
    let merged = merge_text(collapsed);
    let trimmed = trim_edges(merged);
    mark_inline_kinds(trimmed, false)
}

#[derive(Default)]
struct SpaceState {
    prev: Option<char>,
    /// White space seen and not yet written; `true` when all of it was line breaks.
    pending: Option<bool>,
}

fn collapse(inlines: Vec<Inline>, state: &mut SpaceState) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        // White space before emphasis or a link is written outside it.
        if let Some(content) = inline.children() {
            let first = crate::model::plain_text(content)
                .chars()
                .find(|c| !c.is_whitespace());
            if let Some(space) = take_pending(state, first) {
                out.push(Inline::text(space));
                state.prev = Some(' ');
            }
        }
        match inline {
            Inline::Text { text } => {
                let text = collapse_text(&clean_chars(&text), state);
                out.push(Inline::text(text));
            }
            container @ (Inline::Emphasis { .. }
            | Inline::Strong { .. }
            | Inline::Link { .. }
            | Inline::Strikeout { .. }
            | Inline::Superscript { .. }
            | Inline::Subscript { .. }) => {
                out.push(container.map_children(|content| collapse(content, state)))
            }
            Inline::LineBreak => {
                state.pending = None;
                state.prev = None;
                out.push(Inline::LineBreak);
            }
            atomic @ (Inline::StageDirection { .. }
            | Inline::Timestamp { .. }
            | Inline::Code { .. }) => {
                // Atomic pieces: white space before them is written as text.
                let text = match &atomic {
                    Inline::StageDirection { text }
                    | Inline::Timestamp { text }
                    | Inline::Code { text } => text.as_str(),
                    _ => "",
                };
                if let Some(space) = take_pending(state, text.chars().next()) {
                    out.push(Inline::text(space));
                }
                state.prev = text.chars().last();
                out.push(atomic);
            }
        }
    }
    out
}

fn take_pending(state: &mut SpaceState, next: Option<char>) -> Option<&'static str> {
    let newline_only = state.pending.take()?;
    let prev = state.prev?;
    let next = next?;
    if newline_only && is_cjk(prev) && is_cjk(next) {
        None
    } else {
        Some(" ")
    }
}

fn collapse_text(text: &str, state: &mut SpaceState) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if state.prev == Some(' ') {
                continue;
            }
            let newline = c == '\n';
            state.pending = Some(state.pending.unwrap_or(true) && newline);
            continue;
        }
        if let Some(space) = take_pending(state, Some(c)) {
            out.push_str(space);
        }
        out.push(c);
        state.prev = Some(c);
    }
    out
}

fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let inline = inline.map_children(merge_text);
        match (&inline, out.last_mut()) {
            (Inline::Text { text }, _) if text.is_empty() => {}
            (
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Strikeout { content }
                | Inline::Superscript { content }
                | Inline::Subscript { content },
                _,
            ) if content.is_empty() => {}
            (Inline::Text { text }, Some(Inline::Text { text: last })) => last.push_str(text),
            _ => out.push(inline),
        }
    }
    out
}

/// Removes white space at the start and end of a paragraph and around line breaks.
fn trim_edges(mut inlines: Vec<Inline>) -> Vec<Inline> {
    trim_start(&mut inlines);
    trim_end(&mut inlines);
    // Line breaks at the very start or end carry nothing.
    while matches!(inlines.first(), Some(Inline::LineBreak)) {
        inlines.remove(0);
        trim_start(&mut inlines);
    }
    while matches!(inlines.last(), Some(Inline::LineBreak)) {
        inlines.pop();
        trim_end(&mut inlines);
    }
    merge_text(inlines)
}

fn trim_start(inlines: &mut [Inline]) {
    if let Some(first) = inlines.first_mut() {
        match first {
            Inline::Text { text } => *text = text.trim_start().to_string(),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Strikeout { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => trim_start(content),
            _ => {}
        }
    }
}

fn trim_end(inlines: &mut [Inline]) {
    if let Some(last) = inlines.last_mut() {
        match last {
            Inline::Text { text } => *text = text.trim_end().to_string(),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Strikeout { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => trim_end(content),
            _ => {}
        }
    }
}

/// Bracketed asides of 1 to 60 characters on one line, `[…]` or `(…)`,
/// without the same bracket nested inside: byte ranges, left to right.
fn bracketed(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        let start = pos;
        pos += c.len_utf8();
        let (close, other) = match c {
            '[' => (']', '['),
            '(' => (')', '('),
            _ => continue,
        };
        let mut count = 0;
        for (i, c) in text[pos..].char_indices() {
            if c == close {
                if count >= 1 {
                    found.push((start, pos + i + 1));
                    pos += i + 1;
                }
                break;
            }
            count += 1;
            if c == other || c == '\n' || count > 60 {
                break;
            }
        }
    }
    found
}

/// `12:05`, `1:02:03`, `00:12.5`: a transcript timestamp.
fn is_timestamp(text: &str) -> bool {
    let digits = |s: &str, min: usize, max: usize| {
        let n = s.chars().count();
        n >= min && n <= max && s.chars().all(|c| c.is_ascii_digit())
    };
    let (clock, fraction) = match text.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (text, None),
    };
    if fraction.is_some_and(|f| !digits(f, 1, 3)) {
        return false;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    match parts.as_slice() {
        [m, s] => digits(m, 1, 2) && digits(s, 2, 2),
        [h, m, s] => digits(h, 1, 2) && digits(m, 1, 2) && digits(s, 2, 2),
        _ => false,
    }
}

/// Bare `http://` and `https://` links: byte ranges, left to right, each
/// ending before closing punctuation.
fn urls(text: &str) -> Vec<(usize, usize)> {
    let stop = |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '[' | ']');
    let trailing = |c: char| ".,;:!?)'’”".contains(c);
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("http") {
        let start = from + at;
        let after = &text[start + 4..];
        let scheme = if after.starts_with("s://") {
            8
        } else if after.starts_with("://") {
            7
        } else {
            from = start + 4;
            continue;
        };
        let body = start + scheme;
        let run_end = text[body..]
            .char_indices()
            .find(|&(_, c)| stop(c))
            .map_or(text.len(), |(i, _)| body + i);
        let end = text[body..run_end]
            .char_indices()
            .rfind(|&(_, c)| !trailing(c))
            .map(|(i, c)| body + i + c.len_utf8());
        match end {
            Some(end) => {
                found.push((start, end));
                from = end;
            }
            None => from = start + 4,
        }
    }
    found
}

/// Words that open a stage direction in transcripts: `(Laughter.)`, `[laughs]`.
const STAGE_WORDS: &[&str] = &[
    "laughter",
    "laughs",
    "laugh",
    "laughing",
    "chuckles",
    "chuckle",
    "chuckling",
    "applause",
    "sighs",
    "sigh",
    "pause",
    "pauses",
    "crosstalk",
    "cross-talk",
    "inaudible",
    "unintelligible",
    "indistinct",
    "coughs",
    "cough",
    "cheers",
    "cheering",
    "music",
    "silence",
    "smiles",
    "smiling",
    "groans",
    "gasps",
    "sniffs",
    "cries",
    "crying",
    "sobs",
    "giggles",
    "nods",
    "shrugs",
    "claps",
    "clapping",
    "booing",
    "boos",
    "overlapping",
    "static",
    "beep",
    "bleep",
    "break",
    "recess",
    "off-mic",
    "speaking",
    "speaks",
    "whispers",
    "shouts",
    "sings",
    "singing",
    "exhales",
    "inhales",
    "laughs.",
    "applause.",
    "interruption",
    "interrupts",
    "interposing",
    "long",
    "brief",
    "technical",
    "audio",
    "video",
    "phone",
    "end",
    "recording",
    "background",
    "door",
    "mic",
    "snaps",
    "sound",
    "sounds",
    "noise",
    "murmurs",
    "murmuring",
    "silent",
    "gestures",
    "points",
];

fn is_stage_direction(inner: &str) -> bool {
    let inner = inner.trim();
    let first = inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', '!', ':'])
        .to_lowercase();
    if STAGE_WORDS.contains(&first.as_str()) {
        return true;
    }
    // `(In English.)`, `(Through an interpreter.)`: a language switch.
    let words: Vec<&str> = inner.split_whitespace().collect();
    matches!(first.as_str(), "in" | "through" | "via")
        && words.len() <= 3
        && words.last().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || w.starts_with("interpret")
        })
}

fn is_shouted_direction(inner: &str) -> bool {
    let letters: Vec<char> = inner.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && inner.split_whitespace().count() <= 4
}

/// Splits text nodes into stage directions, timestamps and links.
fn mark_inline_kinds(inlines: Vec<Inline>, in_link: bool) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text { text } if !in_link => split_text(&text, &mut out),
            Inline::Link { url, content } => out.push(Inline::Link {
                url,
                content: mark_inline_kinds(content, true),
            }),
            other => out.push(other.map_children(|content| mark_inline_kinds(content, in_link))),
        }
    }
    out
}

fn split_text(text: &str, out: &mut Vec<Inline>) {
    let mut rest = 0;
    for (start, end) in bracketed(text) {
        let whole = &text[start..end];
        let inner = &whole[1..whole.len() - 1];
        let square = whole.starts_with('[');
        let kind = if is_timestamp(inner.trim()) {
            Some(Inline::Timestamp {
                text: whole.to_string(),
            })
        } else if is_stage_direction(inner) || (square && is_shouted_direction(inner)) {
            Some(Inline::StageDirection {
                text: whole.to_string(),
            })
        } else {
            None
        };
        if let Some(kind) = kind {
            push_linked_text(&text[rest..start], out);
            out.push(kind);
            rest = end;
        }
    }
    push_linked_text(&text[rest..], out);
}

fn push_linked_text(text: &str, out: &mut Vec<Inline>) {
    let mut rest = 0;
    for (start, end) in urls(text) {
        if start > rest {
            out.push(Inline::text(&text[rest..start]));
        }
        let url = &text[start..end];
        out.push(Inline::Link {
            url: url.to_string(),
            content: vec![Inline::text(url)],
        });
        rest = end;
    }
    if rest < text.len() {
        out.push(Inline::text(&text[rest..]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    fn spans<'a>(text: &'a str, found: &[(usize, usize)]) -> Vec<&'a str> {
        found.iter().map(|&(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn asides_are_one_line_unnested_and_at_most_sixty_characters() {
        let text = "a (laughs) b [00:12] c () [x [y] z] (two\nlines) (é)";
        assert_eq!(
            spans(text, &bracketed(text)),
            ["(laughs)", "[00:12]", "[y]", "(é)"]
        );
        let long = format!("[{}] (ok)", "x".repeat(61));
        assert_eq!(spans(&long, &bracketed(&long)), ["(ok)"]);
        let sixty = format!("[{}]", "x".repeat(60));
        assert_eq!(bracketed(&sixty), [(0, 62)]);
    }

    #[test]
    fn timestamps_are_clock_readings() {
        for yes in ["12:05", "1:02:03", "00:12.5", "1:00.125"] {
            assert!(is_timestamp(yes), "{yes}");
        }
        for no in [
            "12",
            "1:2",
            "123:00",
            "1:00.",
            "1:00.1234",
            "a:00",
            "1:2:3:4",
        ] {
            assert!(!is_timestamp(no), "{no}");
        }
    }

    #[test]
    fn urls_end_before_closing_punctuation() {
        let text =
            "See https://example.org/a_(b). Or (http://x.io/y?q=1), not http:// or httpx://z.";
        assert_eq!(
            spans(text, &urls(text)),
            ["https://example.org/a_(b", "http://x.io/y?q=1"]
        );
        let tail = "end: https://a.b/c”";
        assert_eq!(spans(tail, &urls(tail)), ["https://a.b/c"]);
    }

    #[test]
    fn no_break_spaces_become_spaces_and_runs_collapse() {
        let out = finish_inlines(vec![t("  SOURCE\u{a0}/\u{a0}ECONOMY  \n")]);
        assert_eq!(out, vec![t("SOURCE / ECONOMY")]);
    }

    #[test]
    fn soft_breaks_join_lines_with_a_space_except_between_cjk() {
        let out = finish_inlines(vec![t("hard\nwrapped line")]);
        assert_eq!(out, vec![t("hard wrapped line")]);
        let out = finish_inlines(vec![t("中文\n文本 and\nmore")]);
        assert_eq!(out, vec![t("中文文本 and more")]);
    }

    #[test]
    fn spaces_across_inline_boundaries_collapse_once() {
        let out = finish_inlines(vec![
            t("a "),
            Inline::Emphasis {
                content: vec![t(" b ")],
            },
            t(" c"),
        ]);
        assert_eq!(
            out,
            vec![
                t("a "),
                Inline::Emphasis {
                    content: vec![t("b")]
                },
                t(" c")
            ]
        );
    }

    #[test]
    fn stage_directions_and_timestamps_get_their_own_kinds() {
        let out = finish_inlines(vec![t(
            "[04:22] Well, (Laughter.) I [CHUCKLES] said [the president] was (quite) right [laughs]",
        )]);
        let switch = finish_inlines(vec![t("(In English.) Yes, (in 1998) we did.")]);
        assert_eq!(
            switch,
            vec![
                Inline::StageDirection {
                    text: "(In English.)".into()
                },
                t(" Yes, (in 1998) we did.")
            ]
        );
        assert_eq!(
            out,
            vec![
                Inline::Timestamp {
                    text: "[04:22]".into()
                },
                t(" Well, "),
                Inline::StageDirection {
                    text: "(Laughter.)".into()
                },
                t(" I "),
                Inline::StageDirection {
                    text: "[CHUCKLES]".into()
                },
                t(" said [the president] was (quite) right "),
                Inline::StageDirection {
                    text: "[laughs]".into()
                },
            ]
        );
    }

    #[test]
    fn bare_urls_become_links() {
        let out = finish_inlines(vec![t("See https://example.org/a?b=1. Then")]);
        assert_eq!(
            out,
            vec![
                t("See "),
                Inline::Link {
                    url: "https://example.org/a?b=1".into(),
                    content: vec![t("https://example.org/a?b=1")]
                },
                t(". Then")
            ]
        );
    }
}
