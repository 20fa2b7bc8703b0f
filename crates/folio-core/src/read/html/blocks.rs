//! The article's elements as the raw blocks the Markdown reader produces,
//! so the one assembler finds labels, turns, roles, sections and figures
//! in a page as in any other input: `<strong>Name:</strong>` is a bold
//! label, `<p><b>Q: …?</b></p>` a bold question, `<h2>` a section.

use std::collections::HashSet;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

use crate::assemble::{RawBlock, RawKind};
use crate::model::{Inline, plain_text};
use crate::normalise::clean_line;
use crate::read::caption;
use crate::read::html::article::Article;
use crate::read::html::links::Resolver;
use crate::read::html::paragraphs::{
    LineFinder, split_at_double_breaks, split_at_labelled_lines, trim_start, unlink_leading_label,
};
use crate::read::html::styles::{self, ClassStyles};
use crate::read::html_block::{self, HtmlPart};
use crate::read::markdown::MAX_NESTING;

/// Elements nested deeper than this are read as their text alone: every
/// word is kept, and a page of ten thousand nested `<div>`s cannot
/// overflow the stack.
const MAX_ELEMENT_DEPTH: usize = 200;

/// Images this small (tracking pixels, icons) are not figures.
const MIN_FIGURE_PIXELS: u32 = 32;

/// Reads the article's blocks; `skip` holds elements already taken as
/// metadata (the standfirst).
pub fn read(
    article: &Article<'_>,
    resolver: &Resolver,
    source: &str,
    skip: &HashSet<NodeId>,
    styles: &ClassStyles,
) -> Vec<RawBlock> {
    let mut walker = Walker {
        article,
        resolver,
        skip,
        styles,
        lines: LineFinder::new(source),
        blocks: Vec::new(),
        text: Vec::new(),
        depth: 0,
        containers: 0,
    };
    if article.root.value().name() == "table" {
        // The article is a table (a transcript in rows): read as one.
        walker.dispatch(article.root);
    } else {
        walker.children(article.root);
    }
    walker.flush();
    walker.blocks
}

struct Walker<'a, 'b> {
    article: &'a Article<'b>,
    resolver: &'a Resolver,
    skip: &'a HashSet<NodeId>,
    styles: &'a ClassStyles,
    lines: LineFinder<'a>,
    /// The blocks of the container being read.
    blocks: Vec<RawBlock>,
    /// The inlines of the paragraph being read.
    text: Vec<Inline>,
    depth: usize,
    /// Lists and quotes open around the current element.
    containers: usize,
}

