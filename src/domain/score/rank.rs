//! Ranking under one weight vector: weighted mean (or geometric mean) per
//! unit, coverage and eligibility, the order with its tie-break, and the
//! shortlist.

use super::error::ScoreError;
use super::input::ScoreInput;
use super::prepared::Prepared;
use super::result::{NotRanked, Ranking, UnitResult};
use crate::domain::profile::{Aggregation, Profile};
use crate::domain::select::{self, IneligibleReason};
use crate::domain::value::Direction;
use std::cmp::Ordering;

/// Floating-point slack for the coverage test, so that a coverage of
/// "exactly 70%" computed as 0.6999999999999999 still passes a 0.7 threshold.
const COVERAGE_EPS: f64 = 1e-12;

impl Prepared {
    /// Rank under the profile's own weights.
    pub fn rank_profile(&self) -> Result<Ranking, ScoreError> {
        self.rank(&self.profile_weights)
    }

    /// Rank under `weights` (aligned with [`Prepared::indicators`]).
    pub fn rank(&self, weights: &[f64]) -> Result<Ranking, ScoreError> {
        self.check_weights(weights)?;
        let n = self.n;
        let m = self.m();
        let total: f64 = weights.iter().sum();
        let available = self.available_weight(weights);

        let mut contributions = vec![0.0; n * m];
        let mut units = Vec::with_capacity(n);
        let mut scores = vec![f64::NAN; n];
        for (u, row) in contributions.chunks_exact_mut(m).enumerate() {
            let unit = self.score_unit(u, weights, available[u], total, row);
            if let Some(s) = unit.score {
                scores[u] = s;
            }
            units.push(unit);
        }
        let order = self.number_ranks(&scores, &mut units);
        let shortlist = select::shortlist(&order, |u| units[u].eligible, self.top_k);

        Ok(Ranking {
            indicators: self.ids.clone(),
            weights: weights.to_vec(),
            absent: self.absent.clone(),
            unmatched_gemeenten: self.unmatched_gemeenten.clone(),
            method: self.method,
            aggregation: self.aggregation,
            min_coverage: self.min_coverage,
            top_k: self.top_k,
            units,
            order,
            shortlist,
            contributions,
        })
    }

    /// Per unit, the summed weight of the indicators it has values for.
    fn available_weight(&self, weights: &[f64]) -> Vec<f64> {
        let mut available = vec![0.0; self.n];
        for (j, &w) in weights.iter().enumerate() {
            for (u, a) in available.iter_mut().enumerate() {
                if self.is_present(u, j) {
                    *a += w;
                }
            }
        }
        available
    }

    /// Scores unit `u` (filling its contribution row) when its coverage is
    /// enough; otherwise records why it is not ranked.
    fn score_unit(
        &self,
        u: usize,
        weights: &[f64],
        available: f64,
        total: f64,
        row: &mut [f64],
    ) -> UnitResult {
        let coverage = available / total;
        let mut reasons = self.reasons[u].clone();
        let ranked = available > 0.0 && coverage + COVERAGE_EPS >= self.min_coverage;
        let mut not_ranked = None;
        let mut score = None;
        if ranked {
            for (j, c) in row.iter_mut().enumerate() {
                if self.is_present(u, j) {
                    *c = weights[j] / available * self.agg[j * self.n + u];
                }
            }
            let sum: f64 = row.iter().sum();
            score = Some(match self.aggregation {
                Aggregation::Arithmetic => sum,
                Aggregation::Geometric => sum.exp(),
            });
        } else {
            reasons.push(IneligibleReason::CoverageTooLow {
                coverage,
                min: self.min_coverage,
            });
            not_ranked = Some(NotRanked {
                coverage,
                min_coverage: self.min_coverage,
                missing: (0..self.m())
                    .filter(|&j| weights[j] > 0.0 && !self.is_present(u, j))
                    .map(|j| self.ids[j].clone())
                    .collect(),
            });
        }
        UnitResult {
            score,
            rank: None,
            eligible_rank: None,
            coverage,
            eligible: reasons.is_empty(),
            reasons,
            not_ranked,
        }
    }

    /// The scored units best first, with their rank and eligible rank set.
    fn number_ranks(&self, scores: &[f64], units: &mut [UnitResult]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..units.len())
            .filter(|&u| units[u].score.is_some())
            .collect();
        order.sort_unstable_by(|&a, &b| self.compare(scores, a, b));
        let mut eligible_seen = 0;
        for (pos, &u) in order.iter().enumerate() {
            let unit = &mut units[u];
            unit.rank = Some(pos + 1);
            if unit.eligible {
                eligible_seen += 1;
                unit.eligible_rank = Some(eligible_seen);
            }
        }
        order
    }

    /// Higher score first; equal scores by unit code, so the order never
    /// depends on input order.
    fn compare(&self, scores: &[f64], a: usize, b: usize) -> Ordering {
        // partial_cmp, not total_cmp: -0.0 and 0.0 are a tie like any other.
        // Scores are never NaN.
        scores[b]
            .partial_cmp(&scores[a])
            .unwrap_or(Ordering::Equal)
            .then(self.code_pos[a].cmp(&self.code_pos[b]))
    }

    pub(crate) fn check_weights(&self, weights: &[f64]) -> Result<(), ScoreError> {
        if weights.len() != self.m() {
            return Err(ScoreError::WeightCount {
                expected: self.m(),
                got: weights.len(),
            });
        }
        for (j, &w) in weights.iter().enumerate() {
            if !(w.is_finite() && w >= 0.0) {
                return Err(ScoreError::InvalidWeight {
                    id: self.ids[j].clone(),
                    weight: w,
                });
            }
            if w > 0.0 && self.directions[j] == Direction::Neutral {
                return Err(ScoreError::NeutralWeighted {
                    id: self.ids[j].clone(),
                    weight: w,
                });
            }
        }
        if weights.iter().all(|&w| w == 0.0) {
            return Err(ScoreError::AllWeightsZero);
        }
        Ok(())
    }
}

/// Rank `input` under `profile` in one call.
pub fn rank(input: &ScoreInput<'_>, profile: &Profile) -> Result<Ranking, ScoreError> {
    Prepared::new(input, profile)?.rank_profile()
}
