//! HTML written inside Markdown, where a careless character can hide text:
//! an unclosed `<!--` (an editor's `<!-- TODO` note) or `<script>` makes
//! CommonMark swallow the rest of the document, and angle-bracket text
//! (`git checkout <branch>`, `<Enter>`, `a<b and c>d`) parses as tags.
//! Constructs that are never closed are turned into text before parsing,
//! with a warning; inline tags are taken as tags only when they are HTML.

use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// HTML block openings (CommonMark's kinds 1 to 5) and what closes each.
const BLOCK_OPENINGS: &[(&str, &str)] = &[
    ("<!--", "-->"),
    ("<?", "?>"),
    ("<![cdata[", "]]>"),
    ("<script", "</script>"),
    ("<pre", "</pre>"),
    ("<style", "</style>"),
    ("<textarea", "</textarea>"),
];

/// Makes constructs that are never closed plain text: their `<` becomes
/// `&lt;`, so the parser prints them and reads on. Line numbers do not
/// change. Fenced and indented code is left alone.
pub fn defuse_unclosed(text: &str) -> (std::borrow::Cow<'_, str>, Vec<Diagnostic>) {
    if !text.contains('<') {
        return (std::borrow::Cow::Borrowed(text), Vec::new());
    }
    let lower = text.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize, &str)> = Vec::new();
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if indent < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fence = Some(&trimmed[..3]);
            continue;
        }
        // An opening anywhere on the line: inline comments hide text too.
        let line_lower = &lower[start..offset];
        for (open, close) in BLOCK_OPENINGS {
            let mut from = 0;
            while let Some(at) = line_lower[from..].find(open) {
                let at = from + at;
                from = at + open.len();
                let at_line_start = indent < 4 && at == indent;
                // Tags other than comments only open a block at a line start.
                if !open.starts_with("<!") && !open.starts_with("<?") && !at_line_start {
                    continue;
                }
                if open.starts_with("<script")
                    || open.starts_with("<pre")
                    || open.starts_with("<style")
                    || open.starts_with("<textarea")
                {
                    let after = line_lower[at + open.len()..].chars().next();
                    if !after.is_some_and(|c| c == '>' || c.is_whitespace()) {
                        continue;
                    }
                }
                let absolute = start + at;
                if !lower[absolute + open.len()..].contains(close) {
                    cuts.push((absolute, number + 1, open));
                }
            }
        }
        // `<!DOCTYPE` and other declarations end at the first `>`.
        if indent < 4 && trimmed.starts_with("<!") && !trimmed.starts_with("<!--") {
            let rest = &trimmed[2..];
            if rest.starts_with(|c: char| c.is_ascii_alphabetic())
                && !lower[start + indent..].contains('>')
            {
                cuts.push((start + indent, number + 1, "<!"));
            }
        }
    }
    if cuts.is_empty() {
        return (std::borrow::Cow::Borrowed(text), Vec::new());
    }
    cuts.sort_unstable();
    cuts.dedup_by_key(|c| c.0);
    let mut out = String::with_capacity(text.len() + cuts.len() * 3);
    let mut warnings = Vec::new();
    let mut last = 0;
    for (at, line, open) in cuts {
        out.push_str(&text[last..at]);
        out.push_str("&lt;");
        last = at + 1;
        warnings.push(Diagnostic::new(
            DiagnosticKind::Ignored,
            Some(line),
            format!("`{open}` is never closed, which would hide everything after it; read as text"),
        ));
    }
    out.push_str(&text[last..]);
    (std::borrow::Cow::Owned(out), warnings)
}

/// What an inline piece of raw HTML is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InlineTag {
    /// `<br>`, `<br/>`, `<br />`.
    LineBreak,
    /// An HTML element's opening tag (`<b>`, `<span style="…">`).
    Open(String),
    /// An HTML element's closing tag (`</b>`).
    Close(String),
    /// A comment, complete.
    Comment,
    /// Not HTML: angle-bracket text to print as it is.
    Text,
}

/// Inline elements Folio knows; anything else in angle brackets is text.
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr",
];