impl Walker<'_, '_> {
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
        if self.skip.contains(&element.id()) || self.article.is_furniture(element) {
            return;
        }
        if self.depth >= MAX_ELEMENT_DEPTH {
            let text: String = element.text().collect();
            self.push_text(&text);
            return;
        }
        self.depth += 1;
        self.dispatch(element);
        self.depth -= 1;
    }

    fn dispatch(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = name.get(1..).and_then(|n| n.parse().ok()).unwrap_or(2);
                let text = clean_line(&visible_text(self.article, element));
                if !text.is_empty() {
                    let line = self.lines.find(&text);
                    self.push_block(line, RawKind::Heading { level, text });
                }
            }
            "p" | "div" | "figcaption" if has_class_word(element, CAPTION_WORDS) => {
                self.flush();
                self.children(element);
                self.caption_for_figure();
            }
            "p" | "div" | "li" | "section"
                if (has_class_word(element, QUESTION_WORDS)
                    && !has_class_word(element, ANSWER_WORDS))
                    || self.styles.is_bold(element) =>
            {
                // A question the page sets in bold by its style sheet: its
                // paragraphs are bold questions, as `<b>` would make them.
                let mut blocks = self.nested(element);
                for block in &mut blocks {
                    if let RawKind::Paragraph(inlines) = &mut block.kind
                        && !inlines.iter().all(|i| matches!(i, Inline::Strong { .. }))
                    {
                        let content = std::mem::take(inlines);
                        inlines.push(Inline::Strong { content });
                    }
                }
                self.blocks.extend(blocks);
            }
            "p" => {
                self.flush();
                self.children(element);
                self.flush();
            }
            "br" => self.text.push(Inline::LineBreak),
            "hr" => {
                self.flush();
                let line = self.lines.last();
                self.push_block(line, RawKind::Rule);
            }
            "pre" => {
                self.flush();
                let text: String = element.text().collect();
                if !text.trim().is_empty() {
                    let line = self.lines.find(&text);
                    self.push_block(line, RawKind::Code(text.trim_end().to_string()));
                }
            }
            "ul" | "ol" if self.containers < MAX_NESTING => self.list(element, name == "ol"),
            // A quotation holding most of the article is the interview a
            // post quotes in full, read as the article itself.
            "blockquote" if self.article.share_of(element) > QUOTED_ARTICLE_SHARE => {
                self.flush();
                self.children(element);
                self.flush();
            }
            "blockquote" if self.containers < MAX_NESTING => self.quote(element),
            "dl" => self.definitions(element),
            // A `<figure>` without a picture holds a table, a quotation or
            // an embedded post: its content is read, its caption a paragraph.
            "figure"
                if !element
                    .descendent_elements()
                    .any(|e| matches!(e.value().name(), "img" | "amp-img")) =>
            {
                self.flush();
                self.children(element);
                self.flush();
            }
            "figure" | "picture" => {
                self.flush();
                let figure = html_block::figure(element).or_else(|| {
                    element
                        .descendent_elements()
                        .find(|e| matches!(e.value().name(), "img" | "amp-img"))
                        .and_then(html_block::image)
                });
                if let Some(mut figure) = figure {
                    figure.src = figure.src.map(|src| self.resolver.image(&src));
                    let line = self.lines.find(&figure.plain_text());
                    self.push_block(line, RawKind::Figure(figure));
                }
            }
            // An emoji set as a picture (as blogs do) is the character it shows.
            "img" if has_class_word(element, EMOJI_WORDS) => {
                if let Some(alt) = element.value().attr("alt") {
                    self.push_text(alt);
                }
            }
            "img" | "amp-img" => {
                if is_tiny(element) || has_class_word(element, DECORATION_WORDS) {
                    return;
                }
                self.flush();
                if let Some(mut figure) = html_block::image(element) {
                    figure.src = figure.src.map(|src| self.resolver.image(&src));
                    let line = self.lines.last();
                    self.push_block(line, RawKind::Figure(figure));
                }
            }
            "table" if self.speaker_table(element) => {}
            "table" => {
                self.flush();
                let line = self.lines.find(&element.text().collect::<String>());
                for part in html_block::table(element) {
                    let kind = match part {
                        HtmlPart::Figure(mut figure) => {
                            figure.src = figure.src.map(|src| self.resolver.image(&src));
                            RawKind::Figure(figure)
                        }
                        HtmlPart::Paragraph(inlines) | HtmlPart::Caption(inlines) => {
                            RawKind::Paragraph(inlines)
                        }
                        HtmlPart::Table {
                            header,
                            rows,
                            align,
                        } => RawKind::Table {
                            header,
                            rows,
                            align,
                        },
                    };
                    self.push_block(line, kind);
                }
            }
            "strong" | "b" => self.wrapped(element, |content| Inline::Strong { content }),
            "span" | "font" if self.bold_by_style(element) => {
                self.wrapped(element, |content| Inline::Strong { content })
            }
            "span" | "font" if self.italic_by_style(element) => {
                self.wrapped(element, |content| Inline::Emphasis { content })
            }
            "em" | "i" | "cite" | "dfn" | "var" => {
                self.wrapped(element, |content| Inline::Emphasis { content })
            }
            "del" | "s" | "strike" => {
                self.wrapped(element, |content| Inline::Strikeout { content })
            }
            "sup" => self.wrapped(element, |content| Inline::Superscript { content }),
            "sub" => self.wrapped(element, |content| Inline::Subscript { content }),
            "a" => {
                let href = element.value().attr("href").map(str::trim).unwrap_or("");
                if href.is_empty() || href.to_ascii_lowercase().starts_with("javascript:") {
                    self.children(element);
                } else {
                    let url = self.resolver.link(href);
                    self.wrapped(element, |content| Inline::Link { url, content });
                }
            }
            "code" | "kbd" | "samp" | "tt" => {
                let text: String = element.text().collect();
                if !text.is_empty() {
                    self.text.push(Inline::Code { text });
                }
            }
            "q" => {
                self.push_text("\"");
                self.children(element);
                self.push_text("\"");
            }
            // An annotation over the base text is not read aloud or printed.
            "rt" | "rp" => {}
            // A date printed alone in its block is the page's metadata.
            "time" if alone_in_parent(element) => {}
            _ if is_block(name) => {
                self.flush();
                self.children(element);
                self.flush();
            }
            _ => self.children(element),
        }
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        // Tabs and carriage returns are white space like any other in HTML;
        // line breaks stay soft breaks for normalisation to join.
        let text = text.replace("\r\n", "\n").replace(['\r', '\t'], " ");
        if let Some(Inline::Text { text: last }) = self.text.last_mut() {
            last.push_str(&text);
        } else {
            self.text.push(Inline::text(text));
        }
    }

    fn wrapped(&mut self, element: ElementRef<'_>, make: impl FnOnce(Vec<Inline>) -> Inline) {
        let outer = std::mem::take(&mut self.text);
        self.children(element);
        let content = std::mem::replace(&mut self.text, outer);
        if plain_text(&content).trim().is_empty() {
            // `<b> </b>` is a space, not a bold label.
            if !content.is_empty() && !content.iter().any(|i| matches!(i, Inline::LineBreak)) {
                self.push_text(" ");
            } else {
                self.text.extend(content);
            }
        } else {
            self.text.push(make(content));
        }
    }

    /// Ends the paragraph being read. Two line breaks in a row (`<br><br>`)
    /// separate paragraphs on pages that never use `<p>`.
    fn flush(&mut self) {
        let inlines = std::mem::take(&mut self.text);
        for paragraph in split_at_double_breaks(inlines)
            .into_iter()
            .map(unlink_leading_label)
            .flat_map(split_at_labelled_lines)
            .map(unlink_leading_label)
            .map(trim_start)
        {
            let text = plain_text(&paragraph);
            if text.trim().is_empty() || is_advert_marker(&text) {
                continue;
            }
            let line = self.lines.find(&text);
            self.push_block(line, RawKind::Paragraph(paragraph));
        }
    }

    fn push_block(&mut self, line: usize, kind: RawKind) {
        self.blocks.push(RawBlock {
            line,
            gap_before: 1,
            kind,
        });
    }

    /// Reads an element's content as blocks of their own (a list item, a
    /// quotation).
    fn nested(&mut self, element: ElementRef<'_>) -> Vec<RawBlock> {
        self.flush();
        let outer = std::mem::take(&mut self.blocks);
        self.containers += 1;
        self.children(element);
        self.flush();
        self.containers -= 1;
        std::mem::replace(&mut self.blocks, outer)
    }

    fn list(&mut self, element: ElementRef<'_>, ordered: bool) {
        self.flush();
        let line = self.lines.last();
        let mut items = Vec::new();
        for child in element.child_elements() {
            if self.skip.contains(&child.id()) || self.article.is_furniture(child) {
                continue;
            }
            let item = self.nested(child);
            if !item.is_empty() {
                items.push(item);
            }
        }
        if !items.is_empty() {
            let line = items
                .first()
                .and_then(|item| item.first())
                .map_or(line, |b| b.line);
            self.push_block(line, RawKind::List { ordered, items });
        }
    }

    fn quote(&mut self, element: ElementRef<'_>) {
        let inner = self.nested(element);
        if let Some(first) = inner.first() {
            let line = first.line;
            self.push_block(line, RawKind::Quote(inner));
        }
    }

    /// `<dt>`/`<dd>` pairs: a term that asks is a bold question with its
    /// answers after it; a short term that names someone is a bold label
    /// before the first answer paragraph.
    fn definitions(&mut self, element: ElementRef<'_>) {
        self.flush();
        let mut pending_label: Option<Vec<Inline>> = None;
        for child in element
            .child_elements()
            .flat_map(|c| match c.value().name() {
                // `<div>` may group a term with its definitions.
                "div" => c.child_elements().collect::<Vec<_>>(),
                _ => vec![c],
            })
        {
            if self.article.is_furniture(child) {
                continue;
            }
            match child.value().name() {
                "dt" => {
                    if let Some(label) = pending_label.take() {
                        self.text = vec![Inline::Strong { content: label }];
                        self.flush();
                    }
                    let mut term = self.nested_inlines(child);
                    let text = clean_line(&plain_text(&term));
                    if text.is_empty() {
                        continue;
                    }
                    if is_name_like(&text) {
                        if !text.ends_with([':', '：']) {
                            term.push(Inline::text(":"));
                        }
                        pending_label = Some(term);
                    } else {
                        self.text = vec![Inline::Strong { content: term }];
                        self.flush();
                    }
                }
                _ => {
                    let mut blocks = self.nested(child);
                    if let Some(label) = pending_label.take() {
                        prefix_label(&mut blocks, label, self.lines.last());
                    }
                    self.blocks.extend(blocks);
                }
            }
        }
        if let Some(label) = pending_label {
            self.text = vec![Inline::Strong { content: label }];
            self.flush();
        }
    }

    /// A caption the page prints under a picture (`<p class="wp-caption-text">`)
    /// joins the figure before it; with no figure before it, it is a paragraph.
    fn caption_for_figure(&mut self) {
        let inlines = std::mem::take(&mut self.text);
        let text = clean_line(&plain_text(&inlines));
        if let Some(RawBlock {
            kind: RawKind::Figure(figure),
            ..
        }) = self.blocks.last_mut()
            && figure.caption.is_none()
            && !text.is_empty()
        {
            let parsed = caption::split_caption(&text);
            figure.caption = parsed.caption.or(Some(text));
            figure.credit = parsed.credit;
            return;
        }
        self.text = inlines;
        self.flush();
    }

    /// A table of two columns whose first column names who speaks (a
    /// transcript laid out as a table): each row is a labelled paragraph.
    /// Returns `false`, reading nothing, for any other table.
    fn speaker_table(&mut self, table: ElementRef<'_>) -> bool {
        let rows: Vec<ElementRef<'_>> = table
            .descendent_elements()
            .filter(|e| e.value().name() == "tr")
            .collect();
        if rows.len() < MIN_SPEAKER_ROWS || rows.iter().any(|row| cells_of(row).len() != 2) {
            return false;
        }
        let mut labelled = 0;
        let mut label_chars = 0;
        let mut text_chars = 0;
        for row in &rows {
            let cells = cells_of(row);
            let (Some(label), Some(text)) = (cells.first(), cells.get(1)) else {
                return false;
            };
            let label = clean_line(&label.text().collect::<String>());
            let words = label.split_whitespace().count();
            if words > 0 && words <= 5 && !label.contains(['?', '？']) {
                labelled += 1;
            }
            label_chars += label.chars().count();
            text_chars += text.text().map(|t| t.trim().chars().count()).sum::<usize>();
        }
        // Most rows name someone, and the words are in the second column.
        if labelled * 5 < rows.len() * 4 || text_chars < label_chars * 3 {
            return false;
        }
        self.flush();
        for row in rows {
            let cells = cells_of(&row);
            let (Some(label), Some(text)) = (cells.first(), cells.get(1)) else {
                continue;
            };
            let mut label = self.nested_inlines(*label);
            let mut blocks = self.nested(*text);
            let label_text = clean_line(&plain_text(&label));
            if !label_text.is_empty() {
                if !label_text.ends_with([':', '：']) {
                    label.push(Inline::text(":"));
                }
                prefix_label(&mut blocks, label, self.lines.last());
            }
            self.blocks.extend(blocks);
        }
        true
    }

    fn bold_by_style(&self, element: ElementRef<'_>) -> bool {
        let inline = element.value().attr("style").is_some_and(|style| {
            styles::declares(
                style,
                "font-weight",
                &["bold", "bolder", "600", "700", "800", "900"],
            )
        });
        inline || self.styles.is_bold(element)
    }

    fn italic_by_style(&self, element: ElementRef<'_>) -> bool {
        let inline = element
            .value()
            .attr("style")
            .is_some_and(|style| styles::declares(style, "font-style", &["italic", "oblique"]));
        inline || self.styles.is_italic(element)
    }

    /// An element's content as one run of inlines.
    fn nested_inlines(&mut self, element: ElementRef<'_>) -> Vec<Inline> {
        let outer = std::mem::take(&mut self.text);
        self.children(element);
        std::mem::replace(&mut self.text, outer)
    }
}

