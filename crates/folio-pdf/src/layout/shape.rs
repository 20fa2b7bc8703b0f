//! Shaping: text in one style becomes positioned glyphs (kerning and
//! standard ligatures from the font), each glyph carrying the text it draws.

use ecow::EcoString;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::fonts::{FaceId, FontBook};
use crate::layout::shaping_font::ShapingFont;
use crate::layout::style::Style;

/// One shaped glyph, in points. A page holds thousands and the layout
/// copies them from stage to stage, so the fields are kept small (32
/// bytes): the text is inline up to 15 bytes, and a paragraph's offsets
/// fit in 32 bits.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    /// The source text this glyph stands for: one character, several for a
    /// ligature, empty for the second glyph of a cluster.
    pub text: EcoString,
    pub advance: f32,
    pub x_offset: f32,
    /// Byte offset of the glyph's cluster in the shaped text.
    pub cluster: u32,
    pub id: u16,
    pub face: FaceId,
}

// Checked when compiling: a larger glyph costs memory on every page.
// (Ligatures and the characters of every script stay inline.)
const _: () = assert!(std::mem::size_of::<ShapedGlyph>() <= 32);
const _: () = assert!(std::mem::size_of::<crate::layout::tree::Glyph>() <= 24);
const _: () = assert!(EcoString::INLINE_LIMIT >= 12);

/// A byte offset in a paragraph as a glyph's cluster: paragraphs are far
/// shorter than 4 GiB.
pub fn cluster_at(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Face, size, tracking (as bits) and direction of shaped text.
type ShapeKey = (FaceId, u32, u32, Option<bool>);
/// Shaped short texts by style, then by text.
type ShapeCache = FxHashMap<ShapeKey, FxHashMap<Box<str>, Vec<ShapedGlyph>>>;

/// A face as the shaper and the coverage check read it.
struct ShapingFace<'a> {
    /// `None` for a font that ttf-parser reads and read-fonts does not:
    /// its text is then set with the nominal glyphs, unshaped.
    font: Option<Arc<ShapingFont>>,
    cmap: ttf_parser::Face<'a>,
}

/// The document's faces ready for shaping; shared by the threads that set
/// paragraphs.
pub struct Shaper<'a> {
    book: &'a FontBook,
    faces: Vec<Option<ShapingFace<'a>>>,
    /// Words, spaces, hyphens, labels and folios recur; each is shaped
    /// once per style.
    cache: [Mutex<ShapeCache>; CACHE_SHARDS],
    /// Per face, whether it has a glyph for each character below
    /// [`COVERAGE_END`], learnt on first use (0: not asked yet).
    coverage: Vec<Box<[AtomicU8]>>,
}

const CACHE_SHARDS: usize = 16;

/// Longest word kept in the cache; longer ones (a URL, a line of Chinese)
/// rarely recur.
const CACHED_WORD: usize = 48;

/// Latin, Greek, Cyrillic and the general punctuation block.
const COVERAGE_END: usize = 0x2070;
const COVERED: u8 = 1;
const MISSING: u8 = 2;

impl std::fmt::Debug for Shaper<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shaper")
            .field("faces", &self.faces.len())
            .finish()
    }
}

impl<'a> Shaper<'a> {
    pub fn new(book: &'a FontBook) -> Self {
        let faces: Vec<_> = book
            .faces
            .iter()
            .map(|f| {
                let font = ShapingFont::for_face(&f.data, f.index);
                let cmap = ttf_parser::Face::parse(&f.data, f.index).ok()?;
                Some(ShapingFace { font, cmap })
            })
            .collect();
        Shaper {
            book,
            coverage: (0..faces.len())
                .map(|_| (0..COVERAGE_END).map(|_| AtomicU8::new(0)).collect())
                .collect(),
            faces,
            cache: Default::default(),
        }
    }

    /// Shapes `text` in `style`, switching to a fallback face for
    /// characters the style's face lacks.
    /// The direction is guessed from the text's script.
    pub fn shape(&self, text: &str, style: &Style) -> Vec<ShapedGlyph> {
        self.shape_directed(text, style, None)
    }

