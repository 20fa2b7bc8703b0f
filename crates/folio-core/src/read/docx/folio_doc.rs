//! A DOCX in Folio's own styles, read as what each style means: Kicker,
//! Title, Subtitle, Byline and Dates are the headline; Editor's Note and
//! Intro the front; headings the sections; Question, Answer and Remark
//! paragraphs opening with a Speaker Label run start turns, and the
//! paragraphs after them (Answer Continued, lists, quotes, figures,
//! tables) continue them; Bio, Afterword and End Note close the piece.
//!
//! The visible text is what counts. The stored model (see `stored.rs`)
//! gives only what the page does not print: speakers' ids, full names and
//! roles, the metadata, image paths, start times, section levels. Without
//! it (a tool that drops custom properties), the printed Participants
//! line gives the full names and roles, and a label that says its role
//! (`INTERPRETER`, `Q`) or the style of a speaker's paragraphs the rest.

use crate::assemble::labels::label_key;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{
    Alignment, Block, ClosingBlock, Figure, FrontBlock, Inline, Interview, Meta, Section, Speaker,
    SpeakerRole, Turn, TurnRole, plain_text,
};
use crate::normalise::clean_line;

use super::body::{Item, Para, Table};
use super::folio_speakers::{apply_participant, speaker_index, turn_role};
use super::lists::{self, ListPara};
use super::stored::StoredModel;
use super::styles::ParaKind;

/// Where the paragraphs being read belong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Before anything but the headline.
    Front,
    EditorsNote,
    Intro,
    Section,
    Turn,
    Closing(ParaKind),
}

#[derive(Debug)]
struct TurnDraft {
    /// The paragraph the turn starts at.
    number: usize,
    label: String,
    role: Option<TurnRole>,
    content: Vec<Block>,
}

/// What the headline paragraphs say.
#[derive(Debug, Default)]
struct Headline {
    kicker: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    byline: Option<String>,
    /// The dates line and its paragraph number.
    dates: Option<(String, usize)>,
}

#[derive(Debug)]
struct Builder {
    headline: Headline,
    front: Vec<FrontBlock>,
    turns: Vec<TurnDraft>,
    sections: Vec<Section>,
    closing: Vec<ClosingBlock>,
    place: Place,
    list: Vec<ListPara>,
    /// The last item was a figure a caption may follow.
    figure_open: bool,
    /// The last item was a quote paragraph.
    quote_open: bool,
    /// The Participants paragraph's names and what follows each.
    participants: Vec<(String, String)>,
}

/// The interview in `items`, with the stored model's help; `None` when it
/// has no turns.
pub fn build(
    items: Vec<Item>,
    stored: Option<&StoredModel>,
    meta: Meta,
    warnings: &mut Vec<Diagnostic>,
) -> Option<Interview> {
    let mut builder = Builder {
        headline: Headline::default(),
        front: Vec::new(),
        turns: Vec::new(),
        sections: Vec::new(),
        closing: Vec::new(),
        place: Place::Front,
        list: Vec::new(),
        figure_open: false,
        quote_open: false,
        participants: Vec::new(),
    };
    for item in items {
        match item {
            Item::Para(paragraph) => builder.paragraph(paragraph),
            Item::Table(table) => {
                builder.flush_list();
                builder.push_block(table_block(&table));
                builder.figure_open = false;
                builder.quote_open = false;
            }
        }
    }
    builder.flush_list();
    if builder.turns.is_empty() {
        return None;
    }
    let mut interview = builder.finish(stored, meta, warnings);
    if let Some(stored) = stored {
        apply_stored_structure(&mut interview, stored);
    }
    Some(interview)
}

