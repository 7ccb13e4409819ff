//! Normalise, weight, aggregate and rank.
//!
//! The work is split so the TUI can re-rank live: [`Prepared::new`] cleans and
//! normalises every indicator once into dense column-major matrices;
//! [`Prepared::rank`] takes a weight vector and only does a weighted sum and a
//! sort.
//!
//! Conventions (all documented in the report and the profile):
//! - Direction is applied first: protective indicators are negated, so after
//!   normalisation a higher value always means more need.
//! - Winsorising clips every value to the `p` and `1 - p` quantiles of the
//!   reference set (linear interpolation between order statistics, the
//!   "type 7" rule of R and numpy).
//! - z-score uses the population standard deviation (divide by n). A column
//!   without spread normalises to its centre: 0 (z), 0.5 (min-max,
//!   percentile), so it cannot reorder units.
//! - Percentile is the mid-distribution function
//!   `(#reference values below x + #equal / 2) / n`: ties share the average,
//!   the scale is symmetric under negation, and values lie strictly in (0, 1).
//! - Geometric mean: each normalised column is mapped linearly to
//!   [0.01, 1] over the reference range (values of units outside the
//!   reference set are clamped into it), so the least-needy reference unit
//!   gets 0.01 on that indicator, not 0. Because z-score and min-max are both
//!   affine in the raw value, they give the same geometric result; percentile
//!   differs. A column without spread maps to 1 (neutral in a product).
//! - Contributions: arithmetic `c_i = w_i / W * v_i`, summing exactly to the
//!   score; geometric `c_i = w_i / W * ln g_i`, summing to `ln(score)`.
//!   `W` is the weight of the indicators the unit has (renormalisation).

use crate::domain::profile::{Aggregation, NormalisationMethod, Profile, ProfileError, Reference};
use crate::domain::select::{self, GemeenteFilter, IneligibleReason};
use crate::domain::value::Direction;
use serde::Serialize;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

/// Lower end of the range geometric aggregation works on.
pub const GEOMETRIC_FLOOR: f64 = 0.01;

/// Floating-point slack for the coverage test, so that a coverage of
/// "exactly 70%" computed as 0.6999999999999999 still passes a 0.7 threshold.
const COVERAGE_EPS: f64 = 1e-12;

/// What the ranking needs to know about a unit besides its indicators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitFacts {
    pub code: String,
    pub name: String,
    pub gemeente_code: String,
    pub gemeente_name: String,
    pub primary_schools: Option<u32>,
    pub inhabitants: Option<f64>,
    pub children_0_15: Option<f64>,
    pub water: bool,
}

/// One indicator, one value per unit (same order as [`ScoreInput::units`]).
/// `None` and non-finite values count as missing.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorColumn<'a> {
    pub id: &'a str,
    pub values: &'a [Option<f64>],
    /// The registry's direction; `None` for custom indicators, which then
    /// need a direction in the profile.
    pub default_direction: Option<Direction>,
}

/// Everything the engine reads, independent of files.
#[derive(Debug, Clone)]
pub struct ScoreInput<'a> {
    pub units: &'a [UnitFacts],
    pub columns: Vec<IndicatorColumn<'a>>,
}

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
}

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
    contributions: Vec<f64>,
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

/// Normalised data, ready to be ranked under any weight vector.
#[derive(Debug, Clone)]
pub struct Prepared {
    n: usize,
    ids: Vec<String>,
    directions: Vec<Direction>,
    profile_weights: Vec<f64>,
    method: NormalisationMethod,
    aggregation: Aggregation,
    min_coverage: f64,
    top_k: usize,
    /// Tie-break: position of each unit in (code, input index) order.
    code_pos: Vec<u32>,
    /// Direction applied and winsorised; NaN = missing. Column-major.
    cleaned: Vec<f64>,
    /// Sorted reference values per column, after winsorising.
    sorted_ref: Vec<Vec<f64>>,
    /// Column-major; NaN = missing.
    normalised: Vec<f64>,
    /// Column-major value entering the mean (v, or ln g); 0 where missing.
    agg: Vec<f64>,
    reasons: Vec<Vec<IneligibleReason>>,
    absent: Vec<AbsentIndicator>,
    unmatched_gemeenten: Vec<String>,
}

