//! A DOCX a person wrote: paragraphs become the raw blocks the Markdown
//! reader makes, so the one assembler finds labels (a bold `Name:` in a
//! Normal paragraph is `**Name:**`), turns, roles and sections. Title and
//! Subtitle styles give the headline, Heading styles (or an outline level)
//! sections, Quote styles quotes, numbered paragraphs lists, pictures
//! figures with the Caption paragraph under them, and a two-column table
//! used for questions and answers gives its rows as labelled paragraphs.

use crate::assemble::{RawBlock, RawKind};
use crate::model::{Block, Figure, Inline, Meta, plain_text};
use crate::normalise::clean_line;

use super::body::{Item, Para, Table};
use super::folio_doc::table_block;
use super::lists::{self, ListPara};
use super::styles::ParaKind;

/// What the paragraphs give, before the assembler.
#[derive(Debug, Default)]
pub struct Written {
    pub blocks: Vec<RawBlock>,
    pub meta: Meta,
    pub editors_note: Option<String>,
    pub intro: Option<String>,
    pub bio: Option<String>,
}

#[derive(Default)]
struct Builder {
    written: Written,
    /// Blank paragraphs before the one being read.
    blank_before: usize,
    list: Vec<ListPara>,
    list_line: usize,
    /// The last block was a quote paragraph.
    quote_open: bool,
}

pub fn build(items: Vec<Item>) -> Written {
    let mut builder = Builder::default();
    for item in items {
        match item {
            Item::Para(paragraph) => builder.paragraph(paragraph),
            Item::Table(table) => {
                builder.flush_list();
                builder.quote_open = false;
                builder.table(&table);
            }
        }
    }
    builder.flush_list();
    builder.written
}

fn append(target: &mut Option<String>, text: String) {
    match target {
        Some(existing) => {
            existing.push_str("\n\n");
            existing.push_str(&text);
        }
        None => *target = Some(text),
    }
}

impl Builder {
    fn push(&mut self, line: usize, kind: RawKind) {
        // Paragraphs are apart as Markdown's are (one blank line); blank
        // paragraphs typed for spacing widen the gap.
        let gap_before = match self.written.blocks.is_empty() {
            true => 0,
            false => 1 + std::mem::take(&mut self.blank_before),
        };
        self.written.blocks.push(RawBlock {
            line,
            gap_before,
            kind,
        });
    }

    fn paragraph(&mut self, paragraph: Para) {
        let is_list = paragraph.list.is_some()
            || matches!(
                paragraph.kind,
                ParaKind::ListBullet | ParaKind::ListNumber | ParaKind::ListParagraph
            );
        if is_list {
            self.list_paragraph(paragraph);
            return;
        }
        self.flush_list();
        self.blank_before = paragraph.blank_before;
        let was_quote = std::mem::take(&mut self.quote_open);
        let line = paragraph.number;
        let text = clean_line(&plain_text(&paragraph.inlines));
        let meta = &mut self.written.meta;
        let kind = match (paragraph.kind, paragraph.outline) {
            (ParaKind::Normal | ParaKind::BodyText, Some(level)) => ParaKind::Heading(level + 1),
            (kind, _) => kind,
        };
        match kind {
            ParaKind::Title if meta.title.is_none() => meta.title = Some(text),
            ParaKind::Subtitle if meta.subtitle.is_none() => meta.subtitle = Some(text),
            ParaKind::Kicker if meta.kicker.is_none() => meta.kicker = Some(text),
            ParaKind::Byline if meta.authors.is_empty() => {
                meta.authors = super::super::split_people(&text)
            }
            ParaKind::Participants | ParaKind::Contents | ParaKind::Dates => {}
            ParaKind::EditorsNote => append(&mut self.written.editors_note, text),
            ParaKind::Intro => append(&mut self.written.intro, text),
            ParaKind::Bio => append(&mut self.written.bio, text),
            ParaKind::Title | ParaKind::Heading(_) if !text.is_empty() => {
                let level = match kind {
                    ParaKind::Heading(level) => level,
                    _ => 1,
                };
                self.push(line, RawKind::Heading { level, text });
            }
            ParaKind::Quote => {
                let inner = RawBlock::paragraph(line, 0, paragraph.inlines.clone());
                match self.written.blocks.last_mut() {
                    Some(RawBlock {
                        kind: RawKind::Quote(blocks),
                        ..
                    }) if was_quote => blocks.push(inner),
                    _ => self.push(line, RawKind::Quote(vec![inner])),
                }
                self.quote_open = true;
            }
            ParaKind::Caption => {
                // `… Photo: Jane Roe` carries its credit when no Credit run did.
                let (caption, credit) = match paragraph.credit {
                    Some(credit) => (Some(text).filter(|t| !t.is_empty()), Some(credit)),
                    None => {
                        let parsed = crate::read::caption::split_caption(&text);
                        (parsed.caption, parsed.credit)
                    }
                };
                match self.written.blocks.last_mut() {
                    Some(RawBlock {
                        kind: RawKind::Figure(figure),
                        ..
                    }) if figure.caption.is_none() && figure.credit.is_none() => {
                        figure.caption = caption;
                        figure.credit = credit;
                    }
                    _ => self.push(
                        line,
                        RawKind::Figure(Figure {
                            caption,
                            credit,
                            ..Figure::default()
                        }),
                    ),
                }
                return;
            }
            ParaKind::FigurePlaceholder => {
                let alt = text
                    .strip_prefix("[Image:")
                    .and_then(|t| t.strip_suffix(']'))
                    .map(|t| t.trim().to_string());
                self.push(
                    line,
                    RawKind::Figure(Figure {
                        alt,
                        ..Figure::default()
                    }),
                );
            }
            _ => {
                // A paragraph that opens with Folio's Speaker Label keeps
                // its label as a bold label for the assembler.
                let mut inlines = paragraph.inlines.clone();
                if let Some(label) = &paragraph.label {
                    let label = label.trim_end_matches([':', '：']).trim();
                    inlines.insert(0, Inline::text(" "));
                    inlines.insert(
                        0,
                        Inline::Strong {
                            content: vec![Inline::text(format!("{label}:"))],
                        },
                    );
                }
                if !plain_text(&inlines).trim().is_empty() {
                    self.push(line, RawKind::Paragraph(inlines));
                }
            }
        }
        for figure in paragraph.figures {
            self.push(line, RawKind::Figure(figure));
        }
    }

