//! Blocks and inlines of the model as XHTML: paragraphs, lists, quotes,
//! figures, tables, emphasis, links, stage directions and timestamps.

use folio_core::{
    Alignment, Block, Diagnostic, DiagnosticKind, Figure, Inline, LabelText, column_count,
};

use crate::escape;
use crate::images::FigureImages;

/// What rendering content needs besides the content itself.
#[derive(Debug)]
pub struct ContentWriter<'a> {
    pub images: &'a FigureImages,
    pub warnings: &'a mut Vec<Diagnostic>,
    /// Whether turns show the label as printed or the speaker's full name.
    pub label_text: LabelText,
}

impl ContentWriter<'_> {
    pub fn blocks(&mut self, out: &mut String, blocks: &[Block]) {
        for block in blocks {
            self.block(out, block);
        }
    }

    pub fn block(&mut self, out: &mut String, block: &Block) {
        match block {
            Block::Paragraph { content } => {
                out.push_str("<p>");
                self.inlines(out, content);
                out.push_str("</p>\n");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                for item in items {
                    out.push_str("<li>");
                    match item.as_slice() {
                        // A one-paragraph item needs no paragraph of its own.
                        [Block::Paragraph { content }] => self.inlines(out, content),
                        blocks => {
                            out.push('\n');
                            self.blocks(out, blocks);
                        }
                    }
                    out.push_str("</li>\n");
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Quote { content } => {
                out.push_str("<blockquote>\n");
                self.blocks(out, content);
                out.push_str("</blockquote>\n");
            }
            Block::Figure { figure } => self.figure(out, figure),
            Block::Table {
                header,
                rows,
                align,
            } => self.table(out, header, rows, align),
        }
    }

    /// A `<table>`: the header in `<thead>` with column headers, the rows
    /// in `<tbody>`, short rows padded with empty cells; a column's
    /// alignment is a class (`align-right`), as the book has no inline
    /// styles.
    pub fn table(
        &mut self,
        out: &mut String,
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        align: &[Alignment],
    ) {
        let columns = column_count(header, rows);
        if columns == 0 {
            return;
        }
        out.push_str("<table class=\"table\">\n");
        if !header.is_empty() {
            out.push_str("<thead>\n");
            self.table_row(out, header, columns, align, true);
            out.push_str("</thead>\n");
        }
        if !rows.is_empty() {
            out.push_str("<tbody>\n");
            for row in rows {
                self.table_row(out, row, columns, align, false);
            }
            out.push_str("</tbody>\n");
        }
        out.push_str("</table>\n");
    }

    fn table_row(
        &mut self,
        out: &mut String,
        cells: &[Vec<Inline>],
        columns: usize,
        align: &[Alignment],
        header: bool,
    ) {
        out.push_str("<tr>");
        for column in 0..columns {
            let class = match Alignment::of(align, column) {
                Alignment::Default => "",
                Alignment::Left => " class=\"align-left\"",
                Alignment::Center => " class=\"align-center\"",
                Alignment::Right => " class=\"align-right\"",
            };
            if header {
                out.push_str(&format!("<th scope=\"col\"{class}>"));
            } else {
                out.push_str(&format!("<td{class}>"));
            }
            if let Some(cell) = cells.get(column) {
                self.inlines(out, cell);
            }
            out.push_str(if header { "</th>" } else { "</td>" });
        }
        out.push_str("</tr>\n");
    }

    /// A `<figure>` with its image when it could be packed (else its alt
    /// text as `[Image: ALT]` in its place), and a `<figcaption>` holding
    /// caption and credit.
    pub fn figure(&mut self, out: &mut String, figure: &Figure) {
        let image = self.images.get(figure);
        let has_caption = figure.caption.is_some() || figure.credit.is_some();
        // Without its picture, the description is all the reader gets.
        let placeholder = match image {
            Some(_) => None,
            None => figure.placeholder(),
        };
        if image.is_none() && !has_caption && placeholder.is_none() {
            return;
        }
        out.push_str("<figure class=\"figure\">\n");
        if let Some(image) = image {
            // The alt text describes the picture; a caption is the next best.
            let alt = figure
                .alt
                .as_deref()
                .or(figure.caption.as_deref())
                .unwrap_or("");
            out.push_str(&format!(
                "<img src=\"{}\" alt=\"{}\"/>\n",
                escape::attr(&image.href),
                escape::attr(alt)
            ));
        } else if let Some(text) = placeholder {
            out.push_str("<p class=\"figure-placeholder\">");
            escape::push_text(out, &text);
            out.push_str("</p>\n");
        }
        if has_caption {
            out.push_str("<figcaption>");
            if let Some(caption) = &figure.caption {
                escape::push_text(out, caption);
            }
            if let Some(credit) = &figure.credit {
                if figure.caption.is_some() {
                    out.push(' ');
                }
                out.push_str("<span class=\"credit\">");
                escape::push_text(out, credit);
                out.push_str("</span>");
            }
            out.push_str("</figcaption>\n");
        }
        out.push_str("</figure>\n");
    }

    pub fn inlines(&mut self, out: &mut String, inlines: &[Inline]) {
        self.inlines_in(out, inlines, false);
    }

    fn inlines_in(&mut self, out: &mut String, inlines: &[Inline], in_link: bool) {
        for inline in inlines {
            match inline {
                Inline::Text { text } => escape::push_text(out, text),
                Inline::Emphasis { content } => {
                    out.push_str("<em>");
                    self.inlines_in(out, content, in_link);
                    out.push_str("</em>");
                }
                Inline::Strong { content } => {
                    out.push_str("<strong>");
                    self.inlines_in(out, content, in_link);
                    out.push_str("</strong>");
                }
                Inline::Strikeout { content } => {
                    out.push_str("<del>");
                    self.inlines_in(out, content, in_link);
                    out.push_str("</del>");
                }
                Inline::Superscript { content } => {
                    out.push_str("<sup>");
                    self.inlines_in(out, content, in_link);
                    out.push_str("</sup>");
                }
                Inline::Subscript { content } => {
                    out.push_str("<sub>");
                    self.inlines_in(out, content, in_link);
                    out.push_str("</sub>");
                }
                Inline::Link { url, content } => match folio_core::link_target(url) {
                    // Links cannot nest in HTML; an inner link keeps its text.
                    Some(href) if !in_link => {
                        out.push_str(&format!("<a href=\"{}\">", escape::attr(&href)));
                        self.inlines_in(out, content, true);
                        out.push_str("</a>");
                    }
                    _ => {
                        if !in_link {
                            self.warnings.push(Diagnostic::new(
                                DiagnosticKind::LostFormatting,
                                None,
                                format!("link to {url:?} kept as plain text: EPUB books link only to web and mail addresses"),
                            ));
                        }
                        self.inlines_in(out, content, in_link);
                    }
                },
                Inline::StageDirection { text } => span(out, "stage-direction", text),
                Inline::Timestamp { text } => span(out, "timestamp", text),
                Inline::Code { text } => {
                    out.push_str("<code>");
                    escape::push_text(out, text);
                    out.push_str("</code>");
                }
                Inline::LineBreak => out.push_str("<br/>"),
            }
        }
    }
}

fn span(out: &mut String, class: &str, text: &str) {
    out.push_str(&format!("<span class=\"{class}\">"));
    escape::push_text(out, text);
    out.push_str("</span>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(inlines: &[Inline]) -> (String, usize) {
        let images = FigureImages::default();
        let mut warnings = Vec::new();
        let mut out = String::new();
        ContentWriter {
            images: &images,
            warnings: &mut warnings,
            label_text: LabelText::Label,
        }
        .inlines(&mut out, inlines);
        (out, warnings.len())
    }

    #[test]
    fn inlines_get_their_own_elements_and_classes() {
        let (out, _) = render(&[
            Inline::text("A & B "),
            Inline::StageDirection {
                text: "(Laughter.)".into(),
            },
            Inline::Timestamp {
                text: "[04:22]".into(),
            },
            Inline::Emphasis {
                content: vec![Inline::text("<really>")],
            },
            Inline::LineBreak,
        ]);
        assert_eq!(
            out,
            "A &amp; B <span class=\"stage-direction\">(Laughter.)</span>\
             <span class=\"timestamp\">[04:22]</span><em>&lt;really&gt;</em><br/>"
        );
    }

    #[test]
    fn unsafe_and_nested_links_keep_their_text_only() {
        let inner = Inline::Link {
            url: "https://b.example/".into(),
            content: vec![Inline::text("b")],
        };
        let (out, warnings) = render(&[
            Inline::Link {
                url: "https://a.example/x y".into(),
                content: vec![Inline::text("a"), inner],
            },
            Inline::Link {
                url: "../local.html".into(),
                content: vec![Inline::text("local")],
            },
        ]);
        assert_eq!(out, "<a href=\"https://a.example/x%20y\">ab</a>local");
        assert_eq!(warnings, 1);
    }
}
