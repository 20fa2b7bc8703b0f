//! A transcript's sidecar: `NAME.folio.toml` (or `.yaml`, `.yml`) beside
//! `NAME.vtt`, giving what caption files carry none of: the speakers' names
//! and roles, and the metadata (title, date, authors, language). Its keys
//! are those of Markdown front matter.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::frontmatter::{FrontMatterBlock, FrontMatterExtras, apply, parse_mapping};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::Meta;

/// Largest sidecar read: it holds names and a few fields, never the text.
const MAX_SIDECAR_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone)]
pub(crate) struct Sidecar {
    name: String,
    value: Value,
}

/// The sidecar beside `input`, parsed; `None` when there is none.
pub(crate) fn find(input: &Path) -> Result<Option<Sidecar>, Error> {
    let Some(stem) = input.file_stem().and_then(|s| s.to_str()) else {
        return Ok(None);
    };
    let folder = input.parent().unwrap_or(Path::new(""));
    for extension in ["toml", "yaml", "yml"] {
        let path: PathBuf = folder.join(format!("{stem}.folio.{extension}"));
        // Only a regular file: a folder or a FIFO by that name is not a sidecar.
        let Ok(metadata) = std::fs::metadata(&path) else {
            continue;
        };
        if !metadata.is_file() {
            continue;
        }
        let name = path.display().to_string();
        if metadata.len() > MAX_SIDECAR_BYTES {
            return Err(Error::InvalidModel {
                name,
                message: format!(
                    "a sidecar of {} bytes is larger than the {MAX_SIDECAR_BYTES} bytes Folio reads",
                    metadata.len()
                ),
            });
        }
        let bytes = std::fs::read(&path).map_err(|error| Error::Io {
            path: path.clone(),
            error,
        })?;
        let text = crate::source::decode(&bytes, &name)?;
        return parse(&text, &name, extension == "toml").map(Some);
    }
    Ok(None)
}

fn parse(text: &str, name: &str, toml: bool) -> Result<Sidecar, Error> {
    let value = parse_mapping(text, text, name, toml, 0, "sidecar")?;
    Ok(Sidecar {
        name: name.to_string(),
        value,
    })
}

impl Sidecar {
    /// Applies the sidecar's keys as front matter would be; its warnings name the sidecar.
    pub(crate) fn apply(
        &self,
        meta: &mut Meta,
        warnings: &mut Vec<Diagnostic>,
    ) -> FrontMatterExtras {
        let block = FrontMatterBlock {
            value: self.value.clone(),
            lines: 0,
        };
        let mut own = Vec::new();
        let extras = apply(&block, meta, &mut own);
        warnings.extend(own.into_iter().map(|mut w| {
            w.line = None;
            w.message = format!(
                "{}: {}",
                self.name,
                w.message.replace("front matter", "sidecar")
            );
            w
        }));
        extras
    }
}
