//! JSON transcripts, told apart from Folio's own model by their shape:
//! whisperX (`{"segments":[{"speaker","start","end","text"}]}`) and the
//! Podcasting 2.0 transcript format (`{"version","segments":[{"speaker",
//! "startTime","endTime","body"}]}`). A missing or mistyped field is an
//! error naming its path (`segments[3].text`).

use serde_json::Value;

use super::cues::TimedText;
use super::{Cue, Voice};
use crate::error::Error;
use crate::model::Inline;
use crate::source::location_at;

/// The two shapes' field names: text, start, end.
#[derive(Debug, Clone, Copy)]
struct Shape {
    text: &'static str,
    start: &'static str,
    end: &'static str,
}

const WHISPERX: Shape = Shape {
    text: "text",
    start: "start",
    end: "end",
};
const PODCASTING: Shape = Shape {
    text: "body",
    start: "startTime",
    end: "endTime",
};

/// A JSON object with a `segments` list (whisperX, Podcasting 2.0) or a
/// `transcription` list (whisper.cpp) and none of the model's keys, or a
/// bare list of segments with `start` and `text` (faster-whisper).
pub(crate) fn looks_like_transcript_json(text: &str) -> bool {
    let head = text.trim_start();
    if !head.starts_with(['{', '[']) {
        return false;
    }
    // Cheap before parsing: one of the keys must be there.
    if !text.contains("\"segments\"")
        && !text.contains("\"transcription\"")
        && !text.contains("\"start\"")
    {
        return false;
    }
    serde_json::from_str::<Value>(text).is_ok_and(|value| segments_of(&value).is_some())
}

/// The list of segments in any of the shapes read here.
fn segments_of(value: &Value) -> Option<&Vec<Value>> {
    match value {
        Value::Object(map) if map.contains_key("turns") || map.contains_key("speakers") => None,
        Value::Object(map) => map
            .get("segments")
            .or_else(|| map.get("transcription"))
            .and_then(Value::as_array),
        Value::Array(items)
            if items
                .first()
                .is_some_and(|s| s.get("start").is_some() && s.get("text").is_some()) =>
        {
            Some(items)
        }
        _ => None,
    }
}

/// whisper.cpp gives times as `offsets.from` in milliseconds.
fn whisper_cpp_seconds(segment: &Value, field: &str) -> Option<f64> {
    let ms = segment.get("offsets")?.get(field)?.as_f64()?;
    (ms.is_finite() && ms >= 0.0).then_some(ms / 1000.0)
}

