//! The API's description, served at `/api/openapi.json`. The model's
//! schema in it is derived from the Rust types (`folio_core::interview_schema`),
//! never written by hand.

use serde_json::{Map, Value, json};

/// The OpenAPI 3.1 document.
pub fn document() -> Value {
    let mut schemas = Map::new();
    let mut interview = folio_core::interview_schema();
    if let Value::Object(object) = &mut interview {
        object.remove("$schema");
        object.remove("$id");
        if let Some(Value::Object(defs)) = object.remove("$defs") {
            for (name, mut schema) in defs {
                point_refs_at_components(&mut schema);
                schemas.insert(name, schema);
            }
        }
    }
    point_refs_at_components(&mut interview);
    schemas.insert("Interview".into(), interview);
    schemas.insert("Error".into(), error_schema());
    schemas.insert("Inspection".into(), inspection_schema());

    let options = option_parameters();
    let file_responses = |what: &str| {
        json!({
            "200": {
                "description": format!("{what}: application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document or application/epub+zip, or application/zip when `to` names several formats. `Content-Disposition` gives the file name, `X-Folio-Warnings` the number of warnings."),
                "headers": {
                    "Content-Disposition": {"schema": {"type": "string"}},
                    "X-Folio-Warnings": {"schema": {"type": "integer"}}
                },
                "content": {
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "format": "binary"}},
                    "application/epub+zip": {"schema": {"type": "string", "format": "binary"}},
                    "application/zip": {"schema": {"type": "string", "format": "binary"}}
                }
            },
            "400": error_response("Bad input: the interview, the model, the house style or an option; `line` and `column` say where"),
            "401": error_response("The server was started with a token and the call did not carry it"),
            "403": error_response("No `X-Folio` or `Authorization` header, a foreign `Origin`, or a `Host` that is not the server's"),
            "408": error_response("The body did not arrive within the read time-out"),
            "413": error_response("The body, or the number of images, is over the server's limit"),
            "415": error_response("A `Content-Type` or `from=` that Folio does not read"),
            "503": error_response("Busy (too many requests at once, with `Retry-After`), shutting down, or the conversion took longer than the time limit")
        })
    };
    let interview_body = json!({
        "required": true,
        "description": "The interview as a file's bytes (the `Content-Type` or `from=` says its form, `name=` its file name), the model as JSON (`application/json`), or a form.",
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "text/markdown": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "text/vtt": {"schema": {"type": "string"}},
            "application/x-subrip": {"schema": {"type": "string"}},
            "application/yaml": {"schema": {"type": "string"}},
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "format": "binary"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            "application/json": {"schema": {"$ref": "#/components/schemas/Interview"}},
            "multipart/form-data": {"schema": form_schema(false)}
        }
    });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Folio",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Turns interviews into PDF, DOCX and EPUB. Every POST must carry `X-Folio: 1` (or `Authorization`); a server started with a token needs `Authorization: Bearer TOKEN` on every call. Options have the names of the command line's flags (`role=GT=interviewer`, `metadata=title=…`, `paper=letter`, `pdf-standard=ua-1`), in the query or as form fields.",
            "license": {"name": "MIT OR Apache-2.0"}
        },
        "paths": {
            "/api/health": {
                "get": {
                    "summary": "Whether the server is up, and its limits",
                    "responses": {"200": {"description": "Up", "content": {"application/json": {"schema": {"type": "object"}}}}}
                }
            },
            "/api/schema.json": {
                "get": {
                    "summary": "The model's JSON Schema (as `folio schema` prints it)",
                    "responses": {"200": {"description": "The schema", "content": {"application/json": {"schema": {"type": "object"}}}}}
                }
            },
            "/api/inspect": {
                "post": {
                    "summary": "What Folio understood: the model, the warnings with their lines, and how each speaker's role was decided",
                    "parameters": options,
                    "requestBody": interview_body,
                    "responses": {
                        "200": {"description": "Understood", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Inspection"}}}},
                        "400": error_response("Bad input; `line` and `column` say where"),
                        "413": error_response("Too large"),
                        "415": error_response("Unknown form"),
                        "503": error_response("Busy or too slow")
                    }
                }
            },
            "/api/convert": {
                "post": {
                    "summary": "One interview as PDF, DOCX or EPUB, or several formats in a zip",
                    "parameters": with_to(options.clone()),
                    "requestBody": interview_body,
                    "responses": file_responses("The file")
                }
            },
            "/api/book": {
                "post": {
                    "summary": "Several interviews, in the order sent, as one book with a table of contents (several formats give a zip)",
                    "parameters": with_to(options.clone()),
                    "requestBody": {
                        "required": true,
                        "content": {"multipart/form-data": {"schema": form_schema(true)}}
                    },
                    "responses": file_responses("The book")
                }
            }
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer", "description": "Needed when the server was started with --token or FOLIO_TOKEN"}
            }
        }
    })
}

