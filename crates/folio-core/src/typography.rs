//! Typographic punctuation, as the interview's language prints it: straight
//! quotes and apostrophes become curly ones (“ ” ‘ ’ in English, „ “ ‚ ‘ in
//! German, « » with narrow no-break spaces in French), `--` an en dash,
//! `---` an em dash and `...` an ellipsis.
//!
//! Applied once to a read document after its language is known, so every
//! writer prints the same characters. Code, timestamps, link targets, URLs
//! and paths are left as they are, and so are model files (JSON, YAML),
//! which are taken as their author wrote them.

use crate::model::{Block, ClosingBlock, Figure, FrontBlock, Inline, Interview};

/// The quotation marks of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quotes {
    open: char,
    close: char,
    open_single: char,
    close_single: char,
    /// French: a narrow no-break space inside guillemets and before `; : ! ?`.
    spaced: bool,
}

const NARROW_NBSP: char = '\u{202F}';

/// Quotation marks by primary language subtag; English marks for the rest.
fn quotes_for(language: &str) -> Quotes {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let q = |open, close, open_single, close_single, spaced| Quotes {
        open,
        close,
        open_single,
        close_single,
        spaced,
    };
    match primary.as_str() {
        "de" | "cs" | "sk" | "sl" | "lt" | "et" | "is" | "ka" | "bg" => {
            q('„', '“', '‚', '‘', false)
        }
        "pl" | "hu" | "ro" | "hr" | "sr" | "bs" => q('„', '”', '‚', '’', false),
        "fr" => q('«', '»', '‹', '›', true),
        "es" | "it" | "pt" | "ca" | "ru" | "uk" | "be" | "el" | "eu" | "gl" | "hy" | "fa"
        | "ar" => q('«', '»', '“', '”', false),
        "sv" | "fi" => q('”', '”', '’', '’', false),
        "ja" => q('「', '」', '『', '』', false),
        "he" | "yi" => q('”', '”', '’', '’', false),
        _ => q('“', '”', '‘', '’', false),
    }
}

/// Applies typographic punctuation to every text of a read interview.
pub fn apply(interview: &mut Interview) {
    let quotes = quotes_for(&interview.meta.language);
    let fix = |text: &mut String| {
        let smart = smarten(text, quotes);
        if smart != *text {
            *text = smart;
        }
    };
    let meta = &mut interview.meta;
    for text in [
        &mut meta.title,
        &mut meta.subtitle,
        &mut meta.kicker,
        &mut meta.description,
    ]
    .into_iter()
    .flatten()
    {
        fix(text);
    }
    for block in &mut interview.front {
        match block {
            FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                blocks(content, quotes)
            }
            FrontBlock::Dateline { text } => fix(text),
            FrontBlock::Figure { figure } => figure_text(figure, quotes),
        }
    }
    for turn in &mut interview.turns {
        blocks(&mut turn.content, quotes);
    }
    for section in &mut interview.sections {
        fix(&mut section.heading);
        blocks(&mut section.content, quotes);
    }
    for block in &mut interview.closing {
        match block {
            ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content } => blocks(content, quotes),
        }
    }
}

fn figure_text(figure: &mut Figure, quotes: Quotes) {
    for text in [&mut figure.caption, &mut figure.alt, &mut figure.credit]
        .into_iter()
        .flatten()
    {
        *text = smarten(text, quotes);
    }
}

fn blocks(blocks: &mut [Block], quotes: Quotes) {
    for block in blocks {
        match block {
            Block::Paragraph { content } => inlines(content, quotes),
            Block::List { items, .. } => {
                for item in items {
                    self::blocks(item, quotes);
                }
            }
            Block::Quote { content } => self::blocks(content, quotes),
            Block::Figure { figure } => figure_text(figure, quotes),
            Block::Table { header, rows, .. } => {
                // Each cell is a text of its own: quotes pair inside it.
                for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                    inlines(cell, quotes);
                }
            }
        }
    }
}

/// The inlines of one paragraph. Quotes are paired across inline
/// boundaries (`"*word*"`), so the text before each piece is what decides
/// whether a mark opens or closes.
fn inlines(inlines: &mut [Inline], quotes: Quotes) {
    let mut before: Option<char> = None;
    walk(inlines, quotes, &mut before);
}

fn walk(inlines: &mut [Inline], quotes: Quotes, before: &mut Option<char>) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::StageDirection { text } => {
                let smart = smarten_after(text, quotes, *before);
                *before = smart.chars().next_back().or(*before);
                *text = smart;
            }
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Strikeout { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => walk(content, quotes, before),
            Inline::Code { text } | Inline::Timestamp { text } => {
                *before = text.chars().next_back().or(*before);
            }
            Inline::LineBreak => *before = Some('\n'),
        }
    }
}

/// `text` with typographic punctuation.
fn smarten(text: &str, quotes: Quotes) -> String {
    smarten_after(text, quotes, None)
}

/// Whether a straight quote after `prev` opens a quotation.
fn opens(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || "([{<—–-/«„‚“‘‹「『".contains(c),
    }
}

