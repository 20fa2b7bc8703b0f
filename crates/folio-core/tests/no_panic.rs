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
