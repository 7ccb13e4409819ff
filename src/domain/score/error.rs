//! Why a ranking could not be made. Messages name the indicator or setting
//! because the reader is editing a profile.

use crate::domain::profile::ProfileError;

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(
        "indicator `{id}` has no direction: set direction = \"risk\" or \"protective\" \
         for it in the profile"
    )]
    NoDirection { id: String },
    #[error(
        "indicator `{id}` is neutral (context only) and cannot carry weight = {weight}; \
         give it direction = \"risk\" or \"protective\" in the profile"
    )]
    NeutralWeighted { id: String, weight: f64 },
    #[error("indicator column `{id}` has {got} values for {expected} units")]
    ColumnLength {
        id: String,
        got: usize,
        expected: usize,
    },
    #[error("indicator column `{id}` appears more than once in the input")]
    DuplicateColumn { id: String },
    #[error("none of the profile's weighted indicators has data: {}", .absent.join(", "))]
    NoIndicatorPresent { absent: Vec<String> },
    #[error("no units to rank")]
    NoUnits,
    #[error("the gemeente selection {gemeenten:?} leaves no units to normalise against")]
    EmptyScope { gemeenten: Vec<String> },
    #[error("expected {expected} weights (one per indicator present), got {got}")]
    WeightCount { expected: usize, got: usize },
    #[error("weight for `{id}` = {weight} must be a finite number >= 0")]
    InvalidWeight { id: String, weight: f64 },
    #[error("all indicators present have weight 0")]
    AllWeightsZero,
    #[error("`{key}` = {value}: expected {expected}")]
    InvalidSetting {
        key: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("the ranking was not produced from this prepared data")]
    RankingMismatch,
    #[error(
        "profile indicator `{id}` is neither a known CBS indicator nor a column of the data{hint}"
    )]
    UnknownIndicator { id: String, hint: String },
    #[error(
        "none of the profile's weighted indicators is in the data ({}). {held}",
        .absent.join(", ")
    )]
    ProfileIndicatorsAbsent { absent: Vec<String>, held: String },
}
