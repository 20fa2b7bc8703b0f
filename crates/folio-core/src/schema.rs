//! The model's JSON Schema, derived from the Rust types so that it can never
//! drift from what the readers accept: newsroom systems that write models
//! for Folio validate them against it (`folio schema`, the server's
//! OpenAPI file).

use crate::Interview;

/// The JSON Schema (draft 2020-12) of an interview model file.
pub fn interview_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Interview);
    schema.insert(
        "$id".into(),
        "https://folio.invalid/schema/interview.json".into(),
    );
    schema.insert(
        "description".into(),
        "An interview as Folio understands it: metadata, speakers, front matter, turns, sections and closing material. `folio inspect --json` writes one; `folio convert` reads one (.json or .yaml).".into(),
    );
    schema.to_value()
}

#[cfg(test)]
mod tests {
    use super::interview_schema;

    #[test]
    fn the_schema_describes_the_model_and_its_closed_objects() {
        let schema = interview_schema();
        assert_eq!(schema["title"], "Interview");
        let required = schema["required"].as_array().cloned().unwrap_or_default();
        for field in ["meta", "speakers", "turns"] {
            assert!(required.iter().any(|r| r == field), "{field} not required");
        }
        // deny_unknown_fields reaches the schema: a misspelt key is invalid.
        assert_eq!(schema["additionalProperties"], false);
        // Every role the model accepts, whether the schema lists them as an
        // enum or, for documented variants, as constants.
        let role = &schema["$defs"]["SpeakerRole"];
        let mut roles: Vec<&str> = role["enum"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(role["oneOf"].as_array().into_iter().flat_map(|one| {
                one.iter().flat_map(|o| {
                    o["enum"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .chain(std::iter::once(&o["const"]))
                })
            }))
            .filter_map(serde_json::Value::as_str)
            .collect();
        roles.sort_unstable();
        assert_eq!(
            roles,
            [
                "group",
                "interpreter",
                "interviewee",
                "interviewer",
                "moderator",
                "other"
            ]
        );
    }
}