    /// Shapes `text` in a known direction (`Some(true)`: right to left, as
    /// the bidi algorithm resolved it), glyphs in visual order. Neutral
    /// characters such as parentheses take the run's direction, so they
    /// are mirrored inside right-to-left runs.
    pub fn shape_directed(&self, text: &str, style: &Style, rtl: Option<bool>) -> Vec<ShapedGlyph> {
        let key = cache_key(style, rtl);
        let mut out = Vec::new();
        if self.append_cached(key, text, 0, &mut out) {
            return out;
        }
        let out = self.shape_uncached(text, style, rtl);
        self.remember(key, text, out.clone());
        out
    }

    /// Whether `text` is cached. Paragraphs are shaped on several threads
    /// at once: the cache is split by text so that they seldom wait for
    /// each other.
    fn is_cached(&self, key: ShapeKey, text: &str) -> bool {
        self.cache[shard_of(text)]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .is_some_and(|m| m.contains_key(text))
    }

    /// Appends the cached glyphs of `text`, clusters moved by `offset`;
    /// false when `text` is not cached.
    fn append_cached(
        &self,
        key: ShapeKey,
        text: &str,
        offset: usize,
        out: &mut Vec<ShapedGlyph>,
    ) -> bool {
        let cache = self.cache[shard_of(text)]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let Some(glyphs) = cache.get(&key).and_then(|m| m.get(text)) else {
            return false;
        };
        extend_moved(out, glyphs, offset);
        true
    }

    fn remember(&self, key: ShapeKey, text: &str, glyphs: Vec<ShapedGlyph>) {
        self.cache[shard_of(text)]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(key)
            .or_default()
            .insert(text.into(), glyphs);
    }

    /// Shapes left-to-right `words` (each with the spaces after it) in
    /// `style`, through the cache (words up to [`CACHED_WORD`] bytes). The
    /// words not cached yet are shaped together in one call: a call costs
    /// about as much as shaping thirty letters (callgrind, HarfRust 0.15),
    /// and most words of a paragraph are new to it. Together or apart, a
    /// word's glyphs are the same as long as the font's lookups stop at a
    /// space (see `items::shape_words`), except the advance of its trailing
    /// space, which may be kerned against the next word and is never used;
    /// a batch where a glyph straddles two words is shaped word by word
    /// instead.
    ///
    /// Each word comes with its offset in the paragraph; its glyphs are
    /// appended to `out` in order, clusters counted from the paragraph's
    /// start.
    pub fn shape_words_into(
        &self,
        words: &[(usize, &str)],
        style: &Style,
        out: &mut Vec<ShapedGlyph>,
    ) {
        /// Where a word's glyphs come from.
        enum Source {
            Cache,
            /// The batch, as its n-th word.
            Batch(usize),
            /// Shaped alone: too long to cache.
            Alone,
        }
        let key = cache_key(style, Some(false));
        let mut sources = Vec::with_capacity(words.len());
        let mut batch = String::new();
        // Index of each batched word and where it starts in `batch`. (A
        // word new to the cache that recurs in the batch is shaped twice,
        // the same both times.) A word without a space after it, the last
        // of a run, goes last, where nothing follows it, as when alone.
        let mut batched: Vec<(usize, usize)> = Vec::new();
        let last = words.len().saturating_sub(1);
        for (i, &(_, word)) in words.iter().enumerate() {
            sources.push(if word.len() <= CACHED_WORD && self.is_cached(key, word) {
                Source::Cache
            } else if word.len() > CACHED_WORD || (!word.ends_with(' ') && i != last) {
                Source::Alone
            } else {
                batched.push((i, batch.len()));
                batch.push_str(word);
                Source::Batch(batched.len() - 1)
            });
        }
        let mut pieces = if batched.is_empty() {
            Vec::new()
        } else {
            let glyphs = self.shape_uncached(&batch, style, Some(false));
            split_by_word(&glyphs, &batched, batch.len())
        };
        for (&(offset, word), source) in words.iter().zip(sources) {
            if matches!(source, Source::Cache) && self.append_cached(key, word, offset, out) {
                continue;
            }
            let glyphs = match source {
                Source::Batch(n) => pieces.get_mut(n).and_then(Option::take),
                Source::Cache | Source::Alone => None,
            }
            .unwrap_or_else(|| self.shape_uncached(word, style, Some(false)));
            extend_moved(out, &glyphs, offset);
            if word.len() <= CACHED_WORD {
                self.remember(key, word, glyphs);
            }
        }
    }

