//! The document's frame: the catalog (`/Lang`, page labels, outline,
//! `/PageMode` as a name, XMP), the information dictionary, link
//! annotations and an `/ID` derived from the content, so the same document
//! always gets the same bytes.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use crate::emit::metadata::{self, DocumentMeta, text_string};
use crate::emit::outline;
use crate::emit::structure::Annotation;
use crate::layout::tree::Document;

/// Writes the catalog, info and `/ID` for the pages `pages` under `tree`.
pub fn finish(
    lo: &mut lopdf::Document,
    doc: &Document,
    tree: ObjectId,
    pages: &[ObjectId],
    structure: ObjectId,
    meta: &DocumentMeta,
) {
    let outline = outline::add_outline(lo, doc, pages);
    let xmp = lo.add_object(Object::Stream(metadata::xmp_stream(meta)));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(tree));
    catalog.set("Lang", text_string(&meta.language));
    catalog.set("Metadata", Object::Reference(xmp));
    // Tagged: the structure tree says what each piece of content is.
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set("StructTreeRoot", Object::Reference(structure));
    if meta.standards.archive.is_some()
        && let Some(intent) = crate::emit::intent::add_output_intent(lo)
    {
        catalog.set(
            "OutputIntents",
            Object::Array(vec![Object::Reference(intent)]),
        );
    }
    let mut label = Dictionary::new();
    label.set("S", Object::Name(b"D".to_vec()));
    let mut labels = Dictionary::new();
    labels.set(
        "Nums",
        Object::Array(vec![Object::Integer(0), Object::Dictionary(label)]),
    );
    catalog.set("PageLabels", Object::Dictionary(labels));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    // The reading order of a right-to-left language, as the EPUB's page
    // progression and the DOCX's bidi paragraphs declare it.
    if folio_core::Language::of(&meta.language).is_right_to_left() {
        prefs.set("Direction", Object::Name(b"R2L".to_vec()));
    }
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    match outline {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => catalog.set("PageMode", Object::Name(b"UseNone".to_vec())),
    }
    let catalog = lo.add_object(catalog);
    lo.trailer.set("Root", Object::Reference(catalog));
    let info = lo.add_object(Object::Dictionary(metadata::info_dictionary(meta)));
    lo.trailer.set("Info", Object::Reference(info));
    let id = document_id(doc, meta);
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

/// The link annotations of one page, each with its link's element.
pub fn links(
    lo: &mut lopdf::Document,
    doc: &Document,
    page: &crate::layout::tree::Page,
) -> Vec<Annotation> {
    let mut annots = Vec::new();
    for link in &page.links {
        let Some(url) = doc.links.get(link.target) else {
            continue;
        };
        let mut action = Dictionary::new();
        action.set("S", Object::Name(b"URI".to_vec()));
        action.set(
            "URI",
            Object::String(url.as_bytes().to_vec(), StringFormat::Literal),
        );
        let mut annot = Dictionary::new();
        annot.set("Type", Object::Name(b"Annot".to_vec()));
        annot.set("Subtype", Object::Name(b"Link".to_vec()));
        annot.set(
            "Rect",
            Object::Array(
                [
                    link.x,
                    doc.height - link.y - link.height,
                    link.x + link.width,
                    doc.height - link.y,
                ]
                .into_iter()
                .map(Object::Real)
                .collect(),
            ),
        );
        annot.set(
            "Border",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(0),
                Object::Integer(0),
            ]),
        );
        annot.set("A", Object::Dictionary(action));
        // What a screen reader says for the annotation: where it leads.
        annot.set("Contents", text_string(url));
        // Printed with the page (PDF/A asks for the print flag).
        annot.set("F", Object::Integer(4));
        let id = lo.add_object(Object::Dictionary(annot));
        annots.push(Annotation { id, tag: link.tag });
    }
    annots
}

/// 16 bytes from the identifier and everything drawn: the same document
/// always gets the same `/ID`, different documents different ones.
fn document_id(doc: &Document, meta: &DocumentMeta) -> Vec<u8> {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x8422_2325_cbf2_9ce4;
    let mut feed = |bytes: &[u8]| {
        for &x in bytes {
            a = (a ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3);
            b = (b ^ u64::from(x)).wrapping_mul(0x0000_0100_0000_01b3 ^ 0x1d);
        }
    };
    feed(meta.identifier.as_bytes());
    feed(meta.title.as_bytes());
    for page in &doc.pages {
        for line in &page.lines {
            // The line's text, glyph by glyph, as `Line::text` joins it.
            for glyph in line.runs.iter().flat_map(|r| &r.glyphs) {
                feed(glyph.text.as_bytes());
            }
            feed(&line.baseline.to_bits().to_be_bytes());
        }
    }
    let mut id = a.to_be_bytes().to_vec();
    id.extend_from_slice(&b.to_be_bytes());
    id
}
