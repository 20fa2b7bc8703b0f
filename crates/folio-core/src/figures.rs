//! The one walk over an interview's figures, in the order every writer
//! prints them: the front, each turn after the sections that stand before
//! it, the sections after the last turn, the closing; inside each, quotes
//! and list items in order.

use crate::model::{Block, ClosingBlock, Figure, FrontBlock, Interview};

impl Interview {
    /// Every figure, in reading order.
    pub fn figures(&self) -> Vec<&Figure> {
        let mut out = Vec::new();
        for block in &self.front {
            match block {
                FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                    collect(content, &mut out)
                }
                FrontBlock::Figure { figure } => out.push(figure),
                FrontBlock::Dateline { .. } => {}
            }
        }
        for (index, turn) in self.turns.iter().enumerate() {
            for section in self.sections_before(index) {
                collect(&section.content, &mut out);
            }
            collect(&turn.content, &mut out);
        }
        let count = self.turns.len();
        for section in self.sections.iter().filter(|s| s.first_turn >= count) {
            collect(&section.content, &mut out);
        }
        for block in &self.closing {
            let (ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content }) = block;
            collect(content, &mut out);
        }
        out
    }

    /// Calls `f` on every figure, in the same order as [`Interview::figures`].
    pub fn for_each_figure_mut(&mut self, f: &mut dyn FnMut(&mut Figure)) {
        for block in &mut self.front {
            match block {
                FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                    visit(content, f)
                }
                FrontBlock::Figure { figure } => f(figure),
                FrontBlock::Dateline { .. } => {}
            }
        }
        let count = self.turns.len();
        for (index, turn) in self.turns.iter_mut().enumerate() {
            // As `sections_before`: the sections that start at this turn.
            for section in self.sections.iter_mut().filter(|s| s.first_turn == index) {
                visit(&mut section.content, f);
            }
            visit(&mut turn.content, f);
        }
        for section in self.sections.iter_mut().filter(|s| s.first_turn >= count) {
            visit(&mut section.content, f);
        }
        for block in &mut self.closing {
            let (ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content }) = block;
            visit(content, f);
        }
    }
}

fn collect<'a>(blocks: &'a [Block], out: &mut Vec<&'a Figure>) {
    for block in blocks {
        match block {
            Block::Figure { figure } => out.push(figure),
            Block::Quote { content } => collect(content, out),
            Block::List { items, .. } => items.iter().for_each(|item| collect(item, out)),
            Block::Paragraph { .. } | Block::Table { .. } => {}
        }
    }
}

fn visit(blocks: &mut [Block], f: &mut dyn FnMut(&mut Figure)) {
    for block in blocks {
        match block {
            Block::Figure { figure } => f(figure),
            Block::Quote { content } => visit(content, f),
            Block::List { items, .. } => items.iter_mut().for_each(|item| visit(item, f)),
            Block::Paragraph { .. } | Block::Table { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, Figure, FrontBlock, Interview, Section, Turn, TurnRole};

    fn figure(src: &str) -> Block {
        Block::Figure {
            figure: Figure {
                src: Some(src.into()),
                ..Figure::default()
            },
        }
    }

    #[test]
    fn figures_come_in_reading_order_and_both_walks_agree() {
        let turn = |blocks| Turn {
            speaker: "a".into(),
            role: TurnRole::Answer,
            start: None,
            content: blocks,
        };
        let section = |first_turn, src| Section {
            heading: "Part".into(),
            level: 1,
            first_turn,
            content: vec![figure(src)],
        };
        let mut interview = Interview {
            meta: Default::default(),
            speakers: Vec::new(),
            front: vec![FrontBlock::Figure {
                figure: Figure {
                    src: Some("front".into()),
                    ..Figure::default()
                },
            }],
            turns: vec![
                turn(vec![figure("turn 0")]),
                turn(vec![Block::Quote {
                    content: vec![Block::List {
                        ordered: false,
                        items: vec![vec![figure("turn 1, in a list in a quote")]],
                    }],
                }]),
            ],
            sections: vec![
                section(1, "section before turn 1"),
                section(2, "section after the turns"),
            ],
            closing: Vec::new(),
        };
        let order: Vec<String> = interview
            .figures()
            .iter()
            .filter_map(|f| f.src.clone())
            .collect();
        assert_eq!(
            order,
            [
                "front",
                "turn 0",
                "section before turn 1",
                "turn 1, in a list in a quote",
                "section after the turns"
            ]
        );
        let mut visited = Vec::new();
        interview.for_each_figure_mut(&mut |f| visited.extend(f.src.clone()));
        assert_eq!(visited, order);
    }
}
