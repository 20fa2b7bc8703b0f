//! The interview's design: title block, editor's note, introduction, turns,
//! sections, figures and closing, as a flow of elements; then pages with
//! running heads and folios.

use std::collections::VecDeque;

use folio_core::{
    Block, ClosingBlock, Diagnostic, DiagnosticKind, Figure, FrontBlock, Inline, Interview,
    Section, Terms, TurnRole, plain_text,
};

use crate::fonts::FaceId;
use crate::layout::compose::{Composer, Keep, Setting};
use crate::layout::flow::{Drawable, Element, paginate};
use crate::layout::hyphenate::Hyphenation;
use crate::layout::items::Span;
use crate::layout::running_head::running_head;
use crate::layout::shape::Shaper;
use crate::layout::style::{Design, PARA_INDENT, PageGeometry, ParagraphStyle, Rgb, Style};
use crate::layout::table::{TableStyle, table};
use crate::layout::text::{push, trim_end};
use crate::layout::tree::{Document, OutlineEntry, Page, PlacedImage, StructKind};

/// Lays out the whole interview: its pages with running heads and folios.
pub fn layout(
    interview: &Interview,
    shaper: &Shaper<'_>,
    geometry: PageGeometry,
    design: Design,
    image_access: folio_core::ImageAccess<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> Document {
    let part = interview_pages(interview, shaper, geometry, design, image_access, warnings);
    let title = interview.meta.title.as_deref().unwrap_or("Interview");
    let mut pages = part.pages;
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate().skip(1) {
        running_head(page, index + 1, total, title, shaper, &geometry);
    }
    Document {
        width: geometry.width,
        height: geometry.height,
        pages,
        outline: part.outline,
        links: part.links,
        images: part.images,
        structure: part.structure,
    }
}

/// One interview's pages before running heads, with its own links and
/// images (a book renumbers them when it puts parts together).
#[derive(Debug)]
pub struct Part {
    pub pages: Vec<Page>,
    /// The questions, at level 1.
    pub outline: Vec<OutlineEntry>,
    pub links: Vec<String>,
    pub images: Vec<crate::image::Image>,
    /// Its structure elements, the top ones without a parent.
    pub structure: crate::layout::tree::Structure,
}

/// Lays out one interview from the top of a fresh page.
pub fn interview_pages(
    interview: &Interview,
    shaper: &Shaper<'_>,
    geometry: PageGeometry,
    design: Design,
    image_access: folio_core::ImageAccess<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> Part {
    let language = folio_core::Language::of(&interview.meta.language);
    let rtl = language.is_right_to_left();
    let composer = |setting, hyphenation| {
        let mut composer = Composer::new(shaper, hyphenation, geometry, rtl, setting);
        composer.language = language.primary().to_string();
        composer
    };
    let builder = |c, warnings, dry_run, loads| DocBuilder {
        c,
        interview,
        image_access,
        images: Vec::new(),
        loads,
        warnings,
        dry_run,
        pending_glue: None,
        d: design.clone(),
        deep_sections_only: interview.sections.iter().all(|s| s.level > 1),
        language: &language,
    };
    // A dry run notes every paragraph; they are set on all cores, then the
    // real run stacks the lines in order.
    // The hyphenation dictionary is decoded on another thread meanwhile
    // (already started for the document's language).
    let language = language.tag();
    Hyphenation::prepare(language);
    let mut scratch = Vec::new();
    let mut dry = builder(
        composer(
            Setting::Record(Vec::new()),
            Hyphenation::for_language(language),
        ),
        &mut scratch,
        true,
        VecDeque::new(),
    );
    dry.build();
    let requests = match std::mem::take(&mut dry.c.setting) {
        Setting::Record(requests) => requests,
        _ => Vec::new(),
    };
    let preset = dry.c.preset(requests);
    // The real run takes the dictionary over, with the words it knows.
    let hyphenation = std::mem::replace(&mut dry.c.hyphenation, Hyphenation::none());
    // The images the dry run loaded, in the order the figures come.
    let loads = std::mem::take(&mut dry.loads);
    let mut b = builder(
        composer(Setting::Replay { preset, next: 0 }, hyphenation),
        warnings,
        false,
        loads,
    );
    b.build();
    let DocBuilder { c, images, .. } = b;
    let (pages, marks) = paginate(c.elements, geometry.margin_top, geometry.text_height());
    Part {
        pages,
        outline: marks
            .into_iter()
            .map(|(title, page, y)| OutlineEntry {
                title,
                page,
                y,
                level: 1,
            })
            .collect(),
        links: c.links,
        images,
        structure: c.structure,
    }
}

struct DocBuilder<'s, 'a, 'w> {
    c: Composer<'s, 'a>,
    interview: &'s Interview,
    image_access: folio_core::ImageAccess<'s>,
    images: Vec<crate::image::Image>,
    /// Each figure's image, or why it cannot be printed, in reading order:
    /// the dry run loads them (whether a figure is pictured decides which
    /// paragraphs it asks for), the real run takes them over.
    loads: VecDeque<Result<crate::image::Image, String>>,
    warnings: &'w mut Vec<Diagnostic>,
    /// Only noting the paragraphs to set.
    dry_run: bool,
    /// A heading was just set: the next element must stay with it.
    pending_glue: Option<usize>,
    /// The interview's language, as core reads it.
    language: &'s folio_core::Language,
    /// No section is at the top level: the shallowest are `H2`, so that
    /// no heading level under the title is skipped.
    deep_sections_only: bool,
    d: Design,
}

impl DocBuilder<'_, '_, '_> {
    fn build(&mut self) {
        self.title_block();
        self.front();
        self.turns();
        self.closing();
    }

    fn body(&self) -> Style {
        Style::new(FaceId::SERIF, self.d.body_size)
    }
}

