//! Turning input bytes into text the readers can trust, and mapping byte
//! offsets back to lines and columns for messages.

use crate::error::{Error, Location};

/// Decodes UTF-8 (dropping a byte-order mark), or UTF-16 or UTF-32 when a
/// byte-order mark says so (Windows tools save text that way), and unifies
/// line breaks to `\n`, keeping line numbers unchanged.
pub fn decode(bytes: &[u8], name: &str) -> Result<String, Error> {
    if let Some(wide) = decode_wide(bytes, name)? {
        return decode(wide.as_bytes(), name);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(Error::NotUtf8 {
                name: name.to_string(),
                offset,
                byte: bytes.get(offset).copied().unwrap_or(0),
                line,
            });
        }
    };
    if text.trim().is_empty() {
        return Err(Error::Empty {
            name: name.to_string(),
        });
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // A byte-order mark inside the text is where files were joined: it is
    // invisible, and left in place it hides the label that follows it.
    if text.contains('\u{feff}') {
        return Ok(text.replace('\u{feff}', ""));
    }
    Ok(text)
}

/// UTF-32 or UTF-16 text with a byte-order mark, as UTF-8; `None` for
/// anything else. UTF-32's marks are tested first: `FF FE 00 00` begins
/// with UTF-16 LE's.
fn decode_wide(bytes: &[u8], name: &str) -> Result<Option<String>, Error> {
    let invalid = |unit: usize, width: usize| {
        let offset = unit * width;
        Error::NotUtf8 {
            name: name.to_string(),
            offset,
            byte: bytes.get(offset).copied().unwrap_or(0),
            line: 1 + bytes
                .chunks(width)
                .take(unit)
                .filter(|c| c.first() == Some(&b'\n') || c.last() == Some(&b'\n'))
                .count(),
        }
    };
    let utf32 = match bytes {
        [0xFF, 0xFE, 0, 0, rest @ ..] => Some((rest, u32::from_le_bytes as fn([u8; 4]) -> u32)),
        [0, 0, 0xFE, 0xFF, rest @ ..] => Some((rest, u32::from_be_bytes as fn([u8; 4]) -> u32)),
        _ => None,
    };
    if let Some((rest, read)) = utf32 {
        let mut text = String::with_capacity(rest.len() / 4);
        for (unit, chunk) in rest.chunks(4).enumerate() {
            let c = <[u8; 4]>::try_from(chunk)
                .ok()
                .and_then(|b| char::from_u32(read(b)))
                .ok_or_else(|| invalid(unit + 1, 4))?;
            text.push(c);
        }
        return Ok(Some(text));
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    let Some((rest, read)) = utf16 else {
        return Ok(None);
    };
    if rest.len() % 2 == 1 {
        return Err(invalid(rest.len() / 2 + 1, 2));
    }
    let units = rest
        .chunks(2)
        .filter_map(|c| <[u8; 2]>::try_from(c).ok().map(read));
    let mut text = String::with_capacity(rest.len() / 2);
    for (unit, decoded) in char::decode_utf16(units).enumerate() {
        text.push(decoded.map_err(|_| invalid(unit + 1, 2))?);
    }
    Ok(Some(text))
}

/// Line starts of a text, for offset → line/column lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn location(&self, text: &str, offset: usize) -> Location {
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let offset = offset.min(end);
        let column = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        Location {
            line,
            column,
            source_line: text[start..end].to_string(),
        }
    }
}

/// The location of a 1-based line and column in `text`.
pub fn location_at(text: &str, line: usize, column: usize) -> Location {
    Location {
        line,
        column,
        source_line: text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_offset_of_a_bad_byte() {
        let err = decode(b"ok\nbad \xFF here", "x.txt").err();
        match err {
            Some(Error::NotUtf8 {
                offset, byte, line, ..
            }) => {
                assert_eq!((offset, byte, line), (7, 0xFF, 2));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn utf16_and_utf32_with_a_byte_order_mark_are_read() {
        let text = "Q: Où?\r\nA: Ici — 記者\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        let mut le32 = vec![0xFF, 0xFE, 0, 0];
        let mut be32 = vec![0, 0, 0xFE, 0xFF];
        for c in text.chars() {
            le32.extend(u32::from(c).to_le_bytes());
            be32.extend(u32::from(c).to_be_bytes());
        }
        for bytes in [le, be, le32, be32] {
            assert_eq!(
                decode(&bytes, "t.txt").ok().as_deref(),
                Some("Q: Où?\nA: Ici — 記者\n")
            );
        }
        // A lone surrogate is an error naming the file, not a panic.
        let broken = [0xFF, 0xFE, 0x51, 0x00, 0x00, 0xD8, 0x41, 0x00];
        let message = decode(&broken, "t.txt")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.starts_with("t.txt: not UTF-8 text"), "{message}");
    }

    #[test]
    fn empty_and_blank_files_are_errors() {
        assert!(matches!(decode(b"", "e"), Err(Error::Empty { .. })));
        assert!(matches!(decode(b" \n\t\n", "e"), Err(Error::Empty { .. })));
    }

    #[test]
    fn unifies_line_breaks_and_drops_bom() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa\r\nb\rc", "x").ok().as_deref(),
            Some("a\nb\nc")
        );
    }

    #[test]
    fn maps_offsets_to_lines_and_columns() {
        let text = "ab\ncdé\nf";
        let index = LineIndex::new(text);
        let loc = index.location(text, 5);
        assert_eq!(
            (loc.line, loc.column, loc.source_line.as_str()),
            (2, 3, "cdé")
        );
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(3), 2);
    }
}
