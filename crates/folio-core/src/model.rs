//! The interview model: the contract between readers and writers.
//!
//! Readers build it once, resolve every reference and validate it; writers
//! consume it as it is. Every type is plain owned data with serde, and a model
//! survives JSON and YAML round trips unchanged.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::datetime::DateTime;

/// One interview, fully resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    pub meta: Meta,
    /// Everyone who speaks, in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// What comes before the first turn: editor's note, introduction, datelines, figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub front: Vec<FrontBlock>,
    /// The conversation itself, in reading order.
    pub turns: Vec<Turn>,
    /// Headings between turns. Each one stands before the turn `first_turn`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// What follows the last turn: bio, afterword, footer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<ClosingBlock>,
}

impl Interview {
    /// Calls `visit` on every run of inlines the interview holds: each
    /// paragraph and table cell of the front, the turns, the sections and
    /// the closing, in reading order.
    pub fn for_each_inline_run(&mut self, visit: &mut dyn FnMut(&mut Vec<Inline>)) {
        for block in &mut self.front {
            if let FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } =
                block
            {
                inline_runs(content, visit);
            }
        }
        for turn in &mut self.turns {
            inline_runs(&mut turn.content, visit);
        }
        for section in &mut self.sections {
            inline_runs(&mut section.content, visit);
        }
        for block in &mut self.closing {
            match block {
                ClosingBlock::Bio { content }
                | ClosingBlock::Afterword { content }
                | ClosingBlock::Footer { content } => inline_runs(content, visit),
            }
        }
    }
}

fn inline_runs(blocks: &mut [Block], visit: &mut dyn FnMut(&mut Vec<Inline>)) {
    for block in blocks {
        match block {
            Block::Paragraph { content } => visit(content),
            Block::List { items, .. } => {
                for item in items {
                    inline_runs(item, visit);
                }
            }
            Block::Quote { content } => inline_runs(content, visit),
            Block::Figure { .. } => {}
            Block::Table { header, rows, .. } => {
                for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                    visit(cell);
                }
            }
        }
    }
}

/// Bibliographic facts about the interview.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Standfirst, dek or subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Kicker, section or rubric printed above the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    /// Authors of the piece as printed in the byline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// People who asked the questions, when named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviewers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime>,
    /// BCP 47 language tag; readers always set it (inferred from the script when absent).
    #[serde(default)]
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Stable identifier (`urn:uuid:…` unless the source gave one), the same
    /// every time the same interview is read.
    #[serde(default)]
    pub identifier: String,
    /// Cover image reference, when the source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// What was changed in the words as they were read, for the record
    /// (`--clean-verbatim`: filler words removed). Empty when the text is
    /// as the source gave it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<String>,
    /// Who certified the accessibility of the publication (the EPUB's
    /// `a11y:certifiedBy`); only a person can say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certified_by: Option<String>,
}

/// A voice in the interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Unique within the interview; turns refer to it.
    pub id: String,
    /// The label exactly as printed (`GT`, `MS. RIVERA`, `Q`).
    pub label: String,
    /// Full name when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub role: SpeakerRole,
}

impl Speaker {
    /// The name to show: the full name when known, else the label.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.label)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerRole {
    Interviewer,
    Interviewee,
    Moderator,
    Interpreter,
    /// Several people speaking as one (`MEMBERS OF THE BAND`, `AUDIENCE`).
    Group,
    Other,
}

impl SpeakerRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerRole::Interviewer => "interviewer",
            SpeakerRole::Interviewee => "interviewee",
            SpeakerRole::Moderator => "moderator",
            SpeakerRole::Interpreter => "interpreter",
            SpeakerRole::Group => "group",
            SpeakerRole::Other => "other",
        }
    }

    /// Parses the names used in front matter and on the command line.
    pub fn parse(text: &str) -> Option<Self> {
        let role = match text.trim().to_lowercase().as_str() {
            "interviewer" | "host" | "reporter" | "journalist" | "question" | "q" => {
                SpeakerRole::Interviewer
            }
            "interviewee" | "guest" | "subject" | "respondent" | "answer" | "a" => {
                SpeakerRole::Interviewee
            }
            "moderator" | "chair" => SpeakerRole::Moderator,
            "interpreter" | "translator" => SpeakerRole::Interpreter,
            "group" | "audience" | "chorus" => SpeakerRole::Group,
            "other" => SpeakerRole::Other,
            _ => return None,
        };
        Some(role)
    }
}