/// Attributes that stand without a value.
const BOOLEAN_ATTRIBUTES: &[&str] = &["hidden", "itemscope", "translate", "draggable"];

/// Classifies one inline HTML event as the parser gave it.
pub fn classify(html: &str) -> InlineTag {
    let trimmed = html.trim();
    if trimmed.starts_with("<!--") {
        return if trimmed.ends_with("-->") {
            InlineTag::Comment
        } else {
            InlineTag::Text
        };
    }
    let Some(inner) = trimmed.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return InlineTag::Text;
    };
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner).trim_end();
    let name_end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    // Element names are lower case in practice; `<Enter>` is a key.
    if name.is_empty() || name.chars().any(|c| c.is_ascii_uppercase()) {
        return InlineTag::Text;
    }
    if name == "br" {
        return if attributes_ok(&inner[name_end..]) && !closing {
            InlineTag::LineBreak
        } else {
            InlineTag::Text
        };
    }
    if !INLINE_ELEMENTS.contains(&name) || !attributes_ok(&inner[name_end..]) {
        return InlineTag::Text;
    }
    if closing {
        if inner[name_end..].trim().is_empty() {
            InlineTag::Close(name.to_string())
        } else {
            InlineTag::Text
        }
    } else {
        InlineTag::Open(name.to_string())
    }
}

/// Whether `text` is a list of HTML attributes: `name="v"`, `name='v'`,
/// `name=v`, or a boolean attribute alone (`a<b and c>d` has none of these).
fn attributes_ok(text: &str) -> bool {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return true;
        }
        if trimmed.len() == rest.len() {
            // Attributes must be separated from the name by white space.
            return false;
        }
        let name_end = trimmed
            .find(|c: char| !(c.is_ascii_alphanumeric() || "-_:".contains(c)))
            .unwrap_or(trimmed.len());
        let name = &trimmed[..name_end];
        if name.is_empty() {
            return false;
        }
        let after = trimmed[name_end..].trim_start();
        if let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            let end = match value.chars().next() {
                Some(q @ ('"' | '\'')) => match value[1..].find(q) {
                    Some(close) => close + 2,
                    None => return false,
                },
                Some(_) => value.find(char::is_whitespace).unwrap_or(value.len()),
                None => return false,
            };
            rest = &value[end..];
        } else if BOOLEAN_ATTRIBUTES.contains(&name) || name.starts_with("data-") {
            rest = &trimmed[name_end..];
        } else {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_text() {
        assert_eq!(classify("<br>"), InlineTag::LineBreak);
        assert_eq!(classify("<br />"), InlineTag::LineBreak);
        assert_eq!(classify("<branch>"), InlineTag::Text);
        assert_eq!(classify("<Enter>"), InlineTag::Text);
        assert_eq!(classify("<Your Name Here>"), InlineTag::Text);
        assert_eq!(classify("<b and c>"), InlineTag::Text);
        assert_eq!(classify("<b>"), InlineTag::Open("b".into()));
        assert_eq!(classify("</sup>"), InlineTag::Close("sup".into()));
        assert_eq!(
            classify("<span style=\"background-color: #CAE9F5;\">"),
            InlineTag::Open("span".into())
        );
        assert_eq!(classify("<!-- note -->"), InlineTag::Comment);
    }

    #[test]
    fn unclosed_constructs_become_text() {
        let (text, warnings) = defuse_unclosed("A\n\n<!-- TODO check\n\n**Ana:** Hi.\n");
        assert_eq!(text, "A\n\n&lt;!-- TODO check\n\n**Ana:** Hi.\n");
        assert_eq!(warnings[0].line, Some(3));
        let (text, warnings) = defuse_unclosed("A <!-- ok --> b\n\n<script>\nx\n</script>\n");
        assert!(warnings.is_empty());
        assert!(matches!(text, std::borrow::Cow::Borrowed(_)));
        let (text, _) = defuse_unclosed("```\n<!-- in code\n```\n<pre>\nrest\n");
        assert_eq!(text, "```\n<!-- in code\n```\n&lt;pre>\nrest\n");
    }
}
