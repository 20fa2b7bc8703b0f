//! The parts around the turns: raw blocks into model blocks, the front
//! (editor's note, introduction, figures) and the closing (bio, afterword,
//! footer).

use crate::assemble::labels::LabelScan;
use crate::assemble::{RawBlock, RawKind};
use crate::model::{Alignment, Block, ClosingBlock, FrontBlock, Inline, plain_text};
use crate::normalise::finish_inlines;

/// A finished paragraph, or nothing when it is empty.
pub fn paragraph(inlines: Vec<Inline>) -> Option<Block> {
    let content = finish_inlines(inlines);
    (!content.is_empty()).then_some(Block::Paragraph { content })
}

/// The content of a paragraph printed wholly in bold or italics, unwrapped:
/// the emphasis was the convention for marking it, not part of the text.
pub fn unwrap_whole(block: Block) -> Block {
    match block {
        Block::Paragraph { content } => match content.as_slice() {
            [Inline::Strong { content: inner }] | [Inline::Emphasis { content: inner }] => {
                Block::Paragraph {
                    content: inner.clone(),
                }
            }
            _ => Block::Paragraph { content },
        },
        other => other,
    }
}

/// Whether finished inline content is wholly in italics.
pub fn is_wholly_italic(inlines: &[Inline]) -> bool {
    matches!(inlines, [Inline::Emphasis { .. }])
}

/// Converts a raw block into model blocks.
pub fn to_blocks(raw: RawBlock) -> Vec<Block> {
    match raw.kind {
        RawKind::Paragraph(inlines) => paragraph(inlines).into_iter().collect(),
        RawKind::Heading { text, .. } => paragraph(vec![Inline::Strong {
            content: vec![Inline::text(text)],
        }])
        .into_iter()
        .collect(),
        RawKind::Rule => Vec::new(),
        RawKind::List { ordered, items } => {
            let items: Vec<Vec<Block>> = items
                .into_iter()
                .map(|item| item.into_iter().flat_map(to_blocks).collect::<Vec<_>>())
                .filter(|item| !item.is_empty())
                .collect();
            if items.is_empty() {
                Vec::new()
            } else {
                vec![Block::List { ordered, items }]
            }
        }
        RawKind::Quote(inner) => {
            let content: Vec<Block> = inner.into_iter().flat_map(to_blocks).collect();
            if content.is_empty() {
                Vec::new()
            } else {
                vec![Block::Quote { content }]
            }
        }
        RawKind::Figure(figure) => vec![Block::Figure { figure }],
        RawKind::Code(text) => code_paragraphs(&text),
        RawKind::Table {
            header,
            rows,
            align,
        } => table(header, rows, align).into_iter().collect(),
    }
}

/// A finished table: each cell's inlines finished like a paragraph's. A
/// header of empty cells (`| | |` over the delimiter row) is no header and
/// a row of empty cells no row; nothing is left of a table without text.
pub fn table(
    header: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    align: Vec<Alignment>,
) -> Option<Block> {
    let mut header: Vec<Vec<Inline>> = header.into_iter().map(finish_inlines).collect();
    if header.iter().all(Vec::is_empty) {
        header.clear();
    }
    let rows: Vec<Vec<Vec<Inline>>> = rows
        .into_iter()
        .map(|row| row.into_iter().map(finish_inlines).collect::<Vec<_>>())
        // A row of empty cells holds nothing (a spacer in the source).
        .filter(|row| row.iter().any(|cell| !cell.is_empty()))
        .collect();
    let empty = header.is_empty() && rows.is_empty();
    let align = if align.iter().all(|a| *a == Alignment::Default) {
        Vec::new()
    } else {
        align
    };
    (!empty).then_some(Block::Table {
        header,
        rows,
        align,
    })
}

/// Literal text read as prose: paragraphs at blank lines, lines joined.
pub fn code_paragraphs(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .filter_map(|chunk| paragraph(vec![Inline::text(chunk)]))
        .collect()
}

fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let lower = text.trim_start().to_lowercase();
    prefixes.iter().any(|p| lower.starts_with(p))
}

/// Notes that say how the interview was edited belong with the editor's note.
pub fn is_editing_note(text: &str) -> bool {
    starts_with_any(
        text,
        &[
            "this interview has been",
            "this interview was",
            "this conversation has been",
            "this conversation was",
            "this transcript has been",
            "this transcript was",
            "the interview has been",
            "the interview was edited",
            "the following interview has been",
            "the following conversation has been",
            "interview has been edited",
            "it has been edited",
        ],
    )
}

pub fn is_footer(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    t.starts_with('©')
        || starts_with_any(
            t,
            &[
                "copyright",
                "(c) ",
                "all rights reserved",
                "[end",
                "end of transcript",
                "end of interview",
                "end of extract",
            ],
        )
        || matches!(
            lower.as_str(),
            "end" | "end." | "###" | "# # #" | "-30-" | "— end —" | "- end -" | "[end]"
        )
        || is_time_line(t)
}

/// `11:21 A.M. EDT`, `14:05`: a time stamped on a briefing transcript.
pub fn is_time_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let digits_and_colon =
        first.contains(':') && first.chars().all(|c| c.is_ascii_digit() || c == ':');
    digits_and_colon
        && words.len() <= 3
        && words[1..]
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
}

/// A short line before the intro naming a place or time: `Civic Hall, Port Alder`.
pub fn is_dateline(text: &str) -> bool {
    let t = text.trim();
    is_time_line(t)
        || (t.split_whitespace().count() <= 6
            && !t.is_empty()
            && !t.ends_with(['.', '?', '!', ':', ';', '"', '”'])
            && t.chars().next().is_some_and(char::is_uppercase))
}

