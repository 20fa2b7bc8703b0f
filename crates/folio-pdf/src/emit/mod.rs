//! PDF emission: the laid-out pages written straight into PDF objects
//! (lopdf): subset fonts, content streams, images, links, outline,
//! metadata. Nothing is parsed back or patched afterwards.

mod catalog;
mod content;
mod deflate;
mod fonts;
mod images;
mod intent;
mod metadata;
mod outline;
mod structure;

use lopdf::{Dictionary, Object};
use rayon::prelude::*;

use crate::PdfError;
use crate::fonts::FontBook;
use crate::layout::tree::Document;

pub use metadata::DocumentMeta;

/// Serialises a laid-out document.
pub fn write(doc: &Document, book: &FontBook, meta: &DocumentMeta) -> Result<Vec<u8>, PdfError> {
    let mut lo = lopdf::Document::with_version("1.7");
    let fonts = fonts::FontSet::plan(doc, book);
    // Subsetting and compressing fonts and pages is most of the work; it
    // runs on all cores.
    let (programs, contents) = rayon::join(
        || fonts.pack(book),
        || {
            doc.pages
                .par_iter()
                .with_max_len(1)
                .map(|page| {
                    let content = content::page_content(page, doc.height, &fonts, &doc.structure);
                    (deflate::stream(content.stream), content.marks)
                })
                .collect::<Vec<_>>()
        },
    );
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts.write(&mut lo, programs?)));
    if !doc.images.is_empty() {
        let xobjects = images::add_images(&mut lo, &doc.images);
        resources.set("XObject", Object::Dictionary(xobjects));
    }
    let resources = lo.add_object(resources);
    let tree = lo.new_object_id();
    let media_box = Object::Array(
        [0.0, 0.0, doc.width, doc.height]
            .into_iter()
            .map(Object::Real)
            .collect(),
    );
    let mut pages = Vec::with_capacity(doc.pages.len());
    let mut marks = Vec::with_capacity(doc.pages.len());
    let mut annotations = Vec::with_capacity(doc.pages.len());
    for (page, (content, page_marks)) in doc.pages.iter().zip(contents) {
        marks.push(page_marks);
        let content = lo.add_object(content);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Page".to_vec()));
        dict.set("Parent", Object::Reference(tree));
        dict.set("MediaBox", media_box.clone());
        dict.set("Resources", Object::Reference(resources));
        dict.set("Contents", Object::Reference(content));
        let annots = catalog::links(&mut lo, doc, page);
        if !annots.is_empty() {
            dict.set(
                "Annots",
                Object::Array(annots.iter().map(|a| Object::Reference(a.id)).collect()),
            );
            // Tab through the annotations in the structure's order.
            dict.set("Tabs", Object::Name(b"S".to_vec()));
        }
        annotations.push(annots);
        pages.push(lo.add_object(dict));
    }
    let mut tree_dict = Dictionary::new();
    tree_dict.set("Type", Object::Name(b"Pages".to_vec()));
    tree_dict.set("Count", Object::Integer(pages.len() as i64));
    tree_dict.set(
        "Kids",
        Object::Array(pages.iter().map(|&p| Object::Reference(p)).collect()),
    );
    lo.objects.insert(tree, Object::Dictionary(tree_dict));
    let structure = structure::write(&mut lo, &doc.structure, &pages, &marks, &annotations);
    catalog::finish(&mut lo, doc, tree, &pages, structure, meta);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Serialize(e.to_string()))?;
    Ok(bytes)
}
