//! Splits the interview into content documents in reading order: title
//! page, editor's note and introduction, the conversation (one document per
//! main section), and what follows it.

use folio_core::{Block, ClosingBlock, FrontBlock, Inline, Interview, Section, blocks_plain_text};

use super::content::ContentWriter;
use super::document::document;
use super::title_page::title_page_body;
use super::turns::{turn_id, write_turn};
use crate::escape;
use folio_core::Language;

/// Where a document sits in the book, for landmarks and `epub:type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matter {
    TitlePage,
    Front,
    /// The conversation; the first such document is where reading starts.
    Body,
    Back,
}

/// A TOC entry pointing inside a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub fragment: String,
    pub title: String,
    /// 1 below the document's own entry, 2 below that.
    pub depth: u8,
}

/// One finished XHTML content document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    pub file: String,
    /// The TOC entry of the document; `None` keeps it out of the TOC.
    pub title: Option<String>,
    pub matter: Matter,
    pub xhtml: String,
    pub toc: Vec<TocEntry>,
}

/// A document being written.
struct Draft {
    file: String,
    title: Option<String>,
    matter: Matter,
    body: String,
    toc: Vec<TocEntry>,
    /// Whether a subsection `<section>` is open inside the chapter section.
    open_subsection: bool,
}

impl Draft {
    fn new(file: String, title: Option<String>, matter: Matter, opening: String) -> Self {
        Draft {
            file,
            title,
            matter,
            body: opening,
            toc: Vec::new(),
            open_subsection: false,
        }
    }

    fn finish(mut self, language: &Language, book_title: &str) -> Chapter {
        if self.open_subsection {
            self.body.push_str("</section>\n");
        }
        self.body.push_str("</section>\n");
        let body_type = match self.matter {
            Matter::TitlePage | Matter::Front => "frontmatter",
            Matter::Body => "bodymatter",
            Matter::Back => "backmatter",
        };
        let title = self.title.as_deref().unwrap_or(book_title);
        Chapter {
            xhtml: document(language, title, body_type, &self.body),
            file: self.file,
            title: self.title,
            matter: self.matter,
            toc: self.toc,
        }
    }
}

/// All content documents except the cover, in reading order.
/// File names start with `prefix`, which keeps the interviews of an
/// anthology apart.
pub fn chapters(
    interview: &Interview,
    language: &Language,
    headline: &str,
    prefix: &str,
    writer: &mut ContentWriter<'_>,
) -> Vec<Chapter> {
    let labels = language.terms();
    let mut out = Vec::new();

    // Datelines and pictures before the first note open the book with the title.
    let lead_len = interview
        .front
        .iter()
        .position(|b| {
            matches!(
                b,
                FrontBlock::EditorsNote { .. } | FrontBlock::Introduction { .. }
            )
        })
        .unwrap_or(interview.front.len());
    let lead: Vec<&FrontBlock> = interview.front[..lead_len].iter().collect();
    let body = title_page_body(interview, language, headline, &lead, writer);
    out.push(Chapter {
        file: format!("{prefix}title.xhtml"),
        title: Some(headline.to_string()),
        matter: Matter::TitlePage,
        xhtml: document(language, headline, "frontmatter", &body),
        toc: Vec::new(),
    });

    let mut draft: Option<Draft> = None;
    for block in &interview.front[lead_len..] {
        match block {
            FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                // Each `epub:type` with the DPUB-ARIA role that matches it,
                // so assistive technology hears what the section is.
                let (name, epub_type, label) = match block {
                    FrontBlock::EditorsNote { .. } => {
                        ("editors-note", "foreword", labels.editors_note)
                    }
                    _ => ("introduction", "introduction", labels.introduction),
                };
                if let Some(done) = draft.take() {
                    out.push(done.finish(language, headline));
                }
                let file = unique_file(&out, prefix, name);
                let mut opening = format!(
                    "<section epub:type=\"{epub_type}\" role=\"doc-{epub_type}\" class=\"{name}\">\n<h1>{}</h1>\n",
                    escape::text(label)
                );
                writer.blocks(&mut opening, content);
                draft = Some(Draft::new(
                    file,
                    Some(label.to_string()),
                    Matter::Front,
                    opening,
                ));
            }
            FrontBlock::Dateline { text } => {
                if let Some(d) = draft.as_mut() {
                    d.body.push_str(&format!(
                        "<p class=\"dateline\">{}</p>\n",
                        escape::text(text)
                    ));
                }
            }
            FrontBlock::Figure { figure } => {
                if let Some(d) = draft.as_mut() {
                    writer.figure(&mut d.body, figure);
                }
            }
        }
    }
    if let Some(done) = draft.take() {
        out.push(done.finish(language, headline));
    }

    conversation(interview, language, headline, prefix, writer, &mut out);
    closing(interview, language, headline, prefix, writer, &mut out);
    out
}

