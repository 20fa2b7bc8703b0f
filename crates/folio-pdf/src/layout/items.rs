//! A paragraph as Knuth–Plass items: boxes of shaped glyphs, glue for word
//! spaces and penalties at hyphenation and other break points (UAX #14).

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::layout::hyphenate::Hyphenation;
use crate::layout::shape::{ShapedGlyph, Shaper, width};
use crate::layout::style::Style;

/// Penalty that forbids a break.
pub const INFINITY: f32 = 10_000.0;

/// Cost of breaking at a hyphenation point: a little over TeX's 50, since
/// our measure is wide enough that hyphens are rarely needed.
const HYPHEN_PENALTY: f32 = 100.0;

/// A piece of styled text.
#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

/// A glyph as it sits in a box, with the style it is drawn in.
#[derive(Debug, Clone)]
pub struct StyledGlyph {
    pub glyph: ShapedGlyph,
    pub style: usize,
}

#[derive(Debug, Clone)]
pub enum Item {
    Box {
        width: f32,
        glyphs: Vec<StyledGlyph>,
    },
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
        /// The space glyph, drawn so text extraction sees a space.
        glyph: Option<StyledGlyph>,
    },
    Penalty {
        width: f32,
        penalty: f32,
        flagged: bool,
        /// The hyphen drawn when the line breaks here.
        glyph: Option<StyledGlyph>,
    },
}

/// A paragraph ready for line breaking.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub items: Vec<Item>,
    pub styles: Vec<Style>,
}

/// Turns spans into items for lines `line_width` wide.
pub fn build(
    spans: &[Span],
    shaper: &Shaper<'_>,
    hyphenation: &Hyphenation,
    first_indent: f32,
    line_width: f32,
) -> Paragraph {
    let mut builder = Builder {
        shaper,
        hyphenation,
        items: Vec::new(),
        styles: spans.iter().map(|s| s.style.clone()).collect(),
        line_width,
    };
    if first_indent > 0.0 {
        builder.items.push(Item::Box {
            width: first_indent,
            glyphs: Vec::new(),
        });
    }
    // One string for the whole paragraph so UAX #14 sees across style changes.
    let mut text = String::new();
    let mut owners = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        text.push_str(&span.text);
        owners.push((text.len(), i));
    }
    let mut start = 0;
    for (end, opportunity) in linebreaks(&text) {
        builder.segment(&text, start, end, opportunity, &owners);
        start = end;
    }
    builder.items.push(Item::Glue {
        width: 0.0,
        stretch: INFINITY,
        shrink: 0.0,
        glyph: None,
    });
    builder.items.push(Item::Penalty {
        width: 0.0,
        penalty: -INFINITY,
        flagged: false,
        glyph: None,
    });
    Paragraph {
        items: builder.items,
        styles: builder.styles,
    }
}

struct Builder<'s, 'a> {
    shaper: &'s Shaper<'a>,
    hyphenation: &'s Hyphenation,
    items: Vec<Item>,
    styles: Vec<Style>,
    line_width: f32,
}

