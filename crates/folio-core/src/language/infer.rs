//! Inferring the interview's language when the source does not state it:
//! from the script first, and for Latin script from the most frequent
//! function words of the common languages.

/// A BCP 47 tag for `text`; English when nothing points elsewhere.
pub fn infer_language(text: &str) -> String {
    let mut counts = ScriptCounts::default();
    for c in text.chars() {
        counts.add(c);
    }
    let non_latin = [
        (counts.kana + counts.han + counts.hangul, "cjk"),
        (counts.cyrillic, "cyrillic"),
        (counts.greek, "el"),
        (counts.arabic, "arabic"),
        (counts.hebrew, "he"),
        (counts.devanagari, "hi"),
        (counts.thai, "th"),
    ];
    let (best, script) = non_latin
        .iter()
        .copied()
        .max_by_key(|(n, _)| *n)
        .unwrap_or((0, ""));
    // Latin words are several letters long, CJK ideographs one each: weigh them alike.
    if best > 0 && best * 3 >= counts.latin {
        return match script {
            "cjk" if counts.kana * 20 > counts.han.max(1) => "ja".into(),
            "cjk" if counts.hangul > counts.han => "ko".into(),
            "cjk" => chinese_variant(text).into(),
            "cyrillic" if text.contains(['і', 'ї', 'є', 'ґ']) => "uk".into(),
            "cyrillic" => "ru".into(),
            "arabic" if text.contains(['پ', 'چ', 'ژ', 'گ']) => "fa".into(),
            "arabic" => "ar".into(),
            other => other.into(),
        };
    }
    latin_language(text).into()
}

#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    han: usize,
    kana: usize,
    hangul: usize,
    cyrillic: usize,
    greek: usize,
    arabic: usize,
    hebrew: usize,
    devanagari: usize,
    thai: usize,
}

impl ScriptCounts {
    fn add(&mut self, c: char) {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F => self.latin += 1,
            0x3040..=0x30FF => self.kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
                self.han += 1
            }
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => self.hangul += 1,
            0x400..=0x52F => self.cyrillic += 1,
            0x370..=0x3FF | 0x1F00..=0x1FFF => self.greek += 1,
            0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => self.arabic += 1,
            0x590..=0x5FF => self.hebrew += 1,
            0x900..=0x97F => self.devanagari += 1,
            0xE00..=0xE7F => self.thai += 1,
            _ => {}
        }
    }
}

/// Simplified or Traditional Chinese, by characters that exist in one form only.
fn chinese_variant(text: &str) -> &'static str {
    const SIMPLIFIED: &str = "们这说国时为来会对发过还样经长门问题关开现实体后动学";
    const TRADITIONAL: &str = "們這說國時為來會對發過還樣經長門問題關開現實體後動學";
    let simplified = text.chars().filter(|c| SIMPLIFIED.contains(*c)).count();
    let traditional = text.chars().filter(|c| TRADITIONAL.contains(*c)).count();
    if traditional > simplified {
        "zh-Hant"
    } else {
        "zh-Hans"
    }
}

fn latin_language(text: &str) -> &'static str {
    const WORDS: &[(&str, &[&str])] = &[
        (
            "en",
            &[
                "the", "and", "of", "to", "is", "that", "in", "it", "was", "you", "we", "for",
            ],
        ),
        (
            "fr",
            &[
                "le", "la", "les", "et", "est", "des", "une", "que", "nous", "pas", "dans", "pour",
            ],
        ),
        (
            "de",
            &[
                "der", "die", "und", "das", "ist", "nicht", "ich", "wir", "mit", "sie", "ein", "zu",
            ],
        ),
        (
            "es",
            &[
                "el", "los", "las", "y", "que", "es", "una", "por", "con", "para", "del", "como",
            ],
        ),
        (
            "it",
            &[
                "il", "che", "di", "è", "non", "una", "per", "sono", "gli", "della", "anche", "ma",
            ],
        ),
        (
            "pt",
            &[
                "o", "os", "que", "não", "uma", "com", "para", "do", "da", "é", "em", "mas",
            ],
        ),
        (
            "nl",
            &[
                "de", "het", "een", "en", "is", "niet", "van", "dat", "ik", "wij", "zijn", "op",
            ],
        ),
    ];
    let lower = text.to_lowercase();
    // No function word above is longer than five bytes.
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 5)
        .collect();
    let mut best = ("en", 0usize);
    for (lang, list) in WORDS {
        let score = words.iter().filter(|w| list.contains(w)).count();
        if score > best.1 {
            best = (lang, score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::infer_language;

    #[test]
    fn infers_from_script_and_function_words() {
        assert_eq!(
            infer_language("The interview was long and we talked of it."),
            "en"
        );
        assert_eq!(
            infer_language("Nous avons parlé de la musique et des concerts."),
            "fr"
        );
        assert_eq!(
            infer_language("记者：你好，我们今天聊一聊这个问题。"),
            "zh-Hans"
        );
        assert_eq!(
            infer_language("記者：你好，我們今天聊一聊這個問題。"),
            "zh-Hant"
        );
        assert_eq!(infer_language("インタビューは東京で行われました。"), "ja");
        assert_eq!(infer_language("인터뷰는 서울에서 진행되었습니다."), "ko");
        assert_eq!(infer_language("Интервью было долгим."), "ru");
        assert_eq!(infer_language("Η συνέντευξη ήταν μεγάλη."), "el");
        assert_eq!(infer_language("كانت المقابلة طويلة"), "ar");
        assert_eq!(
            infer_language("Xi Jinping (习近平) spoke in English today and we listened."),
            "en"
        );
    }
}
