//! Several interviews as one book: a title page, a table of contents, then
//! each interview as written alone, its title a level-1 heading on a new
//! page and its sections one level lower.

use folio_core::{Anthology, Meta, Rendered};

use crate::body::{BodyWriter, Placement};
use crate::language::LanguageSlots;
use crate::{DocxError, DocxOptions, package, read_template, style, toc};

/// Writes `book` as one DOCX package.
pub fn docx_book(book: &Anthology, options: &DocxOptions) -> Result<Rendered, DocxError> {
    let template = read_template(options)?;
    let mut writer = BodyWriter::new(options);
    for interview in &book.interviews {
        writer.interview(interview, Placement::InBook);
    }
    // The contents need every heading, so they are written after the
    // interviews and placed before them.
    let chapters = std::mem::take(&mut writer.children);
    let entries = std::mem::take(&mut writer.toc);
    title_page(&mut writer, &book.meta);
    let heading = writer
        .styled(style::TOC_HEADING)
        .page_break_before(true)
        .add_run(
            docx_rs::Run::new().add_text(
                folio_core::Language::of(&book.meta.language)
                    .terms()
                    .contents,
            ),
        );
    writer.push(heading);
    for paragraph in toc::paragraphs(&mut writer, &entries) {
        writer.push(paragraph);
    }
    writer.children.extend(chapters);
    let header = book.meta.title.clone().unwrap_or_default();
    let built = writer.finish(&header);
    let members: Vec<&str> = book
        .interviews
        .iter()
        .map(|i| i.meta.language.as_str())
        .collect();
    let slots = LanguageSlots::for_book(&book.meta.language, &members);
    package(built, &book.meta, &slots, options, template.as_ref(), None)
}

/// The book's title, subtitle, authors and date.
fn title_page(writer: &mut BodyWriter, meta: &Meta) {
    if let Some(kicker) = &meta.kicker {
        writer.text_paragraph(style::KICKER, kicker);
    }
    if let Some(title) = &meta.title {
        writer.text_paragraph(style::TITLE, title);
    }
    writer.subtitle_byline_dates(meta);
}
