//! The interview as a docx-rs document: every paragraph with a named style,
//! in reading order.

use docx_rs::{Docx, Footer, Header, PageMargin, PageNum, Paragraph, Run};
use folio_core::{
    Block, ClosingBlock, DateTime, Diagnostic, Figure, FrontBlock, Inline, Interview, Paper, Turn,
    TurnRole,
};

use crate::DocxOptions;
use crate::images;
use crate::inline::{self, LinkIds};
use crate::lists::{ListKind, Lists};
use crate::style;

/// Page geometry in twentieths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSetup {
    pub width: u32,
    pub height: u32,
    pub margin: i32,
    pub header_distance: i32,
}

impl PageSetup {
    pub fn for_paper(paper: Paper) -> Self {
        let (width, height) = match paper {
            Paper::A4 => (11906, 16838),
            Paper::Letter => (12240, 15840),
        };
        PageSetup {
            width,
            height,
            // One inch all round: room for notes in the margin.
            margin: 1440,
            header_distance: 720,
        }
    }

    fn text_box_emu(self) -> (u32, u32) {
        const EMU_PER_TWIP: u32 = 635;
        let margin = self.margin.unsigned_abs();
        let width = self.width.saturating_sub(2 * margin) * EMU_PER_TWIP;
        let height = self.height.saturating_sub(2 * margin) * EMU_PER_TWIP;
        (width, height)
    }
}

/// What the body builder hands on to the part patcher.
#[derive(Debug)]
pub struct Built {
    pub docx: Docx,
    pub warnings: Vec<Diagnostic>,
    /// Alt text of each picture, in document order (for `wp:docPr`).
    pub figure_alts: Vec<String>,
    /// Media ids whose bytes are JPEG rather than PNG.
    pub jpeg_media: Vec<String>,
}

pub fn build(interview: &Interview, options: &DocxOptions) -> Built {
    let page = PageSetup::for_paper(options.paper);
    let mut writer = BodyWriter {
        options,
        paragraphs: Vec::new(),
        warnings: Vec::new(),
        figure_alts: Vec::new(),
        jpeg_media: Vec::new(),
        links: LinkIds::default(),
        lists: Lists::default(),
        next_paragraph_id: 0,
        text_box: page.text_box_emu(),
    };
    writer.headline(interview);
    writer.front(interview);
    writer.conversation(interview);
    writer.closing(interview);

    let title = header_title(interview);
    let header = Header::new().add_paragraph(
        writer
            .styled(style::HEADER)
            .add_run(Run::new().add_text(inline::clean(&title))),
    );
    let page_footer =
        Footer::new().add_paragraph(writer.styled(style::FOOTER).add_page_num(PageNum::new()));
    let first_footer =
        Footer::new().add_paragraph(writer.styled(style::FOOTER).add_page_num(PageNum::new()));

    let mut docx = Docx::new().page_size(page.width, page.height).page_margin(
        PageMargin::new()
            .top(page.margin)
            .bottom(page.margin)
            .left(page.margin)
            .right(page.margin)
            .header(page.header_distance)
            .footer(page.header_distance)
            .gutter(0),
    );
    // The first page opens with the headline, so it has no running header.
    docx = docx
        .header(header)
        .title_pg()
        .footer(page_footer)
        .first_footer(first_footer);
    for paragraph in writer.paragraphs {
        docx = docx.add_paragraph(paragraph);
    }
    for numbering in writer.lists.abstract_numberings() {
        docx = docx.add_abstract_numbering(numbering);
    }
    for numbering in writer.lists.numberings() {
        docx = docx.add_numbering(numbering);
    }
    Built {
        docx,
        warnings: writer.warnings,
        figure_alts: writer.figure_alts,
        jpeg_media: writer.jpeg_media,
    }
}

/// The running header's text: the title, else the interviewees' names.
fn header_title(interview: &Interview) -> String {
    match &interview.meta.title {
        Some(title) => title.clone(),
        None => interview.interviewees().join(", "),
    }
}

