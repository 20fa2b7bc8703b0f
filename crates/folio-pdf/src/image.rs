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
    /// Decoded samples, zlib-compressed: colour planes and an optional
    /// alpha plane (a PNG with transparency).
    Raw {
        color: Vec<u8>,
        colors: u8,
        alpha: Option<Vec<u8>>,
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

/// Images larger than this are refused rather than decoded.
const MAX_PIXELS: u64 = 80_000_000;

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
            b"tRNS" => return Err("PNG with a tRNS transparency chunk is not supported".into()),
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
        4 | 6 if bit_depth == 8 => {
            return with_alpha(&zlib, width, height, if color_type == 4 { 1 } else { 3 });
        }
        _ => return Err("16-bit PNG with an alpha channel is not supported".into()),
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

/// Splits an 8-bit PNG with alpha into colour and alpha planes (lossless).
fn with_alpha(zlib: &[u8], width: u32, height: u32, colors: u8) -> Result<Image, String> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!("{width}×{height} pixels is too large to embed"));
    }
    use std::io::{Read, Write};
    let mut data = Vec::new();
    flate2::read::ZlibDecoder::new(zlib)
        .read_to_end(&mut data)
        .map_err(|e| format!("PNG data: {e}"))?;
    let bpp = usize::from(colors) + 1;
    let stride = width as usize * bpp;
    let rows = height as usize;
    if data.len() < rows * (stride + 1) {
        return Err("truncated PNG data".into());
    }
    let mut previous = vec![0u8; stride];
    let mut color = Vec::with_capacity(rows * width as usize * usize::from(colors));
    let mut alpha = Vec::with_capacity(rows * width as usize);
    for r in 0..rows {
        let line = &data[r * (stride + 1)..(r + 1) * (stride + 1)];
        let mut current = line[1..].to_vec();
        unfilter(line[0], &mut current, &previous, bpp)?;
        for px in current.chunks(bpp) {
            color.extend_from_slice(&px[..bpp - 1]);
            alpha.push(px[bpp - 1]);
        }
        previous = current;
    }
    let deflate = |bytes: &[u8]| -> Result<Vec<u8>, String> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).map_err(|e| e.to_string())?;
        e.finish().map_err(|e| e.to_string())
    };
    let opaque = alpha.iter().all(|&a| a == 255);
    Ok(Image {
        width,
        height,
        data: ImageData::Raw {
            color: deflate(&color)?,
            colors,
            alpha: if opaque { None } else { Some(deflate(&alpha)?) },
        },
    })
}

/// Reverses one PNG scanline filter (PNG spec, section 9).
fn unfilter(kind: u8, line: &mut [u8], previous: &[u8], bpp: usize) -> Result<(), String> {
    for i in 0..line.len() {
        let a = if i >= bpp { line[i - bpp] } else { 0 };
        let b = previous[i];
        let c = if i >= bpp { previous[i - bpp] } else { 0 };
        let add = match kind {
            0 => 0,
            1 => a,
            2 => b,
            3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
            4 => paeth(a, b, c),
            _ => return Err(format!("unknown PNG filter {kind}")),
        };
        line[i] = line[i].wrapping_add(add);
    }
    Ok(())
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn splits_alpha_from_an_rgba_png() {
        use std::io::Write;
        // 2x1 RGBA, filter 1 (Sub) on the one row.
        let raw = [1u8, 10, 20, 30, 128, 5, 5, 5, 127];
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&raw).unwrap();
        let image = with_alpha(&e.finish().unwrap(), 2, 1, 3).unwrap();
        let ImageData::Raw {
            color,
            alpha,
            colors,
        } = image.data
        else {
            panic!("not raw")
        };
        let inflate = |z: &[u8]| {
            use std::io::Read;
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(z)
                .read_to_end(&mut out)
                .unwrap();
            out
        };
        assert_eq!(colors, 3);
        assert_eq!(inflate(&color), vec![10, 20, 30, 15, 25, 35]);
        assert_eq!(inflate(&alpha.unwrap()), vec![128, 255]);
    }

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
