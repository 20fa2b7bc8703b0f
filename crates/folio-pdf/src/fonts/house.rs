//! The house style's `body-font` and `heading-font`: font files that take
//! the place of the embedded serif (body) and sans (headings, labels).
//! A file that is missing, unreadable or lacks a character the embedded
//! face would have drawn is left out with a warning, so a style never
//! makes a document fail or print tofu.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Face, FaceId, FontBook, FontData, face_from, needs_glyph};

/// Which embedded faces a house font replaces, with the file-name suffix
/// of the family member for each (`Body-Bold.ttf` next to `Body-Regular.ttf`).
const BODY: [(FaceId, &str); 4] = [
    (FaceId::SERIF, "Regular"),
    (FaceId::SERIF_ITALIC, "Italic"),
    (FaceId::SERIF_BOLD, "Bold"),
    (FaceId::SERIF_BOLD_ITALIC, "BoldItalic"),
];
const HEADING: [(FaceId, &str); 2] = [(FaceId::SANS, "Regular"), (FaceId::SANS_BOLD, "Bold")];

impl FontBook {
    /// Puts the house style's fonts in place of the embedded ones. The
    /// given file replaces the regular face; bold and italic come from
    /// siblings named like it (`X-Regular.ttf` → `X-Bold.ttf`) when present.
    pub(super) fn apply_house_fonts(
        &mut self,
        text: &str,
        body: Option<&Path>,
        heading: Option<&Path>,
        warnings: &mut Vec<String>,
    ) {
        for (path, role, slots) in [
            (body, "body-font", &BODY[..]),
            (heading, "heading-font", &HEADING[..]),
        ] {
            let Some(path) = path else { continue };
            for &(slot, suffix) in slots {
                let file = if slot == slots[0].0 {
                    Some(path.to_path_buf())
                } else {
                    sibling(path, suffix)
                };
                let Some(file) = file else { continue };
                match self.house_face(&file, role, slot, text) {
                    Ok(face) => self.faces[slot.index()] = face,
                    // Only the file the style names is worth a warning;
                    // a sibling that does not fit just keeps the default.
                    Err(reason) if slot == slots[0].0 => {
                        warnings.push(format!(
                            "house style {role} {}: {reason}; using the embedded font",
                            path.display()
                        ));
                        break;
                    }
                    Err(_) => {}
                }
            }
        }
    }

    /// Loads `file` for `slot` if it draws every character of `text` that
    /// the embedded face in that slot draws.
    fn house_face(
        &self,
        file: &Path,
        role: &str,
        slot: FaceId,
        text: &str,
    ) -> Result<Face, String> {
        let data = std::fs::read(file).map_err(|e| format!("cannot read it ({e})"))?;
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let face = face_from(
            FontData::Loaded(Arc::new(data)),
            0,
            format!("{role}:{stem}"),
        )
        .map_err(|_| "not a usable TrueType or OpenType font".to_string())?;
        let parsed = ttf_parser::Face::parse(&face.data, 0)
            .map_err(|_| "not a usable TrueType or OpenType font".to_string())?;
        let embedded = ttf_parser::Face::parse(&self.faces[slot.index()].data, 0).ok();
        let mut seen = std::collections::BTreeSet::new();
        for c in text.chars().filter(|&c| needs_glyph(c) && seen.insert(c)) {
            let default_has = embedded
                .as_ref()
                .is_some_and(|f| f.glyph_index(c).is_some());
            if default_has && parsed.glyph_index(c).is_none() {
                return Err(format!("it has no glyph for {c:?} (U+{:04X})", c as u32));
            }
        }
        Ok(face)
    }
}

/// `Dir/Name-Regular.ttf` → `Dir/Name-Bold.ttf` (also `Name.ttf` →
/// `Name-Bold.ttf`), when that file exists.
fn sibling(path: &Path, suffix: &str) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("ttf");
    let base = stem.strip_suffix("-Regular").unwrap_or(stem);
    let candidate = path.with_file_name(format!("{base}-{suffix}.{ext}"));
    candidate.is_file().then_some(candidate)
}
