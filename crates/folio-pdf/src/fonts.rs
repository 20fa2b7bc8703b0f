//! The faces a document is set in: the embedded defaults, the user's
//! `--font`/`--cjk-font` files and system fallbacks for other scripts.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::PdfError;

mod house;
mod report;

pub use report::{FontReport, FontRole, Script, font_report};

/// Index of a face in a [`FontBook`]. Every shaped glyph carries one, so
/// it is kept small: a document has a few dozen faces at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u16);

impl FaceId {
    /// The face's place in [`FontBook::faces`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub const SERIF: FaceId = FaceId(0);
    pub const SERIF_ITALIC: FaceId = FaceId(1);
    pub const SERIF_BOLD: FaceId = FaceId(2);
    pub const SERIF_BOLD_ITALIC: FaceId = FaceId(3);
    pub const SANS: FaceId = FaceId(4);
    pub const SANS_BOLD: FaceId = FaceId(5);
}

/// A font program's bytes: built in, or read from a file and shared with
/// the shaper without a copy (a CJK collection runs to tens of megabytes).
#[derive(Clone)]
pub enum FontData {
    Embedded(&'static [u8]),
    Loaded(Arc<Vec<u8>>),
}

impl std::ops::Deref for FontData {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FontData::Embedded(data) => data,
            FontData::Loaded(data) => data,
        }
    }
}

impl std::fmt::Debug for FontData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FontData({} bytes)", self.len())
    }
}

/// One loaded face: its font program and what the layout needs to know.
#[derive(Debug, Clone)]
pub struct Face {
    pub data: FontData,
    pub index: u32,
    /// Short name for layout snapshots (`serif`, `sans-bold`, `fallback:Noto Sans CJK SC`).
    pub label: String,
}

pub(crate) static EMBEDDED: [(&str, &[u8]); 6] = [
    ("serif", include_bytes!("../fonts/Caladea-Regular.ttf")),
    (
        "serif-italic",
        include_bytes!("../fonts/Caladea-Italic.ttf"),
    ),
    ("serif-bold", include_bytes!("../fonts/Caladea-Bold.ttf")),
    (
        "serif-bold-italic",
        include_bytes!("../fonts/Caladea-BoldItalic.ttf"),
    ),
    ("sans", include_bytes!("../fonts/Lato-Regular.ttf")),
    ("sans-bold", include_bytes!("../fonts/Lato-Bold.ttf")),
];

/// The faces of one document plus, per character, which face draws it when
/// the styled face cannot.
#[derive(Debug)]
pub struct FontBook {
    pub faces: Vec<Face>,
    /// Characters the default faces lack, with the face that has them.
    fallback: Vec<(char, FaceId)>,
    /// Bold faces of fallback faces, for bold text (questions).
    bold: Vec<(FaceId, FaceId)>,
    /// House style fonts that could not be used, and why.
    pub warnings: Vec<String>,
}

/// Where to look for faces beyond the embedded defaults.
#[derive(Debug, Clone, Default)]
pub struct FontChoice<'a> {
    pub font: Option<&'a Path>,
    pub cjk_font: Option<&'a Path>,
    pub language: &'a str,
    pub use_system_fonts: bool,
    /// The house style's body font file, in place of the embedded serif.
    pub body_font: Option<&'a Path>,
    /// The house style's heading font file, in place of the embedded sans.
    pub heading_font: Option<&'a Path>,
}