fn smarten_after(text: &str, quotes: Quotes, before: Option<char>) -> String {
    let french_marks = quotes.spaced && text.contains([';', ':', '!', '?']);
    if !french_marks && !text.contains(['"', '\'', '-', '.']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = before;
    let mut rest = text;
    while !rest.is_empty() {
        // White space, then a word; words that are URLs, e-mail addresses
        // or paths are copied as they are.
        let space_end = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        let (space, after_space) = rest.split_at(space_end);
        if !space.is_empty() {
            // French: the space before `; : ! ?` and `»` does not break.
            let next = after_space.chars().next();
            if quotes.spaced
                && space == " "
                && next.is_some_and(|c| matches!(c, ';' | ':' | '!' | '?' | '»' | '›'))
            {
                out.push(NARROW_NBSP);
            } else {
                out.push_str(space);
            }
            prev = space.chars().next_back();
        }
        let word_end = after_space
            .find(char::is_whitespace)
            .unwrap_or(after_space.len());
        let (word, tail) = after_space.split_at(word_end);
        // Nothing to change in most words (only quotes, `--`, `...` and, in
        // French, `; : ! ?` are rewritten), nor in URLs and paths.
        if !needs_work(word.as_bytes(), quotes.spaced) || is_literal(word) {
            out.push_str(word);
            prev = word.chars().next_back().or(prev);
        } else if !word.is_empty() {
            smarten_word(word, quotes, &mut prev, &mut out, tail);
        }
        rest = tail;
    }
    out
}

/// Whether a word has anything to rewrite: a quote, `--`, `...`, or in
/// French `; : ! ?`. One pass over the bytes: most words have none.
fn needs_work(word: &[u8], french: bool) -> bool {
    word.iter().enumerate().any(|(i, &b)| match b {
        b'"' | b'\'' => true,
        b'-' => word.get(i + 1) == Some(&b'-'),
        b'.' => word.get(i + 1) == Some(&b'.') && word.get(i + 2) == Some(&b'.'),
        b';' | b':' | b'!' | b'?' => french,
        _ => false,
    })
}

fn is_literal(word: &str) -> bool {
    word.contains("://")
        || word.starts_with("www.")
        || (word.contains('@') && word.contains('.'))
        || word.starts_with('/')
        || word.starts_with("./")
        || word.starts_with("../")
        || word.starts_with('~')
        // `<!--` and other markup kept as text.
        || word.starts_with("<!")
}

fn smarten_word(word: &str, quotes: Quotes, prev: &mut Option<char>, out: &mut String, tail: &str) {
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let last = out.chars().next_back().or(*prev);
        let next = chars.get(i + 1).copied().or_else(|| tail.chars().next());
        match c {
            '"' => {
                if opens(last) && next.is_none_or(|n| !n.is_whitespace()) {
                    out.push(quotes.open);
                    if quotes.spaced {
                        out.push(NARROW_NBSP);
                    }
                } else {
                    if quotes.spaced && !last.is_some_and(char::is_whitespace) {
                        out.push(NARROW_NBSP);
                    }
                    out.push(quotes.close);
                }
            }
            '\'' => {
                let letter_before = last.is_some_and(char::is_alphanumeric);
                let letter_after = next.is_some_and(char::is_alphanumeric);
                if letter_before && letter_after {
                    // don't, l'homme
                    out.push('’');
                } else if opens(last) && next.is_some_and(|n| n.is_ascii_digit()) {
                    // '90s
                    out.push('’');
                } else if opens(last) && letter_after {
                    out.push(quotes.open_single);
                } else {
                    // Closing a single quotation opened before, or an
                    // apostrophe (the Smiths' car).
                    let pending = out.rfind(quotes.open_single) > out.rfind(quotes.close_single);
                    out.push(if pending { quotes.close_single } else { '’' });
                }
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                if chars.get(i + 2) == Some(&'-') {
                    out.push('—');
                    i += 2;
                } else {
                    out.push('–');
                    i += 1;
                }
            }
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                out.push('…');
                i += 2;
                while chars.get(i + 1) == Some(&'.') {
                    i += 1;
                    out.push('.');
                }
            }
            ';' | ':' | '!' | '?' if quotes.spaced => {
                // `Oui!` gains the narrow space French sets before it; a
                // space typed before it is made narrow by the caller.
                if last.is_some_and(|l| l.is_alphanumeric() || "»›)".contains(l))
                    && !(c == ':' && next.is_some_and(|n| n.is_ascii_digit()))
                {
                    out.push(NARROW_NBSP);
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    *prev = out.chars().next_back().or(*prev);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str) -> String {
        smarten(text, quotes_for("en"))
    }

    #[test]
    fn english_quotes_dashes_and_ellipses() {
        assert_eq!(
            en("\"Don't,\" she said -- 'really'..."),
            "“Don’t,” she said – ‘really’…"
        );
        assert_eq!(
            en("in the '90s --- and the Smiths' car"),
            "in the ’90s — and the Smiths’ car"
        );
        assert_eq!(
            en("see https://x.org/a--b and ./a--b"),
            "see https://x.org/a--b and ./a--b"
        );
        assert_eq!(en("He said \"yes\"."), "He said “yes”.");
    }

    #[test]
    fn german_and_french() {
        assert_eq!(
            smarten("Er sagte \"ja\".", quotes_for("de-DE")),
            "Er sagte „ja“."
        );
        assert_eq!(
            smarten("Il a dit \"oui\" : c'est vrai !", quotes_for("fr")),
            "Il a dit «\u{202f}oui\u{202f}»\u{202f}: c’est vrai\u{202f}!"
        );
        assert_eq!(smarten("Pourquoi?", quotes_for("fr")), "Pourquoi\u{202f}?");
        assert_eq!(smarten("à 10:30", quotes_for("fr")), "à 10:30");
    }

    #[test]
    fn quotes_pair_across_inlines() {
        let mut content = vec![
            Inline::text("She said \""),
            Inline::Emphasis {
                content: vec![Inline::text("never")],
            },
            Inline::text("\" and left."),
            Inline::Code {
                text: "a--b \"c\"".into(),
            },
        ];
        inlines(&mut content, quotes_for("en"));
        assert_eq!(content[0], Inline::text("She said “"));
        assert_eq!(content[2], Inline::text("” and left."));
        assert_eq!(
            content[3],
            Inline::Code {
                text: "a--b \"c\"".into()
            }
        );
    }
}
