//! A user's reference DOCX (`--reference-docx`): its styles, page setup,
//! header and footer replace Folio's, as with pandoc's `--reference-doc`.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use crate::DocxError;

const MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What Folio takes from a reference document.
#[derive(Debug, Clone, Default)]
pub struct Template {
    /// The template's `word/styles.xml`.
    pub styles: String,
    /// Attributes of the last section's `w:pgSz` and `w:pgMar` (local names).
    pub page_size: Vec<(String, String)>,
    pub page_margin: Vec<(String, String)>,
    /// The default header and footer, and the first-page footer when the
    /// template has one.
    pub header: Option<HeaderFooterPart>,
    pub footer: Option<HeaderFooterPart>,
    pub first_footer: Option<HeaderFooterPart>,
}

/// A header or footer part with what it refers to.
#[derive(Debug, Clone, Default)]
pub struct HeaderFooterPart {
    pub xml: Vec<u8>,
    /// Its relationships part, if any.
    pub rels: Option<Vec<u8>>,
    /// Parts its relationships point at (images), by package path.
    pub targets: BTreeMap<String, Vec<u8>>,
}

fn broken(message: impl Into<String>) -> DocxError {
    DocxError::BrokenTemplate(message.into())
}

impl Template {
    pub fn read(bytes: &[u8]) -> Result<Self, DocxError> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|error| broken(format!("not a zip archive ({error})")))?;
        let styles = read_text(&mut archive, "word/styles.xml")?
            .ok_or_else(|| broken("it has no word/styles.xml"))?;
        Document::parse(&styles).map_err(|error| broken(format!("word/styles.xml: {error}")))?;
        let document = read_text(&mut archive, "word/document.xml")?
            .ok_or_else(|| broken("it has no word/document.xml"))?;
        let document_xml = Document::parse(&document)
            .map_err(|error| broken(format!("word/document.xml: {error}")))?;
        let rels = read_text(&mut archive, "word/_rels/document.xml.rels")?.unwrap_or_default();
        let rels = relationships(&rels)?;

        let mut template = Template {
            styles,
            ..Template::default()
        };
        let Some(section) = document_xml
            .descendants()
            .rfind(|node| is_main(node, "sectPr"))
        else {
            return Ok(template);
        };
        for child in section.children().filter(Node::is_element) {
            if is_main(&child, "pgSz") {
                template.page_size = main_attributes(&child);
            } else if is_main(&child, "pgMar") {
                template.page_margin = main_attributes(&child);
            } else if is_main(&child, "headerReference") || is_main(&child, "footerReference") {
                let kind = child.attribute((MAIN_NS, "type")).unwrap_or("default");
                let Some(target) = child.attribute((REL_NS, "id")).and_then(|id| rels.get(id))
                else {
                    continue;
                };
                let part = read_header_footer(&mut archive, target)?;
                match (child.tag_name().name(), kind) {
                    ("headerReference", "default") => template.header = part,
                    ("footerReference", "default") => template.footer = part,
                    ("footerReference", "first") => template.first_footer = part,
                    _ => {}
                }
            }
        }
        Ok(template)
    }
}

fn is_main(node: &Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().namespace() == Some(MAIN_NS)
        && node.tag_name().name() == name
}

fn main_attributes(node: &Node) -> Vec<(String, String)> {
    node.attributes()
        .filter(|attribute| attribute.namespace() == Some(MAIN_NS))
        .map(|attribute| (attribute.name().to_string(), attribute.value().to_string()))
        .collect()
}

/// Relationship id to internal target (relative to `word/`).
fn relationships(xml: &str) -> Result<BTreeMap<String, String>, DocxError> {
    if xml.is_empty() {
        return Ok(BTreeMap::new());
    }
    let document = Document::parse(xml)
        .map_err(|error| broken(format!("word/_rels/document.xml.rels: {error}")))?;
    Ok(document
        .descendants()
        .filter(|node| node.tag_name().name() == "Relationship")
        .filter(|node| node.attribute("TargetMode") != Some("External"))
        .filter_map(|node| {
            Some((
                node.attribute("Id")?.to_string(),
                node.attribute("Target")?.to_string(),
            ))
        })
        .collect())
}

fn read_header_footer(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    target: &str,
) -> Result<Option<HeaderFooterPart>, DocxError> {
    let path = resolve("word", target);
    let Some(xml) = read_bytes(archive, &path)? else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&xml);
    Document::parse(&text).map_err(|error| broken(format!("{path}: {error}")))?;
    let (folder, file) = path.rsplit_once('/').unwrap_or(("", path.as_str()));
    let rels_path = format!("{folder}/_rels/{file}.rels");
    let rels = read_bytes(archive, &rels_path)?;
    let mut targets = BTreeMap::new();
    if let Some(rels) = &rels {
        let text = String::from_utf8_lossy(rels);
        for target in relationships(&text)?.values() {
            let target_path = resolve(folder, target);
            if let Some(bytes) = read_bytes(archive, &target_path)? {
                targets.insert(target_path, bytes);
            }
        }
    }
    Ok(Some(HeaderFooterPart { xml, rels, targets }))
}

/// A relationship target as a package path.
fn resolve(folder: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for segment in target.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

fn read_bytes(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, DocxError> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(broken(format!("{name}: {error}"))),
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|error| broken(format!("{name}: {error}")))?;
    Ok(Some(bytes))
}

fn read_text(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    read_bytes(archive, name)?
        .map(|bytes| String::from_utf8(bytes).map_err(|_| broken(format!("{name} is not UTF-8"))))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_targets() {
        assert_eq!(resolve("word", "header1.xml"), "word/header1.xml");
        assert_eq!(
            resolve("word", "../customXml/item.xml"),
            "customXml/item.xml"
        );
        assert_eq!(resolve("word", "/word/media/a.png"), "word/media/a.png");
    }

    #[test]
    fn rejects_what_is_not_a_docx() {
        let error = Template::read(b"plain text")
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert!(matches!(error, Err(message) if message.contains("not a zip")));
    }
}
