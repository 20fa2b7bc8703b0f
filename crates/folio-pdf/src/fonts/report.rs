//! What `folio fonts` shows: every face Folio would set PDF text in, and
//! the scripts each one draws.

use std::path::{Path, PathBuf};

use super::{EMBEDDED, SystemFonts, family_of};
use crate::PdfOptions;

/// A writing system, tested by a few characters every font for it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
    Arabic,
    Hebrew,
    Devanagari,
    Thai,
    /// Han characters in their simplified forms (Chinese, mainland).
    HanSimplified,
    /// Han characters in their traditional forms (Chinese, Taiwan and Hong Kong).
    HanTraditional,
    /// Japanese hiragana and katakana.
    Kana,
    /// Korean hangul.
    Hangul,
}

impl Script {
    pub const ALL: [Script; 11] = [
        Script::Latin,
        Script::Greek,
        Script::Cyrillic,
        Script::Arabic,
        Script::Hebrew,
        Script::Devanagari,
        Script::Thai,
        Script::HanSimplified,
        Script::HanTraditional,
        Script::Kana,
        Script::Hangul,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Greek => "Greek",
            Script::Cyrillic => "Cyrillic",
            Script::Arabic => "Arabic",
            Script::Hebrew => "Hebrew",
            Script::Devanagari => "Devanagari",
            Script::Thai => "Thai",
            Script::HanSimplified => "Han (simplified)",
            Script::HanTraditional => "Han (traditional)",
            Script::Kana => "Japanese kana",
            Script::Hangul => "Korean hangul",
        }
    }

    /// Characters a face must all have to count as drawing the script.
    fn probe(self) -> &'static str {
        match self {
            Script::Latin => "AZaz",
            Script::Greek => "ΑΩαωλ",
            Script::Cyrillic => "АЯажя",
            Script::Arabic => "ابتع",
            Script::Hebrew => "אבגש",
            Script::Devanagari => "कखनम",
            Script::Thai => "กขมอ",
            Script::HanSimplified => "们这书国",
            Script::HanTraditional => "們這書國",
            Script::Kana => "あいアイ",
            Script::Hangul => "한글국",
        }
    }

    /// A character and language to ask the system fonts with.
    fn query(self) -> (char, &'static str) {
        match self {
            Script::Latin => ('a', "en"),
            Script::Greek => ('λ', "el"),
            Script::Cyrillic => ('ж', "ru"),
            Script::Arabic => ('ب', "ar"),
            Script::Hebrew => ('ב', "he"),
            Script::Devanagari => ('क', "hi"),
            Script::Thai => ('ก', "th"),
            Script::HanSimplified => ('国', "zh-Hans"),
            Script::HanTraditional => ('國', "zh-Hant"),
            Script::Kana => ('あ', "ja"),
            Script::Hangul => ('한', "ko"),
        }
    }
}

/// Where a face comes from, which decides when it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontRole {
    /// Built into Folio (`serif`, `sans-bold`, …).
    Embedded(&'static str),
    /// `--font`: characters the defaults lack.
    Font,
    /// `--cjk-font`: Chinese, Japanese and Korean.
    CjkFont,
    /// The house style's `body-font`, in place of the embedded serif.
    BodyFont,
    /// The house style's `heading-font`, in place of the embedded sans.
    HeadingFont,
    /// An installed font, used for characters of these scripts no chosen font has.
    SystemFallback(Vec<Script>),
}

/// One face Folio may use.
#[derive(Debug, Clone, PartialEq)]
pub struct FontReport {
    pub role: FontRole,
    pub family: String,
    pub postscript_name: String,
    /// The file, for anything not built in.
    pub path: Option<PathBuf>,
    /// The face's index in a collection (`.ttc`).
    pub index: u32,
    pub scripts: Vec<Script>,
    /// The CJK glyph forms a face is made for (`SC`, `TC`, `HK`, `JP`,
    /// `KR`), from its family name: Folio picks the one matching the
    /// document's language.
    pub cjk_variant: Option<String>,
    /// Why a font given by option or style will not be used.
    pub problem: Option<String>,
}

