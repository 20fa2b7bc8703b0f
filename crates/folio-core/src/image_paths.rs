//! Image paths in a model are relative to the source file's folder. A book
//! puts interviews from several folders together, so their local paths are
//! rebased onto their own folder before they share one base.

use std::path::Path;

use crate::model::Interview;

impl Interview {
    /// Rewrites every local, relative image path (figures and the cover) as
    /// a path under `folder`. URLs, `data:` links and absolute paths stay.
    pub fn rebase_images(&mut self, folder: &Path) {
        self.for_each_image_src(&mut |src| rebase(src, folder));
    }

    /// Drops the image of every figure (and the cover) whose file lies
    /// outside `folder` (an absolute path, `../`, a link out), keeping its
    /// caption and alt text, and says which: for a book, whose interviews
    /// come from several folders, before their paths are rebased.
    pub fn confine_images(&mut self, folder: &Path) -> Vec<String> {
        let mut dropped = Vec::new();
        self.for_each_image_src(&mut |src| {
            let Some(path) = src.as_deref() else {
                return;
            };
            // Remote images are never read, so they cannot lead out.
            let local = (!path.contains("://") || path.starts_with("file://"))
                && !path.starts_with("data:");
            if local && let Err(reason) = crate::image_source::check_src_inside(path, folder) {
                dropped.push(format!("image {path} left out: {reason}"));
                *src = None;
            }
        });
        dropped
    }

    /// Points every local image at the uploaded file it names, and drops
    /// every other local image, keeping its caption and alt text: a server
    /// reads nothing but what was uploaded with the interview. `uploaded`
    /// pairs each file's name as sent with the name it is stored under. A
    /// browser sends a file with its own name only (`photo.jpg`, not
    /// `images/photo.jpg`), so the last part of a path is what counts, and
    /// letter case is ignored, as on the desktops people upload from. A
    /// picture inside an uploaded Word file (`talk.docx#word/media/1.png`)
    /// points into the stored file. Returns a message for each image left
    /// out, and the stored name of each image used, once per use.
    pub fn use_uploaded_images(&mut self, uploaded: &[(String, String)]) -> UploadedImages {
        let mut result = UploadedImages::default();
        self.for_each_image_src(&mut |src| result.resolve(src, uploaded));
        result
    }

    /// Calls `f` on the `src` of every figure and on the cover.
    fn for_each_image_src(&mut self, f: &mut dyn FnMut(&mut Option<String>)) {
        f(&mut self.meta.cover);
        self.for_each_figure_mut(&mut |figure| f(&mut figure.src));
    }
}

/// What [`Interview::use_uploaded_images`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct UploadedImages {
    /// A message for each image left out.
    pub dropped: Vec<String>,
    /// The stored name of each image used, once for every figure that uses
    /// it: a request may not make the writers load more than it sent.
    pub used: Vec<String>,
}

impl UploadedImages {
    /// Points one image (a figure's, a cover's) at its upload, or drops it.
    pub fn resolve(&mut self, src: &mut Option<String>, uploaded: &[(String, String)]) {
        let Some(path) = src.as_deref() else {
            return;
        };
        match uploaded_image(path, uploaded) {
            UploadedImage::Remote => {}
            UploadedImage::Stored { stored, file } => {
                self.used.push(file);
                *src = Some(stored);
            }
            UploadedImage::Missing => {
                self.dropped.push(format!(
                    "image {path} left out: it was not uploaded with the interview"
                ));
                *src = None;
            }
        }
    }
}

/// Where an image of a model comes from on a server.
enum UploadedImage {
    /// A URL or a `data:` link: never read from the disk.
    Remote,
    /// An uploaded file: the path to it (`stored` names the stored file,
    /// with the part inside a Word file when there is one) and the file.
    Stored { stored: String, file: String },
    /// A local file that was not uploaded.
    Missing,
}

fn uploaded_image(path: &str, uploaded: &[(String, String)]) -> UploadedImage {
    if path.starts_with("data:") || (path.contains("://") && !path.starts_with("file://")) {
        return UploadedImage::Remote;
    }
    // A picture inside a Word file: the file is the upload.
    let (file, part) = match path.split_once('#') {
        Some((file, part)) if file.to_ascii_lowercase().ends_with(".docx") => (file, Some(part)),
        _ => (path, None),
    };
    let name = file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file)
        .to_lowercase();
    let found = uploaded
        .iter()
        .find(|(sent, _)| sent.to_lowercase() == name)
        .map(|(_, stored)| stored);
    match (found, part) {
        (Some(stored), Some(part)) => UploadedImage::Stored {
            stored: format!("{stored}#{part}"),
            file: stored.clone(),
        },
        (Some(stored), None) => UploadedImage::Stored {
            stored: stored.clone(),
            file: stored.clone(),
        },
        (None, _) => UploadedImage::Missing,
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
    use crate::model::{Block, Figure, FrontBlock, Turn, TurnRole};

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

    #[test]
    fn uploaded_images_are_found_by_their_own_name_and_nothing_else_is_read() {
        let mut interview = Interview {
            meta: crate::model::Meta {
                cover: Some("../outside/cover.jpg".into()),
                ..Default::default()
            },
            speakers: Vec::new(),
            front: Vec::new(),
            turns: vec![Turn {
                speaker: "a".into(),
                role: TurnRole::Answer,
                start: None,
                content: vec![
                    figure("images/Photo.PNG"),
                    figure("C:\\pictures\\kiln.jpg"),
                    figure("/etc/hostname"),
                    figure("https://example.com/a.png"),
                    figure("data:image/png;base64,AAAA"),
                    figure("talk.docx#word/media/image1.png"),
                ],
            }],
            sections: Vec::new(),
            closing: Vec::new(),
        };
        let uploaded = [
            ("photo.png".to_string(), "0.png".to_string()),
            ("kiln.jpg".to_string(), "1.jpg".to_string()),
            ("Talk.docx".to_string(), "2.docx".to_string()),
        ];
        let result = interview.use_uploaded_images(&uploaded);
        assert_eq!(result.used, ["0.png", "1.jpg", "2.docx"]);
        let dropped = result.dropped;
        let content = &interview.turns[0].content;
        assert_eq!(src_of(&content[0]), "0.png");
        assert_eq!(src_of(&content[1]), "1.jpg");
        assert_eq!(src_of(&content[5]), "2.docx#word/media/image1.png");
        assert!(matches!(&content[2], Block::Figure { figure } if figure.src.is_none()));
        assert_eq!(src_of(&content[3]), "https://example.com/a.png");
        assert_eq!(src_of(&content[4]), "data:image/png;base64,AAAA");
        assert_eq!(interview.meta.cover, None);
        assert_eq!(
            dropped,
            [
                "image ../outside/cover.jpg left out: it was not uploaded with the interview",
                "image /etc/hostname left out: it was not uploaded with the interview"
            ]
        );
    }
}