    /// Shapes `text` without the cache: for right-to-left runs and long
    /// words, which seldom recur. Glyphs carry their cluster's byte offset
    /// in `text`.
    pub fn shape_uncached(&self, text: &str, style: &Style, rtl: Option<bool>) -> Vec<ShapedGlyph> {
        // Face runs in logical order; right-to-left text shows them reversed.
        let mut runs: Vec<Vec<ShapedGlyph>> = Vec::new();
        let mut run_start = 0;
        let mut run_face = None;
        for (i, c) in text.char_indices() {
            let face = self.face_for(style.face, c);
            match run_face {
                Some(f) if f == face => {}
                Some(f) => {
                    runs.push(Vec::new());
                    if let Some(run) = runs.last_mut() {
                        self.shape_run(text, run_start..i, f, style, rtl, run);
                    }
                    run_start = i;
                    run_face = Some(face);
                }
                None => run_face = Some(face),
            }
        }
        if let Some(f) = run_face {
            runs.push(Vec::new());
            if let Some(run) = runs.last_mut() {
                self.shape_run(text, run_start..text.len(), f, style, rtl, run);
            }
        }
        if rtl == Some(true) {
            runs.reverse();
        }
        // Text in one face, the usual case, needs no copying.
        if runs.len() == 1 {
            return runs.pop().unwrap_or_default();
        }
        let mut out = Vec::with_capacity(runs.iter().map(Vec::len).sum());
        out.extend(runs.into_iter().flatten());
        out
    }

    fn face_for(&self, preferred: FaceId, c: char) -> FaceId {
        if !crate::fonts::needs_glyph(c) || self.has(preferred, c) {
            return preferred;
        }
        if let Some((regular, bold)) = self.book.fallback_for(c) {
            let wants_bold = matches!(
                preferred,
                FaceId::SERIF_BOLD | FaceId::SERIF_BOLD_ITALIC | FaceId::SANS_BOLD
            );
            return match bold {
                Some(b) if wants_bold && self.has(b, c) => b,
                _ => regular,
            };
        }
        // The bold or italic face may lack what the regular face has.
        if self.has(FaceId::SERIF, c) {
            FaceId::SERIF
        } else {
            preferred
        }
    }

    fn has(&self, face: FaceId, c: char) -> bool {
        let lookup = || {
            self.faces
                .get(face.index())
                .and_then(Option::as_ref)
                .and_then(|f| f.cmap.glyph_index(c))
                .is_some()
        };
        // Every character of a paragraph is checked; a cmap search each time
        // cost more than a tenth of shaping. Answers are kept for the
        // alphabets and punctuation most text is made of.
        let Some(known) = self
            .coverage
            .get(face.index())
            .and_then(|seen| seen.get(c as usize))
        else {
            return lookup();
        };
        match known.load(Ordering::Relaxed) {
            COVERED => true,
            MISSING => false,
            _ => {
                let has = lookup();
                known.store(if has { COVERED } else { MISSING }, Ordering::Relaxed);
                has
            }
        }
    }

