//! From a reader's raw blocks to the interview structure: which paragraphs
//! are front matter, which are turns and whose, where sections start, and
//! what closes the piece. Shared by the plain-text and Markdown readers, so
//! both understand the same labelling conventions.

pub mod labels;
mod region;
pub mod roles;
pub mod speakers;
mod turns;
mod unlabelled;

use crate::diagnostic::Diagnostic;
use crate::model::{ClosingBlock, Figure, FrontBlock, Inline, Section, Speaker, Turn};

pub use region::is_editing_note;
pub use roles::{Certainty, RoleEvidence};
pub use speakers::{SpeakerHint, SpeakerHints};
pub use turns::{LabelledTurn, build_labelled};

/// A block as a reader found it: inlines still raw (soft breaks as `\n`).
#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    /// 1-based source line where the block starts.
    pub line: usize,
    /// Blank lines before the block (plain text uses wide gaps as separators).
    pub gap_before: usize,
    pub kind: RawKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RawKind {
    Paragraph(Vec<Inline>),
    Heading {
        level: u8,
        text: String,
    },
    /// A thematic break (`---`, `* * *`).
    Rule,
    List {
        ordered: bool,
        items: Vec<Vec<RawBlock>>,
    },
    Quote(Vec<RawBlock>),
    Figure(Figure),
    /// Indented or fenced literal text (answers indented under a question end up here).
    Code(String),
    /// A table (GFM pipes, an HTML `<table>`): cells' inlines still raw.
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        align: Vec<crate::model::Alignment>,
    },
}

impl RawBlock {
    pub fn paragraph(line: usize, gap_before: usize, inlines: Vec<Inline>) -> Self {
        RawBlock {
            line,
            gap_before,
            kind: RawKind::Paragraph(inlines),
        }
    }
}

/// The structure of an interview, without its metadata.
#[derive(Debug, Clone, Default)]
pub struct Assembled {
    pub speakers: Vec<Speaker>,
    pub front: Vec<FrontBlock>,
    pub turns: Vec<Turn>,
    pub sections: Vec<Section>,
    pub closing: Vec<ClosingBlock>,
    pub warnings: Vec<Diagnostic>,
    /// How each speaker's role was decided, in speaker order.
    pub roles: Vec<RoleEvidence>,
}

/// Why no interview could be found, in the user's terms.
pub const LOOKED_FOR: &str = "looked for speaker labels at the start of paragraphs (`Name:`, `**Name:**`, `**Name**:`, `NAME:`, `Q:`/`A:`, `Q.`, a bare `Q`, `记者：`) and for bold questions followed by answers, and found none";

/// Builds the structure. `context` is text outside the blocks (title,
/// captions) that may name the speakers. Fails only when there are no turns.
pub fn assemble(
    blocks: Vec<RawBlock>,
    hints: &SpeakerHints,
    context: &str,
) -> Result<Assembled, String> {
    turns::build(blocks, hints, context)
}