impl DocBuilder<'_, '_, '_> {
    fn title_block(&mut self) {
        let meta = &self.interview.meta;
        let ragged = ParagraphStyle::ragged;
        let mut first = true;
        let mut keep = || {
            let k = if first { Keep::NORMAL } else { Keep::TOGETHER };
            first = false;
            k
        };
        if let Some(kicker) = &meta.kicker {
            let style = Style::new(FaceId::SANS_BOLD, self.d.pt(8.5))
                .color(self.d.accent)
                .tracking(0.05);
            let s = one(&kicker.to_uppercase(), &style);
            self.c
                .tagged_paragraph(StructKind::P, &s, &ragged(self.d.pt(12.0)), 0.0, keep());
            self.c.space(self.d.pt(4.0));
        }
        let title = meta.title.clone().unwrap_or_else(|| "Interview".into());
        let s = one(&title, &Style::new(FaceId::SERIF_BOLD, self.d.pt(24.0)));
        self.c
            .tagged_paragraph(StructKind::H1, &s, &ragged(self.d.pt(28.0)), 0.0, keep());
        if let Some(sub) = &meta.subtitle {
            self.c.space(self.d.pt(6.0));
            let s = one(
                sub,
                &Style::new(FaceId::SERIF_ITALIC, self.d.pt(13.0)).color(Rgb::GREY),
            );
            self.c
                .tagged_paragraph(StructKind::P, &s, &ragged(self.d.pt(17.0)), 0.0, keep());
        }
        let byline = byline(self.interview);
        if !byline.is_empty() {
            self.c.space(self.d.pt(8.0));
            let s = one(
                &byline,
                &Style::new(FaceId::SANS_BOLD, self.d.pt(8.5)).tracking(0.04),
            );
            self.c
                .tagged_paragraph(StructKind::P, &s, &ragged(self.d.pt(12.0)), 0.0, keep());
        }
        let dates = dates(self.interview);
        if !dates.is_empty() {
            self.c
                .space(self.d.pt(if byline.is_empty() { 8.0 } else { 1.0 }));
            let s = one(
                &dates,
                &Style::new(FaceId::SANS, self.d.pt(8.0)).color(Rgb::GREY),
            );
            self.c
                .tagged_paragraph(StructKind::P, &s, &ragged(self.d.pt(11.0)), 0.0, keep());
        }
        let g = self.c.geometry;
        self.c.space(self.d.pt(2.0));
        self.c.rule(
            g.margin_left,
            g.width - g.margin_right,
            0.6,
            Rgb::BLACK,
            8.0,
            false,
        );
        self.c.space(self.d.pt(6.0));
        self.participants();
    }

    /// Who is speaking, run on in one paragraph under the title block:
    /// the term in the editor's note's label style, then each name in the
    /// byline's sans with its label (as the turns print it) and role in grey.
    fn participants(&mut self) {
        let spans = participant_spans(self.interview, &self.d);
        if spans.is_empty() {
            return;
        }
        self.c.tagged_paragraph(
            StructKind::P,
            &spans,
            &ParagraphStyle::ragged(self.d.pt(12.0)),
            0.0,
            Keep::NORMAL,
        );
        self.c.space(self.d.pt(10.0));
    }

    fn front(&mut self) {
        for block in &self.interview.front {
            match block {
                FrontBlock::EditorsNote { content } => self.editors_note(content),
                FrontBlock::Introduction { content } => {
                    self.c.open(StructKind::Div);
                    self.blocks(content, &self.body(), None);
                    self.c.close();
                    self.c.space(self.d.pt(8.0));
                }
                FrontBlock::Dateline { text } => {
                    let s = one(
                        text,
                        &Style::new(FaceId::SANS_BOLD, self.d.pt(8.5)).tracking(0.05),
                    );
                    self.c.tagged_paragraph(
                        StructKind::P,
                        &s,
                        &ParagraphStyle::ragged(self.d.leading),
                        0.0,
                        Keep::NORMAL,
                    );
                }
                FrontBlock::Figure { figure } => self.figure(figure),
            }
        }
    }

    fn editors_note(&mut self, content: &[Block]) {
        let g = self.c.geometry;
        let inset = 16.0;
        self.c.space(self.d.pt(4.0));
        self.c.rule(
            g.margin_left + inset,
            g.width - g.margin_right - inset,
            0.8,
            self.d.accent,
            4.0,
            true,
        );
        let label = Style::new(FaceId::SANS_BOLD, self.d.pt(7.5))
            .color(self.d.accent)
            .tracking(0.05);
        let heading = Terms::for_language(&self.interview.meta.language)
            .editors_note
            .to_uppercase();
        let s = one(&heading, &label);
        let mut style = ParagraphStyle::ragged(self.d.pt(12.0));
        style.left_indent = inset;
        style.right_indent = inset;
        // The note is a division of its own; the rules that box it are
        // decoration.
        self.c.open(StructKind::Div);
        let at = self
            .c
            .tagged_paragraph(StructKind::P, &s, &style, self.d.pt(2.0), Keep::TOGETHER);
        self.c.glue_to_previous(at);
        let mut note = ParagraphStyle::justified(self.d.pt(12.8));
        note.left_indent = inset;
        note.right_indent = inset;
        let base = Style::new(FaceId::SERIF, self.d.pt(9.4));
        let mut first = true;
        for block in content {
            if let Block::Paragraph { content } = block {
                self.c.open(StructKind::P);
                let mut s = Vec::new();
                self.c.spans(content, &base, &mut s);
                trim_end(&mut s);
                let at =
                    self.c
                        .paragraph(&s, &note, if first { 2.0 } else { 4.0 }, Keep::NORMAL, None);
                self.c.close();
                if first {
                    self.c.glue_to_previous(at);
                    // Keep the label and the note's first two lines together.
                    self.c.glue_to_previous(at + 1);
                }
                first = false;
            } else {
                self.block(block, &base, &note, self.d.pt(4.0), Keep::NORMAL);
            }
        }
        self.c.close();
        let bottom = self.c.elements.len();
        self.c.rule(
            g.margin_left + inset,
            g.width - g.margin_right - inset,
            0.4,
            Rgb::GREY,
            5.0,
            false,
        );
        self.c.glue_to_previous(bottom);
        self.c.space(self.d.pt(10.0));
    }

    fn turns(&mut self) {
        let interview = self.interview;
        for (index, turn) in interview.turns.iter().enumerate() {
            for section in interview.sections_before(index) {
                self.section(section);
            }
            let label = interview
                .speaker(&turn.speaker)
                .map(|s| {
                    if self.d.full_name_labels {
                        s.display_name().to_string()
                    } else {
                        s.label.clone()
                    }
                })
                .unwrap_or_else(|| turn.speaker.clone());
            let base = match turn.role {
                TurnRole::Question => {
                    Style::new(FaceId::SERIF_BOLD, self.d.body_size).color(self.d.question)
                }
                TurnRole::Answer | TurnRole::Remark => self.body(),
            };
            let outline = turn
                .is_navigable_question()
                .then(|| first_words(&turn.content));
            self.c.space(self.d.pt(7.0));
            // Each turn is a division titled with who speaks.
            self.c.open(StructKind::Div);
            let name = interview
                .speaker(&turn.speaker)
                .map_or_else(|| turn.speaker.clone(), |s| s.display_name().to_string());
            self.c.entitle(name);
            self.blocks(&turn.content, &base, Some((label, turn.role, outline)));
            self.c.close();
            // A question never ends a page without the start of its answer.
            if turn.role == TurnRole::Question {
                self.pending_glue = Some(self.c.elements.len());
            }
        }
        // Headings after the last turn (or pointing past it) still belong
        // to the text, as in the other formats.
        let count = interview.turns.len();
        for section in interview.sections.iter().filter(|s| s.first_turn >= count) {
            self.section(section);
        }
    }

    /// A section's heading and the unlabelled text under it.
    fn section(&mut self, section: &Section) {
        self.section_heading(&section.heading, section.level);
        if !section.content.is_empty() {
            let at = self.c.elements.len();
            self.blocks(&section.content, &self.body(), None);
            self.c.glue_to_previous(at);
        }
    }

    fn section_heading(&mut self, heading: &str, level: u8) {
        let kind = if level <= 1 || self.deep_sections_only {
            StructKind::H2
        } else {
            StructKind::H3
        };
        let size = self.d.pt(if level <= 1 { 11.5 } else { 10.0 });
        let style = Style::new(FaceId::SANS_BOLD, size).color(self.d.accent);
        self.c
            .space(self.d.pt(if level <= 1 { 14.0 } else { 10.0 }));
        let s = one(heading, &style);
        self.c.tagged_paragraph(
            kind,
            &s,
            &ParagraphStyle::ragged(size * 1.3),
            0.0,
            Keep::NORMAL,
        );
        // The next element must not start a new page: a heading never ends one.
        let next = self.c.elements.len();
        self.c.space(self.d.pt(2.0));
        self.pending_glue = Some(next);
    }

    /// Blocks of one turn or of running text; the first paragraph carries
    /// the speaker label, later ones are indented.
    fn blocks(
        &mut self,
        content: &[Block],
        base: &Style,
        label: Option<(String, TurnRole, Option<String>)>,
    ) {
        let mut first = true;
        let mut label = label;
        for block in content {
            match block {
                Block::Paragraph { content } => {
                    self.c.open(StructKind::P);
                    let mut s = Vec::new();
                    let mut outline = None;
                    if let Some((text, role, title)) = label.take() {
                        s = self.label_spans(&text, role, base);
                        // The space after the label's punctuation (none
                        // after a full-width colon) is the text's.
                        let separator = self.language.label_separator(&text);
                        let space = &separator[separator.trim_end_matches(' ').len()..];
                        push(&mut s, space, base);
                        outline = title;
                    }
                    self.c.spans(content, base, &mut s);
                    trim_end(&mut s);
                    let mut style = ParagraphStyle::justified(self.d.leading);
                    if !first {
                        // CJK text indents by two full-width characters.
                        style.first_indent = if self.language.cjk().is_some() {
                            2.0 * base.size
                        } else {
                            self.d.pt(PARA_INDENT)
                        };
                    }
                    let at = self.c.paragraph(&s, &style, 0.0, Keep::NORMAL, outline);
                    self.c.close();
                    self.apply_pending_glue(at);
                }
                other => {
                    let style = ParagraphStyle::justified(self.d.leading);
                    let at = self.c.elements.len();
                    // A turn that opens with anything but a paragraph (a
                    // table, a list, a quotation, a figure) has its label on
                    // a line of its own above it: who speaks is never lost.
                    if let Some((text, role, title)) = label.take() {
                        self.c.open(StructKind::P);
                        let s = self.label_spans(&text, role, base);
                        let line = self.c.paragraph(&s, &style, 0.0, Keep::NORMAL, title);
                        self.c.close();
                        self.apply_pending_glue(line);
                        let opening = self.c.elements.len();
                        self.block(other, base, &style, self.d.pt(4.0), Keep::NORMAL);
                        self.c.glue_to_previous(opening);
                    } else {
                        self.block(other, base, &style, self.d.pt(4.0), Keep::NORMAL);
                        self.apply_pending_glue(at);
                    }
                }
            }
            first = false;
        }
    }

    /// A speaker's label: bold sans capitals, or the serif's capitals at
    /// small-caps size when the house style asks for them.
    fn label_spans(&mut self, text: &str, role: TurnRole, base: &Style) -> Vec<Span> {
        let color = if role == TurnRole::Question {
            self.d.accent
        } else {
            Rgb::BLACK
        };
        let style = if self.d.small_caps_labels {
            Style::new(FaceId::SERIF, base.size * 0.8).tracking(0.07)
        } else {
            Style::new(FaceId::SANS_BOLD, base.size * 0.84).tracking(0.05)
        }
        .color(color);
        // Tagged as a label inside the paragraph, so a screen reader
        // announces who speaks.
        let mut style = style;
        style.tag = Some(self.c.inline_element(StructKind::Lbl));
        let separator = self.language.label_separator(text);
        vec![Span {
            text: format!("{}{}", text.to_uppercase(), separator.trim_end_matches(' ')),
            style,
        }]
    }

    fn apply_pending_glue(&mut self, at: usize) {
        if self.pending_glue.take().is_some() {
            self.c.glue_to_previous(at);
        }
    }

    /// Lists, quotes and figures inside running text.
    fn block(&mut self, block: &Block, base: &Style, para: &ParagraphStyle, gap: f32, keep: Keep) {
        match block {
            Block::Paragraph { content } => {
                self.c.open(StructKind::P);
                let mut s = Vec::new();
                self.c.spans(content, base, &mut s);
                trim_end(&mut s);
                self.c.paragraph(&s, para, gap, keep, None);
                self.c.close();
            }
            Block::List { ordered, items } => {
                self.c.open(StructKind::L);
                for (n, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", n + 1)
                    } else {
                        "•".into()
                    };
                    // The item's opening paragraphs run on after its
                    // marker; whatever follows them (a nested list, a
                    // quotation, a table, a figure, later paragraphs) is set
                    // under it at the item's indent, never left out.
                    self.c.open(StructKind::Li);
                    let mut marker_style = base.clone();
                    marker_style.tag = Some(self.c.inline_element(StructKind::Lbl));
                    let mut s = Vec::new();
                    push(&mut s, &marker, &marker_style);
                    push(&mut s, " ", base);
                    self.c.open(StructKind::LBody);
                    let mut rest = item.as_slice();
                    while let Some((Block::Paragraph { content }, tail)) = rest.split_first() {
                        self.c.spans(content, base, &mut s);
                        push(&mut s, " ", base);
                        rest = tail;
                    }
                    trim_end(&mut s);
                    let mut style = para.clone();
                    style.left_indent += 14.0;
                    style.first_indent = 0.0;
                    self.c
                        .paragraph(&s, &style, if n == 0 { gap } else { 1.0 }, keep, None);
                    for b in rest {
                        self.block(b, base, &style, 1.0, keep);
                    }
                    self.c.close();
                    self.c.close();
                }
                self.c.close();
            }
            Block::Quote { content } => {
                let mut style = para.clone();
                style.left_indent += 18.0;
                style.right_indent += 18.0;
                style.first_indent = 0.0;
                let quote = Style {
                    size: base.size * 0.93,
                    ..base.clone()
                };
                self.c.open(StructKind::BlockQuote);
                for b in content {
                    self.block(b, &quote, &style, gap, keep);
                }
                self.c.close();
                self.c.space(gap);
            }
            Block::Figure { figure } => self.figure(figure),
            Block::Table {
                header,
                rows,
                align,
            } => {
                // Set a little smaller than the text around it, the header
                // in the bold sans.
                let size = base.size * 0.9;
                let style = TableStyle {
                    body: Style::new(FaceId::SERIF, size),
                    head: Style::new(FaceId::SANS_BOLD, size * 0.9),
                    leading: para.leading * 0.9,
                    left_indent: para.left_indent,
                    right_indent: para.right_indent,
                };
                self.c.space(gap + self.d.pt(2.0));
                table(&mut self.c, header, rows, align, &style);
                self.c.space(gap + self.d.pt(4.0));
            }
        }
    }

    fn figure(&mut self, figure: &Figure) {
        let g = self.c.geometry;
        self.c.space(self.d.pt(8.0));
        // The picture, its description in its place, its caption and its
        // credit, as one division.
        self.c.open(StructKind::Div);
        let start = self.c.elements.len();
        let mut first = true;
        let mut pictured = false;
        if let Some(src) = &figure.src {
            match self.load_image(src) {
                // The dry run has no picture to place, only the fact of it.
                Ok(None) => {
                    first = false;
                    pictured = true;
                }
                Ok(Some(image)) => {
                    let max_w = g.text_width();
                    let max_h = g.text_height() * 0.45;
                    let aspect = image.height as f32 / image.width.max(1) as f32;
                    let mut w = max_w.min(image.width as f32 * 0.75);
                    let mut h = w * aspect;
                    if h > max_h {
                        h = max_h;
                        w = h / aspect;
                    }
                    let index = self.images.len();
                    self.images.push(image);
                    let x = g.margin_left + (max_w - w) / 2.0;
                    let tag = self.c.open(StructKind::Figure);
                    // A screen reader reads the description; without one,
                    // the caption, and the reader is told.
                    let given = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
                    match (given(&figure.alt), given(&figure.caption)) {
                        (Some(alt), _) => self.c.describe(alt),
                        (None, caption) => {
                            let message = if caption.is_some() {
                                format!(
                                    "figure image {src} has no alt text; its caption is read in its place"
                                )
                            } else {
                                format!(
                                    "figure image {src} has no alt text or caption: a screen reader cannot say what it shows"
                                )
                            };
                            self.warnings.push(Diagnostic::new(
                                DiagnosticKind::LostFormatting,
                                None,
                                message,
                            ));
                            if let Some(caption) = caption {
                                self.c.describe(caption);
                            }
                        }
                    }
                    self.c.close();
                    self.c.elements.push(Element {
                        height: h + 5.0,
                        space_before: std::mem::take(&mut self.c.pending_space),
                        break_before: true,
                        content: vec![Drawable::Image(PlacedImage {
                            image: index,
                            tag: Some(tag),
                            x,
                            y: 0.0,
                            width: w,
                            height: h,
                        })],
                        outline: None,
                        float: false,
                    });
                    first = false;
                    pictured = true;
                }
                Err(reason) => self.warnings.push(Diagnostic::new(
                    DiagnosticKind::LostFormatting,
                    None,
                    format!(
                        "figure image {src} left out: {reason}; its alt text and caption are kept"
                    ),
                )),
            }
        }
        let keep = |first: bool| if first { Keep::NORMAL } else { Keep::TOGETHER };
        // Without its picture, the description stands where it would be.
        if !pictured && let Some(text) = figure.placeholder() {
            let s = one(
                &text,
                &Style::new(FaceId::SERIF_ITALIC, self.d.body_size).color(Rgb::GREY),
            );
            self.c.tagged_paragraph(
                StructKind::P,
                &s,
                &ParagraphStyle::ragged(self.d.leading),
                0.0,
                keep(first),
            );
            first = false;
        }
        if let Some(caption) = &figure.caption {
            let s = one(
                caption,
                &Style::new(FaceId::SANS, self.d.pt(8.5)).color(Rgb::GREY),
            );
            self.c.tagged_paragraph(
                StructKind::Caption,
                &s,
                &ParagraphStyle::ragged(self.d.pt(11.0)),
                0.0,
                keep(first),
            );
            first = false;
        }
        if let Some(credit) = &figure.credit {
            let s = one(
                &credit.to_uppercase(),
                &Style::new(FaceId::SANS, self.d.pt(6.8))
                    .color(Rgb::GREY)
                    .tracking(0.04),
            );
            self.c.tagged_paragraph(
                StructKind::P,
                &s,
                &ParagraphStyle::ragged(self.d.pt(9.5)),
                1.0,
                keep(first),
            );
        }
        self.c.close();
        // A figure with its picture may float; a caption alone is text.
        if pictured {
            for element in &mut self.c.elements[start..] {
                element.float = true;
            }
        }
        self.c.space(self.d.pt(8.0));
    }

    /// The figure's image, or why it cannot be printed. The dry run reads
    /// it and keeps it for the real run (`Ok(None)`: there is a picture),
    /// so that both ask for the same paragraphs.
    fn load_image(&mut self, src: &str) -> Result<Option<crate::image::Image>, String> {
        if self.dry_run {
            let loaded = self.read_image(src);
            let pictured = loaded.as_ref().map(|_| None).map_err(String::clone);
            self.loads.push_back(loaded);
            return pictured;
        }
        match self.loads.pop_front() {
            Some(loaded) => loaded.map(Some),
            None => self.read_image(src).map(Some),
        }
    }

    fn read_image(&self, src: &str) -> Result<crate::image::Image, String> {
        // What may be read is decided in core, once for every writer.
        let bytes = folio_core::read_image_source(src, self.image_access)?;
        crate::image::parse(bytes)
    }

    fn closing(&mut self) {
        let g = self.c.geometry;
        for block in &self.interview.closing {
            match block {
                ClosingBlock::Bio { content } => {
                    self.c.space(self.d.pt(12.0));
                    self.c.rule(
                        g.margin_left,
                        g.margin_left + 48.0,
                        0.6,
                        self.d.accent,
                        4.0,
                        true,
                    );
                    let at = self.c.elements.len();
                    let base = Style::new(FaceId::SERIF_ITALIC, self.d.pt(9.5));
                    self.c.open(StructKind::Div);
                    for b in content {
                        self.block(
                            b,
                            &base,
                            &ParagraphStyle::justified(self.d.pt(13.0)),
                            self.d.pt(3.0),
                            Keep::NORMAL,
                        );
                    }
                    self.c.close();
                    self.c.glue_to_previous(at);
                }
                ClosingBlock::Afterword { content } => {
                    self.c.space(self.d.pt(10.0));
                    self.c.open(StructKind::Div);
                    self.blocks(content, &self.body(), None);
                    self.c.close();
                }
                ClosingBlock::Footer { content } => {
                    self.c.space(self.d.pt(12.0));
                    let base = Style::new(FaceId::SANS, self.d.pt(8.0)).color(Rgb::GREY);
                    self.c.open(StructKind::Div);
                    for b in content {
                        self.block(
                            b,
                            &base,
                            &ParagraphStyle::ragged(self.d.pt(11.0)),
                            self.d.pt(2.0),
                            Keep::NORMAL,
                        );
                    }
                    self.c.close();
                }
            }
        }
    }
}