impl FontBook {
    /// Loads the defaults and finds a face for every character of `text`
    /// that they lack; fails naming the first character no face has.
    pub fn for_text(text: &str, choice: &FontChoice<'_>) -> Result<FontBook, PdfError> {
        let mut faces = Vec::with_capacity(8);
        for &(label, data) in &EMBEDDED {
            faces.push(face_from(FontData::Embedded(data), 0, label.to_string())?);
        }
        let mut book = FontBook {
            faces,
            fallback: Vec::new(),
            bold: Vec::new(),
            warnings: Vec::new(),
        };
        let mut warnings = Vec::new();
        book.apply_house_fonts(text, choice.body_font, choice.heading_font, &mut warnings);
        book.warnings = warnings;
        // Distinct characters in code point order; ASCII, most of any text,
        // is noted in a table rather than a tree.
        let mut ascii = [false; 128];
        let mut others = std::collections::BTreeSet::new();
        for c in text.chars() {
            match ascii.get_mut(c as usize) {
                Some(seen) => *seen = true,
                None => {
                    others.insert(c);
                }
            }
        }
        let unique = (0u8..128)
            .filter(|&b| ascii[usize::from(b)])
            .map(char::from)
            .chain(others);
        let missing: Vec<char> = match ttf_parser::Face::parse(&book.faces[0].data, 0) {
            Ok(serif) => unique
                .into_iter()
                .filter(|&c| needs_glyph(c) && serif.glyph_index(c).is_none())
                .collect(),
            Err(_) => Vec::new(),
        };
        if missing.is_empty() {
            return Ok(book);
        }
        let region = cjk_region(choice.language);
        let user_font = choice
            .font
            .map(|p| load_file(p, "font", region))
            .transpose()?;
        let cjk_font = choice
            .cjk_font
            .map(|p| load_file(p, "cjk-font", region))
            .transpose()?;
        let mut system = None;
        for c in missing {
            let mut found = None;
            let candidates = [
                if is_cjk(c) { cjk_font.as_ref() } else { None },
                user_font.as_ref(),
                if is_cjk(c) { None } else { cjk_font.as_ref() },
            ];
            for face in candidates.into_iter().flatten() {
                if face_has(face, c) {
                    found = Some(book.intern(face));
                    break;
                }
            }
            // A fallback already chosen for another character comes first,
            // so a script is set in one face.
            if found.is_none() {
                found = (EMBEDDED.len()..book.faces.len())
                    .filter_map(|i| u16::try_from(i).ok().map(FaceId))
                    .find(|&f| book.has_glyph(f, c));
            }
            if found.is_none() && choice.use_system_fonts {
                let db = system.get_or_insert_with(SystemFonts::load);
                if let Some(id) = db.find(c, choice.language) {
                    let regular = book.intern(&db.face(id)?);
                    if let Some(bold) = db.bold_twin(id) {
                        let bold = book.intern(&db.face(bold)?);
                        book.bold.push((regular, bold));
                    }
                    found = Some(regular);
                }
            }
            match found {
                Some(id) => book.fallback.push((c, id)),
                None => {
                    return Err(PdfError::MissingGlyph {
                        character: c,
                        code_point: c as u32,
                        context: context_of(c, text),
                    });
                }
            }
        }
        Ok(book)
    }

    fn intern(&mut self, face: &Face) -> FaceId {
        let found = self
            .faces
            .iter()
            .position(|f| f.label == face.label && f.index == face.index);
        let i = found.unwrap_or_else(|| {
            self.faces.push(face.clone());
            self.faces.len() - 1
        });
        FaceId(u16::try_from(i).unwrap_or(u16::MAX))
    }

    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.index().min(self.faces.len() - 1)]
    }

    pub fn has_glyph(&self, id: FaceId, c: char) -> bool {
        face_has(self.face(id), c)
    }

    /// The face that draws `c` when the styled face cannot, with that
    /// face's bold twin when one is installed.
    pub fn fallback_for(&self, c: char) -> Option<(FaceId, Option<FaceId>)> {
        let regular = self
            .fallback
            .iter()
            .find_map(|&(f, id)| (f == c).then_some(id))?;
        let bold = self
            .bold
            .iter()
            .find_map(|&(r, b)| (r == regular).then_some(b));
        Some((regular, bold))
    }
}

/// Characters that need no glyph of their own: controls, break hints and
/// the other default-ignorable characters (bidi marks, embeddings and
/// isolates, the word joiner, variation selectors), which shaping hides;
/// and noncharacters, which the layout drops as the XML writers do.
pub fn needs_glyph(c: char) -> bool {
    !(c.is_control() || is_default_ignorable(c) || is_noncharacter(c))
}

