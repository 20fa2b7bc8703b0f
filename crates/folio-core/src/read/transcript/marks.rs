//! Speaker marks inside cue text, where caption files carry no voice tag:
//! `Name: text` (Zoom, SubRip), `[SPEAKER_00]: text` (whisperX), `>>` and
//! `>> NAME:` (broadcast captions), and the dialogue dash `- text`.

use super::Voice;
use crate::model::Inline;

/// The speaker a line of cue text opens with, and the line without the mark.
pub(super) fn take_mark(line: Vec<Inline>) -> (Voice, Vec<Inline>) {
    let Some(Inline::Text { text }) = line.first() else {
        return (Voice::Same, line);
    };
    let trimmed = text.trim_start();
    let (voice, rest) = if let Some(rest) = trimmed.strip_prefix(">>") {
        let rest = rest.trim_start_matches('>').trim_start();
        match name_prefix(rest) {
            Some((name, after)) => (Voice::Named(name.to_string()), after),
            None => (Voice::Change, rest),
        }
    } else if let Some(rest) = ["- ", "– ", "— "]
        .iter()
        .find_map(|dash| trimmed.strip_prefix(dash))
    {
        (Voice::Dash, rest.trim_start())
    } else if let Some((name, after)) = bracketed_id(trimmed) {
        (Voice::Named(name.to_string()), after)
    } else if let Some((name, after)) = name_prefix(trimmed) {
        (
            Voice::Prefix {
                name: name.to_string(),
                opens_cue: false,
            },
            after,
        )
    } else {
        return (Voice::Same, line);
    };
    let rest = rest.to_string();
    let mut line = line;
    if let Some(first) = line.first_mut() {
        *first = Inline::text(rest);
    }
    (voice, line)
}

/// `[SPEAKER_00]: text` or `[Ann Lee]: text`.
fn bracketed_id(text: &str) -> Option<(&str, &str)> {
    let inner_end = text.strip_prefix('[')?.find(']')? + 1;
    let name = text.get(1..inner_end)?.trim();
    let after = text.get(inner_end + 1..)?.strip_prefix(':')?;
    (is_name(name) && !name.is_empty()).then_some((name, after.trim_start()))
}

/// `Ann Lee: text`: a short name before a colon and a space.
fn name_prefix(text: &str) -> Option<(&str, &str)> {
    let colon = text.find([':', '：'])?;
    let name = text.get(..colon)?.trim();
    let after = text.get(colon..)?;
    let after = after
        .strip_prefix(':')
        .or_else(|| after.strip_prefix('：'))?;
    // `10:30` is a time, `http://` a link: a label's colon is followed by a
    // space or ends the line.
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    is_name(name).then_some((name, after.trim_start()))
}

/// Up to four words of letters (and digits, for `Speaker 2`, `SPEAKER_01`),
/// the first capitalised, with nothing a sentence would carry.
pub(super) fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || name.chars().count() > 40 {
        return false;
    }
    let first = name.chars().next();
    let capital = first.is_some_and(|c| c.is_uppercase() || !c.is_lowercase() && c.is_alphabetic());
    capital
        && name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.'’-()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(text: &str) -> (Voice, String) {
        let (voice, rest) = take_mark(vec![Inline::text(text)]);
        (voice, crate::model::plain_text(&rest))
    }

    #[test]
    fn marks_name_the_speaker_or_only_say_it_changed() {
        assert_eq!(
            mark("Yuki Wang: it's really."),
            (
                Voice::Prefix {
                    name: "Yuki Wang".into(),
                    opens_cue: false
                },
                "it's really.".into()
            )
        );
        assert_eq!(
            mark("[SPEAKER_00]: Hello there."),
            (Voice::Named("SPEAKER_00".into()), "Hello there.".into())
        );
        assert_eq!(
            mark(">> ANCHOR: Good evening."),
            (Voice::Named("ANCHOR".into()), "Good evening.".into())
        );
        assert_eq!(mark(">> Thanks."), (Voice::Change, "Thanks.".into()));
        assert_eq!(mark("- Me too!"), (Voice::Dash, "Me too!".into()));
        assert_eq!(
            mark("At 10:30 we left."),
            (Voice::Same, "At 10:30 we left.".into())
        );
        assert_eq!(
            mark("see https://example.org"),
            (Voice::Same, "see https://example.org".into())
        );
        assert_eq!(
            mark("and then she said: go"),
            (Voice::Same, "and then she said: go".into())
        );
    }
}
