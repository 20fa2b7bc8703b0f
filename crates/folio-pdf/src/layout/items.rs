//! A paragraph as Knuth–Plass items: boxes of shaped glyphs, glue for word
//! spaces and penalties at hyphenation and other break points (UAX #14).

use std::borrow::Cow;

use ecow::EcoString;
use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::layout::bidi::Levels;
use crate::layout::hyphenate::Hyphenation;
use crate::layout::shape::{ShapedGlyph, Shaper, cluster_at, width};
use crate::layout::style::Style;

/// Penalty that forbids a break.
pub const INFINITY: f32 = 10_000.0;

/// Cost of breaking at a hyphenation point: a little over TeX's 50, since
/// our measure is wide enough that hyphens are rarely needed.
const HYPHEN_PENALTY: f32 = 100.0;

/// A piece of styled text.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

/// A space or hyphen glyph, with the style it is drawn in.
#[derive(Debug, Clone)]
pub struct StyledGlyph {
    pub glyph: ShapedGlyph,
    pub style: usize,
}

/// An item of a paragraph whose text was shaped into [`Shaped`] (`'s`).
#[derive(Debug, Clone)]
pub enum Item<'s> {
    Box {
        width: f32,
        /// The glyphs, in one style: most boxes borrow them from the
        /// shaped paragraph, as a paragraph's words are thousands of
        /// glyphs that would otherwise be copied once more.
        glyphs: Cow<'s, [ShapedGlyph]>,
        style: usize,
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
        /// A point found by hyphenation, which a first pass of line
        /// breaking passes over.
        hyphenation: bool,
        level: u8,
    },
}

/// A paragraph ready for line breaking.
#[derive(Debug, Clone)]
pub struct Paragraph<'s> {
    pub items: Vec<Item<'s>>,
    pub styles: Vec<Style>,
    /// The paragraph runs right to left: lines align and start on the right.
    pub rtl: bool,
    /// Word pieces that hyphenation may split, in order: see
    /// [`Shaped::hyphenate`].
    deferred: Vec<Deferred>,
}

/// A word piece set whole that hyphenation may split: the items it made
/// and what it was made from.
#[derive(Debug, Clone)]
struct Deferred {
    items: std::ops::Range<usize>,
    text: std::ops::Range<usize>,
    style: usize,
    level: u8,
}

/// A paragraph's text shaped once: items can then be made from it with
/// or without hyphenation.
#[derive(Debug)]
pub struct Shaped {
    text: String,
    /// Byte offset where each span ends, with the span's index.
    owners: Vec<(usize, usize)>,
    levels: Levels,
    styles: Vec<Style>,
    runs: Vec<ShapedRun>,
}

/// Shapes a paragraph's spans; `rtl` when the document's language is
/// written right to left.
pub fn shape(spans: &[Span], shaper: &Shaper<'_>, rtl: bool) -> Shaped {
    // One string for the whole paragraph so UAX #14 and UAX #9 see across
    // style changes.
    let mut text = String::new();
    let mut owners = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        text.push_str(&span.text);
        owners.push((text.len(), i));
    }
    let levels = Levels::resolve(&text, rtl);
    let styles: Vec<Style> = spans.iter().map(|s| s.style.clone()).collect();
    let runs = shape_runs(&text, &owners, &levels, &styles, shaper);
    Shaped {
        text,
        owners,
        levels,
        styles,
        runs,
    }
}

