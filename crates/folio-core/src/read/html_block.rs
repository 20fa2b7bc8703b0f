//! Raw HTML blocks inside Markdown, read with a real HTML5 parser
//! (html5ever through scraper): `<figure>` with its `<img>` and
//! `<figcaption>` becomes a figure, a lone `<img>` a figure, a `<table>` a
//! table (its header from `<thead>` or a first row of `<th>`), and the text
//! of any other element paragraphs. Comments, scripts, styles and template
//! directives (`{% include … %}`, `{{ page.x }}`) are not content.

use scraper::{ElementRef, Html, Node};

use crate::model::{Alignment, Figure, Inline};
use crate::normalise::clean_line;
use crate::read::caption;

/// What an HTML block holds, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum HtmlPart {
    Figure(Figure),
    Paragraph(Vec<Inline>),
    /// A table's `<caption>`, printed before it.
    Caption(Vec<Inline>),
    /// A `<table>`: its cells' inlines, as [`crate::model::Block::Table`] has them.
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        align: Vec<Alignment>,
    },
}

/// The most columns one cell's `colspan` may cover.
const MAX_SPAN: usize = 16;

/// Elements whose content is never text to print.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "svg", "object",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "hr",
    "center",
    "details",
    "summary",
];

/// A `<table>` element: its caption, the table, then the figures its cells held.
pub(crate) fn table(element: ElementRef<'_>) -> Vec<HtmlPart> {
    let mut reader = Reader::default();
    reader.table(element);
    reader.parts
}

/// Reads one raw HTML block.
pub fn read(html: &str) -> Vec<HtmlPart> {
    let fragment = Html::parse_fragment(html);
    let mut reader = Reader::default();
    reader.children(fragment.root_element());
    reader.flush();
    reader.parts
}

#[derive(Default)]
struct Reader {
    parts: Vec<HtmlPart>,
    text: Vec<Inline>,
    /// Reading a table cell: a table inside it is read as text.
    in_cell: bool,
}

