//! Small rewrites of package XML that docx-rs leaves unordered or lacks.

use roxmltree::Document;

use crate::DocxError;
use crate::inline::escape_attribute;

/// The relationships part with its entries sorted by id (docx-rs collects
/// hyperlinks in a hash map, so their order changes from run to run).
pub fn sort_relationships(xml: &str) -> Result<String, DocxError> {
    let document = Document::parse(xml).map_err(|error| DocxError::Patch {
        part: "word/_rels/document.xml.rels".into(),
        message: error.to_string(),
    })?;
    let mut entries: Vec<(String, Vec<(String, String)>)> = document
        .root_element()
        .children()
        .filter(|node| node.tag_name().name() == "Relationship")
        .map(|node| {
            let id = node.attribute("Id").unwrap_or_default().to_string();
            let attributes = node
                .attributes()
                .map(|a| (a.name().to_string(), a.value().to_string()))
                .collect();
            (id, attributes)
        })
        .collect();
    entries.sort_by_key(|(id, _)| natural_key(id));
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    ));
    for (_, attributes) in entries {
        out.push_str("<Relationship");
        for (name, value) in attributes {
            out.push_str(&format!(r#" {name}="{}""#, escape_attribute(&value)));
        }
        out.push_str("/>");
    }
    out.push_str("</Relationships>");
    Ok(out)
}

/// `rIdHyperlink10` sorts after `rIdHyperlink9`.
fn natural_key(id: &str) -> (String, u64) {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, number) = id.split_at(id.len() - digits);
    (prefix.to_string(), number.parse().unwrap_or(0))
}

/// Adds a `Default` content type for the extension of `part_name` unless the
/// content types part already has one.
pub fn add_default_content_type(content_types: &str, part_name: &str) -> String {
    let Some((_, extension)) = part_name.rsplit_once('.') else {
        return content_types.to_string();
    };
    let extension = extension.to_ascii_lowercase();
    if content_types.contains(&format!(r#"Extension="{extension}""#)) {
        return content_types.to_string();
    }
    let content_type = match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "svg" => "image/svg+xml",
        "emf" => "image/x-emf",
        "wmf" => "image/x-wmf",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    };
    let entry = format!(
        r#"<Default ContentType="{content_type}" Extension="{}" />"#,
        escape_attribute(&extension)
    );
    match content_types.find("<Default ") {
        Some(position) => {
            let mut out = content_types.to_string();
            out.insert_str(position, &entry);
            out
        }
        None => content_types.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_sort_naturally() {
        let xml = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdHyperlink10" Target="b" /><Relationship Id="rIdHyperlink9" Target="a&amp;b" /><Relationship Id="rId1" Target="s" /></Relationships>"#;
        let sorted = sort_relationships(xml).unwrap_or_default();
        let first = sorted.find("rId1\"");
        let nine = sorted.find("rIdHyperlink9");
        let ten = sorted.find("rIdHyperlink10");
        assert!(first < nine && nine < ten, "{sorted}");
        assert!(sorted.contains(r#"Target="a&amp;b""#));
    }
}