impl Shaped {
    /// Items for lines `line_width` wide, without hyphenation points: a
    /// first pass of line breaking needs none, and most paragraphs set
    /// well without them. [`Shaped::hyphenate`] adds them.
    pub fn items(&self, shaper: &Shaper<'_>, first_indent: f32, line_width: f32) -> Paragraph<'_> {
        self.build(shaper, None, first_indent, line_width)
    }

    /// `paragraph` (made by [`Shaped::items`]) with the hyphenation points
    /// of its words: the items are those of itemising it with
    /// `hyphenation` in the first place, and only the words that get a
    /// point are made again.
    pub fn hyphenate<'s>(
        &'s self,
        paragraph: Paragraph<'s>,
        shaper: &Shaper<'_>,
        hyphenation: &Hyphenation,
        line_width: f32,
    ) -> Paragraph<'s> {
        let Paragraph {
            items,
            styles,
            rtl,
            deferred,
        } = paragraph;
        let mut builder = self.builder(shaper, Some(hyphenation), styles, line_width);
        builder.items.reserve(items.len() + items.len() / 4);
        let mut pieces = deferred.iter().peekable();
        let mut skip_to = 0;
        for (i, item) in items.into_iter().enumerate() {
            if i < skip_to {
                continue;
            }
            if let Some(piece) = pieces.next_if(|p| p.items.start == i) {
                let word = self.text.get(piece.text.clone()).unwrap_or_default();
                let (_, core) = hyphenation_core(word);
                if !hyphenation.points(core).is_empty() {
                    builder.word_piece(
                        &self.text,
                        piece.text.clone(),
                        piece.style,
                        true,
                        piece.level,
                    );
                    skip_to = piece.items.end;
                    continue;
                }
            }
            builder.items.push(item);
        }
        Paragraph {
            items: builder.items,
            styles: builder.styles,
            rtl,
            deferred: Vec::new(),
        }
    }

    /// Items hyphenated by `hyphenation`, or with the hyphenable word
    /// pieces noted for later when it is `None`.
    fn build(
        &self,
        shaper: &Shaper<'_>,
        hyphenation: Option<&Hyphenation>,
        first_indent: f32,
        line_width: f32,
    ) -> Paragraph<'_> {
        let (text, owners) = (&self.text, &self.owners);
        let base = self.levels.base;
        let mut builder = self.builder(shaper, hyphenation, self.styles.clone(), line_width);
        // About a box and a glue per word (and two items per hyphenation
        // point): rarely outgrown.
        builder.items.reserve(text.len() / 2 + 4);
        if first_indent > 0.0 {
            builder.items.push(Item::Box {
                width: first_indent,
                glyphs: Cow::Borrowed(&[]),
                style: 0,
                level: base,
            });
        }
        let mut start = 0;
        for (end, opportunity) in linebreaks(text) {
            builder.segment(text, start, end, opportunity, owners);
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
            hyphenation: false,
            level: base,
        });
        Paragraph {
            items: builder.items,
            styles: builder.styles,
            rtl: base % 2 == 1,
            deferred: builder.deferred,
        }
    }

    fn builder<'s, 'b, 'a>(
        &'s self,
        shaper: &'b Shaper<'a>,
        hyphenation: Option<&'b Hyphenation>,
        styles: Vec<Style>,
        line_width: f32,
    ) -> Builder<'s, 'b, 'a> {
        Builder {
            shaper,
            hyphenation,
            items: Vec::new(),
            deferred: Vec::new(),
            spaces: vec![None; styles.len()],
            hyphens: vec![None; styles.len()],
            styles,
            line_width,
            levels: &self.levels,
            runs: &self.runs,
        }
    }
}

/// The letters of a word piece between its leading and trailing
/// punctuation, with where they start: what hyphenation looks at.
fn hyphenation_core(piece: &str) -> (usize, &str) {
    let core_start = piece.len() - piece.trim_start_matches(|c: char| !c.is_alphabetic()).len();
    let core = piece[core_start..].trim_end_matches(|c: char| !c.is_alphabetic());
    (core_start, core)
}

/// Glyphs of a stretch of the paragraph in one style, direction and
/// script, shaped together so kerning and ligatures see whole words.
#[derive(Debug)]
struct ShapedRun {
    start: usize,
    glyphs: Vec<ShapedGlyph>,
    rtl: bool,
}

