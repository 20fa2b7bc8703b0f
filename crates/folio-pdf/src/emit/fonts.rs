//! Fonts as PDF objects. Each face the layout drew is subset to its drawn
//! glyphs, renumbered 1, 2, 3… (0 stays `.notdef`), and written as a Type 0
//! font whose CIDs are the new glyph ids: a `/W` array, a `ToUnicode` CMap
//! built from the text each glyph stands for, and a tagged `ABCDEF+` name.
//! Renumbering is what keeps CJK subsets small: a CID-keyed CFF keeps an
//! entry for every glyph id up to the highest one used.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId, Stream};

use rayon::prelude::*;

use crate::PdfError;
use crate::emit::deflate;
use crate::fonts::{Face, FaceId, FontBook};
use crate::layout::tree::Document;

/// A face as it is written: its resource name and its glyphs in new order.
#[derive(Debug)]
pub struct EmbeddedFont {
    pub face: FaceId,
    /// Resource name in page dictionaries (`F0`, `F4`…): from the face id,
    /// so the output never depends on anything but the document.
    pub resource: String,
    /// Original glyph ids drawn, ascending; CID `k + 1` draws `glyphs[k]`.
    glyphs: Vec<u16>,
    /// The text each glyph stands for in `ToUnicode`, by the same index.
    texts: Vec<String>,
    /// Advance of each glyph in thousandths of an em, as `/W` gives it.
    widths: Vec<f32>,
}

impl EmbeddedFont {
    /// CID, advance and whether `text` is what extraction gives without
    /// help, for original glyph `gid`, in one search: content streams ask
    /// all three for every glyph.
    pub fn lookup(&self, gid: u16, text: &str) -> (u16, f32, bool) {
        match self.glyphs.binary_search(&gid) {
            Ok(k) => (
                u16::try_from(k + 1).unwrap_or(0),
                self.widths[k],
                self.texts[k] == text,
            ),
            Err(_) => (0, 0.0, false),
        }
    }
}

/// The fonts of a document, indexed by face id.
#[derive(Debug, Default)]
pub struct FontSet {
    pub fonts: Vec<EmbeddedFont>,
}

/// The glyphs of one face a document draws, in order of first use, with
/// the text each stands for; `slots` finds a glyph id's entry (1-based, 0
/// for none) without hashing. It grows to the highest id drawn: at most
/// 256 KB for a CJK face's 65,535 glyphs.
#[derive(Default)]
struct UsedGlyphs {
    slots: Vec<u32>,
    glyphs: Vec<(u16, String)>,
}

