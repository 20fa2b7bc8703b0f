//! Figure images: found, decoded and checked before docx-rs sees them
//! (its `Pic::new` panics on bytes it cannot decode).

use std::io::Cursor;

use docx_rs::Pic;
use folio_core::{Diagnostic, DiagnosticKind};
use image::{ImageFormat, ImageReader};

use crate::DocxOptions;

/// English Metric Units per pixel at the 96 dpi Word assumes.
const EMU_PER_PIXEL: u64 = 9525;

/// A decoded image ready for the package: PNG and JPEG as they are (the
/// part patcher gives JPEG its own extension, as docx-rs names every media
/// part `.png`), anything else re-encoded as PNG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedImage {
    pub bytes: Vec<u8>,
    /// `png` or `jpeg`: the media part's extension.
    pub extension: &'static str,
    pub width_px: u32,
    pub height_px: u32,
}

/// Finds the bytes for a figure's `src`: resolved bytes first, then a path
/// relative to the base directory. Remote images are not fetched.
pub fn load(src: &str, options: &DocxOptions) -> Result<LoadedImage, Diagnostic> {
    let bytes = match options.images.get(src) {
        Some(bytes) => bytes.clone(),
        None => read_file(src, options)?,
    };
    decode(&bytes).map_err(|reason| {
        Diagnostic::new(
            DiagnosticKind::Ignored,
            None,
            format!("image {src} left out: {reason}; its alt text and caption are kept"),
        )
    })
}

fn read_file(src: &str, options: &DocxOptions) -> Result<Vec<u8>, Diagnostic> {
    let missing = |reason: &str| {
        Diagnostic::new(
            DiagnosticKind::Ignored,
            None,
            format!("image {src} left out: {reason}; its alt text and caption are kept"),
        )
    };
    // What may be read is decided in core, once for every writer.
    folio_core::read_image_source(src, options.common.image_access())
        .map_err(|reason| missing(&reason))
}

/// Decodes `bytes` fully (so a truncated file is caught here); PNG and JPEG
/// are kept as they are, anything else is re-encoded as PNG.
pub fn decode(bytes: &[u8]) -> Result<LoadedImage, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| error.to_string())?;
    let format = reader.format();
    let image = reader.decode().map_err(|error| error.to_string())?;
    let (width_px, height_px) = (image.width(), image.height());
    if width_px == 0 || height_px == 0 {
        return Err("the image is empty".into());
    }
    let (bytes, extension) = match format {
        Some(ImageFormat::Png) => (bytes.to_vec(), "png"),
        Some(ImageFormat::Jpeg) => (bytes.to_vec(), "jpeg"),
        _ => {
            let mut out = Cursor::new(Vec::new());
            image
                .write_to(&mut out, ImageFormat::Png)
                .map_err(|error| error.to_string())?;
            (out.into_inner(), "png")
        }
    };
    Ok(LoadedImage {
        bytes,
        extension,
        width_px,
        height_px,
    })
}

/// A picture with a stable relationship id, scaled to fit `max_width` and
/// `max_height` (EMU) keeping its aspect ratio.
pub fn picture(image: &LoadedImage, id: &str, max_width: u32, max_height: u32) -> Pic {
    let width = u64::from(image.width_px) * EMU_PER_PIXEL;
    let height = u64::from(image.height_px) * EMU_PER_PIXEL;
    let scale = f64::min(
        1.0,
        f64::min(
            f64::from(max_width) / width as f64,
            f64::from(max_height) / height as f64,
        ),
    );
    let fit = |value: u64| ((value as f64 * scale).round() as u32).max(1);
    Pic::new_with_dimensions(image.bytes.clone(), image.width_px, image.height_px)
        .id(id)
        .size(fit(width), fit(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_pixel(width, height, image::Rgb([200, 40, 40]));
        let mut out = Cursor::new(Vec::new());
        image
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| e.to_string())
            .unwrap_or_default();
        out.into_inner()
    }

    #[test]
    fn png_is_kept_as_it_is() {
        let bytes = png(4, 3);
        let loaded = decode(&bytes);
        assert_eq!(
            loaded.map(|image| (
                image.bytes == bytes,
                image.extension,
                image.width_px,
                image.height_px
            )),
            Ok((true, "png", 4, 3))
        );
    }

    #[test]
    fn jpeg_is_kept_and_other_formats_become_png() {
        let image = image::RgbImage::from_pixel(8, 8, image::Rgb([10, 200, 10]));
        let encode = |format| {
            let mut out = Cursor::new(Vec::new());
            let written = image.write_to(&mut out, format);
            assert!(written.is_ok());
            out.into_inner()
        };
        let jpeg = encode(ImageFormat::Jpeg);
        let loaded = decode(&jpeg);
        assert_eq!(
            loaded.map(|i| (i.bytes == jpeg, i.extension)),
            Ok((true, "jpeg"))
        );
        let bmp = encode(ImageFormat::Bmp);
        let loaded = decode(&bmp);
        assert_eq!(
            loaded.map(|i| (i.bytes.starts_with(b"\x89PNG"), i.extension)),
            Ok((true, "png"))
        );
    }

    #[test]
    fn broken_bytes_are_an_error_not_a_panic() {
        assert!(decode(b"not an image").is_err());
        let mut truncated = png(40, 40);
        truncated.truncate(truncated.len() / 2);
        assert!(decode(&truncated).is_err());
    }

    #[test]
    fn large_pictures_shrink_to_the_text_width() {
        let image = LoadedImage {
            bytes: png(2, 1),
            extension: "png",
            width_px: 2000,
            height_px: 1000,
        };
        let pic = picture(&image, "rIdImage1", 5_000_000, 9_000_000);
        assert_eq!(pic.size, (5_000_000, 2_500_000));
        assert_eq!(pic.id, "rIdImage1");
    }
}
