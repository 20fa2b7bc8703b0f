//! YAML (`---`) and TOML (`+++`) front matter: split from the body, parsed
//! with real parsers, and mapped onto metadata and speaker hints. The many
//! names publishing tools use for one field (`dek`, `standfirst`,
//! `subtitle`) all land in the same place.

use serde_json::Value;

use crate::assemble::{SpeakerHint, SpeakerHints};
use crate::datetime::DateTime;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::Error;
use crate::model::{Meta, SpeakerRole};
use crate::source::location_at;

/// Front matter found at the top of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterBlock {
    pub value: Value,
    /// Number of lines the front matter occupies, fences included.
    pub lines: usize,
}

/// What front matter says beyond `Meta`.
#[derive(Debug, Clone, Default)]
pub struct FrontMatterExtras {
    pub hints: SpeakerHints,
    pub editors_note: Option<String>,
    pub intro: Option<String>,
    pub bio: Option<String>,
}

/// Splits and parses front matter. Returns `None` when the text has none.
pub fn parse(text: &str, name: &str) -> Result<Option<FrontMatterBlock>, Error> {
    let (fence, toml) = if text.starts_with("---\n") || text == "---" {
        ("---", false)
    } else if text.starts_with("+++\n") {
        ("+++", true)
    } else {
        return Ok(None);
    };
    let mut end = None;
    let mut offset = fence.len() + 1;
    for (index, line) in text.lines().enumerate().skip(1) {
        let trimmed = line.trim_end();
        if trimmed == fence || (!toml && trimmed == "...") {
            end = Some((index, offset));
            break;
        }
        offset += line.len() + 1;
    }
    let Some((closing_line, body_end)) = end else {
        return Err(Error::Syntax {
            name: name.to_string(),
            location: location_at(text, 1, 1),
            message: format!("front matter opened with `{fence}` is never closed"),
        });
    };
    let start = fence.len() + 1;
    let body = text.get(start..body_end.max(start)).unwrap_or("");
    // The body starts on the file's second line.
    let value = parse_mapping(body, text, name, toml, 1, "front matter")?;
    Ok(Some(FrontMatterBlock {
        value,
        lines: closing_line + 1,
    }))
}

/// Parses a TOML or YAML mapping (front matter, a transcript's sidecar).
/// `body` starts `line_offset` lines into `file`, so that errors point into
/// the file; `what` names the mapping in messages.
pub(crate) fn parse_mapping(
    body: &str,
    file: &str,
    name: &str,
    toml: bool,
    line_offset: usize,
    what: &str,
) -> Result<Value, Error> {
    let syntax = |line: usize, column: usize, message: String| Error::Syntax {
        name: name.to_string(),
        location: location_at(file, line + line_offset, column),
        message,
    };
    let value: Value = if toml {
        toml::from_str::<Value>(body).map_err(|err| {
            let (line, column) = err
                .span()
                .map(|span| line_col(body, span.start))
                .unwrap_or((1, 1));
            syntax(
                line,
                column,
                format!("invalid TOML {what}: {}", err.message()),
            )
        })?
    } else if body.trim().is_empty() {
        Value::Object(Default::default())
    } else {
        let yaml_error = |err: serde_yaml_ng::Error| {
            let (line, column) = err
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((1, 1));
            syntax(
                line,
                column,
                format!(
                    "invalid YAML {what}: {}",
                    yaml_message(&err.to_string(), line_offset)
                ),
            )
        };
        // Through YAML's own value first: it refuses a key given twice
        // (a map would keep the last one silently) and applies merge keys
        // (`<<: *base`), which a map would keep as a key named `<<`.
        let mut yaml = serde_yaml_ng::from_str::<serde_yaml_ng::Value>(body).map_err(yaml_error)?;
        yaml.apply_merge().map_err(yaml_error)?;
        serde_yaml_ng::from_value::<Value>(yaml).map_err(yaml_error)?
    };
    if !value.is_object() {
        return Err(syntax(
            1,
            1,
            format!("{what} must be a mapping of keys to values"),
        ));
    }
    Ok(value)
}

