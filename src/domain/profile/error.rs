//! The messages a profile author reads when a profile is rejected.

/// Why a profile was rejected. Every message names the offending key and value
/// because the person reading it is editing a TOML file, not Rust.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("invalid profile: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("could not write profile as TOML: {0}")]
    Write(#[from] toml::ser::Error),
    #[error("profile has no [[indicator]] entries")]
    NoIndicators,
    #[error("[[indicator]] entry {position}: `id` is empty")]
    EmptyId { position: usize },
    #[error("indicator `{id}` is listed more than once")]
    DuplicateIndicator { id: String },
    #[error("indicator `{id}`: weight = {weight} is negative; weights must be >= 0")]
    NegativeWeight { id: String, weight: f64 },
    #[error("indicator `{id}`: weight = {weight} is not a finite number")]
    NonFiniteWeight { id: String, weight: f64 },
    #[error("all indicator weights are 0; at least one must be positive")]
    AllWeightsZero,
    #[error(
        "indicator `{id}`: direction = \"neutral\" cannot carry weight = {weight}; \
         use \"risk\" or \"protective\", or set the weight to 0"
    )]
    NeutralWeighted { id: String, weight: f64 },
    #[error("`{key}` = {value} is out of range: expected {expected}")]
    OutOfRange {
        key: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error(transparent)]
    Disclosure(#[from] crate::domain::dataset::DeclarationError),
    #[error("profile names indicator(s) not in the data: {}", backticked(.ids))]
    UnknownIndicators { ids: Vec<String> },
}

fn backticked(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