impl Builder {
    fn paragraph(&mut self, paragraph: Para) {
        let kind = paragraph.kind;
        let is_list = paragraph.list.is_some()
            || matches!(
                kind,
                ParaKind::ListBullet | ParaKind::ListNumber | ParaKind::ListParagraph
            );
        if is_list && !(paragraph.label.is_some() && kind.is_turn_style()) {
            self.list_paragraph(paragraph);
            return;
        }
        self.flush_list();
        let was_figure = std::mem::take(&mut self.figure_open);
        let was_quote = std::mem::take(&mut self.quote_open);
        // As printed: no-break spaces (French punctuation) are kept.
        let text = plain_text(&paragraph.inlines).trim().to_string();
        let content = paragraph.inlines.clone();
        match kind {
            ParaKind::Kicker => self.headline.kicker = Some(text),
            ParaKind::Title => self.headline.title = Some(text),
            ParaKind::Subtitle => self.headline.subtitle = Some(text),
            ParaKind::Byline => self.headline.byline = Some(text),
            ParaKind::Dates => self.headline.dates = Some((text, paragraph.number)),
            ParaKind::Participants => self.participants = paragraph.participants.clone(),
            ParaKind::Contents => {}
            ParaKind::Dateline => self.front.push(FrontBlock::Dateline { text }),
            ParaKind::EditorsNote | ParaKind::Intro => {
                let place = if kind == ParaKind::EditorsNote {
                    Place::EditorsNote
                } else {
                    Place::Intro
                };
                if self.place != place {
                    self.front.push(match place {
                        Place::EditorsNote => FrontBlock::EditorsNote {
                            content: Vec::new(),
                        },
                        _ => FrontBlock::Introduction {
                            content: Vec::new(),
                        },
                    });
                    self.place = place;
                }
                self.push_paragraph(content, paragraph.figures);
            }
            ParaKind::Heading(level) => {
                self.sections.push(Section {
                    heading: text,
                    level,
                    first_turn: self.turns.len(),
                    content: Vec::new(),
                });
                self.place = Place::Section;
            }
            ParaKind::Question | ParaKind::Answer | ParaKind::Remark | ParaKind::SpeakerHeading
                if paragraph.label.is_some() =>
            {
                let role = match kind {
                    ParaKind::Question => Some(TurnRole::Question),
                    ParaKind::Answer => Some(TurnRole::Answer),
                    ParaKind::Remark => Some(TurnRole::Remark),
                    _ => None,
                };
                self.turns.push(TurnDraft {
                    number: paragraph.number,
                    label: paragraph.label.clone().unwrap_or_default(),
                    role,
                    content: Vec::new(),
                });
                self.place = Place::Turn;
                self.push_paragraph(without_leading_space(content), paragraph.figures);
            }
            ParaKind::Question
            | ParaKind::Answer
            | ParaKind::Remark
            | ParaKind::AnswerContinued
                if self.place == Place::Turn =>
            {
                if let Some(turn) = self.turns.last_mut()
                    && turn.role.is_none()
                {
                    turn.role = match kind {
                        ParaKind::Question => Some(TurnRole::Question),
                        ParaKind::Answer => Some(TurnRole::Answer),
                        _ => None,
                    };
                }
                self.push_paragraph(content, paragraph.figures);
            }
            ParaKind::Quote => {
                let block = Block::Paragraph { content };
                match self.last_block() {
                    Some(Block::Quote { content }) if was_quote => content.push(block),
                    _ => self.push_block(Block::Quote {
                        content: vec![block],
                    }),
                }
                self.quote_open = true;
            }
            ParaKind::Figure => {
                for figure in paragraph.figures {
                    self.push_block(Block::Figure { figure });
                }
                self.figure_open = true;
            }
            ParaKind::FigurePlaceholder => {
                let alt = text
                    .strip_prefix("[Image:")
                    .and_then(|t| t.strip_suffix(']'))
                    .map(|t| t.trim().to_string())
                    .unwrap_or(text);
                self.push_block(Block::Figure {
                    figure: Figure {
                        alt: Some(alt).filter(|a| !a.is_empty()),
                        ..Figure::default()
                    },
                });
                self.figure_open = true;
            }
            ParaKind::Caption => {
                let caption = Some(text).filter(|t| !t.is_empty());
                let credit = paragraph.credit.clone();
                match self.last_figure() {
                    Some(figure)
                        if was_figure && figure.caption.is_none() && figure.credit.is_none() =>
                    {
                        figure.caption = caption;
                        figure.credit = credit;
                    }
                    _ => self.push_block(Block::Figure {
                        figure: Figure {
                            caption,
                            credit,
                            ..Figure::default()
                        },
                    }),
                }
            }
            ParaKind::Bio | ParaKind::Afterword | ParaKind::EndNote => {
                if self.place != Place::Closing(kind) {
                    let content = Vec::new();
                    self.closing.push(match kind {
                        ParaKind::Bio => ClosingBlock::Bio { content },
                        ParaKind::Afterword => ClosingBlock::Afterword { content },
                        _ => ClosingBlock::Footer { content },
                    });
                    self.place = Place::Closing(kind);
                }
                self.push_paragraph(content, paragraph.figures);
            }
            _ => self.push_paragraph(content, paragraph.figures),
        }
    }