/// A YAML parser message without its first position (the caller reports
/// that one) and with later positions moved by `offset` lines into the file.
pub fn yaml_message(message: &str, offset: usize) -> String {
    let mut parts = message.split(", while ");
    let head = parts.next().unwrap_or(message);
    let head = head.split(" at line ").next().unwrap_or(head);
    let mut out = head.to_string();
    for context in parts {
        let context = match context.split_once(" at line ") {
            Some((what, position)) => {
                let mut numbers = position.split(" column ");
                let line = numbers.next().and_then(|n| n.trim().parse::<usize>().ok());
                let column = numbers.next().and_then(|n| n.trim().parse::<usize>().ok());
                match (line, column) {
                    (Some(line), Some(column)) => {
                        format!(
                            "{what} that starts at line {}, column {column}",
                            line + offset
                        )
                    }
                    _ => what.to_string(),
                }
            }
            None => context.to_string(),
        };
        out.push_str(" (while ");
        out.push_str(&context);
        out.push(')');
    }
    out
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        // TOML dates arrive as a one-key table.
        Value::Object(map) if map.len() == 1 => {
            map.get("$__toml_private_datetime").and_then(as_text)
        }
        _ => None,
    }
}

fn as_list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(|v| as_text(v).or_else(|| v.get("name").and_then(as_text)))
            .collect(),
        Value::String(s) => s
            .split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        Value::Object(_) => value.get("name").and_then(as_text).into_iter().collect(),
        other => as_text(other).into_iter().collect(),
    }
}

fn people(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => super::split_people(s),
        other => as_list(other),
    }
}

/// Applies front matter to `meta`; everything unknown is reported, not lost silently.
pub fn apply(
    block: &FrontMatterBlock,
    meta: &mut Meta,
    warnings: &mut Vec<Diagnostic>,
) -> FrontMatterExtras {
    let mut extras = FrontMatterExtras::default();
    let Value::Object(map) = &block.value else {
        return extras;
    };
    for (key, value) in map {
        let normalised = key.to_lowercase().replace(['-', ' '], "_");
        if let Some(expected) = wrong_type(&normalised, value) {
            warnings.push(Diagnostic::new(
                DiagnosticKind::Ignored,
                Some(1),
                format!(
                    "front matter {key:?} should be {expected}, but is {}; ignored",
                    describe(value)
                ),
            ));
            continue;
        }
        match normalised.as_str() {
            "title" | "headline" => meta.title = as_text(value),
            "subtitle" | "standfirst" | "dek" | "deck" | "subhead" | "strapline" => {
                meta.subtitle = as_text(value)
            }
            "kicker" | "section" | "category" | "rubric" | "overline" => {
                meta.kicker = as_list(value).into_iter().next()
            }
            "author" | "authors" | "byline" => meta.authors = people(value),
            "interviewer" | "interviewers" | "interviewed_by" => {
                meta.interviewers = people(value);
                extras.hints.interviewers = meta.interviewers.clone();
            }
            "interviewee" | "interviewees" | "guest" | "guests" | "subject" => {
                extras.hints.interviewees = people(value)
            }
            "publication" | "publisher" | "outlet" | "site" | "site_name" => {
                meta.publication = as_text(value);
                extras.hints.publication = meta.publication.clone();
            }
            "date" | "published" | "pubdate" | "publish_date" | "date_published"
            | "published_at" => meta.published = date(value, key, block, warnings),
            "updated" | "modified" | "lastmod" | "date_modified" | "updated_at"
            | "last_updated" => meta.updated = date(value, key, block, warnings),
            "lang" | "language" | "locale" => {
                meta.language = as_text(value).unwrap_or_default().replace('_', "-")
            }
            "source_url" | "url" | "source" | "canonical" | "canonical_url" | "link"
            | "permalink" => meta.source_url = as_text(value),
            "rights" | "license" | "licence" | "copyright" => meta.rights = as_text(value),
            "keywords" | "tags" | "subjects" | "topics" => meta.keywords = as_list(value),
            "description" | "summary" | "excerpt" | "abstract" => meta.description = as_text(value),
            "id" | "identifier" | "uuid" | "isbn" | "doi" => {
                meta.identifier = as_text(value).unwrap_or_default()
            }
            "cover" | "cover_image" | "image" | "thumbnail" => meta.cover = as_text(value),
            "speakers" | "participants" | "cast" => extras.hints.speakers = speaker_hints(value),
            "roles" => extras.hints.overrides.extend(role_map(value, warnings)),
            "editor_note" | "editors_note" | "editor's_note" | "note" => {
                extras.editors_note = as_text(value)
            }
            "intro" | "introduction" | "lede" | "lead" => extras.intro = as_text(value),
            "bio" | "author_bio" | "about" => extras.bio = as_text(value),
            _ => warnings.push(Diagnostic::new(
                DiagnosticKind::Ignored,
                Some(1),
                format!("front matter key {key:?} is not used by Folio"),
            )),
        }
    }
    extras
}

