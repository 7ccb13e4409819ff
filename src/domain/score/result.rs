//! What a ranking reports: per unit its score, ranks, coverage and
//! eligibility; per indicator its contribution.

use crate::domain::profile::{Aggregation, NormalisationMethod};
use crate::domain::select::IneligibleReason;
use serde::Serialize;
use std::fmt;

/// Why a profile indicator does not take part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsentReason {
    /// No column with this id in the input.
    NotInInput,
    /// The column exists but no unit of the reference set has a value.
    NoValuesInReference,
}

/// A profile indicator left out; its weight is spread over the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AbsentIndicator {
    pub id: String,
    pub reason: AbsentReason,
}

/// Why a unit got no score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotRanked {
    /// Share of the total weight carried by the indicators the unit has.
    pub coverage: f64,
    pub min_coverage: f64,
    /// Indicators (with weight > 0) missing for this unit.
    pub missing: Vec<String>,
}

impl fmt::Display for NotRanked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not ranked: indicators present carry {:.0}% of the weight (need {:.0}%); missing: {}",
            self.coverage * 100.0,
            self.min_coverage * 100.0,
            self.missing.join(", ")
        )
    }
}

/// The result for one unit (same index as the input units).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitResult {
    /// Arithmetic: weighted mean of normalised values. Geometric: weighted
    /// geometric mean, in [0.01, 1]. `None` when not ranked.
    pub score: Option<f64>,
    /// 1 = most need, among all ranked units.
    pub rank: Option<usize>,
    /// 1 = most need, among eligible ranked units.
    pub eligible_rank: Option<usize>,
    /// Share of the weight of present indicators that this unit has values for.
    pub coverage: f64,
    pub eligible: bool,
    /// Empty when eligible.
    pub reasons: Vec<IneligibleReason>,
    pub not_ranked: Option<NotRanked>,
}

/// A complete ranking under one weight vector.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// Indicators that took part, in profile order; the columns of
    /// [`Ranking::contributions`].
    pub indicators: Vec<String>,
    /// The weights used, aligned with `indicators`, as given (not normalised).
    pub weights: Vec<f64>,
    pub absent: Vec<AbsentIndicator>,
    /// Gemeente filter entries that matched no unit.
    pub unmatched_gemeenten: Vec<String>,
    pub method: NormalisationMethod,
    pub aggregation: Aggregation,
    pub min_coverage: f64,
    pub top_k: usize,
    /// One per input unit, in input order.
    pub units: Vec<UnitResult>,
    /// Indices of ranked units, rank 1 first.
    pub order: Vec<usize>,
    /// Indices of the top-k eligible units, best first.
    pub shortlist: Vec<usize>,
    /// Row-major units x indicators.
    #[serde(skip)]
    pub(super) contributions: Vec<f64>,
}

impl Ranking {
    /// Per-indicator contributions of a unit, aligned with `indicators`
    /// (0 where the value is missing or the unit is not ranked). Arithmetic:
    /// they sum to the score. Geometric: they sum to ln(score).
    pub fn contributions(&self, unit: usize) -> &[f64] {
        let m = self.indicators.len();
        self.contributions
            .get(unit * m..(unit + 1) * m)
            .unwrap_or(&[])
    }

    pub fn ranked_count(&self) -> usize {
        self.order.len()
    }

    pub fn eligible_count(&self) -> usize {
        self.units
            .iter()
            .filter(|u| u.eligible_rank.is_some())
            .count()
    }

    /// The indicators that drive a unit's rank, largest contribution first.
    pub fn drivers(&self, unit: usize) -> Vec<(&str, f64)> {
        let mut d: Vec<(&str, f64)> = self
            .indicators
            .iter()
            .map(String::as_str)
            .zip(self.contributions(unit).iter().copied())
            .collect();
        d.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        d
    }
}
