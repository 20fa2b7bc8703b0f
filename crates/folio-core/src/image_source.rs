//! Where a figure's picture comes from, decided once for every writer: the
//! one policy that says which `src` may be read, so the PDF, the DOCX and
//! the EPUB embed the same pictures and refuse the same ones.
//!
//! - A path relative to the interview's folder is read from it; an
//!   absolute path, `../`, or a link that leads out of that folder is
//!   refused unless the user allows it (`--allow-outside`): an interview
//!   from elsewhere must not be a way to pack someone's files into a book.
//! - `file://` names a local path and follows the same rule.
//! - Remote images (`https://…`) are never fetched; `data:` URLs are not
//!   unpacked.
//! - A picture inside a Word document read as the interview is named
//!   `talk.docx#word/media/image1.png`: the package is a local file under
//!   the same rule, and the part is read from it, no larger than the limit.
//! - Only regular files are read (a FIFO would block for ever, a device
//!   never end), and none larger than [`MAX_IMAGE_BYTES`].

use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest image file read: far above any photograph a handout needs,
/// far below what would exhaust memory.
pub const MAX_IMAGE_BYTES: u64 = 50 * 1024 * 1024;

/// Which files a writer may read for figures and covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImageAccess<'a> {
    /// The interview's folder: relative paths are read from it, and
    /// nothing outside it is read unless `allow_outside`.
    pub base: Option<&'a Path>,
    pub allow_outside: bool,
}

