//! The walk over the body: labelled paragraphs open turns, unlabelled ones
//! continue them, headings open sections, and what follows the last turn
//! closes the piece. Texts with no labels at all are read by their bold
//! questions instead.

use std::collections::{HashMap, HashSet};

use crate::assemble::labels::{self, LabelScan, LabelStyle, label_key};
use crate::assemble::region::{
    self, ClosingKind, build_front, closing_kind, is_bio_heading, paragraph, push_closing,
    to_blocks,
};
use crate::assemble::speakers::{self, SpeakerDraft, SpeakerHints};
use crate::assemble::{Assembled, LOOKED_FOR, RawBlock, RawKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{
    Block, ClosingBlock, Inline, Section, Speaker, SpeakerRole, Turn, TurnRole, blocks_plain_text,
};
use crate::normalise::clean_line;

/// A turn being collected.
#[derive(Debug, Clone)]
pub(super) struct TurnDraft {
    pub key: String,
    pub label: String,
    pub line: usize,
    pub content: Vec<Block>,
    /// The label was printed inside bold text: the bold marked the turn.
    pub bold_label: bool,
    pub implied_role: Option<SpeakerRole>,
    /// The name a `Name (ABBR)` label gave.
    pub introduces: Option<String>,
    /// Where the turn starts in the recording, in seconds (timed sources).
    pub start: Option<f64>,
}

/// Key of the answerer a reader supplies when only questions are labelled.
pub(super) const IMPLIED_ANSWER: &str = "\u{0}answer";
pub(super) const IMPLIED_QUESTION: &str = "\u{0}question";

pub fn build(
    blocks: Vec<RawBlock>,
    hints: &SpeakerHints,
    context: &str,
) -> Result<Assembled, String> {
    let known = known_labels(hints);
    let blocks = lift_labelled_containers(blocks);
    let blocks = split_at_line_labels(blocks, &known);
    let scans: Vec<LabelScan> = blocks
        .iter()
        .map(|b| match &b.kind {
            RawKind::Paragraph(inlines) => match labels::scan(inlines) {
                LabelScan::None if !known.is_empty() => labels::scan_known(inlines, &known),
                scan => scan,
            },
            _ => LabelScan::None,
        })
        .collect();
    let mut warnings = Vec::new();
    let accepted = accept_labels(&blocks, &scans, hints, &mut warnings);
    let is_turn = |scan: &LabelScan| matches!(scan, LabelScan::Label(h) if accepted.contains(&label_key(&h.label)));
    let Some(first) = scans.iter().position(is_turn) else {
        return super::unlabelled::build(blocks, scans, hints, context, warnings);
    };
    let last_label = scans.iter().rposition(is_turn).unwrap_or(first);
    let question_only = accepted.iter().all(|k| k == "Q");

    let mut items: Vec<(RawBlock, LabelScan)> = blocks.into_iter().zip(scans).collect();
    let body = items.split_off(first);
    let mut front_items = items;
    let mut sections = Vec::new();
    // A heading right before the first turn opens the first section.
    if let Some((
        RawBlock {
            kind: RawKind::Heading { level, text },
            ..
        },
        _,
    )) = front_items.last()
        && !is_bio_heading(text)
    {
        sections.push(Section {
            heading: clean_line(text),
            level: *level,
            first_turn: 0,
            content: Vec::new(),
        });
        front_items.pop();
    }
    let front = build_front(front_items);

    let mut walk = Walk {
        drafts: Vec::new(),
        sections,
        closing: Vec::new(),
        closing_mode: None,
        orphan: false,
        warnings,
    };
    for (offset, (raw, scan)) in body.into_iter().enumerate() {
        let index = first + offset;
        if let Some(mode) = walk.closing_mode {
            walk.push_closing_raw(raw, mode);
            continue;
        }
        if let LabelScan::Label(hit) = scan
            && accepted.contains(&label_key(&hit.label))
        {
            walk.close_empty_turn();
            // `**Q: What…?**`: the label sat inside the bold that marks the turn.
            let bold_label = matches!(hit.rest.first(), Some(Inline::Strong { .. }))
                && matches!(hit.style, LabelStyle::Bold | LabelStyle::QuestionAnswer);
            let mut rest = hit.rest;
            if let Some(stamp) = hit.timestamp {
                rest.insert(0, Inline::Timestamp { text: stamp });
                rest.insert(1, Inline::text(" "));
            }
            walk.orphan = false;
            walk.drafts.push(TurnDraft {
                key: label_key(&hit.label),
                label: hit.label,
                line: raw.line,
                content: paragraph(rest).into_iter().collect(),
                bold_label,
                implied_role: None,
                introduces: hit.introduces,
                start: None,
            });
            continue;
        }
        if matches!(&raw.kind, RawKind::Heading { text, .. } if is_bio_heading(text))
            && index > last_label
        {
            // The heading is the source's words: it opens the bio.
            walk.closing_mode = Some(ClosingKind::Bio);
            walk.push_closing_raw(raw, ClosingKind::Bio);
            continue;
        }
        match &raw.kind {
            RawKind::Heading { level, text } => {
                walk.close_empty_turn();
                let first_turn = walk.drafts.len();
                walk.sections.push(Section {
                    heading: clean_line(text),
                    level: *level,
                    first_turn,
                    content: Vec::new(),
                });
                walk.orphan = true;
            }
            RawKind::Rule => {
                if index > last_label {
                    walk.closing_mode = Some(ClosingKind::Afterword);
                }
            }
            _ => walk.push_content(raw, question_only, hints),
        }
    }
    walk.close_empty_turn();
    finish(walk, front, hints, context)
}

/// A turn whose speaker a timed reader already knows (a caption's voice,
/// a transcript export's speaker line): no label to find in the text.
#[derive(Debug, Clone)]
pub struct LabelledTurn {
    pub label: String,
    /// 1-based source line where the turn starts.
    pub line: usize,
    /// Seconds into the recording.
    pub start: Option<f64>,
    pub content: Vec<Block>,
}

/// Builds the structure of a text whose turns are already known: speakers
/// are resolved, and roles decided from the evidence, as for any text.
pub fn build_labelled(
    turns: Vec<LabelledTurn>,
    front: Vec<crate::model::FrontBlock>,
    hints: &SpeakerHints,
    context: &str,
) -> Result<Assembled, String> {
    let drafts = turns
        .into_iter()
        .filter(|turn| !turn.content.is_empty())
        .map(|turn| TurnDraft {
            key: label_key(&turn.label),
            label: turn.label,
            line: turn.line,
            content: turn.content,
            bold_label: false,
            implied_role: None,
            introduces: None,
            start: turn.start,
        })
        .collect();
    let walk = Walk {
        drafts,
        sections: Vec::new(),
        closing: Vec::new(),
        closing_mode: None,
        orphan: false,
        warnings: Vec::new(),
    };
    finish(walk, front, hints, context)
}

pub(super) struct Walk {
    pub drafts: Vec<TurnDraft>,
    pub sections: Vec<Section>,
    /// Blocks after the last turn with the kind their heading or rule suggests;
    /// classified once the speakers' names are known.
    pub closing: Vec<(ClosingKind, Block)>,
    pub closing_mode: Option<ClosingKind>,
    /// After a heading and before the next label: text has no speaker.
    pub orphan: bool,
    pub warnings: Vec<Diagnostic>,
}

impl Walk {
    fn push_closing_raw(&mut self, raw: RawBlock, mode: ClosingKind) {
        for block in to_blocks(raw) {
            self.closing.push((mode, block));
        }
    }

    fn push_content(&mut self, raw: RawBlock, question_only: bool, hints: &SpeakerHints) {
        let line = raw.line;
        let blocks = to_blocks(raw);
        if blocks.is_empty() {
            return;
        }
        if self.orphan || self.drafts.is_empty() {
            self.warnings.push(Diagnostic::new(
                DiagnosticKind::OrphanParagraph,
                Some(line),
                "unlabelled paragraph after a heading has no speaker to belong to; kept as the section's text",
            ));
            if let Some(section) = self.sections.last_mut() {
                section.content.extend(blocks);
            }
            return;
        }
        let open_answer = question_only
            && self
                .drafts
                .last()
                .is_some_and(|d| d.key == "Q" && !d.content.is_empty());
        if open_answer {
            self.drafts.push(TurnDraft {
                key: IMPLIED_ANSWER.to_string(),
                label: implied_answer_label(hints),
                line,
                content: blocks,
                bold_label: false,
                implied_role: Some(SpeakerRole::Interviewee),
                introduces: None,
                start: None,
            });
        } else if let Some(current) = self.drafts.last_mut() {
            current.content.extend(blocks);
        }
    }

    /// Drops a label that got no text (a bare `Q` followed by another label).
    fn close_empty_turn(&mut self) {
        if self.drafts.last().is_some_and(|d| d.content.is_empty())
            && let Some(empty) = self.drafts.pop()
        {
            self.warnings.push(Diagnostic::new(
                DiagnosticKind::Ignored,
                Some(empty.line),
                format!(
                    "label {:?} has no text; the empty turn was dropped",
                    empty.label
                ),
            ));
        }
    }
}

pub(super) fn implied_answer_label(hints: &SpeakerHints) -> String {
    match hints.interviewees.as_slice() {
        [one] => one.clone(),
        _ => "A".to_string(),
    }
}

pub(super) fn implied_question_label(hints: &SpeakerHints) -> String {
    match hints.interviewers.as_slice() {
        [one] => one.clone(),
        _ => "Q".to_string(),
    }
}

/// How often a label candidate occurs, and how it was printed.
struct LabelCount {
    count: usize,
    style: LabelStyle,
    /// First line it stands on.
    line: usize,
    label: String,
}

/// Decides which label candidates are speakers. A label is taken when the
/// user or front matter names it, when it is `Q`/`A`, or when it is used
/// twice; a bold, capitalised or CJK label used once is taken when other
/// labels confirm the text is labelled. The rest are reported and read as text.
/// Label keys the user (`--role`) or the front matter named.
fn known_labels(hints: &SpeakerHints) -> HashSet<String> {
    let mut known: HashSet<String> = hints
        .speakers
        .iter()
        .filter_map(|h| h.label.as_deref())
        .chain(hints.overrides.iter().map(|(l, _)| l.as_str()))
        .chain(hints.interviewers.iter().map(String::as_str))
        .chain(hints.interviewees.iter().map(String::as_str))
        .map(label_key)
        .collect();
    known.retain(|k| !k.is_empty());
    known
}

fn accept_labels(
    blocks: &[RawBlock],
    scans: &[LabelScan],
    hints: &SpeakerHints,
    warnings: &mut Vec<Diagnostic>,
) -> HashSet<String> {
    let known = known_labels(hints);
    let mut counts: HashMap<String, LabelCount> = HashMap::new();
    for (block, scan) in blocks.iter().zip(scans) {
        match scan {
            LabelScan::Label(hit) => {
                let entry = counts
                    .entry(label_key(&hit.label))
                    .or_insert_with(|| LabelCount {
                        count: 0,
                        style: hit.style,
                        line: block.line,
                        label: hit.label.clone(),
                    });
                entry.count += 1;
                if !matches!(
                    hit.style,
                    LabelStyle::Plain | LabelStyle::Spaced | LabelStyle::BareQ
                ) {
                    entry.style = hit.style;
                }
            }
            LabelScan::Pseudo(text) => warnings.push(Diagnostic::new(
                DiagnosticKind::PseudoLabel,
                Some(block.line),
                format!("{text:?} looks like a speaker label but names no speaker; read as text"),
            )),
            _ => {}
        }
    }
    let mut accepted: HashSet<String> = counts
        .iter()
        .filter(|(key, c)| {
            known.contains(*key) || c.style == LabelStyle::QuestionAnswer || c.count >= 2
        })
        .map(|(key, _)| key.clone())
        .collect();
    // A short interview: each of two or more speakers, printed in bold or
    // capitals, speaks once (`**Ana:** How are you?` / `**Ben:** Fine.`).
    // Taken when labelled paragraphs are most of the text from the first
    // label on, as in a conversation.
    if accepted.is_empty() {
        let strong: Vec<&String> = counts
            .iter()
            .filter(|(_, c)| {
                matches!(
                    c.style,
                    LabelStyle::Bold | LabelStyle::Caps | LabelStyle::Cjk
                )
            })
            .map(|(key, _)| key)
            .collect();
        let first = scans
            .iter()
            .position(|s| matches!(s, LabelScan::Label(_)))
            .unwrap_or(scans.len());
        let paragraphs = blocks[first..]
            .iter()
            .filter(|b| matches!(b.kind, RawKind::Paragraph(_)))
            .count();
        let labelled = scans[first..]
            .iter()
            .filter(|s| matches!(s, LabelScan::Label(h) if strong.contains(&&label_key(&h.label))))
            .count();
        if strong.len() >= 2 && labelled * 2 >= paragraphs {
            accepted.extend(strong.into_iter().cloned());
        }
    }
    if !accepted.is_empty() {
        for (key, c) in &counts {
            if matches!(
                c.style,
                LabelStyle::Bold | LabelStyle::Caps | LabelStyle::Cjk
            ) {
                accepted.insert(key.clone());
            }
        }
    }
    let mut rejected: Vec<&LabelCount> = counts
        .iter()
        .filter(|(key, _)| !accepted.contains(*key))
        .map(|(_, c)| c)
        .collect();
    rejected.sort_by_key(|c| c.line);
    for c in rejected {
        warnings.push(Diagnostic::new(
            DiagnosticKind::PseudoLabel,
            Some(c.line),
            format!(
                "{:?} looks like a speaker label but is used once and names no known speaker; read as text",
                c.label
            ),
        ));
    }
    accepted
}

/// Resolves speakers, moves trailing notes and bios out of the last turn, and
/// builds the final turns.
pub(super) fn finish(
    mut walk: Walk,
    front: Vec<crate::model::FrontBlock>,
    hints: &SpeakerHints,
    context: &str,
) -> Result<Assembled, String> {
    if walk.drafts.is_empty() {
        return Err(LOOKED_FOR.to_string());
    }
    let speaker_drafts = speaker_drafts(&walk.drafts);
    let (speakers, roles) = speakers::resolve(&speaker_drafts, hints, context, &mut walk.warnings);
    let names: Vec<String> = speakers
        .iter()
        .filter_map(|s| s.name.clone())
        .chain(hints.interviewers.iter().cloned())
        .chain(hints.interviewees.iter().cloned())
        .collect();
    let mut closing = split_trailing_closing(&mut walk.drafts, &names);
    for (mode, block) in walk.closing {
        let kind = closing_kind(&block, &names, mode);
        push_closing(&mut closing, kind, block);
    }
    let ids: HashMap<&str, &Speaker> = speaker_drafts
        .iter()
        .map(|d| d.key.as_str())
        .zip(&speakers)
        .collect();
    let turns = walk
        .drafts
        .into_iter()
        .filter_map(|draft| {
            let speaker = ids.get(draft.key.as_str())?;
            let role = turn_role(speaker.role);
            let content = draft
                .content
                .into_iter()
                .enumerate()
                .map(|(i, block)| {
                    if (role == TurnRole::Question || (i == 0 && draft.bold_label))
                        && matches!(&block, Block::Paragraph { content } if matches!(content.as_slice(), [Inline::Strong { .. }]))
                    {
                        region::unwrap_whole(block)
                    } else {
                        block
                    }
                })
                .collect();
            Some(Turn {
                speaker: speaker.id.clone(),
                role,
                start: draft.start,
                content,
            })
        })
        .collect();
    Ok(Assembled {
        speakers,
        front,
        turns,
        sections: walk.sections,
        closing,
        warnings: walk.warnings,
        roles,
    })
}

fn speaker_drafts(drafts: &[TurnDraft]) -> Vec<SpeakerDraft> {
    let mut out: Vec<SpeakerDraft> = Vec::new();
    // Where each key's speaker is in `out`: thousands of speakers must not
    // cost a search through all of them for every turn.
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (position, draft) in drafts.iter().enumerate() {
        let text = blocks_plain_text(&draft.content);
        match index.get(draft.key.as_str()).and_then(|&i| out.get_mut(i)) {
            Some(existing) => {
                existing.turn_texts.push(text);
                existing.last_turn = position;
                if existing.introduced_as.is_none() {
                    existing.introduced_as = draft.introduces.clone();
                }
            }
            None => {
                index.insert(draft.key.as_str(), out.len());
                out.push(SpeakerDraft {
                    introduced_as: draft.introduces.clone(),
                    key: draft.key.clone(),
                    label: draft.label.clone(),
                    line: draft.line,
                    turn_texts: vec![text],
                    first_turn: position,
                    last_turn: position,
                    implied_role: draft.implied_role,
                })
            }
        }
    }
    out
}

/// A turn's role follows its speaker's: everything an interviewer says (a
/// thank-you, small talk) stands on the asking side of the page, and
/// everything a guest says on the answering side, even a question to another
/// guest. Splitting an interviewer's turns into questions and remarks by
/// their wording printed some of the same person's words in another style.
/// A moderator, who hands over rather than asks, and an interpreter remark.
fn turn_role(role: SpeakerRole) -> TurnRole {
    match role {
        SpeakerRole::Interviewer => TurnRole::Question,
        SpeakerRole::Interviewee | SpeakerRole::Group => TurnRole::Answer,
        SpeakerRole::Moderator | SpeakerRole::Interpreter | SpeakerRole::Other => TurnRole::Remark,
    }
}

/// Moves notes, bios and footers printed after the last answer out of it.
fn split_trailing_closing(drafts: &mut [TurnDraft], names: &[String]) -> Vec<ClosingBlock> {
    let Some(last) = drafts.last_mut() else {
        return Vec::new();
    };
    let mut moved: Vec<(ClosingKind, Block)> = Vec::new();
    while last.content.len() > 1 {
        let Some(block) = last.content.last() else {
            break;
        };
        let text = block.plain_text();
        let italic =
            matches!(block, Block::Paragraph { content } if region::is_wholly_italic(content));
        let kind = if region::is_footer(&text) {
            ClosingKind::Footer
        } else if region::is_bio_text(&text, names) {
            ClosingKind::Bio
        } else if region::is_editing_note(&text) || italic {
            ClosingKind::Afterword
        } else {
            break;
        };
        if let Some(block) = last.content.pop() {
            moved.push((kind, block));
        }
    }
    let mut closing = Vec::new();
    for (kind, block) in moved.into_iter().rev() {
        push_closing(&mut closing, kind, block);
    }
    closing
}

/// Where a line inside a paragraph opens with a label: the inline and the
/// byte offset of the line in its text.
struct LineLabel {
    inline: usize,
    offset: usize,
    key: String,
}

/// Labels at the start of a line inside a paragraph (hard-wrapped
/// transcripts without blank lines between turns). Only labels printed in
/// a form that marks a speaker on its own count: `Q`/`A`, capitals, bold, CJK.
fn line_labels(inlines: &[Inline]) -> Vec<LineLabel> {
    let mut found = Vec::new();
    for (index, inline) in inlines.iter().enumerate() {
        let Inline::Text { text } = inline else {
            continue;
        };
        // Lines open after a soft break inside the text, and at its start
        // when a hard break (`  ` at a line's end, `<br>`) comes before it.
        let after_break = index > 0 && matches!(inlines[index - 1], Inline::LineBreak);
        let starts = after_break
            .then_some(0)
            .into_iter()
            .chain(text.match_indices('\n').map(|(at, _)| at + 1));
        for start in starts {
            // Labels open with a capital, a digit-free mark or a letter of
            // a script without case; a line opening in lower case or with
            // punctuation continues the sentence.
            let opens = text[start..].chars().next();
            if opens.is_some_and(|c| {
                c.is_lowercase()
                    || c.is_ascii_digit()
                    || (c.is_ascii_punctuation() && !"[(<".contains(c))
            }) {
                continue;
            }
            let line_end = text[start..].find('\n').map_or(text.len(), |e| start + e);
            let mut probe = Vec::with_capacity(3);
            if start < line_end {
                probe.push(Inline::text(&text[start..line_end]));
            }
            if line_end == text.len() {
                probe.extend(inlines[index + 1..].iter().take(2).cloned());
            }
            if probe.is_empty() {
                continue;
            }
            if let LabelScan::Label(hit) = labels::scan(&probe)
                && matches!(
                    hit.style,
                    LabelStyle::QuestionAnswer
                        | LabelStyle::Caps
                        | LabelStyle::Bold
                        | LabelStyle::Cjk
                )
            {
                found.push(LineLabel {
                    inline: index,
                    offset: start,
                    key: label_key(&hit.label),
                });
            }
        }
    }
    found
}

/// Splits paragraphs at lines that open with a label used elsewhere too
/// (or named by the user), so each turn starts its own block.
fn split_at_line_labels(blocks: Vec<RawBlock>, known: &HashSet<String>) -> Vec<RawBlock> {
    let found: Vec<Vec<LineLabel>> = blocks
        .iter()
        .map(|block| match &block.kind {
            RawKind::Paragraph(inlines) => line_labels(inlines),
            _ => Vec::new(),
        })
        .collect();
    // Most texts have no label inside a paragraph: nothing more to count.
    if found.iter().all(Vec::is_empty) {
        return blocks;
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (block, lines) in blocks.iter().zip(&found) {
        if let RawKind::Paragraph(inlines) = &block.kind
            && let LabelScan::Label(hit) = labels::scan(inlines)
        {
            *counts.entry(label_key(&hit.label)).or_default() += 1;
        }
        for line in lines {
            *counts.entry(line.key.clone()).or_default() += 1;
        }
    }
    let mut out = Vec::with_capacity(blocks.len());
    for (block, lines) in blocks.into_iter().zip(found) {
        let lines: Vec<LineLabel> = lines
            .into_iter()
            .filter(|l| {
                known.contains(&l.key)
                    || counts.get(&l.key).copied().unwrap_or(0) >= 2
                    || labels::is_question_answer_key(&l.key).is_some()
            })
            .collect();
        let RawKind::Paragraph(inlines) = block.kind else {
            out.push(block);
            continue;
        };
        if lines.is_empty() {
            out.push(RawBlock {
                kind: RawKind::Paragraph(inlines),
                ..block
            });
            continue;
        }
        let mut pieces: Vec<(usize, Vec<Inline>)> = Vec::new();
        let mut current: Vec<Inline> = Vec::new();
        let mut line = block.line;
        let mut start_line = block.line;
        for (index, inline) in inlines.into_iter().enumerate() {
            let cuts: Vec<usize> = lines
                .iter()
                .filter(|l| l.inline == index)
                .map(|l| l.offset)
                .collect();
            match inline {
                Inline::Text { text } if !cuts.is_empty() => {
                    let mut from = 0;
                    for cut in cuts {
                        let head = &text[from..cut];
                        line += head.matches('\n').count();
                        if !head.trim().is_empty() {
                            current.push(Inline::text(head));
                        }
                        if !current.is_empty() {
                            pieces.push((start_line, std::mem::take(&mut current)));
                        }
                        start_line = line;
                        from = cut;
                    }
                    let tail = &text[from..];
                    line += tail.matches('\n').count();
                    current.push(Inline::text(tail));
                }
                other => {
                    if let Inline::Text { text } = &other {
                        line += text.matches('\n').count();
                    }
                    current.push(other);
                }
            }
        }
        if !current.is_empty() {
            pieces.push((start_line, current));
        }
        for (n, (piece_line, piece)) in pieces.into_iter().enumerate() {
            out.push(RawBlock {
                line: piece_line,
                gap_before: if n == 0 { block.gap_before } else { 0 },
                kind: RawKind::Paragraph(piece),
            });
        }
    }
    out
}

/// Turns set as block quotes (`> **Q:** Why?`) or as list items
/// (`- **Ana:** Why?`, one item a turn) are read as paragraphs: the quote or
/// the list was how the page set the turns apart, not a quotation. Only
/// labels that speak elsewhere too count: a list of bold terms inside an
/// answer (`1. **Scope**: …`, `2. **Speed**: …`) stays a list.
fn lift_labelled_containers(blocks: Vec<RawBlock>) -> Vec<RawBlock> {
    let key_of = |block: &RawBlock| match &block.kind {
        RawKind::Paragraph(inlines) => match labels::scan(inlines) {
            LabelScan::Label(hit) => Some(label_key(&hit.label)),
            _ => None,
        },
        _ => None,
    };
    let outside: HashSet<String> = blocks.iter().filter_map(key_of).collect();
    let speaks = |key: &str, within: &[String]| {
        outside.contains(key)
            || labels::is_question_answer_key(key).is_some()
            || within.iter().filter(|k| k.as_str() == key).count() >= 2
    };
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block.kind {
            RawKind::Quote(inner)
                if inner
                    .first()
                    .and_then(key_of)
                    .is_some_and(|key| speaks(&key, &[])) =>
            {
                out.extend(inner)
            }
            RawKind::List { ordered, items } => {
                let keys: Vec<String> = items
                    .iter()
                    .filter_map(|item| item.first().and_then(key_of))
                    .collect();
                let speaking = keys.iter().filter(|k| speaks(k, &keys)).count();
                if speaking >= 2 && speaking * 4 >= items.len() * 3 {
                    out.extend(items.into_iter().flatten());
                } else {
                    out.push(RawBlock {
                        kind: RawKind::List { ordered, items },
                        ..block
                    });
                }
            }
            kind => out.push(RawBlock { kind, ..block }),
        }
    }
    out
}