impl Prepared {
    pub fn new(input: &ScoreInput<'_>, profile: &Profile) -> Result<Prepared, ScoreError> {
        profile.validate()?;
        let units = input.units;
        let n = units.len();
        if n == 0 {
            return Err(ScoreError::NoUnits);
        }

        let mut by_id: HashMap<&str, &IndicatorColumn<'_>> = HashMap::new();
        for col in &input.columns {
            if col.values.len() != n {
                return Err(ScoreError::ColumnLength {
                    id: col.id.to_string(),
                    got: col.values.len(),
                    expected: n,
                });
            }
            if by_id.insert(col.id, col).is_some() {
                return Err(ScoreError::DuplicateColumn {
                    id: col.id.to_string(),
                });
            }
        }

        let rules = &profile.eligibility;
        let filter = GemeenteFilter::new(&rules.gemeenten);
        let reference: Vec<bool> = match profile.normalisation.reference {
            Reference::All => vec![true; n],
            Reference::Scope => units
                .iter()
                .map(|u| select::in_scope(u, rules, &filter))
                .collect(),
        };
        if !reference.iter().any(|&r| r) {
            return Err(ScoreError::EmptyScope {
                gemeenten: rules.gemeenten.clone(),
            });
        }

        let mut ids = Vec::new();
        let mut directions = Vec::new();
        let mut profile_weights = Vec::new();
        let mut cleaned = Vec::new();
        let mut sorted_ref = Vec::new();
        let mut absent = Vec::new();
        for ind in &profile.indicators {
            let Some(col) = by_id.get(ind.id.as_str()) else {
                absent.push(AbsentIndicator {
                    id: ind.id.clone(),
                    reason: AbsentReason::NotInInput,
                });
                continue;
            };
            let direction = match ind.direction.or(col.default_direction) {
                Some(d) => d,
                None => return Err(ScoreError::NoDirection { id: ind.id.clone() }),
            };
            if direction == Direction::Neutral && ind.weight > 0.0 {
                return Err(ScoreError::NeutralWeighted {
                    id: ind.id.clone(),
                    weight: ind.weight,
                });
            }
            let Some((values, sorted)) = clean_column(
                col.values,
                direction,
                &reference,
                profile.normalisation.winsorize,
            ) else {
                absent.push(AbsentIndicator {
                    id: ind.id.clone(),
                    reason: AbsentReason::NoValuesInReference,
                });
                continue;
            };
            ids.push(ind.id.clone());
            directions.push(direction);
            profile_weights.push(ind.weight);
            cleaned.extend_from_slice(&values);
            sorted_ref.push(sorted);
        }
        if profile_weights.iter().all(|&w| w == 0.0) {
            let absent = profile
                .indicators
                .iter()
                .filter(|i| i.weight > 0.0)
                .map(|i| i.id.clone())
                .collect();
            return Err(ScoreError::NoIndicatorPresent { absent });
        }

        let mut code_order: Vec<usize> = (0..n).collect();
        code_order.sort_by(|&a, &b| units[a].code.cmp(&units[b].code).then(a.cmp(&b)));
        let mut code_pos = vec![0u32; n];
        for (pos, &u) in code_order.iter().enumerate() {
            code_pos[u] = pos as u32;
        }

        let reasons = units
            .iter()
            .map(|u| select::ineligibility(u, rules, &filter))
            .collect();

        let mut prepared = Prepared {
            n,
            ids,
            directions,
            profile_weights,
            method: profile.normalisation.method,
            aggregation: profile.aggregation.method,
            min_coverage: profile.missing.min_coverage,
            top_k: profile.top_k,
            code_pos,
            cleaned,
            sorted_ref,
            normalised: Vec::new(),
            agg: Vec::new(),
            reasons,
            absent,
            unmatched_gemeenten: filter.unmatched(units),
        };
        let (normalised, agg) = prepared.build_matrices(prepared.method);
        prepared.normalised = normalised;
        prepared.agg = agg;
        Ok(prepared)
    }

    /// Indicators that take part, in profile order.
    pub fn indicators(&self) -> &[String] {
        &self.ids
    }

    /// Effective directions (profile over registry), aligned with `indicators`.
    pub fn directions(&self) -> &[Direction] {
        &self.directions
    }

    /// The profile's weights, aligned with `indicators`.
    pub fn profile_weights(&self) -> &[f64] {
        &self.profile_weights
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| i == id)
    }

    pub fn absent(&self) -> &[AbsentIndicator] {
        &self.absent
    }

    pub fn unit_count(&self) -> usize {
        self.n
    }

    pub fn method(&self) -> NormalisationMethod {
        self.method
    }

    pub fn aggregation(&self) -> Aggregation {
        self.aggregation
    }

    pub fn top_k(&self) -> usize {
        self.top_k
    }

    /// Change the shortlist size without re-normalising.
    pub fn set_top_k(&mut self, k: usize) {
        self.top_k = k.max(1);
    }

    /// Normalised value (higher = more need) of a unit on indicator `j`.
    pub fn normalised(&self, unit: usize, j: usize) -> Option<f64> {
        let v = *self.normalised.get(j * self.n + unit)?;
        (!v.is_nan()).then_some(v)
    }

    /// Eligibility reasons that do not depend on the weights.
    pub fn base_reasons(&self, unit: usize) -> &[IneligibleReason] {
        self.reasons.get(unit).map(Vec::as_slice).unwrap_or(&[])
    }

    pub(crate) fn m(&self) -> usize {
        self.ids.len()
    }

    pub(crate) fn code_pos(&self) -> &[u32] {
        &self.code_pos
    }

    pub(crate) fn is_present(&self, unit: usize, j: usize) -> bool {
        !self.cleaned[j * self.n + unit].is_nan()
    }

    /// The aggregation input matrix for any normalisation method, reusing
    /// the prepared one when the method matches.
    pub(crate) fn agg_matrix(&self, method: NormalisationMethod) -> Cow<'_, [f64]> {
        if method == self.method {
            Cow::Borrowed(&self.agg)
        } else {
            Cow::Owned(self.build_matrices(method).1)
        }
    }

    /// (normalised with NaN for missing, aggregation input with 0 for missing).
    fn build_matrices(&self, method: NormalisationMethod) -> (Vec<f64>, Vec<f64>) {
        let n = self.n;
        let mut normalised = vec![f64::NAN; self.cleaned.len()];
        let mut agg = vec![0.0; self.cleaned.len()];
        for (j, sorted) in self.sorted_ref.iter().enumerate() {
            let range = j * n..(j + 1) * n;
            let norm = Normaliser::new(sorted, method);
            let col = &mut normalised[range.clone()];
            for (out, &x) in col.iter_mut().zip(&self.cleaned[range.clone()]) {
                if !x.is_nan() {
                    *out = norm.apply(x);
                }
            }
            let agg_col = &mut agg[range];
            match self.aggregation {
                Aggregation::Arithmetic => {
                    for (a, &v) in agg_col.iter_mut().zip(col.iter()) {
                        if !v.is_nan() {
                            *a = v;
                        }
                    }
                }
                Aggregation::Geometric => {
                    let (lo, hi) = norm.reference_range();
                    for (a, &v) in agg_col.iter_mut().zip(col.iter()) {
                        if !v.is_nan() {
                            *a = geometric_input(v, lo, hi).ln();
                        }
                    }
                }
            }
        }
        (normalised, agg)
    }

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

        let mut available = vec![0.0; n];
        for (j, &w) in weights.iter().enumerate() {
            for (u, a) in available.iter_mut().enumerate() {
                if self.is_present(u, j) {
                    *a += w;
                }
            }
        }

        let mut contributions = vec![0.0; n * m];
        let mut units = Vec::with_capacity(n);
        let mut scores = vec![f64::NAN; n];
        for u in 0..n {
            let coverage = available[u] / total;
            let mut reasons = self.reasons[u].clone();
            let ranked = available[u] > 0.0 && coverage + COVERAGE_EPS >= self.min_coverage;
            let mut not_ranked = None;
            let mut score = None;
            if ranked {
                let row = &mut contributions[u * m..(u + 1) * m];
                for (j, c) in row.iter_mut().enumerate() {
                    if self.is_present(u, j) {
                        *c = weights[j] / available[u] * self.agg[j * n + u];
                    }
                }
                let sum: f64 = row.iter().sum();
                let s = match self.aggregation {
                    Aggregation::Arithmetic => sum,
                    Aggregation::Geometric => sum.exp(),
                };
                scores[u] = s;
                score = Some(s);
            } else {
                reasons.push(IneligibleReason::CoverageTooLow {
                    coverage,
                    min: self.min_coverage,
                });
                not_ranked = Some(NotRanked {
                    coverage,
                    min_coverage: self.min_coverage,
                    missing: (0..m)
                        .filter(|&j| weights[j] > 0.0 && !self.is_present(u, j))
                        .map(|j| self.ids[j].clone())
                        .collect(),
                });
            }
            units.push(UnitResult {
                score,
                rank: None,
                eligible_rank: None,
                coverage,
                eligible: reasons.is_empty(),
                reasons,
                not_ranked,
            });
        }

        let mut order: Vec<usize> = (0..n).filter(|&u| units[u].score.is_some()).collect();
        order.sort_unstable_by(|&a, &b| self.compare(&scores, a, b));
        let mut eligible_seen = 0;
        for (pos, &u) in order.iter().enumerate() {
            let unit = &mut units[u];
            unit.rank = Some(pos + 1);
            if unit.eligible {
                eligible_seen += 1;
                unit.eligible_rank = Some(eligible_seen);
            }
        }
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

