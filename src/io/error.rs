//! Errors that stop a load. Everything recoverable is a warning in the
//! report instead; these name the file and, where there is one, the line or
//! feature and the offending value.
//!
//! Display is the English text, as logs and scripts have always read it;
//! [`LoadError::text`] says it in either language. A message made at the
//! place of the error is a [`Said`]; a library's own message (serde_json,
//! csv, SQLite, Parquet, the operating system) is quoted as it is.

use crate::i18n::bilingual::io_reason;
use crate::i18n::{Lang, Said};
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
    Crs { file: String, message: Said },
    #[error("{file}: line {line}: {message}")]
    Csv {
        file: String,
        line: u64,
        message: Said,
    },
    #[error("{file}: no region code column (looked for {looked_for}; columns are: {found})")]
    NoCodeColumn {
        file: String,
        looked_for: Said,
        found: String,
    },
    #[error("{file}: {message}")]
    Format { file: String, message: Said },
    #[error("{file}: cannot read Parquet: {message}")]
    Parquet { file: String, message: String },
    #[error("no input matched: {message}")]
    NothingMatched { message: Said },
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

    /// The error in `lang`; in English the same as its Display. Names,
    /// codes, values from the file and libraries' messages stay as they are.
    pub fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            LoadError::Read { path, source } => format!(
                "{}: kan bestand niet lezen: {}",
                path.display(),
                io_reason(source, Lang::Nl)
            ),
            LoadError::Empty { file } => format!("{file}: bestand is leeg"),
            LoadError::Json {
                file,
                line,
                column,
                message,
            } => format!("{file}: ongeldige JSON op regel {line}, kolom {column}: {message}"),
            LoadError::NotFeatureCollection { file, found } => format!(
                "{file}: geen GeoJSON FeatureCollection (het type op het hoogste niveau is {found})"
            ),
            LoadError::NoCode {
                file,
                feature,
                looked_for,
                found,
            } => format!(
                "{file}: object {feature}: geen buurtcode gevonden (gezocht naar {looked_for}; aanwezige eigenschappen: {found})"
            ),
            LoadError::Crs { file, message } | LoadError::Format { file, message } => {
                format!("{file}: {}", message.nl)
            }
            LoadError::Csv {
                file,
                line,
                message,
            } => format!("{file}: regel {line}: {}", message.nl),
            LoadError::NoCodeColumn {
                file,
                looked_for,
                found,
            } => format!(
                "{file}: geen kolom met regiocodes (gezocht naar {}; aanwezige kolommen: {found})",
                looked_for.nl
            ),
            LoadError::Parquet { file, message } => {
                format!("{file}: kan Parquet niet lezen: {message}")
            }
            LoadError::NothingMatched { message } => {
                format!("invoer sluit niet aan: {}", message.nl)
            }
        }
    }
}

/// The operating system's reason as a [`Said`]: in Dutch for the usual
/// cases with its own text after it, in English its own text.
pub fn io_said(e: &std::io::Error) -> Said {
    Said::new(io_reason(e, Lang::Nl), io_reason(e, Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_display_and_dutch_names_the_same_place() {
        let e = LoadError::NoCode {
            file: "b.geojson".into(),
            feature: 7,
            looked_for: "buurtcode, statcode".into(),
            found: "naam".into(),
        };
        assert_eq!(e.text(Lang::En), e.to_string());
        assert_eq!(
            e.text(Lang::Nl),
            "b.geojson: object 7: geen buurtcode gevonden (gezocht naar buurtcode, statcode; aanwezige eigenschappen: naam)"
        );
        let e = LoadError::Csv {
            file: "k.csv".into(),
            line: 3,
            message: Said::new("kapot", "broken"),
        };
        assert_eq!(e.to_string(), "k.csv: line 3: broken");
        assert_eq!(e.text(Lang::Nl), "k.csv: regel 3: kapot");
    }

    #[test]
    fn a_missing_file_is_said_in_dutch_with_the_system_text() {
        let e = LoadError::Read {
            path: "x/y.csv".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "No such file"),
        };
        assert_eq!(e.to_string(), "x/y.csv: cannot read file: No such file");
        assert_eq!(
            e.text(Lang::Nl),
            "x/y.csv: kan bestand niet lezen: bestand of map bestaat niet (No such file)"
        );
    }
}
