//! Interviews printed without speaker labels: the questions are set in bold
//! (often numbered, often as an ordered list with the answer indented under
//! each), or a bold question is followed in the same paragraph, after a line
//! break, by its answer.

use crate::assemble::labels::LabelScan;
use crate::assemble::region::{ClosingKind, build_front, is_bio_heading, paragraph, to_blocks};
use crate::assemble::speakers::SpeakerHints;
use crate::assemble::turns::{
    IMPLIED_ANSWER, IMPLIED_QUESTION, TurnDraft, Walk, finish, implied_answer_label,
    implied_question_label,
};
use crate::assemble::{Assembled, LOOKED_FOR, RawBlock, RawKind};
use crate::diagnostic::Diagnostic;
use crate::model::{Inline, Section, SpeakerRole, plain_text};
use crate::normalise::clean_line;

/// A bold question and the text after it in the same paragraph.
struct BoldQuestion {
    question: Vec<Inline>,
    answer: Vec<Inline>,
}

fn bold_question(inlines: &[Inline]) -> Option<BoldQuestion> {
    marked_question(inlines, false)
}

/// A question set apart by bold, or by italics when `italic` (texts that
/// print every question in italics and the answers upright).
fn marked_question(inlines: &[Inline], italic: bool) -> Option<BoldQuestion> {
    let start = inlines
        .iter()
        .position(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()))?;
    let content = match &inlines[start] {
        Inline::Strong { content } => content,
        Inline::Emphasis { content } if italic => content,
        _ => return None,
    };
    let after = &inlines[start + 1..];
    let answer: Vec<Inline> = match after.first() {
        None => Vec::new(),
        Some(Inline::LineBreak) => after[1..].to_vec(),
        Some(Inline::Text { text }) if text.trim_start_matches([' ', '\t']).starts_with('\n') => {
            after.to_vec()
        }
        Some(Inline::Text { text }) if text.trim().is_empty() && after.len() == 1 => Vec::new(),
        _ => return None,
    };
    let text = plain_text(content);
    let text = text.trim();
    let numbered = text.split_once(['.', ')']).is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())
    });
    let asks = text.ends_with(['?', '？']);
    let has_answer = !plain_text(&answer).trim().is_empty();
    (asks || numbered || has_answer).then(|| BoldQuestion {
        question: content.clone(),
        answer,
    })
}

/// The question that opens a list item: a bold question, or a wholly bold
/// first paragraph with the answer in the item's further blocks
/// (`1. __Tell us about yourself.__` and the answer indented under it).
fn item_question(item: &[RawBlock]) -> Option<BoldQuestion> {
    let RawKind::Paragraph(inlines) = &item.first()?.kind else {
        return None;
    };
    if let Some(found) = bold_question(inlines) {
        return Some(found);
    }
    let meaningful: Vec<&Inline> = inlines
        .iter()
        .filter(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()))
        .collect();
    match meaningful.as_slice() {
        [Inline::Strong { content }] if item.len() > 1 => Some(BoldQuestion {
            question: content.clone(),
            answer: Vec::new(),
        }),
        _ => None,
    }
}

fn is_question_list(kind: &RawKind) -> bool {
    let RawKind::List {
        ordered: true,
        items,
    } = kind
    else {
        return false;
    };
    let bold_items = items
        .iter()
        .filter(|item| item_question(item).is_some())
        .count();
    bold_items > 0 && bold_items * 2 >= items.len()
}

/// How the questions of a text without labels are set apart.
#[derive(Debug, Clone, Copy, Default)]
struct Marking {
    /// Wholly italic paragraphs that ask are questions.
    italic: bool,
    /// Headings that ask are questions (`### Why did you start?`).
    headings: bool,
}

