//! Font programs: printpdf without its `text_layout` feature embeds whole
//! fonts, so each one is replaced by a subset of the glyphs the layout drew,
//! renumbered from 1 (see [`renumber`](crate::emit::renumber) for the
//! streams that follow), and named with the `ABCDEF+` subset tag.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use lopdf::{Dictionary, Object, ObjectId, Stream};

use crate::PdfError;
use crate::emit::content::font_id;
use crate::emit::renumber::{self, GlyphMap};
use crate::fonts::{FaceId, FontBook};
use crate::layout::tree::Document;

pub fn subset_fonts(
    lo: &mut lopdf::Document,
    doc: &Document,
    book: &FontBook,
    used: &[FaceId],
) -> Result<(), PdfError> {
    let glyphs = used_glyphs(doc);
    let fonts = font_objects(lo);
    let mut maps: HashMap<Vec<u8>, GlyphMap> = HashMap::new();
    for &face in used {
        let name = font_id(face).0;
        let Some(&font_ref) = fonts.get(&name) else {
            continue;
        };
        let Some(gids) = glyphs.get(&face) else {
            continue;
        };
        let f = book.face(face);
        let mut list: Vec<u16> = gids.iter().copied().collect();
        list.insert(0, 0);
        let mut remapper = subsetter::GlyphRemapper::new();
        let map: GlyphMap = list.iter().map(|&g| (g, remapper.remap(g))).collect();
        // Everything that names glyphs is renumbered together or not at all.
        let Some(renumbered) = renumbered_tables(lo, font_ref, &map) else {
            continue;
        };
        let Ok(program) = subsetter::subset(&f.data, f.index, &remapper) else {
            continue;
        };
        let tag = subset_tag(&f.label, &list);
        replace_program(lo, font_ref, program, &tag)?;
        renumbered.apply(lo, font_ref);
        maps.insert(name.into_bytes(), map);
    }
    renumber::content_streams(lo, &maps);
    Ok(())
}

/// A font's `/W` and `ToUnicode` rewritten for new glyph ids.
struct Renumbered {
    widths: Option<Object>,
    to_unicode: Option<(ObjectId, Vec<u8>)>,
}

fn renumbered_tables(
    lo: &lopdf::Document,
    font_ref: ObjectId,
    map: &GlyphMap,
) -> Option<Renumbered> {
    let font = lo.get_dictionary(font_ref).ok()?;
    let descendant = descendant(lo, font)?;
    let widths = match descendant.get(b"W") {
        Ok(w) => Some(renumber::widths(w, map)?),
        Err(_) => None,
    };
    // A TrueType CIDFont must map CIDs to glyphs one to one.
    if let Ok(m) = descendant.get(b"CIDToGIDMap")
        && m.as_name().ok() != Some(b"Identity")
    {
        return None;
    }
    let to_unicode = match font.get(b"ToUnicode") {
        Ok(Object::Reference(id)) => {
            let stream = lo.get_object(*id).and_then(Object::as_stream).ok()?;
            let data = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            Some((*id, renumber::to_unicode(&data, map)?))
        }
        _ => None,
    };
    Some(Renumbered { widths, to_unicode })
}

impl Renumbered {
    fn apply(self, lo: &mut lopdf::Document, font_ref: ObjectId) {
        if let Some((id, data)) = self.to_unicode
            && let Ok(Object::Stream(stream)) = lo.get_object_mut(id)
        {
            stream.dict.remove(b"Filter");
            stream.set_plain_content(data);
        }
        let Some(widths) = self.widths else { return };
        let target = match lo
            .get_dictionary(font_ref)
            .ok()
            .and_then(|f| f.get(b"DescendantFonts").ok())
        {
            Some(Object::Array(a)) => a.first().and_then(|o| o.as_reference().ok()),
            _ => None,
        };
        match target {
            Some(id) => {
                if let Ok(d) = lo.get_dictionary_mut(id) {
                    d.set("W", widths);
                }
            }
            None => {
                if let Ok(font) = lo.get_dictionary_mut(font_ref)
                    && let Ok(Object::Array(a)) = font.get_mut(b"DescendantFonts")
                    && let Some(Object::Dictionary(d)) = a.first_mut()
                {
                    d.set("W", widths);
                }
            }
        }
    }
}

/// The CIDFont under a Type 0 font, inline or referenced.
fn descendant<'d>(lo: &'d lopdf::Document, font: &'d Dictionary) -> Option<&'d Dictionary> {
    match font.get(b"DescendantFonts").ok()? {
        Object::Array(a) => match a.first()? {
            Object::Dictionary(d) => Some(d),
            Object::Reference(id) => lo.get_dictionary(*id).ok(),
            _ => None,
        },
        _ => None,
    }
}