    /// Shapes `whole[range]`; clusters are offsets in `whole`.
    fn shape_run(
        &self,
        whole: &str,
        range: std::ops::Range<usize>,
        face_id: FaceId,
        style: &Style,
        rtl: Option<bool>,
        out: &mut Vec<ShapedGlyph>,
    ) {
        let Some(face) = self.faces.get(face_id.index()).and_then(Option::as_ref) else {
            return;
        };
        let offset = range.start;
        let text = &whole[range];
        let scale = style.size / f32::from(face.cmap.units_per_em().max(1));
        let Some(shaping_font) = &face.font else {
            nominal_glyphs(&face.cmap, text, offset, face_id, scale, style, rtl, out);
            return;
        };
        SHAPING_BUFFER.with_borrow_mut(|buffer| {
            buffer.clear();
            buffer.push_str(text);
            buffer.guess_segment_properties();
            match rtl {
                Some(true) => buffer.set_direction(harfrust::Direction::RightToLeft),
                Some(false) => buffer.set_direction(harfrust::Direction::LeftToRight),
                None => {}
            }
            if buffer.direction() == harfrust::Direction::Invalid {
                buffer.set_direction(harfrust::Direction::LeftToRight);
            }
            let plan = shaping_font.plan(buffer.script(), buffer.direction());
            // The shaper's font view is not shareable between threads, and
            // costs less to make than a word costs to shape.
            let font = harfrust::ShaperFont::new(&shaping_font.font);
            let options = harfrust::ShapeOptions::new().plan(Some(&plan));
            if harfrust::shape(&font, buffer, options).is_err() {
                // Shaping fails only for a plan made for another direction
                // or script, and this plan was made from this buffer.
                nominal_glyphs(&face.cmap, text, offset, face_id, scale, style, rtl, out);
                return;
            }
            collect_glyphs(buffer, text, offset, face_id, scale, style, out);
        });
    }
}

/// Appends `glyphs` to `out`, their clusters moved by `offset`.
fn extend_moved(out: &mut Vec<ShapedGlyph>, glyphs: &[ShapedGlyph], offset: usize) {
    out.extend(glyphs.iter().map(|g| ShapedGlyph {
        cluster: g.cluster + cluster_at(offset),
        ..g.clone()
    }));
}

/// The cache key of a style and direction.
fn cache_key(style: &Style, rtl: Option<bool>) -> ShapeKey {
    (
        style.face,
        style.size.to_bits(),
        style.tracking.to_bits(),
        rtl,
    )
}

/// The cache shard a text belongs in.
fn shard_of(text: &str) -> usize {
    (FxBuildHasher.hash_one(text) % CACHE_SHARDS as u64) as usize
}

/// The glyphs of a batch of words cut back into one list per word, with
/// clusters counted from the word's start; `None` for the words whose glyphs
/// are not wholly their own (a glyph reaching into the next word).
fn split_by_word(
    glyphs: &[ShapedGlyph],
    batched: &[(usize, usize)],
    batch_len: usize,
) -> Vec<Option<Vec<ShapedGlyph>>> {
    let mut pieces = Vec::with_capacity(batched.len());
    let mut at = 0;
    for (k, &(_, start)) in batched.iter().enumerate() {
        let end = batched.get(k + 1).map_or(batch_len, |&(_, next)| next);
        let from = at;
        while at < glyphs.len() && (glyphs[at].cluster as usize) < end {
            at += 1;
        }
        let own = &glyphs[from..at];
        let whole = own
            .iter()
            .all(|g| g.cluster as usize >= start && g.cluster as usize + g.text.len() <= end);
        pieces.push(whole.then(|| {
            own.iter()
                .map(|g| ShapedGlyph {
                    cluster: g.cluster - cluster_at(start),
                    ..g.clone()
                })
                .collect()
        }));
    }
    pieces
}

thread_local! {
    /// One shaping buffer per thread, reused from word to word.
    static SHAPING_BUFFER: std::cell::RefCell<harfrust::Buffer> =
        std::cell::RefCell::new(harfrust::Buffer::new());
}

