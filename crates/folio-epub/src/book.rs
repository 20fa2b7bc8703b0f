//! Puts a book together from one interview or an anthology: its content
//! documents, images, cover and metadata, handed to [`crate::assemble`].

use epub_builder::ReferenceType;
use folio_core::{Anthology, Diagnostic, DiagnosticKind, Interview, Meta, Rendered, output_date};
use uuid::Uuid;

use crate::assemble::{Cover, Document, Parts, assemble};
use crate::cover::{CoverText, svg_cover};
use crate::error::EpubError;
use crate::escape::xml_safe;
use crate::house_style::house_css;
use crate::images::{FigureImages, read_image};
use crate::options::EpubOptions;
use crate::package::{AccessFacts, extra_metadata};
use crate::xhtml::{Chapter, ContentWriter, Matter, anthology_title_page, chapters};
use folio_core::Language;

const STYLE: &str = include_str!("style.css");

pub fn write(interview: &Interview, options: &EpubOptions) -> Result<Rendered, EpubError> {
    let mut warnings = Vec::new();
    let language = language(&interview.meta, &mut warnings);
    let headline = headline(interview, &language);
    let images = FigureImages::load(interview, options.common.image_access(), "", &mut warnings);
    let chapters = {
        let mut writer = ContentWriter {
            images: &images,
            warnings: &mut warnings,
            label_text: options.common.style.label_text,
        };
        chapters(interview, &language, &headline, "", &mut writer)
    };
    let text = CoverText {
        kicker: interview.meta.kicker.as_deref(),
        title: &headline,
        interviewees: interview.interviewees(),
        publication: interview.meta.publication.as_deref(),
    };
    let cover = cover(&interview.meta, &text, options, &language, &mut warnings);
    let documents = spine(chapters.iter().map(|c| (c, 1)));
    let access = access_facts(interview, &images, options);
    let bytes = assemble(Parts {
        title: &headline,
        language: &language,
        meta: &interview.meta,
        uuid: book_uuid(&interview.meta),
        modified: output_date(&interview.meta, options.common.source_date_epoch),
        stylesheet: format!("{STYLE}{}", house_css(&options.common.style)),
        cover,
        images: images.iter().collect(),
        documents,
        metadata: extra_metadata(interview, access),
    })?;
    Ok(Rendered { bytes, warnings })
}

/// Several interviews as one book: the book's title page lists them; each
/// keeps its own title page, language, notes and sections, one level down
/// in the table of contents.
pub fn write_anthology(book: &Anthology, options: &EpubOptions) -> Result<Rendered, EpubError> {
    let mut warnings = Vec::new();
    let language = language(&book.meta, &mut warnings);
    let title = book_title(book, &language);
    let mut parts_of: Vec<(Vec<Chapter>, FigureImages)> = Vec::new();
    let mut access = AccessFacts {
        images: 0,
        images_described: 0,
        readable_colours: options.common.style.colours_meet_wcag_aa(),
    };
    for (index, interview) in book.interviews.iter().enumerate() {
        let prefix = format!("i{:02}-", index + 1);
        let own_language = self::language(&interview.meta, &mut warnings);
        let headline = headline(interview, &own_language);
        let images = FigureImages::load(
            interview,
            options.common.image_access(),
            &prefix,
            &mut warnings,
        );
        let chapters = {
            let mut writer = ContentWriter {
                images: &images,
                warnings: &mut warnings,
                label_text: options.common.style.label_text,
            };
            chapters(interview, &own_language, &headline, &prefix, &mut writer)
        };
        let facts = access_facts(interview, &images, options);
        access.images += facts.images;
        access.images_described += facts.images_described;
        parts_of.push((chapters, images));
    }
    let contents: Vec<(String, String)> = parts_of
        .iter()
        .filter_map(|(chapters, _)| chapters.first())
        .map(|c| (c.file.clone(), c.title.clone().unwrap_or_default()))
        .collect();
    let title_page = anthology_title_page(&book.meta, &language, &title, &contents);
    let mut placed: Vec<(&Chapter, i32)> = vec![(&title_page, 1)];
    for (chapters, _) in &parts_of {
        for chapter in chapters {
            // Each interview's title page heads its entry; the rest hang below it.
            let level = if chapter.matter == Matter::TitlePage {
                1
            } else {
                2
            };
            placed.push((chapter, level));
        }
    }
    let mut documents = spine(placed.into_iter());
    // Only the book's own title page is the book's title page.
    for document in documents.iter_mut().skip(1) {
        if document.reftype == Some(ReferenceType::TitlePage) {
            document.reftype = None;
        }
    }
    let text = CoverText {
        kicker: book.meta.kicker.as_deref(),
        title: &title,
        interviewees: book.meta.authors.iter().map(String::as_str).collect(),
        publication: book.meta.publication.as_deref(),
    };
    let cover = cover(&book.meta, &text, options, &language, &mut warnings);
    let bytes = assemble(Parts {
        title: &title,
        language: &language,
        meta: &book.meta,
        uuid: book_uuid(&book.meta),
        modified: output_date(&book.meta, options.common.source_date_epoch),
        stylesheet: format!("{STYLE}{}", house_css(&options.common.style)),
        cover,
        images: parts_of
            .iter()
            .flat_map(|(_, images)| images.iter())
            .collect(),
        documents,
        metadata: extra_metadata(&metadata_view(book), access),
    })?;
    Ok(Rendered { bytes, warnings })
}

