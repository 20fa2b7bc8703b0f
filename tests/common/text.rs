//! Each output format's text, as the team's fidelity script
//! (`fidelity.py`) extracts it: pdftotext's for the PDF, with words
//! hyphenated at a line end joined again; the `w:t` of a DOCX's
//! paragraphs; the text of an EPUB's content documents' bodies (not the
//! navigation). Shared by the tests that look for words in the outputs.

// Each test binary uses some of these.
#![allow(dead_code)]

use std::io::{Cursor, Read};
use std::process::Command;

use unicode_general_category::{GeneralCategory, get_general_category};

/// Python's `\w`: a letter or a number of any script, or `_`.
pub fn is_word(c: char) -> bool {
    use GeneralCategory::*;
    c == '_'
        || matches!(
            get_general_category(c),
            UppercaseLetter
                | LowercaseLetter
                | TitlecaseLetter
                | ModifierLetter
                | OtherLetter
                | DecimalNumber
                | LetterNumber
                | OtherNumber
        )
}

/// Python's `\d`.
pub fn is_decimal(c: char) -> bool {
    get_general_category(c) == GeneralCategory::DecimalNumber
}

/// Python's `\s` and `str.isspace`: Unicode white space and the four
/// information separators.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The PDF's text as pdftotext gives it (UTF-8, its own line breaks).
pub fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, bytes).expect("write the PDF");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF's text as fidelity.py reads it: pdftotext's, with words
/// hyphenated at a line end whole again.
pub fn pdf_text(bytes: &[u8]) -> String {
    unhyphenate(&pdftotext(bytes))
}

/// `(\w)[-\u00ad\u2010]\s*\n\s*(\w)` replaced by the two letters: a word
/// hyphenated at a line end made whole.
pub fn unhyphenate(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_word(c) && matches!(chars.get(i + 1), Some('-' | '\u{ad}' | '\u{2010}')) {
            let mut j = i + 2;
            let mut line_end = false;
            while j < chars.len() && is_space(chars[j]) {
                line_end |= chars[j] == '\n';
                j += 1;
            }
            if line_end && chars.get(j).copied().is_some_and(is_word) {
                out.push(c);
                out.push(chars[j]);
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Every entry of a zip, in archive order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("zip entry");
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("read zip entry");
            (entry.name().to_string(), data)
        })
        .collect()
}

fn parse(name: &str, data: &[u8]) -> String {
    String::from_utf8(data.to_vec()).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"))
}

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub fn docx_text(bytes: &[u8]) -> String {
    let part = |name: &str| {
        let Some(stem) = name
            .strip_prefix("word/")
            .and_then(|n| n.strip_suffix(".xml"))
        else {
            return false;
        };
        let numbered = |prefix: &str| {
            stem.strip_prefix(prefix)
                .is_some_and(|n| n.chars().all(is_decimal))
        };
        matches!(stem, "document" | "footnotes" | "endnotes")
            || numbered("header")
            || numbered("footer")
    };
    let mut paragraphs = Vec::new();
    for (name, data) in unzip(bytes).into_iter().filter(|(n, _)| part(n)) {
        let xml = parse(&name, &data);
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        for p in doc.descendants().filter(|n| n.has_tag_name((W, "p"))) {
            let text: String = p
                .descendants()
                .filter(|n| n.is_element())
                .map(|n| match n.tag_name().name() {
                    _ if n.tag_name().namespace() != Some(W) => "",
                    "t" => n.text().unwrap_or(""),
                    "tab" => "\t",
                    "br" | "cr" => " ",
                    _ => "",
                })
                .collect();
            paragraphs.push(text);
        }
    }
    paragraphs.join("\n")
}

pub fn epub_text(bytes: &[u8]) -> String {
    let mut texts = Vec::new();
    for (name, data) in unzip(bytes) {
        let file = name.rsplit('/').next().unwrap_or(&name);
        let navigation = ["nav.xhtml", "nav.html", "toc.xhtml", "toc.html"].contains(&file);
        if !name.ends_with(".xhtml") && !name.ends_with(".html") && !name.ends_with(".htm")
            || navigation
        {
            continue;
        }
        let xml = parse(&name, &data);
        let doc = roxmltree::Document::parse_with_options(
            &xml,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..roxmltree::ParsingOptions::default()
            },
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let body = doc
            .descendants()
            .find(|n| n.is_element() && n.tag_name().name().ends_with("body"))
            .unwrap_or(doc.root_element());
        let mut chunks: Vec<String> = Vec::new();
        itertext(body, &mut chunks, &mut false);
        chunks.retain(|c| !c.is_empty());
        texts.push(chunks.join(" "));
    }
    texts.join("\n")
}

/// ElementTree's `itertext`: every text inside `node`, one chunk each;
/// a comment or processing instruction is dropped and the text on either
/// side of it is one (`joins`: the last chunk may go on).
fn itertext(node: roxmltree::Node, chunks: &mut Vec<String>, joins: &mut bool) {
    for child in node.children() {
        if child.is_text() {
            let text = child.text().unwrap_or("");
            match chunks.last_mut() {
                Some(last) if *joins => last.push_str(text),
                _ => chunks.push(text.to_string()),
            }
            *joins = true;
        } else if child.is_element() {
            *joins = false;
            itertext(child, chunks, joins);
            *joins = false;
        }
    }
}
