//! Finding a speaker label at the start of a paragraph, in every form real
//! interviews print it: `**Name:**`, `**Name**:`, `MS. RIVERA:`, `Q:`, `Q.`,
//! a bare `Q`, `记者：`, a label inside a bold question, a whole bold turn.
//!
//! This module only looks at one paragraph; whether a candidate is really a
//! speaker is decided over the whole document (see `assemble`).

use crate::model::{Inline, plain_text};

/// How a label was printed; decides how much evidence it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelStyle {
    /// In bold (`**Name:**`, `**Name**:`, `**Q: …**`).
    Bold,
    /// In capitals (`MS. RIVERA:`).
    Caps,
    /// `Q`/`A` in any punctuation.
    QuestionAnswer,
    /// `Q What…` with no punctuation at all: needs repetition.
    BareQ,
    /// CJK label before a full-width colon.
    Cjk,
    /// Title Case before a colon (`Gosset:`): needs repetition or a known speaker.
    Plain,
    /// Title Case set off by wide spaces, no colon: needs repetition.
    Spaced,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LabelHit {
    /// The label as printed, without its colon and surrounding spaces.
    pub label: String,
    pub style: LabelStyle,
    /// The paragraph after the label, still raw (soft breaks as `\n`).
    pub rest: Vec<Inline>,
    /// A timestamp printed before the label (`[00:04:22] HOST:`).
    pub timestamp: Option<String>,
    /// The name a first label gives before the short form used later:
    /// `Frederico (FSM):` is labelled `FSM`, and names him.
    pub introduces: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LabelScan {
    None,
    Label(LabelHit),
    /// `Editor's note:` and its rest (possibly empty: the note follows).
    EditorsNote(Vec<Inline>),
    /// Looks like a label but is a known non-speaker word (`Photo:`, `Update:`).
    Pseudo(String),
}

/// Words that are printed like labels but never name a speaker.
const PSEUDO_LABELS: &[&str] = &[
    "NOTE",
    "PHOTO",
    "PHOTOS",
    "SOURCE",
    "SOURCES",
    "UPDATE",
    "UPDATED",
    "PUBLISHED",
    "POSTED",
    "CORRECTION",
    "CORRECTIONS",
    "RELATED",
    "READ MORE",
    "ALSO READ",
    "SEE ALSO",
    "CAPTION",
    "CREDIT",
    "CREDITS",
    "DISCLOSURE",
    "DISCLAIMER",
    "TRANSCRIPT",
    "WARNING",
    "SUBSCRIBE",
    "SHARE",
    "TAGS",
    "TOPICS",
    "KEYWORDS",
    "SUMMARY",
    "BACKGROUND",
    "CONTEXT",
    "EXAMPLE",
    "LISTEN",
    "WATCH",
    "CONTACT",
    "EMAIL",
    "E-MAIL",
    "WEBSITE",
    "TEL",
    "PHONE",
    "ADDRESS",
    "DATE",
    "TIME",
    "LOCATION",
    "VENUE",
    "TITLE",
    "AUTHOR",
    "AUTHORS",
    "BY",
    "PRICE",
    "TRANSLATION",
    "TRANSLATED BY",
    "INTERVIEW BY",
    "EDITED BY",
    "PHOTOGRAPHY",
    "ILLUSTRATION",
    "IMAGE",
    "VIDEO",
    "AUDIO",
    "LINK",
    "LINKS",
    "WHEN",
    "WHERE",
    "WHAT",
    "WHO",
    "WHY",
    "HOW",
    "BOTTOM LINE",
    "KEY TAKEAWAYS",
    "FACT BOX",
    "FOOTNOTE",
    "P.S.",
    "PS",
    "NB",
    "N.B.",
    "IMPORTANT",
    "TIP",
    "HEADLINE",
    "DATELINE",
    "URL",
    "COPYRIGHT",
    "LICENSE",
    "LICENCE",
    "RIGHTS",
    "PART",
    "CHAPTER",
    "STEP",
    "FIGURE",
    "TABLE",
    "APPENDIX",
    "PS.",
    "UPDATE NOTE",
    "EDITOR",
    "EDITORS",
    "MORE",
    "ABOUT",
    "BIO",
    "BIOGRAPHY",
    "LANGUAGE",
    "FORMAT",
    "DURATION",
    "RUNTIME",
    "LENGTH",
    "TRANSCRIBED BY",
    "RECORDED",
    "AIRED",
    "EPISODE",
    "SEASON",
    "GUESTS",
    "GUEST LIST",
];

/// Lower-case words allowed inside a Title Case name (`Ursula von der Leyen`).
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "di", "al", "bin",
    "bint", "ibn", "y", "e", "do", "dos", "das", "ten", "ter", "zu", "af", "of", "the", "and",
    "st.", "mc",
];