/// The participants line as spans; none when nobody is worth naming.
fn participant_spans(interview: &Interview, design: &Design) -> Vec<Span> {
    let participants = interview.participants();
    let mut s = Vec::new();
    if participants.is_empty() {
        return s;
    }
    let terms = interview.terms();
    let term = Style::new(FaceId::SANS_BOLD, design.pt(7.5))
        .color(design.accent)
        .tracking(0.06);
    let name = Style::new(FaceId::SANS_BOLD, design.pt(8.5));
    let details = Style::new(FaceId::SANS, design.pt(8.5)).color(Rgb::GREY);
    // Two no-break spaces set the term off; a name never starts a line
    // after a lone separator.
    push(&mut s, &terms.participants.to_uppercase(), &term);
    push(&mut s, "\u{A0}\u{A0} ", &details);
    for (n, mut participant) in participants.into_iter().enumerate() {
        if n > 0 {
            push(&mut s, "\u{A0}\u{B7} ", &details);
        }
        // The turns print labels in capitals (or the full names instead);
        // a label is not broken across lines.
        participant.label = participant
            .label
            .filter(|_| !design.full_name_labels)
            .map(|label| label.to_uppercase().replace(' ', "\u{A0}"));
        push(&mut s, &participant.name, &name);
        push(&mut s, &participant.details(terms), &details);
    }
    trim_end(&mut s);
    s
}

