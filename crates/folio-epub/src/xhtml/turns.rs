//! One turn of the conversation: a section whose first paragraph opens with
//! the speaker's label, classed as question, answer or remark.

use folio_core::{Block, Interview, LabelText, Turn};

use super::content::ContentWriter;
use super::title_page::{same_name, visible};
use crate::escape;
use folio_core::Language;

/// Writes turn number `index` (0-based) as `<section id="turn-N">`.
pub fn write_turn(
    out: &mut String,
    writer: &mut ContentWriter<'_>,
    interview: &Interview,
    language: &Language,
    index: usize,
    turn: &Turn,
) {
    let speaker = interview.speaker(&turn.speaker);
    let role_class = speaker.map(|s| s.role.as_str()).unwrap_or("other");
    out.push_str(&format!(
        "<section class=\"turn {} {}\" id=\"{}\" data-speaker=\"{}\">\n",
        turn.role.as_str(),
        role_class,
        turn_id(index),
        escape::attr(&turn.speaker),
    ));
    let label = speaker_label(interview, language, turn, writer.label_text);
    match turn.content.split_first() {
        Some((Block::Paragraph { content }, rest)) => {
            out.push_str("<p>");
            out.push_str(&label);
            writer.inlines(out, content);
            out.push_str("</p>\n");
            writer.blocks(out, rest);
        }
        _ => {
            out.push_str("<p class=\"speaker-line\">");
            out.push_str(label.trim_end());
            out.push_str("</p>\n");
            writer.blocks(out, &turn.content);
        }
    }
    out.push_str("</section>\n");
}

/// The `id` of turn `index` (0-based), shared by the TOC.
pub fn turn_id(index: usize) -> String {
    format!("turn-{}", index + 1)
}

/// `<b class="speaker">GT:</b> `, with the full name as the abbreviation's
/// expansion when the label is not the name; or the full name itself when
/// the house style asks for it.
fn speaker_label(
    interview: &Interview,
    language: &Language,
    turn: &Turn,
    shown: LabelText,
) -> String {
    let speaker = interview.speaker(&turn.speaker);
    let name = speaker.and_then(|s| visible(s.name.as_deref()));
    let label = match (shown, name) {
        (LabelText::FullName, Some(name)) => name,
        _ => speaker
            .map(|s| s.label.as_str())
            .unwrap_or(turn.speaker.as_str()),
    };
    let mut out = String::from("<b class=\"speaker\">");
    match name {
        Some(name) if !same_name(name, label) => {
            out.push_str(&format!("<abbr title=\"{}\">", escape::attr(name)));
            escape::push_text(&mut out, label);
            out.push_str("</abbr>");
        }
        _ => escape::push_text(&mut out, label),
    }
    // The separator's punctuation is part of the bold label; the space
    // after it is not.
    let separator = language.label_separator(label);
    let punctuation = separator.trim_end_matches(' ');
    out.push_str(punctuation);
    out.push_str("</b>");
    out.push_str(&separator[punctuation.len()..]);
    out
}