pub fn is_bio_heading(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    lower.starts_with("about ")
        || matches!(
            lower.as_str(),
            "bio" | "biography" | "contributors" | "contributor" | "the author" | "about"
        )
}

/// Whether a paragraph after the last turn introduces a person: `Dana Park is a…`.
pub fn is_bio_text(text: &str, names: &[String]) -> bool {
    let t = text.trim_start();
    if starts_with_any(
        t,
        &[
            "the author",
            "the interviewer",
            "the writer",
            "about the",
            "interview by",
            "interviewed by",
        ],
    ) {
        return true;
    }
    names.iter().any(|name| {
        name.split_whitespace().count() >= 2
            && t.strip_prefix(name.as_str()).is_some_and(|rest| {
                [" is ", " was ", ", ", " (", " has "]
                    .iter()
                    .any(|p| rest.starts_with(p))
            })
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosingKind {
    Bio,
    Afterword,
    Footer,
}

pub fn closing_kind(block: &Block, names: &[String], default: ClosingKind) -> ClosingKind {
    let text = block.plain_text();
    if is_footer(&text) {
        ClosingKind::Footer
    } else if is_bio_text(&text, names) {
        ClosingKind::Bio
    } else {
        default
    }
}

/// Appends a block to the closing, merging it with a closing block of the same kind.
pub fn push_closing(closing: &mut Vec<ClosingBlock>, kind: ClosingKind, block: Block) {
    let block = unwrap_whole(block);
    if let Some(last) = closing.last_mut() {
        let same = match (last, kind) {
            (ClosingBlock::Bio { content }, ClosingKind::Bio)
            | (ClosingBlock::Afterword { content }, ClosingKind::Afterword)
            | (ClosingBlock::Footer { content }, ClosingKind::Footer) => Some(content),
            _ => None,
        };
        if let Some(content) = same {
            content.push(block);
            return;
        }
    }
    let content = vec![block];
    closing.push(match kind {
        ClosingKind::Bio => ClosingBlock::Bio { content },
        ClosingKind::Afterword => ClosingBlock::Afterword { content },
        ClosingKind::Footer => ClosingBlock::Footer { content },
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrontMode {
    Intro,
    /// An `Editor's Note:` heading was seen: paragraphs belong to it until a wide gap.
    Note,
}

/// Sorts what stands before the first turn into editor's note, introduction and figures.
pub fn build_front(blocks: Vec<(RawBlock, LabelScan)>) -> Vec<FrontBlock> {
    let mut front: Vec<FrontBlock> = Vec::new();
    let mut mode = FrontMode::Intro;
    for (raw, scan) in blocks {
        let gap = raw.gap_before;
        if let LabelScan::EditorsNote(rest) = scan {
            match paragraph(rest) {
                Some(block) => push_front(&mut front, true, unwrap_whole(block)),
                None => mode = FrontMode::Note,
            }
            continue;
        }
        if mode == FrontMode::Note
            && (gap >= 2 || matches!(raw.kind, RawKind::Heading { .. } | RawKind::Rule))
            && front_has_note(&front)
        {
            mode = FrontMode::Intro;
        }
        match raw.kind {
            RawKind::Figure(figure) => front.push(FrontBlock::Figure { figure }),
            RawKind::Rule => {}
            RawKind::Paragraph(ref inlines) => {
                // `*Editor's note: …*` printed wholly in italics.
                let note_in_italics = match inlines.as_slice() {
                    [Inline::Emphasis { content }] => match super::labels::scan(content) {
                        LabelScan::EditorsNote(rest) => Some(rest),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(rest) = note_in_italics {
                    if let Some(block) = paragraph(rest) {
                        push_front(&mut front, true, block);
                    } else {
                        mode = FrontMode::Note;
                    }
                    continue;
                }
                let text = plain_text(inlines);
                let before_prose = !front.iter().any(|b| {
                    matches!(
                        b,
                        FrontBlock::Introduction { .. } | FrontBlock::EditorsNote { .. }
                    )
                });
                if before_prose && mode == FrontMode::Intro && is_dateline(&text) {
                    front.push(FrontBlock::Dateline {
                        text: crate::normalise::clean_line(&text),
                    });
                    continue;
                }
                let in_note = mode == FrontMode::Note || is_editing_note(&text);
                for block in to_blocks(raw) {
                    let block = if in_note { unwrap_whole(block) } else { block };
                    push_front(&mut front, in_note, block);
                }
            }
            _ => {
                let in_note = mode == FrontMode::Note;
                for block in to_blocks(raw) {
                    push_front(&mut front, in_note, block);
                }
            }
        }
    }
    front
}

fn front_has_note(front: &[FrontBlock]) -> bool {
    front
        .iter()
        .any(|b| matches!(b, FrontBlock::EditorsNote { content } if !content.is_empty()))
}

fn push_front(front: &mut Vec<FrontBlock>, note: bool, block: Block) {
    // One note and one introduction: later paragraphs join the existing block.
    let existing = front.iter_mut().find_map(|b| match (b, note) {
        (FrontBlock::EditorsNote { content }, true)
        | (FrontBlock::Introduction { content }, false) => Some(content),
        _ => None,
    });
    match existing {
        Some(content) => content.push(block),
        None if note => front.push(FrontBlock::EditorsNote {
            content: vec![block],
        }),
        None => front.push(FrontBlock::Introduction {
            content: vec![block],
        }),
    }
}