/// What a known key's value must be when it is not: `title: [a, b]`,
/// `speakers: "Ann"` and `language = ["en"]` were dropped without a word.
fn wrong_type(key: &str, value: &Value) -> Option<&'static str> {
    let scalar = matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_))
        || as_text(value).is_some()
        || value.is_null();
    match key {
        "title" | "headline" | "subtitle" | "standfirst" | "dek" | "deck" | "subhead"
        | "strapline" | "publication" | "publisher" | "outlet" | "site" | "site_name" | "lang"
        | "language" | "locale" | "source_url" | "url" | "source" | "canonical"
        | "canonical_url" | "link" | "permalink" | "rights" | "license" | "licence"
        | "copyright" | "description" | "summary" | "excerpt" | "abstract" | "id"
        | "identifier" | "uuid" | "isbn" | "doi" | "editor_note" | "editors_note"
        | "editor's_note" | "note" | "intro" | "introduction" | "lede" | "lead" | "bio"
        | "author_bio" | "about" | "date" | "published" | "pubdate" | "publish_date"
        | "date_published" | "published_at" | "updated" | "modified" | "lastmod"
        | "date_modified" | "updated_at" | "last_updated"
            if !scalar =>
        {
            Some("a single text")
        }
        "speakers" | "participants" | "cast" if !(value.is_object() || value.is_array()) => {
            Some("a map of labels to names and roles, or a list")
        }
        "roles" if !value.is_object() => Some("a map of labels to roles"),
        _ => None,
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a map",
    }
}

fn date(
    value: &Value,
    key: &str,
    block: &FrontMatterBlock,
    warnings: &mut Vec<Diagnostic>,
) -> Option<DateTime> {
    let text = as_text(value)?;
    let parsed = DateTime::parse(&text);
    if parsed.is_none() {
        warnings.push(Diagnostic::new(
            DiagnosticKind::Ignored,
            Some(1),
            format!(
                "front matter {key:?} ({text:?}) is not a date Folio can read (lines 1-{}); use 2022-05-17 or 2022-05-17T10:30:00Z",
                block.lines
            ),
        ));
    }
    parsed
}