/// Material before the first turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum FrontBlock {
    EditorsNote {
        content: Vec<Block>,
    },
    Introduction {
        content: Vec<Block>,
    },
    /// A place-and-date line such as `WASHINGTON, May 17 —`.
    Dateline {
        text: String,
    },
    Figure {
        figure: Figure,
    },
}

/// Material after the last turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClosingBlock {
    Bio { content: Vec<Block> },
    Afterword { content: Vec<Block> },
    Footer { content: Vec<Block> },
}

/// A heading between turns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    /// 1 for a main section, 2 for a subsection.
    pub level: u8,
    /// Index of the turn this heading stands before.
    pub first_turn: usize,
    /// Unlabelled text under the heading that belongs to no speaker.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<Block>,
}

/// One speaker's uninterrupted contribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    /// A `Speaker::id`.
    pub speaker: String,
    pub role: TurnRole,
    /// Where the turn starts in the recording, in seconds, when the source
    /// is timed (a caption file, a transcript export). Writers show it only
    /// as the reader placed it in the text ([`Inline::Timestamp`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<f64>,
    /// Never empty.
    pub content: Vec<Block>,
}

impl Turn {
    /// Whether a question turn is worth a place in the navigation (PDF
    /// bookmarks, the EPUB's list of questions): it asks something, or says
    /// more than a short courtesy (`Thank you, Peggy.`, `Great.`), which
    /// stays on the asking side of the page but is not a question to find.
    pub fn is_navigable_question(&self) -> bool {
        if self.role != TurnRole::Question {
            return false;
        }
        let text = blocks_plain_text(&self.content);
        if text.contains(['?', '？', '¿', '؟']) || text.split_whitespace().nth(25).is_some() {
            return true;
        }
        // A prompt without a question mark (`And later you were involved in
        // the strike.`) is a question to find; a short courtesy is not.
        const COURTESIES: &[&str] = &[
            "thank",
            "great",
            "ok",
            "okay",
            "all right",
            "alright",
            "right.",
            "i see",
            "wow",
            "mm",
            "uh",
            "yes",
            "yeah",
            "sure",
            "cheers",
            "good",
            "wonderful",
            "fantastic",
            "welcome",
            "hello",
            "hi ",
            "hi,",
            "goodbye",
            "bye",
            "(laughter",
            "[laughs",
            "merci",
            "danke",
            "gracias",
            "谢谢",
            "感谢",
        ];
        let lower = text.trim_start().to_lowercase();
        !COURTESIES.iter().any(|c| lower.starts_with(c))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TurnRole {
    Question,
    Answer,
    Remark,
}

impl TurnRole {
    pub fn as_str(self) -> &'static str {
        match self {
            TurnRole::Question => "question",
            TurnRole::Answer => "answer",
            TurnRole::Remark => "remark",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        /// Each item is a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    Quote {
        content: Vec<Block>,
    },
    Figure {
        figure: Figure,
    },
    /// A grid of cells: a fact box, figures quoted in an answer. Rows may
    /// be of different widths; writers pad the short ones with empty cells
    /// to [`column_count`] columns.
    Table {
        /// The header row's cells; empty when the table has no header.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        header: Vec<Vec<Inline>>,
        /// The body rows, each a list of cells.
        #[serde(default)]
        rows: Vec<Vec<Vec<Inline>>>,
        /// How each column's cells are aligned; columns past its end (all of
        /// them when it is empty) are [`Alignment::Default`].
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        align: Vec<Alignment>,
    },
}

/// How a table column's cells are aligned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Alignment {
    /// As the text's direction has it (start of the line).
    #[default]
    Default,
    Left,
    Center,
    Right,
}

impl Alignment {
    /// The alignment of column `column` in a table's `align` list.
    pub fn of(align: &[Alignment], column: usize) -> Alignment {
        align.get(column).copied().unwrap_or_default()
    }
}

/// How many columns a table has: its widest row, header included.
pub fn column_count(header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) -> usize {
    rows.iter()
        .map(Vec::len)
        .chain(std::iter::once(header.len()))
        .max()
        .unwrap_or(0)
}

/// Column widths for a table whose columns would be `natural` wide, within
/// `available`: the natural widths when they fit; otherwise each column
/// that fits in an equal share keeps its natural width and the others
/// share what is left equally (all of them, when none fits).
pub fn fit_columns(natural: &[f32], available: f32) -> Vec<f32> {
    if natural.iter().sum::<f32>() <= available {
        return natural.to_vec();
    }
    let mut widths: Vec<Option<f32>> = vec![None; natural.len()];
    loop {
        let open: Vec<usize> = (0..natural.len())
            .filter(|&i| widths[i].is_none())
            .collect();
        if open.is_empty() {
            break;
        }
        let fixed: f32 = widths.iter().flatten().sum();
        let share = (available - fixed).max(0.0) / open.len() as f32;
        let fitting: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| natural[i] <= share)
            .collect();
        if fitting.is_empty() {
            for i in open {
                widths[i] = Some(share);
            }
            break;
        }
        for i in fitting {
            widths[i] = Some(natural[i]);
        }
    }
    widths.into_iter().map(Option::unwrap_or_default).collect()
}