    fn list_paragraph(&mut self, paragraph: Para) {
        self.figure_open = false;
        self.quote_open = false;
        let para = ListPara::of(paragraph, self.list.last(), true);
        self.list.push(para);
    }

    fn flush_list(&mut self) {
        if self.list.is_empty() {
            return;
        }
        let paragraphs = std::mem::take(&mut self.list);
        for block in lists::build(&paragraphs) {
            self.push_block(block);
        }
    }

    fn push_paragraph(&mut self, content: Vec<Inline>, figures: Vec<Figure>) {
        if !content.is_empty() {
            self.push_block(Block::Paragraph { content });
        }
        for figure in figures {
            self.push_block(Block::Figure { figure });
        }
    }

    /// The blocks of the place being filled.
    fn blocks(&mut self) -> Option<&mut Vec<Block>> {
        match self.place {
            Place::Front => None,
            Place::EditorsNote | Place::Intro => match self.front.last_mut() {
                Some(
                    FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content },
                ) => Some(content),
                _ => None,
            },
            Place::Section => self.sections.last_mut().map(|s| &mut s.content),
            Place::Turn => self.turns.last_mut().map(|t| &mut t.content),
            Place::Closing(_) => self.closing.last_mut().map(|c| {
                let (ClosingBlock::Bio { content }
                | ClosingBlock::Afterword { content }
                | ClosingBlock::Footer { content }) = c;
                content
            }),
        }
    }

    fn push_block(&mut self, block: Block) {
        // The front's figures stand on their own (the assembler never puts
        // one inside a note or an introduction).
        if matches!(self.place, Place::EditorsNote | Place::Intro)
            && let Block::Figure { figure } = block
        {
            self.front.push(FrontBlock::Figure { figure });
            self.place = Place::Front;
            return;
        }
        if let Some(blocks) = self.blocks() {
            blocks.push(block);
            return;
        }
        // Before the first note, intro or turn: a figure stands on its
        // own, other text is the introduction.
        match block {
            Block::Figure { figure } => self.front.push(FrontBlock::Figure { figure }),
            other => {
                self.front.push(FrontBlock::Introduction {
                    content: vec![other],
                });
                self.place = Place::Intro;
            }
        }
    }

    fn last_block(&mut self) -> Option<&mut Block> {
        self.blocks().and_then(|b| b.last_mut())
    }

    fn last_figure(&mut self) -> Option<&mut Figure> {
        if self.place == Place::Front {
            return match self.front.last_mut() {
                Some(FrontBlock::Figure { figure }) => Some(figure),
                _ => None,
            };
        }
        match self.last_block() {
            Some(Block::Figure { figure }) => Some(figure),
            _ => None,
        }
    }

    fn finish(
        self,
        stored: Option<&StoredModel>,
        mut meta: Meta,
        warnings: &mut Vec<Diagnostic>,
    ) -> Interview {
        let headline = self.headline;
        meta.kicker = headline.kicker;
        meta.title = headline.title.or(meta.title);
        meta.subtitle = headline.subtitle;
        // The byline prints the authors, then the other interviewers.
        let language = crate::Language::of(&meta.language);
        let printed = meta.bylines(&language).join(" · ");
        match headline.byline {
            Some(byline) if byline != printed && clean_line(&byline) != clean_line(&printed) => {
                meta.set_bylines(&byline, &language);
            }
            Some(_) => {}
            None if stored.is_some() => meta.set_bylines("", &language),
            None => {}
        }
        match (&headline.dates, stored) {
            (None, Some(_)) => {
                meta.published = None;
                meta.updated = None;
                meta.publication = None;
            }
            (Some((line, number)), Some(stored))
                if !stored.dates_line.is_empty()
                    && clean_line(line) != clean_line(&stored.dates_line) =>
            {
                dates_line(&mut meta, line, *number, warnings);
            }
            _ => {}
        }
        let speakers_stored: &[Speaker] = stored.map_or(&[], |s| s.speakers.as_slice());
        let mut speakers: Vec<Speaker> = Vec::new();
        let drafts: Vec<(usize, TurnDraft)> = self
            .turns
            .into_iter()
            .filter(|draft| !draft.content.is_empty())
            .map(|draft| {
                (
                    speaker_index(&draft.label, speakers_stored, &mut speakers),
                    draft,
                )
            })
            .collect();
        // Speakers new to the stored model take the role their label or
        // their turns' styles show.
        for (index, speaker) in speakers.iter_mut().enumerate() {
            if speakers_stored.iter().any(|s| s.id == speaker.id) {
                continue;
            }
            let theirs = || drafts.iter().filter(move |(i, _)| *i == index);
            let said = |role| theirs().filter(|(_, d)| d.role == Some(role)).count();
            // A label that says the role (`INTERPRETER`, `Q`) first, as the
            // assembler reads it; then the styles.
            let by_label = crate::assemble::speakers::role_from_label(
                &label_key(&speaker.label),
                &crate::assemble::SpeakerHints::default(),
                "",
            );
            let reason = match by_label {
                Some(_) => "from the label",
                None => "from the style of their paragraphs",
            };
            speaker.role = if let Some(role) = by_label {
                role
            } else if said(TurnRole::Question) > 0 {
                SpeakerRole::Interviewer
            } else if said(TurnRole::Answer) >= said(TurnRole::Remark) {
                SpeakerRole::Interviewee
            } else {
                SpeakerRole::Other
            };
            if stored.is_some() {
                warnings.push(Diagnostic::new(
                    DiagnosticKind::GuessedRole,
                    theirs().next().map(|(_, d)| d.number),
                    format!(
                        "the speaker label {:?} is not one Folio wrote; it is taken as a new speaker, {} {reason}",
                        speaker.label,
                        speaker.role.as_str()
                    ),
                ));
            }
        }
        // Without the stored model, the printed list of participants still
        // gives full names and roles.
        if stored.is_none() {
            for (name, details) in &self.participants {
                apply_participant(name, details, &mut speakers);
            }
        }
        let mut turns = Vec::new();
        for (index, draft) in drafts {
            let Some(speaker) = speakers.get(index) else {
                continue;
            };
            turns.push(Turn {
                speaker: speaker.id.clone(),
                role: draft.role.unwrap_or(turn_role(speaker.role)),
                start: None,
                content: draft.content,
            });
        }
        // Keep the stored order of speakers; new ones follow.
        speakers.sort_by_key(|s| {
            speakers_stored
                .iter()
                .position(|t| t.id == s.id)
                .unwrap_or(usize::MAX)
        });
        Interview {
            meta,
            speakers,
            front: self.front,
            turns,
            sections: self.sections,
            closing: self.closing,
        }
    }
}

