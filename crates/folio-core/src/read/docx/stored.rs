//! What Folio's DOCX writer stores beside the printed text, and reads
//! back: the `FolioModel` custom document property (`docProps/custom.xml`).
//!
//! It holds what the printed page cannot say: the metadata (exact dates,
//! identifier, publication, language, rights, keywords, the fields not
//! printed), the speakers (ids, labels, full names, roles), and for the
//! text's structure only what has no visible form: each figure's image
//! path and alt text, each turn's start time in the recording, each
//! section's level. Never the words: the paragraphs are the content, so an
//! edit made in Word is what Folio reads.
//!
//! Word's dialog shows at most 255 characters of a property, and a longer
//! value may not survive an edit there, so the JSON is split into
//! properties of at most [`CHUNK_CHARS`] characters: `FolioModel`,
//! `FolioModel 2`, `FolioModel 3`, … joined in that order when read.

use serde::{Deserialize, Serialize};

use crate::model::{Interview, Meta, Speaker};

/// The property name (and prefix of the further parts).
pub const PROPERTY: &str = "FolioModel";
/// The version of the JSON; a different one is ignored with a warning.
pub const VERSION: u32 = 1;
/// The longest value of one property, in characters.
pub const CHUNK_CHARS: usize = 255;
/// The format id Word gives user-defined custom properties.
const FMTID: &str = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredModel {
    pub version: u32,
    pub meta: Meta,
    pub speakers: Vec<Speaker>,
    /// Every figure the document shows, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<StoredFigure>,
    /// Each turn's start in the recording, in turn order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub starts: Vec<Option<f64>>,
    /// Each section's level, in order (the document prints levels 1 and 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub section_levels: Vec<u8>,
    /// The dates line as printed, to tell whether it was edited.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dates_line: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFigure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
}

impl StoredModel {
    /// The stored model of `interview`, whose dates the writer printed as
    /// `dates_line`.
    pub fn of(interview: &Interview, dates_line: &str) -> Self {
        // Only figures the writer prints something for (a picture, its alt
        // text in its place, or a caption) can be matched.
        let figures = interview
            .figures()
            .into_iter()
            .filter(|figure| {
                figure.src.is_some()
                    || figure.alt.is_some()
                    || figure.caption.is_some()
                    || figure.credit.is_some()
            })
            .map(|figure| StoredFigure {
                src: figure.src.clone(),
                alt: figure.alt.clone(),
            })
            .collect();
        let starts = if interview.turns.iter().any(|t| t.start.is_some()) {
            interview.turns.iter().map(|t| t.start).collect()
        } else {
            Vec::new()
        };
        StoredModel {
            version: VERSION,
            meta: interview.meta.clone(),
            speakers: interview.speakers.clone(),
            figures,
            starts,
            section_levels: interview.sections.iter().map(|s| s.level).collect(),
            dates_line: dates_line.to_string(),
        }
    }
}

/// `docProps/custom.xml` holding `interview`'s [`StoredModel`], for the
/// DOCX writer, which printed the dates as `dates_line`.
pub fn custom_properties_xml(interview: &Interview, dates_line: &str) -> String {
    let json = serde_json::to_string(&StoredModel::of(interview, dates_line)).unwrap_or_default();
    // U+FFFE and U+FFFF are not XML characters; in JSON (where they can
    // only stand inside strings) they are written as escapes instead, and
    // read back as themselves.
    let json = json
        .replace('\u{FFFE}', "\\ufffe")
        .replace('\u{FFFF}', "\\uffff");
    let chars: Vec<char> = json.chars().collect();
    let mut properties = String::new();
    for (index, chunk) in chars.chunks(CHUNK_CHARS).enumerate() {
        let name = match index {
            0 => PROPERTY.to_string(),
            n => format!("{PROPERTY} {}", n + 1),
        };
        let value: String = chunk.iter().collect();
        properties.push_str(&format!(
            r#"<property fmtid="{FMTID}" pid="{}" name="{name}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
            index + 2,
            escape(&value)
        ));
    }
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" "#,
            r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "{}</Properties>"
        ),
        properties
    )
}

/// JSON escapes control characters, so core's escaper only meets markup.
fn escape(text: &str) -> String {
    crate::xml::text(text)
}

/// The stored model in a parsed `docProps/custom.xml`: `Ok(None)` when
/// there is none, `Err` with the reason when it cannot be used.
pub fn read(document: &roxmltree::Document) -> Result<Option<StoredModel>, String> {
    let mut parts: Vec<(usize, String)> = Vec::new();
    for property in document
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("property"))
    {
        let Some(name) = property.attribute("name") else {
            continue;
        };
        let index = if name == PROPERTY {
            1
        } else if let Some(number) = name
            .strip_prefix(PROPERTY)
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|n| n.parse::<usize>().ok())
        {
            number
        } else {
            continue;
        };
        let value: String = property
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        parts.push((index, value));
    }
    if parts.is_empty() {
        return Ok(None);
    }
    parts.sort_by_key(|(index, _)| *index);
    let complete = parts
        .iter()
        .enumerate()
        .all(|(at, (index, _))| *index == at + 1);
    if !complete {
        return Err(format!(
            "the {PROPERTY} properties are not numbered 1 to {}",
            parts.len()
        ));
    }
    let json: String = parts.into_iter().map(|(_, value)| value).collect();
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|error| format!("its JSON is broken: {error}"))?;
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(VERSION)) {
        return Err(format!(
            "it is version {}, and this Folio reads version {VERSION}",
            version.map_or_else(|| "?".to_string(), |v| v.to_string())
        ));
    }
    serde_json::from_value(value)
        .map(Some)
        .map_err(|error| format!("it does not describe an interview: {error}"))
}