/// The normalised key two printings of one label share (`Ms. Rivera` = `MS. RIVERA:`).
pub fn label_key(label: &str) -> String {
    let upper = label
        .trim()
        .trim_end_matches(['.', ':', '：'])
        .to_uppercase();
    upper.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn is_question_answer_key(key: &str) -> Option<bool> {
    match key {
        "Q" | "QUESTION" | "F" | "P" | "问" | "問" => Some(true),
        "A" | "ANSWER" | "R" | "答" => Some(false),
        _ => None,
    }
}

fn is_editors_note(key: &str) -> bool {
    let key = key.replace(['’', '`'], "'");
    matches!(
        key.as_str(),
        "EDITOR'S NOTE"
            | "EDITORS' NOTE"
            | "EDITORS NOTE"
            | "EDITOR NOTE"
            | "NOTE FROM THE EDITOR"
            | "EDITOR'S NOTES"
            | "编者按"
            | "編者按"
            | "编者注"
    )
}

fn is_pseudo(key: &str) -> bool {
    if PSEUDO_LABELS.contains(&key) {
        return true;
    }
    // `Step 2`, `Part III`, `Figure 1`.
    let first = key.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "STEP" | "PART" | "CHAPTER" | "FIGURE" | "TABLE" | "EPISODE" | "SEASON"
    )
}

/// Splits `text` at a label colon: `("MS. RIVERA", "rest")`.
fn split_colon(text: &str) -> Option<(&str, &str)> {
    let end = text.find([':', '：'])?;
    let label = &text[..end];
    if label.contains('\n') {
        return None;
    }
    let colon_len = text[end..].chars().next().map_or(1, char::len_utf8);
    let rest = &text[end + colon_len..];
    // `http://…` and `10:30` are not labels.
    if rest.starts_with("//") || rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((label.trim(), rest))
}

/// The inside of a printed time stamp: `04:22`, `00:03:18`, `1:02.5`.
fn is_time_stamp(inner: &str) -> bool {
    inner.len() >= 4
        && inner.contains(':')
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        && inner.starts_with(|c: char| c.is_ascii_digit())
}

/// How a name standing alone on its line above its words is printed
/// (`JANE DOE`, `Jane Doe`): in capitals or in Title Case; `None` for a
/// line that is no name (a sentence, a known non-speaker word).
pub fn name_line_style(line: &str) -> Option<LabelStyle> {
    let line = line.trim();
    if line.contains('\n')
        || line.ends_with(['.', '?', '!', ',', ';', ':', '：'])
        || line.split_whitespace().count() > 5
        || is_pseudo(&label_key(line))
    {
        return None;
    }
    label_style(line, false).filter(|s| matches!(s, LabelStyle::Caps | LabelStyle::Plain))
}

/// Splits `Q – text` at a dash with white space around it, within the first
/// line and 40 characters.
fn split_dash(text: &str) -> Option<(&str, &str)> {
    let line = text.split('\n').next().unwrap_or("");
    let (at, dash) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| line.find(d).map(|at| (at, *d)))
        .min_by_key(|(at, _)| *at)?;
    if at == 0 || line[..at].chars().count() > 40 {
        return None;
    }
    let rest = text[at + dash.len()..].trim_start();
    (!rest.is_empty()).then_some((line[..at].trim(), rest))
}

