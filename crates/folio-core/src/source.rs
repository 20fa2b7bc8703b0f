//! Turning input bytes into text the readers can trust, and mapping byte
//! offsets back to lines and columns for messages.

use crate::error::{Error, Location};

/// Decodes UTF-8 (dropping a byte-order mark) and unifies line breaks to `\n`,
/// keeping line numbers unchanged.
pub fn decode(bytes: &[u8], name: &str) -> Result<String, Error> {
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
