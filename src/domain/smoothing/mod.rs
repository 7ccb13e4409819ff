//! Empirical Bayes rate smoothing: a rate over few people is mostly noise
//! (CBS rounds counts to multiples of 5), so it is pulled towards a reference
//! rate in proportion to its uncertainty.
//!
//! - `eb`: the estimators themselves, on numerator and denominator counts:
//!   the global estimator of Marshall (1991) as GeoDa computes it, and the
//!   spatial (local) variant over a unit and its neighbours
//! - `apply`: which indicators can be smoothed (a registry rate with known
//!   counts, or a custom figure with an `n_<id>` count column) and the
//!   smoothed columns a profile asks for

mod apply;
mod eb;

pub use apply::{rate_pair, smooth_columns, RatePair, SmoothedColumn};
pub use eb::{global_eb, spatial_eb, EbPrior};

use serde::{Deserialize, Serialize};

/// `[smoothing] method`: none leaves every value as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmoothingMethod {
    #[default]
    None,
    /// Global Empirical Bayes over the reference set (Marshall 1991).
    Eb,
    /// Local Empirical Bayes over each unit and its neighbours.
    SpatialEb,
}

impl SmoothingMethod {
    pub fn id(self) -> &'static str {
        match self {
            SmoothingMethod::None => "none",
            SmoothingMethod::Eb => "eb",
            SmoothingMethod::SpatialEb => "spatial_eb",
        }
    }
}

/// The `[smoothing]` table of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmoothingSettings {
    #[serde(default)]
    pub method: SmoothingMethod,
}

impl SmoothingSettings {
    pub fn is_none(&self) -> bool {
        self.method == SmoothingMethod::None
    }
}