    fn list_paragraph(&mut self, paragraph: Para) {
        self.quote_open = false;
        if self.list.is_empty() {
            self.list_line = paragraph.number;
        }
        let para = ListPara::of(paragraph, self.list.last(), false);
        self.list.push(para);
    }

    fn flush_list(&mut self) {
        if self.list.is_empty() {
            return;
        }
        let paragraphs = std::mem::take(&mut self.list);
        let line = self.list_line;
        for block in lists::build(&paragraphs) {
            let raw = to_raw(block, line);
            self.push(line, raw.kind);
        }
    }

    /// A two-column table of labels or questions beside answers gives
    /// labelled paragraphs; any other table stays a table.
    fn table(&mut self, table: &Table) {
        let line = table.number;
        match qa_rows(table) {
            Some(QaRows::Labelled(rows)) => {
                for (label, answer) in rows {
                    let mut inlines = vec![
                        Inline::Strong {
                            content: vec![Inline::text(format!("{label}:"))],
                        },
                        Inline::text(" "),
                    ];
                    inlines.extend(answer);
                    self.push(line, RawKind::Paragraph(inlines));
                }
            }
            Some(QaRows::Questions(rows)) => {
                for (question, answer) in rows {
                    let question = Inline::Strong {
                        content: vec![Inline::text(question)],
                    };
                    self.push(line, RawKind::Paragraph(vec![question]));
                    self.push(line, RawKind::Paragraph(answer));
                }
            }
            None => {
                let raw = to_raw(table_block(table), line);
                self.push(line, raw.kind);
            }
        }
    }
}

enum QaRows {
    /// `(label, answer)`: the left cell names the speaker.
    Labelled(Vec<(String, Vec<Inline>)>),
    /// `(question, answer)`: the left cell asks.
    Questions(Vec<(String, Vec<Inline>)>),
}

/// The rows of a table laid out as an interview: two columns, the right
/// one the longer, every left cell a short label or every one a question.
fn qa_rows(table: &Table) -> Option<QaRows> {
    let cell_text = |cell: &Vec<Para>| {
        clean_line(
            &cell
                .iter()
                .map(|p| plain_text(&p.inlines))
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let cell_inlines = |cell: &Vec<Para>| {
        let mut out = Vec::new();
        for (index, paragraph) in cell.iter().enumerate() {
            if index > 0 {
                out.push(Inline::LineBreak);
            }
            out.extend(paragraph.inlines.iter().cloned());
        }
        out
    };
    let rows: Vec<(String, String, Vec<Inline>)> = table
        .rows
        .iter()
        .filter(|row| !row.header)
        .map(|row| match row.cells.as_slice() {
            [left, right] => Some((cell_text(left), cell_text(right), cell_inlines(right))),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if rows.len() < 2
        || rows
            .iter()
            .any(|(left, right, _)| left.is_empty() || right.is_empty())
    {
        return None;
    }
    let words = |text: &str| text.split_whitespace().count();
    let right_words: usize = rows.iter().map(|(_, right, _)| words(right)).sum();
    let left_words: usize = rows.iter().map(|(left, _, _)| words(left)).sum();
    // A fact box (`Boats | 11`) has short right cells.
    if right_words < rows.len() * 6 || right_words <= left_words {
        return None;
    }
    let is_label = |left: &str| {
        let bare = left.trim_end_matches([':', '：']).trim();
        words(bare) <= 4 && !bare.contains(['?', '？']) && !bare.is_empty()
    };
    let is_question = |left: &str| left.trim_end().ends_with(['?', '？']);
    if rows.iter().all(|(left, _, _)| is_label(left)) {
        let labelled = rows
            .into_iter()
            .map(|(left, _, answer)| {
                let label = left.trim_end_matches([':', '：']).trim().to_string();
                (label, answer)
            })
            .collect();
        return Some(QaRows::Labelled(labelled));
    }
    if rows.iter().all(|(left, _, _)| is_question(left)) {
        let questions = rows
            .into_iter()
            .map(|(left, _, answer)| (left, answer))
            .collect();
        return Some(QaRows::Questions(questions));
    }
    None
}

/// A model block as the raw block the assembler reads.
fn to_raw(block: Block, line: usize) -> RawBlock {
    let kind = match block {
        Block::Paragraph { content } => RawKind::Paragraph(content),
        Block::List { ordered, items } => RawKind::List {
            ordered,
            items: items
                .into_iter()
                .map(|item| item.into_iter().map(|b| to_raw(b, line)).collect())
                .collect(),
        },
        Block::Quote { content } => {
            RawKind::Quote(content.into_iter().map(|b| to_raw(b, line)).collect())
        }
        Block::Figure { figure } => RawKind::Figure(figure),
        Block::Table {
            header,
            rows,
            align,
        } => RawKind::Table {
            header,
            rows,
            align,
        },
    };
    RawBlock {
        line,
        gap_before: 0,
        kind,
    }
}
