//! `folio convert` end to end: every sample to every format, deterministic
//! bytes, one bad file failing alone, and no partial or overwritten files.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::{assert_missing_cjk_font_error, folio, require_cjk_font, root};

fn samples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .expect("samples folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                // A transcript's sidecar is read with its transcript.
                n.starts_with(|c: char| c.is_ascii_digit()) && !n.contains(".folio.")
            })
        })
        .collect();
    paths.sort();
    paths
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .collect();
    names.sort();
    names
}

#[test]
fn a_batch_of_all_samples_to_all_formats() {
    let out = tempfile::tempdir().expect("temp dir");
    let samples_dir = root().join("samples");
    let output = folio(
        &[
            "convert",
            samples_dir.to_str().unwrap(),
            "--out-dir",
            out.path().to_str().unwrap(),
        ],
        &root(),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let names = files_in(out.path());
    if require_cjk_font() {
        assert!(output.status.success(), "{stderr}");
        assert_eq!(names.len(), samples().len() * 3, "{names:?}");
        let all = format!("converted {n} of {n} inputs", n = samples().len());
        assert!(stderr.contains(&all), "{stderr}");
    } else {
        // Skipped (FOLIO_SKIP_EXTERNAL=1) without a CJK font: the Chinese
        // sample's PDF fails alone, with the fix in the message.
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert_missing_cjk_font_error(&stderr);
        assert!(names.len() >= samples().len() * 3 - 3, "{names:?}");
    }
    for name in &names {
        let bytes = std::fs::read(out.path().join(name)).expect("read output");
        let magic: &[u8] = if name.ends_with(".pdf") {
            b"%PDF-"
        } else {
            b"PK\x03\x04"
        };
        assert!(
            bytes.starts_with(magic),
            "{name} does not start with {magic:?}"
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let first = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    let sample = root().join("samples/13-translated-with-comments.md");
    // The second run flushes its outputs to the disk (`--sync`): the bytes
    // are the same.
    for (dir, sync) in [(&first, None), (&second, Some("--sync"))] {
        let mut args = vec![
            "convert",
            sample.to_str().unwrap(),
            "--out-dir",
            dir.path().to_str().unwrap(),
        ];
        args.extend(sync);
        let output = folio(&args, &root());
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    for name in files_in(first.path()) {
        let a = std::fs::read(first.path().join(&name)).expect("first");
        let b = std::fs::read(second.path().join(&name)).expect("second");
        assert!(a == b, "{name} differs between two runs");
    }
}

#[test]
fn one_bad_file_fails_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        root().join("samples/05-q-a-colon.md"),
        dir.path().join("good.md"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("bad.md"),
        "---\ntitle: [broken\n---\nQ: a?\n",
    )
    .expect("write");
    let output = folio(
        &["convert", "good.md", "bad.md", "--to", "docx,epub"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.md:"), "{stderr}");
    assert!(stderr.contains("1 failed"), "{stderr}");
    assert_eq!(
        files_in(dir.path()),
        ["bad.md", "good.docx", "good.epub", "good.md"]
    );
}

#[test]
fn failures_leave_no_partial_file_and_inputs_are_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read(root().join("samples/05-q-a-colon.md")).expect("sample");
    std::fs::write(dir.path().join("trick.pdf"), &text).expect("write");
    let output = folio(
        &[
            "convert",
            "trick.pdf",
            "--from",
            "markdown",
            "--to",
            "pdf",
            "-o",
            "trick.pdf",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("refusing to overwrite an input"));
    assert_eq!(
        std::fs::read(dir.path().join("trick.pdf")).expect("read"),
        text
    );
    // An existing good output survives a failed conversion untouched.
    std::fs::write(dir.path().join("broken.epub"), b"previous good book").expect("write");
    std::fs::write(dir.path().join("broken.md"), "no turns here, just prose.\n").expect("write");
    let output = folio(&["convert", "broken.md", "--to", "epub"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read(dir.path().join("broken.epub")).expect("read"),
        b"previous good book"
    );
    assert_eq!(
        files_in(dir.path()),
        ["broken.epub", "broken.md", "trick.pdf"]
    );
}

#[test]
fn standard_input_to_standard_output() {
    let sample = std::fs::read(root().join("samples/05-q-a-colon.md")).expect("sample");
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "convert", "-", "--from", "markdown", "--to", "epub", "-o", "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(&sample)
            .expect("write stdin");
    }
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success());
    assert!(output.stdout.starts_with(b"PK\x03\x04"));
}

#[test]
fn usage_errors_exit_with_two() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        vec!["convert", "x.md", "--to", "odt"],
        vec!["convert", "x.md", "-o", "out.odt"],
        vec!["convert", "a.md", "b.md", "-o", "out.pdf"],
        vec!["convert", "x.md", "--paper", "a5"],
        vec!["convert", "-", "--to", "pdf"],
    ] {
        let output = folio(&args, dir.path());
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn shards_are_disjoint_and_cover_every_input() {
    let mut seen: Vec<String> = Vec::new();
    for k in 1..=3 {
        let out = tempfile::tempdir().expect("temp dir");
        let shard = format!("{k}/3");
        let output = folio(
            &[
                "convert",
                "samples/[0-9]*.md",
                "--to",
                "epub",
                "--shard",
                &shard,
                "--out-dir",
                out.path().to_str().unwrap(),
            ],
            &root(),
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        seen.extend(files_in(out.path()));
    }
    let mut expected: Vec<String> = samples()
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter_map(|p| {
            p.file_stem()
                .and_then(|s| s.to_str())
                .map(|s| format!("{s}.epub"))
        })
        .collect();
    expected.sort();
    seen.sort();
    assert_eq!(seen, expected);
}

#[test]
fn metadata_overrides_reach_the_output() {
    let output = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "inspect",
            "--json",
            "-M",
            "title=A New Title",
            "-M",
            "author=Ann Lee, Bo Chen",
            "samples/05-q-a-colon.md",
        ])
        .current_dir(root())
        .output()
        .expect("folio runs");
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(value["meta"]["title"], "A New Title");
    assert_eq!(
        value["meta"]["authors"],
        serde_json::json!(["Ann Lee", "Bo Chen"])
    );
    let bad = folio(
        &["inspect", "-M", "colour=red", "samples/05-q-a-colon.md"],
        &root(),
    );
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let bash = folio(&["completions", "bash"], &root());
    assert!(bash.status.success());
    let script = String::from_utf8_lossy(&bash.stdout);
    assert!(
        script.contains("convert") && script.contains("--out-dir"),
        "{script}"
    );
    let man = folio(&["man"], &root());
    assert!(man.status.success());
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH folio"));
}

/// Starts a batch of every sample, waits until some outputs exist, then
/// stops it with `signal` (`KILL` or `TERM`) part of the way through.
fn interrupted_batch(signal: &str) -> (tempfile::TempDir, std::process::ExitStatus) {
    let out = tempfile::tempdir().expect("temp dir");
    let samples_dir = root().join("samples");
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "convert",
            samples_dir.to_str().unwrap(),
            "--quiet",
            "--jobs",
            "1",
            "--out-dir",
            out.path().to_str().unwrap(),
        ])
        .spawn()
        .expect("spawn");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while files_in(out.path())
        .iter()
        .filter(|n| !n.starts_with(".folio-"))
        .count()
        < 3
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let sent = Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = child.wait().expect("wait");
    (out, status)
}

fn assert_whole_outputs(dir: &Path) {
    let names = files_in(dir);
    let finished: Vec<&String> = names.iter().filter(|n| !n.starts_with(".folio-")).collect();
    assert!(
        !finished.is_empty(),
        "nothing was written before the signal"
    );
    for name in finished {
        let bytes = std::fs::read(dir.join(name)).expect("read");
        if name.ends_with(".pdf") {
            assert!(
                bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"),
                "{name} is truncated"
            );
        } else {
            let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes));
            assert!(archive.is_ok(), "{name} is not a whole zip");
        }
    }
}