/// Shaped `buffer` (of `text`, which starts at `offset` in its paragraph)
/// as glyphs carrying their source text.
fn collect_glyphs(
    buffer: &harfrust::Buffer,
    text: &str,
    offset: usize,
    face_id: FaceId,
    scale: f32,
    style: &Style,
    out: &mut Vec<ShapedGlyph>,
) {
    let backwards = buffer.direction() == harfrust::Direction::RightToLeft;
    let infos = buffer.glyph_infos();
    let positions = buffer.glyph_positions();
    let tracking = style.tracking * style.size;
    out.reserve(infos.len());
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let start = info.cluster as usize;
        let first_of_cluster = i == 0 || infos[i - 1].cluster != info.cluster;
        // Right-to-left glyphs come in visual order, clusters falling.
        let end = if backwards {
            infos
                .iter()
                .map(|g| g.cluster as usize)
                .filter(|&c| c > start)
                .min()
        } else {
            infos[i..]
                .iter()
                .map(|g| g.cluster as usize)
                .find(|&c| c > start)
        }
        .unwrap_or(text.len());
        let piece = if first_of_cluster {
            let cluster = text.get(start..end).unwrap_or("");
            // Extractors (poppler, pdfminer, pypdf) read right-to-left
            // glyphs in visual order and reverse them character by
            // character, so a ligature's text (lam-alef) is stored in
            // reverse to come back in logical order.
            if backwards {
                cluster.chars().rev().collect()
            } else {
                EcoString::from(cluster)
            }
        } else {
            EcoString::new()
        };
        // A zero-width control (soft hyphen, ZWSP) draws nothing.
        if piece.chars().all(|c| !crate::fonts::needs_glyph(c))
            && first_of_cluster
            && (pos.x_advance == 0 || info.glyph_id == 0)
        {
            continue;
        }
        out.push(ShapedGlyph {
            face: face_id,
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance as f32 * scale + tracking,
            x_offset: pos.x_offset as f32 * scale,
            text: piece,
            cluster: cluster_at(offset + start),
        });
    }
}

/// Unshaped text: each character's nominal glyph and advance, in visual
/// order. Used only when the shaper cannot read a face that the rest of
/// Folio reads, so that no text is ever dropped.
#[allow(clippy::too_many_arguments)]
fn nominal_glyphs(
    cmap: &ttf_parser::Face<'_>,
    text: &str,
    offset: usize,
    face_id: FaceId,
    scale: f32,
    style: &Style,
    rtl: Option<bool>,
    out: &mut Vec<ShapedGlyph>,
) {
    let tracking = style.tracking * style.size;
    let mut glyphs: Vec<ShapedGlyph> = text
        .char_indices()
        .filter(|&(_, c)| crate::fonts::needs_glyph(c))
        .map(|(i, c)| {
            let id = cmap.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            let advance = cmap.glyph_hor_advance(id).unwrap_or(0);
            ShapedGlyph {
                face: face_id,
                id: id.0,
                advance: f32::from(advance) * scale + tracking,
                x_offset: 0.0,
                text: EcoString::from(&text[i..i + c.len_utf8()]),
                cluster: cluster_at(offset + i),
            }
        })
        .collect();
    if rtl == Some(true) {
        glyphs.reverse();
    }
    out.extend(glyphs);
}