/// Unicode's Default_Ignorable_Code_Point, the parts text carries.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// U+FDD0..U+FDEF and the last two code points of every plane.
pub fn is_noncharacter(c: char) -> bool {
    let code = c as u32;
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3200..=0x9FFF
        | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

fn face_has(face: &Face, c: char) -> bool {
    ttf_parser::Face::parse(&face.data, face.index)
        .ok()
        .and_then(|f| f.glyph_index(c))
        .is_some()
}

/// A face, once it is known to parse.
fn face_from(data: FontData, index: u32, label: String) -> Result<Face, PdfError> {
    ttf_parser::Face::parse(&data, index).map_err(|_| PdfError::BadFont {
        path: PathBuf::from(&label),
    })?;
    Ok(Face { data, index, label })
}

/// Loads a font file; in a collection (`.ttc`), the face for the
/// document's CJK region (the SC face of Noto Sans CJK for Chinese).
fn load_file(path: &Path, role: &str, region: &str) -> Result<Face, PdfError> {
    let data = std::fs::read(path).map_err(|source| PdfError::FontFile {
        path: path.to_path_buf(),
        source,
    })?;
    let count = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
    let suffix = format!(" {region}");
    let index = (0..count)
        .find(|&i| {
            ttf_parser::Face::parse(&data, i).is_ok_and(|f| {
                f.names().into_iter().any(|n| {
                    n.name_id == ttf_parser::name_id::FAMILY
                        && n.to_string().is_some_and(|name| name.ends_with(&suffix))
                })
            })
        })
        .unwrap_or(0);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    face_from(
        FontData::Loaded(Arc::new(data)),
        index,
        format!("{role}:{name}"),
    )
    .map_err(|_| PdfError::BadFont {
        path: path.to_path_buf(),
    })
}

/// A few characters around the first use of `c`, for the error message.
fn context_of(c: char, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = chars.iter().position(|&x| x == c).unwrap_or(0);
    let start = at.saturating_sub(12);
    let end = (at + 12).min(chars.len());
    chars[start..end]
        .iter()
        .map(|&x| if x.is_control() { ' ' } else { x })
        .collect()
}

/// Installed fonts, searched only when the defaults lack a character.
struct SystemFonts {
    db: fontdb::Database,
}

impl SystemFonts {
    fn load() -> SystemFonts {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        SystemFonts { db }
    }

    /// The best installed face for `c`: for CJK the one whose glyph forms
    /// match the language (SC for Simplified Chinese), else a serif before a
    /// sans, regular weight and upright before others.
    fn find(&self, c: char, language: &str) -> Option<fontdb::ID> {
        let region = cjk_region(language);
        let mut best: Option<(i32, &fontdb::FaceInfo)> = None;
        for info in self.db.faces() {
            let family = info
                .families
                .first()
                .map(|(name, _)| name.as_str())
                .unwrap_or("");
            let mut score = 0;
            if info.style == fontdb::Style::Normal {
                score += 4;
            }
            if info.weight == fontdb::Weight::NORMAL {
                score += 4;
            }
            if family.contains("Serif") {
                score += 2;
            }
            if family.contains("Mono") {
                score -= 3;
            }
            if is_cjk(c) && family.contains(&format!(" {region}")) {
                score += 16;
            }
            // Ties go to the alphabetically first face, so the choice does
            // not depend on the order the file system lists fonts in.
            if best.is_some_and(|(s, b)| {
                s > score
                    || s == score
                        && (&b.post_script_name, b.index) <= (&info.post_script_name, info.index)
            }) {
                continue;
            }
            let covers = self
                .db
                .with_face_data(info.id, |data, index| {
                    ttf_parser::Face::parse(data, index)
                        .ok()
                        .and_then(|f| f.glyph_index(c))
                        .is_some()
                })
                .unwrap_or(false);
            if covers {
                best = Some((score, info));
            }
        }
        best.map(|(_, info)| info.id)
    }

    /// The face's data, read once per face.
    fn face(&self, id: fontdb::ID) -> Result<Face, PdfError> {
        let info = self.db.face(id).ok_or_else(|| PdfError::BadFont {
            path: PathBuf::from("system font"),
        })?;
        let family = family_of(info);
        let data = self
            .db
            .with_face_data(id, |data, _| data.to_vec())
            .unwrap_or_default();
        face_from(
            FontData::Loaded(Arc::new(data)),
            info.index,
            format!("fallback:{family}:{}", info.post_script_name),
        )
    }

    /// The bold face of the same family, when installed.
    fn bold_twin(&self, id: fontdb::ID) -> Option<fontdb::ID> {
        let info = self.db.face(id)?;
        let family = family_of(info);
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(&family)],
            weight: fontdb::Weight::BOLD,
            ..fontdb::Query::default()
        };
        self.db
            .query(&query)
            .filter(|&b| b != id && self.db.face(b).is_some_and(|f| f.weight.0 >= 600))
    }
}

fn family_of(info: &fontdb::FaceInfo) -> String {
    info.families
        .first()
        .map(|(name, _)| name.clone())
        .unwrap_or_else(|| info.post_script_name.clone())
}

/// The CJK face variant for a BCP 47 tag (SC, TC, HK, JP or KR), from
/// core's reading of the language; SC for a language that is not CJK.
fn cjk_region(language: &str) -> &'static str {
    folio_core::Language::of(language)
        .cjk()
        .map_or("SC", folio_core::CjkVariant::font_region)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn cjk_region_follows_language() {
        assert_eq!(cjk_region("zh"), "SC");
        assert_eq!(cjk_region("zh-Hant"), "TC");
        assert_eq!(cjk_region("ja-JP"), "JP");
        assert_eq!(cjk_region("ko"), "KR");
        assert_eq!(cjk_region("kok"), "SC");
    }

    #[test]
    fn missing_character_is_named() {
        let chars = "abc \u{10FFFD} def";
        let choice = FontChoice {
            language: "en",
            ..FontChoice::default()
        };
        let err = FontBook::for_text(chars, &choice).map(|_| ()).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("U+10FFFD"), "{text}");
        assert!(text.contains("--font"), "{text}");
    }

    #[test]
    fn defaults_cover_typographic_punctuation() {
        let book = FontBook::for_text("‘’“”–—\u{A0}…fi", &FontChoice::default())
            .map_err(|e| e.to_string());
        assert!(book.is_ok(), "{book:?}");
    }
}
