//! What can go wrong in effect measurement, naming the file, line and value.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum EffectError {
    #[error("{file}, line {line}: {message} ({value:?})")]
    CodeMap {
        file: String,
        line: usize,
        message: &'static str,
        value: String,
    },
    #[error("{file}: no line old;new;share found")]
    EmptyCodeMap { file: String },
    #[error("pilot {code} is not a comparable unit in both years ({reason})")]
    PilotNotComparable { code: String, reason: String },
    #[error("control {code} is not a comparable unit in both years ({reason})")]
    ControlNotComparable { code: String, reason: String },
    #[error("{code} is both a pilot and a control")]
    PilotIsControl { code: String },
    #[error("no pilot given")]
    NoPilots,
    #[error("no comparison units left for {code}: every candidate is a pilot, a neighbour of one, or lacks figures")]
    NoCandidates { code: String },
    #[error("{code} has no degree of urbanisation (mate van stedelijkheid) to match on exactly; load a file with it or leave out --same-urbanity")]
    NoUrbanity { code: String },
    #[error("none of the profile's indicators has figures in both years")]
    NoIndicators,
    #[error("{file}: not a baseline snapshot ({message})")]
    Snapshot { file: String, message: String },
    #[error("{file}: snapshot version {found}, this build reads {expected}")]
    SnapshotVersion {
        file: String,
        found: u32,
        expected: u32,
    },
    #[error("{code} is not in the baseline snapshot {file}")]
    NotInSnapshot { code: String, file: String },
}