/// `speakers:` as a map (`GT: {name: …, role: …}` or `GT: interviewer`) or a list.
fn speaker_hints(value: &Value) -> Vec<SpeakerHint> {
    let from_object = |label: Option<String>, v: &Value| SpeakerHint {
        label: label.or_else(|| v.get("label").and_then(as_text)),
        name: v.get("name").and_then(as_text),
        role: v
            .get("role")
            .and_then(as_text)
            .and_then(|r| SpeakerRole::parse(&r)),
    };
    match value {
        Value::Object(map) => map
            .iter()
            .map(|(label, v)| match v {
                Value::String(s) => match SpeakerRole::parse(s) {
                    Some(role) => SpeakerHint {
                        label: Some(label.clone()),
                        name: None,
                        role: Some(role),
                    },
                    None => SpeakerHint {
                        label: Some(label.clone()),
                        name: Some(s.clone()),
                        role: None,
                    },
                },
                other => from_object(Some(label.clone()), other),
            })
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => SpeakerHint {
                    label: Some(s.clone()),
                    name: None,
                    role: None,
                },
                other => from_object(None, other),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn role_map(value: &Value, warnings: &mut Vec<Diagnostic>) -> Vec<(String, SpeakerRole)> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(label, role)| {
            let text = as_text(role)?;
            match SpeakerRole::parse(&text) {
                Some(role) => Some((label.clone(), role)),
                None => {
                    warnings.push(Diagnostic::new(
                        DiagnosticKind::Ignored,
                        Some(1),
                        format!("front matter role {text:?} for {label:?} is not one of interviewer, interviewee, moderator, interpreter, group, other"),
                    ));
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_errors_point_into_the_file() {
        let text = "---\ntitle: ok\nspeakers: [unclosed\n---\nBody";
        match parse(text, "x.md") {
            Err(Error::Syntax { location, .. }) => assert!(location.line >= 3, "{location:?}"),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn yaml_duplicate_keys_are_refused_and_merge_keys_applied() {
        let text = "---\ntitle: First\nkicker: K\ntitle: Second\n---\nBody";
        let error = parse(text, "x.md").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.md:2:1: invalid YAML front matter: duplicate entry with key \"title\""
        );
        let text = "---\nperson: &p {role: interviewer, name: Ann Lee}\nspeakers:\n  Q:\n    <<: *p\n    name: Ann B. Lee\n---\nBody";
        let block = parse(text, "x.md").unwrap().unwrap();
        assert_eq!(
            block.value["speakers"]["Q"],
            serde_json::json!({"role": "interviewer", "name": "Ann B. Lee"})
        );
    }

    #[test]
    fn yaml_alias_bombs_are_refused() {
        let mut text = String::from("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (previous, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            let items = vec![format!("*{previous}"); 9].join(", ");
            text.push_str(&format!("{name}: &{name} [{items}]\n"));
        }
        text.push_str("---\nBody");
        let error = parse(&text, "x.md").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.md:2:1: invalid YAML front matter: repetition limit exceeded"
        );
    }

    #[test]
    fn toml_errors_point_into_the_file() {
        let text = "+++\ntitle = \"ok\"\ndate = = 3\n+++\nBody";
        match parse(text, "x.md") {
            Err(Error::Syntax { location, .. }) => {
                assert_eq!(location.line, 3);
                assert_eq!(location.source_line, "date = = 3");
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(matches!(
            parse("---\ntitle: x\n", "x.md"),
            Err(Error::Syntax { .. })
        ));
    }

    #[test]
    fn values_of_the_wrong_type_are_reported() {
        let text = "---\ntitle: [a, b]\nspeakers: Ann\nlanguage: [en]\nroles: interviewer\ndate: 2024-05-01\n---\n";
        let block = parse(text, "x.md").ok().flatten();
        let Some(block) = block else {
            panic!("no front matter");
        };
        let mut meta = Meta::default();
        let mut warnings = vec![];
        apply(&block, &mut meta, &mut warnings);
        let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "front matter \"language\" should be a single text, but is a list; ignored",
                "front matter \"roles\" should be a map of labels to roles, but is a text; ignored",
                "front matter \"speakers\" should be a map of labels to names and roles, or a list, but is a text; ignored",
                "front matter \"title\" should be a single text, but is a list; ignored",
            ]
        );
        assert!(meta.title.is_none());
        assert!(meta.published.is_some());
    }

    #[test]
    fn maps_the_usual_keys() {
        let text = "---\ntitle: T\ndek: D\nauthors: [A One, B Two]\ninterviewer: Q Asker\ndate: May 17, 2022\nlang: fr_FR\ntags: a, b\nspeakers:\n  GT: {name: Global Times, role: interviewer}\n  Gosset: interviewee\nmystery: 1\n---\n";
        let block = parse(text, "x.md").ok().flatten();
        let block = block.as_ref().map(|b| {
            let mut meta = Meta::default();
            let mut warnings = vec![];
            let extras = apply(b, &mut meta, &mut warnings);
            (meta, extras, warnings)
        });
        let Some((meta, extras, warnings)) = block else {
            panic!("no front matter");
        };
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.subtitle.as_deref(), Some("D"));
        assert_eq!(meta.authors, ["A One", "B Two"]);
        assert_eq!(meta.interviewers, ["Q Asker"]);
        assert_eq!(
            meta.published.map(|d| d.to_string()).as_deref(),
            Some("2022-05-17")
        );
        assert_eq!(meta.language, "fr-FR");
        assert_eq!(meta.keywords, ["a", "b"]);
        assert_eq!(extras.hints.speakers.len(), 2);
        assert_eq!(
            extras.hints.speakers[0].role,
            Some(SpeakerRole::Interviewer)
        );
        assert_eq!(
            extras.hints.speakers[1].role,
            Some(SpeakerRole::Interviewee)
        );
        assert_eq!(warnings.len(), 1);
    }
}
