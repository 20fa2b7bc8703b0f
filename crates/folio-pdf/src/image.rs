//! Figure images embedded as they are: JPEG data passed through (DCT) and
//! PNG image data passed through as Flate with PNG predictors, so print gets
//! the original quality with no re-encoding.

use std::path::Path;

/// An image ready to embed.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub data: ImageData,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImageData {
    Jpeg {
        bytes: Vec<u8>,
        components: u8,
    },
    /// The concatenated IDAT stream of a non-interlaced PNG.
    Png {
        zlib: Vec<u8>,
        bit_depth: u8,
        /// 1 grey, 3 RGB; a palette image has its palette.
        colors: u8,
        palette: Option<Vec<u8>>,
    },
}

/// Reads an image file; `Err` says why it cannot be embedded.
pub fn load(path: &Path) -> Result<Image, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    parse(bytes)
}

pub fn parse(bytes: Vec<u8>) -> Result<Image, String> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(&bytes)
    } else {
        Err("not a PNG or JPEG file".into())
    }
}

fn jpeg(bytes: Vec<u8>) -> Result<Image, String> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            i += 1;
            continue;
        }
        let marker = bytes[i + 1];
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the size.
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = u32::from(u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]));
            let width = u32::from(u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]));
            let components = bytes[i + 9];
            if width == 0 || height == 0 || !matches!(components, 1 | 3) {
                return Err(format!("unsupported JPEG ({components} components)"));
            }
            return Ok(Image {
                width,
                height,
                data: ImageData::Jpeg { bytes, components },
            });
        }
        i += 2 + len;
    }
    Err("JPEG without a frame header".into())
}

fn png(bytes: &[u8]) -> Result<Image, String> {
    let mut i = 8;
    let mut header = None;
    let mut palette = None;
    let mut zlib = Vec::new();
    while i + 8 <= bytes.len() {
        let len = u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize;
        let kind = &bytes[i + 4..i + 8];
        let data = bytes.get(i + 8..i + 8 + len).ok_or("truncated PNG")?;
        match kind {
            b"IHDR" if len >= 13 => header = Some(data.to_vec()),
            b"PLTE" => palette = Some(data.to_vec()),
            b"IDAT" => zlib.extend_from_slice(data),
            b"tRNS" => return Err("PNG with transparency is not supported yet".into()),
            b"IEND" => break,
            _ => {}
        }
        i += 12 + len;
    }
    let h = header.ok_or("PNG without a header")?;
    let width = u32::from_be_bytes([h[0], h[1], h[2], h[3]]);
    let height = u32::from_be_bytes([h[4], h[5], h[6], h[7]]);
    let (bit_depth, color_type, interlace) = (h[8], h[9], h[12]);
    if interlace != 0 {
        return Err("interlaced PNG is not supported".into());
    }
    let colors = match color_type {
        0 => 1,
        2 => 3,
        3 => 1,
        _ => return Err("PNG with an alpha channel is not supported yet".into()),
    };
    if color_type == 3 && palette.is_none() {
        return Err("palette PNG without a palette".into());
    }
    Ok(Image {
        width,
        height,
        data: ImageData::Png {
            zlib,
            bit_depth,
            colors,
            palette: if color_type == 3 { palette } else { None },
        },
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn rejects_other_formats() {
        assert!(parse(b"GIF89a....".to_vec()).is_err());
    }

    #[test]
    fn reads_a_jpeg_frame_header() {
        // SOI, SOF0 with 16x8, 3 components, then EOI.
        let mut bytes = vec![
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x08, 0x00, 0x10, 0x03,
        ];
        bytes.extend_from_slice(&[0; 9]);
        bytes.extend_from_slice(&[0xFF, 0xD9]);
        let image = parse(bytes).map_err(|e| e.to_string());
        assert!(
            matches!(
                image,
                Ok(Image {
                    width: 16,
                    height: 8,
                    ..
                })
            ),
            "{image:?}"
        );
    }
}
