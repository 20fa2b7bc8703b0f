//! Fixes on printpdf's output, in lopdf form: subset fonts, images, links,
//! an outline in reading order, `/Lang`, page labels, `/PageMode` as a
//! name, no false PDF/X claim, our own info and XMP, and an `/ID` derived
//! from the content instead of a process-global counter.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use crate::PdfError;
use crate::emit::metadata::{self, DocumentMeta, text_string};
use crate::emit::{fontfix, images, outline};
use crate::fonts::{FaceId, FontBook};
use crate::layout::tree::Document;

pub fn finish(
    lo: &mut lopdf::Document,
    doc: &Document,
    book: &FontBook,
    used: &[FaceId],
    meta: &DocumentMeta,
) -> Result<(), PdfError> {
    fontfix::subset_fonts(lo, doc, book, used)?;
    images::add_images(lo, &doc.images);
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    add_links(lo, doc, &pages);
    let outline = outline::add_outline(lo, doc, &pages);
    let xmp = lo.add_object(Object::Stream(metadata::xmp_stream(meta)));
    let catalog = lo
        .catalog_mut()
        .map_err(|e| PdfError::Serialize(e.to_string()))?;
    catalog.set("Lang", text_string(&meta.language));
    catalog.set("Metadata", Object::Reference(xmp));
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
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    match outline {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }
    // Our own info dictionary: printpdf's claims PDF/X with an empty
    // GTS_PDFXVersion and splits keywords at commas.
    let info = lo.add_object(Object::Dictionary(metadata::info_dictionary(meta)));
    if let Ok(Object::Reference(old)) = lo.trailer.get(b"Info") {
        let old = *old;
        lo.objects.remove(&old);
    }
    lo.trailer.set("Info", Object::Reference(info));
    let id = document_id(doc, meta);
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}

fn add_links(lo: &mut lopdf::Document, doc: &Document, pages: &[ObjectId]) {
    for (page, &page_id) in doc.pages.iter().zip(pages) {
        if page.links.is_empty() {
            continue;
        }
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
            annots.push(Object::Reference(lo.add_object(Object::Dictionary(annot))));
        }
        if let Ok(p) = lo.get_dictionary_mut(page_id) {
            p.set("Annots", Object::Array(annots));
        }
    }
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
            feed(line.text().as_bytes());
            feed(&line.baseline.to_bits().to_be_bytes());
        }
    }
    let mut id = a.to_be_bytes().to_vec();
    id.extend_from_slice(&b.to_be_bytes());
    id
}
