//! An input file's bytes with the name we quote in messages. The embedded
//! sample goes through the very same readers as a user's files.

use super::error::LoadError;
use std::borrow::Cow;
use std::fs::File;
use std::io::{ErrorKind, Read, Seek, SeekFrom};
use std::path::Path;

/// Files this large are read in two halves at once: most of reading a
/// national boundary file from the page cache is the kernel copying and
/// mapping pages, which two threads do in about half the time.
const READ_IN_HALVES_FROM: u64 = 8 << 20;

fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut first = File::open(path)?;
    let len = first.metadata()?.len();
    let Ok(size) = usize::try_from(len) else {
        return std::fs::read(path);
    };
    if len < READ_IN_HALVES_FROM {
        return std::fs::read(path);
    }
    let mut bytes = vec![0u8; size];
    let (head, tail) = bytes.split_at_mut(size / 2);
    let mut second = File::open(path)?;
    second.seek(SeekFrom::Start(head.len() as u64))?;
    let (a, b) = rayon::join(|| first.read_exact(head), || second.read_exact(tail));
    match a.and(b) {
        Ok(()) => {}
        // Shorter than its size said: changed while being read.
        Err(e) if e.kind() == ErrorKind::UnexpectedEof => return std::fs::read(path),
        Err(e) => return Err(e),
    }
    // Grown since: the rest too, as a plain read would.
    second.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it, or `sample:<file>` for embedded data.
    pub name: String,
    pub bytes: Cow<'static, [u8]>,
    /// The bytes were given up by [`Source::release`]: what still wants
    /// them (a hash for the provenance) must fail rather than read nothing.
    released: bool,
    /// Where `fetch` downloaded the file from, when it did.
    pub origin: Option<Origin>,
}

/// A fetched file's origin as `fetch.toml` records it, for the provenance.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Origin {
    /// What it is: the CBS table, the PDOK collection, the DUO list.
    pub source: String,
    /// Every address read for it, in order.
    pub urls: Vec<String>,
    pub fetched_utc: String,
}

impl Source {
    pub fn read(path: &Path) -> Result<Source, LoadError> {
        let bytes = read_bytes(path).map_err(|source| LoadError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Source {
            name: path.display().to_string(),
            bytes: Cow::Owned(bytes),
            released: false,
            origin: None,
        })
    }

    pub fn embedded(name: &str, bytes: &'static [u8]) -> Source {
        Source {
            name: format!("sample:{name}"),
            bytes: Cow::Borrowed(bytes),
            released: false,
            origin: None,
        }
    }

    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Source {
        Source {
            name: name.to_string(),
            bytes: Cow::Owned(bytes),
            released: false,
            origin: None,
        }
    }

    /// Gives up the bytes for a caller that knows nothing reads them again;
    /// the name stays for messages.
    pub fn release(&mut self) -> Cow<'static, [u8]> {
        self.released = true;
        std::mem::take(&mut self.bytes)
    }

    pub fn is_released(&self) -> bool {
        self.released
    }

    pub fn extension(&self) -> String {
        Path::new(&self.name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    }

    /// True when the content (not the name) says JSON.
    pub fn looks_like_json(&self) -> bool {
        let b: &[u8] = &self.bytes;
        let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b);
        b.iter()
            .find(|c| !c.is_ascii_whitespace())
            .is_some_and(|c| *c == b'{')
    }

    pub fn looks_like_parquet(&self) -> bool {
        self.bytes.starts_with(b"PAR1")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A file large enough to be read in halves, with an odd length and no
    /// two equal blocks, so a half in the wrong place or a byte lost shows.
    #[test]
    fn a_file_read_in_halves_is_the_file() {
        let len = READ_IN_HALVES_FROM as usize + 12_345;
        let bytes: Vec<u8> = (0..len as u64)
            .map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as u8)
            .collect();
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(&bytes).unwrap();
        f.flush().unwrap();
        let read = Source::read(f.path()).unwrap();
        assert!(read.bytes.as_ref() == bytes.as_slice());
        // A small file the plain way.
        let mut small = tempfile::NamedTempFile::new().unwrap();
        small.write_all(&bytes[..1000]).unwrap();
        small.flush().unwrap();
        assert!(Source::read(small.path()).unwrap().bytes.as_ref() == &bytes[..1000]);
        // A missing file names its path.
        let gone = f.path().with_extension("gone");
        let e = Source::read(&gone).unwrap_err().to_string();
        assert!(e.contains(&gone.display().to_string()), "{e}");
    }
}
