//! Clean verbatim (`--clean-verbatim`): filler words removed, with the
//! commas and capitals they leave behind repaired. Off by default: a
//! transcript's words are the speaker's, and only the user may ask for this.

use crate::model::Inline;

/// Words that only fill a pause, per language (primary subtag). Only words
/// that are never anything else are listed: `like`, `you know`, `well` and
/// `so` carry meaning too often to be removed by rule.
const FILLERS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "mm", "mmm",
        ],
    ),
    ("de", &["äh", "ähm", "öh", "öhm", "ähh", "hmm", "hm"]),
    ("fr", &["euh", "heu", "hum", "euhm"]),
    ("es", &["eh", "ehm", "em", "mmm", "hmm"]),
    ("it", &["ehm", "eh", "uhm", "mmm", "hmm"]),
    ("nl", &["eh", "ehm", "uh", "uhm", "hmm"]),
    ("pt", &["hum", "ahn", "hmm"]),
];

/// The filler words of a BCP 47 language, if Folio has a list for it.
pub(super) fn fillers_for(language: &str) -> Option<&'static [&'static str]> {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    FILLERS
        .iter()
        .find(|(tag, _)| *tag == primary)
        .map(|(_, words)| *words)
}

/// Removes filler words from the paragraph's text; returns how many.
pub(super) fn remove_fillers(inlines: &mut [Inline], fillers: &[&str]) -> usize {
    let mut removed = 0;
    // A filler that opened a sentence leaves the next word to be capitalised.
    let mut sentence_start = true;
    let mut capitalise_next = false;
    for inline in inlines.iter_mut() {
        match inline {
            Inline::Text { text } => {
                let (cleaned, count) =
                    clean_text(text, fillers, &mut sentence_start, &mut capitalise_next);
                removed += count;
                *text = cleaned;
            }
            other => {
                if let Some(children) = other.children_mut() {
                    removed += remove_fillers(children, fillers);
                }
                let said = crate::model::plain_text(std::slice::from_ref(other));
                if !said.trim().is_empty() {
                    sentence_start = ends_sentence(said.trim_end());
                    capitalise_next = false;
                }
            }
        }
    }
    removed
}

fn ends_sentence(word: &str) -> bool {
    word.trim_end_matches(['"', '”', '’', ')'])
        .ends_with(['.', '?', '!', '…'])
}

/// The filler a word is, with what stood around it: `Um,` → (`um`, `,`).
fn as_filler<'a>(word: &'a str, fillers: &[&str]) -> Option<&'a str> {
    let core = word.trim_end_matches([',', '.', '!', '?', '…', ';']);
    let lower = core.to_lowercase();
    // `um-um`, `uh—`: repeated or broken-off fillers count too.
    let first = lower.split(['-', '—', '–']).next().unwrap_or("");
    let is_filler = !first.is_empty()
        && lower
            .split(['-', '—', '–'])
            .all(|part| part.is_empty() || fillers.contains(&part))
        && fillers.contains(&first);
    is_filler.then(|| &word[core.len()..])
}

fn clean_text(
    text: &str,
    fillers: &[&str],
    sentence_start: &mut bool,
    capitalise_next: &mut bool,
) -> (String, usize) {
    let leading = text.starts_with(char::is_whitespace);
    let trailing = text.ends_with(char::is_whitespace);
    let mut words: Vec<String> = Vec::new();
    let mut removed = 0;
    for word in text.split_whitespace() {
        if let Some(after) = as_filler(word, fillers) {
            removed += 1;
            // The filler's own full stop or question mark ends the sentence
            // of the word before it: `we went, uh.` → `we went.`
            if let Some(end) = after.chars().find(|c| matches!(c, '.' | '?' | '!' | '…'))
                && let Some(prev) = words.last_mut()
            {
                let base = prev.trim_end_matches([',', ';']).len();
                prev.truncate(base);
                prev.push(end);
                *sentence_start = true;
                continue;
            }
            // `I think, um, that` → `I think that`; but `Yes, um, I do` keeps
            // the comma of a sentence's first word.
            if after.starts_with(',')
                && words.len() >= 2
                && let Some(prev) = words.last_mut()
                && prev.ends_with(',')
            {
                prev.pop();
            }
            if *sentence_start {
                *capitalise_next = true;
            }
            continue;
        }
        let mut word = word.to_string();
        if *capitalise_next {
            word = capitalise(&word);
            *capitalise_next = false;
        }
        *sentence_start = ends_sentence(&word);
        words.push(word);
    }
    let mut out = words.join(" ");
    if leading && !out.is_empty() {
        out.insert(0, ' ');
    }
    if trailing && !out.is_empty() {
        out.push(' ');
    }
    if out.is_empty() && (leading || trailing) {
        out.push(' ');
    }
    (out, removed)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn clean(text: &str) -> (String, usize) {
        let mut inlines = vec![Inline::text(text)];
        let count = remove_fillers(&mut inlines, fillers_for("en-GB").unwrap());
        (crate::model::plain_text(&inlines), count)
    }

    #[test]
    fn fillers_go_and_the_punctuation_is_repaired() {
        assert_eq!(clean("Um, I think so."), ("I think so.".into(), 1));
        assert_eq!(
            clean("I think, um, that we should."),
            ("I think that we should.".into(), 1)
        );
        assert_eq!(clean("Yes, uh, I do."), ("Yes, I do.".into(), 1));
        assert_eq!(
            clean("So we went, uh. Then erm we left."),
            ("So we went. Then we left.".into(), 2)
        );
        assert_eq!(clean("It was, um-um, fine."), ("It was fine.".into(), 1));
        // Words that merely begin like a filler stay.
        assert_eq!(
            clean("Umbrellas and errands."),
            ("Umbrellas and errands.".into(), 0)
        );
    }

    #[test]
    fn languages_without_a_list_are_left_alone() {
        assert!(fillers_for("ja").is_none());
        assert!(fillers_for("de-AT").is_some());
    }
}
