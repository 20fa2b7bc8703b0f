//! Right-to-left text (UAX #9): embedding levels of a paragraph's logical
//! text, and the visual order of a line's pieces (rule L2).

use unicode_bidi::{BidiInfo, Level};

/// Resolved embedding levels of a paragraph.
#[derive(Debug, Clone)]
pub struct Levels {
    /// The paragraph's own level: 0 left to right, 1 right to left.
    pub base: u8,
    /// One level per byte of the text.
    by_byte: Vec<u8>,
}

impl Levels {
    /// Levels of `text`; `rtl` forces a right-to-left base direction, else
    /// the first strong character decides (left to right when there is none).
    pub fn resolve(text: &str, rtl: bool) -> Levels {
        // Without right-to-left letters, Arabic digits or explicit
        // embeddings, a left-to-right paragraph is all level 0 (European
        // digits take the level of the letters before them, rule W7).
        if !rtl && !text.chars().any(may_raise_level) {
            return Levels {
                base: 0,
                by_byte: Vec::new(),
            };
        }
        let default = rtl.then(Level::rtl);
        let info = BidiInfo::new(text, default);
        let base = info
            .paragraphs
            .first()
            .map_or(u8::from(rtl), |p| p.level.number());
        Levels {
            base,
            by_byte: info.levels.iter().map(|l| l.number()).collect(),
        }
    }

    /// Level of the character at byte `at`.
    pub fn at(&self, at: usize) -> u8 {
        self.by_byte.get(at).copied().unwrap_or(self.base)
    }

    /// Byte offset after `start` where the level changes, at most `end`.
    pub fn run_end(&self, start: usize, end: usize) -> usize {
        let level = self.at(start);
        (start..end)
            .find(|&i| self.by_byte.get(i).is_some_and(|&l| l != level))
            .unwrap_or(end)
    }
}

/// Whether a character may sit above level 0 in a left-to-right paragraph;
/// false only for those known not to: everything below Hebrew and general
/// punctuation other than the bidi controls.
fn may_raise_level(c: char) -> bool {
    match c as u32 {
        0..0x0590 => false,
        0x200F | 0x202A..=0x202E | 0x2066..=0x2069 => true,
        0x2000..=0x206F => false,
        _ => true,
    }
}

/// Visual order (left to right) of pieces at `levels`, as indices (rule L2).
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    // All left to right at the paragraph level (most lines): as they are.
    if levels.iter().all(|&l| l == 0) {
        return (0..levels.len()).collect();
    }
    let levels: Vec<Level> = levels
        .iter()
        .map(|&l| Level::new(l).unwrap_or_else(|_| Level::ltr()))
        .collect();
    BidiInfo::reorder_visual(&levels)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn left_to_right_text_is_level_zero_with_or_without_the_full_algorithm() {
        for text in [
            "Plain “quoted” text — 10\u{A0}000, 3.5%",
            "Latin then עברית then Latin",
            "A \u{202B}embedding\u{202C} here",
            "Numbers ١٢٣ in Arabic digits",
        ] {
            let quick = Levels::resolve(text, false);
            let info = BidiInfo::new(text, None);
            for (i, level) in info.levels.iter().enumerate() {
                assert_eq!(quick.at(i), level.number(), "{text:?} at {i}");
            }
            assert_eq!(quick.base, info.paragraphs[0].level.number());
        }
    }

    #[test]
    fn base_direction_from_first_strong_or_language() {
        assert_eq!(Levels::resolve("hello שלום", false).base, 0);
        assert_eq!(Levels::resolve("שלום hello", false).base, 1);
        assert_eq!(Levels::resolve("ABC שלום", true).base, 1);
        assert_eq!(Levels::resolve("123", false).base, 0);
    }

    #[test]
    fn runs_split_where_the_level_changes() {
        let text = "ab שלום cd";
        let levels = Levels::resolve(text, false);
        let hebrew = text.find('ש').unwrap();
        assert_eq!(levels.run_end(0, text.len()), hebrew);
        assert_eq!(levels.at(hebrew), 1);
    }

    #[test]
    fn visual_order_reverses_odd_runs() {
        assert_eq!(visual_order(&[0, 1, 1, 1, 0]), vec![0, 3, 2, 1, 4]);
        assert_eq!(visual_order(&[1, 1, 2, 2, 1]), vec![4, 2, 3, 1, 0]);
        assert_eq!(visual_order(&[0, 0, 0]), vec![0, 1, 2]);
    }
}
