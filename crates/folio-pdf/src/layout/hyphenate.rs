//! Hyphenation points from the TeX pattern dictionaries, chosen by the
//! document's language. US English, by far the most common, uses hypher's
//! patterns (compiled into the program: nothing to decode, and a word
//! costs half a dictionary lookup) with the exception words of the
//! `hyphenation` crate's dictionary, which together give that dictionary's
//! points; every other language uses the `hyphenation` crate.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use hyphenation::{Hyphenator, Language, Load, Standard};
use rustc_hash::FxHashMap;

/// The exception words of the `hyphenation` crate's US English
/// dictionary, written out by the build script.
mod exceptions {
    include!(concat!(env!("OUT_DIR"), "/english_exceptions.rs"));
}

/// A hyphenation dictionary for one language, or none (no hyphenation).
#[derive(Debug)]
pub struct Hyphenation {
    /// For US English, hypher and the exception words come first; the
    /// dictionary serves only words whose lower case changes their length.
    dictionary: Option<(Language, Arc<Slot>)>,
    /// Points of the words seen so far: words recur, and a lookup costs
    /// more than the cache (a dictionary's as much as shaping the word).
    known: Mutex<FxHashMap<Box<str>, Vec<usize>>>,
}

/// One language's dictionary, decoded once per process (decoding costs
/// more than typesetting a page) by whichever thread needs it first.
#[derive(Debug, Default)]
struct Slot {
    /// Decoding was handed to another thread already.
    requested: AtomicBool,
    dictionary: OnceLock<Option<Standard>>,
}

impl Slot {
    fn for_language(lang: Language) -> Arc<Slot> {
        static SLOTS: OnceLock<Mutex<HashMap<Language, Arc<Slot>>>> = OnceLock::new();
        let slots = SLOTS.get_or_init(Mutex::default);
        let mut slots = slots.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(slots.entry(lang).or_default())
    }

    /// The decoded dictionary; waits while another thread decodes it.
    fn get(&self, lang: Language) -> Option<&Standard> {
        self.dictionary
            .get_or_init(|| Standard::from_embedded(lang).ok())
            .as_ref()
    }
}

impl Hyphenation {
    /// The dictionary for a BCP 47 tag (`en` means US English, `de-CH`
    /// falls back to `de-1996`, and so on); none for unknown languages.
    /// It is decoded when a word first needs it, unless
    /// [`Hyphenation::prepare`] had it decoded already.
    pub fn for_language(tag: &str) -> Self {
        Hyphenation {
            dictionary: language_for(tag).map(|lang| (lang, Slot::for_language(lang))),
            known: Mutex::default(),
        }
    }

    /// Starts decoding the dictionary for `tag` on another thread, once
    /// per process (US English has none to decode): paragraphs are noted
    /// and the first ones set meanwhile, since only a paragraph that needs
    /// hyphens waits for it.
    pub fn prepare(tag: &str) {
        let Some(lang) = language_for(tag).filter(|&l| l != Language::EnglishUS) else {
            return;
        };
        let slot = Slot::for_language(lang);
        if !slot.requested.swap(true, Ordering::Relaxed) {
            rayon::spawn(move || {
                slot.get(lang);
            });
        }
    }

    pub fn none() -> Self {
        Hyphenation {
            dictionary: None,
            known: Mutex::default(),
        }
    }

    /// Byte offsets inside `word` where it may be hyphenated.
    ///
    /// Words of more than [`MAX_HYPHENATED_LETTERS`] letters get none.
    pub fn points(&self, word: &str) -> Vec<usize> {
        let Some((lang, slot)) = &self.dictionary else {
            return Vec::new();
        };
        // No dictionary word is longer than about 45 letters; a longer run
        // of letters (a pasted hash, a 1 MB "word") gets no points, which
        // keeps the line breaker's candidates per word bounded.
        let letters = word.chars().count();
        if !(5..=MAX_HYPHENATED_LETTERS).contains(&letters)
            || !word.chars().all(char::is_alphabetic)
        {
            return Vec::new();
        }
        let known = || self.known.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(points) = known().get(word) {
            return points.clone();
        }
        let english = *lang == Language::EnglishUS;
        let points = match english.then(|| english_points(word)).flatten() {
            Some(points) => points,
            None => match slot.get(*lang) {
                Some(dict) => dict.hyphenate(word).breaks,
                None => return Vec::new(),
            },
        };
        known().insert(word.into(), points.clone());
        points
    }
}

/// The longest word given hyphenation points.
const MAX_HYPHENATED_LETTERS: usize = 64;

