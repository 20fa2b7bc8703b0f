//! What the interview's language decides, parsed once from its BCP 47 tag
//! for every writer: the tag each file declares, the writing direction, the
//! CJK variant (which glyph forms, which east-Asian language slot), the
//! separator after a speaker's label, and the words and date form of the
//! language's terms table. A PDF, a DOCX and an EPUB of one interview ask
//! this type and so agree.

mod infer;

pub use infer::infer_language;

use crate::DateTime;
use crate::terms::Terms;

/// The writing direction of a language's paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// `ltr` or `rtl`, as HTML's `dir` and CSS's `direction` write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Which glyph forms a CJK language takes: one Han character is drawn
/// differently in Simplified and Traditional Chinese, Hong Kong, Japanese
/// and Korean, so fonts come in these five regional variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CjkVariant {
    Simplified,
    Traditional,
    HongKong,
    Japanese,
    Korean,
}

impl CjkVariant {
    /// The suffix font families use for the variant (`Noto Serif CJK SC`).
    pub fn font_region(self) -> &'static str {
        match self {
            CjkVariant::Simplified => "SC",
            CjkVariant::Traditional => "TC",
            CjkVariant::HongKong => "HK",
            CjkVariant::Japanese => "JP",
            CjkVariant::Korean => "KR",
        }
    }

    /// The language an office suite's east-Asian slot takes for it.
    pub fn east_asian_tag(self) -> &'static str {
        match self {
            CjkVariant::Simplified => "zh-CN",
            CjkVariant::Traditional => "zh-TW",
            CjkVariant::HongKong => "zh-HK",
            CjkVariant::Japanese => "ja-JP",
            CjkVariant::Korean => "ko-KR",
        }
    }
}

/// An interview's language, from its BCP 47 tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    tag: String,
    primary: String,
    direction: Direction,
    cjk: Option<CjkVariant>,
    terms: &'static Terms,
    has_terms: bool,
}

impl Language {
    /// The language of `tag` (`en-GB`, `zh_hant_tw`, ` fr `): the tag in
    /// its canonical case with hyphens. A tag that is not BCP 47 becomes
    /// `und` (undetermined), and the second value says why.
    pub fn from_tag(tag: &str) -> (Language, Option<String>) {
        match canonical_tag(tag) {
            Some(canonical) => (Language::from_canonical(canonical), None),
            None => (
                Language::from_canonical("und".to_string()),
                Some(format!(
                    "the language {tag:?} is not a language tag (such as en, fr-CA or zh-Hant); the output says \"und\" (undetermined)"
                )),
            ),
        }
    }

    /// The language of an interview or book whose tag core has checked.
    pub fn of(tag: &str) -> Language {
        Language::from_tag(tag).0
    }

