//! Raw HTML blocks inside Markdown, read with a real HTML5 parser
//! (html5ever through scraper): `<figure>` with its `<img>` and
//! `<figcaption>` becomes a figure, a lone `<img>` a figure, and the text of
//! any other element paragraphs. Comments, scripts, styles and template
//! directives (`{% include … %}`, `{{ page.x }}`) are not content.

use scraper::{ElementRef, Html, Node};

use crate::model::{Figure, Inline};
use crate::normalise::clean_line;
use crate::read::caption;

/// What an HTML block holds, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum HtmlPart {
    Figure(Figure),
    Paragraph(Vec<Inline>),
}

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

    fn wrapped(&mut self, element: ElementRef<'_>, make: impl FnOnce(Vec<Inline>) -> Inline) {
        let outer = std::mem::take(&mut self.text);
        self.children(element);
        let content = std::mem::replace(&mut self.text, outer);
        if !content.is_empty() {
            self.text.push(make(content));
        }
    }
}

/// An `<img>`, unless its source is a template placeholder.
fn image(element: ElementRef<'_>) -> Option<Figure> {
    let src = element.value().attr("src").map(str::trim).unwrap_or("");
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
fn figure(element: ElementRef<'_>) -> Option<Figure> {
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