/// The fonts the options make available, defaults first, then `--font`,
/// `--cjk-font`, the house style's fonts and, unless system fonts are
/// off, the installed face Folio would fall back to for each script.
pub fn font_report(options: &PdfOptions) -> Vec<FontReport> {
    let mut out = Vec::new();
    for &(label, data) in &EMBEDDED {
        out.extend(describe(data, 0, FontRole::Embedded(label)));
    }
    let style = &options.common.style;
    let files = [
        (options.font.clone(), FontRole::Font),
        (options.cjk_font.clone(), FontRole::CjkFont),
        (
            style.body_font.as_deref().map(PathBuf::from),
            FontRole::BodyFont,
        ),
        (
            style.heading_font.as_deref().map(PathBuf::from),
            FontRole::HeadingFont,
        ),
    ];
    for (path, role) in files {
        if let Some(path) = path.filter(|p| !p.as_os_str().is_empty()) {
            out.extend(describe_file(&path, role));
        }
    }
    if !options.no_system_fonts {
        out.extend(system_fallbacks());
    }
    out
}

/// Every face of a font file (all of a collection's), or one entry
/// naming the problem.
fn describe_file(path: &Path, role: FontRole) -> Vec<FontReport> {
    let failed = |problem: String| FontReport {
        role: role.clone(),
        family: String::new(),
        postscript_name: String::new(),
        path: Some(path.to_path_buf()),
        index: 0,
        scripts: Vec::new(),
        cjk_variant: None,
        problem: Some(problem),
    };
    let data = match std::fs::read(path) {
        Ok(data) => data,
        Err(e) => return vec![failed(format!("cannot read it: {e}"))],
    };
    let count = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
    let faces: Vec<FontReport> = (0..count)
        .filter_map(|i| describe(&data, i, role.clone()))
        .map(|mut r| {
            r.path = Some(path.to_path_buf());
            r
        })
        .collect();
    if faces.is_empty() {
        vec![failed("not a usable TrueType or OpenType font".into())]
    } else {
        faces
    }
}

fn describe(data: &[u8], index: u32, role: FontRole) -> Option<FontReport> {
    let face = ttf_parser::Face::parse(data, index).ok()?;
    let name = |id: u16| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id)
            .find_map(|n| n.to_string())
            .unwrap_or_default()
    };
    let family = {
        let typographic = name(ttf_parser::name_id::TYPOGRAPHIC_FAMILY);
        if typographic.is_empty() {
            name(ttf_parser::name_id::FAMILY)
        } else {
            typographic
        }
    };
    let scripts = Script::ALL
        .into_iter()
        .filter(|s| s.probe().chars().all(|c| face.glyph_index(c).is_some()))
        .collect();
    Some(FontReport {
        role,
        cjk_variant: cjk_variant(&family),
        postscript_name: name(ttf_parser::name_id::POST_SCRIPT_NAME),
        family,
        path: None,
        index,
        scripts,
        problem: None,
    })
}

fn cjk_variant(family: &str) -> Option<String> {
    let last = family.rsplit(' ').next()?;
    ["SC", "TC", "HK", "JP", "KR"]
        .contains(&last)
        .then(|| last.to_string())
}

/// The installed face chosen for each script the embedded serif lacks,
/// the same way a document needing it would choose; one entry per face.
fn system_fallbacks() -> Vec<FontReport> {
    let serif = describe(EMBEDDED[0].1, 0, FontRole::Embedded(EMBEDDED[0].0))
        .map(|r| r.scripts)
        .unwrap_or_default();
    let system = SystemFonts::load();
    let mut chosen: Vec<(fontdb::ID, Vec<Script>)> = Vec::new();
    for script in Script::ALL.into_iter().filter(|s| !serif.contains(s)) {
        let (c, language) = script.query();
        let Some(id) = system.find(c, language) else {
            continue;
        };
        match chosen.iter_mut().find(|(f, _)| *f == id) {
            Some((_, scripts)) => scripts.push(script),
            None => chosen.push((id, vec![script])),
        }
    }
    chosen
        .into_iter()
        .filter_map(|(id, used_for)| {
            let info = system.db.face(id)?;
            let path = match &info.source {
                fontdb::Source::File(path) => Some(path.clone()),
                _ => None,
            };
            let role = FontRole::SystemFallback(used_for);
            let mut report = system
                .db
                .with_face_data(id, |data, index| describe(data, index, role.clone()))
                .flatten()?;
            report.path = path;
            if report.family.is_empty() {
                report.family = family_of(info);
            }
            Some(report)
        })
        .collect()
}
