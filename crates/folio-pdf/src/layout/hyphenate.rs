//! Hyphenation points from the TeX pattern dictionaries of the `hyphenation`
//! crate, chosen by the document's language.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use hyphenation::{Hyphenator, Language, Load, Standard};
use rustc_hash::FxHashMap;

/// A hyphenation dictionary for one language, or none (no hyphenation).
#[derive(Debug)]
pub struct Hyphenation {
    dictionary: Option<(Language, Arc<Slot>)>,
    /// Points of the words seen so far: words recur, and a dictionary
    /// lookup costs as much as shaping the word.
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
    /// per process: paragraphs are noted and the first ones set
    /// meanwhile, since only a paragraph that needs hyphens waits for it.
    pub fn prepare(tag: &str) {
        let Some(lang) = language_for(tag) else {
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
    pub fn points(&self, word: &str) -> Vec<usize> {
        let Some((lang, slot)) = &self.dictionary else {
            return Vec::new();
        };
        if word.chars().count() < 5 || !word.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        let known = || self.known.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(points) = known().get(word) {
            return points.clone();
        }
        let Some(dict) = slot.get(*lang) else {
            return Vec::new();
        };
        let points = dict.hyphenate(word).breaks;
        known().insert(word.into(), points.clone());
        points
    }
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
    }
}
