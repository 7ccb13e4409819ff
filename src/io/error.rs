//! Errors that stop a load. Everything recoverable is a warning in the
//! report instead; these name the file and, where there is one, the line or
//! feature and the offending value.

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: cannot read file: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: file is empty")]
    Empty { file: String },
    #[error("{file}: invalid JSON at line {line}, column {column}: {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: not a GeoJSON FeatureCollection (top-level type is {found})")]
    NotFeatureCollection { file: String, found: String },
    #[error("{file}: feature {feature}: no buurt code property (looked for {looked_for}; properties are: {found})")]
    NoCode {
        file: String,
        feature: usize,
        looked_for: String,
        found: String,
    },
    #[error("{file}: {message}")]
    Crs { file: String, message: String },
    #[error("{file}: line {line}: {message}")]
    Csv {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}: no region code column (looked for {looked_for}; columns are: {found})")]
    NoCodeColumn {
        file: String,
        looked_for: String,
        found: String,
    },
    #[error("{file}: {message}")]
    Format { file: String, message: String },
    #[error("{file}: cannot read Parquet: {message}")]
    Parquet { file: String, message: String },
    #[error("no input matched: {message}")]
    NothingMatched { message: String },
}

impl LoadError {
    pub fn json(file: &str, e: &serde_json::Error) -> Self {
        LoadError::Json {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}
