//! List paragraphs as nested lists. Word has no list element: each
//! paragraph says its numbering instance and level, and a paragraph of a
//! list style without numbering continues the item above it.

use crate::model::{Block, Inline};
use crate::read::docx::body::Para;
use crate::read::docx::styles::ParaKind;

/// One paragraph of a list.
#[derive(Debug, Clone)]
pub struct ListPara {
    pub level: usize,
    pub ordered: bool,
    /// The paragraph starts an item (it has a number or bullet).
    pub starts_item: bool,
    /// The numbering instance; a new one at the same level is a new list.
    pub num_id: Option<String>,
    pub inlines: Vec<Inline>,
}

impl ListPara {
    /// A list paragraph as the document gives it, after `previous` (the
    /// list's paragraph before it). `by_style`: Folio's List Number and
    /// List Bullet styles say the kind even where the numbering is lost.
    pub fn of(paragraph: Para, previous: Option<&ListPara>, by_style: bool) -> Self {
        let (level, starts_item) = match &paragraph.list {
            Some(list) => (list.level, true),
            // Further paragraphs of an item carry no number.
            None => (previous.map_or(0, |p| p.level), previous.is_none()),
        };
        let numbered = paragraph.kind == ParaKind::ListNumber;
        let ordered = match (by_style, paragraph.kind) {
            (true, ParaKind::ListNumber) => true,
            (true, ParaKind::ListBullet) => false,
            _ => paragraph
                .list
                .as_ref()
                .and_then(|l| l.ordered)
                .unwrap_or(numbered),
        };
        ListPara {
            level,
            ordered,
            starts_item,
            num_id: paragraph.list.as_ref().map(|l| l.num_id.clone()),
            inlines: paragraph.inlines,
        }
    }
}

/// The lists in `paragraphs`, in order (a change of kind at the top level
/// starts a new list).
pub fn build(paragraphs: &[ListPara]) -> Vec<Block> {
    let mut lists = Vec::new();
    let mut at = 0;
    while let Some(first) = paragraphs.get(at) {
        let before = at;
        lists.push(list(paragraphs, first.level, &mut at));
        if at == before {
            at += 1;
        }
    }
    lists
}

fn list(paragraphs: &[ListPara], level: usize, at: &mut usize) -> Block {
    let ordered = paragraphs.get(*at).is_some_and(|p| p.ordered);
    let num_id = paragraphs.get(*at).and_then(|p| p.num_id.clone());
    let mut items: Vec<Vec<Block>> = Vec::new();
    while let Some(paragraph) = paragraphs.get(*at) {
        if paragraph.level < level {
            break;
        }
        if paragraph.level > level {
            let nested = list(paragraphs, paragraph.level, at);
            match items.last_mut() {
                Some(item) => item.push(nested),
                None => items.push(vec![nested]),
            }
            continue;
        }
        let other_list = paragraph.ordered != ordered
            || (paragraph.num_id.is_some() && paragraph.num_id != num_id);
        if paragraph.starts_item && other_list && !items.is_empty() {
            break;
        }
        let block = Block::Paragraph {
            content: paragraph.inlines.clone(),
        };
        match items.last_mut() {
            Some(item) if !paragraph.starts_item => item.push(block),
            _ => items.push(vec![block]),
        }
        *at += 1;
    }
    Block::List { ordered, items }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn para(level: usize, ordered: bool, starts_item: bool, text: &str) -> ListPara {
        ListPara {
            level,
            ordered,
            starts_item,
            num_id: Some(if ordered { "2" } else { "1" }.into()).filter(|_| starts_item),
            inlines: vec![Inline::text(text)],
        }
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            content: vec![Inline::text(text)],
        }
    }

    #[test]
    fn levels_nest_and_unnumbered_paragraphs_continue_items() {
        let lists = build(&[
            para(0, false, true, "a"),
            para(1, true, true, "a1"),
            para(0, false, true, "b"),
            para(0, false, false, "b, more"),
            para(0, true, true, "one"),
        ]);
        assert_eq!(
            lists,
            vec![
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![
                            paragraph("a"),
                            Block::List {
                                ordered: true,
                                items: vec![vec![paragraph("a1")]]
                            }
                        ],
                        vec![paragraph("b"), paragraph("b, more")],
                    ]
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![paragraph("one")]]
                },
            ]
        );
    }
}
