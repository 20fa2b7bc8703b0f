//! The interview as a docx-rs document: every paragraph with a named style,
//! in reading order.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, PageMargin, PageNum, Paragraph, Run, Table, TableCell,
    TableRow, WidthType,
};
use folio_core::{
    Alignment, Block, ClosingBlock, Diagnostic, Figure, FrontBlock, Inline, Interview, LabelText,
    Meta, Turn, TurnRole, column_count, fit_columns, plain_text,
};

use crate::DocxOptions;
use crate::images;
use crate::inline::{self, LinkIds};
use crate::lists::{ListKind, Lists};
use crate::locale::dates_line;
use crate::page::PageSetup;
use crate::style;

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

/// About the width of a character of Table Text (10 pt), in twips: for
/// sizing columns to their longest line.
const TABLE_CHAR_WIDTH: f32 = 105.0;
/// The Interview Table style's left and right cell margins, in twips.
const TABLE_CELL_MARGIN: f32 = 108.0;
/// Space between a table and the paragraph after it, in twips (6 pt).
const TABLE_SPACE_AFTER: u32 = 120;

/// Where an interview stands: alone in its document, or as one chapter of a
/// book (its title a level-1 heading on a new page, its sections a level
/// lower, headings bookmarked for the table of contents).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Alone,
    InBook,
}

/// A heading the table of contents lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub level: usize,
    pub text: String,
    pub bookmark: String,
}

/// A single interview as a document.
pub fn build(interview: &Interview, options: &DocxOptions) -> Built {
    let mut writer = BodyWriter::new(options);
    writer.interview(interview, Placement::Alone);
    writer.finish(&header_title(interview))
}

/// The running header's text: the title, else the interviewees' names.
pub fn header_title(interview: &Interview) -> String {
    match &interview.meta.title {
        Some(title) => title.clone(),
        None => interview.interviewees().join(", "),
    }
}

/// What the document body holds, in order.
#[derive(Debug)]
pub enum BodyChild {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

impl From<Paragraph> for BodyChild {
    fn from(paragraph: Paragraph) -> Self {
        BodyChild::Paragraph(Box::new(paragraph))
    }
}

pub struct BodyWriter<'a> {
    options: &'a DocxOptions,
    pub children: Vec<BodyChild>,
    warnings: Vec<Diagnostic>,
    figure_alts: Vec<String>,
    jpeg_media: Vec<String>,
    links: LinkIds,
    lists: Lists,
    next_paragraph_id: u32,
    page: PageSetup,
    placement: Placement,
    /// Headings written so far that a table of contents lists.
    pub toc: Vec<TocEntry>,
}

impl std::fmt::Debug for BodyWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BodyWriter")
            .field("children", &self.children.len())
            .field("toc", &self.toc)
            .finish_non_exhaustive()
    }
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

impl<'a> BodyWriter<'a> {
    pub fn new(options: &'a DocxOptions) -> Self {
        BodyWriter {
            options,
            children: Vec::new(),
            warnings: Vec::new(),
            figure_alts: Vec::new(),
            jpeg_media: Vec::new(),
            links: LinkIds::default(),
            lists: Lists::default(),
            next_paragraph_id: 0,
            page: PageSetup::new(options.common.paper, &options.common.style),
            placement: Placement::Alone,
            toc: Vec::new(),
        }
    }
}

