//! Inline content as runs and hyperlinks, each run carrying a character
//! style instead of direct formatting.

use docx_rs::{BreakType, Hyperlink, HyperlinkData, Paragraph, Run, VertAlignType};
use folio_core::Inline;

use crate::style;

/// Numbers hyperlink relationships per document, so ids do not depend on
/// docx-rs's process-global counter.
#[derive(Debug, Default)]
pub struct LinkIds {
    next: usize,
}

impl LinkIds {
    fn next(&mut self) -> String {
        self.next += 1;
        format!("rIdHyperlink{}", self.next)
    }
}

/// The character formatting in force while walking nested inlines.
#[derive(Debug, Clone, Copy, Default)]
struct Emphasis {
    italic: bool,
    bold: bool,
    /// Strike-out, superscript or subscript: a character style of its own.
    mark: Option<&'static str>,
}

impl Emphasis {
    fn style(self) -> Option<&'static str> {
        if self.mark.is_some() {
            return self.mark;
        }
        match (self.italic, self.bold) {
            (true, true) => Some(style::STRONG_EMPHASIS),
            (true, false) => Some(style::EMPHASIS),
            (false, true) => Some(style::STRONG),
            (false, false) => None,
        }
    }

    /// Runs in this formatting: a run takes one character style, so bold or
    /// italics inside a marked span (`<sup><b>…</b></sup>`) are set on the run.
    fn runs(self, text: &str) -> Vec<Run> {
        let mut runs = text_runs(text, self.style());
        if self.mark.is_some() {
            for run in &mut runs {
                let mut marked = std::mem::take(run);
                if self.bold {
                    marked = marked.bold();
                }
                if self.italic {
                    marked = marked.italic();
                }
                *run = marked;
            }
        }
        runs
    }
}

/// Appends `inlines` to `paragraph`.
pub fn append(paragraph: Paragraph, inlines: &[Inline], links: &mut LinkIds) -> Paragraph {
    append_with(paragraph, inlines, Emphasis::default(), links)
}

fn append_with(
    mut paragraph: Paragraph,
    inlines: &[Inline],
    emphasis: Emphasis,
    links: &mut LinkIds,
) -> Paragraph {
    for inline in inlines {
        paragraph = match inline {
            Inline::Text { text } => emphasis
                .runs(text)
                .into_iter()
                .fold(paragraph, Paragraph::add_run),
            Inline::Strikeout { content } => append_with(
                paragraph,
                content,
                Emphasis {
                    mark: Some(style::STRIKEOUT),
                    ..emphasis
                },
                links,
            ),
            Inline::Superscript { content } => append_with(
                paragraph,
                content,
                Emphasis {
                    mark: Some(style::SUPERSCRIPT),
                    ..emphasis
                },
                links,
            ),
            Inline::Subscript { content } => append_with(
                paragraph,
                content,
                Emphasis {
                    mark: Some(style::SUBSCRIPT),
                    ..emphasis
                },
                links,
            ),
            Inline::Emphasis { content } => append_with(
                paragraph,
                content,
                Emphasis {
                    italic: true,
                    ..emphasis
                },
                links,
            ),
            Inline::Strong { content } => append_with(
                paragraph,
                content,
                Emphasis {
                    bold: true,
                    ..emphasis
                },
                links,
            ),
            Inline::Link { url, content } => match hyperlink(url, content, links) {
                Some(link) => paragraph.add_hyperlink(link),
                None => append_with(paragraph, content, emphasis, links),
            },
            Inline::StageDirection { text } => {
                paragraph.add_run(styled(text, style::STAGE_DIRECTION))
            }
            Inline::Timestamp { text } => paragraph.add_run(styled(text, style::TIMESTAMP)),
            Inline::Code { text } => paragraph.add_run(styled(text, style::VERBATIM)),
            Inline::LineBreak => paragraph.add_run(Run::new().add_break(BreakType::TextWrapping)),
        };
    }
    paragraph
}