/// Apply the direction, mark non-finite values missing, and winsorise.
/// Returns the cleaned column and the sorted reference values, or `None` when
/// the reference set has no values for this indicator.
fn clean_column(
    raw: &[Option<f64>],
    direction: Direction,
    reference: &[bool],
    winsorize: f64,
) -> Option<(Vec<f64>, Vec<f64>)> {
    let sign = if direction == Direction::Protective {
        -1.0
    } else {
        1.0
    };
    let mut values: Vec<f64> = raw
        .iter()
        .map(|v| match v {
            Some(x) if x.is_finite() => sign * x,
            _ => f64::NAN,
        })
        .collect();
    let mut sorted: Vec<f64> = values
        .iter()
        .zip(reference)
        .filter(|(v, &r)| r && !v.is_nan())
        .map(|(&v, _)| v)
        .collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    if winsorize > 0.0 {
        let lo = quantile(&sorted, winsorize);
        let hi = quantile(&sorted, 1.0 - winsorize);
        for v in values.iter_mut().chain(sorted.iter_mut()) {
            if !v.is_nan() {
                *v = v.clamp(lo, hi);
            }
        }
    }
    Some((values, sorted))
}

/// Linear interpolation between order statistics ("type 7").
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let i = h.floor() as usize;
    let frac = h - i as f64;
    match sorted.get(i + 1) {
        Some(&next) => sorted[i] + frac * (next - sorted[i]),
        None => sorted[i],
    }
}

/// Maps a (cleaned) value to its normalised value, fixed by the reference set.
struct Normaliser<'a> {
    sorted: &'a [f64],
    method: NormalisationMethod,
    mean: f64,
    sd: f64,
    min: f64,
    max: f64,
}