struct BodyWriter<'a> {
    options: &'a DocxOptions,
    paragraphs: Vec<Paragraph>,
    warnings: Vec<Diagnostic>,
    figure_alts: Vec<String>,
    jpeg_media: Vec<String>,
    links: LinkIds,
    lists: Lists,
    next_paragraph_id: u32,
    text_box: (u32, u32),
}

/// How the paragraphs of a run of blocks are styled: the first one (which
/// may carry a speaker label) and the ones after it.
#[derive(Debug, Clone, Copy)]
struct Styles {
    first: &'static str,
    rest: &'static str,
}

impl Styles {
    fn same(id: &'static str) -> Self {
        Styles {
            first: id,
            rest: id,
        }
    }
}

impl BodyWriter<'_> {
    /// A paragraph with a style and a per-document id (docx-rs's own id
    /// counter is thread-global and would differ between conversions).
    fn styled(&mut self, style_id: &str) -> Paragraph {
        self.next_paragraph_id += 1;
        Paragraph::new()
            .id(format!("{:08X}", self.next_paragraph_id))
            .style(style_id)
    }

    fn text_paragraph(&mut self, style_id: &str, text: &str) {
        let paragraph = self
            .styled(style_id)
            .add_run(Run::new().add_text(inline::clean(text)));
        self.paragraphs.push(paragraph);
    }

    fn headline(&mut self, interview: &Interview) {
        let meta = &interview.meta;
        if let Some(kicker) = &meta.kicker {
            self.text_paragraph(style::KICKER, kicker);
        }
        if let Some(title) = &meta.title {
            self.text_paragraph(style::TITLE, title);
        }
        if let Some(subtitle) = &meta.subtitle {
            self.text_paragraph(style::SUBTITLE, subtitle);
        }
        let names = if meta.authors.is_empty() {
            &meta.interviewers
        } else {
            &meta.authors
        };
        if !names.is_empty() {
            self.text_paragraph(style::BYLINE, &names.join(", "));
        }
        let dates = dates_line(interview);
        if !dates.is_empty() {
            self.text_paragraph(style::DATES, &dates);
        }
    }

    fn front(&mut self, interview: &Interview) {
        for block in &interview.front {
            match block {
                FrontBlock::EditorsNote { content } => {
                    self.blocks(content, Styles::same(style::EDITORS_NOTE), None);
                }
                FrontBlock::Introduction { content } => {
                    self.blocks(content, Styles::same(style::INTRO), None);
                }
                FrontBlock::Dateline { text } => self.text_paragraph(style::DATELINE, text),
                FrontBlock::Figure { figure } => self.figure(figure),
            }
        }
    }

    fn conversation(&mut self, interview: &Interview) {
        for (index, turn) in interview.turns.iter().enumerate() {
            self.sections(interview, |first| first == index);
            self.turn(interview, turn);
        }
        // Headings placed after the last turn still belong to the text.
        let count = interview.turns.len();
        self.sections(interview, |first| first >= count);
    }

    fn sections(&mut self, interview: &Interview, stands_before: impl Fn(usize) -> bool) {
        for section in interview
            .sections
            .iter()
            .filter(|s| stands_before(s.first_turn))
        {
            let heading = if section.level <= 1 {
                style::HEADING_1
            } else {
                style::HEADING_2
            };
            self.text_paragraph(heading, &section.heading);
            self.blocks(&section.content, Styles::same(style::BODY_TEXT), None);
        }
    }

    fn turn(&mut self, interview: &Interview, turn: &Turn) {
        let label = interview
            .speaker(&turn.speaker)
            .map_or(turn.speaker.as_str(), |speaker| speaker.label.as_str());
        let styles = match turn.role {
            TurnRole::Question => Styles::same(style::QUESTION),
            TurnRole::Answer => Styles {
                first: style::ANSWER,
                rest: style::ANSWER_CONTINUED,
            },
            TurnRole::Remark => Styles {
                first: style::REMARK,
                rest: style::ANSWER_CONTINUED,
            },
        };
        let label = format!("{label}{}", label_separator(&interview.meta.language));
        self.blocks(&turn.content, styles, Some(&label));
    }

    fn closing(&mut self, interview: &Interview) {
        for block in &interview.closing {
            let (ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content }) = block;
            let style_id = match block {
                ClosingBlock::Bio { .. } => style::BIO,
                ClosingBlock::Afterword { .. } => style::AFTERWORD,
                ClosingBlock::Footer { .. } => style::END_NOTE,
            };
            self.blocks(content, Styles::same(style_id), None);
        }
    }

    /// Writes `blocks`; the first paragraph gets `label` as a Speaker Label
    /// run. When the first block is not a paragraph the label stands in a
    /// paragraph of its own, kept with the next.
    fn blocks(&mut self, blocks: &[Block], styles: Styles, label: Option<&str>) {
        let mut label = label;
        if blocks.is_empty()
            && let Some(text) = label.take()
        {
            self.label_paragraph(text);
        }
        for (index, block) in blocks.iter().enumerate() {
            let style_id = if index == 0 {
                styles.first
            } else {
                styles.rest
            };
            match block {
                Block::Paragraph { content } => {
                    self.paragraph(style_id, label.take(), content);
                }
                other => {
                    if let Some(text) = label.take() {
                        self.label_paragraph(text);
                    }
                    self.block(other, style_id, 0);
                }
            }
        }
    }

    /// A speaker label on a line of its own, kept with what follows.
    fn label_paragraph(&mut self, label: &str) {
        let paragraph = self
            .styled(style::SPEAKER_HEADING)
            .add_run(inline::styled(label.trim_end(), style::SPEAKER_LABEL));
        self.paragraphs.push(paragraph);
    }

    fn paragraph(&mut self, style_id: &str, label: Option<&str>, content: &[Inline]) {
        let mut paragraph = self.styled(style_id);
        if let Some(label) = label {
            let trimmed = label.trim_end();
            paragraph = paragraph.add_run(inline::styled(trimmed, style::SPEAKER_LABEL));
            if trimmed.len() < label.len() {
                paragraph = paragraph.add_run(Run::new().add_text(" "));
            }
        }
        let paragraph = inline::append(paragraph, content, &mut self.links);
        self.paragraphs.push(paragraph);
    }

    /// A block other than a labelled paragraph; `depth` is the list level.
    fn block(&mut self, block: &Block, style_id: &str, depth: usize) {
        match block {
            Block::Paragraph { content } => self.paragraph(style_id, None, content),
            Block::Quote { content } => {
                for inner in content {
                    self.block(inner, style::QUOTE, depth);
                }
            }
            Block::Figure { figure } => self.figure(figure),
            Block::List { ordered, items } => {
                let kind = if *ordered {
                    ListKind::Ordered
                } else {
                    ListKind::Bullet
                };
                let list_style = match kind {
                    ListKind::Ordered => style::LIST_NUMBER,
                    ListKind::Bullet => style::LIST_BULLET,
                };
                let level = depth.min(8);
                let num_id = self.lists.start(kind, level);
                for item in items {
                    for (index, inner) in item.iter().enumerate() {
                        match inner {
                            Block::Paragraph { content } => {
                                let mut paragraph = self.styled(list_style);
                                if index == 0 {
                                    paragraph = paragraph.numbering(
                                        docx_rs::NumberingId::new(num_id),
                                        docx_rs::IndentLevel::new(level),
                                    );
                                } else {
                                    // Further paragraphs of an item align with its text.
                                    paragraph = paragraph.indent(
                                        Some(crate::lists::indent(level)),
                                        None,
                                        None,
                                        None,
                                    );
                                }
                                let paragraph = inline::append(paragraph, content, &mut self.links);
                                self.paragraphs.push(paragraph);
                            }
                            Block::List { .. } => self.block(inner, list_style, depth + 1),
                            other => self.block(other, list_style, depth),
                        }
                    }
                }
            }
        }
    }

    fn figure(&mut self, figure: &Figure) {
        if let Some(src) = &figure.src {
            match images::load(src, self.options) {
                Ok(image) => {
                    let id = format!("rIdImage{}", self.figure_alts.len() + 1);
                    if image.extension == "jpeg" {
                        self.jpeg_media.push(id.clone());
                    }
                    let (max_width, text_height) = self.text_box;
                    let pic = images::picture(&image, &id, max_width, text_height / 2);
                    self.figure_alts.push(
                        figure
                            .alt
                            .clone()
                            .or_else(|| figure.caption.clone())
                            .unwrap_or_default(),
                    );
                    let paragraph = self
                        .styled(style::FIGURE)
                        .add_run(Run::new().add_image(pic));
                    self.paragraphs.push(paragraph);
                }
                Err(warning) => self.warnings.push(warning),
            }
        }
        if figure.caption.is_none() && figure.credit.is_none() {
            return;
        }
        let mut caption = self.styled(style::CAPTION);
        if let Some(text) = &figure.caption {
            caption = caption.add_run(Run::new().add_text(inline::clean(text)));
        }
        if let Some(credit) = &figure.credit {
            if figure.caption.is_some() {
                caption = caption.add_run(Run::new().add_text(" "));
            }
            caption = caption.add_run(inline::styled(credit, style::CREDIT));
        }
        self.paragraphs.push(caption);
    }
}