impl Builder<'_, '_> {
    /// One UAX #14 segment `text[start..end]`: a word with its trailing spaces.
    fn segment(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        opportunity: BreakOpportunity,
        owners: &[(usize, usize)],
    ) {
        let segment = &text[start..end];
        let word_len = segment
            .trim_end_matches([' ', '\n', '\r', '\t', '\u{2028}'])
            .len();
        let word_end = start + word_len;
        // Parts of hyphenated compounds (`Cross-Border`) get no further hyphens.
        let compound =
            text[..start].ends_with(['-', '‐']) || text[start..word_end].ends_with(['-', '‐']);
        // Pieces of the word in one style each.
        let mut at = start;
        while at < word_end {
            let owner = owner_at(owners, at);
            let piece_end = owners
                .get(owner)
                .map(|&(e, _)| e)
                .unwrap_or(word_end)
                .min(word_end);
            self.word_piece(&text[at..piece_end], owner, !compound);
            at = piece_end.max(at + 1);
        }
        let last_char = text[start..word_end].chars().next_back();
        let spaces = &text[word_end..end];
        let mandatory = opportunity == BreakOpportunity::Mandatory && end < text.len();
        if !spaces.is_empty() && spaces.chars().any(|c| c == ' ' || c == '\t') {
            let owner = owner_at(owners, word_end);
            let style = &self.styles[owner];
            let glyphs = self.shaper.shape(" ", style);
            let width = width(&glyphs) * spaces.chars().filter(|&c| c == ' ').count().max(1) as f32;
            let glyph = glyphs.into_iter().next().map(|glyph| StyledGlyph {
                glyph,
                style: owner,
            });
            if !mandatory {
                self.items.push(Item::Glue {
                    width,
                    stretch: width * 0.6,
                    shrink: width * 0.3,
                    glyph,
                });
            }
        } else if !mandatory && end < text.len() {
            match last_char {
                Some(c) if crate::fonts::is_cjk(c) => self.items.push(Item::Glue {
                    width: 0.0,
                    stretch: self.styles[owner_at(owners, start)].size * 0.15,
                    shrink: 0.0,
                    glyph: None,
                }),
                Some(c) => self.items.push(Item::Penalty {
                    width: 0.0,
                    penalty: if matches!(c, '-' | '–' | '—') {
                        50.0
                    } else {
                        100.0
                    },
                    flagged: matches!(c, '-' | '–'),
                    glyph: None,
                }),
                None => {}
            }
        }
        if mandatory {
            self.items.push(Item::Glue {
                width: 0.0,
                stretch: INFINITY,
                shrink: 0.0,
                glyph: None,
            });
            self.items.push(Item::Penalty {
                width: 0.0,
                penalty: -INFINITY,
                flagged: false,
                glyph: None,
            });
        }
    }

    /// Part of a word in one style: shaped, hyphenated, split if too long.
    fn word_piece(&mut self, piece: &str, style_index: usize, hyphenate: bool) {
        let style = self.styles[style_index].clone();
        // Hyphenate the letters between leading and trailing punctuation.
        let core_start = piece.len() - piece.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        let core = piece[core_start..].trim_end_matches(|c: char| !c.is_alphabetic());
        let points = if hyphenate {
            self.hyphenation.points(core)
        } else {
            Vec::new()
        };
        let mut cuts: Vec<usize> = points.into_iter().map(|p| p + core_start).collect();
        cuts.push(piece.len());
        let mut from = 0;
        for (i, &cut) in cuts.iter().enumerate() {
            let glyphs = self.shaper.shape(&piece[from..cut], &style);
            self.push_box(glyphs, style_index);
            if i + 1 < cuts.len() {
                let hyphen = self.shaper.shape("-", &style);
                let w = width(&hyphen);
                let glyph = hyphen.into_iter().next().map(|mut glyph| {
                    glyph.text = "\u{AD}".to_string();
                    StyledGlyph {
                        glyph,
                        style: style_index,
                    }
                });
                self.items.push(Item::Penalty {
                    width: w,
                    penalty: HYPHEN_PENALTY,
                    flagged: true,
                    glyph,
                });
            }
            from = cut;
        }
    }

    /// A box, or for text wider than the line, one box per cluster with
    /// break points between them so the word never runs into the margin.
    fn push_box(&mut self, glyphs: Vec<ShapedGlyph>, style: usize) {
        let total = width(&glyphs);
        if total <= self.line_width {
            self.items.push(Item::Box {
                width: total,
                glyphs: glyphs
                    .into_iter()
                    .map(|glyph| StyledGlyph { glyph, style })
                    .collect(),
            });
            return;
        }
        let mut current: Vec<StyledGlyph> = Vec::new();
        for glyph in glyphs {
            if !glyph.text.is_empty() && !current.is_empty() {
                let w = current.iter().map(|g| g.glyph.advance).sum();
                self.items.push(Item::Box {
                    width: w,
                    glyphs: std::mem::take(&mut current),
                });
                self.items.push(Item::Penalty {
                    width: 0.0,
                    penalty: 900.0,
                    flagged: false,
                    glyph: None,
                });
            }
            current.push(StyledGlyph { glyph, style });
        }
        if !current.is_empty() {
            let w = current.iter().map(|g| g.glyph.advance).sum();
            self.items.push(Item::Box {
                width: w,
                glyphs: current,
            });
        }
    }
}

/// Index of the span that owns byte `at`.
fn owner_at(owners: &[(usize, usize)], at: usize) -> usize {
    owners
        .iter()
        .find(|&&(end, _)| at < end)
        .map(|&(_, i)| i)
        .unwrap_or_else(|| owners.len().saturating_sub(1))
}