/// `Name (00:03:18): rest` as the name, the time stamp and the rest.
fn split_timed_label(text: &str) -> Option<(&str, &str, &str)> {
    let line = text.split('\n').next().unwrap_or("");
    let open = line.find(['(', '['])?;
    if open == 0 || line[..open].chars().count() > 40 {
        return None;
    }
    let close_char = if line[open..].starts_with('(') {
        ')'
    } else {
        ']'
    };
    let close = open + line[open..].find(close_char)?;
    let inner = &line[open + 1..close];
    if !is_time_stamp(inner) {
        return None;
    }
    let after = line[close + 1..].trim_start();
    let rest = after
        .strip_prefix(':')
        .or_else(|| after.strip_prefix('：'))?;
    // `rest` runs to the end of the first line: where it starts in `text`.
    let rest_at = line.len() - rest.len();
    Some((
        line[..open].trim(),
        &line[open..=close],
        text[rest_at..].trim_start(),
    ))
}

fn has_wide_space(text: &str) -> bool {
    text.contains(['\u{a0}', '\u{202f}', '\t']) || text.contains("  ")
}

/// Splits `Q\u{a0}\u{a0} text` or `MS. LEE   text` at the white space that
/// sets a label off: a no-break space, or two or more spaces, within the
/// first line and after at most 40 characters.
fn split_spaced(text: &str) -> Option<(&str, &str)> {
    let line = text.split('\n').next().unwrap_or("");
    let mut prev_space = false;
    for (count, (at, c)) in line.char_indices().enumerate() {
        if count > 40 {
            return None;
        }
        let wide = c == '\u{a0}' || c == '\u{202f}' || c == '\t' || (c == ' ' && prev_space);
        if wide {
            let start = if c == ' ' { at - 1 } else { at };
            let label = line[..start].trim_end();
            if label.is_empty() {
                return None;
            }
            let rest = text[at..].trim_start_matches([' ', '\u{a0}', '\u{202f}', '\t']);
            if rest.is_empty() || rest.starts_with('\n') {
                return None;
            }
            return Some((label, rest));
        }
        prev_space = c == ' ';
    }
    None
}

/// Classifies a candidate label; `None` when it cannot be a speaker label.
pub fn label_style(label: &str, bold: bool) -> Option<LabelStyle> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 40 {
        return None;
    }
    let key = label_key(label);
    if is_question_answer_key(&key).is_some() {
        return Some(LabelStyle::QuestionAnswer);
    }
    if label
        .chars()
        .any(|c| ",;?!\"“”«»()[]{}<>/\\|*_=+#@…".contains(c))
    {
        return None;
    }
    let cjk = label
        .chars()
        .filter(|&c| crate::normalise::is_cjk(c) || is_hangul(c))
        .count();
    if cjk > 0 {
        let short = label.chars().count() <= 12 && label.split_whitespace().count() <= 2;
        return short.then_some(LabelStyle::Cjk);
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() > 6 {
        return None;
    }
    let first = label.chars().next()?;
    // Scripts without capitals (Arabic, Hebrew, Devanagari, Thai, Georgian…):
    // a short name of letters before the colon. It needs the same evidence
    // as a Title Case label (bold, repetition or a known speaker).
    // Georgian's everyday letters are lower case in Unicode, but the script
    // writes no capitals: it is read as caseless.
    let georgian = ('\u{10D0}'..='\u{10FF}').contains(&first);
    if first.is_alphabetic() && ((!first.is_uppercase() && !first.is_lowercase()) || georgian) {
        let letters_only = label
            .chars()
            .all(|c| c.is_alphabetic() || is_mark(c) || " .-'’".contains(c));
        if !letters_only || words.len() > 4 {
            return None;
        }
        return Some(if bold {
            LabelStyle::Bold
        } else {
            LabelStyle::Plain
        });
    }
    // `**ana:**`: a lower-case name is a label only in bold.
    if first.is_lowercase() {
        let name_like = words.len() <= 3
            && label
                .chars()
                .all(|c| c.is_alphabetic() || " .-'’".contains(c));
        return (bold && name_like).then_some(LabelStyle::Bold);
    }
    if !first.is_uppercase() {
        return None;
    }
    // A full stop only ends a short abbreviation (`MS.`, `DR.`, `JR.`).
    if words
        .iter()
        .any(|w| w.contains('.') && (w.chars().count() > 5 || !w.ends_with('.')))
    {
        return None;
    }
    if words.iter().all(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return Some(LabelStyle::Caps);
    }
    let title_case = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
    });
    if bold {
        return Some(LabelStyle::Bold);
    }
    title_case.then_some(LabelStyle::Plain)
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF)
}

