//! The one XML escaper, for text and attributes, used by every writer
//! (EPUB documents, the PDF's XMP packet, the DOCX's stored model).
//!
//! Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped:
//! one of them anywhere makes the whole file fatal to a reading system.

/// Whether XML 1.0 allows `c` in a document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML forbids; for values handed to
/// epub-builder, which escapes markup characters but keeps these.
pub fn xml_safe(text: &str) -> String {
    text.chars().filter(|&c| is_xml_char(c)).collect()
}

/// Text content: `&`, `<` and `>` escaped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_text(&mut out, value);
    out
}

/// Appends `value` to `out` as escaped text content.
pub fn push_text(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// A double-quoted attribute value; newlines and tabs become character
/// references so attribute-value normalisation keeps them.
pub fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters_in_text() {
        assert_eq!(text("AT&T <b> 1 > 0"), "AT&amp;T &lt;b&gt; 1 &gt; 0");
    }

    #[test]
    fn escapes_quotes_and_whitespace_in_attributes() {
        assert_eq!(
            attr("say \"hi\"\n&\tgo"),
            "say &quot;hi&quot;&#10;&amp;&#9;go"
        );
    }

    #[test]
    fn drops_characters_xml_forbids_and_keeps_the_rest() {
        assert_eq!(text("a\u{0}b\u{1b}c\u{FFFE}d"), "abcd");
        assert_eq!(xml_safe("x\u{8}y"), "xy");
        let kept = "中文 עברית العربية 😀 \u{200F}";
        assert_eq!(text(kept), kept);
    }
}
