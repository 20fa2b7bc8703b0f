//! Glyph renumbering after subsetting: a subset font holds only the glyphs
//! drawn, numbered 1, 2, 3… (0 stays `.notdef`), so every place printpdf
//! wrote an original glyph id as a CID must follow: the page content
//! streams' `Tj`/`TJ` strings, the `/W` widths and the `ToUnicode` CMap.
//! Renumbering is what makes CJK subsets small: a CID-keyed CFF keeps an
//! entry for every glyph id up to the highest one used.

use std::collections::{BTreeMap, HashMap};

use lopdf::content::Content;
use lopdf::{Object, ObjectId};

/// Old glyph id → new glyph id of one font.
pub type GlyphMap = HashMap<u16, u16>;

/// The font's `/W` array with its CIDs renumbered, written as runs
/// `c [w1 w2 …]` of consecutive CIDs. `None` if it is not a `/W` array
/// or names a glyph the map lacks.
pub fn widths(w: &Object, map: &GlyphMap) -> Option<Object> {
    let items = w.as_array().ok()?;
    let mut by_cid: BTreeMap<u16, Object> = BTreeMap::new();
    let mut i = 0;
    while i < items.len() {
        let first = u16::try_from(items[i].as_i64().ok()?).ok()?;
        match items.get(i + 1)? {
            Object::Array(ws) => {
                for (k, width) in ws.iter().enumerate() {
                    let old = first.checked_add(u16::try_from(k).ok()?)?;
                    by_cid.insert(*map.get(&old)?, width.clone());
                }
                i += 2;
            }
            last => {
                let last = u16::try_from(last.as_i64().ok()?).ok()?;
                let width = items.get(i + 2)?.clone();
                for old in first..=last {
                    by_cid.insert(*map.get(&old)?, width.clone());
                }
                i += 3;
            }
        }
    }
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut run_start = 0u16;
    let mut next = None;
    for (cid, width) in by_cid {
        if next != Some(cid) && !run.is_empty() {
            out.push(Object::Integer(i64::from(run_start)));
            out.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            run_start = cid;
        }
        run.push(width);
        next = cid.checked_add(1);
    }
    if !run.is_empty() {
        out.push(Object::Integer(i64::from(run_start)));
        out.push(Object::Array(run));
    }
    Some(Object::Array(out))
}

/// The `ToUnicode` CMap with its `bfchar` source codes renumbered. `None`
/// when it uses `bfrange` (printpdf writes only `bfchar`) or a code the
/// map lacks, so the caller keeps the font as it was.
pub fn to_unicode(cmap: &[u8], map: &GlyphMap) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(cmap).ok()?;
    if text.contains("beginbfrange") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut in_bfchar = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.ends_with("beginbfchar") {
            in_bfchar = true;
        } else if trimmed == "endbfchar" {
            in_bfchar = false;
        } else if in_bfchar {
            let (code, rest) = trimmed.strip_prefix('<')?.split_once('>')?;
            let old = u16::from_str_radix(code, 16).ok()?;
            let new = map.get(&old)?;
            out.push_str(&format!("<{new:04X}>{rest}\n"));
            continue;
        }
        out.push_str(line);
    }
    Some(out.into_bytes())
}

/// Renumbers the two-byte codes shown with the fonts in `maps` (keyed by
/// resource name) in every page content stream.
pub fn content_streams(lo: &mut lopdf::Document, maps: &HashMap<Vec<u8>, GlyphMap>) {
    if maps.is_empty() {
        return;
    }
    let streams: Vec<ObjectId> = lo
        .get_pages()
        .into_values()
        .flat_map(|page| lo.get_page_contents(page))
        .collect();
    for id in streams {
        let Ok(stream) = lo.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let Ok(mut content) = Content::decode(&data) else {
            continue;
        };
        let mut font: Option<&GlyphMap> = None;
        for op in &mut content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| maps.get(name));
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if let Some(map) = font {
                        op.operands.iter_mut().for_each(|o| remap_operand(o, map));
                    }
                }
                _ => {}
            }
        }
        let Ok(bytes) = content.encode() else {
            continue;
        };
        if let Ok(Object::Stream(stream)) = lo.get_object_mut(id) {
            stream.dict.remove(b"Filter");
            stream.set_plain_content(bytes);
        }
    }
}

fn remap_operand(operand: &mut Object, map: &GlyphMap) {
    match operand {
        Object::String(bytes, _) => {
            for pair in bytes.chunks_exact_mut(2) {
                let old = u16::from_be_bytes([pair[0], pair[1]]);
                if let Some(new) = map.get(&old) {
                    pair.copy_from_slice(&new.to_be_bytes());
                }
            }
        }
        Object::Array(items) => items.iter_mut().for_each(|o| remap_operand(o, map)),
        _ => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn map() -> GlyphMap {
        [(0, 0), (9502, 1), (9503, 2), (9600, 3), (20, 4)]
            .into_iter()
            .collect()
    }

    #[test]
    fn widths_follow_new_ids_in_runs() {
        let w = Object::Array(vec![
            Object::Integer(9502),
            Object::Array(vec![Object::Integer(1000), Object::Integer(500)]),
            Object::Integer(9600),
            Object::Integer(9600),
            Object::Integer(700),
            Object::Integer(20),
            Object::Array(vec![Object::Integer(250)]),
        ]);
        let out = widths(&w, &map()).expect("remapped");
        let expected = Object::Array(vec![
            Object::Integer(1),
            Object::Array(
                [1000, 500, 700, 250]
                    .into_iter()
                    .map(Object::Integer)
                    .collect(),
            ),
        ]);
        assert_eq!(out, expected);
        let unknown = Object::Array(vec![
            Object::Integer(77),
            Object::Array(vec![Object::Integer(1)]),
        ]);
        assert_eq!(widths(&unknown, &map()), None);
    }

    #[test]
    fn cmap_codes_follow_new_ids() {
        let cmap =
            b"begincmap\n2 beginbfchar\n<251E> <4E00>\n<2580> <0066006C>\nendbfchar\nendcmap\n";
        let out = to_unicode(cmap, &map()).expect("remapped");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "begincmap\n2 beginbfchar\n<0001> <4E00>\n<0003> <0066006C>\nendbfchar\nendcmap\n"
        );
        assert_eq!(to_unicode(b"1 beginbfrange\n", &map()), None);
        assert_eq!(
            to_unicode(b"1 beginbfchar\n<0001> <0041>\nendbfchar\n", &map()),
            None
        );
    }

    #[test]
    fn shown_strings_are_renumbered_for_mapped_fonts_only() {
        let mut s = Object::Array(vec![
            Object::String(
                vec![0x25, 0x1E, 0x00, 0x14],
                lopdf::StringFormat::Hexadecimal,
            ),
            Object::Integer(-20),
        ]);
        remap_operand(&mut s, &map());
        assert_eq!(
            s.as_array().unwrap()[0],
            Object::String(vec![0, 1, 0, 4], lopdf::StringFormat::Hexadecimal)
        );
    }
}
