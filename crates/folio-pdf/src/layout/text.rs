//! Model inlines to styled spans, and the characters a document will draw.

use folio_core::{Block, ClosingBlock, Figure, FrontBlock, Inline, Interview};

use crate::fonts::FaceId;
use crate::layout::items::Span;
use crate::layout::style::{Rgb, Style};
use crate::layout::tree::NodeId;

/// The script groups a paragraph is cut into: Latin and neutral
/// characters are 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScriptGroup(u8);

impl ScriptGroup {
    pub const LATIN: ScriptGroup = ScriptGroup(0);

    fn of(c: char) -> ScriptGroup {
        ScriptGroup(match c as u32 {
            0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
            0x0400..=0x052F => 2,
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => 3,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 4,
            0x0900..=0x097F => 5,
            0x0E00..=0x0E7F => 6,
            0x3040..=0x30FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0xAC00..=0xD7AF
            | 0x1100..=0x11FF
            | 0x3130..=0x318F
            | 0x20000..=0x2FA1F => 7,
            _ => 0,
        })
    }

    /// The group a language is written in, by its primary subtag: a run
    /// in that group is the document's own language (kanji in Japanese,
    /// Cyrillic in Serbian, Arabic letters in Persian).
    pub fn of_language(primary: &str) -> ScriptGroup {
        ScriptGroup(match primary {
            "el" => 1,
            "ru" | "uk" | "bg" | "sr" | "mk" | "be" | "kk" | "ky" | "mn" | "tg" => 2,
            "he" | "yi" => 3,
            "ar" | "fa" | "ur" | "ps" | "sd" | "ug" | "ckb" | "ks" => 4,
            "hi" | "mr" | "ne" | "sa" => 5,
            "th" => 6,
            "zh" | "ja" | "ko" => 7,
            _ => 0,
        })
    }
}

/// `text` cut where its letters change script group, each piece with its
/// group. White space, digits and punctuation between two letters of one
/// group stay in its run; at the edges of a non-Latin run they stay
/// outside.
pub fn script_runs(text: &str) -> Vec<(&str, ScriptGroup)> {
    let mut runs = Vec::new();
    let mut start = 0;
    // The current run's group and where its last letter ends.
    let mut current = ScriptGroup::LATIN;
    let mut last_end = 0;
    for (at, c) in text.char_indices() {
        if !c.is_alphabetic() {
            continue;
        }
        let group = ScriptGroup::of(c);
        if group != current {
            // Close the open run at its last letter (neutrals after it go
            // with what follows), then start a new one here.
            let end = if current == ScriptGroup::LATIN {
                at
            } else {
                last_end
            };
            if end > start {
                runs.push((&text[start..end], current));
            }
            start = end;
            current = group;
        }
        last_end = at + c.len_utf8();
    }
    if current != ScriptGroup::LATIN {
        runs.push((&text[start..last_end], current));
        if last_end < text.len() {
            runs.push((&text[last_end..], ScriptGroup::LATIN));
        }
    } else if start < text.len() {
        runs.push((&text[start..], ScriptGroup::LATIN));
    }
    runs
}

