//! Markdown through a real CommonMark parser (pulldown-cmark) into raw blocks.
//!
//! HTML comments are dropped (translated pages keep the original there), hard
//! wrapped lines stay soft breaks until normalisation joins them, images
//! become figures and the caption printed under an image joins its figure.
//! GFM tables become tables, their cells' inlines kept.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::assemble::{RawBlock, RawKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{Alignment, Figure, Inline, plain_text};
use crate::read::caption;
use crate::read::html_block::HtmlPart;
use crate::read::markup::{self, InlineTag};
use crate::source::LineIndex;

/// A block container being filled.
enum Container {
    Root,
    Quote {
        line: usize,
    },
    List {
        line: usize,
        ordered: bool,
        items: Vec<Vec<RawBlock>>,
    },
    Item,
}

/// An inline container being filled.
enum InlineFrame {
    Paragraph {
        line: usize,
        implicit: bool,
    },
    Heading {
        line: usize,
        level: u8,
    },
    /// `html`: opened by an HTML tag (`<em>`), closed by its end tag.
    Emphasis {
        html: bool,
    },
    Strong {
        html: bool,
    },
    Strikethrough {
        html: bool,
    },
    /// `<sup>` and `<sub>`, which only HTML tags open.
    Superscript,
    Subscript,
    Link {
        url: String,
    },
    Image {
        url: String,
        title: String,
    },
    /// A table cell: its inlines are the cell's content.
    Cell,
}

/// A table being read.
struct TableDraft {
    line: usize,
    align: Vec<Alignment>,
    header: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    /// The cells of the row being read.
    row: Vec<Vec<Inline>>,
    /// Images met in the cells: figures after the table.
    figures: Vec<Figure>,
}

/// Quotes, lists and items nested deeper than this are read as the level
/// above: every later step walks the blocks recursively, and thousands of
/// levels (no real interview has ten) would overflow the stack.
pub const MAX_NESTING: usize = 40;

struct Builder {
    /// Quotes, lists and items open beyond [`MAX_NESTING`], not pushed.
    flattened: usize,
    /// Where the first of them opened, for the warning.
    flattened_at: Option<usize>,
    index: LineIndex,
    containers: Vec<(Container, Vec<RawBlock>)>,
    inlines: Vec<(InlineFrame, Vec<Inline>)>,
    /// Images met in the current paragraph.
    images: Vec<Figure>,
    code: Option<(usize, String)>,
    html_block: Option<(usize, String)>,
    table: Option<TableDraft>,
    inline_comment_open: bool,
    last_end_line: usize,
    warnings: Vec<Diagnostic>,
}

/// Parses Markdown `text` (front matter already blanked out, so lines match the file).
pub fn read_blocks(text: &str) -> (Vec<RawBlock>, Vec<Diagnostic>) {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    // `## Heading {#anchor}`: the attributes are markup, not heading text.
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    // Never-closed comments and raw blocks would hide the rest of the text.
    let (text, defused) = markup::defuse_unclosed(text);
    let text = text.as_ref();
    let mut builder = Builder {
        flattened: 0,
        flattened_at: None,
        index: LineIndex::new(text),
        containers: vec![(Container::Root, Vec::new())],
        inlines: Vec::new(),
        images: Vec::new(),
        code: None,
        html_block: None,
        table: None,
        inline_comment_open: false,
        last_end_line: 0,
        warnings: defused,
    };
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let line = builder.index.line_of(range.start);
        let end_line = builder
            .index
            .line_of(range.end.saturating_sub(1).max(range.start));
        builder.event(event, line, end_line);
    }
    builder.close_implicit_paragraph();
    if let Some(line) = builder.flattened_at {
        builder.warnings.push(Diagnostic::new(
            DiagnosticKind::LostFormatting,
            Some(line),
            format!(
                "quotes and lists are nested more than {MAX_NESTING} levels deep here; the deeper levels are read as level {MAX_NESTING}, every word kept"
            ),
        ));
    }
    let mut blocks = builder
        .containers
        .pop()
        .map(|(_, blocks)| blocks)
        .unwrap_or_default();
    attach_captions(&mut blocks);
    implicit_captions(&mut blocks);
    (blocks, builder.warnings)
}

