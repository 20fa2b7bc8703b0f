//! Hyphenation points from the TeX pattern dictionaries of the `hyphenation`
//! crate, chosen by the document's language.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use hyphenation::{Hyphenator, Language, Load, Standard};
use rustc_hash::FxHashMap;

/// A hyphenation dictionary for one language, or none (no hyphenation).
#[derive(Debug)]
pub struct Hyphenation {
    dictionary: Option<Arc<Standard>>,
    /// Points of the words seen so far: words recur, and a dictionary
    /// lookup costs as much as shaping the word.
    known: Mutex<FxHashMap<Box<str>, Vec<usize>>>,
}

/// Dictionaries are decoded once per process: loading one costs more than
/// typesetting a page.
fn cached(lang: Language) -> Option<Arc<Standard>> {
    static CACHE: OnceLock<Mutex<HashMap<Language, Arc<Standard>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = cache.lock().ok()?;
    if let Some(d) = map.get(&lang) {
        return Some(Arc::clone(d));
    }
    let dictionary = Arc::new(Standard::from_embedded(lang).ok()?);
    map.insert(lang, Arc::clone(&dictionary));
    Some(dictionary)
}

impl Hyphenation {
    /// The dictionary for a BCP 47 tag (`en` means US English, `de-CH`
    /// falls back to `de-1996`, and so on); none for unknown languages.
    pub fn for_language(tag: &str) -> Self {
        let dictionary = language_for(tag).and_then(cached);
        Hyphenation {
            dictionary,
            known: Mutex::default(),
        }
    }

    /// Decodes the dictionary for `tag` into the process-wide cache, so
    /// that [`Hyphenation::for_language`] later finds it ready: run beside
    /// other start-up work.
    pub fn prepare(tag: &str) {
        let _ = language_for(tag).and_then(cached);
    }

    pub fn none() -> Self {
        Hyphenation {
            dictionary: None,
            known: Mutex::default(),
        }
    }

    /// Byte offsets inside `word` where it may be hyphenated.
    pub fn points(&self, word: &str) -> Vec<usize> {
        let Some(dict) = &self.dictionary else {
            return Vec::new();
        };
        if word.chars().count() < 5 || !word.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        let known = || self.known.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(points) = known().get(word) {
            return points.clone();
        }
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
