//! A book's table of contents as a Word TOC field whose result is already
//! filled in with the headings, each linking to its heading's bookmark. Page
//! numbers are only known once a word processor lays the text out, so the
//! field is marked dirty and Word rebuilds it (with numbers) on opening;
//! readers that keep the stored result (LibreOffice until "Update") show
//! the linked titles without dot leaders to nowhere.

use docx_rs::{FieldCharType, Hyperlink, HyperlinkType, InstrText, Paragraph, Run};

use crate::body::{BodyWriter, TocEntry};
use crate::style;

/// Interviews (level 1) and their sections (level 2), as hyperlinks.
const TOC_INSTRUCTION: &str = r#" TOC \o "1-2" \h \z \u "#;

/// The paragraphs of the contents for `entries`, in order.
pub fn paragraphs(writer: &mut BodyWriter, entries: &[TocEntry]) -> Vec<Paragraph> {
    let field_start = Run::new()
        .add_field_char(FieldCharType::Begin, true)
        .add_instr_text(InstrText::Unsupported(TOC_INSTRUCTION.to_string()))
        .add_field_char(FieldCharType::Separate, false);
    let field_end = Run::new().add_field_char(FieldCharType::End, false);
    if entries.is_empty() {
        return vec![
            writer
                .styled(style::TOC_1)
                .add_run(field_start)
                .add_run(field_end),
        ];
    }
    let mut out = Vec::with_capacity(entries.len());
    let last = entries.len() - 1;
    let mut field_start = Some(field_start);
    for (index, entry) in entries.iter().enumerate() {
        let style_id = if entry.level <= 1 {
            style::TOC_1
        } else {
            style::TOC_2
        };
        let mut paragraph = writer.styled(style_id);
        if let Some(start) = field_start.take() {
            paragraph = paragraph.add_run(start);
        }
        let link = Hyperlink::new(entry.bookmark.as_str(), HyperlinkType::Anchor)
            .add_run(Run::new().add_text(entry.text.as_str()));
        paragraph = paragraph.add_hyperlink(link);
        if index == last {
            paragraph = paragraph.add_run(field_end.clone());
        }
        out.push(paragraph);
    }
    out
}
