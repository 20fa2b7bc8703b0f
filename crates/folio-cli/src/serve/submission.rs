//! What a request brings: the interviews (files as they arrive, or models
//! as the page edited them), their images, a house style and the options,
//! from a raw body or a multipart form, with the query's options beside.

use axum::http::{HeaderMap, header};
use bytes::Bytes;
use folio_core::InputFormat;

use super::error::ApiError;
use super::state::Limits;

/// One uploaded file.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file's own name, without any folder.
    pub name: String,
    pub bytes: Bytes,
    /// The reader it asks for: `?from=`, the part's or body's
    /// `Content-Type`, or none (the name and content decide, as on the
    /// command line).
    pub format: Option<InputFormat>,
}

#[derive(Debug, Default)]
pub struct Submission {
    pub interviews: Vec<Upload>,
    pub images: Vec<Upload>,
    /// A `folio.toml`.
    pub style: Option<String>,
    /// Options from the query and the form's text fields, in order.
    pub fields: Vec<(String, String)>,
}

impl Submission {
    /// All values of an option, by its name (`role`, `metadata`…).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The last value of an option: a form field overrides the query.
    pub fn get<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        self.all(name).last()
    }

    /// Whether a flag option (`clean-verbatim`) is set: present and not
    /// `false`, `0`, `no` or `off`.
    pub fn flag(&self, name: &str) -> bool {
        self.get(name).is_some_and(|value| {
            !matches!(
                value.trim().to_ascii_lowercase().as_str(),
                "false" | "0" | "no" | "off"
            )
        })
    }

    /// The one interview of an `inspect` or `convert` request.
    pub fn single_interview(&self) -> Result<&Upload, ApiError> {
        match self.interviews.as_slice() {
            [one] => Ok(one),
            [] => Err(ApiError::bad_input(
                "no interview in the request: send it as the body, or as a form field `interview` (a file) or `model` (the model's JSON)",
            )),
            _ => Err(ApiError::bad_input(format!(
                "{} interviews in one request: /api/convert and /api/inspect take one; /api/book takes several",
                self.interviews.len()
            ))),
        }
    }
}

/// The longest text field of a form (options, a `folio.toml`).
const MAX_TEXT_FIELD: usize = 256 * 1024;

/// Parses a request's query and body.
pub async fn parse(
    headers: &HeaderMap,
    query: Option<&str>,
    body: Bytes,
    limits: &Limits,
) -> Result<Submission, ApiError> {
    let mut submission = Submission {
        fields: query_fields(query),
        ..Submission::default()
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let from = submission.get("from").map(named_format).transpose()?;
    if mime_of(&content_type) == "multipart/form-data" {
        read_form(&content_type, body, &mut submission, limits).await?;
        // `?from=` applies to interviews sent as files.
        if let Some(format) = from {
            for upload in &mut submission.interviews {
                upload.format.get_or_insert(format);
            }
        }
        return Ok(submission);
    }
    if body.is_empty() {
        return Ok(submission);
    }
    let format = match from {
        Some(format) => Some(format),
        None => format_of_content_type(&content_type)?,
    };
    let name = submission
        .get("name")
        .map(file_name)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| default_name(format));
    submission.interviews.push(Upload {
        name,
        bytes: body,
        format,
    });
    Ok(submission)
}

fn query_fields(query: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .map(|(key, value)| (normal_key(&key), value.into_owned()))
        .collect()
}

/// `pdf_standard`, `pdfStandard` and `M` are the same options as
/// `pdf-standard` and `metadata`: a newsroom system's client library may
/// spell them either way.
fn normal_key(key: &str) -> String {
    let key = key.trim();
    if key == "M" {
        return "metadata".into();
    }
    let mut out = String::with_capacity(key.len() + 2);
    for c in key.chars() {
        match c {
            '_' => out.push('-'),
            c if c.is_ascii_uppercase() => {
                out.push('-');
                out.push(c.to_ascii_lowercase());
            }
            c => out.push(c),
        }
    }
    out
}

