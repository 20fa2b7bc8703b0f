//! Paragraphs and rules into flow elements: the primitives the document
//! builder uses.

use crate::layout::flow::{Drawable, Element};
use crate::layout::hyphenate::Hyphenation;
use crate::layout::items::{self, Span};
use crate::layout::linebreak::{break_lines, without_strain};
use crate::layout::setline::set_lines;
use crate::layout::shape::Shaper;
use crate::layout::style::{PageGeometry, ParagraphStyle, Rgb, Style};
use crate::layout::tree::{Line, LinkArea, NodeId, Rule, StructKind, StructNode, Structure};

/// Where a paragraph's lines may leave a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keep {
    /// A page may end right before the paragraph.
    pub break_before: bool,
    /// Lines that must stay together at the start and end (orphans, widows).
    pub min_lines: usize,
}

impl Keep {
    pub const NORMAL: Keep = Keep {
        break_before: true,
        min_lines: 2,
    };
    /// Unbreakable, kept with what comes before.
    pub const TOGETHER: Keep = Keep {
        break_before: false,
        min_lines: usize::MAX,
    };
}

/// Wider than any line: for measuring text set on one line.
const UNBOUNDED_MEASURE: f32 = 100_000.0;

/// A paragraph to set: its spans and paragraph style.
pub type Request = (Vec<Span>, ParagraphStyle);
/// A set paragraph: its lines and the link areas on them (by line index).
pub type SetLines = (Vec<Line>, Vec<(usize, LinkArea)>);

/// Where a paragraph's lines come from.
#[derive(Debug, Default)]
pub enum Setting {
    /// Set each paragraph when it is asked for.
    #[default]
    Now,
    /// A dry run: note what is asked for and set nothing.
    Record(Vec<Request>),
    /// Lines set beforehand, in parallel, in the order they will be asked
    /// for; a request that differs from the one noted is set there and then.
    Replay {
        preset: Vec<Option<(Request, SetLines)>>,
        next: usize,
    },
}

/// Sets paragraphs and stacks them as flow elements.
#[derive(Debug)]
pub struct Composer<'s, 'a> {
    pub shaper: &'s Shaper<'a>,
    pub hyphenation: Hyphenation,
    pub geometry: PageGeometry,
    pub elements: Vec<Element>,
    pub links: Vec<String>,
    pub pending_space: f32,
    /// The document's language is written right to left (UAX #9 base
    /// direction); otherwise each paragraph's first strong character decides.
    pub rtl: bool,
    pub setting: Setting,
    /// The structure elements made so far, in reading order.
    pub structure: Structure,
    /// The elements open now, innermost last: lines set now belong to the
    /// innermost.
    pub open: Vec<NodeId>,
    /// The document's primary language (`en`), against which words in
    /// another script are tagged with their own language.
    pub language: String,
}

impl<'s, 'a> Composer<'s, 'a> {
    /// A composer with nothing set yet.
    pub fn new(
        shaper: &'s Shaper<'a>,
        hyphenation: Hyphenation,
        geometry: PageGeometry,
        rtl: bool,
        setting: Setting,
    ) -> Composer<'s, 'a> {
        Composer {
            shaper,
            hyphenation,
            geometry,
            elements: Vec::new(),
            links: Vec::new(),
            pending_space: 0.0,
            rtl,
            setting,
            structure: Structure::default(),
            open: Vec::new(),
            language: String::new(),
        }
    }

    /// Opens a structure element inside the innermost open one.
    pub fn open(&mut self, kind: StructKind) -> NodeId {
        let id = self.structure.add(kind, self.open.last().copied());
        self.open.push(id);
        id
    }

    /// Closes the innermost open structure element.
    pub fn close(&mut self) {
        self.open.pop();
    }

    /// The innermost open structure element.
    pub fn tag(&self) -> Option<NodeId> {
        self.open.last().copied()
    }

    /// An element inside the innermost open one that holds only part of a
    /// paragraph (a speaker's label, a list marker, a link): it is not
    /// opened, its text points at it through the spans' style.
    pub fn inline_element(&mut self, kind: StructKind) -> NodeId {
        self.structure.add(kind, self.tag())
    }

    /// The innermost open element, to set its attributes.
    pub fn current(&mut self) -> Option<&mut StructNode> {
        let id = self.tag()?;
        self.structure.nodes.get_mut(id as usize)
    }

    /// Sets the innermost open element's title (`/T`).
    pub fn entitle(&mut self, title: String) {
        if let Some(node) = self.current() {
            node.title = Some(title);
        }
    }

    /// Sets the innermost open element's alternative text.
    pub fn describe(&mut self, alt: String) {
        if let Some(node) = self.current() {
            node.alt = Some(alt);
        }
    }

