//! An input file's bytes with the name we quote in messages. The embedded
//! sample goes through the very same readers as a user's files.

use super::error::LoadError;
use std::borrow::Cow;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it, or `sample:<file>` for embedded data.
    pub name: String,
    pub bytes: Cow<'static, [u8]>,
}

impl Source {
    pub fn read(path: &Path) -> Result<Source, LoadError> {
        let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Source {
            name: path.display().to_string(),
            bytes: Cow::Owned(bytes),
        })
    }

    pub fn embedded(name: &str, bytes: &'static [u8]) -> Source {
        Source {
            name: format!("sample:{name}"),
            bytes: Cow::Borrowed(bytes),
        }
    }

    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Source {
        Source {
            name: name.to_string(),
            bytes: Cow::Owned(bytes),
        }
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