impl FontSet {
    /// Collects what every used face must hold.
    pub fn plan(doc: &Document, book: &FontBook) -> FontSet {
        // Per face: glyph → the text it stands for. The first real text seen
        // wins; a glyph only ever drawn as an added hyphen maps to U+00AD.
        let mut used: BTreeMap<FaceId, UsedGlyphs> = BTreeMap::new();
        for glyphs in doc
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.runs)
        {
            let face = used.entry(glyphs.face).or_default();
            for g in &glyphs.glyphs {
                if g.id == 0 {
                    continue;
                }
                let at = usize::from(g.id);
                if at >= face.slots.len() {
                    face.slots.resize(at + 1, 0);
                }
                match face.slots[at] {
                    0 => {
                        face.glyphs.push((g.id, g.text.to_string()));
                        // At most 65,535 glyphs: the count fits.
                        face.slots[at] = face.glyphs.len() as u32;
                    }
                    n => {
                        let real = !g.text.is_empty() && g.text != "\u{AD}";
                        let text = &mut face.glyphs[n as usize - 1].1;
                        if real && (text.is_empty() || text == "\u{AD}") {
                            *text = g.text.to_string();
                        }
                    }
                }
            }
        }
        let fonts = used
            .into_iter()
            .map(|(face, used)| {
                // Ascending glyph ids: CIDs follow them.
                let mut glyphs = used.glyphs;
                glyphs.sort_unstable_by_key(|&(g, _)| g);
                let f = book.face(face);
                let parsed = ttf_parser::Face::parse(&f.data, f.index).ok();
                let units = parsed
                    .as_ref()
                    .map_or(1000.0, |p| f32::from(p.units_per_em()));
                let widths = glyphs
                    .iter()
                    .map(|&(g, _)| {
                        let advance = parsed
                            .as_ref()
                            .and_then(|p| p.glyph_hor_advance(ttf_parser::GlyphId(g)))
                            .unwrap_or(0);
                        (f32::from(advance) * 1000.0 / units).round()
                    })
                    .collect();
                if let Some(parsed) = &parsed {
                    name_silent_glyphs(parsed, &mut glyphs);
                }
                let (glyphs, texts) = glyphs.into_iter().unzip();
                EmbeddedFont {
                    face,
                    resource: format!("F{}", face.0),
                    glyphs,
                    texts,
                    widths,
                }
            })
            .collect();
        FontSet { fonts }
    }

    pub fn get(&self, face: FaceId) -> Option<&EmbeddedFont> {
        self.fonts.iter().find(|f| f.face == face)
    }

    /// Every font's subset program and `ToUnicode` CMap, compressed, in
    /// the order of [`FontSet::fonts`]: the costly part, done on all cores.
    pub fn pack(&self, book: &FontBook) -> Result<Vec<Packed>, PdfError> {
        self.fonts
            .par_iter()
            .with_max_len(1)
            .map(|font| pack(font, book.face(font.face)))
            .collect()
    }

    /// Writes every font; returns resource name → font object.
    pub fn write(&self, lo: &mut lopdf::Document, packed: Vec<Packed>) -> Dictionary {
        let mut resources = Dictionary::new();
        for (font, packed) in self.fonts.iter().zip(packed) {
            let id = write_font(lo, font, packed);
            resources.set(font.resource.as_str(), Object::Reference(id));
        }
        resources
    }
}

/// A font's streams, ready to be written.
#[derive(Debug)]
pub struct Packed {
    name: String,
    cff: bool,
    descriptor: Dictionary,
    program: Stream,
    to_unicode: Stream,
}

fn pack(font: &EmbeddedFont, face: &Face) -> Result<Packed, PdfError> {
    let mut remapper = subsetter::GlyphRemapper::new();
    for &g in &font.glyphs {
        remapper.remap(g);
    }
    let program = subsetter::subset(&face.data, face.index, &remapper)
        .map_err(|e| PdfError::Serialize(format!("cannot subset the font {}: {e}", face.label)))?;
    let parsed = ttf_parser::Face::parse(&face.data, face.index)
        .map_err(|e| PdfError::Serialize(format!("cannot read the font {}: {e}", face.label)))?;
    let cff = parsed.tables().cff.is_some();
    let name = format!(
        "{}+{}",
        subset_tag(&face.label, &font.glyphs),
        postscript_name(&parsed).unwrap_or_else(|| "Folio".into())
    );
    let mut file = Dictionary::new();
    if cff {
        // A CFF subset is CID-keyed with CID = new glyph id; PDF takes it
        // whole as an OpenType font program.
        file.set("Subtype", Object::Name(b"OpenType".to_vec()));
    } else {
        file.set("Length1", Object::Integer(program.len() as i64));
    }
    Ok(Packed {
        descriptor: descriptor(&parsed, &name, &face.label),
        program: deflate::with_dict(file, program),
        to_unicode: deflate::stream(to_unicode(font, &name).into_bytes()),
        name,
        cff,
    })
}