/// Reads the bytes of the picture `src` names; `Err` says, in a user's
/// words, why it is left out.
pub fn read_image_source(src: &str, access: ImageAccess<'_>) -> Result<Vec<u8>, String> {
    // `talk.md` has the folder `""`: the current one.
    let base = access.base.map(|b| {
        if b.as_os_str().is_empty() {
            Path::new(".")
        } else {
            b
        }
    });
    if let Some((package, part)) = package_part(src) {
        let bytes = read_image_source(package, access)
            .map_err(|reason| format!("the picture {part} of {package}: {reason}"))?;
        return read_part(&bytes, package, part);
    }
    let path = local_path(src, base)?;
    if !access.allow_outside
        && let Some(base) = base
    {
        check_inside(&path, base)?;
    }
    let metadata =
        std::fs::metadata(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if !metadata.is_file() {
        return Err(format!("{} is not a file", path.display()));
    }
    if metadata.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "{} is {} MB, larger than the {} MB Folio reads for an image",
            path.display(),
            metadata.len() / (1024 * 1024),
            MAX_IMAGE_BYTES / (1024 * 1024)
        ));
    }
    let file =
        std::fs::File::open(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    // The size is checked again while reading: the file may grow.
    file.take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(format!(
            "{} is larger than the {} MB Folio reads for an image",
            path.display(),
            MAX_IMAGE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// `talk.docx#word/media/image1.png`: a Word package and a part in it.
fn package_part(src: &str) -> Option<(&str, &str)> {
    let (package, part) = src.trim().split_once('#')?;
    let is_package = package.to_ascii_lowercase().ends_with(".docx") && !package.contains("://");
    let is_part = part.starts_with("word/") && !part.split('/').any(|s| s.is_empty() || s == "..");
    (is_package && is_part).then_some((package, part))
}

/// One part of a zip package, refused past the image size limit whatever
/// its header claims.
fn read_part(package_bytes: &[u8], package: &str, part: &str) -> Result<Vec<u8>, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(package_bytes))
        .map_err(|e| format!("{package} is not a readable Word document: {e}"))?;
    let entry = archive
        .by_name(part)
        .map_err(|_| format!("{package} has no part {part}"))?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {part} of {package}: {e}"))?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(format!(
            "{part} of {package} is larger than the {} MB Folio reads for an image",
            MAX_IMAGE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// Whether the local file `src` names, relative to `folder`, stays inside
/// it; `Err` says why not. A file that does not exist is not refused here
/// (the writer reports it) unless its name already leads out.
pub(crate) fn check_src_inside(src: &str, folder: &Path) -> Result<(), String> {
    let path = local_path(src, Some(folder))?;
    match check_inside(&path, folder) {
        Err(reason) if reason.starts_with("cannot read ") => Ok(()),
        other => other,
    }
}

/// The local file a `src` names, or why it names none.
fn local_path(src: &str, base: Option<&Path>) -> Result<PathBuf, String> {
    let src = src.trim();
    if src.is_empty() {
        return Err("the path is empty".into());
    }
    let path = if let Some(rest) = src.strip_prefix("file://") {
        // `file:///tmp/a.png` and `file://localhost/tmp/a.png`.
        PathBuf::from(rest.strip_prefix("localhost").unwrap_or(rest))
    } else if let Some((scheme, _)) = src.split_once("://") {
        return Err(format!("{scheme} images are not fetched"));
    } else if src.starts_with("data:") {
        return Err("data: URLs are not unpacked".into());
    } else {
        PathBuf::from(src)
    };
    Ok(match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path,
    })
}

/// Refuses a path that leads out of `base`, links resolved.
fn check_inside(path: &Path, base: &Path) -> Result<(), String> {
    let outside = || {
        format!(
            "{} is outside the interview's folder ({}); pass --allow-outside to use it",
            path.display(),
            base.display()
        )
    };
    let base = base
        .canonicalize()
        .map_err(|e| format!("cannot read the folder {}: {e}", base.display()))?;
    match path.canonicalize() {
        Ok(resolved) if resolved.starts_with(&base) => Ok(()),
        Ok(_) => Err(outside()),
        // A missing file: say so, unless its name already leads out.
        Err(e) => {
            let lexical = path
                .components()
                .any(|c| c == std::path::Component::ParentDir)
                || path.is_absolute() && !path.starts_with(&base);
            if lexical {
                Err(outside())
            } else {
                Err(format!("cannot read {}: {e}", path.display()))
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn access(base: &Path) -> ImageAccess<'_> {
        ImageAccess {
            base: Some(base),
            allow_outside: false,
        }
    }

    #[test]
    fn inside_the_folder_only_unless_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("interview");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.png"), b"inside").unwrap();
        std::fs::write(dir.path().join("secret.png"), b"outside").unwrap();
        assert_eq!(
            read_image_source("a.png", access(&folder)).unwrap(),
            b"inside"
        );
        let file_url = format!("file://{}", folder.join("a.png").display());
        assert_eq!(
            read_image_source(&file_url, access(&folder)).unwrap(),
            b"inside"
        );
        for src in [
            "../secret.png".to_string(),
            dir.path().join("secret.png").display().to_string(),
            format!("file://{}", dir.path().join("secret.png").display()),
        ] {
            let err = read_image_source(&src, access(&folder)).unwrap_err();
            assert!(
                err.contains("outside the interview's folder"),
                "{src}: {err}"
            );
            let allowed = ImageAccess {
                allow_outside: true,
                ..access(&folder)
            };
            assert_eq!(read_image_source(&src, allowed).unwrap(), b"outside");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.png"), folder.join("link.png"))
                .unwrap();
            let err = read_image_source("link.png", access(&folder)).unwrap_err();
            assert!(err.contains("outside"), "{err}");
        }
    }

    #[test]
    fn only_local_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("folder.png")).unwrap();
        let err = read_image_source("folder.png", access(dir.path())).unwrap_err();
        assert!(err.ends_with("folder.png is not a file"), "{err}");
        assert_eq!(
            read_image_source("https://example.org/a.png", access(dir.path())).unwrap_err(),
            "https images are not fetched"
        );
        assert_eq!(
            read_image_source("data:image/png;base64,AAAA", access(dir.path())).unwrap_err(),
            "data: URLs are not unpacked"
        );
        let err = read_image_source("missing.png", access(dir.path())).unwrap_err();
        assert!(err.starts_with("cannot read "), "{err}");
        #[cfg(unix)]
        {
            let unbounded = ImageAccess {
                base: None,
                allow_outside: false,
            };
            let err = read_image_source("/dev/zero", unbounded).unwrap_err();
            assert_eq!(err, "/dev/zero is not a file");
        }
    }
}
