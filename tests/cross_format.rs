//! One interview, three formats, one answer: for an English, a French, a
//! Chinese and an Arabic interview, the PDF, the DOCX and the EPUB declare
//! the same language tag and writing direction, and print the same date,
//! the same participants with the same role words and, as a book, the
//! same contents heading. Each value expected here comes from folio-core
//! (`Language`, `Meta::date_lines`, `Interview::participants`), which is
//! what every writer must draw.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use folio_core::{Anthology, BookOrder, DateTime, Direction, Interview, Language, ReadOptions};

#[allow(dead_code)]
mod common;

use common::text::{docx_text, epub_text, pdf_text, unzip};
use common::{require, require_cjk_font, root};

/// The interview in `file` (under the repository), read as the CLI reads it.
fn read(file: &str) -> Interview {
    let path = root().join(file);
    folio_core::read_path(&path, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .interview
}

struct Case {
    name: &'static str,
    interview: Interview,
    /// What the PDF needs beyond the embedded faces: `None` when those cover it.
    font: Option<fn() -> bool>,
}

fn cases() -> Vec<Case> {
    let mut arabic = read("crates/folio-epub/tests/fixtures/rtl.json");
    // The fixture has no date; the date's form is what is compared.
    arabic.meta.published = DateTime::parse("2024-03-07T14:30:00");
    vec![
        Case {
            name: "English",
            interview: read("tests/fixtures/seed/seed.txt"),
            font: None,
        },
        Case {
            name: "French",
            interview: read("samples/06-french-nbsp-labels.md"),
            font: None,
        },
        Case {
            name: "Chinese",
            interview: read("samples/07-chinese-fullwidth-colon.md"),
            font: Some(require_cjk_font),
        },
        Case {
            name: "Arabic",
            interview: arabic,
            font: Some(|| {
                let path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
                require(
                    Path::new(path).is_file(),
                    "Arabic and Hebrew glyphs (DejaVu Sans)",
                    "fonts-dejavu-core",
                )
            }),
        },
    ]
}

fn pdftotext_found() -> bool {
    let found = Command::new("pdftotext").arg("-v").output().is_ok();
    require(found, "the `pdftotext` program", "poppler-utils")
}

/// Everything each format declares and prints that the comparison needs.
struct Output {
    /// The language tags the file declares, each with where it was found.
    tags: Vec<(&'static str, String)>,
    right_to_left: bool,
    /// The visible text, with white space removed (pdftotext and the
    /// writers break and space lines differently).
    text: String,
    /// The text is pdftotext's of a right-to-left PDF: see [`prints`].
    visual_order: bool,
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn entry(parts: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, data) = parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(data.clone()).unwrap()
}

fn pdf_output(bytes: &[u8]) -> Output {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let catalog = document.catalog().expect("a catalog");
    let lang = catalog
        .get(b"Lang")
        .and_then(|o| o.as_str())
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .expect("/Lang");
    let direction = catalog
        .get(b"ViewerPreferences")
        .and_then(|o| match o {
            lopdf::Object::Reference(id) => document.get_dictionary(*id),
            other => other.as_dict(),
        })
        .ok()
        .and_then(|prefs| prefs.get(b"Direction").ok())
        .and_then(|o| o.as_name().ok())
        .map(|n| n.to_vec());
    let xmp = String::from_utf8_lossy(bytes);
    let dc_language = element_text(
        xmp.split("<dc:language>")
            .nth(1)
            .expect("dc:language in the XMP"),
        "rdf:li",
    );
    Output {
        tags: vec![("/Lang", lang), ("XMP dc:language", dc_language)],
        right_to_left: direction.as_deref() == Some(b"R2L"),
        text: squeeze(&pdf_text(bytes)),
        visual_order: direction.as_deref() == Some(b"R2L"),
    }
}

fn attribute<'a>(xml: &'a str, before: &str) -> Option<&'a str> {
    xml.split(before).nth(1)?.split('"').nth(1)
}