impl BodyWriter<'_> {
    /// Writes one interview: title block, front matter, the conversation
    /// with its sections, closing matter.
    pub fn interview(&mut self, interview: &Interview, placement: Placement) {
        self.placement = placement;
        let first = self.children.len();
        self.headline(interview);
        self.front(interview);
        self.conversation(interview);
        self.closing(interview);
        if placement == Placement::InBook
            && let Some(BodyChild::Paragraph(opening)) = self.children.get_mut(first)
        {
            // Each interview of a book starts on a new page.
            **opening = std::mem::take(&mut **opening).page_break_before(true);
        }
    }

    /// The document: page setup, running header, page numbers, lists.
    pub fn finish(self, header_text: &str) -> Built {
        let mut writer = self;
        let page = writer.page;
        let header = Header::new().add_paragraph(
            writer
                .styled(style::HEADER)
                .add_run(Run::new().add_text(inline::clean(header_text))),
        );
        let page_footer =
            Footer::new().add_paragraph(writer.styled(style::FOOTER).add_page_num(PageNum::new()));
        let first_footer =
            Footer::new().add_paragraph(writer.styled(style::FOOTER).add_page_num(PageNum::new()));
        let twips = |value: u32| i32::try_from(value).unwrap_or(i32::MAX);
        let mut docx = Docx::new().page_size(page.width, page.height).page_margin(
            PageMargin::new()
                .top(twips(page.top))
                .bottom(twips(page.bottom))
                .left(twips(page.left))
                .right(twips(page.right))
                .header(twips(page.header_distance))
                .footer(twips(page.footer_distance))
                .gutter(0),
        );
        // The first page opens with the headline, so it has no running header.
        docx = docx
            .header(header)
            .title_pg()
            .footer(page_footer)
            .first_footer(first_footer);
        for child in writer.children {
            docx = match child {
                BodyChild::Paragraph(paragraph) => docx.add_paragraph(*paragraph),
                BodyChild::Table(table) => docx.add_table(*table),
            };
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

    /// Appends a paragraph to the body.
    pub fn push(&mut self, paragraph: Paragraph) {
        self.children.push(paragraph.into());
    }

    /// A paragraph with a style and a per-document id (docx-rs's own id
    /// counter is thread-global and would differ between conversions).
    pub fn styled(&mut self, style_id: &str) -> Paragraph {
        self.next_paragraph_id += 1;
        Paragraph::new()
            .id(format!("{:08X}", self.next_paragraph_id))
            .style(style_id)
    }

    pub fn text_paragraph(&mut self, style_id: &str, text: &str) {
        let paragraph = self
            .styled(style_id)
            .add_run(Run::new().add_text(inline::clean(text)));
        self.push(paragraph);
    }

    /// A heading; in a book, one the table of contents lists (levels 1
    /// and 2) is wrapped in a bookmark the contents entry links to.
    fn heading(&mut self, style_id: &str, level: usize, text: &str) {
        if self.placement == Placement::Alone || level > 2 {
            self.text_paragraph(style_id, text);
            return;
        }
        // Bookmark ids and names are numbered per document, like paragraphs.
        let id = self.toc.len() + 1;
        let bookmark = format!("_Toc{id:08}");
        let paragraph = self
            .styled(style_id)
            .add_bookmark_start(id, bookmark.as_str())
            .add_run(Run::new().add_text(inline::clean(text)))
            .add_bookmark_end(id);
        self.push(paragraph);
        self.toc.push(TocEntry {
            level,
            text: inline::clean(text),
            bookmark,
        });
    }

    fn headline(&mut self, interview: &Interview) {
        let meta = &interview.meta;
        if let Some(kicker) = &meta.kicker {
            self.text_paragraph(style::KICKER, kicker);
        }
        match self.placement {
            Placement::Alone => {
                if let Some(title) = &meta.title {
                    self.text_paragraph(style::TITLE, title);
                }
            }
            Placement::InBook => {
                // The contents need a heading even for an untitled interview.
                let mut title = header_title(interview);
                if title.trim().is_empty() {
                    let number = self.toc.iter().filter(|e| e.level == 1).count() + 1;
                    title = format!("Interview {number}");
                }
                self.heading(style::HEADING_1, 1, &title);
            }
        }
        self.subtitle_byline_dates(meta);
        self.participants(interview);
    }

    /// Who is speaking: the term, then each participant's name with the
    /// label the turns print (unless they print full names) and the role.
    fn participants(&mut self, interview: &Interview) {
        let participants = interview.participants();
        if participants.is_empty() {
            return;
        }
        let terms = interview.terms();
        let mut paragraph = self
            .styled(style::PARTICIPANTS)
            .add_run(inline::styled(
                terms.participants,
                style::PARTICIPANTS_LABEL,
            ))
            .add_run(Run::new().add_text("\u{A0}\u{A0} "));
        for (n, mut participant) in participants.into_iter().enumerate() {
            if n > 0 {
                paragraph = paragraph.add_run(Run::new().add_text("\u{A0}\u{B7} "));
            }
            if self.options.common.style.label_text == LabelText::FullName {
                participant.label = None;
            }
            paragraph = paragraph
                .add_run(inline::styled(&participant.name, style::PARTICIPANT_NAME))
                .add_run(Run::new().add_text(inline::clean(&participant.details(terms))));
        }
        self.push(paragraph);
    }

    /// What follows a title: subtitle, byline (authors, else interviewers)
    /// and the dates line.
    pub fn subtitle_byline_dates(&mut self, meta: &Meta) {
        if let Some(subtitle) = &meta.subtitle {
            self.text_paragraph(style::SUBTITLE, subtitle);
        }
        let bylines = meta.bylines(&folio_core::Language::of(&meta.language));
        if !bylines.is_empty() {
            self.text_paragraph(style::BYLINE, &bylines.join(" · "));
        }
        let dates = dates_line(meta);
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
        let language = folio_core::Language::of(&interview.meta.language);
        for (index, turn) in interview.turns.iter().enumerate() {
            self.sections(interview, |first| first == index);
            self.turn(interview, &language, turn);
        }
        // Headings placed after the last turn still belong to the text.
        let count = interview.turns.len();
        self.sections(interview, |first| first >= count);
    }

    fn sections(&mut self, interview: &Interview, stands_before: impl Fn(usize) -> bool) {
        let top = interview
            .sections
            .iter()
            .map(|s| s.level)
            .min()
            .unwrap_or(1);
        for section in interview
            .sections
            .iter()
            .filter(|s| stands_before(s.first_turn))
        {
            // In a book the interview's title is the level-1 heading and
            // its top sections (whatever level the source gave them) level 2.
            let level = match self.placement {
                Placement::Alone => usize::from(section.level.clamp(1, 2)),
                Placement::InBook => usize::from((section.level - top).clamp(0, 1)) + 2,
            };
            let style_id = match level {
                1 => style::HEADING_1,
                2 => style::HEADING_2,
                _ => style::HEADING_3,
            };
            self.heading(style_id, level, &section.heading);
            self.blocks(&section.content, Styles::same(style::BODY_TEXT), None);
        }
    }

    fn turn(&mut self, interview: &Interview, language: &folio_core::Language, turn: &Turn) {
        let label = interview
            .speaker(&turn.speaker)
            .map_or(turn.speaker.as_str(), |speaker| {
                match self.options.common.style.label_text {
                    LabelText::Label => speaker.label.as_str(),
                    LabelText::FullName => speaker.display_name(),
                }
            });
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
        let separator = language.label_separator(label);
        let label = format!("{label}{separator}");
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
                    let after_table = index > 0 && matches!(blocks[index - 1], Block::Table { .. });
                    self.paragraph(style_id, label.take(), content);
                    // A table has no space below it of its own: the text
                    // that goes on after it keeps it off the bottom rule.
                    if after_table
                        && let Some(BodyChild::Paragraph(paragraph)) = self.children.last_mut()
                    {
                        **paragraph = std::mem::take(&mut **paragraph)
                            .line_spacing(docx_rs::LineSpacing::new().before(TABLE_SPACE_AFTER));
                    }
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
        self.push(paragraph);
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
        self.push(paragraph);
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
            Block::Table {
                header,
                rows,
                align,
            } => self.table(header, rows, align),
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
                                self.push(paragraph);
                            }
                            Block::List { .. } => self.block(inner, list_style, depth + 1),
                            other => self.block(other, list_style, depth),
                        }
                    }
                }
            }
        }
    }

    /// A Word table in the Interview Table style: the header a repeating
    /// header row in Table Heading paragraphs, the rows in Table Text, short
    /// rows padded with empty cells; no row breaks across a page. Columns
    /// are as wide as their longest line, within the text column.
    fn table(&mut self, header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>], align: &[Alignment]) {
        let columns = column_count(header, rows);
        if columns == 0 {
            return;
        }
        let natural: Vec<f32> = (0..columns)
            .map(|column| {
                let longest = header
                    .get(column)
                    .into_iter()
                    .chain(rows.iter().filter_map(|row| row.get(column)))
                    .flat_map(|cell| {
                        plain_text(cell)
                            .split('\n')
                            .map(|line| line.chars().count())
                            .collect::<Vec<_>>()
                    })
                    .max()
                    .unwrap_or(0);
                (longest.max(2) as f32) * TABLE_CHAR_WIDTH + 2.0 * TABLE_CELL_MARGIN
            })
            .collect();
        let grid: Vec<usize> = fit_columns(&natural, self.page.text_width() as f32)
            .into_iter()
            .map(|w| w.floor() as usize)
            .collect();
        let mut table_rows = Vec::with_capacity(rows.len() + 1);
        if !header.is_empty() {
            table_rows.push(self.table_row(header, &grid, align, style::TABLE_HEADING));
        }
        for row in rows {
            table_rows.push(self.table_row(row, &grid, align, style::TABLE_TEXT));
        }
        let width = grid.iter().sum();
        let table = Table::without_borders(table_rows)
            .style(style::INTERVIEW_TABLE)
            .set_grid(grid)
            .width(width, WidthType::Dxa);
        // Word joins two tables with nothing between them into one.
        if matches!(self.children.last(), Some(BodyChild::Table(_))) {
            let spacer = self.styled(style::TABLE_TEXT);
            self.push(spacer);
        }
        self.children.push(BodyChild::Table(Box::new(table)));
    }

    fn table_row(
        &mut self,
        cells: &[Vec<Inline>],
        grid: &[usize],
        align: &[Alignment],
        style_id: &str,
    ) -> TableRow {
        let cells = grid
            .iter()
            .enumerate()
            .map(|(column, &width)| {
                let mut paragraph = self.styled(style_id);
                paragraph = match Alignment::of(align, column) {
                    Alignment::Default => paragraph,
                    Alignment::Left => paragraph.align(AlignmentType::Left),
                    Alignment::Center => paragraph.align(AlignmentType::Center),
                    Alignment::Right => paragraph.align(AlignmentType::Right),
                };
                let content = cells.get(column).map(Vec::as_slice).unwrap_or_default();
                let paragraph = inline::append(paragraph, content, &mut self.links);
                TableCell::new()
                    .width(width, WidthType::Dxa)
                    .add_paragraph(paragraph)
            })
            .collect();
        TableRow::new(cells).cant_split()
    }

    fn figure(&mut self, figure: &Figure) {
        let mut pictured = false;
        if let Some(src) = &figure.src {
            match images::load(src, self.options) {
                Ok(image) => {
                    let id = format!("rIdImage{}", self.figure_alts.len() + 1);
                    if image.extension == "jpeg" {
                        self.jpeg_media.push(id.clone());
                    }
                    let (max_width, text_height) = self.page.text_box_emu();
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
                    self.push(paragraph);
                    pictured = true;
                }
                Err(warning) => self.warnings.push(warning),
            }
        }
        // Without its picture, the description stands where it would be.
        if !pictured && let Some(text) = figure.placeholder() {
            let paragraph = self
                .styled(style::FIGURE_PLACEHOLDER)
                .add_run(Run::new().add_text(inline::clean(&text)));
            self.push(paragraph);
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
        self.push(caption);
    }
}