/// A dates line edited in the document (`The Orrin Courier · 18 November
/// 2024 · updated 19 November 2024`): its dates and publication replace the
/// stored ones; one that has no date Folio can read leaves them, with a
/// warning.
fn dates_line(meta: &mut Meta, line: &str, number: usize, warnings: &mut Vec<Diagnostic>) {
    let mut published = None;
    let mut updated = None;
    let mut publication = None;
    for part in line.split('·').map(str::trim).filter(|p| !p.is_empty()) {
        let (is_update, bare) = if let Some(rest) = crate::credits::after_term(part, |t| t.updated)
        {
            (true, rest)
        } else if let Some(rest) = crate::credits::after_term(part, |t| t.published) {
            (false, rest)
        } else if let Some(inner) = part.strip_prefix('(').and_then(|p| p.strip_suffix(')')) {
            (true, inner)
        } else {
            (false, part)
        };
        // An update on the day of publication is printed as its time only.
        let time_on_publication_day = || {
            let time = chrono::NaiveTime::parse_from_str(bare.trim(), "%H:%M").ok()?;
            let day: crate::datetime::DateTime = published.or(meta.published)?;
            Some(crate::datetime::DateTime::from_naive(
                day.date.and_time(time),
            ))
        };
        match crate::datetime::DateTime::parse(bare).or_else(|| {
            if is_update {
                time_on_publication_day()
            } else {
                None
            }
        }) {
            Some(date) if is_update => updated = Some(date),
            Some(date) if published.is_none() => published = Some(date),
            Some(date) => updated = Some(date),
            None if published.is_none() && publication.is_none() => {
                publication = Some(part.to_string())
            }
            None => {}
        }
    }
    if published.is_none() && updated.is_none() {
        warnings.push(Diagnostic::new(
            DiagnosticKind::Ignored,
            Some(number),
            format!(
                "the dates line was changed to {line:?}, but it holds no date Folio can read (such as 18 November 2024 or 2024-11-18); the dates stored with the document are kept (set them with -M published=DATE)"
            ),
        ));
        return;
    }
    meta.published = published;
    meta.updated = updated;
    meta.publication = publication;
}