fn write_font(lo: &mut lopdf::Document, font: &EmbeddedFont, packed: Packed) -> ObjectId {
    let Packed {
        name,
        cff,
        mut descriptor,
        program,
        to_unicode,
    } = packed;
    let key = if cff { "FontFile3" } else { "FontFile2" };
    descriptor.set(key, Object::Reference(lo.add_object(program)));
    let descriptor = lo.add_object(descriptor);

    let mut cid_font = Dictionary::new();
    cid_font.set("Type", Object::Name(b"Font".to_vec()));
    let subtype: &[u8] = if cff {
        b"CIDFontType0"
    } else {
        b"CIDFontType2"
    };
    cid_font.set("Subtype", Object::Name(subtype.to_vec()));
    cid_font.set("BaseFont", Object::Name(name.clone().into_bytes()));
    let mut system = Dictionary::new();
    system.set("Registry", Object::string_literal("Adobe"));
    system.set("Ordering", Object::string_literal("Identity"));
    system.set("Supplement", Object::Integer(0));
    cid_font.set("CIDSystemInfo", Object::Dictionary(system));
    cid_font.set("FontDescriptor", Object::Reference(descriptor));
    if !cff {
        cid_font.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
    }
    cid_font.set("W", widths(&font.widths));
    let cid_font = lo.add_object(cid_font);

    let to_unicode = lo.add_object(to_unicode);
    let mut type0 = Dictionary::new();
    type0.set("Type", Object::Name(b"Font".to_vec()));
    type0.set("Subtype", Object::Name(b"Type0".to_vec()));
    type0.set("BaseFont", Object::Name(name.into_bytes()));
    type0.set("Encoding", Object::Name(b"Identity-H".to_vec()));
    type0.set(
        "DescendantFonts",
        Object::Array(vec![Object::Reference(cid_font)]),
    );
    type0.set("ToUnicode", Object::Reference(to_unicode));
    lo.add_object(type0)
}

/// `/W` as one run of consecutive CIDs from 1.
fn widths(widths: &[f32]) -> Object {
    if widths.is_empty() {
        return Object::Array(Vec::new());
    }
    let list = widths.iter().map(|&w| number(w)).collect();
    Object::Array(vec![Object::Integer(1), Object::Array(list)])
}

fn number(value: f32) -> Object {
    if value.fract() == 0.0 && value.abs() < 1e9 {
        Object::Integer(value as i64)
    } else {
        Object::Real(value)
    }
}

/// Gives each glyph that stands for no text of its own (the second glyph of
/// a cluster shaping made of one character, an Arabic mark's glyph) the
/// character the font's `cmap` gives it, so that every code shown has a
/// Unicode mapping as PDF/UA asks (ISO 14289-1 7.21.7). Drawn, such a glyph
/// is wrapped in an empty `ActualText`, so extraction adds nothing for it:
/// the cluster's text is already with its first glyph.
fn name_silent_glyphs(face: &ttf_parser::Face<'_>, glyphs: &mut [(u16, String)]) {
    let silent: Vec<u16> = glyphs
        .iter()
        .filter(|(_, text)| text.is_empty())
        .map(|&(g, _)| g)
        .collect();
    if silent.is_empty() {
        return;
    }
    let Some(cmap) = face.tables().cmap else {
        return;
    };
    let mut found: BTreeMap<u16, char> = BTreeMap::new();
    for subtable in cmap.subtables.into_iter().filter(|t| t.is_unicode()) {
        subtable.codepoints(|code| {
            if let Some(glyph) = subtable.glyph_index(code)
                && silent.contains(&glyph.0)
                && let Some(c) = char::from_u32(code)
            {
                // The lowest code point wins, whatever order the table lists.
                let entry = found.entry(glyph.0).or_insert(c);
                if c < *entry {
                    *entry = c;
                }
            }
        });
    }
    for (glyph, text) in glyphs.iter_mut() {
        if text.is_empty()
            && let Some(c) = found.get(glyph)
        {
            *text = c.to_string();
        }
    }
}

/// The CMap that gives extraction each CID's text (ligatures all their
/// characters), written by printpdf's CMap writer.
fn to_unicode(font: &EmbeddedFont, name: &str) -> String {
    let mappings = font
        .texts
        .iter()
        .enumerate()
        .filter(|(_, text)| !text.is_empty())
        .map(|(k, text)| (k as u32 + 1, text.chars().map(u32::from).collect()))
        .collect();
    let ordering: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    printpdf::ToUnicodeCMap { mappings }.to_cmap_string(&ordering)
}