    fn from_canonical(tag: String) -> Language {
        let lower = tag.to_ascii_lowercase();
        let subtags: Vec<&str> = lower.split('-').collect();
        let primary = match subtags.first().copied().unwrap_or("") {
            // Old codes and the macrolanguage's members read as the language.
            "iw" => "he",
            "ji" => "yi",
            "in" => "id",
            "cmn" | "yue" | "wuu" | "hak" | "nan" => "zh",
            other => other,
        }
        .to_string();
        let script = subtags
            .iter()
            .skip(1)
            .find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()))
            .copied();
        let regions: Vec<&str> = subtags
            .iter()
            .skip(1)
            .copied()
            .filter(|s| s.len() == 2 || (s.len() == 3 && s.chars().all(|c| c.is_ascii_digit())))
            .collect();
        let found = Terms::find(&primary);
        Language {
            direction: direction_of(&primary, script),
            cjk: cjk_variant(
                subtags.first().copied().unwrap_or(""),
                &primary,
                script,
                &regions,
            ),
            terms: found.unwrap_or_else(Terms::english),
            has_terms: found.is_some(),
            primary,
            tag,
        }
    }

    /// The tag to declare in every file (`en-GB`, `zh-Hant-TW`, `und`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The primary language in lower case, old codes replaced (`he` for
    /// `iw`, `zh` for `yue`).
    pub fn primary(&self) -> &str {
        &self.primary
    }

    pub fn direction(&self) -> Direction {
        self.direction
    }

    pub fn is_right_to_left(&self) -> bool {
        self.direction == Direction::Rtl
    }

    /// The CJK variant for Chinese, Japanese and Korean; `None` otherwise.
    pub fn cjk(&self) -> Option<CjkVariant> {
        self.cjk
    }

    /// The words Folio adds, from the language's table (English when the
    /// language has none: see [`Language::has_terms`]).
    pub fn terms(&self) -> &'static Terms {
        self.terms
    }

    /// Whether the language has its own terms table.
    pub fn has_terms(&self) -> bool {
        self.has_terms
    }

    /// A date as the language writes it.
    pub fn date(&self, value: &DateTime) -> String {
        self.terms.date(value)
    }

    /// What follows a speaker's label before the words: `: ` in most
    /// languages, a no-break space before the colon in French, the
    /// full-width colon without a space in Chinese and Japanese (Korean
    /// separates words with spaces and takes the Latin colon). Nothing but
    /// the space when the label already ends in punctuation.
    pub fn label_separator(&self, label: &str) -> &'static str {
        let full_width = matches!(self.cjk, Some(v) if v != CjkVariant::Korean);
        let punctuated = label
            .trim_end()
            .ends_with([':', '：', '.', '—', '-', '–', '?', '？']);
        match (punctuated, full_width) {
            (true, true) => "",
            (true, false) => " ",
            (false, true) => "：",
            (false, false) if self.primary == "fr" => "\u{a0}: ",
            (false, false) => ": ",
        }
    }
}

