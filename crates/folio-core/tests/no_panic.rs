//! The readers never panic: thousands of small documents made of the
//! pieces that trip readers (labels, markup, odd spaces, scripts without
//! capitals, unclosed comments, quotes) are read without a panic, whatever
//! the result. Deterministic: the same documents every run.

use folio_core::{InputFormat, ReadOptions, read_bytes};

const PIECES: &[&str] = &[
    "**",
    "__",
    "*",
    "_",
    "Q",
    "A",
    "Q.",
    "\u{a0}",
    "\u{202f}",
    "  ",
    ":",
    "：",
    " ",
    "\n",
    "\n\n",
    "<!--",
    "-->",
    "<b>",
    "</b>",
    "<sup>",
    "</sup>",
    "<del>",
    "<br>",
    "<Enter>",
    "a<b and c>d",
    "~~",
    "|",
    "---",
    "# ",
    "## ",
    "1. ",
    "    ",
    "\"",
    "'",
    "--",
    "...",
    "(FSM)",
    "Ana",
    "ana",
    "MS. LEE",
    "سارة",
    "기자",
    "ნინო",
    "\u{feff}",
    "<",
    ">",
    "[04:22]",
    "`",
    "{#id}",
    "<pre>",
    "<script>",
    "<?",
    "<![CDATA[",
    "<!DOCTYPE",
    "{% x %}",
    "{{ y }}",
    "![alt](x.png)",
    "<figure><img src=\"a.png\"><figcaption>Photo: X</figcaption></figure>",
    "Welcome to",
    "Thanks for having me.",
    "Interview with Ann Lee",
    "?",
    "！",
    "é",
    "\u{301}",
    "---\n",
];

/// xorshift64*: a fixed sequence, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

#[test]
fn readers_never_panic_on_tricky_documents() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..3000 {
        let len = 1 + (rng.next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
        }
        for format in [InputFormat::Markdown, InputFormat::Text] {
            let options = ReadOptions {
                format: Some(format),
                ..ReadOptions::default()
            };
            let result = std::panic::catch_unwind(|| read_bytes(text.as_bytes(), "t", &options));
            assert!(
                result.is_ok(),
                "round {round}: {format:?} panicked on {text:?}"
            );
        }
    }
}

/// The pieces of caption files and transcript exports: timings, tags,
/// entities, voices, marks and JSON fragments, broken as real files are.
const TIMED_PIECES: &[&str] = &[
    "WEBVTT",
    "WEBVTT - T",
    "\n",
    "\n\n",
    "1\n",
    "00:00:01.000 --> 00:00:02.000",
    "00:01.000 --> 00:00.500",
    "00:00:01,000 --> 00:00:04,000",
    "99:59:59.999 --> 100:00:00.000",
    " align:start line:0%",
    "-->",
    "NOTE ",
    "STYLE\n",
    "REGION\n",
    "<v Ann>",
    "<v.loud Bo Lee>",
    "<v ",
    "</v>",
    "<c.x>",
    "</c>",
    "<i>",
    "</b>",
    "<ruby>a<rt>b</rt></ruby>",
    "<00:00:01.500>",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "&#xFFFFFFFF;",
    "&",
    ">> ",
    ">> ANCHOR: ",
    "- ",
    "Ann Lee: ",
    "[SPEAKER_00]: ",
    "Speaker 1 (00:03:18):",
    "Dana Park  1:05",
    "[00:01:23] Ann: ",
    "Transcribed by https://otter.ai",
    "{\\an8}",
    "{\\",
    "um, ",
    "Uh.",
    "words here",
    "しかし",
    "{\"segments\":[",
    "{\"speaker\":\"A\",\"start\":1,\"end\":0.5,\"text\":\"x\"}",
    "{\"startTime\":-1,\"body\":\"y\"}",
    "]}",
    ",",
];

#[test]
fn transcript_readers_never_panic_on_broken_exports() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for round in 0..3000 {
        let len = 1 + (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(TIMED_PIECES[(rng.next() % TIMED_PIECES.len() as u64) as usize]);
        }
        for format in [
            InputFormat::WebVtt,
            InputFormat::Srt,
            InputFormat::Transcript,
            InputFormat::TranscriptJson,
        ] {
            for clean_verbatim in [false, true] {
                let options = ReadOptions {
                    format: Some(format),
                    clean_verbatim,
                    ..ReadOptions::default()
                };
                let result =
                    std::panic::catch_unwind(|| read_bytes(text.as_bytes(), "t", &options));
                assert!(
                    result.is_ok(),
                    "round {round}: {format:?} panicked on {text:?}"
                );
            }
        }
        // And as the content decides, with no extension.
        let result =
            std::panic::catch_unwind(|| read_bytes(text.as_bytes(), "t", &ReadOptions::default()));
        assert!(result.is_ok(), "round {round}: panicked on {text:?}");
    }
}