/// `#/$defs/X` (the schema's own) becomes `#/components/schemas/X`.
fn point_refs_at_components(value: &mut Value) {
    match value {
        Value::Object(object) => {
            for (key, inner) in object.iter_mut() {
                if key == "$ref"
                    && let Value::String(target) = inner
                    && let Some(name) = target.strip_prefix("#/$defs/")
                {
                    *target = format!("#/components/schemas/{name}");
                } else {
                    point_refs_at_components(inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(point_refs_at_components),
        _ => {}
    }
}

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    })
}

fn error_schema() -> Value {
    json!({
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {"type": "string", "description": "What went wrong, for people"},
            "file": {"type": ["string", "null"], "description": "The uploaded file (or folio.toml) it is about"},
            "line": {"type": ["integer", "null"], "minimum": 1},
            "column": {"type": ["integer", "null"], "minimum": 1}
        }
    })
}

fn inspection_schema() -> Value {
    json!({
        "type": "object",
        "required": ["name", "format", "model", "warnings", "roles"],
        "properties": {
            "name": {"type": "string"},
            "format": {"type": "string", "description": "The reader that read it"},
            "model": {"$ref": "#/components/schemas/Interview"},
            "warnings": {"type": "array", "items": {
                "type": "object",
                "required": ["kind", "message"],
                "properties": {
                    "kind": {"type": "string"},
                    "line": {"type": "integer", "minimum": 1},
                    "message": {"type": "string"}
                }
            }},
            "roles": {"type": "array", "items": {
                "type": "object",
                "required": ["speaker", "label", "role", "certainty", "reasons"],
                "properties": {
                    "speaker": {"type": "string"},
                    "label": {"type": "string"},
                    "role": {"$ref": "#/components/schemas/SpeakerRole"},
                    "certainty": {"type": "string", "enum": ["stated", "label", "evidence"]},
                    "reasons": {"type": "array", "items": {"type": "string"}}
                }
            }}
        }
    })
}

fn query(name: &str, description: &str, repeatable: bool) -> Value {
    let schema = if repeatable {
        json!({"type": "array", "items": {"type": "string"}})
    } else {
        json!({"type": "string"})
    };
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema, "explode": true})
}

fn option_parameters() -> Vec<Value> {
    vec![
        query(
            "name",
            "The file's name: its extension chooses the reader, as on the command line",
            false,
        ),
        query(
            "from",
            "The input's form: text, markdown, json, yaml, vtt, srt, transcript, transcript-json, html or docx",
            false,
        ),
        query(
            "role",
            "LABEL=ROLE, ROLE one of interviewer, interviewee, moderator, interpreter, group, other",
            true,
        ),
        query("interviewer", "LABEL: this speaker asks", true),
        query(
            "metadata",
            "KEY=VALUE, as -M on the command line (title, subtitle, author, date, language…)",
            true,
        ),
        query("speaker", "A transcript's speaker: ID=NAME", true),
        query("timestamps", "none, turns or paragraphs", false),
        query(
            "clean-verbatim",
            "true: remove filler words from a transcript",
            false,
        ),
        query(
            "no-smart-punctuation",
            "true: keep straight quotes as typed",
            false,
        ),
        query("paper", "a4 or letter", false),
        query(
            "pdf-standard",
            "ua-1, a-2b, a-2u, a-2a, or several (ua-1,a-2a)",
            false,
        ),
    ]
}

fn with_to(mut options: Vec<Value>) -> Vec<Value> {
    options.insert(
        0,
        json!({"name": "to", "in": "query", "required": true, "description": "pdf, docx or epub; several (pdf,docx,epub) give a zip", "schema": {"type": "string"}}),
    );
    options.push(query("title", "A book's title (/api/book)", false));
    options.push(query(
        "author",
        "A book's author or editor (/api/book)",
        true,
    ));
    options.push(query(
        "sort",
        "A book's order: given or date (/api/book)",
        false,
    ));
    options
}

fn form_schema(book: bool) -> Value {
    let interviews = if book {
        json!({"type": "array", "items": {"type": "string", "format": "binary"}, "description": "The interviews, in reading order (files as they arrive)"})
    } else {
        json!({"type": "string", "format": "binary", "description": "The interview as a file; its file name chooses the reader"})
    };
    json!({
        "type": "object",
        "properties": {
            "interview": interviews,
            "model": {"type": "string", "format": "binary", "description": "A model as JSON (as /api/inspect returns it, maybe edited), instead of `interview`"},
            "image": {"type": "array", "items": {"type": "string", "format": "binary"}, "description": "Images the interview refers to, by file name; nothing else is read"},
            "style": {"type": "string", "description": "A folio.toml house style"},
            "to": {"type": "string"},
            "paper": {"type": "string"},
            "pdf-standard": {"type": "string"},
            "role": {"type": "array", "items": {"type": "string"}},
            "metadata": {"type": "array", "items": {"type": "string"}},
            "title": {"type": "string"},
            "author": {"type": "array", "items": {"type": "string"}}
        }
    })
}
