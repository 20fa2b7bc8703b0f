//! Helpers for reading a written DOCX back in tests.

#![allow(dead_code, clippy::panic)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use folio_core::Interview;
use folio_docx::{DocxOptions, docx};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn fixture(name: &str) -> Interview {
    let text = std::fs::read_to_string(fixtures().join(name)).unwrap_or_default();
    match serde_json::from_str(&text) {
        Ok(interview) => interview,
        Err(error) => panic!("fixture {name}: {error}"),
    }
}

pub fn options() -> DocxOptions {
    DocxOptions {
        common: folio_core::WriterOptions {
            base_dir: Some(fixtures()),
            ..Default::default()
        },
        ..DocxOptions::default()
    }
}

pub fn write(interview: &Interview, options: &DocxOptions) -> Vec<u8> {
    match docx(interview, options) {
        Ok(rendered) => rendered.bytes,
        Err(error) => panic!("docx failed: {error}"),
    }
}

/// Every entry of the zip, by name.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(error) => panic!("not a zip: {error}"),
    };
    let mut out = BTreeMap::new();
    for index in 0..archive.len() {
        let Ok(mut file) = archive.by_index(index) else {
            panic!("unreadable entry {index}");
        };
        let mut data = Vec::new();
        if file.read_to_end(&mut data).is_err() {
            panic!("unreadable entry {}", file.name());
        }
        out.insert(file.name().to_string(), data);
    }
    out
}

pub fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    match parts.get(name) {
        Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        None => panic!(
            "no part {name}; parts: {:?}",
            parts.keys().collect::<Vec<_>>()
        ),
    }
}

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub fn parse(xml: &str) -> roxmltree::Document<'_> {
    match roxmltree::Document::parse(xml) {
        Ok(document) => document,
        Err(error) => panic!("invalid XML: {error}"),
    }
}

/// The `w:val` of a child element `name` of `node`'s `parent` child.
pub fn child_val<'a>(node: roxmltree::Node<'a, 'a>, parent: &str, name: &str) -> Option<&'a str> {
    node.children()
        .find(|n| n.has_tag_name((W, parent)))?
        .children()
        .find(|n| n.has_tag_name((W, name)))?
        .attribute((W, "val"))
}

/// Text of a paragraph or run: all `w:t` inside it.
pub fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect()
}

/// Indented XML, one element per line, for snapshots.
pub fn pretty(xml: &str) -> String {
    let document = parse(xml);
    let mut out = String::new();
    write_node(document.root_element(), 0, &mut out);
    out
}

fn qualified(node: roxmltree::Node, name: roxmltree::ExpandedName) -> String {
    match name.namespace().and_then(|ns| node.lookup_prefix(ns)) {
        Some(prefix) if !prefix.is_empty() => format!("{prefix}:{}", name.name()),
        _ => name.name().to_string(),
    }
}

fn write_node(node: roxmltree::Node, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let name = qualified(node, node.tag_name());
    out.push_str(&indent);
    out.push('<');
    out.push_str(&name);
    for attribute in node.attributes() {
        let attribute_name = match attribute.namespace().and_then(|ns| node.lookup_prefix(ns)) {
            Some(prefix) if !prefix.is_empty() => format!("{prefix}:{}", attribute.name()),
            _ => attribute.name().to_string(),
        };
        out.push_str(&format!(" {attribute_name}={:?}", attribute.value()));
    }
    let children: Vec<_> = node
        .children()
        .filter(|n| {
            n.is_element()
                || n.is_text()
                    && n.text()
                        .is_some_and(|t| !t.trim().is_empty() || node.has_tag_name((W, "t")))
        })
        .collect();
    if children.is_empty() {
        out.push_str("/>\n");
        return;
    }
    if children.len() == 1 && children[0].is_text() {
        let text = escape(children[0].text().unwrap_or_default());
        out.push_str(&format!(">{text}</{name}>\n"));
        return;
    }
    out.push_str(">\n");
    for child in children {
        if child.is_element() {
            write_node(child, depth + 1, out);
        } else {
            let text = escape(child.text().unwrap_or_default().trim());
            out.push_str(&format!("{indent}  {text}\n"));
        }
    }
    out.push_str(&format!("{indent}</{name}>\n"));
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
