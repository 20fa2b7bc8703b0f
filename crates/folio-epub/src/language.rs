//! What the interview's language decides: the language tag written into
//! every file, the writing direction, and the few words the book adds itself.

use folio_core::Terms;

/// Writing direction of the book's main language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The language facts every writer module needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// A well-formed BCP 47 tag (`und` when the model's was unusable).
    pub tag: String,
    pub direction: Direction,
    pub labels: &'static Terms,
}

impl Language {
    /// Reads the model's tag; `None` in the second slot means it was usable.
    pub fn from_tag(tag: &str) -> (Self, Option<String>) {
        let trimmed = tag.trim().replace('_', "-");
        let (tag, problem) = if is_well_formed(&trimmed) {
            (trimmed, None)
        } else {
            (
                "und".to_string(),
                Some(format!(
                    "language tag {tag:?} is not a BCP 47 tag; the e-book says \"und\" (undetermined)"
                )),
            )
        };
        let primary = primary_subtag(&tag);
        let language = Language {
            direction: direction_of(&tag),
            labels: labels_for(&primary),
            tag,
        };
        (language, problem)
    }

    /// The primary language subtag in lower case (`zh` for `zh-Hant-TW`).
    pub fn primary(&self) -> String {
        primary_subtag(&self.tag)
    }

    /// Whether words are written without spaces between them (CJK).
    pub fn is_cjk(&self) -> bool {
        matches!(self.primary().as_str(), "zh" | "ja" | "ko" | "yue" | "wuu")
    }
}

fn primary_subtag(tag: &str) -> String {
    tag.split('-').next().unwrap_or("").to_ascii_lowercase()
}

/// A loose check of BCP 47 syntax: alphanumeric subtags of 1 to 8
/// characters, the first alphabetic. EPUBCheck rejects anything else.
fn is_well_formed(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let Some(first) = subtags.next() else {
        return false;
    };
    let first_ok = (2..=8).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic());
    first_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn direction_of(tag: &str) -> Direction {
    let lower = tag.to_ascii_lowercase();
    let mut subtags = lower.split('-');
    let primary = subtags.next().unwrap_or("");
    let script = subtags.find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()));
    match script {
        Some("arab" | "hebr" | "syrc" | "thaa" | "nkoo" | "adlm" | "rohg") => Direction::Rtl,
        Some(_) => Direction::Ltr,
        None => match primary {
            "ar" | "arc" | "ckb" | "dv" | "fa" | "he" | "iw" | "ks" | "ku" | "pa" | "ps" | "sd"
            | "syr" | "ug" | "ur" | "yi" => {
                // Kurdish and Punjabi are written in both directions; without a
                // script subtag the Arabic-script form is only certain for some.
                if matches!(primary, "ku" | "pa") {
                    Direction::Ltr
                } else {
                    Direction::Rtl
                }
            }
            _ => Direction::Ltr,
        },
    }
}

/// Words the book adds around the interview's own text.
/// The words the e-book adds, from core's one table for every writer.
fn labels_for(primary: &str) -> &'static Terms {
    Terms::for_language(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_from_language_or_script() {
        for tag in ["ar", "he", "fa-IR", "ur", "az-Arab", "ku-Arab"] {
            assert_eq!(Language::from_tag(tag).0.direction, Direction::Rtl, "{tag}");
        }
        for tag in ["en", "zh-Hant", "ja", "az-Latn", "ku", "de-CH"] {
            assert_eq!(Language::from_tag(tag).0.direction, Direction::Ltr, "{tag}");
        }
    }

    #[test]
    fn unusable_tags_become_und_with_a_reason() {
        let (language, problem) = Language::from_tag("English (US)");
        assert_eq!(language.tag, "und");
        assert!(problem.is_some());
        let (language, problem) = Language::from_tag(" en_GB ");
        assert_eq!(language.tag, "en-GB");
        assert_eq!(problem, None);
    }

    #[test]
    fn labels_follow_the_primary_language() {
        assert_eq!(Language::from_tag("zh-Hans-CN").0.labels.contents, "目录");
        assert_eq!(Language::from_tag("pt").0.labels.contents, "Índice");
        assert_eq!(Language::from_tag("ko").0.labels.contents, "목차");
        assert_eq!(Language::from_tag("fi").0.labels.contents, "Contents");
        assert!(Language::from_tag("ja").0.is_cjk());
    }
}