/// Whether an element stands as a block of its own: its parent has no
/// words of its own around it (a `<time>` under a headline, not one in a
/// sentence).
fn alone_in_parent(element: ElementRef<'_>) -> bool {
    element.parent().is_some_and(|parent| {
        parent.children().all(|child| match child.value() {
            Node::Text(text) => text.trim().is_empty(),
            _ => true,
        })
    })
}

/// A table row's cells.
fn cells_of<'a>(row: &ElementRef<'a>) -> Vec<ElementRef<'a>> {
    row.child_elements()
        .filter(|c| matches!(c.value().name(), "td" | "th"))
        .collect()
}

/// Puts a bold label before the first paragraph of `blocks` (or as a
/// paragraph of its own before a list or a table).
fn prefix_label(blocks: &mut Vec<RawBlock>, label: Vec<Inline>, line: usize) {
    match blocks.first_mut() {
        Some(RawBlock {
            kind: RawKind::Paragraph(inlines),
            ..
        }) => {
            let mut labelled = vec![Inline::Strong { content: label }, Inline::text(" ")];
            labelled.append(inlines);
            *inlines = labelled;
        }
        _ => {
            let line = blocks.first().map_or(line, |b| b.line);
            blocks.insert(
                0,
                RawBlock::paragraph(line, 1, vec![Inline::Strong { content: label }]),
            );
        }
    }
}

