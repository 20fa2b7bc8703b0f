//! A saved page's bytes as text. The byte-order mark decides first, then a
//! `<meta charset>` or `<meta http-equiv="Content-Type">` near the top (as
//! browsers prescan), else UTF-8. A page saved in a legacy encoding is
//! decoded, not refused: undeclared bytes that are not UTF-8 are read as
//! Windows-1252, which is what browsers do, with a warning.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the file a charset declaration is looked for. The HTML
/// standard prescans 1024 bytes; saved pages often carry a long comment or
/// many `<link>`s first, so a little more is read.
const PRESCAN_BYTES: usize = 4096;

/// The decoded page and, when the encoding was a guess, what to tell the user.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_length..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return Decoded {
            text: text.into_owned(),
            note: None,
        };
    }
    if let Some(encoding) = declared(bytes.get(..PRESCAN_BYTES).unwrap_or(bytes)) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        let note = had_errors.then(|| {
            format!(
                "the page declares {} but has bytes that are not {}; they are shown as \u{FFFD}",
                encoding.name(),
                encoding.name()
            )
        });
        return Decoded {
            text: text.into_owned(),
            note,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            note: None,
        },
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                note: Some(
                    "the page declares no character encoding and is not UTF-8; it was read as windows-1252 (add <meta charset> to choose another)".into(),
                ),
            }
        }
    }
}

/// The encoding a `<meta>` in the first bytes declares. UTF-16 labels
/// there are read as UTF-8, as the standard says: a page whose bytes were
/// UTF-16 would have had a byte-order mark.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    // ASCII-compatible bytes only matter here, so a lossy view is enough.
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = rest.get(at + 5..)?;
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = rest.get(..end)?;
        if let Some(label) = charset_in(tag)
            && let Some(encoding) = Encoding::for_label(label.as_bytes())
        {
            let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
            return Some(if utf16 { UTF_8 } else { encoding });
        }
    }
    None
}

/// `charset=…` in a `<meta>` tag's text, from `charset="x"` or a
/// `content="text/html; charset=x"`.
fn charset_in(tag: &str) -> Option<&str> {
    let at = tag.find("charset")?;
    let rest = tag.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
        .unwrap_or(rest.len());
    rest.get(..end).filter(|label| !label.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_legacy_encoding_is_decoded() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>caf".to_vec();
        page.push(0xE9);
        page.extend_from_slice(b"</p></body></html>");
        let decoded = decode(&page);
        assert!(decoded.text.contains("café"), "{}", decoded.text);
        assert!(decoded.note.is_none());
    }

    #[test]
    fn meta_charset_and_bom_and_fallback() {
        let page = "<meta charset='shift_jis'><p>\u{3042}</p>";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(page);
        assert!(decode(&bytes).text.contains('\u{3042}'));
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "<p>hé</p>".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16).text, "<p>hé</p>");
        let undeclared = b"<p>na\xEFve</p>";
        let decoded = decode(undeclared);
        assert_eq!(decoded.text, "<p>naïve</p>");
        assert!(decoded.note.is_some());
        // A UTF-16 label in a meta cannot be right (there is no BOM).
        assert_eq!(declared(b"<meta charset=utf-16le>"), Some(UTF_8));
    }
}