/// The text of the first `<name …>text<` in `xml`.
fn element_text(xml: &str, name: &str) -> String {
    let open = format!("<{name}");
    let rest = xml
        .split(&open)
        .find_map(|rest| rest.strip_prefix(['>', ' ']).map(|_| rest))
        .unwrap_or_else(|| panic!("no <{name}>"));
    let rest = &rest[rest.find('>').unwrap() + 1..];
    rest.split('<').next().unwrap().to_string()
}

/// The attributes of the first `<name …>` start tag in `xml`.
fn start_tag<'a>(xml: &'a str, name: &str) -> &'a str {
    let open = format!("<{name} ");
    xml.split(&open)
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_else(|| panic!("no <{name}>"))
}

fn docx_output(bytes: &[u8]) -> Output {
    let parts = unzip(bytes);
    let core = entry(&parts, "docProps/core.xml");
    let dc_language = element_text(&core, "dc:language");
    let styles = entry(&parts, "word/styles.xml");
    let defaults = styles
        .split("<w:docDefaults>")
        .nth(1)
        .expect("document defaults");
    let lang = defaults.split("<w:lang ").nth(1).expect("a default w:lang");
    let mut tags = vec![("core dc:language", dc_language)];
    // The slot the language's script uses carries the tag: Latin, or the
    // east-Asian slot's region form for CJK (zh-CN), or the complex-script
    // slot for right-to-left languages.
    for slot in ["w:val=", "w:eastAsia=", "w:bidi="] {
        let value = attribute(lang, slot).expect("a w:lang slot").to_string();
        tags.push((slot.trim_end_matches('='), value));
    }
    Output {
        tags,
        right_to_left: defaults.contains("<w:bidi/>") || defaults.contains("<w:bidi />"),
        text: squeeze(&docx_text(bytes)),
        visual_order: false,
    }
}

fn epub_output(bytes: &[u8]) -> Output {
    let parts = unzip(bytes);
    let (opf_name, _) = parts
        .iter()
        .find(|(n, _)| n.ends_with(".opf"))
        .expect("a package document");
    let opf = entry(&parts, opf_name);
    let dc_language = element_text(&opf, "dc:language");
    let package_lang = attribute(start_tag(&opf, "package"), "xml:lang=")
        .unwrap_or("")
        .to_string();
    let mut tags = vec![
        ("OPF dc:language", dc_language),
        ("OPF package xml:lang", package_lang),
    ];
    let mut right_to_left = opf.contains("page-progression-direction=\"rtl\"");
    for (name, data) in &parts {
        if name.ends_with(".xhtml") {
            let xhtml = String::from_utf8_lossy(data);
            let head = start_tag(&xhtml, "html");
            tags.push((
                "XHTML xml:lang",
                attribute(head, "xml:lang=").unwrap_or("").into(),
            ));
            right_to_left &= head.contains("dir=\"rtl\"");
        }
    }
    Output {
        tags,
        right_to_left,
        text: squeeze(&epub_text(bytes)),
        visual_order: false,
    }
}

/// Whether `output` prints `words`, in any case (the PDF sets the
/// participants' names in capitals). pdftotext gives a right-to-left
/// line's text in an order of its own around numbers and punctuation
/// (`14:30 ,2024` for `2024, 14:30`, which the page shows right), so in
/// such a PDF each word is looked for on its own.
fn prints(output: &Output, words: &str) -> bool {
    let text = output.text.to_lowercase();
    let words = words.to_lowercase();
    if output.visual_order {
        words
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| text.contains(w))
    } else {
        text.contains(&squeeze(&words))
    }
}

