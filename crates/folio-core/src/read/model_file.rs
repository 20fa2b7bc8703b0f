//! The model itself as JSON or YAML: parsed with serde, checked like any
//! reader's output, so a hand-written model cannot reach a writer broken.

use std::collections::HashSet;

use crate::error::Error;
use crate::model::Interview;
use crate::read::{InputFormat, Parsed, ReadOptions, complete_meta};
use crate::source::location_at;

pub fn read(
    text: &str,
    name: &str,
    format: InputFormat,
    options: &ReadOptions,
) -> Result<Parsed, Error> {
    let syntax = |line: usize, column: usize, message: String| Error::Syntax {
        name: name.to_string(),
        location: location_at(text, line, column),
        message,
    };
    let mut interview: Interview = match format {
        InputFormat::Yaml => serde_yaml_ng::from_str(text).map_err(|err| {
            let (line, column) = err
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((1, 1));
            let message = crate::read::frontmatter::yaml_message(&err.to_string(), 0);
            syntax(line, column, format!("invalid YAML model: {message}"))
        })?,
        _ => serde_json::from_str(text).map_err(|err| {
            let message = err.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            // JSON that is not a model at all: say what Folio reads.
            let hint = match serde_json::from_str::<serde_json::Value>(text) {
                Ok(serde_json::Value::Object(map))
                    if !map.contains_key("turns") && !map.contains_key("meta") =>
                {
                    " (this is neither Folio's model, with `meta`, `speakers` and `turns`, nor a JSON transcript Folio reads: whisperX or Podcasting 2.0 `segments`, whisper.cpp `transcription`)"
                }
                Ok(serde_json::Value::Array(_)) => {
                    " (a list is not Folio's model; a list of transcript segments needs `start` and `text` in each)"
                }
                _ => "",
            };
            syntax(
                err.line().max(1),
                err.column().max(1),
                format!("invalid JSON model: {message}{hint}"),
            )
        })?,
    };
    for (label, role) in &options.roles {
        let key = crate::assemble::labels::label_key(label);
        for speaker in &mut interview.speakers {
            if crate::assemble::labels::label_key(&speaker.label) == key {
                speaker.role = *role;
            }
        }
    }
    if interview.turns.is_empty() {
        return Err(Error::NoTurns {
            name: name.to_string(),
            looked_for: "the model's `turns` list is empty".into(),
        });
    }
    let mut warnings = complete_meta(&mut interview, options, name)?;
    warnings.extend(crate::link::unlink_unfollowable(&mut interview));
    validate(&interview).map_err(|message| Error::InvalidModel {
        name: name.to_string(),
        message,
    })?;
    Ok(Parsed {
        interview,
        warnings,
        format,
        roles: Vec::new(),
    })
}

/// The promises the model makes to writers.
pub fn validate(interview: &Interview) -> Result<(), String> {
    let mut ids = HashSet::new();
    for speaker in &interview.speakers {
        if speaker.id.trim().is_empty() {
            return Err(format!("speaker {:?} has an empty id", speaker.label));
        }
        if speaker.label.trim().is_empty() {
            return Err(format!("speaker {:?} has an empty label", speaker.id));
        }
        if !ids.insert(speaker.id.as_str()) {
            return Err(format!("speaker id {:?} is used twice", speaker.id));
        }
    }
    if interview.turns.is_empty() {
        return Err("the interview has no turns".into());
    }
    for (index, turn) in interview.turns.iter().enumerate() {
        if !ids.contains(turn.speaker.as_str()) {
            return Err(format!(
                "turn {} refers to speaker {:?}, which is not in `speakers`",
                index + 1,
                turn.speaker
            ));
        }
        if turn.content.is_empty() {
            return Err(format!("turn {} has no content", index + 1));
        }
        if let Some(start) = turn.start
            && !(start.is_finite() && start >= 0.0)
        {
            return Err(format!(
                "turn {} starts at {start} s; a start time is a number of seconds from 0 on",
                index + 1
            ));
        }
    }
    for section in &interview.sections {
        if section.first_turn > interview.turns.len() {
            return Err(format!(
                "section {:?} starts at turn {}, but there are only {} turns",
                section.heading,
                section.first_turn,
                interview.turns.len()
            ));
        }
        if !(1..=6).contains(&section.level) {
            return Err(format!(
                "section {:?} has level {}, expected 1 to 6",
                section.heading, section.level
            ));
        }
    }
    if interview.meta.language.trim().is_empty() {
        return Err("meta.language is empty".into());
    }
    let limit = crate::read::markdown::MAX_NESTING;
    let deepest = interview
        .turns
        .iter()
        .map(|t| blocks_depth(&t.content, limit + 1))
        .max()
        .unwrap_or(0);
    if deepest > limit {
        return Err(format!(
            "quotes and lists are nested more than {limit} levels deep; Folio reads at most {limit}"
        ));
    }
    Ok(())
}

/// How deep quotes and lists nest in `blocks`, counted up to `stop`.
fn blocks_depth(blocks: &[crate::model::Block], stop: usize) -> usize {
    use crate::model::Block;
    if stop == 0 {
        return 0;
    }
    blocks
        .iter()
        .map(|block| match block {
            Block::Quote { content } => 1 + blocks_depth(content, stop - 1),
            Block::List { items, .. } => {
                1 + items
                    .iter()
                    .map(|item| blocks_depth(item, stop - 1))
                    .max()
                    .unwrap_or(0)
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}