/// The label's separator leaves a space before the text.
fn without_leading_space(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_string();
        if text.is_empty() {
            content.remove(0);
        }
    }
    content
}

/// A Word table as a model table: header rows first, each cell's
/// paragraphs joined by line breaks, column alignments from the first row.
pub fn table_block(table: &Table) -> Block {
    let cell = |paragraphs: &Vec<Para>| -> Vec<Inline> {
        let mut out = Vec::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            if index > 0 {
                out.push(Inline::LineBreak);
            }
            out.extend(paragraph.inlines.iter().cloned());
        }
        out
    };
    let mut header = Vec::new();
    let mut rows = Vec::new();
    for (index, row) in table.rows.iter().enumerate() {
        let cells: Vec<Vec<Inline>> = row.cells.iter().map(cell).collect();
        if index == 0 && row.header {
            header = cells;
        } else {
            rows.push(cells);
        }
    }
    let align = table
        .rows
        .first()
        .map(|row| {
            row.cells
                .iter()
                .map(|c| c.first().and_then(|p| p.align).unwrap_or_default())
                .collect::<Vec<Alignment>>()
        })
        .unwrap_or_default();
    let align = if align.iter().all(|a| *a == Alignment::Default) {
        Vec::new()
    } else {
        align
    };
    Block::Table {
        header,
        rows,
        align,
    }
}

/// What the page does not show, from the stored model, where the
/// document still has what it was stored for.
fn apply_stored_structure(interview: &mut Interview, stored: &StoredModel) {
    if stored.starts.len() == interview.turns.len() {
        for (turn, start) in interview.turns.iter_mut().zip(&stored.starts) {
            turn.start = *start;
        }
    }
    if stored.section_levels.len() == interview.sections.len() {
        for (section, level) in interview.sections.iter_mut().zip(&stored.section_levels) {
            // The page prints levels 1 and 2 alone; deeper ones as 2.
            if section.level == (*level).clamp(1, 2) {
                section.level = *level;
            }
        }
    }
    if interview.figures().len() == stored.figures.len() {
        let mut stored_figures = stored.figures.iter();
        interview.for_each_figure_mut(&mut |figure| {
            if let Some(stored) = stored_figures.next() {
                figure.src.clone_from(&stored.src);
                // The picture's description is its caption when it had no
                // alt text of its own.
                if stored.alt.is_none() && figure.alt == figure.caption {
                    figure.alt = None;
                }
            }
        });
    }
}
