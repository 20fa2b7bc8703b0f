//! Image paths in a model are relative to the source file's folder. A book
//! puts interviews from several folders together, so their local paths are
//! rebased onto their own folder before they share one base.

use std::path::Path;

use crate::model::{Block, ClosingBlock, FrontBlock, Interview};

impl Interview {
    /// Rewrites every local, relative image path (figures and the cover) as
    /// a path under `folder`. URLs, `data:` links and absolute paths stay.
    pub fn rebase_images(&mut self, folder: &Path) {
        rebase(&mut self.meta.cover, folder);
        for block in &mut self.front {
            match block {
                FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                    rebase_blocks(content, folder);
                }
                FrontBlock::Figure { figure } => rebase(&mut figure.src, folder),
                FrontBlock::Dateline { .. } => {}
            }
        }
        for turn in &mut self.turns {
            rebase_blocks(&mut turn.content, folder);
        }
        for section in &mut self.sections {
            rebase_blocks(&mut section.content, folder);
        }
        for block in &mut self.closing {
            let (ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content }) = block;
            rebase_blocks(content, folder);
        }
    }
}

fn rebase_blocks(blocks: &mut [Block], folder: &Path) {
    for block in blocks {
        match block {
            Block::Figure { figure } => rebase(&mut figure.src, folder),
            Block::Quote { content } => rebase_blocks(content, folder),
            Block::List { items, .. } => {
                for item in items {
                    rebase_blocks(item, folder);
                }
            }
            Block::Paragraph { .. } | Block::Table { .. } => {}
        }
    }
}

fn rebase(src: &mut Option<String>, folder: &Path) {
    let Some(path) = src.as_deref() else {
        return;
    };
    if path.is_empty()
        || path.contains("://")
        || path.starts_with("data:")
        || Path::new(path).is_absolute()
    {
        return;
    }
    // A folder whose name is not UTF-8 cannot be written into the model's
    // strings; the path is left as it was.
    if let Some(joined) = folder.join(path).to_str() {
        *src = Some(joined.to_string());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::{Figure, Turn, TurnRole};

    fn figure(src: &str) -> Block {
        Block::Figure {
            figure: Figure {
                src: Some(src.into()),
                ..Figure::default()
            },
        }
    }

    fn src_of(block: &Block) -> &str {
        match block {
            Block::Figure { figure } => figure.src.as_deref().unwrap(),
            _ => panic!("not a figure"),
        }
    }

    #[test]
    fn local_relative_paths_move_under_the_folder_and_others_stay() {
        let mut interview = Interview {
            meta: crate::model::Meta {
                cover: Some("cover.jpg".into()),
                ..Default::default()
            },
            speakers: Vec::new(),
            front: vec![FrontBlock::Figure {
                figure: Figure {
                    src: Some("img/top.png".into()),
                    ..Figure::default()
                },
            }],
            turns: Vec::new(),
            sections: Vec::new(),
            closing: Vec::new(),
        };
        interview.turns.push(Turn {
            speaker: "a".into(),
            role: TurnRole::Answer,
            start: None,
            content: vec![
                figure("photo.png"),
                figure("https://example.com/a.png"),
                figure("/srv/abs.png"),
                figure("data:image/png;base64,AAAA"),
                Block::Quote {
                    content: vec![figure("quoted.png")],
                },
                Block::List {
                    ordered: false,
                    items: vec![vec![figure("listed.png")]],
                },
            ],
        });
        interview.rebase_images(Path::new("talks/second"));
        assert_eq!(
            interview.meta.cover.as_deref(),
            Some("talks/second/cover.jpg")
        );
        let FrontBlock::Figure { figure: top } = &interview.front[0] else {
            panic!("front figure")
        };
        assert_eq!(top.src.as_deref(), Some("talks/second/img/top.png"));
        let content = &interview.turns[0].content;
        assert_eq!(src_of(&content[0]), "talks/second/photo.png");
        assert_eq!(src_of(&content[1]), "https://example.com/a.png");
        assert_eq!(src_of(&content[2]), "/srv/abs.png");
        assert_eq!(src_of(&content[3]), "data:image/png;base64,AAAA");
        let Block::Quote { content: quoted } = &content[4] else {
            panic!("quote")
        };
        assert_eq!(src_of(&quoted[0]), "talks/second/quoted.png");
        let Block::List { items, .. } = &content[5] else {
            panic!("list")
        };
        assert_eq!(src_of(&items[0][0]), "talks/second/listed.png");
    }
}
