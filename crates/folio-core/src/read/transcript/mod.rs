//! Timed transcripts: caption files (WebVTT, SubRip) and what transcription
//! tools export (Otter, Rev and whisperX text, whisperX and Podcasting 2.0
//! JSON). Each form is parsed into [`Cue`]s by its own module; the cues
//! become speakers and turns here, once for all of them, and then go
//! through the same assembler as every other text, so roles are decided
//! from the same evidence.

mod clean;
mod cues;
mod json;
mod marks;
mod srt;
mod text_export;
mod vtt;

use crate::model::Inline;

pub(crate) use cues::{Settings, TimedText, build, speaker_name};
pub(crate) use json::looks_like_transcript_json;
pub(crate) use srt::looks_like_srt;
pub(crate) use text_export::looks_like_export;

/// Which timed form a text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimedForm {
    WebVtt,
    Srt,
    TextExport,
    Json,
}

/// Parses a timed text into cues. Errors name the line and column (or,
/// for JSON, the path of the field).
pub(crate) fn parse(
    form: TimedForm,
    text: &str,
    name: &str,
) -> Result<TimedText, crate::error::Error> {
    match form {
        TimedForm::WebVtt => vtt::parse(text, name),
        TimedForm::Srt => srt::parse(text, name),
        TimedForm::TextExport => Ok(text_export::parse(text)),
        TimedForm::Json => json::parse(text, name),
    }
}

/// Who a piece of cue text is said by, as the cue marks it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Voice {
    /// Named: `<v Ann>`, `Ann:`, `[SPEAKER_00]:`, a JSON `speaker`.
    Named(String),
    /// A `Name:` prefix, taken as a speaker when the name recurs, or when
    /// it opens a cue and is not a word prose puts before a colon.
    Prefix { name: String, opens_cue: bool },
    /// A change of speaker without a name (`>>`, `<v ->`).
    Change,
    /// A dialogue dash (`- Hi.`): a change of speaker when a cue holds two
    /// dashed lines, mere decoration when every cue has just one.
    Dash,
    /// Said by a voice the source could not tell (a whisperX segment with
    /// no speaker among segments that have one).
    Unknown,
    /// Nothing marked: the speaker of the cue before goes on.
    Same,
}

/// One timed piece of text with one voice.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cue {
    /// 1-based line where the cue's text starts.
    pub line: usize,
    /// Seconds into the recording.
    pub start: Option<f64>,
    pub end: Option<f64>,
    pub voice: Voice,
    /// The cue's lines, each as inlines.
    pub lines: Vec<Vec<Inline>>,
    /// The source starts a new paragraph here (a text export's block).
    pub paragraph: bool,
}

/// `HH:MM:SS(.fff)`, `MM:SS(.fff)` or `M:SS`, with `.` or `,` before the
/// fraction, as seconds. Minutes and seconds must be below 60.
pub(crate) fn parse_clock(text: &str) -> Option<f64> {
    let (clock, fraction) = match text.split_once(['.', ',']) {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (text, None),
    };
    let number = |s: &str, max_len: usize| -> Option<u64> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let mut parts = clock.split(':').rev();
    let seconds = number(parts.next()?, 2)?;
    let minutes = number(parts.next()?, 2)?;
    let hours = match parts.next() {
        Some(h) => number(h, 4)?,
        None => 0,
    };
    if parts.next().is_some() || seconds >= 60 || minutes >= 60 {
        return None;
    }
    let millis = match fraction {
        Some(f) => {
            let digits = number(f, 3)?;
            // `.5` is half a second: scale to thousandths.
            digits * 10u64.pow(3 - f.len() as u32)
        }
        None => 0,
    };
    let total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    Some(total as f64 / 1000.0)
}

/// A start time as printed in the outputs: `[MM:SS]`, or `[HH:MM:SS]` in a
/// recording of an hour or more, so that every stamp of a file has one width.
pub(crate) fn format_clock(seconds: f64, with_hours: bool) -> String {
    let whole = seconds.max(0.0).floor() as u64;
    let (h, m, s) = (whole / 3600, (whole / 60) % 60, whole % 60);
    if with_hours {
        format!("[{h:02}:{m:02}:{s:02}]")
    } else {
        format!("[{m:02}:{s:02}]")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn clocks_are_read_in_every_form_the_exports_use() {
        assert_eq!(parse_clock("00:01.500"), Some(1.5));
        assert_eq!(parse_clock("01:02:03.004"), Some(3723.004));
        assert_eq!(parse_clock("00:00:01,000"), Some(1.0));
        assert_eq!(parse_clock("1:05"), Some(65.0));
        assert_eq!(parse_clock("1:02:05"), Some(3725.0));
        assert_eq!(parse_clock("00:61.000"), None);
        assert_eq!(parse_clock("00:01.5x"), None);
        assert_eq!(parse_clock("1"), None);
        assert_eq!(parse_clock(""), None);
    }

    #[test]
    fn start_times_print_with_one_width_per_file() {
        assert_eq!(format_clock(65.9, false), "[01:05]");
        assert_eq!(format_clock(3725.0, true), "[01:02:05]");
        assert_eq!(format_clock(5.0, true), "[00:00:05]");
    }
}