/// The tag with hyphens and BCP 47's canonical case (`zh-Hant-TW`), when it
/// has a tag's shape: a primary language of 2 to 8 letters (or `x` / `i`
/// for private and grandfathered tags), then subtags of 1 to 8 letters or
/// digits.
fn canonical_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let mut subtags = tag.split(['-', '_']);
    let primary = subtags.next().unwrap_or("");
    let primary_ok = ((2..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic()))
        || primary.eq_ignore_ascii_case("x")
        || primary.eq_ignore_ascii_case("i");
    if !primary_ok {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    // After a singleton (`x-`, `u-`) the subtags are not scripts or regions.
    let mut extension = primary.len() == 1;
    for subtag in subtags {
        if !(1..=8).contains(&subtag.len()) || !subtag.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        if subtag.len() == 1 {
            extension = true;
        }
        let alphabetic = subtag.chars().all(|c| c.is_ascii_alphabetic());
        match subtag.len() {
            2 if !extension && alphabetic => out.push_str(&subtag.to_ascii_uppercase()),
            4 if !extension && alphabetic => {
                let lower = subtag.to_ascii_lowercase();
                let mut chars = lower.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.extend(chars);
            }
            _ => out.push_str(&subtag.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// Right to left by the script subtag when there is one, else by the
/// language's usual script.
fn direction_of(primary: &str, script: Option<&str>) -> Direction {
    match script {
        Some("arab" | "hebr" | "syrc" | "thaa" | "nkoo" | "adlm" | "rohg" | "mand" | "samr") => {
            Direction::Rtl
        }
        Some(_) => Direction::Ltr,
        // Kurdish and Punjabi are written in both directions; without a
        // script subtag their Latin and Gurmukhi forms are the more common.
        None if matches!(
            primary,
            "ar" | "arc"
                | "ckb"
                | "dv"
                | "fa"
                | "he"
                | "ks"
                | "ps"
                | "sd"
                | "syr"
                | "ug"
                | "ur"
                | "yi"
        ) =>
        {
            Direction::Rtl
        }
        None => Direction::Ltr,
    }
}

fn cjk_variant(
    given: &str,
    primary: &str,
    script: Option<&str>,
    regions: &[&str],
) -> Option<CjkVariant> {
    match primary {
        "ja" => Some(CjkVariant::Japanese),
        "ko" => Some(CjkVariant::Korean),
        "zh" => Some(match script {
            Some("hans") => CjkVariant::Simplified,
            Some("hant") if regions.contains(&"hk") || regions.contains(&"mo") => {
                CjkVariant::HongKong
            }
            Some("hant") => CjkVariant::Traditional,
            _ if regions.contains(&"hk") || regions.contains(&"mo") => CjkVariant::HongKong,
            _ if regions.contains(&"tw") => CjkVariant::Traditional,
            // Cantonese is written in Traditional characters, mostly in
            // Hong Kong.
            _ if given == "yue" => CjkVariant::HongKong,
            _ => CjkVariant::Simplified,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_take_their_canonical_form() {
        assert_eq!(Language::of(" en_gb ").tag(), "en-GB");
        assert_eq!(Language::of("ZH-hant-tw").tag(), "zh-Hant-TW");
        assert_eq!(Language::of("es-419").tag(), "es-419");
        assert_eq!(Language::of("en-x-ab").tag(), "en-x-ab");
        let (language, problem) = Language::from_tag("English (US)");
        assert_eq!(language.tag(), "und");
        assert!(problem.is_some_and(|p| p.contains("English (US)")));
        assert!(Language::from_tag("en\"/><gb").1.is_some());
        assert!(Language::from_tag("").1.is_some());
    }

    #[test]
    fn direction_follows_the_script_or_the_language() {
        for tag in [
            "ar", "he", "iw", "fa-IR", "ur", "yi", "ps", "az-Arab", "ku-Arab",
        ] {
            assert_eq!(Language::of(tag).direction(), Direction::Rtl, "{tag}");
        }
        for tag in [
            "en", "zh-Hant", "ja", "az-Latn", "ku", "arn", "de-CH", "und",
        ] {
            assert_eq!(Language::of(tag).direction(), Direction::Ltr, "{tag}");
        }
    }

    #[test]
    fn cjk_variants_follow_script_and_region() {
        let variant = |tag| Language::of(tag).cjk();
        assert_eq!(variant("zh"), Some(CjkVariant::Simplified));
        assert_eq!(variant("zh-CN"), Some(CjkVariant::Simplified));
        assert_eq!(variant("zh-Hant"), Some(CjkVariant::Traditional));
        assert_eq!(variant("zh-TW"), Some(CjkVariant::Traditional));
        assert_eq!(variant("zh-HK"), Some(CjkVariant::HongKong));
        assert_eq!(variant("zh-Hans-HK"), Some(CjkVariant::Simplified));
        assert_eq!(variant("yue"), Some(CjkVariant::HongKong));
        assert_eq!(variant("ja-JP"), Some(CjkVariant::Japanese));
        assert_eq!(variant("ko"), Some(CjkVariant::Korean));
        // Konkani and Kosraean are not Korean.
        assert_eq!(variant("kok"), None);
        assert_eq!(variant("kos"), None);
        assert_eq!(
            CjkVariant::Traditional.east_asian_tag(),
            "zh-TW",
            "Word's slot"
        );
    }

    #[test]
    fn terms_fall_back_to_english_and_say_so() {
        assert_eq!(Language::of("fr-CA").terms().contents, "Sommaire");
        assert!(Language::of("fr-CA").has_terms());
        assert_eq!(Language::of("iw").terms().language, "he");
        let finnish = Language::of("fi");
        assert_eq!(finnish.terms().language, "en");
        assert!(!finnish.has_terms());
    }

    #[test]
    fn label_separators_by_language() {
        assert_eq!(Language::of("en").label_separator("Q"), ": ");
        assert_eq!(Language::of("fr").label_separator("Q"), "\u{a0}: ");
        assert_eq!(Language::of("zh-Hans").label_separator("记者"), "：");
        assert_eq!(Language::of("ja").label_separator("記者"), "：");
        assert_eq!(Language::of("ko").label_separator("기자"), ": ");
        assert_eq!(Language::of("en").label_separator("Q."), " ");
        assert_eq!(Language::of("zh").label_separator("记者："), "");
    }
}
