//! Finding the pictures an interview refers to and packing them: figure
//! images and the cover, read from disk relative to the input file.
//!
//! Only local raster or SVG files in EPUB core media types are packed; a
//! remote or unreadable image leaves its caption in place and a warning.

use std::collections::BTreeMap;

use folio_core::{Diagnostic, DiagnosticKind, Figure, Interview};

/// An image ready to go into the EPUB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedImage {
    /// Path inside the package, relative to the content documents.
    pub href: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The figure images of one interview, keyed by their `src` as written.
#[derive(Debug, Default)]
pub struct FigureImages {
    by_src: BTreeMap<String, PackedImage>,
    /// In first-use order, for a stable manifest.
    order: Vec<String>,
}

impl FigureImages {
    /// Loads every figure image once, in reading order; their names in the
    /// package start with `prefix`.
    pub fn load(
        interview: &Interview,
        access: folio_core::ImageAccess<'_>,
        prefix: &str,
        warnings: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut images = FigureImages::default();
        let mut failed: Vec<String> = Vec::new();
        for figure in interview.figures() {
            let Some(src) = figure.src.as_deref() else {
                continue;
            };
            if images.by_src.contains_key(src) || failed.iter().any(|f| f == src) {
                continue;
            }
            match read_image(src, access) {
                Ok((bytes, kind)) => {
                    let href = format!(
                        "images/{prefix}figure-{}.{}",
                        images.order.len() + 1,
                        kind.extension
                    );
                    images.by_src.insert(
                        src.to_string(),
                        PackedImage {
                            href,
                            media_type: kind.media_type,
                            bytes,
                        },
                    );
                    images.order.push(src.to_string());
                }
                Err(reason) => {
                    warnings.push(Diagnostic::new(
                        DiagnosticKind::Ignored,
                        None,
                        format!("figure image {src:?} left out of the EPUB: {reason}; its alt text and caption are kept"),
                    ));
                    failed.push(src.to_string());
                }
            }
        }
        images
    }

    /// The packed image for a figure, if it could be loaded.
    pub fn get(&self, figure: &Figure) -> Option<&PackedImage> {
        self.by_src.get(figure.src.as_deref()?)
    }

    /// All packed images, in first-use order.
    pub fn iter(&self) -> impl Iterator<Item = &PackedImage> {
        self.order.iter().filter_map(|src| self.by_src.get(src))
    }
}

/// An image format EPUB reading systems must support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageKind {
    pub media_type: &'static str,
    pub extension: &'static str,
}

/// Recognises an image by its first bytes, not by its name.
pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
    let kind = |media_type, extension| {
        Some(ImageKind {
            media_type,
            extension,
        })
    };
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        kind("image/png", "png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        kind("image/jpeg", "jpg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        kind("image/gif", "gif")
    } else if bytes.len() > 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        kind("image/webp", "webp")
    } else if looks_like_svg(bytes) {
        kind("image/svg+xml", "svg")
    } else {
        None
    }
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let Ok(text) = std::str::from_utf8(head) else {
        return false;
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with("<?xml") || text.starts_with("<svg") || text.starts_with("<!--"))
        && text.contains("<svg")
}

/// Reads an image named by the source, by the one policy of core (which
/// files may be read), and tells its kind by its bytes.
pub fn read_image(
    src: &str,
    access: folio_core::ImageAccess<'_>,
) -> Result<(Vec<u8>, ImageKind), String> {
    let bytes = folio_core::read_image_source(src, access)?;
    let kind =
        sniff(&bytes).ok_or_else(|| format!("{src} is not a PNG, JPEG, GIF, WebP or SVG image"))?;
    Ok((bytes, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats_by_content() {
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\nrest").map(|k| k.extension),
            Some("png")
        );
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0]).map(|k| k.extension),
            Some("jpg")
        );
        assert_eq!(sniff(b"GIF89a...").map(|k| k.extension), Some("gif"));
        assert_eq!(
            sniff(b"RIFF\0\0\0\0WEBPVP8 ").map(|k| k.extension),
            Some("webp")
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><svg/>").map(|k| k.extension),
            Some("svg")
        );
        assert_eq!(sniff(b"<html>not an image</html>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn remote_and_missing_images_are_refused_with_a_reason() {
        let anywhere = folio_core::ImageAccess {
            base: None,
            allow_outside: true,
        };
        let remote = read_image("https://example.com/a.jpg", anywhere);
        assert!(remote.is_err_and(|e| e.contains("https")));
        let missing = read_image("/nonexistent/no/such/picture.png", anywhere);
        assert!(missing.is_err_and(|e| e.contains("/nonexistent/no/such/picture.png")));
    }
}