impl Reader {
    fn flush(&mut self) {
        let inlines = std::mem::take(&mut self.text);
        let text = crate::model::plain_text(&inlines);
        let meaningful = without_template_directives(&text);
        if !meaningful.trim().is_empty() {
            self.parts.push(HtmlPart::Paragraph(inlines));
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(Inline::Text { text: last }) = self.text.last_mut() {
            last.push_str(text);
        } else {
            self.text.push(Inline::text(text));
        }
    }

    fn children(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.push_text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if HIDDEN.contains(&name) || element.value().attr("hidden").is_some() {
            return;
        }
        match name {
            "figure" => {
                self.flush();
                if let Some(figure) = figure(element) {
                    self.parts.push(HtmlPart::Figure(figure));
                }
            }
            "img" => {
                self.flush();
                if let Some(figure) = image(element) {
                    self.parts.push(HtmlPart::Figure(figure));
                }
            }
            "table" if !self.in_cell => {
                self.flush();
                self.table(element);
            }
            "br" => self.text.push(Inline::LineBreak),
            "strong" | "b" => self.wrapped(element, |content| Inline::Strong { content }),
            "em" | "i" => self.wrapped(element, |content| Inline::Emphasis { content }),
            "del" | "s" | "strike" => {
                self.wrapped(element, |content| Inline::Strikeout { content })
            }
            "sup" => self.wrapped(element, |content| Inline::Superscript { content }),
            "sub" => self.wrapped(element, |content| Inline::Subscript { content }),
            "a" => {
                let url = element.value().attr("href").unwrap_or("").to_string();
                if url.is_empty() {
                    self.children(element);
                } else {
                    self.wrapped(element, |content| Inline::Link { url, content });
                }
            }
            "code" | "kbd" | "samp" => {
                let text: String = element.text().collect();
                self.text.push(Inline::Code { text });
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.children(element);
                self.flush();
            }
            _ => self.children(element),
        }
    }

    /// A `<table>`: its caption as a paragraph, then the table, then the
    /// figures its cells held.
    fn table(&mut self, table: ElementRef<'_>) {
        let mut head = Vec::new();
        let mut body = Vec::new();
        let mut foot = Vec::new();
        for child in table.child_elements() {
            match child.value().name() {
                "caption" => {
                    let mut caption = Reader {
                        in_cell: true,
                        ..Reader::default()
                    };
                    caption.children(child);
                    caption.flush();
                    for part in caption.parts {
                        if let HtmlPart::Paragraph(inlines) = part {
                            self.parts.push(HtmlPart::Caption(inlines));
                        }
                    }
                }
                "thead" => head.extend(rows_of(child)),
                "tbody" => body.extend(rows_of(child)),
                "tfoot" => foot.extend(rows_of(child)),
                "tr" => body.push(child),
                _ => {}
            }
        }
        body.extend(foot);
        // Without a `<thead>`, a first row of `<th>` cells is the header.
        if head.is_empty()
            && let Some(first) = body.first()
            && first.child_elements().next().is_some()
            && first.child_elements().all(|c| c.value().name() == "th")
        {
            head.push(body.remove(0));
        }
        let mut figures = Vec::new();
        // Each column's alignment, as the first row's cell sets it.
        let mut alignments: Vec<Option<Alignment>> = Vec::new();
        let mut first_row = true;
        let mut read_row = |row: ElementRef<'_>, in_header: bool| {
            let mut cells = Vec::new();
            for cell in row
                .child_elements()
                .filter(|c| matches!(c.value().name(), "td" | "th"))
            {
                let column = cells.len();
                let span = cell
                    .value()
                    .attr("colspan")
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_SPAN);
                if first_row {
                    alignments.resize(column + 1, None);
                    alignments[column] = cell_alignment(cell);
                }
                let (mut content, found) = cell_content(cell);
                figures.extend(found);
                // A row's header cell (`<th>` in the body) keeps its weight.
                if !in_header && cell.value().name() == "th" && !content.is_empty() {
                    content = vec![Inline::Strong { content }];
                }
                cells.push(content);
                cells.extend(std::iter::repeat_n(Vec::new(), span - 1));
            }
            first_row = false;
            cells
        };
        let header = head
            .first()
            .map(|row| read_row(*row, true))
            .unwrap_or_default();
        // Further header rows are read as the first rows of the body.
        let rows: Vec<Vec<Vec<Inline>>> = head
            .iter()
            .skip(1)
            .chain(&body)
            .map(|row| read_row(*row, false))
            .collect();
        let align: Vec<Alignment> = alignments
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        let has_text = header.iter().chain(rows.iter().flatten()).any(|c| {
            !without_template_directives(&crate::model::plain_text(c))
                .trim()
                .is_empty()
        });
        if has_text {
            self.parts.push(HtmlPart::Table {
                header,
                rows,
                align,
            });
        }
        self.parts.extend(figures.into_iter().map(HtmlPart::Figure));
    }

    fn wrapped(&mut self, element: ElementRef<'_>, make: impl FnOnce(Vec<Inline>) -> Inline) {
        let outer = std::mem::take(&mut self.text);
        self.children(element);
        let content = std::mem::replace(&mut self.text, outer);
        if !content.is_empty() {
            self.text.push(make(content));
        }
    }
}

/// The `<tr>` children of a row group.
fn rows_of(group: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    group
        .child_elements()
        .filter(|row| row.value().name() == "tr")
        .collect()
}

/// A cell's `align` attribute or `text-align` style, when it sets one.
fn cell_alignment(cell: ElementRef<'_>) -> Option<Alignment> {
    let style = cell
        .value()
        .attr("style")
        .unwrap_or("")
        .to_ascii_lowercase();
    let from_style = style.split(';').find_map(|declaration| {
        let (property, value) = declaration.split_once(':')?;
        (property.trim() == "text-align").then(|| value.trim().to_string())
    });
    let value = from_style.or_else(|| cell.value().attr("align").map(str::to_ascii_lowercase))?;
    match value.trim() {
        "left" => Some(Alignment::Left),
        "center" | "centre" => Some(Alignment::Center),
        "right" => Some(Alignment::Right),
        _ => None,
    }
}

/// A cell's inlines (its paragraphs joined by line breaks) and the figures
/// it holds.
fn cell_content(cell: ElementRef<'_>) -> (Vec<Inline>, Vec<Figure>) {
    let mut reader = Reader {
        in_cell: true,
        ..Reader::default()
    };
    reader.children(cell);
    reader.flush();
    let mut content = Vec::new();
    let mut figures = Vec::new();
    for part in reader.parts {
        match part {
            HtmlPart::Paragraph(inlines) => {
                if !content.is_empty() {
                    content.push(Inline::LineBreak);
                }
                content.extend(inlines);
            }
            HtmlPart::Figure(figure) => figures.push(figure),
            HtmlPart::Caption(_) | HtmlPart::Table { .. } => {}
        }
    }
    (content, figures)
}

