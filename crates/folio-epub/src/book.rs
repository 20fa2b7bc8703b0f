//! Puts one book together: content documents, images and cover go through
//! epub-builder, then its output is repaired and re-packed.

use std::path::Path;

use epub_builder::{EpubBuilder, EpubContent, EpubVersion, ReferenceType, TocElement, ZipLibrary};
use folio_core::{Diagnostic, DiagnosticKind, Interview, Rendered, output_date};
use uuid::Uuid;

use crate::archive::{self, Entry};
use crate::cover::{CoverText, cover_page, svg_cover};
use crate::error::EpubError;
use crate::escape::xml_safe;
use crate::house_style::house_css;
use crate::images::{FigureImages, figures, read_image};
use crate::language::Language;
use crate::options::EpubOptions;
use crate::package::{AccessFacts, extra_metadata};
use crate::repair;
use crate::xhtml::{Chapter, ContentWriter, Matter, chapters};

const STYLE: &str = include_str!("style.css");

pub fn write(interview: &Interview, options: &EpubOptions) -> Result<Rendered, EpubError> {
    let mut warnings = Vec::new();
    let (language, problem) = Language::from_tag(&interview.meta.language);
    if let Some(problem) = problem {
        warnings.push(Diagnostic::new(DiagnosticKind::Other, None, problem));
    }
    let headline = headline(interview, &language);
    let uuid = book_uuid(interview);
    let modified = output_date(&interview.meta, options.source_date_epoch);
    let modified_utc =
        chrono::DateTime::from_timestamp(modified.unix_seconds(), 0).unwrap_or_default();

    let base_dir = options.base_dir.as_deref();
    let images = FigureImages::load(interview, base_dir, &mut warnings);
    let chapters = {
        let mut writer = ContentWriter {
            images: &images,
            warnings: &mut warnings,
            label_text: options.style.label_text,
        };
        chapters(interview, &language, &headline, &mut writer)
    };
    let cover = cover(interview, options, &language, &headline, &mut warnings);

    let mut builder = EpubBuilder::new(ZipLibrary::new()?)?;
    builder.epub_version(EpubVersion::V30);
    builder.set_title(xml_safe(&headline));
    builder.add_language(language.tag.clone());
    builder.metadata("direction", language.direction.as_str())?;
    builder.set_generator("Folio");
    builder.set_toc_name(language.labels.contents);
    // EPUBCheck warns about empty metadata elements: leave blank values out.
    if let Some(description) = non_blank(interview.meta.description.as_deref()) {
        builder.add_description(description);
    }
    for keyword in interview
        .meta
        .keywords
        .iter()
        .filter_map(|k| non_blank(Some(k)))
    {
        builder.add_subject(keyword);
    }
    if let Some(rights) = non_blank(interview.meta.rights.as_deref()) {
        builder.set_license(rights);
    }
    builder.set_uuid(uuid);
    builder.set_modified_date(modified_utc);
    let stylesheet = format!("{STYLE}{}", house_css(&options.style));
    builder.stylesheet(stylesheet.as_bytes())?;

    if let Some(cover) = &cover {
        builder.add_cover_image(&cover.href, cover.bytes.as_slice(), cover.media_type)?;
        let page = cover_page(&language, &cover.href, &cover.alt);
        builder.add_content(
            EpubContent::new("cover.xhtml", page.as_bytes())
                .title(xml_safe(language.labels.cover))
                .reftype(ReferenceType::Cover),
        )?;
    }
    for image in images.iter() {
        builder.add_resource(&image.href, image.bytes.as_slice(), image.media_type)?;
    }
    let mut start_marked = false;
    for chapter in &chapters {
        let reftype = match chapter.matter {
            Matter::TitlePage => Some(ReferenceType::TitlePage),
            Matter::Body if !start_marked => {
                start_marked = true;
                Some(ReferenceType::Text)
            }
            _ => None,
        };
        builder.add_content(content(chapter, reftype))?;
    }

    let mut raw = Vec::new();
    builder.generate(&mut raw)?;

    let access = access_facts(interview, &images);
    let metadata = extra_metadata(interview, access);
    let identifier = uuid::fmt::Urn::from_uuid(uuid).to_string();
    let mut entries = archive::unpack(&raw)?;
    for entry in &mut entries {
        let repaired = match entry.name.as_str() {
            repair::PACKAGE_PATH => repair::add_package_metadata(&text(entry)?, &metadata)?,
            repair::NAV_PATH => repair::set_nav_language(&text(entry)?, &language)?,
            repair::NCX_PATH => repair::fix_ncx_head(
                &text(entry)?,
                &xml_safe(&headline),
                &identifier,
                toc_depth(&chapters),
            )?,
            _ => continue,
        };
        entry.bytes = repaired.into_bytes();
    }
    let bytes = archive::pack(&entries, archive::zip_time(modified.unix_seconds()))?;
    Ok(Rendered { bytes, warnings })
}

