//! Language and font slots by the interview's language.
//!
//! Word keeps three language slots on every run (Latin, east-Asian, complex
//! script) and picks a font slot by the script of each character. What the
//! language is (direction, CJK variant) is core's [`Language`]; this module
//! only writes it into Word's slots. Setting the east-Asian slots for
//! Chinese, Japanese and Korean is what makes Word and LibreOffice lay those
//! interviews out with CJK fonts and line breaking.

use folio_core::{CjkVariant, Language};

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
    /// The slots for a language tag, from core's reading of it.
    pub fn for_language(tag: &str) -> Self {
        let language = Language::of(tag);
        let right_to_left = language.is_right_to_left();
        let cjk = language.cjk();
        // Word stores the Latin slot as given; for a CJK or right-to-left
        // interview (or an undetermined one) the embedded Latin words are
        // best treated as English.
        let latin = if cjk.is_some() || right_to_left || language.tag() == "und" {
            "en-US".to_string()
        } else {
            language.tag().to_string()
        };
        LanguageSlots {
            // Word's own convention for other languages: the Latin tag again.
            east_asia: cjk.map_or_else(|| latin.clone(), |v| v.east_asian_tag().to_string()),
            bidi: if right_to_left {
                language.tag().to_string()
            } else {
                "ar-SA".to_string()
            },
            east_asia_font: cjk.map_or("Noto Serif CJK SC", east_asian_font),
            right_to_left,
            latin,
        }
    }
}

/// The CJK font of the variant's glyph forms (Noto Serif CJK has no Hong
/// Kong variant; Traditional is the nearest).
fn east_asian_font(variant: CjkVariant) -> &'static str {
    match variant {
        CjkVariant::Simplified => "Noto Serif CJK SC",
        CjkVariant::Traditional | CjkVariant::HongKong => "Noto Serif CJK TC",
        CjkVariant::Japanese => "Noto Serif CJK JP",
        CjkVariant::Korean => "Noto Serif CJK KR",
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
        // A tag that is not one is undetermined, never copied into the XML.
        assert_eq!(LanguageSlots::for_language("en_\"/><gb").latin, "en-US");
        assert_eq!(LanguageSlots::for_language("").latin, "en-US");
        assert_eq!(LanguageSlots::for_language("zh-HK").east_asia, "zh-HK");
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
