//! PDF emission: printpdf builds the document from the layout; `finish`
//! then fixes what printpdf gets wrong or leaves out, on its lopdf form.

mod content;
mod finish;
mod fontfix;
mod images;
mod metadata;
mod outline;
mod renumber;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt, Rect};

use crate::PdfError;
use crate::fonts::{FaceId, FontBook};
use crate::layout::tree::Document;

pub use metadata::DocumentMeta;

/// Serialises a laid-out document.
pub fn write(doc: &Document, book: &FontBook, meta: &DocumentMeta) -> Result<Vec<u8>, PdfError> {
    let mut pdf = PdfDocument::new(&meta.title);
    let used = used_faces(doc);
    let mut parsed_faces = std::collections::HashMap::new();
    for &face in &used {
        let parsed = parsed_font(book, face)?;
        parsed_faces.insert(face, parsed.clone());
        pdf.resources
            .fonts
            .map
            .insert(content::font_id(face), printpdf::PdfFont::new(parsed));
    }
    let canonical = content::canonical_texts(doc);
    // The same arithmetic as printpdf's `/W` entries, so TJ offsets line up.
    let widths = |face: FaceId, gid: u16| -> f32 {
        parsed_faces.get(&face).map_or(0.0, |p| {
            let upm = p.pdf_font_metrics.units_per_em as f32;
            p.get_glyph_width(gid)
                .map_or(0.0, |w| (f32::from(w) * 1000.0 / upm) as i64 as f32)
        })
    };
    let pages = doc
        .pages
        .iter()
        .map(|page| {
            let rect = Rect::from_wh(Pt(doc.width), Pt(doc.height));
            PdfPage {
                media_box: rect.clone(),
                trim_box: rect.clone(),
                crop_box: rect,
                ops: content::page_ops(page, doc.height, &canonical, &widths),
            }
        })
        .collect();
    pdf.with_pages(pages);
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        // Image drawing goes through an unknown-op passthrough (`Do`).
        secure: false,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = printpdf::serialize::to_lopdf_doc(&pdf, &options, &mut warnings);
    finish::finish(&mut lo, doc, book, &used, meta)?;
    compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Serialize(e.to_string()))?;
    Ok(bytes)
}

/// Faces that draw at least one glyph, in id order.
fn used_faces(doc: &Document) -> Vec<FaceId> {
    let mut used: Vec<FaceId> = doc
        .pages
        .iter()
        .flat_map(|p| p.lines.iter())
        .flat_map(|l| l.runs.iter())
        .map(|r| r.face)
        .collect();
    used.sort();
    used.dedup();
    used
}

/// The face's PostScript name, which viewers and `pdffonts` show.
fn postscript_name(data: &[u8], index: u32) -> Option<String> {
    let face = ttf_parser::Face::parse(data, index).ok()?;
    face.names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .map(|n| {
            n.chars()
                .filter(|c| c.is_ascii_graphic() && !"[](){}<>/%#".contains(*c))
                .collect()
        })
}

/// printpdf's parsed form of a face. The embedded defaults are parsed once
/// per process (it is the costliest step of a small document).
fn parsed_font(book: &FontBook, face: FaceId) -> Result<printpdf::ParsedFont, PdfError> {
    static EMBEDDED: OnceLock<Mutex<HashMap<usize, printpdf::ParsedFont>>> = OnceLock::new();
    let f = book.face(face);
    let embedded = matches!(f.data, std::borrow::Cow::Borrowed(_));
    let cache = EMBEDDED.get_or_init(|| Mutex::new(HashMap::new()));
    if embedded && let Some(hit) = cache.lock().ok().and_then(|m| m.get(&face.0).cloned()) {
        return Ok(hit);
    }
    let mut warnings = Vec::new();
    let mut parsed = printpdf::ParsedFont::from_bytes(&f.data, f.index as usize, &mut warnings)
        .ok_or_else(|| PdfError::Serialize(format!("printpdf cannot read the font {}", f.label)))?;
    parsed.font_name = postscript_name(&f.data, f.index);
    if embedded && let Ok(mut m) = cache.lock() {
        m.insert(face.0, parsed.clone());
    }
    Ok(parsed)
}

/// Flate-compresses every stream that may be: lopdf's own pass uses the
/// slowest level, a third of the time of a small document for a few bytes.
fn compress(lo: &mut lopdf::Document) {
    use std::io::Write;
    for object in lo.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(packed) = encoder.finish()
            && packed.len() + 19 < stream.content.len()
        {
            stream
                .dict
                .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
    }
}
