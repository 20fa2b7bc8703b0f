//! Helpers shared by the end-to-end tests that run the `folio` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `folio` in `dir` with a fixed `SOURCE_DATE_EPOCH`.
pub fn folio(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("folio runs")
}

/// Whether a CJK font the PDF writer can fall back to is installed (CI
/// installs Debian's fonts-noto-cjk). Without one, a Chinese interview must
/// fail with a clear error naming the character and the fix, not succeed.
pub fn cjk_font_installed() -> bool {
    [
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ]
    .iter()
    .any(|p| Path::new(p).exists())
}

/// Asserts that stderr carries the missing-font error for CJK text.
pub fn assert_missing_cjk_font_error(stderr: &str) {
    assert!(
        stderr.contains("U+") && stderr.contains("--cjk-font"),
        "expected the missing-font error naming the code point and the fix:\n{stderr}"
    );
}
