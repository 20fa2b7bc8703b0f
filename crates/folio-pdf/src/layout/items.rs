//! A paragraph as Knuth–Plass items: boxes of shaped glyphs, glue for word
//! spaces and penalties at hyphenation and other break points (UAX #14).

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::layout::bidi::Levels;
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
        /// Bidi embedding level: odd is right to left.
        level: u8,
    },
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
        /// The space glyph, drawn so text extraction sees a space.
        glyph: Option<StyledGlyph>,
        level: u8,
    },
    Penalty {
        width: f32,
        penalty: f32,
        flagged: bool,
        /// The hyphen drawn when the line breaks here.
        glyph: Option<StyledGlyph>,
        level: u8,
    },
}

/// A paragraph ready for line breaking.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub items: Vec<Item>,
    pub styles: Vec<Style>,
    /// The paragraph runs right to left: lines align and start on the right.
    pub rtl: bool,
}

/// Turns spans into items for lines `line_width` wide; `rtl` when the
/// document's language is written right to left.
pub fn build(
    spans: &[Span],
    shaper: &Shaper<'_>,
    hyphenation: &Hyphenation,
    first_indent: f32,
    line_width: f32,
    rtl: bool,
) -> Paragraph {
    // One string for the whole paragraph so UAX #14 and UAX #9 see across
    // style changes.
    let mut text = String::new();
    let mut owners = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        text.push_str(&span.text);
        owners.push((text.len(), i));
    }
    let levels = Levels::resolve(&text, rtl);
    let base = levels.base;
    let mut builder = Builder {
        shaper,
        hyphenation,
        items: Vec::new(),
        styles: spans.iter().map(|s| s.style.clone()).collect(),
        line_width,
        levels,
    };
    if first_indent > 0.0 {
        builder.items.push(Item::Box {
            width: first_indent,
            glyphs: Vec::new(),
            level: base,
        });
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
        level: base,
    });
    builder.items.push(Item::Penalty {
        width: 0.0,
        penalty: -INFINITY,
        flagged: false,
        glyph: None,
        level: base,
    });
    Paragraph {
        items: builder.items,
        styles: builder.styles,
        rtl: base % 2 == 1,
    }
}

struct Builder<'s, 'a> {
    shaper: &'s Shaper<'a>,
    hyphenation: &'s Hyphenation,
    items: Vec<Item>,
    styles: Vec<Style>,
    line_width: f32,
    levels: Levels,
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
        // Pieces of the word in one style and one direction each.
        let mut at = start;
        while at < word_end {
            let owner = owner_at(owners, at);
            let style_end = owners
                .get(owner)
                .map(|&(e, _)| e)
                .unwrap_or(word_end)
                .min(word_end);
            let piece_end = self.levels.run_end(at, style_end);
            let level = self.levels.at(at);
            match text.get(at..piece_end) {
                Some(piece) if piece_end > at => {
                    self.word_piece(piece, owner, !compound, level);
                    at = piece_end;
                }
                // Not on a character boundary: cannot happen, but never loop.
                _ => break,
            }
        }
        let base = self.levels.base;
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
                    level: self.levels.at(word_end),
                });
            }
        } else if !mandatory && end < text.len() {
            match last_char {
                Some(c) if crate::fonts::is_cjk(c) => self.items.push(Item::Glue {
                    width: 0.0,
                    stretch: self.styles[owner_at(owners, start)].size * 0.15,
                    shrink: 0.0,
                    glyph: None,
                    level: base,
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
                    level: base,
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
                level: base,
            });
            self.items.push(Item::Penalty {
                width: 0.0,
                penalty: -INFINITY,
                flagged: false,
                glyph: None,
                level: base,
            });
        }
    }

    /// Part of a word in one style: shaped, hyphenated, split if too long.
    fn word_piece(&mut self, piece: &str, style_index: usize, hyphenate: bool, level: u8) {
        let rtl = Some(level % 2 == 1);
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
            let glyphs = self.shaper.shape_directed(&piece[from..cut], &style, rtl);
            self.push_box(glyphs, style_index, level);
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
                    level,
                });
            }
            from = cut;
        }
    }

    /// A box, or for text wider than the line, one box per cluster with
    /// break points between them so the word never runs into the margin.
    fn push_box(&mut self, glyphs: Vec<ShapedGlyph>, style: usize, level: u8) {
        let total = width(&glyphs);
        if total <= self.line_width {
            self.items.push(Item::Box {
                width: total,
                glyphs: glyphs
                    .into_iter()
                    .map(|glyph| StyledGlyph { glyph, style })
                    .collect(),
                level,
            });
            return;
        }
        // Right-to-left glyphs are in visual order; boxes go in logical
        // order, so take the clusters from the other end.
        let glyphs: Vec<ShapedGlyph> = if level % 2 == 1 {
            let mut clusters: Vec<Vec<ShapedGlyph>> = Vec::new();
            for glyph in glyphs {
                match clusters.last_mut() {
                    Some(c) if glyph.text.is_empty() => c.push(glyph),
                    _ => clusters.push(vec![glyph]),
                }
            }
            clusters.into_iter().rev().flatten().collect()
        } else {
            glyphs
        };
        let mut current: Vec<StyledGlyph> = Vec::new();
        for glyph in glyphs {
            if !glyph.text.is_empty() && !current.is_empty() {
                let w = current.iter().map(|g| g.glyph.advance).sum();
                self.items.push(Item::Box {
                    width: w,
                    glyphs: std::mem::take(&mut current),
                    level,
                });
                self.items.push(Item::Penalty {
                    width: 0.0,
                    penalty: 900.0,
                    flagged: false,
                    glyph: None,
                    level,
                });
            }
            current.push(StyledGlyph { glyph, style });
        }
        if !current.is_empty() {
            let w = current.iter().map(|g| g.glyph.advance).sum();
            self.items.push(Item::Box {
                width: w,
                glyphs: current,
                level,
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
