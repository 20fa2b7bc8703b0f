//! Writing outputs safely: into a temporary file in the target folder, then
//! renamed into place, so a failure or an interrupt never leaves a truncated
//! file and never replaces a good file with a bad one.
//!
//! The file is flushed to the disk before the rename only with `--sync`,
//! which makes it survive a power cut as well. Outputs are made from
//! inputs Folio never changes, so without it a power cut costs at most a
//! rerun, while on a busy disk the flush can take longer than the whole
//! conversion. Compilers and typesetters (typst, pandoc) do not flush
//! their outputs either.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use anyhow::{Context, Result, bail};

/// Temporary files being written right now, so an interrupt can remove them.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On Ctrl-C or SIGTERM: remove unfinished temporary files and exit with
/// 130, the shell's code for an interrupt. Finished outputs are untouched.
/// Installed with the first temporary file, not at start-up: the handler
/// runs on a thread of its own, which runs that write nothing do not need
/// and which would compete for a core while the input is read.
fn clean_up_on_interrupt() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if let Ok(paths) = IN_FLIGHT.lock() {
                for path in paths.iter() {
                    let _ = std::fs::remove_file(path);
                }
            }
            std::process::exit(130);
        });
    });
}

/// Keeps a temporary file's path registered while it is being written.
struct InFlight(PathBuf);

impl InFlight {
    fn new(path: &Path) -> Self {
        if let Ok(mut paths) = IN_FLIGHT.lock() {
            paths.push(path.to_path_buf());
        }
        InFlight(path.to_path_buf())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut paths) = IN_FLIGHT.lock() {
            paths.retain(|p| p != &self.0);
        }
    }
}

/// Writes `bytes` to `target` atomically, flushed to the disk first when
/// `sync` is set. `inputs` are never overwritten.
pub fn write_atomically(target: &Path, bytes: &[u8], inputs: &[PathBuf], sync: bool) -> Result<()> {
    if is_one_of(target, inputs) {
        bail!(
            "{}: refusing to overwrite an input file; choose another output with -o or --out-dir",
            target.display()
        );
    }
    match std::fs::metadata(target) {
        Ok(existing) if existing.is_dir() => bail!(
            "{}: is a folder; name a file, or use --out-dir for a folder",
            target.display()
        ),
        // A device or a pipe (`-o /dev/stdout`, a FIFO) is written into,
        // as `-o -` is: renaming a file over it would replace the device.
        Ok(existing) if !existing.is_file() => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(target)
                .with_context(|| format!("{}: cannot open for writing", target.display()))?;
            return file
                .write_all(bytes)
                .and_then(|()| file.flush())
                .with_context(|| format!("{}: cannot write", target.display()));
        }
        _ => {}
    }
    // A link to a file: the file is replaced and the link kept, as other
    // tools that write through a link do.
    let resolved;
    let target = match std::fs::symlink_metadata(target) {
        Ok(link) if link.file_type().is_symlink() => {
            resolved = target
                .canonicalize()
                .with_context(|| format!("{}: cannot follow the link", target.display()))?;
            resolved.as_path()
        }
        _ => target,
    };
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("{}: cannot create the output folder", dir.display()))?;
    clean_up_on_interrupt();
    let mut temp = tempfile::Builder::new()
        .prefix(".folio-")
        .suffix(".partial")
        .tempfile_in(&dir)
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()))?;
    let _registered = InFlight::new(temp.path());
    temp.write_all(bytes)
        .and_then(|()| {
            if sync {
                temp.as_file().sync_all()
            } else {
                Ok(())
            }
        })
        .with_context(|| format!("{}: cannot write", target.display()))?;
    set_final_permissions(temp.path(), target)
        .with_context(|| format!("{}: cannot set permissions", target.display()))?;
    temp.persist(target)
        .map_err(|err| err.error)
        .with_context(|| {
            format!(
                "{}: cannot move the finished file into place",
                target.display()
            )
        })?;
    Ok(())
}

/// Writes an output to standard output (`-o -`). A reader that stops
/// early (`| head`) ends the write quietly, as for any filter. (A standard
/// output closed by the shell, `>&-`, cannot be told from `/dev/null`: the
/// Rust runtime opens `/dev/null` in its place before `main`.)
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// Temporary files are private; the finished file gets the usual
/// permissions, or keeps those of the file it replaces.
#[cfg(unix)]
fn set_final_permissions(temp: &Path, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = match std::fs::metadata(target) {
        Ok(existing) => existing.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    std::fs::set_permissions(temp, permissions)
}

#[cfg(not(unix))]
fn set_final_permissions(_temp: &Path, _target: &Path) -> std::io::Result<()> {
    Ok(())
}

fn is_one_of(target: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(target) = target.canonicalize() else {
        return false;
    };
    inputs
        .iter()
        .filter_map(|input| input.canonicalize().ok())
        .any(|input| input == target)
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;

    use super::*;

    #[test]
    fn writes_and_replaces_whole_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("out.txt");
        write_atomically(&target, b"first", &[], false).expect("first write");
        write_atomically(&target, b"second", &[], true).expect("second write, flushed");
        assert_eq!(std::fs::read(&target).expect("read"), b"second");
        let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn writes_into_devices_and_through_links() {
        let dir = tempfile::tempdir().expect("temp dir");
        // A device is written into, never renamed over (through a link
        // in the temporary folder, so that a regression harms only it).
        let device = dir.path().join("device.pdf");
        std::os::unix::fs::symlink("/dev/null", &device).expect("link");
        write_atomically(&device, b"gone", &[], false).expect("into /dev/null");
        assert!(
            std::fs::metadata(&device)
                .expect("device")
                .file_type()
                .is_char_device()
        );
        // A link keeps pointing at the file, which gets the new bytes.
        let real = dir.path().join("real.pdf");
        std::fs::write(&real, b"old").expect("write");
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink(&real, &link).expect("link");
        write_atomically(&link, b"new", &[], false).expect("through the link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
        // A folder is refused.
        let err = write_atomically(dir.path(), b"x", &[], false).expect_err("a folder");
        assert!(err.to_string().contains("is a folder"), "{err}");
    }

    #[test]
    fn never_overwrites_an_input() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("in.md");
        std::fs::write(&input, "original").expect("write input");
        let err = write_atomically(&input, b"bad", std::slice::from_ref(&input), true);
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&input).expect("read"), "original");
    }
}