/// The turns, split at main sections; without sections, questions go into the TOC.
fn conversation(
    interview: &Interview,
    language: &Language,
    headline: &str,
    prefix: &str,
    writer: &mut ContentWriter<'_>,
    out: &mut Vec<Chapter>,
) {
    let labels = language.terms();
    let list_questions = interview.sections.is_empty();
    // Markdown documents often start their sections at `##`: the highest
    // level present is the one that splits the book.
    let top_level = interview
        .sections
        .iter()
        .map(|s| s.level)
        .min()
        .unwrap_or(1);
    let mut draft: Option<Draft> = None;
    let mut part = 0;
    let mut section_number = 0;
    let turn_count = interview.turns.len();
    for index in 0..=turn_count {
        // Headings past the last turn (or pointing nowhere) close the conversation.
        let sections: Vec<&Section> = if index == turn_count {
            interview
                .sections
                .iter()
                .filter(|s| s.first_turn >= turn_count)
                .collect()
        } else {
            interview.sections_before(index).collect()
        };
        for section in sections {
            section_number += 1;
            let id = format!("section-{section_number}");
            let shown = non_blank(&section.heading);
            let main = section.level <= top_level || draft.is_none();
            if main {
                if let Some(done) = draft.take() {
                    out.push(done.finish(language, headline));
                }
                part += 1;
                // A blank heading still needs a name.
                let title = shown.unwrap_or(labels.interview);
                let opening = format!(
                    "<section epub:type=\"chapter\" role=\"doc-chapter\" class=\"chapter\" id=\"{id}\">\n<h1>{}</h1>\n",
                    escape::text(title)
                );
                draft = Some(Draft::new(
                    format!("{prefix}interview-{part}.xhtml"),
                    Some(title.to_string()),
                    Matter::Body,
                    opening,
                ));
            }
            let Some(d) = draft.as_mut() else { continue };
            if !main {
                if d.open_subsection {
                    d.body.push_str("</section>\n");
                }
                d.body
                    .push_str(&format!("<section class=\"subsection\" id=\"{id}\">\n"));
                d.open_subsection = true;
                if let Some(title) = shown {
                    d.body
                        .push_str(&format!("<h2>{}</h2>\n", escape::text(title)));
                    d.toc.push(TocEntry {
                        fragment: id,
                        title: title.to_string(),
                        depth: 1,
                    });
                }
            }
            writer.blocks(&mut d.body, &section.content);
        }
        let Some(turn) = interview.turns.get(index) else {
            continue;
        };
        let d = draft.get_or_insert_with(|| {
            part += 1;
            let opening = format!(
                "<section epub:type=\"chapter\" role=\"doc-chapter\" class=\"chapter\" aria-label=\"{}\">\n",
                escape::attr(labels.interview)
            );
            Draft::new(
                format!("{prefix}interview-{part}.xhtml"),
                Some(labels.interview.to_string()),
                Matter::Body,
                opening,
            )
        });
        write_turn(&mut d.body, writer, interview, language, index, turn);
        if list_questions && turn.is_navigable_question() {
            let title = excerpt(&turn.content, 80)
                .unwrap_or_else(|| format!("{} {}", labels.interview, index + 1));
            d.toc.push(TocEntry {
                fragment: turn_id(index),
                title,
                depth: 1,
            });
        }
    }
    if let Some(done) = draft.take() {
        out.push(done.finish(language, headline));
    }
}