/// A run of text with a character style.
pub fn styled(text: &str, style_id: &str) -> Run {
    Run::new().add_text(clean(text)).style(style_id)
}

/// Text as runs; a newline inside model text becomes a line break.
fn text_runs(text: &str, style_id: Option<&str>) -> Vec<Run> {
    let mut runs = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            runs.push(Run::new().add_break(BreakType::TextWrapping));
        }
        if line.is_empty() {
            continue;
        }
        let run = Run::new().add_text(clean(line));
        runs.push(match style_id {
            Some(id) => run.style(id),
            None => run,
        });
    }
    runs
}

/// An external hyperlink whose text runs carry the Hyperlink style (bold,
/// italics, strike-out and raised or lowered text set on the run, as a run
/// has one character style), code its Verbatim style; `None` for a link
/// without a usable target, which is then written as its text.
fn hyperlink(url: &str, content: &[Inline], links: &mut LinkIds) -> Option<Hyperlink> {
    // Core's one link policy: what no reader can follow is text.
    let target = folio_core::link_target(url)?;
    let url = url.trim();
    let mut link = Hyperlink {
        // docx-rs writes the target into the relationships part unescaped.
        link: HyperlinkData::External {
            rid: links.next(),
            path: escape_attribute(&target),
        },
        history: Some(1),
        children: Vec::new(),
    };
    let mut runs = Vec::new();
    if folio_core::plain_text(content).is_empty() {
        runs.extend(text_runs(url, Some(style::HYPERLINK)));
    } else {
        link_runs(content, LinkFormat::default(), &mut runs);
    }
    for run in runs {
        link = link.add_run(run);
    }
    Some(link)
}

/// Direct formatting inside a link.
#[derive(Debug, Clone, Copy, Default)]
struct LinkFormat {
    bold: bool,
    italic: bool,
    strike: bool,
    vertical: Option<VertAlignType>,
}

fn link_runs(content: &[Inline], format: LinkFormat, runs: &mut Vec<Run>) {
    for inline in content {
        let inner = |change: fn(&mut LinkFormat)| {
            let mut inner = format;
            change(&mut inner);
            inner
        };
        match inline {
            Inline::Text { text } => {
                for run in text_runs(text, Some(style::HYPERLINK)) {
                    let mut run = run;
                    if format.bold {
                        run = run.bold();
                    }
                    if format.italic {
                        run = run.italic();
                    }
                    if format.strike {
                        run = run.strike();
                    }
                    if let Some(vertical) = format.vertical {
                        run.run_property = run.run_property.vert_align(vertical);
                    }
                    runs.push(run);
                }
            }
            Inline::Strong { content } => link_runs(content, inner(|f| f.bold = true), runs),
            Inline::Emphasis { content } => link_runs(content, inner(|f| f.italic = true), runs),
            Inline::Strikeout { content } => link_runs(content, inner(|f| f.strike = true), runs),
            Inline::Superscript { content } => link_runs(
                content,
                inner(|f| f.vertical = Some(VertAlignType::SuperScript)),
                runs,
            ),
            Inline::Subscript { content } => link_runs(
                content,
                inner(|f| f.vertical = Some(VertAlignType::SubScript)),
                runs,
            ),
            // A link inside a link is its text.
            Inline::Link { content, .. } => link_runs(content, format, runs),
            Inline::Code { text } => runs.push(styled(text, style::VERBATIM)),
            Inline::StageDirection { text } => runs.push(styled(text, style::STAGE_DIRECTION)),
            Inline::Timestamp { text } => runs.push(styled(text, style::TIMESTAMP)),
            Inline::LineBreak => runs.push(Run::new().add_break(BreakType::TextWrapping)),
        }
    }
}

/// Drops characters XML 1.0 cannot carry (control characters other than
/// tab and newline), which Word would refuse to open.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| matches!(c, '\t' | '\n' | '\r') || !c.is_control())
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}