impl<'a> Normaliser<'a> {
    /// `sorted` must be non-empty.
    fn new(sorted: &'a [f64], method: NormalisationMethod) -> Normaliser<'a> {
        let len = sorted.len() as f64;
        let mean = sorted.iter().sum::<f64>() / len;
        let var = sorted.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / len;
        Normaliser {
            sorted,
            method,
            mean,
            sd: var.sqrt(),
            min: sorted.first().copied().unwrap_or(0.0),
            max: sorted.last().copied().unwrap_or(0.0),
        }
    }

    fn apply(&self, x: f64) -> f64 {
        match self.method {
            NormalisationMethod::ZScore => {
                if self.sd > 0.0 {
                    (x - self.mean) / self.sd
                } else {
                    0.0
                }
            }
            NormalisationMethod::MinMax => {
                if self.max > self.min {
                    (x - self.min) / (self.max - self.min)
                } else {
                    0.5
                }
            }
            NormalisationMethod::Percentile => {
                let below = self.sorted.partition_point(|&r| r < x);
                let up_to = self.sorted.partition_point(|&r| r <= x);
                (below as f64 + 0.5 * (up_to - below) as f64) / self.sorted.len() as f64
            }
        }
    }

    /// Normalised values of the least and most needy reference unit; every
    /// method is monotone, so these are the images of the extremes.
    fn reference_range(&self) -> (f64, f64) {
        (self.apply(self.min), self.apply(self.max))
    }
}

/// The positive value the geometric mean works on (see module docs).
fn geometric_input(v: f64, lo: f64, hi: f64) -> f64 {
    if hi > lo {
        let t = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
        GEOMETRIC_FLOOR + (1.0 - GEOMETRIC_FLOOR) * t
    } else {
        1.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::profile::IndicatorWeight;
    use proptest::prelude::*;

    pub(crate) fn facts(code: &str) -> UnitFacts {
        UnitFacts {
            code: code.to_string(),
            name: format!("buurt {code}"),
            gemeente_code: "GM0855".into(),
            gemeente_name: "Tilburg".into(),
            primary_schools: Some(3),
            inhabitants: Some(1000.0),
            children_0_15: Some(150.0),
            water: false,
        }
    }

    /// A profile with the given (id, weight, direction) and documented defaults.
    pub(crate) fn profile(indicators: &[(&str, f64, Direction)]) -> Profile {
        let mut p = Profile::parse("name = \"t\"\n[[indicator]]\nid = \"x\"\nweight = 1\n")
            .unwrap_or_else(|e| panic!("{e}"));
        p.indicators = indicators
            .iter()
            .map(|&(id, weight, d)| IndicatorWeight {
                id: id.to_string(),
                weight,
                direction: Some(d),
                sensitive: false,
            })
            .collect();
        p.eligibility.min_primary_schools = 0;
        p
    }

    // The hand-computed fixture: 6 units U1..U6 (codes BU01..BU06), 3 indicators.
    //   a (risk, w 2):       10 20 30 40 50 60
    //   b (protective, w 1):  5  3  .  1  2  4   (U3 missing)
    //   c (risk, w 1):        4  4  8  0  2  6   (U1, U2 tied)
    // U3 has 3 of 4 weight points: coverage 0.75 >= 0.7, so it is ranked with
    // weights renormalised to a 2/3, c 1/3. Everyone else: a 1/2, b 1/4, c 1/4.
    const A: [Option<f64>; 6] = [
        Some(10.0),
        Some(20.0),
        Some(30.0),
        Some(40.0),
        Some(50.0),
        Some(60.0),
    ];
    const B: [Option<f64>; 6] = [Some(5.0), Some(3.0), None, Some(1.0), Some(2.0), Some(4.0)];
    const C: [Option<f64>; 6] = [
        Some(4.0),
        Some(4.0),
        Some(8.0),
        Some(0.0),
        Some(2.0),
        Some(6.0),
    ];

    fn fixture_units() -> Vec<UnitFacts> {
        (1..=6).map(|i| facts(&format!("BU0{i}"))).collect()
    }

    fn fixture_rank(method: NormalisationMethod, agg: Aggregation) -> Ranking {
        let units = fixture_units();
        let input = ScoreInput {
            units: &units,
            columns: vec![
                IndicatorColumn {
                    id: "a",
                    values: &A,
                    default_direction: None,
                },
                IndicatorColumn {
                    id: "b",
                    values: &B,
                    default_direction: None,
                },
                IndicatorColumn {
                    id: "c",
                    values: &C,
                    default_direction: None,
                },
            ],
        };
        let mut p = profile(&[
            ("a", 2.0, Direction::Risk),
            ("b", 1.0, Direction::Protective),
            ("c", 1.0, Direction::Risk),
        ]);
        p.normalisation.method = method;
        p.aggregation.method = agg;
        rank(&input, &p).unwrap()
    }

    /// Contributions per unit from per-unit normalised (or ln g) values
    /// [a, b, c] with `None` for U3's b.
    fn weighted(v: [[f64; 3]; 6]) -> [[f64; 3]; 6] {
        let mut out = [[0.0; 3]; 6];
        for u in 0..6 {
            out[u] = if u == 2 {
                [2.0 / 3.0 * v[u][0], 0.0, 1.0 / 3.0 * v[u][2]]
            } else {
                [0.5 * v[u][0], 0.25 * v[u][1], 0.25 * v[u][2]]
            };
        }
        out
    }

    fn assert_fixture(r: &Ranking, contrib: [[f64; 3]; 6], scores: [f64; 6], order: [usize; 6]) {
        for u in 0..6 {
            let got = r.contributions(u);
            for j in 0..3 {
                assert!(
                    (got[j] - contrib[u][j]).abs() < 1e-9,
                    "U{} {}: got {} want {}",
                    u + 1,
                    r.indicators[j],
                    got[j],
                    contrib[u][j]
                );
            }
            let s = r.units[u].score.unwrap();
            assert!(
                (s - scores[u]).abs() < 1e-9,
                "U{} score {s} want {}",
                u + 1,
                scores[u]
            );
        }
        let want: Vec<usize> = order.iter().map(|u| u - 1).collect();
        assert_eq!(r.order, want);
        for (pos, &u) in r.order.iter().enumerate() {
            assert_eq!(r.units[u].rank, Some(pos + 1));
            assert_eq!(r.units[u].eligible_rank, Some(pos + 1));
        }
        assert_eq!(r.shortlist, want[..3].to_vec());
        assert!((r.units[2].coverage - 0.75).abs() < 1e-15);
        assert_eq!(r.units[0].coverage, 1.0);
    }

    fn sum_rows(c: [[f64; 3]; 6]) -> [f64; 6] {
        c.map(|row| row.iter().sum())
    }

    #[test]
    fn fixture_z_score_arithmetic() {
        // a: mean 35, deviations -25 -15 -5 5 15 25, variance 1750/6.
        // b negated: -5 -3 . -1 -2 -4, mean -3, deviations -2 0 . 2 1 -1,
        //   variance 10/5 = 2.
        // c: mean 4, deviations 0 0 4 -4 -2 2, variance 40/6.
        let sa = (1750.0f64 / 6.0).sqrt();
        let sb = 2.0f64.sqrt();
        let sc = (40.0f64 / 6.0).sqrt();
        let z = [
            [-25.0 / sa, -2.0 / sb, 0.0],
            [-15.0 / sa, 0.0, 0.0],
            [-5.0 / sa, f64::NAN, 4.0 / sc],
            [5.0 / sa, 2.0 / sb, -4.0 / sc],
            [15.0 / sa, 1.0 / sb, -2.0 / sc],
            [25.0 / sa, -1.0 / sb, 2.0 / sc],
        ];
        let c = weighted(z);
        // Scores: U1 -1.0855, U2 -0.4392, U3 0.3212, U4 0.1126, U5 0.4223,
        // U6 0.7488, so the order is U6 U5 U3 U4 U2 U1.
        let r = fixture_rank(NormalisationMethod::ZScore, Aggregation::Arithmetic);
        assert_fixture(&r, c, sum_rows(c), [6, 5, 3, 4, 2, 1]);
        assert!((r.units[0].score.unwrap() - -1.085_478_445_305).abs() < 1e-9);
    }

    #[test]
    fn fixture_min_max_arithmetic() {
        // a: (x-10)/50; b negated: (5-x)/4; c: x/8.
        let v = [
            [0.0, 0.0, 0.5],
            [0.2, 0.5, 0.5],
            [0.4, f64::NAN, 1.0],
            [0.6, 1.0, 0.0],
            [0.8, 0.75, 0.25],
            [1.0, 0.25, 0.75],
        ];
        // U1 0.125, U2 0.35, U3 0.6, U4 0.55, U5 0.65, U6 0.75.
        let scores = [0.125, 0.35, 0.6, 0.55, 0.65, 0.75];
        let r = fixture_rank(NormalisationMethod::MinMax, Aggregation::Arithmetic);
        assert_fixture(&r, weighted(v), scores, [6, 5, 3, 4, 2, 1]);
    }

    #[test]
    fn fixture_percentile_arithmetic() {
        // Mid-distribution (#below + #equal/2)/n.
        // a: (r - 0.5)/6 = 1/12 3/12 ... 11/12.
        // b negated over 5 values: U1 0.1, U6 0.3, U2 0.5, U5 0.7, U4 0.9.
        // c: 0 -> 0.5/6, 2 -> 1.5/6, 4 (twice) -> (2 + 1)/6, 6 -> 4.5/6, 8 -> 5.5/6.
        let v = [
            [1.0 / 12.0, 0.1, 0.5],
            [3.0 / 12.0, 0.5, 0.5],
            [5.0 / 12.0, f64::NAN, 11.0 / 12.0],
            [7.0 / 12.0, 0.9, 1.0 / 12.0],
            [9.0 / 12.0, 0.7, 0.25],
            [11.0 / 12.0, 0.3, 0.75],
        ];
        // U1 0.19167, U2 0.375, U3 0.58333, U4 0.5375, U5 0.6125, U6 0.72083.
        let scores = [
            0.191_666_666_667,
            0.375,
            0.583_333_333_333,
            0.5375,
            0.6125,
            0.720_833_333_333,
        ];
        let r = fixture_rank(NormalisationMethod::Percentile, Aggregation::Arithmetic);
        assert_fixture(&r, weighted(v), scores, [6, 5, 3, 4, 2, 1]);
    }

    /// ln(0.01 + 0.99 t) for a position t in [0, 1] of the reference range.
    fn lg(t: f64) -> f64 {
        (0.01 + 0.99 * t).ln()
    }

    fn geometric_expected(t: [[f64; 3]; 6]) -> ([[f64; 3]; 6], [f64; 6]) {
        let c = weighted(t.map(|row| row.map(lg)));
        (c, sum_rows(c).map(f64::exp))
    }

    #[test]
    fn fixture_geometric_z_and_min_max_agree() {
        // Positions in the reference range are the min-max values for both
        // z-score and min-max (both affine in the raw value).
        let t = [
            [0.0, 0.0, 0.5],
            [0.2, 0.5, 0.5],
            [0.4, f64::NAN, 1.0],
            [0.6, 1.0, 0.0],
            [0.8, 0.75, 0.25],
            [1.0, 0.25, 0.75],
        ];
        let (c, scores) = geometric_expected(t);
        // U1 0.02666 (a and b at the floor), U2 0.3241, U3 0.5483,
        // U4 0.2458 (c at the floor), U5 0.5942, U6 0.6635:
        // U4 drops below U2, unlike the arithmetic mean.
        assert!((scores[0] - 0.026_657_710_333).abs() < 1e-9);
        for method in [NormalisationMethod::ZScore, NormalisationMethod::MinMax] {
            let r = fixture_rank(method, Aggregation::Geometric);
            assert_fixture(&r, c, scores, [6, 5, 3, 2, 4, 1]);
            for u in 0..6 {
                let sum: f64 = r.contributions(u).iter().sum();
                assert!((sum - r.units[u].score.unwrap().ln()).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn fixture_geometric_percentile() {
        // Percentiles rescaled over their reference range: a (1/12..11/12) and
        // b (0.1..0.9) give the min-max positions again; c (1/12..11/12):
        // 0.5 0.5 1 0 (1.5/6-0.5/6)/(10/12)=0.2 (4.5/6-0.5/6)/(10/12)=0.8.
        let t = [
            [0.0, 0.0, 0.5],
            [0.2, 0.5, 0.5],
            [0.4, f64::NAN, 1.0],
            [0.6, 1.0, 0.0],
            [0.8, 0.75, 0.2],
            [1.0, 0.25, 0.8],
        ];
        let (c, scores) = geometric_expected(t);
        // U5 0.5633, U6 0.6741.
        assert!((scores[4] - 0.563_286_890_536).abs() < 1e-9);
        let r = fixture_rank(NormalisationMethod::Percentile, Aggregation::Geometric);
        assert_fixture(&r, c, scores, [6, 5, 3, 2, 4, 1]);
    }

    #[test]
    fn normalised_values_are_exposed() {
        let units = fixture_units();
        let input = ScoreInput {
            units: &units,
            columns: vec![IndicatorColumn {
                id: "b",
                values: &B,
                default_direction: Some(Direction::Protective),
            }],
        };
        let mut p = profile(&[("b", 1.0, Direction::Protective)]);
        p.indicators[0].direction = None;
        p.normalisation.method = NormalisationMethod::MinMax;
        let prep = Prepared::new(&input, &p).unwrap();
        assert_eq!(prep.normalised(0, 0), Some(0.0));
        assert_eq!(prep.normalised(3, 0), Some(1.0));
        assert_eq!(prep.normalised(2, 0), None);
        assert_eq!(prep.directions(), &[Direction::Protective]);
    }

    #[test]
    fn winsorising_clips_at_reference_quantiles() {
        // 1..=11 with p = 0.1: h = 10 * 0.1 = 1 -> 2; h = 9 -> 10.
        let raw: Vec<Option<f64>> = (1..=11).map(|x| Some(x as f64)).collect();
        let (vals, sorted) = clean_column(&raw, Direction::Risk, &[true; 11], 0.1).unwrap();
        assert_eq!(vals[0], 2.0);
        assert_eq!(vals[1], 2.0);
        assert_eq!(vals[5], 6.0);
        assert_eq!(vals[10], 10.0);
        assert_eq!(sorted.first(), Some(&2.0));
        // p = 0.05: h = 0.5 -> 1.5; h = 9.5 -> 10.5.
        let (vals, _) = clean_column(&raw, Direction::Risk, &[true; 11], 0.05).unwrap();
        assert_eq!((vals[0], vals[10]), (1.5, 10.5));
        // A unit outside the reference set is clipped to the same bounds.
        let mut reference = [true; 11];
        reference[10] = false;
        let (vals, sorted) = clean_column(&raw, Direction::Risk, &reference, 0.1).unwrap();
        assert_eq!(sorted.len(), 10);
        assert!((vals[10] - 9.1).abs() < 1e-12, "{}", vals[10]);
    }

    #[test]
    fn constant_column_sits_at_its_centre() {
        let sorted = [3.0, 3.0];
        assert_eq!(
            Normaliser::new(&sorted, NormalisationMethod::ZScore).apply(3.0),
            0.0
        );
        assert_eq!(
            Normaliser::new(&sorted, NormalisationMethod::MinMax).apply(3.0),
            0.5
        );
        assert_eq!(
            Normaliser::new(&sorted, NormalisationMethod::Percentile).apply(3.0),
            0.5
        );
        assert_eq!(geometric_input(0.5, 0.5, 0.5), 1.0);
    }

    fn two_column_input<'a>(units: &'a [UnitFacts], a: &'a [Option<f64>]) -> ScoreInput<'a> {
        ScoreInput {
            units,
            columns: vec![
                IndicatorColumn {
                    id: "a",
                    values: a,
                    default_direction: Some(Direction::Risk),
                },
                IndicatorColumn {
                    id: "ctx",
                    values: a,
                    default_direction: Some(Direction::Neutral),
                },
                IndicatorColumn {
                    id: "custom",
                    values: a,
                    default_direction: None,
                },
            ],
        }
    }

    #[test]
    fn absent_columns_are_reported_and_weight_renormalised() {
        let units = fixture_units();
        let input = two_column_input(&units, &A);
        let p = profile(&[("a", 1.0, Direction::Risk), ("gone", 5.0, Direction::Risk)]);
        let r = rank(&input, &p).unwrap();
        assert_eq!(
            r.absent,
            vec![AbsentIndicator {
                id: "gone".into(),
                reason: AbsentReason::NotInInput
            }]
        );
        assert_eq!(r.indicators, vec!["a".to_string()]);
        assert!(r
            .units
            .iter()
            .all(|u| u.coverage == 1.0 && u.score.is_some()));

        let only_gone = profile(&[("gone", 1.0, Direction::Risk)]);
        let err = rank(&input, &only_gone).unwrap_err().to_string();
        assert!(err.contains("gone"), "{err}");
    }

    #[test]
    fn column_without_reference_values_is_absent() {
        let units = fixture_units();
        let none = [None; 6];
        let mut input = two_column_input(&units, &A);
        input.columns.push(IndicatorColumn {
            id: "empty",
            values: &none,
            default_direction: Some(Direction::Risk),
        });
        let p = profile(&[("a", 1.0, Direction::Risk), ("empty", 1.0, Direction::Risk)]);
        let r = rank(&input, &p).unwrap();
        assert_eq!(r.absent[0].reason, AbsentReason::NoValuesInReference);
        assert_eq!(r.ranked_count(), 6);
    }

    #[test]
    fn direction_errors_name_the_indicator() {
        let units = fixture_units();
        let input = two_column_input(&units, &A);
        let mut p = profile(&[("custom", 1.0, Direction::Risk)]);
        p.indicators[0].direction = None;
        let err = rank(&input, &p).unwrap_err().to_string();
        assert!(
            err.contains("`custom`") && err.contains("direction"),
            "{err}"
        );
        let mut p = profile(&[("a", 1.0, Direction::Risk), ("ctx", 1.0, Direction::Risk)]);
        p.indicators[1].direction = None;
        let err = rank(&input, &p).unwrap_err().to_string();
        assert!(err.contains("`ctx`") && err.contains("neutral"), "{err}");
        // A neutral context column may be listed with weight 0 ...
        p.indicators[1].weight = 0.0;
        let prep = Prepared::new(&input, &p).unwrap();
        // ... but not be given weight later.
        let err = prep.rank(&[1.0, 1.0]).unwrap_err().to_string();
        assert!(err.contains("`ctx`"), "{err}");
        let err = prep.rank(&[1.0]).unwrap_err().to_string();
        assert!(err.contains("expected 2 weights"), "{err}");
        let err = prep.rank(&[-1.0, 0.0]).unwrap_err().to_string();
        assert!(err.contains("`a`") && err.contains("-1"), "{err}");
    }

    #[test]
    fn input_shape_errors() {
        let units = fixture_units();
        let short = [Some(1.0); 5];
        let input = ScoreInput {
            units: &units,
            columns: vec![IndicatorColumn {
                id: "a",
                values: &short,
                default_direction: Some(Direction::Risk),
            }],
        };
        let p = profile(&[("a", 1.0, Direction::Risk)]);
        assert!(matches!(
            rank(&input, &p),
            Err(ScoreError::ColumnLength { got: 5, .. })
        ));
        let input = ScoreInput {
            units: &units,
            columns: vec![
                IndicatorColumn {
                    id: "a",
                    values: &A,
                    default_direction: None,
                },
                IndicatorColumn {
                    id: "a",
                    values: &A,
                    default_direction: None,
                },
            ],
        };
        assert!(matches!(
            rank(&input, &p),
            Err(ScoreError::DuplicateColumn { .. })
        ));
    }

    #[test]
    fn eligibility_reasons_in_ranking() {
        let mut units = fixture_units();
        units[0].primary_schools = Some(2); // too few schools
        units[1].water = true; // water
        units[3].inhabitants = Some(50.0); // too small
        units[4].gemeente_code = "GM0785".into(); // wrong gemeente
        units[4].gemeente_name = "Goirle".into();
        let input = ScoreInput {
            units: &units,
            columns: vec![
                IndicatorColumn {
                    id: "a",
                    values: &A,
                    default_direction: None,
                },
                IndicatorColumn {
                    id: "b",
                    values: &B,
                    default_direction: None,
                },
            ],
        };
        let mut p = profile(&[("a", 1.0, Direction::Risk), ("b", 1.0, Direction::Risk)]);
        p.eligibility.min_primary_schools = 3;
        p.eligibility.min_inhabitants = 200.0;
        p.eligibility.gemeenten = vec!["Tilburg".into(), "Tilburgg".into()];
        // U3 lacks b: coverage 0.5 < 0.7 (coverage too low).
        let r = rank(&input, &p).unwrap();
        let reasons = |u: usize| r.units[u].reasons.clone();
        assert_eq!(
            reasons(0),
            vec![IneligibleReason::TooFewSchools {
                have: Some(2),
                min: 3
            }]
        );
        assert_eq!(reasons(1), vec![IneligibleReason::Water]);
        assert_eq!(
            reasons(2),
            vec![IneligibleReason::CoverageTooLow {
                coverage: 0.5,
                min: 0.7
            }]
        );
        let nr = r.units[2].not_ranked.clone().unwrap();
        assert_eq!(nr.missing, vec!["b".to_string()]);
        assert!(nr.to_string().contains("50%"), "{nr}");
        assert_eq!(r.units[2].rank, None);
        assert_eq!(
            reasons(3),
            vec![IneligibleReason::TooFewInhabitants {
                have: Some(50.0),
                min: 200.0
            }]
        );
        assert_eq!(
            reasons(4),
            vec![IneligibleReason::OutsideGemeenten {
                gemeente: "Goirle".into()
            }]
        );
        assert!(reasons(5).is_empty() && r.units[5].eligible);
        assert_eq!(r.unmatched_gemeenten, vec!["Tilburgg".to_string()]);
        // Ineligible units are still ranked (water is outside the reference
        // set but still scored); only U6 is eligible.
        assert_eq!(r.ranked_count(), 5);
        assert_eq!(r.shortlist, vec![5]);
        assert_eq!(r.units[5].eligible_rank, Some(1));
        assert_eq!(r.eligible_count(), 1);
    }

    #[test]
    fn scope_reference_differs_from_all() {
        let mut units = fixture_units();
        for u in &mut units[3..] {
            u.gemeente_name = "Goirle".into();
            u.gemeente_code = "GM0785".into();
        }
        let input = two_column_input(&units, &A);
        let mut p = profile(&[("a", 1.0, Direction::Risk)]);
        p.normalisation.method = NormalisationMethod::MinMax;
        p.eligibility.gemeenten = vec!["Tilburg".into()];
        // Scope = U1..U3 (10..30): U6 (60) normalises to (60-10)/20 = 2.5.
        let r = rank(&input, &p).unwrap();
        assert_eq!(r.units[5].score, Some(2.5));
        assert_eq!(r.units[5].rank, Some(1));
        assert_eq!(r.units[2].eligible_rank, Some(1));
        p.normalisation.reference = Reference::All;
        let r = rank(&input, &p).unwrap();
        assert_eq!(r.units[5].score, Some(1.0));
        p.normalisation.reference = Reference::Scope;
        p.eligibility.gemeenten = vec!["Breda".into()];
        assert!(matches!(
            rank(&input, &p),
            Err(ScoreError::EmptyScope { .. })
        ));
    }

    #[test]
    fn drivers_sorted_by_contribution() {
        let r = fixture_rank(NormalisationMethod::MinMax, Aggregation::Arithmetic);
        let d = r.drivers(5);
        assert_eq!(d[0].0, "a");
        assert_eq!(d[1].0, "c");
    }

    // ---- properties -------------------------------------------------------

    #[derive(Debug, Clone)]
    struct Case {
        codes: Vec<String>,
        columns: Vec<Vec<Option<f64>>>,
        weights: Vec<f64>,
        protective: Vec<bool>,
        method: NormalisationMethod,
        agg: Aggregation,
    }

    fn case() -> impl Strategy<Value = Case> {
        (2usize..12, 1usize..5).prop_flat_map(|(n, m)| {
            (
                proptest::collection::hash_set("[A-Z]{3}", n),
                proptest::collection::vec(
                    proptest::collection::vec(proptest::option::weighted(0.85, 0.0f64..100.0), n),
                    m,
                ),
                proptest::collection::vec(0.0f64..10.0, m),
                proptest::collection::vec(any::<bool>(), m),
                prop_oneof![
                    Just(NormalisationMethod::ZScore),
                    Just(NormalisationMethod::MinMax),
                    Just(NormalisationMethod::Percentile)
                ],
                prop_oneof![Just(Aggregation::Arithmetic), Just(Aggregation::Geometric)],
            )
                .prop_map(|(codes, columns, weights, protective, method, agg)| Case {
                    codes: codes.into_iter().collect(),
                    columns,
                    weights,
                    protective,
                    method,
                    agg,
                })
        })
    }

    fn ids(m: usize) -> Vec<String> {
        (0..m).map(|j| format!("i{j}")).collect()
    }

    /// `None` when no weighted indicator has data (a generated column can be
    /// all missing): that case is covered by its own test.
    fn run_case(c: &Case, weights: &[f64], keep: &[bool]) -> Option<Ranking> {
        let units: Vec<UnitFacts> = c.codes.iter().map(|code| facts(code)).collect();
        let ids = ids(c.columns.len());
        let input = ScoreInput {
            units: &units,
            columns: c
                .columns
                .iter()
                .zip(&ids)
                .map(|(v, id)| IndicatorColumn {
                    id,
                    values: v,
                    default_direction: None,
                })
                .collect(),
        };
        let spec: Vec<(&str, f64, Direction)> = (0..c.columns.len())
            .filter(|&j| keep[j])
            .map(|j| {
                let d = if c.protective[j] {
                    Direction::Protective
                } else {
                    Direction::Risk
                };
                (ids[j].as_str(), weights[j], d)
            })
            .collect();
        let mut p = profile(&spec);
        p.normalisation.method = c.method;
        p.aggregation.method = c.agg;
        p.missing.min_coverage = 0.5;
        match rank(&input, &p) {
            Ok(r) => Some(r),
            Err(ScoreError::NoIndicatorPresent { .. } | ScoreError::AllWeightsZero) => None,
            Err(e) => panic!("{e}"),
        }
    }

    fn positive(w: &[f64]) -> bool {
        w.iter().any(|&x| x > 0.0)
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn ranks_are_a_permutation(c in case()) {
            prop_assume!(positive(&c.weights));
            let all = vec![true; c.weights.len()];
            let Some(r) = run_case(&c, &c.weights, &all) else {
                return Ok(());
            };
            let mut ranks: Vec<usize> = r.units.iter().filter_map(|u| u.rank).collect();
            ranks.sort_unstable();
            prop_assert_eq!(ranks, (1..=r.order.len()).collect::<Vec<_>>());
            for u in &r.units {
                prop_assert_eq!(u.score.is_some(), u.rank.is_some());
                prop_assert_eq!(u.eligible_rank.is_some(), u.rank.is_some() && u.eligible);
            }
            let elig: Vec<usize> =
                r.order.iter().copied().filter(|&u| r.units[u].eligible).collect();
            prop_assert_eq!(&r.shortlist[..], &elig[..elig.len().min(3)]);
        }

        #[test]
        fn scaling_all_weights_changes_nothing(c in case(), k in 0.01f64..100.0) {
            prop_assume!(positive(&c.weights));
            let keep = vec![true; c.weights.len()];
            let scaled: Vec<f64> = c.weights.iter().map(|w| w * k).collect();
            let (Some(a), Some(b)) = (run_case(&c, &c.weights, &keep), run_case(&c, &scaled, &keep))
            else {
                return Ok(());
            };
            prop_assert_eq!(&a.order, &b.order);
            for (x, y) in a.units.iter().zip(&b.units) {
                prop_assert_eq!(x.score.is_some(), y.score.is_some());
                if let (Some(s), Some(t)) = (x.score, y.score) {
                    prop_assert!((s - t).abs() <= 1e-9 * (1.0 + s.abs()));
                }
                prop_assert!((x.coverage - y.coverage).abs() < 1e-12);
            }
        }

        #[test]
        fn zero_weight_equals_dropping(c in case(), drop in 0usize..5) {
            let m = c.weights.len();
            let drop = drop % m;
            let mut w = c.weights.clone();
            w[drop] = 0.0;
            if !positive(&w) {
                return Ok(());
            }
            let mut keep = vec![true; m];
            let zeroed = run_case(&c, &w, &keep);
            keep[drop] = false;
            let dropped = run_case(&c, &w, &keep);
            prop_assert_eq!(zeroed.is_some(), dropped.is_some());
            let (Some(zeroed), Some(dropped)) = (zeroed, dropped) else {
                return Ok(());
            };
            prop_assert_eq!(&zeroed.order, &dropped.order);
            for (x, y) in zeroed.units.iter().zip(&dropped.units) {
                prop_assert_eq!(x.score, y.score);
                prop_assert_eq!(x.rank, y.rank);
                prop_assert_eq!(x.coverage, y.coverage);
            }
        }

        #[test]
        fn ties_are_broken_by_code(c in case(), copy in 0usize..12) {
            prop_assume!(positive(&c.weights));
            // Duplicate one unit under a new code: same score, adjacent ranks.
            let mut c = c;
            let src = copy % c.codes.len();
            c.codes.push(format!("{}0", c.codes[src]));
            for col in &mut c.columns {
                let v = col[src];
                col.push(v);
            }
            let all = vec![true; c.weights.len()];
            let Some(r) = run_case(&c, &c.weights, &all) else {
                return Ok(());
            };
            for pair in r.order.windows(2) {
                let (a, b) = (&r.units[pair[0]], &r.units[pair[1]]);
                prop_assert!(a.score >= b.score);
                if a.score == b.score {
                    prop_assert!(c.codes[pair[0]] < c.codes[pair[1]]);
                }
            }
            let dup = c.codes.len() - 1;
            prop_assert_eq!(r.units[src].score, r.units[dup].score);
            if let (Some(a), Some(b)) = (r.units[src].rank, r.units[dup].rank) {
                prop_assert_eq!(a + 1, b);
            }
        }

        #[test]
        fn contributions_sum_to_score(c in case()) {
            prop_assume!(positive(&c.weights));
            let all = vec![true; c.weights.len()];
            let Some(r) = run_case(&c, &c.weights, &all) else {
                return Ok(());
            };
            for (u, unit) in r.units.iter().enumerate() {
                let sum: f64 = r.contributions(u).iter().sum();
                match (unit.score, c.agg) {
                    (Some(s), Aggregation::Arithmetic) => prop_assert_eq!(sum, s),
                    (Some(s), Aggregation::Geometric) => {
                        prop_assert!((sum - s.ln()).abs() < 1e-12)
                    }
                    (None, _) => prop_assert_eq!(sum, 0.0),
                }
            }
        }
    }
}
