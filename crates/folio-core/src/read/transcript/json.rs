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

/// A JSON object with a `segments` list and none of the model's keys.
pub(crate) fn looks_like_transcript_json(text: &str) -> bool {
    let head = text.trim_start();
    if !head.starts_with('{') {
        return false;
    }
    // Cheap before parsing: the key must be there.
    if !text.contains("\"segments\"") {
        return false;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => {
            map.get("segments").is_some_and(Value::is_array)
                && !map.contains_key("turns")
                && !map.contains_key("speakers")
        }
        _ => false,
    }
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
    let Some(segments) = value.get("segments").and_then(Value::as_array) else {
        return Err(field_error(
            "segments".into(),
            "missing: a JSON transcript has a list of segments",
        ));
    };
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
        let start = seconds(shape.start, true)?;
        let end = seconds(shape.end, false)?;
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
            Some(Value::Null) | None => Voice::Same,
            Some(Value::String(_)) => Voice::Same,
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
        assert_eq!(timed.cues[1].voice, Voice::Same);
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
