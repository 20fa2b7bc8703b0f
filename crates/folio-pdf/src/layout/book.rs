//! A book of interviews: a title page, a table of contents, then each
//! interview from the top of a new page, laid out exactly as on its own.
//! Pages are numbered through the whole book under the book's title.

use folio_core::{Anthology, Diagnostic};

use crate::fonts::FaceId;
use crate::layout::compose::{Composer, Keep, Setting};
use crate::layout::document::{Part, byline, interview_pages, one};
use crate::layout::flow::{Drawable, Element, paginate};
use crate::layout::hyphenate::Hyphenation;
use crate::layout::running_head::{line_of, running_head};
use crate::layout::shape::{Shaper, width};
use crate::layout::style::{Design, PageGeometry, ParagraphStyle, Rgb, Style};
use crate::layout::tree::{Document, NodeId, OutlineEntry, Page, StructKind, Structure};

/// The book's title when its metadata gives none.
pub const UNTITLED_BOOK: &str = "Interviews";

/// Lays out the whole book.
pub fn layout_book(
    book: &Anthology,
    shaper: &Shaper<'_>,
    geometry: PageGeometry,
    design: Design,
    image_access: folio_core::ImageAccess<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> Document {
    let parts: Vec<Part> = book
        .interviews
        .iter()
        .map(|i| interview_pages(i, shaper, geometry, design.clone(), image_access, warnings))
        .collect();
    let title = book.meta.title.as_deref().unwrap_or(UNTITLED_BOOK);
    let (front, front_structure) = title_page(book, title, shaper, geometry, &design);
    // The contents list page numbers that depend on its own length: lay
    // it out until its page count stops changing (the numbers' widths
    // never change how the titles wrap, so twice is enough).
    let mut contents = Vec::new();
    let mut contents_structure = Structure::default();
    for _ in 0..3 {
        let first = front.len() + contents.len().max(1);
        let starts = starts(&parts, first);
        let (next, structure) = contents_pages(book, &starts, shaper, geometry, &design);
        let settled = next.len() == contents.len();
        contents = next;
        contents_structure = structure;
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
        structure: front_structure,
    };
    let shift = doc.structure.graft(contents_structure, None);
    doc.pages
        .extend(contents.into_iter().map(|page| shifted(page, shift)));
    let book_language = folio_core::Language::of(&book.meta.language);
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
        // Each interview is an article of the book, structured as on its own.
        let article = doc.structure.add(StructKind::Art, None);
        // An interview in another language than the book's says so, so a
        // screen reader switches its voice (a Chinese interview in an
        // English anthology).
        let own = folio_core::Language::of(&interview.meta.language);
        if own.primary() != book_language.primary()
            && let Some(node) = doc.structure.nodes.get_mut(article as usize)
        {
            node.lang = Some(own.tag().to_string());
        }
        let shift = doc.structure.graft(part.structure, Some(article));
        for mut page in part.pages {
            page.links.iter_mut().for_each(|l| l.target += links);
            page.images.iter_mut().for_each(|i| i.image += images);
            doc.pages.push(shifted(page, shift));
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

/// `page` with its structure references moved `shift` on, for a part
/// whose structure was grafted into the book's.
fn shifted(mut page: Page, shift: NodeId) -> Page {
    let by = |tag: &mut Option<NodeId>| {
        if let Some(t) = tag {
            *t = t.saturating_add(shift);
        }
    };
    for line in &mut page.lines {
        by(&mut line.tag);
        line.runs.iter_mut().for_each(|r| by(&mut r.tag));
    }
    page.images.iter_mut().for_each(|i| by(&mut i.tag));
    page.links.iter_mut().for_each(|l| by(&mut l.tag));
    page
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
    Composer::new(shaper, Hyphenation::none(), geometry, false, Setting::Now)
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
) -> (Vec<Page>, Structure) {
    let mut c = composer(shaper, g);
    drop(&mut c, g.text_height() * 0.3);
    let ragged = ParagraphStyle::ragged;
    let s = one(title, &Style::new(FaceId::SERIF_BOLD, design.pt(30.0)));
    c.tagged_paragraph(
        StructKind::H1,
        &s,
        &ragged(design.pt(35.0)),
        0.0,
        Keep::TOGETHER,
    );
    if let Some(sub) = &book.meta.subtitle {
        c.space(design.pt(8.0));
        let s = one(
            sub,
            &Style::new(FaceId::SERIF_ITALIC, design.pt(15.0)).color(Rgb::GREY),
        );
        c.tagged_paragraph(
            StructKind::P,
            &s,
            &ragged(design.pt(20.0)),
            0.0,
            Keep::TOGETHER,
        );
    }
    c.space(design.pt(10.0));
    c.rule(
        g.margin_left,
        g.margin_left + 60.0,
        0.8,
        design.accent,
        6.0,
        false,
    );
    let authors = folio_core::Language::of(&book.meta.language)
        .terms()
        .join_names(&book.meta.authors);
    if !authors.is_empty() {
        c.space(design.pt(6.0));
        let s = one(
            &authors.to_uppercase(),
            &Style::new(FaceId::SANS_BOLD, design.pt(10.0)).tracking(0.05),
        );
        c.tagged_paragraph(
            StructKind::P,
            &s,
            &ragged(design.pt(14.0)),
            0.0,
            Keep::TOGETHER,
        );
    }
    if let Some(date) = &book.meta.published {
        c.space(design.pt(4.0));
        let s = one(
            &folio_core::Terms::for_language(&book.meta.language).date(date),
            &Style::new(FaceId::SANS, design.pt(9.0)).color(Rgb::GREY),
        );
        c.tagged_paragraph(
            StructKind::P,
            &s,
            &ragged(design.pt(13.0)),
            0.0,
            Keep::TOGETHER,
        );
    }
    let pages = paginate(c.elements, g.margin_top, g.text_height()).0;
    (pages, c.structure)
}

/// The table of contents: each interview's title with the (1-based)
/// number of its first page set flush right.
fn contents_pages(
    book: &Anthology,
    starts: &[usize],
    shaper: &Shaper<'_>,
    g: PageGeometry,
    design: &Design,
) -> (Vec<Page>, Structure) {
    let mut c = composer(shaper, g);
    let heading = Style::new(FaceId::SANS_BOLD, design.pt(11.5))
        .color(design.accent)
        .tracking(0.05);
    c.tagged_paragraph(
        StructKind::H2,
        &one(
            &folio_core::Terms::for_language(&book.meta.language)
                .contents
                .to_uppercase(),
            &heading,
        ),
        &ParagraphStyle::ragged(design.pt(16.0)),
        0.0,
        Keep::NORMAL,
    );
    c.open(StructKind::Toc);
    c.space(design.pt(10.0));
    let entry = Style::new(FaceId::SERIF, design.body_size + 1.0);
    let number = Style::new(FaceId::SANS, design.body_size);
    let mut para = ParagraphStyle::ragged(design.leading + design.pt(2.0));
    para.right_indent = 40.0;
    para.left_indent = 0.0;
    for (interview, &start) in book.interviews.iter().zip(starts) {
        let title = interview.meta.title.as_deref().unwrap_or("Interview");
        c.open(StructKind::Toci);
        c.open(StructKind::P);
        let at = c.paragraph(&one(title, &entry), &para, 7.0, Keep::TOGETHER, None);
        let entry_tag = c.tag();
        c.close();
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
            let mut folio_line = line_of(
                shaper,
                &folio,
                &number,
                g.width - g.margin_right - w,
                baseline,
            );
            // The page number is read with its title.
            folio_line.tag = entry_tag;
            last.content.push(Drawable::Line(folio_line));
        }
        let byline = byline(interview);
        if !byline.is_empty() {
            let s = one(
                &byline,
                &Style::new(FaceId::SANS, design.pt(7.5))
                    .color(Rgb::GREY)
                    .tracking(0.04),
            );
            let at = c.tagged_paragraph(
                StructKind::P,
                &s,
                &ParagraphStyle::ragged(design.pt(11.0)),
                1.0,
                Keep::TOGETHER,
            );
            c.glue_to_previous(at);
        }
        c.close();
    }
    c.close();
    let pages = paginate(c.elements, g.margin_top, g.text_height()).0;
    let pages = if pages.is_empty() {
        vec![Page::default()]
    } else {
        pages
    };
    (pages, c.structure)
}