/// Plain text of a table: cells separated by a tab, rows by line ends, the
/// header first.
pub fn table_plain_text(header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) -> String {
    let header = (!header.is_empty()).then_some(header);
    header
        .into_iter()
        .chain(rows.iter().map(Vec::as_slice))
        .map(|row| {
            row.iter()
                .map(|cell| plain_text(cell))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An image with its caption and credit. The image itself may be unknown
/// (a caption copied from a web page without its picture).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Path or URL of the image, as given by the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// Struck-through text (`~~…~~`, `<del>`, `<s>`): printed struck, still text.
    Strikeout {
        content: Vec<Inline>,
    },
    /// `x<sup>2</sup>`, a footnote mark.
    Superscript {
        content: Vec<Inline>,
    },
    /// `H<sub>2</sub>O`.
    Subscript {
        content: Vec<Inline>,
    },
    /// `(Laughter.)`, `[laughs]`, `[CHUCKLES]`: kept with its brackets as printed.
    StageDirection {
        text: String,
    },
    /// `[04:22]`: kept as printed.
    Timestamp {
        text: String,
    },
    Code {
        text: String,
    },
    LineBreak,
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }

    /// The inlines a container holds (emphasis, strong, a link, strike-out,
    /// super- and subscript); `None` for text and atomic pieces.
    pub fn children(&self) -> Option<&[Inline]> {
        match self {
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Strikeout { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => Some(content),
            _ => None,
        }
    }

    /// [`Inline::children`], to change them in place.
    pub fn children_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Strikeout { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => Some(content),
            _ => None,
        }
    }

    /// The same container with its children passed through `f`.
    pub fn map_children(mut self, f: impl FnOnce(Vec<Inline>) -> Vec<Inline>) -> Self {
        if let Some(children) = self.children_mut() {
            let taken = std::mem::take(children);
            *children = f(taken);
        }
        self
    }
}

/// Plain text of inline content, as a reader would hear it.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text }
            | Inline::StageDirection { text }
            | Inline::Timestamp { text }
            | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Strikeout { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => push_plain_text(content, out),
            Inline::LineBreak => out.push('\n'),
        }
    }
}

impl Block {
    /// Plain text of the block; paragraphs separated by blank lines.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Paragraph { content } => plain_text(content),
            Block::List { items, .. } => items
                .iter()
                .map(|item| blocks_plain_text(item))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Quote { content } => blocks_plain_text(content),
            Block::Figure { figure } => figure.plain_text(),
            Block::Table { header, rows, .. } => table_plain_text(header, rows),
        }
    }
}