impl ShapedRun {
    /// The run's glyphs whose clusters start inside `range`. Clusters
    /// rise through a left-to-right run and fall through a right-to-left
    /// one (glyphs are in visual order).
    fn slice(&self, range: &std::ops::Range<usize>) -> &[ShapedGlyph] {
        let glyphs = &self.glyphs;
        let (lo, hi) = if self.rtl {
            (
                glyphs.partition_point(|g| g.cluster as usize >= range.end),
                glyphs.partition_point(|g| g.cluster as usize >= range.start),
            )
        } else {
            (
                glyphs.partition_point(|g| (g.cluster as usize) < range.start),
                glyphs.partition_point(|g| (g.cluster as usize) < range.end),
            )
        };
        glyphs.get(lo..hi).unwrap_or_default()
    }
}

/// Shapes the paragraph per stretch of one style, bidi level and script:
/// right-to-left stretches whole, left-to-right ones word by word through
/// the shaper's cache (see [`shape_words`]).
fn shape_runs(
    text: &str,
    owners: &[(usize, usize)],
    levels: &Levels,
    styles: &[Style],
    shaper: &Shaper<'_>,
) -> Vec<ShapedRun> {
    let mut runs = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let owner = owner_at(owners, at);
        let style_end = owners
            .get(owner)
            .map_or(text.len(), |&(e, _)| e)
            .min(text.len());
        let end = script_end(text, at, levels.run_end(at, style_end));
        if end <= at {
            break;
        }
        let rtl = levels.at(at) % 2 == 1;
        let glyphs = if rtl {
            let mut glyphs = shaper.shape_uncached(&text[at..end], &styles[owner], Some(true));
            for g in &mut glyphs {
                g.cluster += cluster_at(at);
            }
            glyphs
        } else {
            shape_words(text, at..end, &styles[owner], shaper)
        };
        runs.push(ShapedRun {
            start: at,
            glyphs,
            rtl,
        });
        at = end;
    }
    runs
}

/// Shapes left-to-right `text[range]` word by word, each word with the
/// spaces after it, through the shaper's cache: a paragraph repeats most of
/// its words. The glyphs are those of shaping the run whole as long as the
/// font's lookups reach no further than the next space: pair kerning moves
/// the first glyph of a pair only, so a word's last letter is kerned
/// against the space it carries, and the space's own advance, which would
/// differ, is not used (word spaces are glue).
fn shape_words(
    text: &str,
    range: std::ops::Range<usize>,
    style: &Style,
    shaper: &Shaper<'_>,
) -> Vec<ShapedGlyph> {
    let bytes = text.as_bytes();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = range.start;
    while start < range.end {
        // A space byte is never part of a longer UTF-8 sequence, so these
        // ends are character boundaries.
        let mut end = start;
        while end < range.end && bytes[end] != b' ' {
            end += 1;
        }
        while end < range.end && bytes[end] == b' ' {
            end += 1;
        }
        words.push((start, &text[start..end]));
        start = end;
    }
    let mut out = Vec::with_capacity(range.len());
    shaper.shape_words_into(&words, style, &mut out);
    out
}

/// Where the script of `text[start..end]` first changes; characters of
/// common script (spaces, punctuation, digits) go with their neighbours.
fn script_end(text: &str, start: usize, end: usize) -> usize {
    use unicode_script::{Script, UnicodeScript};
    let mut current = None;
    for (i, c) in text[start..end].char_indices() {
        // The table search costs more than the rest of the loop; ASCII
        // letters are Latin and the rest of ASCII is common.
        let script = if c.is_ascii_alphabetic() {
            Script::Latin
        } else if c.is_ascii() {
            Script::Common
        } else {
            c.script()
        };
        if matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        match current {
            None => current = Some(script),
            Some(s) if s != script => return start + i,
            Some(_) => {}
        }
    }
    end
}