/// US English points of a word of letters: an exception word's own, else
/// hypher's. `None` when lower-casing changes the word's length, which
/// would move the points (the dictionary handles those words).
fn english_points(word: &str) -> Option<Vec<usize>> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return None;
    }
    let word_of = |&(start, len, _, _): &(u32, u8, u16, u8)| {
        let start = start as usize;
        exceptions::WORDS
            .get(start..start + usize::from(len))
            .unwrap_or_default()
    };
    if let Ok(i) = exceptions::ENTRIES.binary_search_by(|e| word_of(e).cmp(lower.as_bytes())) {
        // The dictionary's minima: two letters before a break, three after.
        let first = word.char_indices().nth(2).map_or(word.len(), |(i, _)| i);
        let last = word.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        let points = exceptions::ENTRIES
            .get(i)
            .map_or(&[][..], |&(_, _, from, n)| {
                let from = usize::from(from);
                exceptions::POINTS
                    .get(from..from + usize::from(n))
                    .unwrap_or_default()
            });
        return Some(
            points
                .iter()
                .map(|&p| usize::from(p))
                .filter(|&p| p >= first && p <= last)
                .collect(),
        );
    }
    let mut points = Vec::new();
    let mut at = 0;
    for syllable in hypher::hyphenate(word, hypher::Lang::English) {
        if at > 0 {
            points.push(at);
        }
        at += syllable.len();
    }
    Some(points)
}

fn language_for(tag: &str) -> Option<Language> {
    let tag = tag.trim().to_ascii_lowercase();
    if let Some(lang) = Language::try_from_code(&tag) {
        return Some(lang);
    }
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    let code = match primary {
        "en" if tag.contains("gb") || tag.contains("au") || tag.contains("nz") => "en-gb",
        "en" => "en-us",
        "de" if tag.contains("ch") => "de-ch-1901",
        "de" => "de-1996",
        "el" => "el-monoton",
        "mn" => "mn-cyrl",
        "sr" => "sr-cyrl",
        "no" => "nb",
        other => other,
    };
    Language::try_from_code(code)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn english_words_get_points() {
        let h = Hyphenation::for_language("en");
        let points = h.points("cooperation");
        assert!(!points.is_empty());
        assert!(points.iter().all(|&p| p > 1 && p < "cooperation".len() - 1));
        // The second answer comes from the word cache and is the same.
        assert_eq!(h.points("cooperation"), points);
    }

    #[test]
    fn a_dictionary_decoded_ahead_is_the_one_words_use() {
        Hyphenation::prepare("de");
        Hyphenation::prepare("de");
        Hyphenation::prepare("xx");
        let h = Hyphenation::for_language("de");
        assert!(!h.points("Silbentrennung").is_empty());
        assert!(
            Hyphenation::for_language("xx")
                .points("Silbentrennung")
                .is_empty()
        );
    }

    #[test]
    fn english_gets_the_dictionarys_points() {
        // Every word of the samples and fixtures, and every exception word
        // in three casings: hypher with the exception words must give
        // exactly the hyphenation crate's US English points.
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut text = String::new();
        for dir in ["samples", "crates/folio-pdf/tests/fixtures"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                text += &std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            }
        }
        let mut words: std::collections::BTreeSet<String> = text
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_owned)
            .collect();
        for &(start, len, _, _) in &exceptions::ENTRIES {
            let start = start as usize;
            let word =
                std::str::from_utf8(&exceptions::WORDS[start..start + usize::from(len)]).unwrap();
            let mut title = word.to_string();
            title[..1].make_ascii_uppercase();
            words.extend([word.to_string(), word.to_uppercase(), title]);
        }
        // Lower case that changes a word's length takes the dictionary.
        words.extend(["İstanbulite".to_string(), "straße".to_string()]);
        let dictionary = Standard::from_embedded(Language::EnglishUS).unwrap();
        let english = Hyphenation::for_language("en-US");
        let mut compared = 0;
        // Words of letters only, as paragraphs ask for (`points` returns
        // none for others).
        let letters = |w: &&String| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic);
        for word in words.iter().filter(letters) {
            assert_eq!(
                english.points(word),
                dictionary.hyphenate(word).breaks,
                "{word}"
            );
            compared += 1;
        }
        assert!(compared > 4000, "{compared} words compared");
    }

    #[test]
    fn regional_tags_fall_back() {
        assert!(language_for("de-AT").is_some());
        assert!(language_for("fr-CA").is_some());
        assert!(language_for("en-GB").is_some());
        assert!(language_for("xx").is_none());
    }

    #[test]
    fn short_words_and_urls_are_not_hyphenated() {
        let h = Hyphenation::for_language("en-US");
        assert!(h.points("word").is_empty());
        assert!(h.points("example.com/path").is_empty());
        // A run of letters longer than any word (a 1 MB "word" took the
        // line breaker minutes) gets no points; a long real word does.
        assert!(h.points(&"abcdefghij".repeat(10)).is_empty());
        assert!(
            !h.points("pneumonoultramicroscopicsilicovolcanoconiosis")
                .is_empty()
        );
    }
}