fn used_glyphs(doc: &Document) -> BTreeMap<FaceId, BTreeSet<u16>> {
    let mut map: BTreeMap<FaceId, BTreeSet<u16>> = BTreeMap::new();
    for page in &doc.pages {
        for line in &page.lines {
            for run in &line.runs {
                map.entry(run.face)
                    .or_default()
                    .extend(run.glyphs.iter().map(|g| g.id));
            }
        }
    }
    map
}

/// Resource name → font object, from every page's resources.
fn font_objects(lo: &lopdf::Document) -> BTreeMap<String, ObjectId> {
    let mut out = BTreeMap::new();
    for (_, page_id) in lo.get_pages() {
        let Ok((direct, referenced)) = lo.get_page_resources(page_id) else {
            continue;
        };
        let mut dicts: Vec<&Dictionary> = direct.into_iter().collect();
        dicts.extend(
            referenced
                .iter()
                .filter_map(|id| lo.get_dictionary(*id).ok()),
        );
        for resources in dicts {
            let Ok(fonts) = resources.get(b"Font") else {
                continue;
            };
            let fonts = match fonts {
                Object::Reference(id) => lo.get_dictionary(*id).ok(),
                Object::Dictionary(d) => Some(d),
                _ => None,
            };
            for (name, value) in fonts.into_iter().flat_map(|d| d.iter()) {
                if let Object::Reference(id) = value {
                    out.insert(String::from_utf8_lossy(name).into_owned(), *id);
                }
            }
        }
    }
    out
}

fn replace_program(
    lo: &mut lopdf::Document,
    font_ref: ObjectId,
    program: Vec<u8>,
    tag: &str,
) -> Result<(), PdfError> {
    let broken = || PdfError::Serialize("unexpected font structure from printpdf".into());
    let font = lo.get_dictionary(font_ref).map_err(|_| broken())?;
    let base = name_of(font.get(b"BaseFont").ok()).ok_or_else(broken)?;
    let base = base
        .split_once('+')
        .map(|(_, b)| b.to_string())
        .unwrap_or(base);
    let tagged = Object::Name(format!("{tag}+{base}").into_bytes());
    let descriptor = match font.get(b"DescendantFonts") {
        Ok(Object::Array(a)) => match a.first() {
            Some(Object::Dictionary(d)) => d.get(b"FontDescriptor").ok().cloned(),
            Some(Object::Reference(id)) => lo
                .get_dictionary(*id)
                .ok()
                .and_then(|d| d.get(b"FontDescriptor").ok().cloned()),
            _ => None,
        },
        _ => None,
    };
    let Some(Object::Reference(descriptor)) = descriptor else {
        return Err(broken());
    };
    let descriptor_dict = lo.get_dictionary(descriptor).map_err(|_| broken())?;
    if let Ok(Object::Reference(file)) = descriptor_dict.get(b"FontFile2") {
        let file = *file;
        let mut dict = Dictionary::new();
        dict.set("Length1", Object::Integer(program.len() as i64));
        lo.objects
            .insert(file, Object::Stream(Stream::new(dict, program)));
    } else if let Ok(Object::Reference(file)) = descriptor_dict.get(b"FontFile3") {
        let file = *file;
        let subtype = lo
            .get_object(file)
            .ok()
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.dict.get(b"Subtype").ok().cloned());
        // printpdf embeds a CID-keyed CFF as the bare `CFF ` table, an
        // OpenType CFF font whole; the subset keeps glyph ids and charset.
        let data = match &subtype {
            Some(Object::Name(n)) if n == b"OpenType" => Some(program),
            _ => cff_table(&program),
        };
        let Some(data) = data else {
            return Ok(());
        };
        let mut dict = Dictionary::new();
        if let Some(subtype) = subtype {
            dict.set("Subtype", subtype);
        }
        lo.objects
            .insert(file, Object::Stream(Stream::new(dict, data)));
    } else {
        return Ok(());
    }
    if let Ok(d) = lo.get_dictionary_mut(descriptor) {
        d.set("FontName", tagged.clone());
    }
    if let Ok(font) = lo.get_dictionary_mut(font_ref) {
        font.set("BaseFont", tagged.clone());
        if let Ok(Object::Array(a)) = font.get_mut(b"DescendantFonts")
            && let Some(Object::Dictionary(d)) = a.first_mut()
        {
            d.set("BaseFont", tagged.clone());
        }
    }
    Ok(())
}

/// The `CFF ` table of an sfnt.
fn cff_table(sfnt: &[u8]) -> Option<Vec<u8>> {
    let face = ttf_parser::RawFace::parse(sfnt, 0).ok()?;
    face.table(ttf_parser::Tag::from_bytes(b"CFF "))
        .map(<[u8]>::to_vec)
}

fn name_of(object: Option<&Object>) -> Option<String> {
    match object {
        Some(Object::Name(n)) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
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
        let a = subset_tag("serif", &[0, 3, 4]);
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(a, subset_tag("serif", &[0, 3, 4]));
        assert_ne!(a, subset_tag("serif", &[0, 3, 5]));
    }
}
