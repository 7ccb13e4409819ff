//! `fetch.toml`: where each fetched file came from (the URLs read, when,
//! and the SHA-256 of the file written), and what `--data DIR` loads.

use crate::i18n::{Msg, Said};
use crate::io::LoadError;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const MANIFEST: &str = "fetch.toml";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// `GM0855`
    pub gemeente: String,
    pub gemeente_name: String,
    pub year: u16,
    pub tool: String,
    pub indicators: Entry,
    pub boundaries: Entry,
    pub schools: Entry,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The file's name inside the folder.
    pub file: String,
    /// What it is, in words (the CBS table title, the PDOK collection).
    pub source: String,
    /// Every URL read for it, in order (all pages).
    pub urls: Vec<String>,
    pub fetched_utc: String,
    /// Of the file as written.
    pub sha256: String,
    /// Rows, features or schools in the file.
    pub records: usize,
    /// Of the download before it was cut to the gemeente, where it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloaded_sha256: Option<String>,
}

impl Manifest {
    pub fn entries(&self) -> [(&'static str, &Entry); 3] {
        [
            ("indicators", &self.indicators),
            ("boundaries", &self.boundaries),
            ("schools", &self.schools),
        ]
    }
}

/// The manifest of a folder `fetch` wrote. Load errors are said in both
/// languages, like every other reader's.
pub fn read_manifest(dir: &Path) -> Result<Manifest, LoadError> {
    let path = dir.join(MANIFEST);
    let file = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| LoadError::Format {
        file: file.clone(),
        message: Said::msg(Msg::DataNoManifest, &[&e, &dir.display()]),
    })?;
    toml::from_str(&text).map_err(|e| LoadError::Format {
        file: file.clone(),
        message: Said::msg(Msg::DataBadManifest, &[&e.to_string().trim()]),
    })
}
