//! Hands finished documents, images and metadata to epub-builder, then
//! repairs its output and re-packs it deterministically.

use epub_builder::{EpubBuilder, EpubContent, EpubVersion, ReferenceType, TocElement, ZipLibrary};
use folio_core::{DateTime, Meta};
use uuid::Uuid;

use crate::archive::{self, Entry};
use crate::cover::cover_page;
use crate::error::EpubError;
use crate::escape::xml_safe;
use crate::images::PackedImage;
use crate::repair;
use crate::xhtml::Chapter;
use folio_core::Language;

/// A cover image to pack.
#[derive(Debug)]
pub struct Cover {
    pub href: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
    pub alt: String,
}

/// One content document in spine order, with its place in the TOC.
#[derive(Debug)]
pub struct Document<'a> {
    pub chapter: &'a Chapter,
    /// 1 for a top entry, 2 below the level-1 document before it.
    pub level: i32,
    pub reftype: Option<ReferenceType>,
}

/// Everything one EPUB is made of.
#[derive(Debug)]
pub struct Parts<'a> {
    pub title: &'a str,
    pub language: &'a Language,
    /// Description, keywords and rights.
    pub meta: &'a Meta,
    pub uuid: Uuid,
    pub modified: DateTime,
    pub stylesheet: String,
    pub cover: Option<Cover>,
    pub images: Vec<&'a PackedImage>,
    pub documents: Vec<Document<'a>>,
    /// Rendered package metadata epub-builder cannot write (see [`crate::package`]).
    pub metadata: String,
}

pub fn assemble(parts: Parts<'_>) -> Result<Vec<u8>, EpubError> {
    let language = parts.language;
    let mut builder = EpubBuilder::new(ZipLibrary::new()?)?;
    builder.epub_version(EpubVersion::V30);
    builder.set_title(xml_safe(parts.title));
    builder.add_language(language.tag().to_string());
    builder.metadata("direction", language.direction().as_str())?;
    builder.set_generator("Folio");
    builder.set_toc_name(language.terms().contents);
    // EPUBCheck warns about empty metadata elements: leave blank values out.
    if let Some(description) = non_blank(parts.meta.description.as_deref()) {
        builder.add_description(description);
    }
    for keyword in parts
        .meta
        .keywords
        .iter()
        .filter_map(|k| non_blank(Some(k)))
    {
        builder.add_subject(keyword);
    }
    if let Some(rights) = non_blank(parts.meta.rights.as_deref()) {
        builder.set_license(rights);
    }
    builder.set_uuid(parts.uuid);
    builder.set_modified_date(modified_date(parts.modified.unix_seconds()));
    builder.stylesheet(parts.stylesheet.as_bytes())?;

    if let Some(cover) = &parts.cover {
        builder.add_cover_image(&cover.href, cover.bytes.as_slice(), cover.media_type)?;
        let page = cover_page(language, &cover.href, &cover.alt);
        builder.add_content(
            EpubContent::new("cover.xhtml", page.as_bytes())
                .title(xml_safe(language.terms().cover))
                .reftype(ReferenceType::Cover),
        )?;
    }
    for image in &parts.images {
        builder.add_resource(&image.href, image.bytes.as_slice(), image.media_type)?;
    }
    for document in &parts.documents {
        builder.add_content(content(document))?;
    }
    let mut raw = Vec::new();
    builder.generate(&mut raw)?;

    let identifier = uuid::fmt::Urn::from_uuid(parts.uuid).to_string();
    let depth = toc_depth(&parts.documents);
    let mut entries = archive::unpack(&raw)?;
    for entry in &mut entries {
        let repaired = match entry.name.as_str() {
            repair::PACKAGE_PATH => repair::set_package_language(
                &repair::add_package_metadata(&text(entry)?, &parts.metadata)?,
                language,
            )?,
            repair::NAV_PATH => repair::fix_nav(&text(entry)?, language)?,
            repair::NCX_PATH => {
                repair::fix_ncx_head(&text(entry)?, &xml_safe(parts.title), &identifier, depth)?
            }
            _ => continue,
        };
        entry.bytes = repaired.into_bytes();
    }
    archive::pack(&entries, parts.modified.unix_seconds())
}

fn text(entry: &Entry) -> Result<String, EpubError> {
    String::from_utf8(entry.bytes.clone()).map_err(|_| EpubError::UnexpectedOutput {
        file: "package",
        detail: format!("{} is not UTF-8", entry.name),
    })
}

/// An epub-builder content document with its TOC entries.
fn content<'a>(document: &Document<'a>) -> EpubContent<&'a [u8]> {
    let chapter = document.chapter;
    let mut content =
        EpubContent::new(chapter.file.as_str(), chapter.xhtml.as_bytes()).level(document.level);
    if let Some(title) = &chapter.title {
        content = content.title(xml_safe(title));
    }
    if let Some(reftype) = document.reftype {
        content = content.reftype(reftype);
    }
    // Entries at depth 2 hang below the depth-1 entry before them.
    let mut children: Vec<TocElement> = Vec::new();
    for entry in &chapter.toc {
        let element = TocElement::new(
            format!("{}#{}", chapter.file, entry.fragment),
            xml_safe(&entry.title),
        );
        match children.last_mut() {
            Some(parent) if entry.depth > 1 => *parent = parent.clone().child(element),
            _ => children.push(element),
        }
    }
    for child in children {
        content = content.child(child);
    }
    content
}

/// Levels of the table of contents: documents, plus the entries inside them.
fn toc_depth(documents: &[Document<'_>]) -> usize {
    documents
        .iter()
        .map(|d| {
            let inner = d
                .chapter
                .toc
                .iter()
                .map(|e| usize::from(e.depth))
                .max()
                .unwrap_or(0);
            usize::try_from(d.level).unwrap_or(1) + inner
        })
        .max()
        .unwrap_or(1)
}

/// The value made XML-safe and trimmed, unless nothing is left.
fn non_blank(value: Option<&str>) -> Option<String> {
    let value = xml_safe(value?.trim());
    (!value.trim().is_empty()).then_some(value)
}

/// `dcterms:modified` must be a four-digit-year UTC time: an interview
/// dated 44 BC, or a `SOURCE_DATE_EPOCH` far out of range, would make the
/// package invalid. Such a date is clamped to 1970-01-01 or 9999-12-31.
fn modified_date(unix_seconds: i64) -> chrono::DateTime<chrono::Utc> {
    const LAST: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z
    chrono::DateTime::from_timestamp(unix_seconds.clamp(0, LAST), 0).unwrap_or_default()
}

#[cfg(test)]
mod modified_tests {
    use super::modified_date;

    #[test]
    fn dates_out_of_a_four_digit_year_are_clamped() {
        let shown = |s| modified_date(s).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        assert_eq!(shown(-70_000_000_000), "1970-01-01T00:00:00Z");
        assert_eq!(shown(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(shown(1_700_000_000), "2023-11-14T22:13:20Z");
    }
}