    /// Lines of `spans`, from the setting in force (none in a dry run).
    pub fn lines(&mut self, spans: &[Span], style: &ParagraphStyle) -> SetLines {
        match &mut self.setting {
            Setting::Now => {}
            Setting::Record(requests) => {
                requests.push((spans.to_vec(), style.clone()));
                return (Vec::new(), Vec::new());
            }
            Setting::Replay { preset, next } => {
                let slot = preset.get_mut(*next).and_then(|slot| {
                    let (request, _) = slot.as_ref()?;
                    (request.0 == spans && request.1 == *style).then(|| slot.take())?
                });
                if let Some((_, set)) = slot {
                    *next += 1;
                    return set;
                }
            }
        }
        self.set(spans, style)
    }

    /// Sets every request, on all cores, for a [`Setting::Replay`].
    /// Paragraphs are handed out one at a time: rayon would otherwise give
    /// each core a run of them, and a core the host takes away for a while
    /// would keep its whole run from the other.
    pub fn preset(&self, requests: Vec<Request>) -> Vec<Option<(Request, SetLines)>> {
        use rayon::prelude::*;
        requests
            .into_par_iter()
            .with_max_len(1)
            .map(|request| {
                let set = self.set(&request.0, &request.1);
                Some((request, set))
            })
            .collect()
    }

    /// Lines of `spans`, set to the text width less the paragraph's indents.
    pub fn set(&self, spans: &[Span], style: &ParagraphStyle) -> SetLines {
        let width = self.geometry.text_width() - style.left_indent - style.right_indent;
        let shaped = items::shape(spans, self.shaper, self.rtl);
        let mut paragraph = shaped.items(self.shaper, style.first_indent, width);
        // Ragged text (headlines, captions) is never hyphenated. Justified
        // text that sets well without hyphens gets none, as in TeX; only
        // the rest is hyphenated and broken again.
        let breaks = if !style.justify {
            break_lines(&paragraph.items, width, false)
        } else if let Some(breaks) = without_strain(&paragraph.items, width) {
            breaks
        } else {
            paragraph = shaped.hyphenate(paragraph, self.shaper, &self.hyphenation, width);
            break_lines(&paragraph.items, width, true)
        };
        let mut links = Vec::new();
        let lines = set_lines(
            &paragraph,
            &breaks,
            self.geometry.margin_left + style.left_indent,
            width,
            style.justify,
            &mut links,
        );
        (lines, links)
    }

    /// How wide `spans` are set on one line: the widest of their lines
    /// when they hold forced breaks. The same in a dry run and the real one.
    pub fn natural_width(&self, spans: &[Span]) -> f32 {
        if spans.iter().all(|s| s.text.trim().is_empty()) {
            return 0.0;
        }
        let unbounded = ParagraphStyle {
            right_indent: -UNBOUNDED_MEASURE,
            ..ParagraphStyle::ragged(10.0)
        };
        let (lines, _) = self.set(spans, &unbounded);
        lines.iter().map(|l| l.width).fold(0.0, f32::max)
    }

    /// Adds a paragraph; returns the index of its first element.
    pub fn paragraph(
        &mut self,
        spans: &[Span],
        style: &ParagraphStyle,
        space_before: f32,
        keep: Keep,
        outline: Option<String>,
    ) -> usize {
        let first = self.elements.len();
        if spans.iter().all(|s| s.text.trim().is_empty()) {
            return first;
        }
        let size = spans.iter().map(|s| s.style.size).fold(0.0_f32, f32::max);
        let (lines, links) = self.lines(spans, style);
        // Baseline inside the line box: the leading's extra split evenly
        // above and below the type, less the descender.
        let baseline = style.leading - (style.leading - size) / 2.0 - 0.22 * size;
        let n = lines.len();
        let tag = self.tag();
        for (k, mut line) in lines.into_iter().enumerate() {
            line.baseline = baseline;
            line.tag = tag;
            let mut content = vec![Drawable::Line(line)];
            for (_, area) in links.iter().filter(|(l, _)| *l == k) {
                content.push(Drawable::Link(LinkArea {
                    y: area.y + baseline,
                    ..*area
                }));
            }
            let break_before = if k == 0 {
                keep.break_before
            } else {
                keep.min_lines != usize::MAX && k >= keep.min_lines && n - k >= keep.min_lines
            };
            self.push(Element {
                height: style.leading,
                space_before: if k == 0 { space_before } else { 0.0 },
                break_before,
                content,
                outline: if k == 0 { outline.clone() } else { None },
                float: false,
            });
        }
        first
    }

