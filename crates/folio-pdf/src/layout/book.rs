//! A book of interviews: a title page, a table of contents, then each
//! interview from the top of a new page, laid out exactly as on its own.
//! Pages are numbered through the whole book under the book's title.

use folio_core::{Anthology, Diagnostic};

use crate::fonts::FaceId;
use crate::layout::compose::{Composer, Keep, Setting};
use crate::layout::document::{Part, byline, interview_pages, join_names, long_date, one};
use crate::layout::flow::{Drawable, Element, paginate};
use crate::layout::hyphenate::Hyphenation;
use crate::layout::running_head::{line_of, running_head};
use crate::layout::shape::{Shaper, width};
use crate::layout::style::{Design, PageGeometry, ParagraphStyle, Rgb, Style};
use crate::layout::tree::{Document, OutlineEntry, Page};

/// The book's title when its metadata gives none.
pub const UNTITLED_BOOK: &str = "Interviews";

/// Lays out the whole book.
pub fn layout_book(
    book: &Anthology,
    shaper: &Shaper<'_>,
    geometry: PageGeometry,
    design: Design,
    image_base: folio_core::ImageAccess<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> Document {
    let parts: Vec<Part> = book
        .interviews
        .iter()
        .map(|i| interview_pages(i, shaper, geometry, design.clone(), image_base, warnings))
        .collect();
    let title = book.meta.title.as_deref().unwrap_or(UNTITLED_BOOK);
    let front = title_page(book, title, shaper, geometry, &design);
    // The contents list page numbers that depend on its own length: lay
    // it out until its page count stops changing (the numbers' widths
    // never change how the titles wrap, so twice is enough).
    let mut contents = Vec::new();
    for _ in 0..3 {
        let first = front.len() + contents.len().max(1);
        let starts = starts(&parts, first);
        let next = contents_pages(book, &starts, shaper, geometry, &design);
        let settled = next.len() == contents.len();
        contents = next;
        if settled {
            break;
        }
    }
    let first = front.len() + contents.len();
    let starts = starts(&parts, first);
    let mut doc = Document {
        width: geometry.width,
        height: geometry.height,
        pages: front,
        outline: Vec::new(),
        links: Vec::new(),
        images: Vec::new(),
    };
    doc.pages.extend(contents);
    for ((interview, part), start) in book.interviews.iter().zip(parts).zip(starts) {
        doc.outline.push(OutlineEntry {
            title: interview
                .meta
                .title
                .clone()
                .unwrap_or_else(|| "Interview".into()),
            page: start,
            y: geometry.margin_top,
            level: 1,
        });
        doc.outline
            .extend(part.outline.into_iter().map(|e| OutlineEntry {
                page: e.page + start,
                level: 2,
                ..e
            }));
        let (links, images) = (doc.links.len(), doc.images.len());
        for mut page in part.pages {
            page.links.iter_mut().for_each(|l| l.target += links);
            page.images.iter_mut().for_each(|i| i.image += images);
            doc.pages.push(page);
        }
        doc.links.extend(part.links);
        doc.images.extend(part.images);
    }
    let total = doc.pages.len();
    for (index, page) in doc.pages.iter_mut().enumerate().skip(1) {
        running_head(page, index + 1, total, title, shaper, &geometry);
    }
    doc
}

/// The 0-based page each interview starts on, the first at `first`.
fn starts(parts: &[Part], first: usize) -> Vec<usize> {
    let mut at = first;
    parts
        .iter()
        .map(|p| {
            let start = at;
            at += p.pages.len().max(1);
            start
        })
        .collect()
}

fn composer<'s, 'a>(shaper: &'s Shaper<'a>, geometry: PageGeometry) -> Composer<'s, 'a> {
    Composer {
        shaper,
        hyphenation: Hyphenation::none(),
        geometry,
        elements: Vec::new(),
        links: Vec::new(),
        pending_space: 0.0,
        rtl: false,
        setting: Setting::Now,
    }
}

/// Blank space at the top of a page (which a plain space would lose).
fn drop(c: &mut Composer<'_, '_>, height: f32) {
    c.elements.push(Element {
        height,
        space_before: 0.0,
        break_before: true,
        content: Vec::new(),
        outline: None,
        float: false,
    });
}

/// The book's title page: title, authors and date, a third down the page.
fn title_page(
    book: &Anthology,
    title: &str,
    shaper: &Shaper<'_>,
    g: PageGeometry,
    design: &Design,
) -> Vec<Page> {
    let mut c = composer(shaper, g);
    drop(&mut c, g.text_height() * 0.3);
    let ragged = ParagraphStyle::ragged;
    let s = one(title, &Style::new(FaceId::SERIF_BOLD, 30.0));
    c.paragraph(&s, &ragged(35.0), 0.0, Keep::TOGETHER, None);
    if let Some(sub) = &book.meta.subtitle {
        c.space(8.0);
        let s = one(
            sub,
            &Style::new(FaceId::SERIF_ITALIC, 15.0).color(Rgb::GREY),
        );
        c.paragraph(&s, &ragged(20.0), 0.0, Keep::TOGETHER, None);
    }
    c.space(10.0);
    c.rule(
        g.margin_left,
        g.margin_left + 60.0,
        0.8,
        design.accent,
        6.0,
        false,
    );
    let authors = join_names(&book.meta.authors);
    if !authors.is_empty() {
        c.space(6.0);
        let s = one(
            &authors.to_uppercase(),
            &Style::new(FaceId::SANS_BOLD, 10.0).tracking(0.05),
        );
        c.paragraph(&s, &ragged(14.0), 0.0, Keep::TOGETHER, None);
    }
    if let Some(date) = &book.meta.published {
        c.space(4.0);
        let s = one(
            &long_date(date),
            &Style::new(FaceId::SANS, 9.0).color(Rgb::GREY),
        );
        c.paragraph(&s, &ragged(13.0), 0.0, Keep::TOGETHER, None);
    }
    paginate(c.elements, g.margin_top, g.text_height()).0
}

/// The table of contents: each interview's title with the (1-based)
/// number of its first page set flush right.
fn contents_pages(
    book: &Anthology,
    starts: &[usize],
    shaper: &Shaper<'_>,
    g: PageGeometry,
    design: &Design,
) -> Vec<Page> {
    let mut c = composer(shaper, g);
    let heading = Style::new(FaceId::SANS_BOLD, 11.5)
        .color(design.accent)
        .tracking(0.05);
    c.paragraph(
        &one("CONTENTS", &heading),
        &ParagraphStyle::ragged(16.0),
        0.0,
        Keep::NORMAL,
        None,
    );
    c.space(10.0);
    let entry = Style::new(FaceId::SERIF, design.body_size + 1.0);
    let number = Style::new(FaceId::SANS, design.body_size);
    let mut para = ParagraphStyle::ragged(design.leading + 2.0);
    para.right_indent = 40.0;
    para.left_indent = 0.0;
    for (interview, &start) in book.interviews.iter().zip(starts) {
        let title = interview.meta.title.as_deref().unwrap_or("Interview");
        let at = c.paragraph(&one(title, &entry), &para, 7.0, Keep::TOGETHER, None);
        let folio = (start + 1).to_string();
        let w = width(&shaper.shape(&folio, &number));
        // The number sits on the title's last line.
        if let Some(last) = c.elements.get_mut(at..).and_then(|e| e.last_mut()) {
            let baseline = last
                .content
                .iter()
                .find_map(|d| match d {
                    Drawable::Line(l) => Some(l.baseline),
                    _ => None,
                })
                .unwrap_or(para.leading);
            last.content.push(Drawable::Line(line_of(
                shaper,
                &folio,
                &number,
                g.width - g.margin_right - w,
                baseline,
            )));
        }
        let byline = byline(interview);
        if !byline.is_empty() {
            let s = one(
                &byline,
                &Style::new(FaceId::SANS, 7.5)
                    .color(Rgb::GREY)
                    .tracking(0.04),
            );
            let at = c.paragraph(&s, &ParagraphStyle::ragged(11.0), 1.0, Keep::TOGETHER, None);
            c.glue_to_previous(at);
        }
    }
    let pages = paginate(c.elements, g.margin_top, g.text_height()).0;
    if pages.is_empty() {
        vec![Page::default()]
    } else {
        pages
    }
}