pub(super) fn parse(text: &str, name: &str) -> Result<TimedText, Error> {
    let value: Value = serde_json::from_str(text).map_err(|err| Error::Syntax {
        name: name.to_string(),
        location: location_at(text, err.line().max(1), err.column().max(1)),
        message: format!("invalid JSON: {err}"),
    })?;
    let field_error = |path: String, message: &str| Error::Field {
        name: name.to_string(),
        path,
        message: message.to_string(),
    };
    let Some(segments) = segments_of(&value) else {
        return Err(field_error(
            "segments".into(),
            "missing: a JSON transcript has a list of segments (whisperX, Podcasting 2.0), a `transcription` list (whisper.cpp) or is a list of segments",
        ));
    };
    let whisper_cpp = value.get("transcription").is_some();
    let shape = if value.get("version").is_some()
        || segments
            .first()
            .is_some_and(|s| s.get("body").is_some() || s.get("startTime").is_some())
    {
        PODCASTING
    } else {
        WHISPERX
    };
    let mut timed = TimedText::default();
    if let Some(language) = value.get("language").and_then(Value::as_str) {
        timed.language = Some(language.to_string());
    }
    let mut order = super::vtt::TimeOrder::default();
    // Some segments name a speaker: one that names none is an unknown voice.
    let diarised = segments.iter().any(|s| {
        s.get("speaker")
            .and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    });
    for (index, segment) in segments.iter().enumerate() {
        let path = |field: &str| format!("segments[{index}].{field}");
        if !segment.is_object() {
            return Err(field_error(
                format!("segments[{index}]"),
                "expected an object with the segment's text and times",
            ));
        }
        let words = match segment.get(shape.text) {
            Some(Value::String(s)) => s.trim().to_string(),
            Some(_) => return Err(field_error(path(shape.text), "expected a string")),
            None => return Err(field_error(path(shape.text), "missing")),
        };
        let seconds = |field: &str, required: bool| -> Result<Option<f64>, Error> {
            match segment.get(field) {
                Some(Value::Number(n)) => match n.as_f64() {
                    Some(s) if s.is_finite() && s >= 0.0 => Ok(Some(s)),
                    _ => Err(field_error(path(field), "expected seconds from 0 on")),
                },
                Some(Value::Null) | None if !required => Ok(None),
                Some(_) => Err(field_error(path(field), "expected a number of seconds")),
                None => Err(field_error(path(field), "missing")),
            }
        };
        let (start, end) = if whisper_cpp {
            let start = whisper_cpp_seconds(segment, "from").ok_or_else(|| {
                field_error(path("offsets.from"), "missing: expected milliseconds")
            })?;
            (Some(start), whisper_cpp_seconds(segment, "to"))
        } else {
            (seconds(shape.start, true)?, seconds(shape.end, false)?)
        };
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                return Err(field_error(
                    path(shape.end),
                    &format!("the segment ends at {e} s, before it starts at {s} s"),
                ));
            }
            order.check(s, e, 1);
        }
        let voice = match segment.get("speaker") {
            Some(Value::String(s)) if !s.trim().is_empty() => Voice::Named(s.trim().to_string()),
            // whisperX leaves `speaker` out where the diarisation could not
            // tell; its words may still say whose they are.
            Some(Value::Null) | None | Some(Value::String(_)) => match word_speaker(segment) {
                Some(speaker) => Voice::Named(speaker),
                None if diarised => Voice::Unknown,
                None => Voice::Same,
            },
            Some(_) => return Err(field_error(path("speaker"), "expected a string")),
        };
        if words.is_empty() {
            continue;
        }
        timed.cues.push(Cue {
            line: 1,
            start,
            end,
            voice,
            lines: vec![vec![Inline::text(words)]],
            paragraph: false,
        });
    }
    order.report(&mut timed.warnings);
    Ok(timed)
}

/// The speaker most of a segment's words are given to (whisperX `words`).
fn word_speaker(segment: &Value) -> Option<String> {
    let words = segment.get("words")?.as_array()?;
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for word in words {
        if let Some(speaker) = word.get("speaker").and_then(Value::as_str) {
            match counts.iter_mut().find(|(s, _)| *s == speaker) {
                Some((_, n)) => *n += 1,
                None => counts.push((speaker, 1)),
            }
        }
    }
    // The first of the most frequent, so that a tie is decided by order.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(s, _)| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_and_their_missing_fields() {
        let whisper = r#"{"segments":[{"speaker":"SPEAKER_00","start":0,"end":3.16,"text":" Hello.","words":[]},{"start":3.2,"end":4,"text":"Again."}],"language":"en"}"#;
        assert!(looks_like_transcript_json(whisper));
        let timed = parse(whisper, "w.json").unwrap();
        assert_eq!(timed.cues.len(), 2);
        assert_eq!(timed.cues[0].voice, Voice::Named("SPEAKER_00".into()));
        // A segment without a speaker among segments with one: unknown.
        assert_eq!(timed.cues[1].voice, Voice::Unknown);
        let by_words = r#"{"segments":[{"speaker":"S0","start":0,"text":"a"},{"start":1,"text":"b c","words":[{"word":"b","speaker":"S1"},{"word":"c","speaker":"S1"}]}]}"#;
        assert_eq!(
            parse(by_words, "w.json").unwrap().cues[1].voice,
            Voice::Named("S1".into())
        );
        let podcast = r#"{"version":"1.0.0","segments":[{"speaker":"Ann","startTime":0.5,"endTime":3.1,"body":"Hi."}]}"#;
        assert!(looks_like_transcript_json(podcast));
        assert_eq!(parse(podcast, "p.json").unwrap().cues[0].start, Some(0.5));
        let missing = r#"{"segments":[{"speaker":"A","start":0,"end":1,"text":"x"},{"speaker":"A","start":1}]}"#;
        assert_eq!(
            parse(missing, "w.json").unwrap_err().to_string(),
            "w.json: segments[1].text: missing"
        );
        assert!(!looks_like_transcript_json(
            r#"{"meta":{},"speakers":[],"turns":[],"segments":[]}"#
        ));
    }
}