/// Makes the items of a paragraph shaped into [`Shaped`] (`'s`).
struct Builder<'s, 'b, 'a> {
    shaper: &'b Shaper<'a>,
    /// `None` notes the hyphenable pieces in `deferred` instead.
    hyphenation: Option<&'b Hyphenation>,
    items: Vec<Item<'s>>,
    deferred: Vec<Deferred>,
    styles: Vec<Style>,
    /// The space and hyphen glyphs of each style, shaped on first use.
    spaces: Vec<Option<Vec<ShapedGlyph>>>,
    hyphens: Vec<Option<Vec<ShapedGlyph>>>,
    line_width: f32,
    levels: &'s Levels,
    runs: &'s [ShapedRun],
}

impl<'s> Builder<'s, '_, '_> {
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
                Some(_) if piece_end > at => {
                    let end = script_end(text, at, piece_end);
                    self.word_piece(text, at..end, owner, !compound, level);
                    at = end;
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
            let (one, glyph) = self.shaped_once(" ", owner);
            let width = one * spaces.chars().filter(|&c| c == ' ').count().max(1) as f32;
            let glyph = glyph.map(|glyph| StyledGlyph {
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
                    hyphenation: false,
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
                hyphenation: false,
                level: base,
            });
        }
    }

    /// Part of a word in one style and direction: its shaped glyphs,
    /// hyphenated, split if too long.
    fn word_piece(
        &mut self,
        text: &str,
        range: std::ops::Range<usize>,
        style_index: usize,
        hyphenate: bool,
        level: u8,
    ) {
        let piece = &text[range.clone()];
        let glyphs = self.glyphs(text, range.clone());
        // Hyphenate the letters between leading and trailing punctuation.
        let (core_start, core) = hyphenation_core(piece);
        let points = match self.hyphenation {
            Some(hyphenation) if hyphenate => hyphenation.points(core),
            Some(_) => Vec::new(),
            None => {
                let first = self.items.len();
                self.push_box(glyphs, style_index, level);
                if hyphenate {
                    self.deferred.push(Deferred {
                        items: first..self.items.len(),
                        text: range,
                        style: style_index,
                        level,
                    });
                }
                return;
            }
        };
        // A point inside a ligature or cluster is no place to break.
        let mut cuts: Vec<usize> = points
            .into_iter()
            .map(|p| range.start + core_start + p)
            .filter(|&cut| {
                glyphs
                    .iter()
                    .any(|g| g.cluster as usize == cut && !g.text.is_empty())
            })
            .collect();
        if cuts.is_empty() {
            self.push_box(glyphs, style_index, level);
            return;
        }
        cuts.push(range.end);
        let mut from = range.start;
        for (i, &cut) in cuts.iter().enumerate() {
            let part = clusters_in(&glyphs, from..cut);
            self.push_box(part, style_index, level);
            if i + 1 < cuts.len() {
                let (w, hyphen) = self.shaped_once("-", style_index);
                let glyph = hyphen.map(|mut glyph| {
                    glyph.text = EcoString::inline("\u{AD}");
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
                    hyphenation: true,
                    level,
                });
            }
            from = cut;
        }
    }

    /// The shaped glyphs of `text[range]`, in visual order, each glyph's
    /// text cut off where the range ends: borrowed from the shaped run
    /// when the range lies in one and no glyph's text is cut (a word
    /// piece almost always).
    fn glyphs(&self, text: &str, range: std::ops::Range<usize>) -> Cow<'s, [ShapedGlyph]> {
        let runs: &'s [ShapedRun] = self.runs;
        let first = runs
            .partition_point(|r| r.start <= range.start)
            .saturating_sub(1);
        let runs = &runs[first..];
        let count = runs.iter().take_while(|r| r.start < range.end).count();
        let is_cut = |g: &ShapedGlyph| g.cluster as usize + g.text.len() > range.end;
        if let [run] = &runs[..count] {
            let slice = run.slice(&range);
            if !slice.iter().any(is_cut) {
                return Cow::Borrowed(slice);
            }
        }
        let mut out = Vec::new();
        for run in &runs[..count] {
            let slice = run.slice(&range);
            out.reserve(slice.len());
            for g in slice {
                let mut glyph = g.clone();
                if is_cut(g) {
                    let source = &text[g.cluster as usize..range.end];
                    glyph.text = if run.rtl {
                        source.chars().rev().collect()
                    } else {
                        EcoString::from(source)
                    };
                }
                out.push(glyph);
            }
        }
        Cow::Owned(out)
    }

    /// The width of the space or hyphen of a style, with its first glyph
    /// (the one drawn); shaped on first use.
    fn shaped_once(&mut self, mark: &str, style: usize) -> (f32, Option<ShapedGlyph>) {
        let slots = if mark == " " {
            &mut self.spaces
        } else {
            &mut self.hyphens
        };
        let glyphs = match slots.get_mut(style) {
            Some(Some(glyphs)) => glyphs,
            Some(slot) => slot.insert(self.shaper.shape(mark, &self.styles[style])),
            None => return (0.0, None),
        };
        (width(glyphs), glyphs.first().cloned())
    }

    /// A box, or for text wider than the line, one box per cluster with
    /// break points between them so the word never runs into the margin.
    fn push_box(&mut self, glyphs: Cow<'s, [ShapedGlyph]>, style: usize, level: u8) {
        let total: f32 = glyphs.iter().map(|g| g.advance).sum();
        if total <= self.line_width {
            self.items.push(Item::Box {
                width: total,
                glyphs,
                style,
                level,
            });
            return;
        }
        // Right-to-left glyphs are in visual order; boxes go in logical
        // order, so take the clusters from the other end.
        let glyphs: Cow<'s, [ShapedGlyph]> = if level % 2 == 1 {
            let reversed = clusters(&glyphs).into_iter().rev();
            Cow::Owned(reversed.flat_map(|c| glyphs[c].iter().cloned()).collect())
        } else {
            glyphs
        };
        for (k, cluster) in clusters(&glyphs).into_iter().enumerate() {
            if k > 0 {
                self.items.push(Item::Penalty {
                    width: 0.0,
                    penalty: 900.0,
                    flagged: false,
                    glyph: None,
                    hyphenation: false,
                    level,
                });
            }
            let part = sub_slice(&glyphs, cluster);
            self.items.push(Item::Box {
                width: part.iter().map(|g| g.advance).sum(),
                glyphs: part,
                style,
                level,
            });
        }
    }
}