/// Total advance of shaped glyphs.
pub fn width(glyphs: &[ShapedGlyph]) -> f32 {
    glyphs.iter().map(|g| g.advance).sum()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::fonts::FontChoice;

    fn book() -> FontBook {
        FontBook::for_text("office", &FontChoice::default()).unwrap()
    }

    #[test]
    fn every_character_is_carried_by_some_glyph() {
        let book = book();
        let shaper = Shaper::new(&book);
        for face in [
            FaceId::SERIF,
            FaceId::SERIF_ITALIC,
            FaceId::SANS,
            FaceId::SANS_BOLD,
        ] {
            let glyphs = shaper.shape(
                "office affluent “fjord” 10\u{A0}000",
                &Style::new(face, 10.0),
            );
            let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
            assert_eq!(text, "office affluent “fjord” 10\u{A0}000", "{face:?}");
            assert!(glyphs.iter().all(|g| g.id != 0), "{face:?} has a .notdef");
        }
    }

    #[test]
    fn standard_ligatures_form_and_keep_their_text() {
        let book = book();
        let shaper = Shaper::new(&book);
        // Lato has f-ligatures; Caladea Italic has fi and fl.
        let lato = shaper.shape("office affluent", &Style::new(FaceId::SANS, 10.0));
        let texts: Vec<&str> = lato.iter().map(|g| g.text.as_str()).collect();
        assert!(
            texts.contains(&"ffi") && texts.contains(&"ffl"),
            "{texts:?}"
        );
        let italic = shaper.shape("office", &Style::new(FaceId::SERIF_ITALIC, 10.0));
        assert!(italic.iter().any(|g| g.text == "fi"));
        assert!(lato.len() < "office affluent".chars().count());
    }

    #[test]
    fn words_shaped_together_match_words_shaped_alone() {
        let book = book();
        let words = [
            "AVAST ",
            "office ",
            "Wolf, ",
            "“Type” ",
            "fjord—",
            "Ta. ",
            "affluent ",
            "office ",
            "10\u{A0}000 ",
            "end",
        ];
        let long = format!("{} ", "x".repeat(CACHED_WORD + 1));
        let mut with_long: Vec<&str> = words.to_vec();
        with_long.insert(3, &long);
        for face in [FaceId::SERIF, FaceId::SERIF_ITALIC, FaceId::SANS_BOLD] {
            let style = Style::new(face, 10.0);
            // The words as one run of text, then its glyphs word by word.
            let mut offsets = Vec::new();
            let mut at = 0;
            for word in &with_long {
                offsets.push((at, *word));
                at += word.len();
            }
            let mut run = Vec::new();
            Shaper::new(&book).shape_words_into(&offsets, &style, &mut run);
            let together: Vec<Vec<ShapedGlyph>> = offsets
                .iter()
                .map(|&(start, word)| {
                    run.iter()
                        .filter(|g| (start..start + word.len()).contains(&(g.cluster as usize)))
                        .map(|g| ShapedGlyph {
                            cluster: g.cluster - cluster_at(start),
                            ..g.clone()
                        })
                        .collect()
                })
                .collect();
            let alone = Shaper::new(&book);
            assert_eq!(together.len(), with_long.len());
            for (word, glyphs) in with_long.iter().zip(&together) {
                let single = alone.shape_uncached(word, &style, Some(false));
                assert!(!glyphs.is_empty(), "{word:?}");
                assert_eq!(glyphs.len(), single.len(), "{word:?}");
                // The trailing space may be kerned against the next word;
                // its advance is never used (word spaces are glue).
                let letters = word.trim_end_matches(' ').len();
                for (a, b) in glyphs.iter().zip(&single) {
                    if (a.cluster as usize) < letters {
                        assert_eq!(a, b, "{word:?}");
                    } else {
                        assert_eq!((a.id, &a.text), (b.id, &b.text), "{word:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn unshaped_text_keeps_every_character() {
        let book = book();
        let face = book.face(FaceId::SERIF);
        let cmap = ttf_parser::Face::parse(&face.data, face.index).unwrap();
        let style = Style::new(FaceId::SERIF, 10.0);
        let mut glyphs = Vec::new();
        let scale = 10.0 / f32::from(cmap.units_per_em());
        nominal_glyphs(
            &cmap,
            "Wé\u{AD}b",
            4,
            FaceId::SERIF,
            scale,
            &style,
            None,
            &mut glyphs,
        );
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "Wéb");
        assert!(glyphs.iter().all(|g| g.id != 0 && g.advance > 0.0));
        assert_eq!(glyphs[1].cluster, 5);
    }

    #[test]
    fn kerning_changes_advances() {
        let book = book();
        let shaper = Shaper::new(&book);
        let style = Style::new(FaceId::SERIF, 100.0);
        let pair = width(&shaper.shape("AV", &style));
        let apart = width(&shaper.shape("A", &style)) + width(&shaper.shape("V", &style));
        assert!(pair < apart, "no kerning: {pair} vs {apart}");
    }
}