/// Class words of a paragraph the page styles as a question.
const QUESTION_WORDS: &[&str] = &[
    "question",
    "interviewer",
    "frage",
    "pregunta",
    "domanda",
    "q",
];

/// Class words of a block that holds an answer (perhaps with its question:
/// `question-and-answer`).
const ANSWER_WORDS: &[&str] = &[
    "answer",
    "antwort",
    "respuesta",
    "risposta",
    "reponse",
    "a",
    "qa",
];

/// Class words of a picture's caption printed outside a `<figure>`.
const CAPTION_WORDS: &[&str] = &["caption", "figcaption"];

/// The share of the article's text above which a `<blockquote>` is the
/// article rather than a quotation in it.
const QUOTED_ARTICLE_SHARE: f64 = 0.5;

/// Class words of a picture that stands for a character.
const EMOJI_WORDS: &[&str] = &["emoji", "smiley", "wp-smiley"];

/// Class words of a picture that decorates: a speaker's avatar beside a
/// label, a logo, an icon.
const DECORATION_WORDS: &[&str] = &["avatar", "gravatar", "icon", "logo", "badge", "spacer"];

/// Lines a site prints where an advert was: never the interview's words.
const ADVERT_MARKERS: &[&str] = &[
    "advertisement",
    "advertisment",
    "sponsored content",
    "continue reading below",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "article continues below advertisement",
    "scroll to continue with content",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "реклама",
    "广告",
];