/// Where each cluster of `glyphs` lies: a glyph with text starts one, and
/// so does the first glyph.
fn clusters(glyphs: &[ShapedGlyph]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, glyph) in glyphs.iter().enumerate().skip(1) {
        if !glyph.text.is_empty() {
            ranges.push(start..i);
            start = i;
        }
    }
    if !glyphs.is_empty() {
        ranges.push(start..glyphs.len());
    }
    ranges
}

/// `glyphs[range]`, borrowed as long as `glyphs` is.
fn sub_slice<'s>(
    glyphs: &Cow<'s, [ShapedGlyph]>,
    range: std::ops::Range<usize>,
) -> Cow<'s, [ShapedGlyph]> {
    match glyphs {
        Cow::Borrowed(all) => Cow::Borrowed(all.get(range).unwrap_or_default()),
        Cow::Owned(all) => Cow::Owned(all.get(range).unwrap_or_default().to_vec()),
    }
}

/// The glyphs of `glyphs` whose clusters start in `range`: a stretch of
/// them (borrowed as long as `glyphs` is) unless they are scattered.
fn clusters_in<'s>(
    glyphs: &Cow<'s, [ShapedGlyph]>,
    range: std::ops::Range<usize>,
) -> Cow<'s, [ShapedGlyph]> {
    let inside = |g: &ShapedGlyph| range.contains(&(g.cluster as usize));
    let first = glyphs.iter().position(inside).unwrap_or(glyphs.len());
    let end = glyphs[first..]
        .iter()
        .position(|g| !inside(g))
        .map_or(glyphs.len(), |n| first + n);
    if glyphs[end..].iter().any(inside) {
        Cow::Owned(glyphs.iter().filter(|g| inside(g)).cloned().collect())
    } else {
        sub_slice(glyphs, first..end)
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::fonts::{FaceId, FontBook, FontChoice};

    #[test]
    fn hyphenating_later_gives_the_items_of_hyphenating_at_once() {
        let text = "Internationally, extraordinary cooperation—and cross-border \
                    infrastructure—rewards patience: a conversation with unexpectedly \
                    thoughtful representatives, about responsibilities.";
        let book = FontBook::for_text(text, &FontChoice::default()).unwrap();
        let shaper = Shaper::new(&book);
        let spans = [
            Span {
                text: "Question: ".into(),
                style: Style::new(FaceId::SANS_BOLD, 9.0),
            },
            Span {
                text: text.into(),
                style: Style::new(FaceId::SERIF, 10.5),
            },
        ];
        let hyphenation = Hyphenation::for_language("en");
        let shaped = shape(&spans, &shaper, false);
        for width in [60.0, 120.0, 300.0] {
            let at_once = shaped.build(&shaper, Some(&hyphenation), 12.0, width);
            let plain = shaped.items(&shaper, 12.0, width);
            assert!(!plain.items.iter().any(|i| matches!(
                i,
                Item::Penalty {
                    hyphenation: true,
                    ..
                }
            )));
            let later = shaped.hyphenate(plain, &shaper, &hyphenation, width);
            let points = later
                .items
                .iter()
                .filter(|i| {
                    matches!(
                        i,
                        Item::Penalty {
                            hyphenation: true,
                            ..
                        }
                    )
                })
                .count();
            assert!(points > 5, "{points} hyphenation points at {width}");
            assert_eq!(format!("{:?}", later.items), format!("{:?}", at_once.items));
        }
    }

    #[test]
    fn word_pieces_borrow_their_glyphs_unless_scattered() {
        let glyph = |cluster: u32| ShapedGlyph {
            text: EcoString::inline("a"),
            advance: 5.0,
            x_offset: 0.0,
            cluster,
            id: 1,
            face: FaceId::SERIF,
        };
        let cluster_ids =
            |glyphs: &[ShapedGlyph]| glyphs.iter().map(|g| g.cluster).collect::<Vec<_>>();
        let word = [glyph(0), glyph(1), glyph(2), glyph(3)];
        let part = clusters_in(&Cow::Borrowed(&word[..]), 1..3);
        assert!(matches!(part, Cow::Borrowed(_)));
        assert_eq!(cluster_ids(&part), [1, 2]);
        // Glyphs of the range that are not side by side are gathered.
        let scattered = [glyph(1), glyph(3), glyph(2)];
        let part = clusters_in(&Cow::Borrowed(&scattered[..]), 1..3);
        assert!(matches!(part, Cow::Owned(_)));
        assert_eq!(cluster_ids(&part), [1, 2]);
        assert!(clusters_in(&Cow::Borrowed(&word[..]), 7..9).is_empty());
    }

    #[test]
    fn scripts_change_at_letters_and_common_characters_go_along() {
        let text = "Hello, 1 Ωμέγα (ok)";
        let greek = text.find('Ω').unwrap();
        assert_eq!(script_end(text, 0, text.len()), greek);
        // Greek goes on through the spaces, digits and brackets until the
        // Latin letters.
        let latin = text.find("ok").unwrap();
        assert_eq!(script_end(text, greek, text.len()), latin);
        assert_eq!(script_end("1, 2, 3", 0, 7), 7);
        assert_eq!(script_end("中文abc", 0, 9), 6);
    }
}
