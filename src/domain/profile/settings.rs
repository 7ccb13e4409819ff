//! The profile's tables besides the indicators: normalisation,
//! aggregation, missing data, eligibility and the Monte Carlo, each with the
//! defaults a minimal profile gets.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NormalisationMethod {
    /// (x - mean) / population standard deviation of the reference set.
    #[default]
    #[serde(alias = "zscore", alias = "z-score", alias = "z")]
    ZScore,
    /// (x - min) / (max - min) of the reference set.
    #[serde(alias = "minmax", alias = "min-max")]
    MinMax,
    /// Mid-distribution percentile: (#below + #equal / 2) / n, in (0, 1).
    #[serde(alias = "percentile_rank", alias = "rank")]
    Percentile,
}

impl NormalisationMethod {
    pub const ALL: [NormalisationMethod; 3] = [
        NormalisationMethod::ZScore,
        NormalisationMethod::MinMax,
        NormalisationMethod::Percentile,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NormalisationMethod::ZScore => "z_score",
            NormalisationMethod::MinMax => "min_max",
            NormalisationMethod::Percentile => "percentile",
        }
    }
}

/// Which units define mean/spread/percentiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// Units in the selected gemeenten, without water and uninhabited units
    /// (when those are excluded): "high" then means high for this region.
    #[default]
    Scope,
    /// Every loaded unit: "high" means high for the whole file (e.g. national).
    All,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormalisationSettings {
    #[serde(default)]
    pub method: NormalisationMethod,
    /// Clip at the `winsorize` and `1 - winsorize` quantiles of the reference
    /// set before normalising; 0 = off. Must be in [0, 0.5).
    #[serde(default)]
    pub winsorize: f64,
    #[serde(default)]
    pub reference: Reference,
}

impl Default for NormalisationSettings {
    fn default() -> Self {
        NormalisationSettings {
            method: NormalisationMethod::ZScore,
            winsorize: 0.0,
            reference: Reference::Scope,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Weighted arithmetic mean: a high value on one indicator can make up
    /// for a low value on another.
    #[default]
    #[serde(alias = "arithmetic_mean")]
    Arithmetic,
    /// Weighted geometric mean: a unit must score on all indicators at once.
    #[serde(alias = "geometric_mean")]
    Geometric,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AggregationSettings {
    #[serde(default)]
    pub method: Aggregation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingData {
    /// A unit is ranked only if the indicators it has carry at least this
    /// share of the total weight; weights are then renormalised over them.
    #[serde(default = "default_min_coverage")]
    pub min_coverage: f64,
}

impl Default for MissingData {
    fn default() -> Self {
        MissingData {
            min_coverage: default_min_coverage(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityRules {
    /// Gemeente names ("Tilburg") or codes ("GM0855", "0855"); empty = all.
    #[serde(default)]
    pub gemeenten: Vec<String>,
    #[serde(default = "default_min_schools")]
    pub min_primary_schools: u32,
    #[serde(default)]
    pub min_inhabitants: f64,
    #[serde(default)]
    pub min_children_0_15: f64,
    #[serde(default = "yes")]
    pub exclude_water: bool,
    #[serde(default = "yes")]
    pub exclude_zero_population: bool,
}

impl Default for EligibilityRules {
    fn default() -> Self {
        EligibilityRules {
            gemeenten: Vec::new(),
            min_primary_schools: default_min_schools(),
            min_inhabitants: 0.0,
            min_children_0_15: 0.0,
            exclude_water: true,
            exclude_zero_population: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonteCarlo {
    #[serde(default = "default_draws")]
    pub draws: usize,
    /// Same seed, same inputs: identical stability figures.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Dirichlet concentration: alpha_i = concentration * w_i / sum(w).
    /// Higher = draws stay closer to the profile weights.
    #[serde(default = "default_concentration")]
    pub concentration: f64,
    /// Also pick z-score, min-max or percentile at random per draw.
    #[serde(default)]
    pub vary_normalisation: bool,
}

impl Default for MonteCarlo {
    fn default() -> Self {
        MonteCarlo {
            draws: default_draws(),
            seed: default_seed(),
            concentration: default_concentration(),
            vary_normalisation: false,
        }
    }
}

fn default_min_coverage() -> f64 {
    0.7
}
fn default_min_schools() -> u32 {
    3
}
fn yes() -> bool {
    true
}
fn default_draws() -> usize {
    1000
}
fn default_seed() -> u64 {
    20_240_501
}
fn default_concentration() -> f64 {
    50.0
}