/// Combining marks (vowel signs of Devanagari, Thai, Hebrew points…).
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD | 0x200C | 0x200D)
}

/// A label the user or the front matter named, at the start of a paragraph
/// that [`scan`] did not take (`ana: hola`, a label in an unusual form).
pub fn scan_known(inlines: &[Inline], known: &std::collections::HashSet<String>) -> LabelScan {
    let (timestamp, inlines) = peel_timestamp(inlines);
    let Some(Inline::Text { text }) = inlines.first() else {
        return LabelScan::None;
    };
    let text = text.trim_start();
    let split = split_colon(text).or_else(|| split_spaced(text));
    match split {
        Some((label, rest)) if known.contains(&label_key(label)) => {
            let mut after = vec![Inline::text(rest)];
            after.extend_from_slice(&inlines[1..]);
            LabelScan::Label(LabelHit {
                label: label.trim().to_string(),
                style: LabelStyle::Plain,
                rest: after,
                timestamp,
                introduces: None,
            })
        }
        _ => LabelScan::None,
    }
}

/// Looks for a label at the start of a raw paragraph.
pub fn scan(inlines: &[Inline]) -> LabelScan {
    let (timestamp, inlines) = peel_timestamp(inlines);
    let mut scan = scan_untimed(&inlines);
    if let LabelScan::Label(hit) = &mut scan
        && timestamp.is_some()
    {
        hit.timestamp = timestamp;
    }
    scan
}

fn peel_timestamp(inlines: &[Inline]) -> (Option<String>, Vec<Inline>) {
    let mut rest = inlines.to_vec();
    if let Some(Inline::Text { text }) = rest.first() {
        let trimmed = text.trim_start();
        let (stamp, after) = match trimmed.split_once(char::is_whitespace) {
            Some(parts) => parts,
            None => (trimmed, ""),
        };
        let inner = stamp
            .trim_start_matches(['[', '('])
            .trim_end_matches([']', ')']);
        let is_stamp = is_time_stamp(inner);
        let more = !after.trim().is_empty() || rest.len() > 1;
        if is_stamp && more {
            let stamp = stamp.to_string();
            if after.trim().is_empty() {
                rest.remove(0);
            } else {
                rest[0] = Inline::text(after.trim_start());
            }
            return (Some(stamp), rest);
        }
    }
    (None, rest)
}

fn text_starts_with_colon(inline: Option<&Inline>) -> Option<String> {
    match inline {
        Some(Inline::Text { text }) => {
            let trimmed = text.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            trimmed
                .strip_prefix(':')
                .or_else(|| trimmed.strip_prefix('：'))
                .map(str::to_string)
        }
        _ => None,
    }
}

fn is_break(inline: Option<&Inline>) -> bool {
    match inline {
        None | Some(Inline::LineBreak) => true,
        Some(Inline::Text { text }) => text.starts_with('\n') || text.trim().is_empty(),
        _ => false,
    }
}

fn scan_untimed(inlines: &[Inline]) -> LabelScan {
    match inlines.first() {
        // Italic labels (`*Q:*`) follow the bold conventions.
        Some(Inline::Strong { content } | Inline::Emphasis { content }) => {
            scan_bold(content, &inlines[1..])
        }
        Some(Inline::Text { text }) => scan_text(text, &inlines[1..]),
        _ => LabelScan::None,
    }
}

