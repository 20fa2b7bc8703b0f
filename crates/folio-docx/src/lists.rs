//! Numbering definitions for bulleted and numbered lists.
//!
//! Bullets share one numbering instance; every numbered list gets its own
//! instance restarting at 1, as Word continues numbering across lists that
//! share one.

use docx_rs::{
    AbstractNumbering, Level, LevelJc, LevelOverride, LevelText, NumberFormat, Numbering,
    SpecialIndentType, Start,
};

// docx-rs always writes its own abstract numbering 1 and instance 1, so
// Folio's start at 2.
const BULLET_ABSTRACT: usize = 2;
const ORDERED_ABSTRACT: usize = 3;
const BULLET_NUM: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Bullet,
    Ordered,
}

/// The numbering instances a document uses.
#[derive(Debug, Default)]
pub struct Lists {
    /// `(num id, level)` of each numbered list, in order.
    ordered: Vec<(usize, usize)>,
    bullets_used: bool,
}

/// Left indent of list text at `level`, in twentieths of a point.
pub fn indent(level: usize) -> i32 {
    let level = i32::try_from(level.min(8)).unwrap_or(8);
    360 * (level + 1) + 360
}

impl Lists {
    /// The numbering id for a new list of `kind` at `level`.
    pub fn start(&mut self, kind: ListKind, level: usize) -> usize {
        match kind {
            ListKind::Bullet => {
                self.bullets_used = true;
                BULLET_NUM
            }
            ListKind::Ordered => {
                let id = BULLET_NUM + 1 + self.ordered.len();
                self.ordered.push((id, level));
                id
            }
        }
    }

    pub fn abstract_numberings(&self) -> Vec<AbstractNumbering> {
        let mut out = Vec::new();
        if self.bullets_used {
            out.push(abstract_numbering(BULLET_ABSTRACT, ListKind::Bullet));
        }
        if !self.ordered.is_empty() {
            out.push(abstract_numbering(ORDERED_ABSTRACT, ListKind::Ordered));
        }
        out
    }

    pub fn numberings(&self) -> Vec<Numbering> {
        let mut out = Vec::new();
        if self.bullets_used {
            out.push(Numbering::new(BULLET_NUM, BULLET_ABSTRACT));
        }
        for &(id, level) in &self.ordered {
            out.push(
                Numbering::new(id, ORDERED_ABSTRACT)
                    .add_override(LevelOverride::new(level).start(1)),
            );
        }
        out
    }
}

fn abstract_numbering(id: usize, kind: ListKind) -> AbstractNumbering {
    let mut numbering = AbstractNumbering::new(id);
    for level in 0..9 {
        let (format, text) = match kind {
            ListKind::Bullet => ("bullet", ["•", "◦", "▪"][level % 3].to_string()),
            ListKind::Ordered => (
                ["decimal", "lowerLetter", "lowerRoman"][level % 3],
                format!("%{}.", level + 1),
            ),
        };
        numbering = numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent(level)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    numbering
}