impl Marking {
    /// Looks at the whole text: a convention counts when it is used at
    /// least twice and, for headings, by most of the headings.
    fn of(blocks: &[RawBlock]) -> Self {
        let asks = |text: &str| text.trim_end().ends_with(['?', '？', '؟']);
        let headings: Vec<&str> = blocks
            .iter()
            .filter_map(|b| match &b.kind {
                RawKind::Heading { level, text } if *level >= 2 => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let asking_headings = headings.iter().filter(|t| asks(t)).count();
        let italic_questions = blocks
            .iter()
            .filter(|b| {
                matches!(&b.kind, RawKind::Paragraph(inlines)
                    if matches!(inlines.as_slice(), [Inline::Emphasis { content }] if asks(&plain_text(content))))
            })
            .count();
        let bold = blocks.iter().filter(|b| is_bold_question_block(b)).count();
        Marking {
            italic: bold == 0 && italic_questions >= 2,
            headings: bold == 0
                && asking_headings >= 2
                && asking_headings * 5 >= headings.len() * 3,
        }
    }

    fn question(self, block: &RawBlock) -> Option<BoldQuestion> {
        match &block.kind {
            RawKind::Paragraph(inlines) => marked_question(inlines, self.italic),
            RawKind::Heading { text, .. }
                if self.headings && text.trim_end().ends_with(['?', '？', '؟']) =>
            {
                Some(BoldQuestion {
                    question: vec![Inline::text(text.clone())],
                    answer: Vec::new(),
                })
            }
            _ => None,
        }
    }

    fn is_question_block(self, block: &RawBlock) -> bool {
        self.question(block).is_some() || is_question_list(&block.kind)
    }
}

fn is_bold_question_block(block: &RawBlock) -> bool {
    match &block.kind {
        RawKind::Paragraph(inlines) => bold_question(inlines).is_some(),
        kind => is_question_list(kind),
    }
}

pub(super) fn build(
    blocks: Vec<RawBlock>,
    scans: Vec<LabelScan>,
    hints: &SpeakerHints,
    context: &str,
    warnings: Vec<Diagnostic>,
) -> Result<Assembled, String> {
    let marking = Marking::of(&blocks);
    let Some(first) = blocks.iter().position(|b| marking.is_question_block(b)) else {
        return Err(LOOKED_FOR.to_string());
    };
    let last = blocks
        .iter()
        .rposition(|b| marking.is_question_block(b))
        .unwrap_or(first);
    let mut items: Vec<(RawBlock, LabelScan)> = blocks.into_iter().zip(scans).collect();
    let body = items.split_off(first);
    let front = build_front(items);
    let mut walk = Walk {
        drafts: Vec::new(),
        sections: Vec::new(),
        closing: Vec::new(),
        closing_mode: None,
        orphan: false,
        warnings,
    };
    let labels = (implied_question_label(hints), implied_answer_label(hints));
    for (offset, (raw, _)) in body.into_iter().enumerate() {
        let index = first + offset;
        if let Some(mode) = walk.closing_mode {
            for block in to_blocks(raw) {
                walk.closing.push((mode, block));
            }
            continue;
        }
        let line = raw.line;
        if let Some(found) = marking.question(&raw) {
            push_question(&mut walk, &labels, line, found.question, found.answer);
            continue;
        }
        match raw.kind {
            RawKind::List { ref items, .. } if is_question_list(&raw.kind) => {
                for item in items.clone() {
                    let question = item_question(&item);
                    let mut rest = item.into_iter();
                    let Some(head) = rest.next() else { continue };
                    match question {
                        Some(found) => {
                            push_question(
                                &mut walk,
                                &labels,
                                head.line,
                                found.question,
                                found.answer,
                            );
                        }
                        None => push_answer(&mut walk, &labels, head),
                    }
                    for block in rest {
                        push_answer(&mut walk, &labels, block);
                    }
                }
            }
            RawKind::Heading { level, ref text } => {
                if is_bio_heading(text) && index > last {
                    walk.closing_mode = Some(ClosingKind::Bio);
                    for block in to_blocks(raw.clone()) {
                        walk.closing.push((ClosingKind::Bio, block));
                    }
                } else {
                    walk.sections.push(Section {
                        heading: clean_line(text),
                        level,
                        first_turn: walk.drafts.len(),
                        content: Vec::new(),
                    });
                }
            }
            RawKind::Rule => {
                if index > last {
                    walk.closing_mode = Some(ClosingKind::Afterword);
                }
            }
            _ => push_answer(&mut walk, &labels, raw),
        }
    }
    finish(walk, front, hints, context)
}

fn push_question(
    walk: &mut Walk,
    labels: &(String, String),
    line: usize,
    question: Vec<Inline>,
    answer: Vec<Inline>,
) {
    walk.drafts.push(TurnDraft {
        key: IMPLIED_QUESTION.to_string(),
        label: labels.0.clone(),
        line,
        content: paragraph(question).into_iter().collect(),
        bold_label: false,
        implied_role: Some(SpeakerRole::Interviewer),
        introduces: None,
        start: None,
    });
    if let Some(block) = paragraph(answer) {
        walk.drafts.push(TurnDraft {
            key: IMPLIED_ANSWER.to_string(),
            label: labels.1.clone(),
            line,
            content: vec![block],
            bold_label: false,
            implied_role: Some(SpeakerRole::Interviewee),
            introduces: None,
            start: None,
        });
    }
}

fn push_answer(walk: &mut Walk, labels: &(String, String), raw: RawBlock) {
    let line = raw.line;
    let blocks = to_blocks(raw);
    if blocks.is_empty() {
        return;
    }
    match walk.drafts.last_mut() {
        Some(draft) if draft.key == IMPLIED_ANSWER => draft.content.extend(blocks),
        _ => walk.drafts.push(TurnDraft {
            key: IMPLIED_ANSWER.to_string(),
            label: labels.1.clone(),
            line,
            content: blocks,
            bold_label: false,
            implied_role: Some(SpeakerRole::Interviewee),
            introduces: None,
            start: None,
        }),
    }
}