fn hit(label: &str, style: LabelStyle, rest: Vec<Inline>) -> LabelScan {
    LabelScan::Label(LabelHit {
        label: label.trim().to_string(),
        style,
        rest,
        timestamp: None,
        introduces: None,
    })
}

/// `Frederico (FSM)`: a name and the abbreviation that stands for it later.
fn name_and_abbreviation(label: &str) -> Option<(&str, &str)> {
    let (name, tail) = label.trim().split_once('(')?;
    let abbreviation = tail.strip_suffix(')')?.trim();
    let name = name.trim();
    let letters = abbreviation.chars().count();
    let is_abbreviation = (1..=6).contains(&letters)
        && abbreviation
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && abbreviation.chars().any(char::is_alphabetic);
    let is_name = !name.is_empty()
        && name.split_whitespace().count() <= 4
        && name.chars().next().is_some_and(char::is_uppercase)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.' || c == '\'');
    (is_abbreviation && is_name).then_some((name, abbreviation))
}

fn classify(label: &str, bold: bool, rest: Vec<Inline>) -> LabelScan {
    // `**<Ana>:**`: a name in angle brackets (a placeholder style) is the name.
    let label = label.trim();
    let label = label
        .strip_prefix('<')
        .and_then(|l| l.strip_suffix('>'))
        .filter(|l| !l.is_empty() && !l.contains(['<', '>']))
        .unwrap_or(label);
    if let Some((name, abbreviation)) = name_and_abbreviation(label) {
        let style = if bold {
            LabelStyle::Bold
        } else {
            LabelStyle::Caps
        };
        return LabelScan::Label(LabelHit {
            label: abbreviation.to_string(),
            style,
            rest,
            timestamp: None,
            introduces: Some(name.to_string()),
        });
    }
    let key = label_key(label);
    if is_editors_note(&key) {
        return LabelScan::EditorsNote(rest);
    }
    if is_pseudo(&key) {
        return LabelScan::Pseudo(label.trim().to_string());
    }
    match label_style(label, bold) {
        Some(style) => hit(label, style, rest),
        None => LabelScan::None,
    }
}

fn scan_bold(content: &[Inline], after: &[Inline]) -> LabelScan {
    let bold_text = plain_text(content).replace('\u{a0}', " ");
    let trimmed = bold_text.trim();
    // `**Name:** text`
    if let Some(label) = trimmed
        .strip_suffix(':')
        .or_else(|| trimmed.strip_suffix('：'))
    {
        return classify(label, true, after.to_vec());
    }
    // `**Name**: text`
    if let Some(rest_text) = text_starts_with_colon(after.first()) {
        let mut rest = vec![Inline::text(rest_text)];
        rest.extend_from_slice(&after[1..]);
        return classify(trimmed, true, rest);
    }
    // `**Q: What…?**` and `**GT: whole bold turn**`: the label is inside the bold.
    if let LabelScan::Label(inner) = scan_untimed(content) {
        let mut rest = vec![Inline::Strong {
            content: inner.rest,
        }];
        rest.extend_from_slice(after);
        let style = match inner.style {
            LabelStyle::Plain | LabelStyle::Spaced | LabelStyle::Caps => LabelStyle::Bold,
            other => other,
        };
        return LabelScan::Label(LabelHit {
            style,
            rest,
            ..inner
        });
    }
    // `**Q**` alone, or a bold name alone on its line before the text.
    if is_break(after.first()) && !trimmed.contains('\n') {
        let key = label_key(trimmed);
        if is_question_answer_key(&key).is_some() {
            return hit(trimmed, LabelStyle::QuestionAnswer, after.to_vec());
        }
        if label_style(trimmed, true).is_some() && !trimmed.ends_with(['?', '.', '!']) {
            return match classify(trimmed, true, after.to_vec()) {
                LabelScan::Label(mut h) => {
                    h.style = LabelStyle::Bold;
                    LabelScan::Label(h)
                }
                _ => LabelScan::None,
            };
        }
    }
    LabelScan::None
}