/// Bio and afterword each get a document; a footer joins the one before it.
fn closing(
    interview: &Interview,
    language: &Language,
    headline: &str,
    prefix: &str,
    writer: &mut ContentWriter<'_>,
    out: &mut Vec<Chapter>,
) {
    let labels = language.terms();
    let mut draft: Option<Draft> = None;
    for block in &interview.closing {
        match block {
            ClosingBlock::Bio { content } | ClosingBlock::Afterword { content } => {
                let (name, epub_type, label) = match block {
                    ClosingBlock::Bio { .. } => ("about", "", labels.about),
                    _ => (
                        "afterword",
                        " epub:type=\"afterword\" role=\"doc-afterword\"",
                        labels.afterword,
                    ),
                };
                if let Some(done) = draft.take() {
                    out.push(done.finish(language, headline));
                }
                let mut opening = format!(
                    "<section{epub_type} class=\"{name}\">\n<h1>{}</h1>\n",
                    escape::text(label)
                );
                writer.blocks(&mut opening, content);
                let file = unique_file(out, prefix, name);
                draft = Some(Draft::new(
                    file,
                    Some(label.to_string()),
                    Matter::Back,
                    opening,
                ));
            }
            ClosingBlock::Footer { content } => {
                let d = draft.get_or_insert_with(|| {
                    let file = unique_file(out, prefix, "footer");
                    Draft::new(
                        file,
                        None,
                        Matter::Back,
                        "<section class=\"footer-page\">\n".into(),
                    )
                });
                d.body.push_str("<footer class=\"footer\">\n");
                writer.blocks(&mut d.body, content);
                d.body.push_str("</footer>\n");
            }
        }
    }
    if let Some(done) = draft.take() {
        out.push(done.finish(language, headline));
    }
}

/// The text if a reader would see anything of it.
fn non_blank(text: &str) -> Option<&str> {
    let visible = text
        .chars()
        .any(|c| !c.is_whitespace() && escape::is_xml_char(c) && !c.is_control());
    visible.then_some(text.trim())
}

/// `name.xhtml`, or `name-2.xhtml` and so on when taken.
fn unique_file(done: &[Chapter], prefix: &str, name: &str) -> String {
    let mut n = 1;
    loop {
        let file = if n == 1 {
            format!("{prefix}{name}.xhtml")
        } else {
            format!("{prefix}{name}-{n}.xhtml")
        };
        if !done.iter().any(|c| c.file == file) {
            return file;
        }
        n += 1;
    }
}

/// The start of some content as one line of at most `max` characters.
pub fn excerpt(blocks: &[Block], max: usize) -> Option<String> {
    let mut spoken = String::new();
    spoken_text(blocks, &mut spoken);
    // Timestamps and stage directions make poor entries, unless they are all there is.
    if spoken.trim().is_empty() {
        spoken = blocks_plain_text(blocks);
    }
    let text = escape::xml_safe(&spoken);
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    if line.is_empty() {
        return None;
    }
    if line.chars().count() <= max {
        return Some(line);
    }
    let cut: String = line.chars().take(max).collect();
    // Break at a space when there is one in the second half; CJK has none.
    let cut = match cut.rfind(' ') {
        Some(at) if at > cut.len() / 2 => cut[..at].to_string(),
        _ => cut,
    };
    Some(format!("{}…", cut.trim_end_matches([' ', ',', ';', ':'])))
}

/// The words spoken in some content, without timestamps or stage directions.
fn spoken_text(blocks: &[Block], out: &mut String) {
    fn inlines(content: &[Inline], out: &mut String) {
        for inline in content {
            match inline {
                Inline::Text { text } | Inline::Code { text } => out.push_str(text),
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Link { content, .. }
                | Inline::Strikeout { content }
                | Inline::Superscript { content }
                | Inline::Subscript { content } => inlines(content, out),
                Inline::LineBreak => out.push(' '),
                Inline::StageDirection { .. } | Inline::Timestamp { .. } => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph { content } => inlines(content, out),
            Block::List { items, .. } => items.iter().for_each(|item| spoken_text(item, out)),
            Block::Quote { content } => spoken_text(content, out),
            Block::Figure { .. } => {}
            Block::Table { header, rows, .. } => {
                for cell in header.iter().chain(rows.iter().flatten()) {
                    inlines(cell, out);
                    out.push(' ');
                }
            }
        }
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Vec<Block> {
        vec![Block::Paragraph {
            content: vec![Inline::text(text)],
        }]
    }

    #[test]
    fn excerpts_break_at_words_or_characters() {
        let long = "word ".repeat(30);
        let short = excerpt(&paragraph(&long), 22);
        assert_eq!(short.as_deref(), Some("word word word word…"));
        let cjk = "这是一个很长的问题".repeat(10);
        let cut = excerpt(&paragraph(&cjk), 10).unwrap_or_default();
        assert_eq!(cut.chars().count(), 11);
        assert_eq!(excerpt(&paragraph("  "), 10), None);
        let timed = vec![Block::Paragraph {
            content: vec![
                Inline::Timestamp {
                    text: "[00:28]".into(),
                },
                Inline::text(" Why moths?"),
            ],
        }];
        assert_eq!(excerpt(&timed, 80).as_deref(), Some("Why moths?"));
    }
}