/// The three formats of `interview` (`None` when a tool or font is
/// missing and `FOLIO_SKIP_EXTERNAL=1` skips them).
fn outputs(case: &Case) -> Option<[(&'static str, Output); 3]> {
    if !case.font.is_none_or(|found| found()) || !pdftotext_found() {
        return None;
    }
    let interview = &case.interview;
    let pdf = folio_pdf::pdf(interview, &Default::default()).expect("PDF");
    let docx = folio_docx::docx(interview, &Default::default()).expect("DOCX");
    let epub = folio_epub::epub(interview, &Default::default()).expect("EPUB");
    Some([
        ("PDF", pdf_output(&pdf.bytes)),
        ("DOCX", docx_output(&docx.bytes)),
        ("EPUB", epub_output(&epub.bytes)),
    ])
}

#[test]
fn language_direction_date_and_participants_agree_across_formats() {
    for case in cases() {
        let Some(outputs) = outputs(&case) else {
            continue;
        };
        let interview = &case.interview;
        let language = Language::of(&interview.meta.language);
        let tag = language.tag();
        // The office slot a CJK language takes is its region's form.
        let east_asian = language.cjk().map(|v| v.east_asian_tag());
        for (format, output) in &outputs {
            for (place, found) in &output.tags {
                let expected = match (*place, east_asian, language.direction()) {
                    ("w:val", Some(_), _) | ("w:val", _, Direction::Rtl) => "en-US",
                    ("w:eastAsia", Some(slot), _) => slot,
                    ("w:eastAsia", None, _) => continue,
                    ("w:bidi", _, Direction::Ltr) => continue,
                    _ => tag,
                };
                assert_eq!(found, expected, "{}: {format} {place}", case.name);
            }
            assert_eq!(
                output.right_to_left,
                language.is_right_to_left(),
                "{}: {format}'s direction",
                case.name
            );
            let dates = interview.meta.date_lines(&language);
            assert!(!dates.is_empty(), "{}: no date to compare", case.name);
            for date in dates {
                assert!(
                    prints(output, &date.text),
                    "{}: {format} does not print the date as {:?}",
                    case.name,
                    date.text
                );
            }
            let participants = interview.participants();
            assert!(!participants.is_empty(), "{}: no participants", case.name);
            for participant in participants {
                // The PDF sets the list's names and labels in capitals.
                assert!(
                    prints(output, &participant.name),
                    "{}: {format} lacks the participant {:?}",
                    case.name,
                    participant.name
                );
                if let Some(role) = participant.role_word {
                    assert!(
                        prints(output, role),
                        "{}: {format} lacks the role word {role:?}",
                        case.name
                    );
                }
            }
        }
    }
}

#[test]
fn a_book_has_one_contents_heading_in_its_language() {
    for case in cases() {
        if !case.font.is_none_or(|found| found()) || !pdftotext_found() {
            continue;
        }
        let mut meta = folio_core::Meta {
            title: Some("Conversations".into()),
            language: case.interview.meta.language.clone(),
            ..Default::default()
        };
        meta.identifier = format!("urn:folio:cross-format:{}", case.name);
        let book = Anthology::new(meta, vec![case.interview.clone()], BookOrder::Given);
        let contents = Language::of(&book.meta.language).terms().contents;
        let pdf = folio_pdf::pdf_book(&book, &Default::default()).expect("PDF");
        let docx = folio_docx::docx_book(&book, &Default::default()).expect("DOCX");
        let epub = folio_epub::epub_book(&book, &Default::default()).expect("EPUB");
        // The PDF may set the heading in capitals.
        assert!(
            pdf_text(&pdf.bytes)
                .to_lowercase()
                .contains(&contents.to_lowercase()),
            "{}: the PDF's contents heading is not {contents:?}",
            case.name
        );
        assert!(
            docx_text(&docx.bytes).contains(contents),
            "{}: the DOCX's contents heading is not {contents:?}",
            case.name
        );
        let nav = unzip(&epub.bytes)
            .into_iter()
            .find(|(n, _)| n.ends_with("nav.xhtml"))
            .map(|(_, d)| String::from_utf8(d).unwrap())
            .expect("a navigation document");
        assert!(
            nav.contains(contents),
            "{}: the EPUB's contents heading is not {contents:?}",
            case.name
        );
    }
}