fn mime_of(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn named_format(name: &str) -> Result<InputFormat, ApiError> {
    InputFormat::parse(name).ok_or_else(|| {
        ApiError::unsupported(format!(
            "unknown input form {name:?} in from=; expected one of: {}",
            InputFormat::NAMES.join(", ")
        ))
    })
}

/// The reader a `Content-Type` asks for; `None` lets the name and the
/// content decide (no type, `application/octet-stream`).
fn format_of_content_type(content_type: &str) -> Result<Option<InputFormat>, ApiError> {
    let format = match mime_of(content_type).as_str() {
        "" | "application/octet-stream" => return Ok(None),
        "text/plain" => InputFormat::parse("text"),
        "text/markdown" | "text/x-markdown" => InputFormat::parse("markdown"),
        // JSON is Folio's model, as the page sends it; a transcript
        // export in JSON says so with ?from=transcript-json.
        "application/json" => InputFormat::parse("json"),
        "application/yaml" | "application/x-yaml" | "text/yaml" | "text/x-yaml" => {
            InputFormat::parse("yaml")
        }
        "text/vtt" => InputFormat::parse("vtt"),
        "application/x-subrip" | "text/srt" | "application/srt" => InputFormat::parse("srt"),
        "text/html" | "application/xhtml+xml" => InputFormat::parse("html"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            InputFormat::parse("docx")
        }
        other => {
            return Err(ApiError::unsupported(format!(
                "Folio does not read {other}; send an interview as text/plain, text/markdown, application/json (the model), application/yaml, text/vtt, application/x-subrip, text/html or a .docx, or name its form with ?from="
            )));
        }
    };
    Ok(format)
}

fn default_name(format: Option<InputFormat>) -> String {
    let extension = match format.map(InputFormat::name) {
        Some("markdown") => "md",
        Some("json") => "json",
        Some("yaml") => "yaml",
        Some("vtt") => "vtt",
        Some("srt") => "srt",
        Some("html") => "html",
        Some("docx") => "docx",
        _ => "txt",
    };
    format!("interview.{extension}")
}

/// A file name as a client sent it, reduced to its last component: an
/// upload never chooses a folder.
pub fn file_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .to_string();
    cleaned.chars().take(200).collect()
}

async fn read_form(
    content_type: &str,
    body: Bytes,
    submission: &mut Submission,
    limits: &Limits,
) -> Result<(), ApiError> {
    let boundary = multer::parse_boundary(content_type)
        .map_err(|err| ApiError::bad_input(format!("the form's Content-Type: {err}")))?;
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(err) => return Err(ApiError::bad_input(format!("the form is malformed: {err}"))),
        };
        let key = normal_key(field.name().unwrap_or(""));
        let sent_name = field.file_name().map(file_name);
        let part_type = field.content_type().map(|m| m.essence_str().to_string());
        let bytes = field
            .bytes()
            .await
            .map_err(|err| ApiError::bad_input(format!("the form's field {key:?}: {err}")))?;
        match key.as_str() {
            "interview" | "model" => {
                let format = if key == "model" {
                    InputFormat::parse("json")
                } else {
                    match part_type.as_deref() {
                        Some(mime) => format_of_content_type(mime)?,
                        None => None,
                    }
                };
                let name = sent_name.filter(|n| !n.is_empty()).unwrap_or_else(|| {
                    if key == "model" {
                        "model.json".into()
                    } else {
                        default_name(format)
                    }
                });
                submission.interviews.push(Upload {
                    name,
                    bytes,
                    format,
                });
            }
            "image" => {
                if submission.images.len() >= limits.max_images {
                    return Err(ApiError::too_large(format!(
                        "more than {} images in one request (the server's --max-images)",
                        limits.max_images
                    )));
                }
                let name = sent_name.filter(|n| !n.is_empty()).ok_or_else(|| {
                    ApiError::bad_input(
                        "an image field needs a file name, which the interview refers to",
                    )
                })?;
                submission.images.push(Upload {
                    name,
                    bytes,
                    format: None,
                });
            }
            _ => {
                if bytes.len() > MAX_TEXT_FIELD {
                    return Err(ApiError::too_large(format!(
                        "the form's field {key:?} is longer than {} KB",
                        MAX_TEXT_FIELD / 1024
                    )));
                }
                let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
                    ApiError::bad_input(format!("the form's field {key:?} is not UTF-8 text"))
                })?;
                if key == "style" {
                    submission.style = Some(text);
                } else {
                    submission.fields.push((key, text));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{file_name, normal_key};

    #[test]
    fn option_names_are_spelt_one_way() {
        assert_eq!(normal_key("pdf_standard"), "pdf-standard");
        assert_eq!(normal_key("pdfStandard"), "pdf-standard");
        assert_eq!(normal_key("M"), "metadata");
        assert_eq!(normal_key("clean-verbatim"), "clean-verbatim");
    }

    #[test]
    fn an_upload_never_names_a_folder() {
        assert_eq!(file_name("../../etc/passwd"), "passwd");
        assert_eq!(file_name("C:\\Users\\a\\photo.jpg"), "photo.jpg");
        assert_eq!(file_name(".hidden"), "hidden");
        assert_eq!(file_name("a/.."), "");
        assert_eq!(file_name("tab\there.md"), "tabhere.md");
    }
}
