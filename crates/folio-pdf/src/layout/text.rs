//! Model inlines to styled spans, and the characters a document will draw.

use folio_core::{Block, ClosingBlock, FrontBlock, Inline, Interview};

use crate::fonts::FaceId;
use crate::layout::items::Span;
use crate::layout::style::{Rgb, Style};

/// Appends spans for `inlines` in `base` style; links get their target's index.
pub fn spans(inlines: &[Inline], base: &Style, links: &mut Vec<String>, out: &mut Vec<Span>) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => push(out, text, base),
            Inline::Emphasis { content } => spans(content, &base.italic(), links, out),
            Inline::Strong { content } => spans(content, &base.bold(), links, out),
            Inline::Link { url, content } => {
                let index = links.iter().position(|l| l == url).unwrap_or_else(|| {
                    links.push(url.clone());
                    links.len() - 1
                });
                let mut style = base.clone().color(Rgb::LINK);
                style.link = Some(index);
                spans(content, &style, links, out);
            }
            Inline::StageDirection { text } => push(out, text, &base.italic()),
            Inline::Timestamp { text } | Inline::Code { text } => {
                let mut style = Style::new(FaceId::SANS, base.size * 0.86).color(Rgb::GREY);
                style.link = base.link;
                push(out, text, &style);
            }
            Inline::LineBreak => out.push(Span {
                text: "\n".into(),
                style: base.clone(),
            }),
        }
    }
}

/// Pushes text with runs of white space (line ends included) made one space.
pub fn push(out: &mut Vec<Span>, text: &str, style: &Style) {
    let mut clean = String::with_capacity(text.len());
    let mut last_space = out.last().is_none_or(|s| s.text.ends_with([' ', '\n']));
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}' && c != '\u{2009}' {
            if !last_space {
                clean.push(' ');
                last_space = true;
            }
        } else {
            clean.push(c);
            last_space = false;
        }
    }
    if !clean.is_empty() {
        out.push(Span {
            text: clean,
            style: style.clone(),
        });
    }
}

/// Drops white space at the end of the paragraph.
pub fn trim_end(spans: &mut Vec<Span>) {
    while let Some(last) = spans.last_mut() {
        let trimmed = last.text.trim_end_matches(' ').len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            spans.pop();
        } else {
            break;
        }
    }
}

/// Every character the document may draw, for choosing fonts up front.
pub fn characters(interview: &Interview) -> String {
    let meta = &interview.meta;
    let mut text = String::from("0123456789 /–—·…-‘’“”");
    for s in [&meta.title, &meta.subtitle, &meta.kicker, &meta.publication]
        .into_iter()
        .flatten()
    {
        text.push_str(s);
    }
    for s in meta.authors.iter().chain(&meta.interviewers) {
        text.push_str(s);
    }
    for s in &interview.speakers {
        text.push_str(&s.label);
        text.push_str(&s.label.to_uppercase());
    }
    let mut blocks: Vec<&Block> = Vec::new();
    for f in &interview.front {
        match f {
            FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                blocks.extend(content)
            }
            FrontBlock::Dateline { text: t } => text.push_str(t),
            FrontBlock::Figure { figure } => text.push_str(&figure.plain_text()),
        }
    }
    for t in &interview.turns {
        blocks.extend(&t.content);
    }
    for s in &interview.sections {
        text.push_str(&s.heading);
        blocks.extend(&s.content);
    }
    for c in &interview.closing {
        match c {
            ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content } => blocks.extend(content),
        }
    }
    for b in blocks {
        text.push_str(&b.plain_text());
    }
    text
}
