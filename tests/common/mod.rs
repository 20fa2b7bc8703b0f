//! Helpers shared by the end-to-end tests that run the `folio` binary.

pub mod text;

use std::io::Write;
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

/// Whether `what`, something outside the repository a test needs, is at
/// hand (`found`). When it is missing the test fails, naming it and the
/// Debian package that installs it, unless `FOLIO_SKIP_EXTERNAL=1`: then
/// it says on stderr that it skipped and why, and returns false.
pub fn require(found: bool, what: &str, package: &str) -> bool {
    if found {
        return true;
    }
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    if std::env::var_os("FOLIO_SKIP_EXTERNAL").is_some_and(|v| v == "1") {
        // Straight to the process's stderr, past the test harness's capture,
        // so that the skip shows in the run's output.
        let _ = writeln!(
            std::io::stderr().lock(),
            "SKIPPED {test}: {what} is missing (Debian package {package}); FOLIO_SKIP_EXTERNAL=1 is set"
        );
        return false;
    }
    panic!(
        "{test} needs {what}, which is missing: install it with \
         `apt-get install {package}` (Debian), or set FOLIO_SKIP_EXTERNAL=1 \
         to skip the tests that need external tools"
    );
}

/// Whether a CJK font the PDF writer can fall back to is installed
/// (Debian's fonts-noto-cjk, which CI installs); see [`require`]. Without
/// one, a Chinese interview must fail with a clear error naming the
/// character and the fix, not succeed: the tests check that when they skip.
pub fn require_cjk_font() -> bool {
    let found = [
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ]
    .iter()
    .any(|p| Path::new(p).exists());
    require(found, "a CJK font (Noto CJK)", "fonts-noto-cjk")
}

/// Asserts that stderr carries the missing-font error for CJK text.
pub fn assert_missing_cjk_font_error(stderr: &str) {
    assert!(
        stderr.contains("U+") && stderr.contains("--cjk-font"),
        "expected the missing-font error naming the code point and the fix:\n{stderr}"
    );
}
