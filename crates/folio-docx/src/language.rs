//! Language and font slots by the interview's language.
//!
//! Word keeps three language slots on every run (Latin, east-Asian, complex
//! script) and picks a font slot by the script of each character. Setting the
//! east-Asian slots for Chinese, Japanese and Korean is what makes Word and
//! LibreOffice lay those interviews out with CJK fonts and line breaking.

/// The values written into `w:lang` and the east-Asian font slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageSlots {
    /// `w:lang/@w:val`: the Latin-script language.
    pub latin: String,
    /// `w:lang/@w:eastAsia`.
    pub east_asia: String,
    /// `w:lang/@w:bidi`: the complex-script (right-to-left) language.
    pub bidi: String,
    /// `w:rFonts/@w:eastAsia`: the font for CJK characters.
    pub east_asia_font: &'static str,
    /// Whether the interview's own language is written right to left.
    pub right_to_left: bool,
}

impl LanguageSlots {
    pub fn for_language(tag: &str) -> Self {
        let tag = normalise_tag(tag);
        let primary = tag
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let east_asia = east_asian(&tag, &primary);
        let right_to_left = matches!(
            primary.as_str(),
            "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv"
        );
        // Word stores the Latin slot as given; for a CJK or right-to-left
        // interview the embedded Latin words are best treated as English.
        let latin = if east_asia.is_some() || right_to_left || tag.is_empty() {
            "en-US".to_string()
        } else {
            tag.clone()
        };
        LanguageSlots {
            latin: latin.clone(),
            // Word's own convention for other languages: the Latin tag again.
            east_asia: east_asia.map_or(latin, |(lang, _)| lang.to_string()),
            bidi: if right_to_left {
                tag.clone()
            } else {
                "ar-SA".to_string()
            },
            east_asia_font: east_asia.map_or("Noto Serif CJK SC", |(_, font)| font),
            right_to_left,
        }
    }
}

impl LanguageSlots {
    /// The slots of a book in `language` whose interviews are in `members`:
    /// a Chinese interview in an English book still gets its east-Asian
    /// language and font, an Arabic one its complex-script language (the
    /// first member that needs a slot fills it).
    pub fn for_book(language: &str, members: &[&str]) -> Self {
        let mut slots = LanguageSlots::for_language(language);
        let member_slots: Vec<LanguageSlots> = members
            .iter()
            .map(|member| LanguageSlots::for_language(member))
            .collect();
        let has_east_asia = |s: &LanguageSlots| s.east_asia != s.latin;
        if !has_east_asia(&slots)
            && let Some(member) = member_slots.iter().find(|s| has_east_asia(s))
        {
            slots.east_asia = member.east_asia.clone();
            slots.east_asia_font = member.east_asia_font;
        }
        if !slots.right_to_left
            && let Some(member) = member_slots.iter().find(|s| s.right_to_left)
        {
            slots.bidi = member.bidi.clone();
        }
        slots
    }
}

/// BCP 47 tags with underscores or odd case (`zh_cn`) as Word expects them;
/// anything but ASCII letters and digits is dropped, as the tag goes into XML.
fn normalise_tag(tag: &str) -> String {
    let parts: Vec<String> = tag
        .trim()
        .split(['-', '_'])
        .map(|part| {
            part.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|part| !part.is_empty())
        .enumerate()
        .map(|(index, part)| match (index, part.len()) {
            (0, _) => part.to_ascii_lowercase(),
            (_, 2) => part.to_ascii_uppercase(),
            (_, 4) => {
                let mut chars = part.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase());
                first
                    .into_iter()
                    .chain(chars.map(|c| c.to_ascii_lowercase()))
                    .collect()
            }
            _ => part.to_string(),
        })
        .collect();
    parts.join("-")
}

/// The east-Asian language tag and font for CJK languages.
fn east_asian(tag: &str, primary: &str) -> Option<(&'static str, &'static str)> {
    let traditional = ["Hant", "TW", "HK", "MO"]
        .iter()
        .any(|marker| tag.split('-').skip(1).any(|part| part == *marker));
    match primary {
        "zh" | "cmn" | "yue" if traditional => Some(("zh-TW", "Noto Serif CJK TC")),
        "zh" | "cmn" | "yue" => Some(("zh-CN", "Noto Serif CJK SC")),
        "ja" => Some(("ja-JP", "Noto Serif CJK JP")),
        "ko" => Some(("ko-KR", "Noto Serif CJK KR")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_languages_keep_their_tag() {
        let slots = LanguageSlots::for_language("en-gb");
        assert_eq!(slots.latin, "en-GB");
        assert_eq!(slots.bidi, "ar-SA");
        assert!(!slots.right_to_left);
    }

    #[test]
    fn chinese_sets_the_east_asian_language_and_font() {
        let simplified = LanguageSlots::for_language("zh");
        assert_eq!(simplified.east_asia, "zh-CN");
        assert_eq!(simplified.east_asia_font, "Noto Serif CJK SC");
        let traditional = LanguageSlots::for_language("zh-Hant-TW");
        assert_eq!(traditional.east_asia, "zh-TW");
        assert_eq!(traditional.east_asia_font, "Noto Serif CJK TC");
        assert_eq!(LanguageSlots::for_language("ja").east_asia, "ja-JP");
        assert_eq!(LanguageSlots::for_language("ko_kr").east_asia, "ko-KR");
    }

    #[test]
    fn tags_are_safe_in_xml() {
        assert_eq!(LanguageSlots::for_language("en_\"/><gb").latin, "en-GB");
        assert_eq!(LanguageSlots::for_language("").latin, "en-US");
    }

    #[test]
    fn a_book_takes_missing_slots_from_its_members() {
        let slots = LanguageSlots::for_book("en", &["en", "zh-TW", "ja", "ar-EG"]);
        assert_eq!(slots.latin, "en");
        assert_eq!(slots.east_asia, "zh-TW");
        assert_eq!(slots.east_asia_font, "Noto Serif CJK TC");
        assert_eq!(slots.bidi, "ar-EG");
        // Paragraph direction stays the book's.
        assert!(!slots.right_to_left);
        assert_eq!(
            LanguageSlots::for_book("ja", &["zh"]),
            LanguageSlots::for_language("ja")
        );
    }

    #[test]
    fn right_to_left_languages_fill_the_bidi_slot() {
        let slots = LanguageSlots::for_language("ar-EG");
        assert_eq!(slots.bidi, "ar-EG");
        assert!(slots.right_to_left);
    }
}