    /// Spans of model inlines in `base` style; each link becomes a
    /// structure element inside the innermost open one.
    pub fn spans(&mut self, inlines: &[folio_core::Inline], base: &Style, out: &mut Vec<Span>) {
        let parent = self.tag();
        let start = out.len();
        let structure = &mut self.structure;
        crate::layout::text::spans(
            inlines,
            base,
            &mut self.links,
            &mut || structure.add(StructKind::Link, parent),
            out,
        );
        if !self.language.is_empty() {
            let added = out.split_off(start);
            for span in added {
                self.tag_foreign_words(span, out);
            }
        }
    }

    /// `span`, with each run of words in a script the document's language
    /// is not written in (Han, kana, hangul, Arabic, Hebrew, Greek,
    /// Cyrillic… in an English interview; Hangul in a Japanese one) split
    /// off into a `Span` element with that run's language. Latin runs are
    /// left alone: their language cannot be told from their letters (a
    /// name, a quoted word).
    fn tag_foreign_words(&mut self, span: Span, out: &mut Vec<Span>) {
        use crate::layout::text::{ScriptGroup, script_runs};
        if span.style.tag.is_some() || !may_hold_other_scripts(&span.text) {
            out.push(span);
            return;
        }
        let own = ScriptGroup::of_language(&self.language);
        let runs = script_runs(&span.text);
        let foreign = |group: ScriptGroup| group != ScriptGroup::LATIN && group != own;
        if !runs.iter().any(|&(_, group)| foreign(group)) {
            out.push(span);
            return;
        }
        for (text, group) in runs {
            let mut style = span.style.clone();
            if foreign(group) {
                let node = self.inline_element(StructKind::Span);
                if let Some(element) = self.structure.nodes.get_mut(node as usize) {
                    element.lang = Some(folio_core::infer_language(text));
                }
                style.tag = Some(node);
            }
            out.push(Span {
                text: text.to_string(),
                style,
            });
        }
    }

    /// A paragraph that is one structure element of its own.
    pub fn tagged_paragraph(
        &mut self,
        kind: StructKind,
        spans: &[Span],
        style: &ParagraphStyle,
        space_before: f32,
        keep: Keep,
    ) -> usize {
        self.open(kind);
        let at = self.paragraph(spans, style, space_before, keep, None);
        self.close();
        at
    }

    /// A horizontal rule across `x0..x1` of the text block, `gap` above and below.
    pub fn rule(
        &mut self,
        x0: f32,
        x1: f32,
        thickness: f32,
        color: Rgb,
        gap: f32,
        break_before: bool,
    ) {
        self.push(Element {
            height: gap * 2.0 + thickness,
            space_before: 0.0,
            break_before,
            content: vec![Drawable::Rule(Rule {
                x0,
                y0: gap + thickness / 2.0,
                x1,
                y1: gap + thickness / 2.0,
                thickness,
                color,
            })],
            outline: None,
            float: false,
        });
    }

    /// Vertical space before the next element (dropped at a page top).
    pub fn space(&mut self, amount: f32) {
        self.pending_space += amount;
    }

    /// Forbids a page break right before element `index`.
    pub fn glue_to_previous(&mut self, index: usize) {
        if let Some(e) = self.elements.get_mut(index) {
            e.break_before = false;
        }
    }

    /// Adds an element, with the space waiting to go before it.
    pub fn push(&mut self, mut element: Element) {
        element.space_before += std::mem::take(&mut self.pending_space);
        self.elements.push(element);
    }
}

/// Whether `text` may hold a letter outside Latin: a UTF-8 lead byte of
/// Greek, Cyrillic, Hebrew or Arabic (U+0340–U+07FF), of Devanagari, Thai
/// or Hangul jamo (U+0800–U+1FFF), of CJK and Hangul (U+3000–U+DFFF), of
/// compatibility forms (U+F000–U+FFFF) or beyond. Curly quotes and dashes
/// (U+2000–U+2FFF, lead byte 0xE2) are not: most spans of a Latin text are
/// settled by this one pass over their bytes.
fn may_hold_other_scripts(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, 0xCD..=0xDF | 0xE0 | 0xE1 | 0xE3..=0xED | 0xEF..=0xF4))
}

#[cfg(test)]
mod tests {
    use super::may_hold_other_scripts;

    #[test]
    fn latin_with_typography_is_settled_without_looking_closer() {
        assert!(!may_hold_other_scripts("“Café” – déjà vu… naïve"));
        for other in ["习", "ソ", "한", "Ж", "λ", "ש", "ع", "ह", "ก", "𠀀"] {
            assert!(may_hold_other_scripts(other), "{other}");
        }
    }
}
