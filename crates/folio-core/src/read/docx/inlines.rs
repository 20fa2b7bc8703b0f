//! Runs as the model's inlines. Word keeps formatting flat (each run says
//! whether it is bold, italic, struck, raised or linked); the model nests
//! it. Consecutive runs sharing a property are wrapped together, the
//! property whose span reaches furthest outermost, so `**a *b* c**` comes
//! back as it was written.

use crate::model::Inline;

/// One piece of a paragraph with the formatting in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub piece: Piece,
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub superscript: bool,
    pub subscript: bool,
    pub link: Option<String>,
    /// Which `w:r` the piece came from.
    pub run: usize,
    /// The run has no attributes and no run properties, as Folio's writer
    /// writes plain text; an editor's runs carry revision ids, fonts or
    /// languages.
    pub bare: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    LineBreak,
    StageDirection(String),
    Timestamp(String),
    Code(String),
}

impl Segment {
    pub fn plain(piece: Piece) -> Self {
        Segment {
            piece,
            bold: false,
            italic: false,
            strike: false,
            superscript: false,
            subscript: false,
            link: None,
            run: 0,
            bare: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wrapper {
    Link,
    Strike,
    Superscript,
    Subscript,
    Emphasis,
    Strong,
}

/// In this order a wrapper wins a tie for the outermost place.
const WRAPPERS: [Wrapper; 6] = [
    Wrapper::Link,
    Wrapper::Strike,
    Wrapper::Superscript,
    Wrapper::Subscript,
    Wrapper::Emphasis,
    Wrapper::Strong,
];

fn has(segment: &Segment, wrapper: Wrapper) -> bool {
    match wrapper {
        Wrapper::Link => segment.link.is_some(),
        Wrapper::Strike => segment.strike,
        Wrapper::Superscript => segment.superscript,
        Wrapper::Subscript => segment.subscript,
        Wrapper::Emphasis => segment.italic,
        Wrapper::Strong => segment.bold,
    }
}

fn without(segment: &Segment, wrapper: Wrapper) -> Segment {
    let mut out = segment.clone();
    match wrapper {
        Wrapper::Link => out.link = None,
        Wrapper::Strike => out.strike = false,
        Wrapper::Superscript => out.superscript = false,
        Wrapper::Subscript => out.subscript = false,
        Wrapper::Emphasis => out.italic = false,
        Wrapper::Strong => out.bold = false,
    }
    out
}

/// Where the span of `wrapper` starting at `start` ends (exclusive).
fn span_end(segments: &[Segment], start: usize, wrapper: Wrapper) -> usize {
    let first = segments.get(start);
    let mut end = start;
    while let Some(segment) = segments.get(end) {
        let same = has(segment, wrapper)
            && (wrapper != Wrapper::Link || segment.link == first.and_then(|s| s.link.clone()));
        if !same {
            break;
        }
        end += 1;
    }
    end
}

/// The inlines of `segments`. With `join_runs` the text of neighbouring
/// runs is one text (as a person sees it). Without, the text of two bare
/// runs stays two texts, as Folio's writer wrote one run for each text of
/// the model; a run an editor split (Word and LibreOffice mark their runs)
/// is joined again.
pub fn build(segments: &[Segment], join_runs: bool) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut at = 0;
    while let Some(segment) = segments.get(at) {
        let mut best: Option<(Wrapper, usize)> = None;
        for wrapper in WRAPPERS {
            if has(segment, wrapper) {
                let end = span_end(segments, at, wrapper);
                if best.is_none_or(|(_, best_end)| end > best_end) {
                    best = Some((wrapper, end));
                }
            }
        }
        match best {
            None => {
                let joins = at
                    .checked_sub(1)
                    .and_then(|before| segments.get(before))
                    .is_some_and(|before| {
                        !has_wrapper(before)
                            && (before.run == segment.run || !(before.bare && segment.bare))
                    });
                if join_runs || joins {
                    push(&mut out, piece_inline(&segment.piece));
                } else if !matches!(&segment.piece, Piece::Text(t) if t.is_empty()) {
                    out.push(piece_inline(&segment.piece));
                }
                at += 1;
            }
            Some((wrapper, end)) => {
                let inner: Vec<Segment> = segments
                    .get(at..end)
                    .unwrap_or_default()
                    .iter()
                    .map(|s| without(s, wrapper))
                    .collect();
                let content = build(&inner, join_runs);
                let link = segment.link.clone().unwrap_or_default();
                wrap(&mut out, wrapper, content, link);
                at = end.max(at + 1);
            }
        }
    }
    out
}

fn has_wrapper(segment: &Segment) -> bool {
    WRAPPERS.iter().any(|w| has(segment, *w))
}

fn piece_inline(piece: &Piece) -> Inline {
    match piece {
        Piece::Text(text) => Inline::text(text.clone()),
        Piece::LineBreak => Inline::LineBreak,
        Piece::StageDirection(text) => Inline::StageDirection { text: text.clone() },
        Piece::Timestamp(text) => Inline::Timestamp { text: text.clone() },
        Piece::Code(text) => Inline::Code { text: text.clone() },
    }
}

/// Appends `inline`, joining text to text and a split stage direction,
/// timestamp or code span to its other half (Word splits runs freely).
pub fn push(out: &mut Vec<Inline>, inline: Inline) {
    match (out.last_mut(), inline) {
        (Some(Inline::Text { text: last }), Inline::Text { text }) => last.push_str(&text),
        (Some(Inline::StageDirection { text: last }), Inline::StageDirection { text })
        | (Some(Inline::Timestamp { text: last }), Inline::Timestamp { text })
        | (Some(Inline::Code { text: last }), Inline::Code { text }) => last.push_str(&text),
        (_, Inline::Text { text }) if text.is_empty() => {}
        (_, inline) => out.push(inline),
    }
}

/// Wraps `content`, keeping spaces at its edges outside the wrapper (Word
/// users bold `Name: ` with its space; the model has `**Name:** `).
fn wrap(out: &mut Vec<Inline>, wrapper: Wrapper, mut content: Vec<Inline>, link: String) {
    let mut leading = String::new();
    let mut trailing = String::new();
    if wrapper != Wrapper::Link {
        if let Some(Inline::Text { text }) = content.first_mut() {
            let kept = text.trim_start().len();
            leading = text[..text.len() - kept].to_string();
            *text = text[text.len() - kept..].to_string();
        }
        if let Some(Inline::Text { text }) = content.last_mut() {
            let kept = text.trim_end().len();
            trailing = text[kept..].to_string();
            text.truncate(kept);
        }
        content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    }
    push(out, Inline::text(leading));
    if !content.is_empty() {
        push(
            out,
            match wrapper {
                Wrapper::Link => Inline::Link { url: link, content },
                Wrapper::Strike => Inline::Strikeout { content },
                Wrapper::Superscript => Inline::Superscript { content },
                Wrapper::Subscript => Inline::Subscript { content },
                Wrapper::Emphasis => Inline::Emphasis { content },
                Wrapper::Strong => Inline::Strong { content },
            },
        );
    }
    push(out, Inline::text(trailing));
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn text(t: &str, bold: bool, italic: bool) -> Segment {
        Segment {
            bold,
            italic,
            ..Segment::plain(Piece::Text(t.into()))
        }
    }

    #[test]
    fn nesting_follows_the_longest_span() {
        let inlines = build(
            &[
                text("a ", true, false),
                text("b", true, true),
                text(" c", true, false),
                text(" d", false, false),
            ],
            true,
        );
        assert_eq!(
            inlines,
            vec![
                Inline::Strong {
                    content: vec![
                        Inline::text("a "),
                        Inline::Emphasis {
                            content: vec![Inline::text("b")]
                        },
                        Inline::text(" c"),
                    ]
                },
                Inline::text(" d"),
            ]
        );
    }

    #[test]
    fn spaces_stay_outside_bold_and_split_runs_join() {
        let inlines = build(
            &[
                text("Ana", true, false),
                text(": ", true, false),
                text("Hello", false, false),
                text(" there", false, false),
            ],
            true,
        );
        assert_eq!(
            inlines,
            vec![
                Inline::Strong {
                    content: vec![Inline::text("Ana:")]
                },
                Inline::text(" Hello there"),
            ]
        );
    }

    #[test]
    fn folio_runs_stay_apart_and_an_editors_split_is_joined() {
        let run = |t: &str, run: usize, bare: bool| Segment {
            run,
            bare,
            ..Segment::plain(Piece::Text(t.into()))
        };
        // Folio wrote two texts of the model as two bare runs.
        assert_eq!(
            build(&[run(" ", 1, true), run("Welcome", 2, true)], false),
            vec![Inline::text(" "), Inline::text("Welcome")]
        );
        // LibreOffice split `€3.20` for a font change.
        assert_eq!(
            build(&[run("€", 1, false), run("3.20", 2, true)], false),
            vec![Inline::text("€3.20")]
        );
    }
}