impl Figure {
    /// What stands where the picture would be when it cannot be shown (a
    /// remote URL, a missing file): `[Image: ALT]`, if there is an alt text.
    /// Every writer prints it, so that the description is not lost.
    pub fn placeholder(&self) -> Option<String> {
        let alt = self
            .alt
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())?;
        Some(format!("[Image: {alt}]"))
    }

    /// Caption and credit as one line.
    pub fn plain_text(&self) -> String {
        match (&self.caption, &self.credit) {
            (Some(caption), Some(credit)) => format!("{caption} {credit}"),
            (Some(text), None) | (None, Some(text)) => text.clone(),
            (None, None) => String::new(),
        }
    }
}

pub fn blocks_plain_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::plain_text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

impl Interview {
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// Sections that stand before turn `index`, in order.
    pub fn sections_before(&self, index: usize) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.first_turn == index)
    }

    /// The editor's note content, if any.
    pub fn editors_note(&self) -> Option<&[Block]> {
        self.front.iter().find_map(|b| match b {
            FrontBlock::EditorsNote { content } => Some(content.as_slice()),
            _ => None,
        })
    }

    /// The introduction content, if any.
    pub fn introduction(&self) -> Option<&[Block]> {
        self.front.iter().find_map(|b| match b {
            FrontBlock::Introduction { content } => Some(content.as_slice()),
            _ => None,
        })
    }

    /// Names of the interviewees (full names when known).
    pub fn interviewees(&self) -> Vec<&str> {
        self.speakers
            .iter()
            .filter(|s| s.role == SpeakerRole::Interviewee)
            .map(Speaker::display_name)
            .collect()
    }

    /// Number of turns each speaker has, in speaker order.
    pub fn turn_counts(&self) -> Vec<(&Speaker, usize)> {
        // Counted in one pass: thousands of speakers must not each walk
        // every turn.
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for turn in &self.turns {
            *counts.entry(turn.speaker.as_str()).or_default() += 1;
        }
        self.speakers
            .iter()
            .map(|s| (s, counts.get(s.id.as_str()).copied().unwrap_or(0)))
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn columns_keep_their_natural_widths_or_share_the_measure() {
        assert_eq!(fit_columns(&[10.0, 20.0], 100.0), [10.0, 20.0]);
        // A narrow column keeps its width; the wide ones share the rest.
        assert_eq!(
            fit_columns(&[10.0, 200.0, 300.0], 100.0),
            [10.0, 45.0, 45.0]
        );
        assert_eq!(fit_columns(&[80.0, 90.0], 100.0), [50.0, 50.0]);
        assert!(fit_columns(&[], 100.0).is_empty());
    }

    #[test]
    fn a_table_reads_as_its_cells_row_by_row() {
        let cell = |t: &str| vec![Inline::text(t)];
        let table = Block::Table {
            header: vec![cell("Year"), cell("Sales")],
            rows: vec![vec![cell("2023"), cell("12")], vec![cell("2024")]],
            align: vec![Alignment::Default, Alignment::Right],
        };
        assert_eq!(table.plain_text(), "Year\tSales\n2023\t12\n2024");
        let Block::Table {
            header,
            rows,
            align,
        } = &table
        else {
            panic!("not a table")
        };
        assert_eq!(column_count(header, rows), 2);
        assert_eq!(Alignment::of(align, 1), Alignment::Right);
        assert_eq!(Alignment::of(align, 5), Alignment::Default);
        let json = serde_json::to_string(&table).unwrap();
        assert!(json.starts_with(r#"{"type":"table","header":"#), "{json}");
        assert!(json.contains(r#""align":["default","right"]"#), "{json}");
        let back: Block = serde_json::from_str(&json).unwrap();
        assert_eq!(back, table);
        // A model file may leave out the header and the alignments.
        let bare: Block = serde_json::from_str(r#"{"type":"table","rows":[]}"#).unwrap();
        assert!(matches!(bare, Block::Table { header, .. } if header.is_empty()));
        assert!(serde_json::from_str::<Block>(r#"{"type":"table","cols":1}"#).is_err());
    }
}