/// A paragraph that only says an advert stood there.
fn is_advert_marker(text: &str) -> bool {
    let text = clean_line(text).to_lowercase();
    let text = text.trim_matches(|c: char| !c.is_alphanumeric());
    ADVERT_MARKERS.contains(&text)
}

/// Rows a table needs before it is read as a transcript.
const MIN_SPEAKER_ROWS: usize = 3;

/// Whether the element's class or id has one of `words` (split at `-`, `_`).
fn has_class_word(element: ElementRef<'_>, words: &[&str]) -> bool {
    let value = element.value();
    value
        .classes()
        .chain(value.id())
        .flat_map(|name| name.split(['-', '_']))
        .any(|word| words.contains(&word.to_ascii_lowercase().as_str()))
}

/// A term that is a speaker's name: a few words, no question.
fn is_name_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words <= 4 && !text.contains(['?', '？']) && text.chars().count() <= 40
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "li"
            | "dd"
            | "dt"
            | "figcaption"
            | "caption"
            | "fieldset"
            | "hgroup"
            | "tr"
            | "td"
            | "th"
            | "body"
            | "html"
    )
}

/// An `<img>` whose stated size marks a tracking pixel or an icon.
fn is_tiny(element: ElementRef<'_>) -> bool {
    let size = |name| {
        element
            .value()
            .attr(name)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    [size("width"), size("height")]
        .into_iter()
        .flatten()
        .any(|pixels| pixels < MIN_FIGURE_PIXELS)
}

/// The text of an element, without its furniture, walked without recursion.
fn visible_text(article: &Article<'_>, element: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut skipping: Option<NodeId> = None;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => out.push_str(text),
                Node::Element(_)
                    if node.id() != element.id()
                        && ElementRef::wrap(node).is_some_and(|e| article.is_furniture(e)) =>
                {
                    skipping = Some(node.id());
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn blocks(page: &str) -> Vec<RawKind> {
        let document = Html::parse_document(page);
        let article = Article::find(&document).expect("an article");
        read(
            &article,
            &Resolver::default(),
            page,
            &HashSet::new(),
            &ClassStyles::read(&document),
        )
        .into_iter()
        .map(|b| b.kind)
        .collect()
    }

    #[test]
    fn labels_breaks_and_furniture() {
        let kinds = blocks(
            "<article><h2>Early days</h2><p><strong>Ann:</strong> One.<br><br>Two<br>lines.</p>\
             <div class=\"related-links\"><a href=\"/x\">More</a></div>\
             <dl><dt>Why clay?</dt><dd>Because.</dd><dt>Ann</dt><dd><p>Yes.</p></dd></dl></article>",
        );
        let texts: Vec<String> = kinds
            .iter()
            .map(|k| match k {
                RawKind::Paragraph(i) => plain_text(i),
                RawKind::Heading { text, .. } => format!("# {text}"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "# Early days",
                "Ann: One.",
                "Two\nlines.",
                "Why clay?",
                "Because.",
                "Ann: Yes."
            ]
        );
        assert!(
            matches!(&kinds[1], RawKind::Paragraph(i) if matches!(i[0], Inline::Strong { .. }))
        );
    }

    #[test]
    fn deep_nesting_keeps_every_word() {
        let page = format!(
            "<article>{}deep words{}</article>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let kinds = blocks(&page);
        assert!(
            matches!(&kinds[..], [RawKind::Paragraph(i)] if plain_text(i).trim() == "deep words")
        );
    }
}
