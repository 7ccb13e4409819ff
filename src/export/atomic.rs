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

fn io_err(path: &Path, source: std::io::Error) -> ExportError {
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