fn scan_text(text: &str, after: &[Inline]) -> LabelScan {
    let text = text.trim_start();
    let rest_with = |rest_text: &str| {
        let mut rest = vec![Inline::text(rest_text)];
        rest.extend_from_slice(after);
        rest
    };
    // A bare `Q` on its own line or paragraph; `Q.`/`A.` before the text.
    let first_line = text.split('\n').next().unwrap_or("").trim();
    // At most two characters: checked first, as the line may be a long one.
    if first_line.chars().nth(2).is_none()
        && is_question_answer_key(&label_key(first_line)).is_some()
    {
        let rest = text.split_once('\n').map_or("", |(_, r)| r);
        return hit(
            first_line.trim_end_matches('.'),
            LabelStyle::QuestionAnswer,
            rest_with(rest),
        );
    }
    // `JANE DOE` alone on the first line, the words on the next (scripts
    // typed for broadcast): a name in capitals, or in Title Case, which
    // then needs repetition like any plain label.
    if let Some((name, rest)) = text.split_once('\n')
        && !rest.trim().is_empty()
    {
        let name = name.trim();
        if let Some(style) = name_line_style(name) {
            return hit(name, style, rest_with(rest));
        }
    }
    for letter in ["Q.", "A.", "Q．", "A．"] {
        if let Some(rest) = text.strip_prefix(letter)
            && rest.starts_with(char::is_whitespace)
        {
            return hit(&letter[..1], LabelStyle::QuestionAnswer, rest_with(rest));
        }
    }
    // `Speaker 1 (00:03:18): text`, `Ann Lee [00:01:23]: text`: transcript
    // exports print the time between the name and the colon.
    if let Some((label, stamp, rest)) = split_timed_label(text)
        && let LabelScan::Label(mut found) = classify(label, false, rest_with(rest))
    {
        found.timestamp = Some(stamp.to_string());
        return LabelScan::Label(found);
    }
    if let Some((label, rest)) = split_colon(text)
        && !has_wide_space(label)
    {
        // `ROBERTS (through interpreter):`, `SMITH (R-Ohio):`: the qualifier
        // stays in the text, the name is the label.
        let (label, rest) = match label.split_once('(') {
            Some((name, qualifier))
                if label.ends_with(')')
                    && !name.trim().is_empty()
                    && name_and_abbreviation(label).is_none() =>
            {
                (name.trim(), format!("({qualifier}{rest}"))
            }
            _ => (label, rest.to_string()),
        };
        let scanned = classify(label, false, rest_with(&rest));
        if !matches!(scanned, LabelScan::None) {
            return scanned;
        }
    }
    // `Q – Why?`, `A - Because.`, `MS. LEE — Yes.`: a dash sets the label off.
    if let Some((label, rest)) = split_dash(text)
        && let LabelScan::Label(found) = classify(label, false, rest_with(rest))
        && matches!(found.style, LabelStyle::QuestionAnswer | LabelStyle::Caps)
    {
        return LabelScan::Label(found);
    }
    // `Q    Sure.`, `MR. LEE\u{a0}\u{a0}Yes.`: no colon, the label set off by
    // no-break spaces or a run of spaces (transcripts typed for print).
    if let Some((label, rest)) = split_spaced(text)
        && let LabelScan::Label(mut found) = classify(label, false, rest_with(rest))
    {
        if found.style == LabelStyle::Plain {
            // `Yes.  I think…` is a sentence, not a speaker.
            if label.ends_with('.') {
                return LabelScan::None;
            }
            found.style = LabelStyle::Spaced;
        }
        return LabelScan::Label(found);
    }
    // `Q What do you…` with no punctuation: accepted only when repeated.
    if let Some(rest) = text.strip_prefix("Q ")
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"“‘'".contains(c))
    {
        return hit("Q", LabelStyle::BareQ, rest_with(rest));
    }
    LabelScan::None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }
    fn b(s: &str) -> Inline {
        Inline::Strong {
            content: vec![t(s)],
        }
    }

    fn label_of(inlines: &[Inline]) -> Option<(String, LabelStyle, String)> {
        match scan(inlines) {
            LabelScan::Label(h) => Some((h.label, h.style, plain_text(&h.rest).trim().to_string())),
            _ => None,
        }
    }

    #[test]
    fn reads_the_common_label_forms() {
        let cases: Vec<(Vec<Inline>, &str, LabelStyle, &str)> = vec![
            (
                vec![b("Dana Park:"), t(" Yes.")],
                "Dana Park",
                LabelStyle::Bold,
                "Yes.",
            ),
            (
                vec![b("Dana Park"), t(": Yes.")],
                "Dana Park",
                LabelStyle::Bold,
                "Yes.",
            ),
            (
                vec![t("MS. RIVERA: Thank you.")],
                "MS. RIVERA",
                LabelStyle::Caps,
                "Thank you.",
            ),
            (
                vec![t("DANA PARK:\u{a0}Yes.")],
                "DANA PARK",
                LabelStyle::Caps,
                "Yes.",
            ),
            (vec![t("Q: Why?")], "Q", LabelStyle::QuestionAnswer, "Why?"),
            (
                vec![t("A. Because.")],
                "A",
                LabelStyle::QuestionAnswer,
                "Because.",
            ),
            (vec![t("Q")], "Q", LabelStyle::QuestionAnswer, ""),
            (
                vec![t("Q\nWhy now?")],
                "Q",
                LabelStyle::QuestionAnswer,
                "Why now?",
            ),
            (
                vec![t("Gosset: The concept")],
                "Gosset",
                LabelStyle::Plain,
                "The concept",
            ),
            (vec![t("记者：你好")], "记者", LabelStyle::Cjk, "你好"),
            (
                vec![t("Marie Dubois\u{a0}: Oui.")],
                "Marie Dubois",
                LabelStyle::Plain,
                "Oui.",
            ),
            (
                vec![b("Q: What now?")],
                "Q",
                LabelStyle::QuestionAnswer,
                "What now?",
            ),
            (
                vec![b("GT: Whole bold turn?")],
                "GT",
                LabelStyle::Bold,
                "Whole bold turn?",
            ),
            (
                vec![t("MEMBERS OF THE BAND: Yes!")],
                "MEMBERS OF THE BAND",
                LabelStyle::Caps,
                "Yes!",
            ),
            (
                vec![t("[04:22] HOST: Welcome")],
                "HOST",
                LabelStyle::Caps,
                "Welcome",
            ),
            (
                vec![t("Q What is it?")],
                "Q",
                LabelStyle::BareQ,
                "What is it?",
            ),
            (
                vec![t("ROBERTS (through interpreter): Yes.")],
                "ROBERTS",
                LabelStyle::Caps,
                "(through interpreter) Yes.",
            ),
            (
                vec![
                    Inline::Emphasis {
                        content: vec![t("Q:")],
                    },
                    t(" Why?"),
                ],
                "Q",
                LabelStyle::QuestionAnswer,
                "Why?",
            ),
        ];
        for (inlines, label, style, rest) in cases {
            assert_eq!(
                label_of(&inlines),
                Some((label.to_string(), style, rest.to_string())),
                "{inlines:?}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_label() {
        for text in [
            "Ana said: we should go.",
            "The reason is simple: money.",
            "At 10:30 we left.",
            "See http://example.org for more.",
            "A lot of people came.",
            "Q is a letter",
            "In 2015, the summit: a turning point.",
        ] {
            assert_eq!(label_of(&[t(text)]), None, "{text}");
        }
        assert!(matches!(
            scan(&[t("Photo: Jane Doe")]),
            LabelScan::Pseudo(_)
        ));
        assert!(matches!(
            scan(&[t("Editor's Note:")]),
            LabelScan::EditorsNote(_)
        ));
        assert!(matches!(
            scan(&[b("Editor’s note:"), t(" This was edited.")]),
            LabelScan::EditorsNote(_)
        ));
    }

    #[test]
    fn keys_unify_printings() {
        assert_eq!(label_key("Ms. Rivera"), label_key("MS. RIVERA:"));
        assert_eq!(label_key("Q."), "Q");
    }
}
