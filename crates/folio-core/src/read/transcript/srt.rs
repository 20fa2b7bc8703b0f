//! SubRip (`.srt`): numbered cues, `00:00:01,000 --> 00:00:04,000`, text
//! lines with `<i>`, `<b>`, `<u>` and `<font>` tags (and the `{\an8}`
//! position codes some tools add). Speakers are marked in the text, if at
//! all: `Name:` at a change of speaker, `>>`, a dialogue dash.

use super::cues::TimedText;
use super::vtt::{TimeOrder, continue_cue, timed_cue};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::Error;
use crate::source::location_at;

/// A first block that is a cue number over a timing line.
pub(crate) fn looks_like_srt(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    let first = first.trim_start_matches('\u{feff}');
    !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) && second.contains("-->")
}

pub(super) fn parse(text: &str, name: &str) -> Result<TimedText, Error> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut timed = TimedText::default();
    let mut order = TimeOrder::default();
    let mut continued_at: Option<usize> = None;
    let mut index = 0;
    while index < lines.len() {
        if lines[index].trim().is_empty() {
            index += 1;
            continue;
        }
        let start = index;
        while index < lines.len() && !lines[index].trim().is_empty() {
            index += 1;
        }
        let block = &lines[start..index];
        let timing = block.iter().take(2).position(|l| l.contains("-->"));
        let Some(timing) = timing else {
            if timed.cues.is_empty() {
                return Err(Error::Syntax {
                    name: name.to_string(),
                    location: location_at(text, start + 1, 1),
                    message: "not a SubRip cue: expected a cue number and a timing line `00:00:01,000 --> 00:00:04,000`".into(),
                });
            }
            // Text after a blank line inside a cue.
            continued_at.get_or_insert(start + 1);
            let payload = strip_position_codes(&block.join("\n"));
            continue_cue(&mut timed, &payload, start + 1, text, name)?;
            continue;
        };
        if timing == 1 && !block[0].trim().bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::Syntax {
                name: name.to_string(),
                location: location_at(text, start + 1, 1),
                message: format!(
                    "expected a cue number before the timing line, found {:?}",
                    block[0].trim()
                ),
            });
        }
        // `X1:… Y1:…` coordinates may follow the end time, as settings do in WebVTT.
        let payload = strip_position_codes(&block[timing + 1..].join("\n"));
        let at = (start + timing + 1, block[timing]);
        timed_cue(&mut timed, &mut order, at, &payload, ',', text, name)?;
    }
    order.report(&mut timed.warnings);
    if let Some(line) = continued_at {
        timed.warnings.push(Diagnostic::new(
            DiagnosticKind::Other,
            Some(line),
            "text after a blank line inside a cue: read as more of the cue before",
        ));
    }
    Ok(timed)
}

/// `{\an8}`, `{\i1}`: ASS override codes some SubRip writers leave in.
fn strip_position_codes(text: &str) -> String {
    if !text.contains("{\\") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{\\") {
        out.push_str(&rest[..at]);
        match rest[at..].find('}') {
            Some(end) => rest = &rest[at + end + 1..],
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::Voice;
    use super::*;
    use crate::model::plain_text;

    #[test]
    fn numbered_cues_with_tags_and_name_marks() {
        let timed = parse(
            "1\n00:00:01,000 --> 00:00:04,000\n{\\an8}Dana: <i>Welcome</i> <font color=\"#fff\">back</font>.\n\n2\n00:00:04,500 --> 00:00:06,000 X1:10 X2:20\nLuis: Thanks.\n",
            "t.srt",
        )
        .unwrap();
        assert_eq!(timed.cues.len(), 2);
        assert_eq!(
            timed.cues[0].voice,
            Voice::Prefix {
                name: "Dana".into(),
                opens_cue: true
            }
        );
        assert_eq!(plain_text(&timed.cues[0].lines[0]), "Welcome back.");
        assert_eq!(timed.cues[1].start, Some(4.5));
    }

    #[test]
    fn broken_timings_are_errors_with_a_position() {
        let err = parse("1\n00:00:01,000 --> 00:00:0a,000\nHi\n", "t.srt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.srt:2:18: invalid cue timing: \"00:00:0a,000\" is not a time (expected HH:MM:SS,mmm or MM:SS,mmm)"
        );
        assert!(looks_like_srt(
            "\u{feff}1\n00:00:01,000 --> 00:00:02,000\nx"
        ));
        assert!(!looks_like_srt("Q: 1\nA: 2"));
    }
}
