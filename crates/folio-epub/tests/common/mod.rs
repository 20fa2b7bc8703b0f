//! Helpers shared by the integration tests: fixture models, building and
//! unpacking EPUBs, and reading the text of XHTML.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use folio_core::{Block, ClosingBlock, Figure, FrontBlock, Inline, Interview};
use folio_epub::{EpubOptions, epub};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The JSON fixture models, by name. `edge` and `empty` are models no
/// reader would make (blank fields, control characters, dangling
/// references, no turns) that the writer must still turn into valid books.
pub const FIXTURES: [&str; 6] = ["full", "minimal", "cjk", "rtl", "edge", "empty"];

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn fixture(name: &str) -> Result<Interview, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(fixtures_dir().join(format!("{name}.json")))?;
    Ok(serde_json::from_str(&text)?)
}

/// Options as the CLI would pass them for a fixture, with a fixed epoch.
pub fn options() -> EpubOptions {
    EpubOptions {
        common: folio_core::WriterOptions {
            source_date_epoch: Some(1_700_000_000),
            base_dir: Some(fixtures_dir()),
            ..Default::default()
        },
        ..EpubOptions::default()
    }
}

/// An EPUB's files by name, in archive order.
#[derive(Debug)]
pub struct Unpacked {
    pub names: Vec<String>,
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Unpacked {
    pub fn text(&self, name: &str) -> Result<&str, Box<dyn std::error::Error>> {
        let bytes = self
            .files
            .get(name)
            .ok_or_else(|| format!("no {name} in the EPUB"))?;
        Ok(std::str::from_utf8(bytes)?)
    }

    /// The content documents (not the navigation document), in spine order
    /// as epub-builder writes them.
    pub fn content_documents(&self) -> Vec<&str> {
        self.names
            .iter()
            .filter(|n| n.ends_with(".xhtml") && !n.ends_with("nav.xhtml"))
            .map(String::as_str)
            .collect()
    }
}

pub fn unpack(bytes: &[u8]) -> Result<Unpacked, Box<dyn std::error::Error>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut names = Vec::new();
    let mut files = BTreeMap::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index)?;
        let mut content = Vec::new();
        file.read_to_end(&mut content)?;
        names.push(file.name().to_string());
        files.insert(file.name().to_string(), content);
    }
    Ok(Unpacked { names, files })
}

pub fn build(name: &str) -> Result<(Vec<u8>, Unpacked), Box<dyn std::error::Error>> {
    let rendered = epub(&fixture(name)?, &options())?;
    let unpacked = unpack(&rendered.bytes)?;
    Ok((rendered.bytes, unpacked))
}

/// Parses XML, allowing the `<!DOCTYPE html>` of XHTML.
pub fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options)
}

/// Everything a reader can see or hear in an XHTML document: text nodes
/// plus `alt` and `title` attributes, space separated.
pub fn readable_text(xhtml: &str) -> Result<String, Box<dyn std::error::Error>> {
    let document = parse_xml(xhtml)?;
    let mut out = String::new();
    for node in document.descendants() {
        if node.is_text() {
            out.push_str(node.text().unwrap_or(""));
        }
        for attribute in ["alt", "title"] {
            if let Some(value) = node.attribute(attribute) {
                out.push(' ');
                out.push_str(value);
                out.push(' ');
            }
        }
    }
    Ok(out)
}

/// Every word of the interview a reader should find in the book.
pub fn model_words(interview: &Interview) -> Vec<String> {
    let meta = &interview.meta;
    let mut texts: Vec<String> = Vec::new();
    texts.extend(meta.title.clone());
    texts.extend(meta.subtitle.clone());
    texts.extend(meta.kicker.clone());
    texts.extend(meta.authors.iter().cloned());
    texts.extend(meta.interviewers.iter().cloned());
    texts.extend(meta.publication.clone());
    texts.extend(meta.rights.clone());
    for speaker in &interview.speakers {
        texts.push(speaker.label.clone());
        texts.extend(speaker.name.clone());
    }
    for block in &interview.front {
        match block {
            FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                blocks_text(content, &mut texts)
            }
            FrontBlock::Dateline { text } => texts.push(text.clone()),
            FrontBlock::Figure { figure } => figure_text(figure, &mut texts),
        }
    }
    for turn in &interview.turns {
        blocks_text(&turn.content, &mut texts);
    }
    for section in &interview.sections {
        texts.push(section.heading.clone());
        blocks_text(&section.content, &mut texts);
    }
    for block in &interview.closing {
        match block {
            ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content } => blocks_text(content, &mut texts),
        }
    }
    // Characters XML forbids cannot be in any XHTML; the rest must be.
    texts
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|word| {
            word.chars()
                .filter(|&c| folio_core::xml::is_xml_char(c))
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

fn figure_text(figure: &Figure, out: &mut Vec<String>) {
    out.extend(figure.caption.clone());
    out.extend(figure.credit.clone());
    out.extend(figure.alt.clone());
}

fn blocks_text(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Paragraph { content } => inlines_text(content, out),
            Block::List { items, .. } => items.iter().for_each(|item| blocks_text(item, out)),
            Block::Quote { content } => blocks_text(content, out),
            Block::Figure { figure } => figure_text(figure, out),
            Block::Table { header, rows, .. } => header
                .iter()
                .chain(rows.iter().flatten())
                .for_each(|cell| inlines_text(cell, out)),
        }
    }
}

fn inlines_text(inlines: &[Inline], out: &mut Vec<String>) {
    for inline in inlines {
        match inline {
            Inline::Text { text }
            | Inline::StageDirection { text }
            | Inline::Timestamp { text }
            | Inline::Code { text } => out.push(text.clone()),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Strikeout { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => inlines_text(content, out),
            Inline::LineBreak => {}
        }
    }
}