/// How many of [`DOCX_PIECES`], from the end, make a document malformed.
const DOCX_BREAKING: usize = 9;

/// Pieces of WordprocessingML: paragraphs in Folio's styles and Word's,
/// labels, runs with formatting switched on and off, lists, tables,
/// tracked changes, fields left open, pictures, notes and broken markup.
const DOCX_PIECES: &[&str] = &[
    "<w:p><w:pPr><w:pStyle w:val=\"Question\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"SpeakerLabel\"/></w:rPr><w:t>Q:</w:t></w:r><w:r><w:t> Why?</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"Answer\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"SpeakerLabel\"/></w:rPr><w:t>A:</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"SpeakerHeading\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"SpeakerLabel\"/></w:rPr><w:t>ANA：</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"AnswerContinued\"/></w:pPr><w:r><w:t>More.</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:t>Photo: X</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"FigurePlaceholder\"/></w:pPr><w:r><w:t>[Image: a]</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Part</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>T</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"Intro\"/></w:pPr><w:r><w:t>I</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"Bio\"/></w:pPr><w:r><w:t>B</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"Quote\"/></w:pPr><w:r><w:t>“q”</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr><w:r><w:t>H</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"7\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t>more</w:t></w:r></w:p>",
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Ana:</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Yes. </w:t></w:r></w:p>",
    "<w:p><w:r><w:rPr><w:b w:val=\"0\"/><w:i/><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>x</w:t></w:r></w:p>",
    "<w:p><w:r><w:rPr><w:rStyle w:val=\"StageDirection\"/></w:rPr><w:t>(Laughter.)</w:t></w:r><w:r><w:br/><w:tab/><w:cr/></w:r></w:p>",
    "<w:p><w:hyperlink r:id=\"rId1\" w:anchor=\"x\"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>",
    "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"</w:instrText></w:r></w:p>",
    "<w:p><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>r</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
    "<w:p><w:ins><w:r><w:t>in</w:t></w:r></w:ins><w:del><w:r><w:delText>out</w:delText></w:r></w:del></w:p>",
    "<w:p><w:r><w:footnoteReference w:id=\"1\"/><w:drawing><wp:docPr descr=\"d\"/></w:drawing></w:r></w:p>",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ana</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A long answer with many words in it here.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "<w:r><w:t>loose</w:t></w:r>",
    "&amp;",
    // Unbalanced or refused: most documents are drawn without these.
    "<w:p>",
    "</w:p>",
    "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tbl><w:tr><w:tc>",
    "</w:tc></w:tr></w:tbl>",
    "<w:sdt><w:sdtContent>",
    "</w:sdtContent></w:sdt>",
    "&bogus;",
    "<!DOCTYPE x>",
    "\u{0}",
];

fn docx_package(body: &str) -> Vec<u8> {
    use std::io::Write;
    let document = format!(
        concat!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
            r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">"#,
            "<w:body>{}</w:body></w:document>"
        ),
        body
    );
    let footnotes = r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:footnoteReference w:id="1"/><w:t>note</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("word/document.xml", document.as_str()),
        ("word/footnotes.xml", footnotes),
    ] {
        if writer.start_file(name, options).is_ok() {
            let _ = writer.write_all(text.as_bytes());
        }
    }
    writer
        .finish()
        .map(std::io::Cursor::into_inner)
        .unwrap_or_default()
}

#[test]
fn the_docx_reader_never_panics_on_odd_documents() {
    let mut rng = Rng(0x51_7cc1_b727_220a);
    for round in 0..1500 {
        let len = 1 + (rng.next() % 30) as usize;
        // One document in eight may be malformed; the rest reach the reader.
        let pieces = if round % 8 == 0 {
            DOCX_PIECES
        } else {
            &DOCX_PIECES[..DOCX_PIECES.len() - DOCX_BREAKING]
        };
        let mut body = String::new();
        for _ in 0..len {
            body.push_str(pieces[(rng.next() % pieces.len() as u64) as usize]);
        }
        let bytes = docx_package(&body);
        let result =
            std::panic::catch_unwind(|| read_bytes(&bytes, "t.docx", &ReadOptions::default()));
        assert!(result.is_ok(), "round {round}: panicked on {body:?}");
    }
}