/// Appends spans for `inlines` in `base` style; links get their target's
/// index and a structure element from `link_node`.
pub fn spans(
    inlines: &[Inline],
    base: &Style,
    links: &mut Vec<String>,
    link_node: &mut dyn FnMut() -> NodeId,
    out: &mut Vec<Span>,
) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => push(out, text, base),
            Inline::Emphasis { content } => spans(content, &base.italic(), links, link_node, out),
            Inline::Strong { content } => spans(content, &base.bold(), links, link_node, out),
            Inline::Strikeout { content } => spans(content, &base.struck(), links, link_node, out),
            Inline::Superscript { content } => {
                spans(content, &base.shifted(true), links, link_node, out)
            }
            Inline::Subscript { content } => {
                spans(content, &base.shifted(false), links, link_node, out)
            }
            Inline::Link { url, content } => match folio_core::link_target(url) {
                Some(target) => {
                    let index = links.iter().position(|l| *l == target).unwrap_or_else(|| {
                        links.push(target);
                        links.len() - 1
                    });
                    let mut style = base.clone().color(Rgb::LINK);
                    style.link = Some(index);
                    style.tag = Some(link_node());
                    spans(content, &style, links, link_node, out);
                }
                // Core's one link policy: what no reader can follow is text.
                None => spans(content, base, links, link_node, out),
            },
            Inline::StageDirection { text } => push(out, text, &base.italic()),
            Inline::Timestamp { text } | Inline::Code { text } => {
                let mut style = Style::new(FaceId::SANS, base.size * 0.86).color(Rgb::GREY);
                style.link = base.link;
                style.tag = base.tag;
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
/// No-break and thin spaces are kept as they are.
pub fn push(out: &mut Vec<Span>, text: &str, style: &Style) {
    let mut clean = String::with_capacity(text.len());
    let mut last_space = out.last().is_none_or(|s| s.text.ends_with([' ', '\n']));
    // Stretches without white space are copied whole.
    let mut kept_from: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2009}') {
            if let Some(from) = kept_from.take() {
                clean.push_str(&text[from..i]);
                last_space = false;
            }
            if !last_space {
                clean.push(' ');
                last_space = true;
            }
        } else if kept_from.is_none() {
            kept_from = Some(i);
        }
    }
    if let Some(from) = kept_from {
        clean.push_str(&text[from..]);
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
/// The words the layout adds around an interview or a book in `language`
/// (headings, the words before bylines and dates, month names), in the
/// cases it prints them.
pub fn added_words(language: &str) -> String {
    let terms = folio_core::Terms::for_language(language);
    let mut text = String::new();
    for word in [
        terms.editors_note,
        terms.contents,
        terms.by,
        terms.interview_by,
        terms.published,
        terms.updated,
        // The date format's own letters (年月日 in Chinese and Japanese),
        // and every month name it may print.
        terms.date_format,
        "January February March April May June July August September October November December",
    ] {
        text.push_str(word);
        text.push_str(&word.to_uppercase());
    }
    text
}

pub fn characters(interview: &Interview) -> String {
    let meta = &interview.meta;
    let mut text = String::from("0123456789 /–—·…-‘’“”");
    // The words the layout adds, in the interview's language, as printed.
    text.push_str(&added_words(&meta.language));
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
            FrontBlock::Figure { figure } => {
                text.push_str(&figure.plain_text());
                push_placeholder(figure, &mut text);
            }
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
        push_placeholders(std::slice::from_ref(b), &mut text);
    }
    text
}

/// The text that stands in for the pictures of `blocks`' figures, should
/// they be missing.
fn push_placeholders(blocks: &[Block], text: &mut String) {
    for block in blocks {
        match block {
            Block::Figure { figure } => push_placeholder(figure, text),
            Block::Quote { content } => push_placeholders(content, text),
            Block::List { items, .. } => items.iter().for_each(|i| push_placeholders(i, text)),
            Block::Paragraph { .. } | Block::Table { .. } => {}
        }
    }
}

fn push_placeholder(figure: &Figure, text: &mut String) {
    if let Some(placeholder) = figure.placeholder() {
        text.push_str(&placeholder);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn script_runs_split_where_the_script_changes() {
        let foreign = |text| -> Vec<(&str, bool)> {
            script_runs(text)
                .into_iter()
                .map(|(run, group)| (run, group != ScriptGroup::LATIN))
                .collect()
        };
        assert_eq!(
            foreign("plain “English” text"),
            [("plain “English” text", false)]
        );
        assert_eq!(
            foreign("Xi Jinping (习近平) spoke"),
            [
                ("Xi Jinping (", false),
                ("习近平", true),
                (") spoke", false)
            ]
        );
        // Spaces and digits between two letters of one script stay in it.
        assert_eq!(
            foreign("He said שלום עליכם 2 times"),
            [
                ("He said ", false),
                ("שלום עליכם", true),
                (" 2 times", false)
            ]
        );
        assert_eq!(foreign("東京とソウル"), [("東京とソウル", true)]);
        let groups: Vec<ScriptGroup> = script_runs("Ελλάδα и Россия").iter().map(|r| r.1).collect();
        assert_eq!(
            groups,
            [
                ScriptGroup::of_language("el"),
                ScriptGroup::of_language("ru")
            ]
        );
        assert_eq!(ScriptGroup::of_language("ja"), ScriptGroup::of('東'));
    }

    fn pushed(previous: Option<&str>, text: &str) -> Vec<String> {
        let style = Style::new(FaceId::SERIF, 10.0);
        let mut out: Vec<Span> = previous
            .map(|p| Span {
                text: p.into(),
                style: style.clone(),
            })
            .into_iter()
            .collect();
        push(&mut out, text, &style);
        out.into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn white_space_runs_become_one_space_and_no_break_spaces_stay() {
        assert_eq!(pushed(None, "  a \n\t b  "), ["a b "]);
        assert_eq!(pushed(Some("x"), " a"), ["x", " a"]);
        assert_eq!(pushed(Some("x "), " a"), ["x ", "a"]);
        assert_eq!(
            pushed(None, "10\u{A0}000\u{2009}km \u{202F}!"),
            ["10\u{A0}000\u{2009}km \u{202F}!"]
        );
        assert_eq!(pushed(None, "é  ü\u{3000}中"), ["é ü 中"]);
        assert_eq!(pushed(Some("x "), "   "), ["x "]);
    }
}