#[test]
fn a_killed_batch_leaves_only_whole_files_under_final_names() {
    let (out, _) = interrupted_batch("KILL");
    assert_whole_outputs(out.path());
    // SIGKILL cannot be handled: at most a hidden temporary file remains.
    let names = files_in(out.path());
    assert!(
        names.iter().all(|n| n.ends_with(".pdf")
            || n.ends_with(".docx")
            || n.ends_with(".epub")
            || (n.starts_with(".folio-") && n.ends_with(".partial"))),
        "{names:?}"
    );
}

#[test]
fn an_interrupted_batch_cleans_up_its_temporary_files() {
    let (out, status) = interrupted_batch("TERM");
    assert_eq!(status.code(), Some(130));
    assert_whole_outputs(out.path());
    let leftovers: Vec<String> = files_in(out.path())
        .into_iter()
        .filter(|n| n.starts_with(".folio-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn dotted_names_keep_their_whole_stem() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["talk-1.28-notes.md", "talk-1.29-notes.md"] {
        std::fs::copy(
            root().join("samples/05-q-a-colon.md"),
            dir.path().join(name),
        )
        .expect("copy");
    }
    let output = folio(
        &[
            "convert",
            "talk-1.28-notes.md",
            "talk-1.29-notes.md",
            "--to",
            "docx",
        ],
        dir.path(),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        files_in(dir.path()),
        [
            "talk-1.28-notes.docx",
            "talk-1.28-notes.md",
            "talk-1.29-notes.docx",
            "talk-1.29-notes.md"
        ]
    );
}

/// Two inputs of one batch that would write one file are refused, both,
/// before anything is written; the others are converted; folders under
/// the one given keep their layout under `--out-dir`.
#[test]
fn inputs_that_would_write_one_file_are_refused_and_folders_keep_their_layout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    for sub in ["d1", "d2"] {
        std::fs::create_dir_all(input.join(sub)).expect("folders");
    }
    let sample = |name: &str| root().join("samples").join(name);
    std::fs::copy(sample("05-q-a-colon.md"), input.join("a.md")).expect("copy");
    std::fs::copy(
        sample("15-plain-transcript-q-dot-a-dot.txt"),
        input.join("a.txt"),
    )
    .expect("copy");
    std::fs::copy(sample("05-q-a-colon.md"), input.join("d1/x.md")).expect("copy");
    std::fs::copy(
        sample("01-bold-name-colon-inside.md"),
        input.join("d2/x.md"),
    )
    .expect("copy");
    let out = folio(
        &["convert", "in", "--out-dir", "out", "--to", "pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: in/a.md: would write")
            && stderr.contains("as in/a.txt would too; nothing was written for either"),
        "{stderr}"
    );
    assert!(
        stderr.contains("converted 2 of 4 inputs (2 files written), 2 failed"),
        "{stderr}"
    );
    assert_eq!(files_in(&dir.path().join("out")), ["d1", "d2"]);
    assert_eq!(files_in(&dir.path().join("out/d1")), ["x.pdf"]);
    assert_eq!(files_in(&dir.path().join("out/d2")), ["x.pdf"]);
    // Named one by one, beside their inputs: the same refusal.
    let out = folio(
        &["convert", "in/a.md", "in/a.txt", "--to", "epub"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(files_in(&input), ["a.md", "a.txt", "d1", "d2"]);
}

/// `-o` naming a device writes into it instead of renaming a file over
/// it. (Tested through a link to `/dev/null` in a temporary folder: a
/// regression replaces the link, not the machine's `/dev/null`.)
#[cfg(unix)]
#[test]
fn an_output_that_is_a_device_is_written_into() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let device = dir.path().join("device.pdf");
    std::os::unix::fs::symlink("/dev/null", &device).expect("link");
    let input = root().join("samples/05-q-a-colon.md");
    let out = folio(
        &["convert", input.to_str().expect("path"), "-o", "device.pdf"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let link = std::fs::symlink_metadata(&device).expect("link");
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let null = std::fs::metadata(&device).expect("/dev/null");
    assert!(null.file_type().is_char_device());
}

fn zip_names(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).expect("zip");
    let archive = zip::ZipArchive::new(file).expect("a zip");
    archive.file_names().map(str::to_string).collect()
}

/// Images are read from the interview's folder only: `../`, an absolute
/// path, `file://` and a link out are left out with a warning naming the
/// file, in every format, unless `--allow-outside`; a FIFO never blocks.
#[test]
fn images_outside_the_interview_folder_are_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("interview");
    std::fs::create_dir(&folder).expect("folder");
    let secret = dir.path().join("secret.jpg");
    std::fs::copy(root().join("samples/photo.jpg"), &secret).expect("copy");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, folder.join("link.jpg")).expect("link");
    let mut text = String::from("**Ann:** Why?\n\n**Bo:** Because.\n\n");
    for src in [
        "../secret.jpg".to_string(),
        secret.display().to_string(),
        format!("file://{}", secret.display()),
        "link.jpg".to_string(),
    ] {
        text.push_str(&format!("![A picture]({src})\n\n*Caption for {src}*\n\n"));
    }
    text.push_str("**Ann:** Thanks.\n");
    std::fs::write(folder.join("talk.md"), &text).expect("write");
    let out = folio(
        &["convert", "interview/talk.md", "--out-dir", "out"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("is outside the interview's folder") && stderr.contains("--allow-outside"),
        "{stderr}"
    );
    let has_media = |names: Vec<String>| {
        names
            .iter()
            .any(|n| n.contains("media/") || n.contains("figure-"))
    };
    assert!(!has_media(zip_names(&dir.path().join("out/talk.docx"))));
    assert!(!has_media(zip_names(&dir.path().join("out/talk.epub"))));
    let pdf = std::fs::read(dir.path().join("out/talk.pdf")).expect("pdf");
    // No JPEG passed through (the picture is a JPEG).
    assert!(!pdf.windows(10).any(|w| w == b"/DCTDecode"));
    // Allowed: all four are the same picture, embedded.
    let out = folio(
        &[
            "convert",
            "interview/talk.md",
            "--out-dir",
            "allowed",
            "--allow-outside",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(has_media(zip_names(&dir.path().join("allowed/talk.epub"))));
    assert!(has_media(zip_names(&dir.path().join("allowed/talk.docx"))));
}

/// A FIFO named as an image is refused at once instead of read for ever.
#[cfg(unix)]
#[test]
fn a_fifo_as_an_image_does_not_block() {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.png"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::fs::write(
        dir.path().join("t.md"),
        "**Ann:** Why?\n\n![A pipe](pipe.png)\n\n**Bo:** Because.\n\n**Ann:** Thanks.\n",
    )
    .expect("write");
    let out = folio(&["convert", "t.md"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("pipe.png is not a file"));
}

/// Settings that cannot be right are refused before anything is read,
/// each with its own message; what the reader cannot use is reported.
#[test]
fn odd_settings_are_refused_or_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = root().join("samples/05-q-a-colon.md");
    let sample = sample.to_str().expect("path");
    let refused = |args: &[&str], env: Option<&str>, message: &str| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_folio"));
        command.args(args).current_dir(dir.path());
        if let Some(value) = env {
            command.env("SOURCE_DATE_EPOCH", value);
        }
        let output = command.output().expect("folio runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    };
    refused(
        &["convert", sample, "-o", "a.pdf", "--to", "epub"],
        None,
        "-o a.pdf names a PDF file, but --to asks for EPUB",
    );
    refused(
        &[
            "book", sample, "-o", "b.pdf", "--to", "epub", "--title", "T",
        ],
        None,
        "-o b.pdf names a PDF file, but --to asks for EPUB",
    );
    refused(
        &["convert", sample, "-o", "a.pdf"],
        Some("abc"),
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got \"abc\"",
    );
    refused(
        &["convert", sample, "-o", "a.pdf", "--font", "/no/such.ttf"],
        None,
        "--font /no/such.ttf: no such font file",
    );
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
    // Thousands of jobs are capped, not started.
    let output = folio(
        &["convert", sample, "-o", "a.pdf", "--jobs", "100000"],
        dir.path(),
    );
    assert!(output.status.success());
    // A --role for nobody and a language that is not a tag are reported.
    let output = folio(
        &[
            "inspect",
            sample,
            "--role",
            "NOBODY=interviewer",
            "-M",
            "language=not a language",
        ],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(
            "--role names \"NOBODY\", but no speaker has that label; the speakers are Q, A"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("the language \"not a language\" is not a language tag"),
        "{stdout}"
    );
    assert!(stdout.contains("  language     en"), "{stdout}");
}

/// Quotes or lists nested thousands deep no longer overflow the stack
/// (which took the whole batch down): levels past the limit are read as
/// the level above, with a warning, and every word is kept.
#[test]
fn deep_nesting_is_read_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().expect("temp dir");
    let quotes = format!(
        "**Ann:** Why?\n\n**Bo:** Because.\n\n{}deepest words\n\n**Ann:** Ok.\n",
        "> ".repeat(10_000)
    );
    std::fs::write(dir.path().join("quotes.md"), quotes).expect("write");
    let mut lists = String::from("**Ann:** Why?\n\n**Bo:** Because.\n\n");
    for level in 0..3000 {
        lists.push_str(&format!("{}- item {level}\n", "  ".repeat(level)));
    }
    lists.push_str("\n**Ann:** Ok.\n");
    std::fs::write(dir.path().join("lists.md"), lists).expect("write");
    std::fs::copy(
        root().join("samples/05-q-a-colon.md"),
        dir.path().join("good.md"),
    )
    .expect("copy");
    let out = folio(
        &["convert", ".", "--to", "docx,epub", "--out-dir", "out"],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("nested more than 40 levels deep"),
        "{stderr}"
    );
    assert_eq!(
        files_in(&dir.path().join("out")),
        [
            "good.docx",
            "good.epub",
            "lists.docx",
            "lists.epub",
            "quotes.docx",
            "quotes.epub"
        ]
    );
    let json = folio(&["inspect", "--json", "quotes.md"], dir.path());
    assert!(String::from_utf8_lossy(&json.stdout).contains("deepest words"));
    let json = folio(&["inspect", "--json", "lists.md"], dir.path());
    assert!(String::from_utf8_lossy(&json.stdout).contains("item 2999"));
}

/// Warnings are capped per input, and an error's source line is cut to the
/// part around the error.
#[test]
fn warnings_are_capped_and_long_lines_are_cut() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("---\n");
    for key in 0..600 {
        text.push_str(&format!("unknown{key}: x\n"));
    }
    text.push_str("---\n\n**Ann:** Why?\n\n**Bo:** Because.\n\n**Ann:** Ok.\n");
    std::fs::write(dir.path().join("keys.md"), text).expect("write");
    let out = folio(&["convert", "keys.md", "--to", "epub"], dir.path());
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.lines().count() <= 101,
        "{} lines",
        stderr.lines().count()
    );
    assert!(
        stderr.contains("more warnings; `folio inspect keys.md` lists them all"),
        "{stderr}"
    );
    let long = format!(
        "+++\ntitle = \"{}\" junk\n+++\n\n**Ann:** Hi.\n",
        "x".repeat(10_000)
    );
    std::fs::write(dir.path().join("long.md"), long).expect("write");
    let out = folio(&["inspect", "long.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.lines().all(|l| l.chars().count() < 400), "{stderr}");
}

#[test]
fn a_folder_converted_twice_in_place_and_an_edited_docx_converted_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (sample, name) in [
        ("05-q-a-colon.md", "chess.md"),
        ("01-bold-name-colon-inside.md", "keeper.md"),
    ] {
        std::fs::copy(root().join("samples").join(sample), dir.path().join(name)).expect("copy");
    }
    // The second run finds chess.docx beside chess.md: it is chess.md's
    // output, not a second interview writing chess.epub.
    for _ in 0..2 {
        let output = folio(&["convert", ".", "--to", "docx,epub"], dir.path());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(stderr.contains("converted 2 of 2 inputs"), "{stderr}");
    }
    // The DOCX itself, named, converts to the other formats (by default
    // all but its own, which it would overwrite).
    std::fs::rename(
        dir.path().join("chess.docx"),
        dir.path().join("edited.docx"),
    )
    .expect("rename");
    let output = folio(&["convert", "edited.docx"], dir.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        files_in(dir.path()),
        [
            "chess.epub",
            "chess.md",
            "edited.docx",
            "edited.epub",
            "edited.pdf",
            "keeper.docx",
            "keeper.epub",
            "keeper.md"
        ]
    );
}