/// What follows a speaker label: `GT: ` in most languages, `GT：` in CJK;
/// French sets a no-break space before the colon.
fn label_separator(language: &str) -> &'static str {
    if is_cjk(language) {
        "："
    } else if primary_language(language) == "fr" {
        "\u{a0}: "
    } else {
        ": "
    }
}

fn primary_language(language: &str) -> String {
    language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn is_cjk(language: &str) -> bool {
    matches!(
        primary_language(language).as_str(),
        "zh" | "ja" | "ko" | "cmn" | "yue"
    )
}

/// `Global Times · 16 November 2025, 23:34 · updated 16 November 2025, 23:51`;
/// month names and the word "updated" only in English, a CJK date in
/// Chinese, Japanese and Korean, ISO dates elsewhere.
fn dates_line(interview: &Interview) -> String {
    let meta = &interview.meta;
    let script = DateScript::for_language(&meta.language);
    let mut parts = Vec::new();
    if let Some(publication) = &meta.publication {
        parts.push(publication.clone());
    }
    if let Some(published) = &meta.published {
        parts.push(display_date(published, script));
    }
    if let Some(updated) = &meta.updated
        && Some(updated) != meta.published.as_ref()
    {
        let updated = display_date(updated, script);
        parts.push(match script {
            DateScript::English => format!("updated {updated}"),
            DateScript::Cjk => format!("更新 {updated}"),
            DateScript::Iso => format!("({updated})"),
        });
    }
    parts.join(" · ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateScript {
    English,
    Cjk,
    Iso,
}

impl DateScript {
    fn for_language(language: &str) -> Self {
        if is_cjk(language) {
            DateScript::Cjk
        } else if primary_language(language) == "en" {
            DateScript::English
        } else {
            DateScript::Iso
        }
    }
}

fn display_date(value: &DateTime, script: DateScript) -> String {
    let format = match script {
        DateScript::English => "%-d %B %Y",
        DateScript::Cjk => "%Y年%-m月%-d日",
        DateScript::Iso => "%Y-%m-%d",
    };
    let date = value.date.format(format).to_string();
    match value.time {
        Some(time) => format!("{date}, {}", time.format("%H:%M")),
        None => date,
    }
}
