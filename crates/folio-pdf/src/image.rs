//! Figure images for print, never re-encoded lossily: JPEG data passed
//! through (DCT), plain PNG image data passed through as Flate with PNG
//! predictors, and everything else (PNG with transparency or interlacing,
//! CMYK JPEG, GIF, BMP, TIFF, WebP) decoded by the `image` crate into
//! 8-bit samples (Flate-compressed when written) with a soft mask for alpha.

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
    /// Decoded 8-bit samples: colour planes and an optional alpha plane
    /// (an image with transparency).
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

/// An image's bytes, as the one image policy of folio-core read them, made
/// ready to embed; `Err` says why it cannot be.
pub fn parse(bytes: Vec<u8>) -> Result<Image, String> {
    let passed = if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(&bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(&bytes)
    } else {
        None
    };
    match passed {
        Some(image) => Ok(image.with_data(bytes)),
        None => decoded(&bytes),
    }
}

/// What passing a file through keeps: its size and how to read its data.
struct Passed {
    width: u32,
    height: u32,
    kind: PassedKind,
}

enum PassedKind {
    Jpeg { components: u8 },
    Png(ImageData),
}

impl Passed {
    fn with_data(self, bytes: Vec<u8>) -> Image {
        let data = match self.kind {
            PassedKind::Jpeg { components } => ImageData::Jpeg { bytes, components },
            PassedKind::Png(data) => data,
        };
        Image {
            width: self.width,
            height: self.height,
            data,
        }
    }
}

/// A JPEG's frame header, when its data can go into the PDF as it is
/// (grey or RGB; CMYK and the rest are decoded instead).
fn jpeg(bytes: &[u8]) -> Option<Passed> {
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
                return None;
            }
            return Some(Passed {
                width,
                height,
                kind: PassedKind::Jpeg { components },
            });
        }
        i += 2 + len;
    }
    None
}

/// A PNG whose image data can go into the PDF as it is: not interlaced,
/// no transparency, grey, RGB or palette.
fn png(bytes: &[u8]) -> Option<Passed> {
    let mut i = 8;
    let mut header = None;
    let mut palette = None;
    let mut zlib = Vec::new();
    while i + 8 <= bytes.len() {
        let len = u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize;
        let kind = &bytes[i + 4..i + 8];
        let data = bytes.get(i + 8..i + 8 + len)?;
        match kind {
            b"IHDR" if len >= 13 => header = Some(data.to_vec()),
            b"PLTE" => palette = Some(data.to_vec()),
            b"IDAT" => zlib.extend_from_slice(data),
            b"tRNS" => return None,
            b"IEND" => break,
            _ => {}
        }
        i += 12 + len;
    }
    let h = header?;
    let width = u32::from_be_bytes([h[0], h[1], h[2], h[3]]);
    let height = u32::from_be_bytes([h[4], h[5], h[6], h[7]]);
    let (bit_depth, color_type, interlace) = (h[8], h[9], h[12]);
    let colors = match color_type {
        0 | 3 => 1,
        2 => 3,
        _ => return None,
    };
    if interlace != 0 || (color_type == 3 && palette.is_none()) {
        return None;
    }
    Some(Passed {
        width,
        height,
        kind: PassedKind::Png(ImageData::Png {
            zlib,
            bit_depth,
            colors,
            palette: if color_type == 3 { palette } else { None },
        }),
    })
}

/// Decodes any image the `image` crate reads into 8-bit grey or RGB
/// samples and, unless every pixel is opaque, an alpha plane.
fn decoded(bytes: &[u8]) -> Result<Image, String> {
    let reader = || {
        image::ImageReader::new(std::io::Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| e.to_string())
    };
    let (width, height) = reader()?
        .into_dimensions()
        .map_err(|e| format!("not an image Folio can read ({e})"))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!("{width}×{height} pixels is too large to embed"));
    }
    let picture = reader()?.decode().map_err(|e| e.to_string())?;
    let (color, colors, alpha): (Vec<u8>, u8, Vec<u8>) = if picture.color().has_color() {
        let rgba = picture.into_rgba8();
        let mut color = Vec::with_capacity(rgba.len() / 4 * 3);
        let mut alpha = Vec::with_capacity(rgba.len() / 4);
        for px in rgba.pixels() {
            color.extend_from_slice(&px.0[..3]);
            alpha.push(px.0[3]);
        }
        (color, 3, alpha)
    } else {
        let la = picture.into_luma_alpha8();
        let (color, alpha) = la.pixels().map(|px| (px.0[0], px.0[1])).unzip();
        (color, 1, alpha)
    };
    let opaque = alpha.iter().all(|&a| a == 255);
    Ok(Image {
        width,
        height,
        data: ImageData::Raw {
            color,
            colors,
            alpha: (!opaque).then_some(alpha),
        },
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn encoded(picture: image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        picture.write_to(&mut bytes, format).unwrap();
        bytes.into_inner()
    }

    fn raw(image: Image) -> (Vec<u8>, u8, Option<Vec<u8>>) {
        let ImageData::Raw {
            color,
            colors,
            alpha,
        } = image.data
        else {
            panic!("not decoded: {image:?}")
        };
        (color, colors, alpha)
    }

    #[test]
    fn splits_alpha_from_an_rgba_png() {
        let pixels =
            image::RgbaImage::from_raw(2, 1, vec![10, 20, 30, 128, 15, 25, 35, 255]).unwrap();
        let png = encoded(pixels.into(), image::ImageFormat::Png);
        let (color, colors, alpha) = raw(parse(png).unwrap());
        assert_eq!(colors, 3);
        assert_eq!(color, vec![10, 20, 30, 15, 25, 35]);
        assert_eq!(alpha, Some(vec![128, 255]));
    }

    #[test]
    fn plain_pngs_pass_through_and_other_formats_are_decoded() {
        let rgb = image::RgbImage::from_raw(2, 1, vec![1, 2, 3, 4, 5, 6]).unwrap();
        let png = encoded(rgb.clone().into(), image::ImageFormat::Png);
        assert!(matches!(
            parse(png).unwrap().data,
            ImageData::Png { colors: 3, .. }
        ));
        for format in [image::ImageFormat::Bmp, image::ImageFormat::Tiff] {
            let (color, colors, alpha) = raw(parse(encoded(rgb.clone().into(), format)).unwrap());
            assert_eq!(
                (color, colors, alpha),
                (vec![1, 2, 3, 4, 5, 6], 3, None),
                "{format:?}"
            );
        }
        let grey = image::GrayAlphaImage::from_raw(1, 1, vec![7, 0]).unwrap();
        let (color, colors, alpha) =
            raw(parse(encoded(grey.into(), image::ImageFormat::Png)).unwrap());
        assert_eq!((color, colors, alpha), (vec![7], 1, Some(vec![0])));
    }

    #[test]
    fn rejects_what_is_not_an_image() {
        let err = parse(b"GIF89a....".to_vec()).unwrap_err();
        assert!(!err.is_empty());
        assert!(parse(b"plain text".to_vec()).is_err());
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