/// Every character the participants line may draw, for choosing fonts.
pub(crate) fn participant_characters(interview: &Interview) -> String {
    let terms = interview.terms();
    let mut text = format!("{}\u{B7}", terms.participants.to_uppercase());
    for mut participant in interview.participants() {
        participant.label = participant.label.map(|label| label.to_uppercase());
        text.push_str(&participant.describe(terms));
    }
    text
}

/// A span list of one text in one style.
pub(crate) fn one(text: &str, style: &Style) -> Vec<Span> {
    let mut s = Vec::new();
    push(&mut s, text, style);
    trim_end(&mut s);
    s
}

/// The bylines and the publication, in capitals: `BY ANA LIMA  ·  THE REVIEW`.
pub(crate) fn byline(interview: &Interview) -> String {
    let meta = &interview.meta;
    let mut parts = meta.bylines(&folio_core::Language::of(&meta.language));
    if let Some(p) = &meta.publication {
        parts.push(p.clone());
    }
    parts.join("  ·  ").to_uppercase()
}

fn dates(interview: &Interview) -> String {
    let meta = &interview.meta;
    let lines = meta.date_lines(&folio_core::Language::of(&meta.language));
    let parts: Vec<String> = lines.iter().map(folio_core::DateLine::to_text).collect();
    parts.join("  ·  ")
}

/// The first words of a question, for its bookmark.
fn first_words(content: &[Block]) -> String {
    // Timestamps and stage directions say nothing about the question.
    let spoken: Vec<Inline> = content
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { content } => Some(content),
            _ => None,
        })
        .map(|inlines| {
            inlines
                .iter()
                .filter(|i| !matches!(i, Inline::Timestamp { .. } | Inline::StageDirection { .. }))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let text = plain_text(&spoken);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 9 {
        words.join(" ")
    } else {
        format!("{} …", words[..9].join(" "))
    }
}
