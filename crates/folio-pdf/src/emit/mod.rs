//! PDF emission: the laid-out pages written straight into PDF objects
//! (lopdf): subset fonts, content streams, images, links, outline,
//! metadata. Nothing is parsed back or patched afterwards.

mod catalog;
mod content;
mod fonts;
mod images;
mod metadata;
mod outline;

use lopdf::{Dictionary, Object, Stream};

use crate::PdfError;
use crate::fonts::FontBook;
use crate::layout::tree::Document;

pub use metadata::DocumentMeta;

/// Serialises a laid-out document.
pub fn write(doc: &Document, book: &FontBook, meta: &DocumentMeta) -> Result<Vec<u8>, PdfError> {
    let mut lo = lopdf::Document::with_version("1.7");
    let mut deflater = Deflater::new();
    let fonts = fonts::FontSet::plan(doc, book);
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts.write(&mut lo, book)?));
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
    for page in &doc.pages {
        let content = content::page_content(page, doc.height, &fonts);
        let content = lo.add_object(deflater.stream(content));
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Page".to_vec()));
        dict.set("Parent", Object::Reference(tree));
        dict.set("MediaBox", media_box.clone());
        dict.set("Resources", Object::Reference(resources));
        dict.set("Contents", Object::Reference(content));
        let annots = catalog::links(&mut lo, doc, page);
        if !annots.is_empty() {
            dict.set("Annots", Object::Array(annots));
        }
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
    catalog::finish(&mut lo, doc, tree, &pages, meta);
    deflater.compress_all(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Serialize(e.to_string()))?;
    Ok(bytes)
}

/// One zlib compressor for every stream of a document: setting one up
/// costs more than compressing a page.
struct Deflater(flate2::Compress);

impl Deflater {
    fn new() -> Self {
        Deflater(flate2::Compress::new(flate2::Compression::default(), true))
    }

    /// `data` as a stream, Flate-compressed if that makes it smaller.
    fn stream(&mut self, data: Vec<u8>) -> Stream {
        let mut stream = Stream::new(Dictionary::new(), Vec::new());
        self.pack(&mut stream, data);
        stream.with_compression(false)
    }

    /// Compresses every stream that may be and is not yet (fonts and
    /// CMaps). lopdf's own pass uses the slowest level, which costs far
    /// more time than it saves bytes.
    fn compress_all(&mut self, lo: &mut lopdf::Document) {
        for object in lo.objects.values_mut() {
            let Object::Stream(stream) = object else {
                continue;
            };
            if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
                continue;
            }
            let data = std::mem::take(&mut stream.content);
            self.pack(stream, data);
        }
    }

    fn pack(&mut self, stream: &mut Stream, data: Vec<u8>) {
        match self.deflate(&data) {
            Some(packed) => {
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
            None => stream.set_content(data),
        }
    }

    /// `data` deflated, if that makes it smaller.
    fn deflate(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        self.0.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 128);
        loop {
            let done = usize::try_from(self.0.total_in()).ok()?;
            let status = self
                .0
                .compress_vec(&data[done..], &mut out, flate2::FlushCompress::Finish)
                .ok()?;
            match status {
                flate2::Status::StreamEnd => break,
                _ => out.reserve(out.capacity().max(1024)),
            }
        }
        (out.len() + 19 < data.len()).then_some(out)
    }
}