/// The font descriptor, less the font file that `write_font` adds.
fn descriptor(face: &ttf_parser::Face<'_>, name: &str, label: &str) -> Dictionary {
    let units = f32::from(face.units_per_em());
    let scale = |v: i16| number((f32::from(v) * 1000.0 / units).round());
    let bbox = face.global_bounding_box();
    // PDF 32000 9.8.2: 1 fixed pitch, 2 serif, 4 symbolic (glyphs outside
    // the standard Latin set, true of any CID font), 64 italic.
    let mut flags = 4;
    if face.is_monospaced() {
        flags |= 1;
    }
    if label.starts_with("serif") {
        flags |= 2;
    }
    if face.is_italic() || face.italic_angle() != 0.0 {
        flags |= 64;
    }
    // The usual estimate of the vertical stem width from the weight class.
    let stem_v = 10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0);
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"FontDescriptor".to_vec()));
    d.set("FontName", Object::Name(name.as_bytes().to_vec()));
    d.set("Flags", Object::Integer(flags));
    d.set(
        "FontBBox",
        Object::Array(vec![
            scale(bbox.x_min),
            scale(bbox.y_min),
            scale(bbox.x_max),
            scale(bbox.y_max),
        ]),
    );
    d.set("ItalicAngle", number(face.italic_angle()));
    d.set("Ascent", scale(face.ascender()));
    d.set("Descent", scale(face.descender()));
    d.set(
        "CapHeight",
        scale(face.capital_height().unwrap_or(face.ascender())),
    );
    d.set("StemV", number(stem_v.round()));
    d
}

/// The face's PostScript name, which viewers and `pdffonts` show.
fn postscript_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    face.names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .map(|n| {
            n.chars()
                .filter(|c| c.is_ascii_graphic() && !"[](){}<>/%#".contains(*c))
                .collect::<String>()
        })
        .filter(|n| !n.is_empty())
}

/// Six capital letters from the face and its glyph set: different subsets
/// get different tags, the same subset always the same.
fn subset_tag(label: &str, glyphs: &[u16]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    label.bytes().for_each(&mut feed);
    for g in glyphs {
        g.to_be_bytes().into_iter().for_each(&mut feed);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_six_capitals_and_stable() {
        let a = subset_tag("serif", &[3, 4]);
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(a, subset_tag("serif", &[3, 4]));
        assert_ne!(a, subset_tag("serif", &[3, 5]));
    }

    #[test]
    fn a_glyph_without_text_is_named_from_the_font() {
        let data = crate::fonts::EMBEDDED[0].1;
        let face = ttf_parser::Face::parse(data, 0).unwrap();
        let a = face.glyph_index('a').unwrap().0;
        let b = face.glyph_index('b').unwrap().0;
        let mut glyphs = vec![
            (a, String::new()),
            (b, "x".to_string()),
            (0xFFFE, String::new()),
        ];
        name_silent_glyphs(&face, &mut glyphs);
        // The known text stays; a glyph the font maps nothing to stays silent.
        assert_eq!(glyphs[0].1, "a");
        assert_eq!(glyphs[1].1, "x");
        assert_eq!(glyphs[2].1, "");
    }

    #[test]
    fn cids_follow_the_order_of_original_glyphs() {
        let font = EmbeddedFont {
            face: FaceId::SERIF,
            resource: "F0".into(),
            glyphs: vec![5, 40, 41],
            texts: vec!["a".into(), "fi".into(), String::new()],
            widths: vec![500.0, 600.0, 0.0],
        };
        assert_eq!(font.lookup(5, "a"), (1, 500.0, true));
        assert_eq!(font.lookup(41, ""), (3, 0.0, true));
        assert_eq!(font.lookup(6, "b"), (0, 0.0, false));
        assert_eq!(font.lookup(40, "fi"), (2, 600.0, true));
        assert!(!font.lookup(40, "f").2);
        let cmap = to_unicode(&font, "ABCDEF+Serif");
        assert!(cmap.contains("<0002> <00660069>"), "{cmap}");
        assert!(!cmap.contains("<0003>"), "{cmap}");
    }
}