fn text(entry: &Entry) -> Result<String, EpubError> {
    String::from_utf8(entry.bytes.clone()).map_err(|_| EpubError::UnexpectedOutput {
        file: "package",
        detail: format!("{} is not UTF-8", entry.name),
    })
}

/// An epub-builder content document with its TOC entries.
fn content(chapter: &Chapter, reftype: Option<ReferenceType>) -> EpubContent<&[u8]> {
    let mut content = EpubContent::new(chapter.file.as_str(), chapter.xhtml.as_bytes());
    if let Some(title) = &chapter.title {
        content = content.title(xml_safe(title));
    }
    if let Some(reftype) = reftype {
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

/// The title of the book: the headline, else a subtitle, else who speaks.
fn headline(interview: &Interview, language: &Language) -> String {
    let meta = &interview.meta;
    let chosen = [meta.title.as_deref(), meta.subtitle.as_deref()]
        .into_iter()
        .flatten()
        .map(|t| xml_safe(t).split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty());
    chosen.unwrap_or_else(|| {
        let names = interview.interviewees();
        if names.is_empty() {
            language.labels.interview.to_string()
        } else {
            format!("{}: {}", language.labels.interview, names.join(", "))
        }
    })
}

/// The model's stable identifier as a UUID: itself when it is one, else a
/// name-based UUID of it (or of the source URL or title when it is empty).
fn book_uuid(interview: &Interview) -> Uuid {
    let meta = &interview.meta;
    let identifier = meta.identifier.trim();
    if let Some(uuid) = identifier
        .get(..9)
        .filter(|p| p.eq_ignore_ascii_case("urn:uuid:"))
        .and_then(|_| Uuid::parse_str(&identifier[9..]).ok())
    {
        return uuid;
    }
    let name = [
        Some(identifier),
        meta.source_url.as_deref(),
        meta.title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find(|s| !s.trim().is_empty())
    .unwrap_or("folio interview");
    Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes())
}

/// A cover image to pack.
#[derive(Debug)]
struct Cover {
    href: String,
    media_type: &'static str,
    bytes: Vec<u8>,
    alt: String,
}

/// The given cover (options first, then the interview's), or a drawn one.
fn cover(
    interview: &Interview,
    options: &EpubOptions,
    language: &Language,
    headline: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Option<Cover> {
    let given = options
        .cover_image
        .as_deref()
        .map(|p| p.to_string_lossy().into_owned())
        .or_else(|| interview.meta.cover.clone());
    let interviewees = interview.interviewees();
    let text = CoverText {
        kicker: interview.meta.kicker.as_deref(),
        title: headline,
        interviewees,
        publication: interview.meta.publication.as_deref(),
    };
    if let Some(src) = given {
        let base = if options.cover_image.is_some() {
            None
        } else {
            options.base_dir.as_deref()
        };
        match read_image(&src, base.map(Path::new)) {
            Ok((bytes, kind)) => {
                return Some(Cover {
                    href: format!("images/cover.{}", kind.extension),
                    media_type: kind.media_type,
                    bytes,
                    alt: text.description(),
                });
            }
            Err(reason) => warnings.push(Diagnostic::new(
                DiagnosticKind::Ignored,
                None,
                format!("cover image {src:?} not used: {reason}"),
            )),
        }
    }
    if !options.generate_cover {
        return None;
    }
    Some(Cover {
        href: "images/cover.svg".into(),
        media_type: "image/svg+xml",
        bytes: svg_cover(&text, language).into_bytes(),
        alt: text.description(),
    })
}

fn access_facts(interview: &Interview, images: &FigureImages) -> AccessFacts {
    let shown: Vec<_> = figures(interview)
        .into_iter()
        .filter(|f| images.get(f).is_some())
        .collect();
    AccessFacts {
        images: shown.len(),
        images_described: shown
            .iter()
            .filter(|f| f.alt.as_deref().is_some_and(|a| !a.trim().is_empty()))
            .count(),
    }
}

/// Levels of the table of contents: documents, plus the entries inside them.
fn toc_depth(chapters: &[Chapter]) -> usize {
    let inner = chapters
        .iter()
        .flat_map(|c| &c.toc)
        .map(|e| usize::from(e.depth))
        .max();
    1 + inner.unwrap_or(0)
}

/// The value made XML-safe and trimmed, unless nothing is left.
fn non_blank(value: Option<&str>) -> Option<String> {
    let value = xml_safe(value?.trim());
    (!value.trim().is_empty()).then_some(value)
}
