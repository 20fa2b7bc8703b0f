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
