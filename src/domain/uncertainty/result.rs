//! What the Monte Carlo reports, per unit and per indicator.

use serde::Serialize;
use std::fmt;

/// p_top_k at or above which a unit is robustly on the shortlist.
pub const ROBUST_IN: f64 = 0.9;
/// p_top_k below which a unit is considered out.
pub const OUT_BELOW: f64 = 0.1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StabilityLabel {
    RobustIn,
    Borderline,
    Out,
}

impl StabilityLabel {
    pub fn from_probability(p: f64) -> StabilityLabel {
        if p >= ROBUST_IN {
            StabilityLabel::RobustIn
        } else if p >= OUT_BELOW {
            StabilityLabel::Borderline
        } else {
            StabilityLabel::Out
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StabilityLabel::RobustIn => "robust-in",
            StabilityLabel::Borderline => "borderline",
            StabilityLabel::Out => "out",
        }
    }
}

impl fmt::Display for StabilityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Rank statistics over the draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RankSpread {
    pub median: u32,
    pub p05: u32,
    pub p95: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitStability {
    /// Rank among all ranked units.
    pub rank: RankSpread,
    /// Only for eligible units.
    pub eligible: Option<EligibleStability>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EligibleStability {
    /// Rank among eligible units.
    pub rank: RankSpread,
    pub p_top_k: f64,
    pub label: StabilityLabel,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorSensitivity {
    pub id: String,
    /// Share of draws where w_i * 1.5 changes the top-k set.
    pub share_changed: f64,
    /// Whether w_i * 1.5 changes the top-k set at the base weights.
    pub changes_at_base: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stability {
    pub draws: usize,
    pub seed: u64,
    pub concentration: f64,
    pub vary_normalisation: bool,
    pub top_k: usize,
    /// One per input unit; `None` for units the base ranking did not rank.
    pub units: Vec<Option<UnitStability>>,
    /// Aligned with the ranking's indicators.
    pub sensitivity: Vec<IndicatorSensitivity>,
    /// Share of draws whose top-k set equals the base shortlist.
    pub same_shortlist_share: f64,
}