/// Spine entries with landmarks: the title page, and the first part of the
/// conversation as where reading starts.
fn spine<'a>(chapters: impl Iterator<Item = (&'a Chapter, i32)>) -> Vec<Document<'a>> {
    let mut start_marked = false;
    chapters
        .map(|(chapter, level)| {
            let reftype = match chapter.matter {
                Matter::TitlePage => Some(ReferenceType::TitlePage),
                Matter::Body if !start_marked => {
                    start_marked = true;
                    Some(ReferenceType::Text)
                }
                _ => None,
            };
            Document {
                chapter,
                level,
                reftype,
            }
        })
        .collect()
}

fn language(meta: &Meta, warnings: &mut Vec<Diagnostic>) -> Language {
    let (language, problem) = Language::from_tag(&meta.language);
    if let Some(problem) = problem {
        warnings.push(Diagnostic::new(DiagnosticKind::Other, None, problem));
    }
    language
}

/// The book's title, else its subtitle, else a count of its interviews.
fn book_title(book: &Anthology, language: &Language) -> String {
    [book.meta.title.as_deref(), book.meta.subtitle.as_deref()]
        .into_iter()
        .flatten()
        .map(|t| xml_safe(t).split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| format!("{} ({})", language.terms().interview, book.interviews.len()))
}

/// The anthology as one interview for the package metadata: the book's
/// facts, and the people of every interview as its creators.
fn metadata_view(book: &Anthology) -> Interview {
    let mut meta = book.meta.clone();
    for interview in &book.interviews {
        meta.authors.extend(interview.meta.authors.iter().cloned());
        meta.interviewers
            .extend(interview.meta.interviewers.iter().cloned());
    }
    Interview {
        meta,
        speakers: book
            .interviews
            .iter()
            .flat_map(|i| i.speakers.iter().cloned())
            .collect(),
        front: Vec::new(),
        turns: Vec::new(),
        sections: Vec::new(),
        closing: Vec::new(),
    }
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
            language.terms().interview.to_string()
        } else {
            format!("{}: {}", language.terms().interview, names.join(", "))
        }
    })
}

/// The model's stable identifier as a UUID: itself when it is one, else a
/// name-based UUID of it (or of the source URL or title when it is empty).
fn book_uuid(meta: &Meta) -> Uuid {
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

/// The given cover (options first, then the model's), or a drawn one.
fn cover(
    meta: &Meta,
    text: &CoverText<'_>,
    options: &EpubOptions,
    language: &Language,
    warnings: &mut Vec<Diagnostic>,
) -> Option<Cover> {
    let given = options
        .cover_image
        .as_deref()
        .map(|p| p.to_string_lossy().into_owned())
        .or_else(|| meta.cover.clone());
    if let Some(src) = given {
        // A cover the user named on the command line is read wherever it is.
        let access = if options.cover_image.is_some() {
            folio_core::ImageAccess {
                base: None,
                allow_outside: true,
            }
        } else {
            options.common.image_access()
        };
        match read_image(&src, access) {
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
        bytes: svg_cover(text, language).into_bytes(),
        alt: text.description(),
    })
}

fn access_facts(
    interview: &Interview,
    images: &FigureImages,
    options: &EpubOptions,
) -> AccessFacts {
    let shown: Vec<_> = interview
        .figures()
        .into_iter()
        .filter(|f| images.get(f).is_some())
        .collect();
    AccessFacts {
        images: shown.len(),
        images_described: shown
            .iter()
            .filter(|f| f.alt.as_deref().is_some_and(|a| !a.trim().is_empty()))
            .count(),
        readable_colours: options.common.style.colours_meet_wcag_aa(),
    }
}