/// An `<img>`, unless its source is a template placeholder. A page that
/// loads pictures lazily keeps the real source in `data-src` (and the like)
/// or `srcset`, with a placeholder or nothing in `src`.
pub(crate) fn image(element: ElementRef<'_>) -> Option<Figure> {
    let value = element.value();
    let placeholder = |src: &str| src.is_empty() || src.starts_with("data:");
    let from_srcset = |name| {
        value
            .attr(name)
            .and_then(|set| set.split(',').next())
            .and_then(|candidate| candidate.split_whitespace().next())
    };
    let src = [
        value.attr("src"),
        value.attr("data-src"),
        value.attr("data-lazy-src"),
        value.attr("data-original"),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .find(|src| !placeholder(src))
    .or_else(|| from_srcset("srcset"))
    .or_else(|| from_srcset("data-srcset"))
    .or_else(|| value.attr("src").map(str::trim))
    .unwrap_or("");
    if src.is_empty() || is_template(src) {
        return None;
    }
    let alt = element.value().attr("alt").map(clean_line);
    let title = element.value().attr("title").map(clean_line);
    Some(Figure {
        src: Some(src.to_string()),
        alt: alt.filter(|a| !a.is_empty()),
        caption: title.filter(|t| !t.is_empty()),
        credit: None,
    })
}

/// A `<figure>`: its first image and its caption. A caption that is only a
/// credit (`Photo credit: Jane Roe`) is kept as printed.
pub(crate) fn figure(element: ElementRef<'_>) -> Option<Figure> {
    let mut found = element
        .descendent_elements()
        .find(|e| e.value().name() == "img")
        .and_then(image)
        .unwrap_or_default();
    if let Some(caption_element) = element
        .descendent_elements()
        .find(|e| e.value().name() == "figcaption")
    {
        let text = clean_line(&caption_element.text().collect::<String>());
        if !text.is_empty() {
            let parsed = caption::split_caption(&text);
            // `Photo credit: Ann` splits into the caption `Photo`: a credit
            // line alone, kept as printed.
            let real_caption = parsed
                .caption
                .as_deref()
                .is_some_and(|c| c.split_whitespace().count() > 1);
            if real_caption {
                found.caption = parsed.caption;
                found.credit = parsed.credit;
            } else {
                found.caption = Some(text);
            }
        }
    }
    (found.src.is_some() || found.caption.is_some()).then_some(found)
}

fn is_template(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

/// Text with Liquid and Jinja directives (`{% … %}`, `{{ … }}`) removed.
pub fn without_template_directives(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = [("{%", "%}"), ("{{", "}}")]
            .iter()
            .filter_map(|(open, close)| rest.find(open).map(|at| (at, *open, *close)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, open, close)) = next else {
            out.push_str(rest);
            return out;
        };
        match rest[at + open.len()..].find(close) {
            Some(end) => {
                out.push_str(&rest[..at]);
                rest = &rest[at + open.len() + end + close.len()..];
            }
            None => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_with_caption_and_template_block() {
        let parts = read(
            "<figure>\n <img src=\"a.jpg\" alt=\"photo of Paris\" />\n <figcaption>\n Photo credit: <a href=\"https://x\">Ann</a>\n </figcaption>\n</figure>",
        );
        assert_eq!(
            parts,
            [HtmlPart::Figure(Figure {
                src: Some("a.jpg".into()),
                alt: Some("photo of Paris".into()),
                caption: Some("Photo credit: Ann".into()),
                credit: None,
            })]
        );
        let parts = read(
            "<div>\n  <img src=\"/x/{{ page.image }}\" alt=\"\">\n  {% include author.html %}\n</div>",
        );
        assert!(parts.is_empty(), "{parts:?}");
    }

    #[test]
    fn text_keeps_emphasis_and_drops_scripts() {
        let parts = read("<p>Hello <b>bold</b><script>x()</script></p><p>Two</p>");
        assert_eq!(parts.len(), 2);
        assert!(
            matches!(&parts[0], HtmlPart::Paragraph(i) if matches!(i[1], Inline::Strong { .. }))
        );
    }
}