impl Builder {
    fn event(&mut self, event: Event<'_>, line: usize, end_line: usize) {
        if let Some((_, code)) = self.code.as_mut()
            && let Event::Text(text) = &event
        {
            code.push_str(text);
            return;
        }
        if let Some((_, html)) = self.html_block.as_mut()
            && let Event::Html(text) = &event
        {
            html.push_str(text);
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag, end_line),
            Event::Text(text) => self.push_inline(line, Inline::text(text.to_string())),
            Event::Code(text) => self.push_inline(
                line,
                Inline::Code {
                    text: text.to_string(),
                },
            ),
            Event::SoftBreak => self.push_inline(line, Inline::text("\n")),
            Event::HardBreak => self.push_inline(line, Inline::LineBreak),
            Event::Rule => {
                self.close_implicit_paragraph();
                self.push_block(line, end_line, RawKind::Rule);
            }
            Event::InlineHtml(html) | Event::Html(html) => self.inline_html(&html, line),
            Event::TaskListMarker(done) => {
                self.push_inline(line, Inline::text(if done { "☑ " } else { "☐ " }))
            }
            Event::FootnoteReference(name) => {
                self.push_inline(line, Inline::text(format!("[{name}]")))
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_inline(
                line,
                Inline::Code {
                    text: text.to_string(),
                },
            ),
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Paragraph => {
                self.close_implicit_paragraph();
                self.inlines.push((
                    InlineFrame::Paragraph {
                        line,
                        implicit: false,
                    },
                    Vec::new(),
                ));
            }
            Tag::Heading { level, .. } => {
                self.close_implicit_paragraph();
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                self.inlines
                    .push((InlineFrame::Heading { line, level }, Vec::new()));
            }
            Tag::BlockQuote(_) | Tag::List(_) | Tag::Item if self.too_deep(&tag) => {
                self.close_implicit_paragraph();
                self.flattened += 1;
                self.flattened_at.get_or_insert(line);
            }
            Tag::BlockQuote(_) => {
                self.close_implicit_paragraph();
                self.containers
                    .push((Container::Quote { line }, Vec::new()));
            }
            Tag::List(start) => {
                self.close_implicit_paragraph();
                self.containers.push((
                    Container::List {
                        line,
                        ordered: start.is_some(),
                        items: Vec::new(),
                    },
                    Vec::new(),
                ));
            }
            Tag::Item => {
                self.close_implicit_paragraph();
                self.containers.push((Container::Item, Vec::new()));
            }
            Tag::CodeBlock(kind) => {
                self.close_implicit_paragraph();
                let line = match kind {
                    CodeBlockKind::Fenced(_) => line + 1,
                    CodeBlockKind::Indented => line,
                };
                self.code = Some((line, String::new()));
            }
            Tag::HtmlBlock => {
                self.close_implicit_paragraph();
                self.html_block = Some((line, String::new()));
            }
            Tag::Emphasis => self.open_inline(line, InlineFrame::Emphasis { html: false }),
            Tag::Strong => self.open_inline(line, InlineFrame::Strong { html: false }),
            Tag::Strikethrough => {
                self.open_inline(line, InlineFrame::Strikethrough { html: false })
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                // `<ben@example.com>` is a mail link; the parser gives the
                // bare address, which no writer could link.
                let url = if link_type == LinkType::Email
                    && !dest_url.to_ascii_lowercase().starts_with("mailto:")
                {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                self.open_inline(line, InlineFrame::Link { url })
            }
            Tag::Image {
                dest_url, title, ..
            } => self.open_inline(
                line,
                InlineFrame::Image {
                    url: dest_url.to_string(),
                    title: title.to_string(),
                },
            ),
            Tag::Table(align) => {
                self.close_implicit_paragraph();
                self.table = Some(TableDraft {
                    line,
                    align: align
                        .iter()
                        .map(|a| match a {
                            pulldown_cmark::Alignment::None => Alignment::Default,
                            pulldown_cmark::Alignment::Left => Alignment::Left,
                            pulldown_cmark::Alignment::Center => Alignment::Center,
                            pulldown_cmark::Alignment::Right => Alignment::Right,
                        })
                        .collect(),
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                    figures: Vec::new(),
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = self.table.as_mut() {
                    table.row.clear();
                }
            }
            Tag::TableCell => self.inlines.push((InlineFrame::Cell, Vec::new())),
            // Footnote definitions and the like: their text is kept through
            // the inline and paragraph events they contain.
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, end_line: usize) {
        if self.flattened > 0
            && matches!(tag, TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item)
        {
            // The end of a level that was read as the one above.
            self.close_implicit_paragraph();
            self.flattened -= 1;
            return;
        }
        match tag {
            TagEnd::Paragraph => {
                self.close_open_frames();
                self.close_paragraph(end_line)
            }
            TagEnd::Heading(_) => {
                self.close_open_frames();
                if let Some((InlineFrame::Heading { line, level }, inlines)) = self.inlines.pop() {
                    let text = crate::normalise::clean_line(&plain_text(&inlines));
                    if !text.is_empty() {
                        self.push_block(line, end_line, RawKind::Heading { level, text });
                    }
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_implicit_paragraph();
                if let Some((Container::Quote { line }, blocks)) = self.containers.pop() {
                    self.push_block(line, end_line, RawKind::Quote(blocks));
                }
            }
            TagEnd::List(_) => {
                self.close_implicit_paragraph();
                if let Some((
                    Container::List {
                        line,
                        ordered,
                        items,
                    },
                    _,
                )) = self.containers.pop()
                {
                    self.push_block(line, end_line, RawKind::List { ordered, items });
                }
            }
            TagEnd::Item => {
                self.close_implicit_paragraph();
                if let Some((Container::Item, mut blocks)) = self.containers.pop() {
                    attach_captions(&mut blocks);
                    if let Some((Container::List { items, .. }, _)) = self.containers.last_mut() {
                        items.push(blocks);
                    }
                }
            }
            TagEnd::CodeBlock => {
                if let Some((line, code)) = self.code.take() {
                    self.push_block(line, end_line, RawKind::Code(code.trim_end().to_string()));
                }
            }
            TagEnd::HtmlBlock => {
                if let Some((line, html)) = self.html_block.take() {
                    self.html_block_text(&html, line, end_line);
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.close_inline()
            }
            TagEnd::Image => self.close_image(),
            TagEnd::TableCell => self.close_cell(),
            TagEnd::TableHead => {
                if let Some(table) = self.table.as_mut() {
                    table.header = std::mem::take(&mut table.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = self.table.as_mut() {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let kind = RawKind::Table {
                        header: table.header,
                        rows: table.rows,
                        align: table.align,
                    };
                    self.push_block(table.line, end_line, kind);
                    for figure in table.figures {
                        self.push_block(table.line, end_line, RawKind::Figure(figure));
                    }
                }
            }
            _ => {}
        }
    }

    /// Ends a table cell: frames an HTML tag left open are closed, and the
    /// cell's inlines join the row (its images follow the table).
    /// Whether a quote, list or item opening now is beyond [`MAX_NESTING`]:
    /// inside a level already flattened, or a new level past the limit (an
    /// item always goes with its list).
    fn too_deep(&self, tag: &Tag<'_>) -> bool {
        self.flattened > 0 || (!matches!(tag, Tag::Item) && self.containers.len() > MAX_NESTING)
    }

    fn close_cell(&mut self) {
        loop {
            match self.inlines.last() {
                None | Some((InlineFrame::Cell, _)) => break,
                Some(_) => {
                    let depth = self.inlines.len();
                    self.close_inline();
                    if self.inlines.len() == depth {
                        self.inlines.pop();
                    }
                }
            }
        }
        let content = match self.inlines.pop() {
            Some((InlineFrame::Cell, content)) => content,
            _ => Vec::new(),
        };
        let images = std::mem::take(&mut self.images);
        if let Some(table) = self.table.as_mut() {
            table.row.push(content);
            table.figures.extend(images);
        }
    }

    fn open_inline(&mut self, line: usize, frame: InlineFrame) {
        self.ensure_paragraph(line);
        self.inlines.push((frame, Vec::new()));
    }

    fn close_inline(&mut self) {
        let Some((frame, content)) = self.inlines.pop() else {
            return;
        };
        let inline = match frame {
            InlineFrame::Emphasis { .. } => Inline::Emphasis { content },
            InlineFrame::Strong { .. } => Inline::Strong { content },
            InlineFrame::Link { url } => Inline::Link { url, content },
            InlineFrame::Strikethrough { .. } => Inline::Strikeout { content },
            InlineFrame::Superscript => Inline::Superscript { content },
            InlineFrame::Subscript => Inline::Subscript { content },
            other => {
                self.inlines.push((other, content));
                return;
            }
        };
        self.push_raw(inline);
    }

    fn close_image(&mut self) {
        if let Some((InlineFrame::Image { url, title }, alt)) = self.inlines.pop() {
            let alt = crate::normalise::clean_line(&plain_text(&alt));
            self.images.push(Figure {
                src: Some(url).filter(|u| !u.is_empty()),
                alt: Some(alt).filter(|a| !a.is_empty()),
                caption: Some(crate::normalise::clean_line(&title)).filter(|t| !t.is_empty()),
                credit: None,
            });
        }
    }

    /// Tight list items carry text without a paragraph: open one for it.
    fn ensure_paragraph(&mut self, line: usize) {
        if self.inlines.is_empty() {
            self.inlines.push((
                InlineFrame::Paragraph {
                    line,
                    implicit: true,
                },
                Vec::new(),
            ));
        }
    }

    fn close_implicit_paragraph(&mut self) {
        if matches!(
            self.inlines.first(),
            Some((InlineFrame::Paragraph { implicit: true, .. }, _))
        ) {
            while self.inlines.len() > 1 {
                self.close_inline();
            }
            let line = match self.inlines.first() {
                Some((InlineFrame::Paragraph { line, .. }, _)) => *line,
                _ => 0,
            };
            self.close_paragraph(line);
        }
    }

    fn push_inline(&mut self, line: usize, inline: Inline) {
        if self.inline_comment_open {
            return;
        }
        self.ensure_paragraph(line);
        self.push_raw(inline);
    }

    fn push_raw(&mut self, inline: Inline) {
        let Some((_, content)) = self.inlines.last_mut() else {
            return;
        };
        // The parser splits text at brackets and entities: keep one text run,
        // so a label or timestamp is seen whole.
        if let (Inline::Text { text }, Some(Inline::Text { text: last })) =
            (&inline, content.last_mut())
        {
            last.push_str(text);
        } else {
            content.push(inline);
        }
    }

    fn close_paragraph(&mut self, end_line: usize) {
        let Some((InlineFrame::Paragraph { line, .. }, inlines)) = self.inlines.pop() else {
            return;
        };
        let images = std::mem::take(&mut self.images);
        let text = plain_text(&inlines);
        if images.is_empty() {
            if !text.trim().is_empty() {
                self.push_block(line, end_line, RawKind::Paragraph(inlines));
            }
            return;
        }
        // An image alone, or an image with its caption in the same paragraph.
        let only_image = text.trim().is_empty();
        let single_with_caption = images.len() == 1 && caption_like(&inlines);
        if only_image || single_with_caption {
            for mut figure in images {
                if !only_image {
                    let parsed = caption::split_caption(&text);
                    figure.caption = parsed.caption.or(figure.caption);
                    figure.credit = parsed.credit;
                }
                self.push_block(line, end_line, RawKind::Figure(figure));
            }
        } else {
            self.push_block(line, end_line, RawKind::Paragraph(inlines));
            for figure in images {
                self.push_block(line, end_line, RawKind::Figure(figure));
            }
        }
    }

    fn push_block(&mut self, line: usize, end_line: usize, kind: RawKind) {
        let gap_before = line.saturating_sub(self.last_end_line + 1);
        self.last_end_line = end_line.max(line);
        if let Some((_, blocks)) = self.containers.last_mut() {
            blocks.push(RawBlock {
                line,
                gap_before,
                kind,
            });
        }
    }

    fn inline_html(&mut self, html: &str, line: usize) {
        let trimmed = html.trim();
        if self.inline_comment_open {
            if trimmed.contains("-->") {
                self.inline_comment_open = false;
            }
            return;
        }
        // A comment over several lines arrives in pieces; it is closed
        // later (never-closed ones were made text before parsing).
        if trimmed.starts_with("<!--") && !trimmed.contains("-->") {
            self.inline_comment_open = true;
            return;
        }
        match markup::classify(html) {
            InlineTag::Comment => {}
            InlineTag::LineBreak => self.push_inline(line, Inline::LineBreak),
            InlineTag::Open(name) => match name.as_str() {
                "b" | "strong" => self.open_inline(line, InlineFrame::Strong { html: true }),
                "i" | "em" => self.open_inline(line, InlineFrame::Emphasis { html: true }),
                "del" | "s" | "strike" => {
                    self.open_inline(line, InlineFrame::Strikethrough { html: true })
                }
                "sup" => self.open_inline(line, InlineFrame::Superscript),
                "sub" => self.open_inline(line, InlineFrame::Subscript),
                // Other elements carry no text of their own; their content
                // arrives as text events.
                _ => {}
            },
            InlineTag::Close(name) => {
                let open = matches!(
                    (name.as_str(), self.inlines.last()),
                    (
                        "b" | "strong",
                        Some((InlineFrame::Strong { html: true }, _))
                    ) | ("i" | "em", Some((InlineFrame::Emphasis { html: true }, _)))
                        | (
                            "del" | "s" | "strike",
                            Some((InlineFrame::Strikethrough { html: true }, _))
                        )
                        | ("sup", Some((InlineFrame::Superscript, _)))
                        | ("sub", Some((InlineFrame::Subscript, _)))
                );
                if open {
                    self.close_inline();
                }
            }
            // `git checkout <branch>`, `<Enter>`: angle-bracket text.
            InlineTag::Text => self.push_inline(line, Inline::text(html)),
        }
    }

    /// Closes inline frames an HTML tag opened and never closed, so the
    /// paragraph or heading they sit in keeps their text.
    fn close_open_frames(&mut self) {
        while self.inlines.len() > 1
            && !matches!(
                self.inlines.last(),
                Some((
                    InlineFrame::Paragraph { .. } | InlineFrame::Heading { .. },
                    _
                ))
            )
        {
            self.close_inline();
        }
    }

    fn html_block_text(&mut self, html: &str, line: usize, end_line: usize) {
        let parts = crate::read::html_block::read(html);
        let mut dropped_markup = false;
        for part in parts {
            match part {
                HtmlPart::Figure(figure) => {
                    self.push_block(line, end_line, RawKind::Figure(figure));
                }
                HtmlPart::Paragraph(inlines) => {
                    dropped_markup = true;
                    self.push_block(line, end_line, RawKind::Paragraph(inlines));
                }
                HtmlPart::Caption(inlines) => {
                    self.push_block(line, end_line, RawKind::Paragraph(inlines));
                }
                HtmlPart::Table {
                    header,
                    rows,
                    align,
                } => {
                    let kind = RawKind::Table {
                        header,
                        rows,
                        align,
                    };
                    self.push_block(line, end_line, kind);
                }
            }
        }
        if dropped_markup {
            self.warnings.push(Diagnostic::new(
                DiagnosticKind::LostFormatting,
                Some(line),
                "raw HTML block: read as text (bold, italics and links kept, other markup dropped)",
            ));
        }
    }
}

/// A paragraph that reads as a caption: wholly italic, or carrying a credit.
fn caption_like(inlines: &[Inline]) -> bool {
    let meaningful: Vec<&Inline> = inlines
        .iter()
        .filter(|i| {
            !matches!(i, Inline::Text { text } if text.trim().is_empty())
                && !matches!(i, Inline::LineBreak)
        })
        .collect();
    let italic = !meaningful.is_empty()
        && meaningful
            .iter()
            .all(|i| matches!(i, Inline::Emphasis { .. }));
    italic || caption::is_caption_line(&plain_text(inlines))
}

/// An image that stands alone with no caption printed under it: its
/// description is the only text it has, and the reader sees it as the
/// caption (as pandoc's implicit figures do). Writers give a figure without
/// alt text its caption as the description, so nothing is said twice.
pub(super) fn implicit_captions(blocks: &mut [RawBlock]) {
    for block in blocks {
        match &mut block.kind {
            RawKind::Figure(figure) if figure.caption.is_none() && figure.credit.is_none() => {
                figure.caption = figure.alt.take();
            }
            RawKind::Quote(inner) => implicit_captions(inner),
            RawKind::List { items, .. } => items.iter_mut().for_each(|i| implicit_captions(i)),
            _ => {}
        }
    }
}

/// Joins a caption paragraph printed right under an image to its figure.
pub(super) fn attach_captions(blocks: &mut Vec<RawBlock>) {
    let mut i = 0;
    while i + 1 < blocks.len() {
        let caption = match (&blocks[i].kind, &blocks[i + 1].kind) {
            (RawKind::Figure(figure), RawKind::Paragraph(inlines))
                if figure.credit.is_none() && caption_like(inlines) =>
            {
                Some(caption::split_caption(&plain_text(inlines)))
            }
            _ => None,
        };
        if let Some(parsed) = caption {
            if let RawKind::Figure(figure) = &mut blocks[i].kind {
                figure.caption = parsed.caption.or(figure.caption.take());
                figure.credit = parsed.credit;
            }
            blocks.remove(i + 1);
        }
        if let RawKind::Quote(inner) = &mut blocks[i].kind {
            attach_captions(inner);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<RawKind> {
        read_blocks(text).0.into_iter().map(|b| b.kind).collect()
    }

    #[test]
    fn mail_autolinks_are_mail_links() {
        let kinds = kinds("Write to <ben@example.com> or <https://a.example/>.");
        let links: Vec<String> = match &kinds[..] {
            [RawKind::Paragraph(inlines)] => inlines
                .iter()
                .filter_map(|i| match i {
                    Inline::Link { url, .. } => Some(url.clone()),
                    _ => None,
                })
                .collect(),
            other => panic!("{other:?}"),
        };
        assert_eq!(links, ["mailto:ben@example.com", "https://a.example/"]);
    }

    #[test]
    fn comments_are_not_content() {
        let blocks = kinds(
            "<!-- original: Olá -->\nHello <!-- hidden --> world\n\n<!--\nQ: hidden\n-->\n\nEnd",
        );
        let texts: Vec<String> = blocks
            .iter()
            .filter_map(|k| match k {
                RawKind::Paragraph(i) => Some(plain_text(i)),
                _ => None,
            })
            .collect();
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("hidden") && !t.contains("Olá")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.contains("Hello") && t.contains("world"))
        );
        assert!(texts.iter().any(|t| t == "End"));
    }

    #[test]
    fn image_then_italic_caption_is_one_figure() {
        let blocks = kinds(
            "![Dana at the mill](mill.jpg)\n\n*Dana Park at the mill. Photo: Jane Roe*\n\nNext.",
        );
        assert_eq!(blocks.len(), 2);
        match &blocks[0] {
            RawKind::Figure(f) => {
                assert_eq!(f.src.as_deref(), Some("mill.jpg"));
                assert_eq!(f.alt.as_deref(), Some("Dana at the mill"));
                assert_eq!(f.caption.as_deref(), Some("Dana Park at the mill."));
                assert_eq!(f.credit.as_deref(), Some("Jane Roe"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn gaps_and_lines_are_tracked() {
        let blocks = read_blocks("a\n\n\nb\nc\n").0;
        assert_eq!((blocks[0].line, blocks[0].gap_before), (1, 0));
        assert_eq!((blocks[1].line, blocks[1].gap_before), (4, 2));
    }
}
