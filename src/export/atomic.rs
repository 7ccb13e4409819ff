//! Atomic writes: the bytes go to a temporary file in the target's own
//! directory (a rename across file systems would not be atomic) and are
//! renamed over the target only once complete, so a reader, or a crash,
//! never sees half an export.

use super::ExportError;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// A complete temporary file waiting to be renamed over its target.
/// Dropped without [`Staged::commit`], it is deleted.
pub struct Staged {
    tmp: NamedTempFile,
    path: PathBuf,
}

/// The error for the path the user gave. `tempfile` adds the temporary
/// file's name ("... at path .buurtradar-x.tmp"), which the user never chose:
/// keep only the cause.
fn io_err(path: &Path, source: std::io::Error) -> ExportError {
    let source = match source.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => {
            let text = source.to_string();
            let text = text
                .split(" at path ")
                .next()
                .unwrap_or_default()
                .to_string();
            std::io::Error::new(source.kind(), text)
        }
    };
    ExportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Staged {
    /// Write `fill`'s output to a temporary file next to `path`.
    pub fn new(
        path: &Path,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<Staged, ExportError> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(ExportError::NoFolder {
                path: path.to_path_buf(),
                folder: dir.to_path_buf(),
                exists: dir.exists(),
            });
        }
        let mut tmp = temp_in(dir).map_err(|e| io_err(path, e))?;
        {
            let mut w = std::io::BufWriter::new(tmp.as_file_mut());
            fill(&mut w).map_err(|e| io_err(path, e))?;
            w.flush().map_err(|e| io_err(path, e))?;
        }
        // Rename is atomic for the name, not for the data: without a sync a
        // crash could leave the new name pointing at an empty file.
        tmp.as_file().sync_all().map_err(|e| io_err(path, e))?;
        Ok(Staged {
            tmp,
            path: path.to_path_buf(),
        })
    }

    pub fn commit(self) -> Result<(), ExportError> {
        let path = self.path;
        self.tmp
            .persist(&path)
            .map(|_| ())
            .map_err(|e| io_err(&path, e.error))
    }
}

/// A hidden temporary file. Created 0600 by default, the export would keep
/// those rights after the rename; ask for 0666 and let the umask decide, as
/// for any new file.
fn temp_in(dir: &Path) -> std::io::Result<NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".buurtradar-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    b.tempfile_in(dir)
}

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    Staged::new(path, |w| w.write_all(bytes))?.commit()
}

/// Write several files, each atomically, and only once all are complete.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<(), ExportError> {
    let staged = files
        .iter()
        .map(|(p, b)| Staged::new(p, |w| w.write_all(b)))
        .collect::<Result<Vec<_>, _>>()?;
    staged.into_iter().try_for_each(Staged::commit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::error_text;

    #[test]
    fn a_missing_folder_is_named_plainly_and_nothing_temporary_shows() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("x").join("y");
        let target = missing.join("out.csv");
        let e = write_atomic(&target, b"a").unwrap_err();
        let text = error_text(&e);
        assert_eq!(
            text,
            format!(
                "{}: folder {} does not exist",
                target.display(),
                missing.display()
            )
        );
    }

    #[test]
    fn a_failed_write_says_its_cause_once_without_the_temporary_name() {
        let dir = tempfile::tempdir().unwrap();
        // The target is an existing folder: the rename over it fails.
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("f"), b"x").unwrap();
        let text = error_text(&write_atomic(&target, b"a").unwrap_err());
        assert!(!text.contains(".buurtradar-"), "{text}");
        assert!(
            text.starts_with(&format!("{}: ", target.display())),
            "{text}"
        );
        let cause = text.rsplit(": ").next().unwrap();
        assert_eq!(text.matches(cause).count(), 1, "{text}");
        // and no temporary file is left behind
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }
}
