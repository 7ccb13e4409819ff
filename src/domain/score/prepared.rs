//! Cleaning and normalising once: [`Prepared`] holds every indicator as a
//! dense column-major matrix, so re-ranking under new weights is cheap.

use super::error::ScoreError;
use super::input::{IndicatorColumn, ScoreInput, UnitFacts};
use super::normalise::{clean_column, geometric_input, Normaliser};
use super::result::{AbsentIndicator, AbsentReason};
use crate::domain::profile::{Aggregation, NormalisationMethod, Profile, Reference};
use crate::domain::select::{self, GemeenteFilter, IneligibleReason};
use crate::domain::value::Direction;
use std::borrow::Cow;
use std::collections::HashMap;

/// Normalised data, ready to be ranked under any weight vector.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(super) n: usize,
    pub(super) ids: Vec<String>,
    pub(super) directions: Vec<Direction>,
    pub(super) profile_weights: Vec<f64>,
    pub(super) method: NormalisationMethod,
    pub(super) aggregation: Aggregation,
    pub(super) min_coverage: f64,
    pub(super) top_k: usize,
    /// Tie-break: position of each unit in (code, input index) order.
    pub(super) code_pos: Vec<u32>,
    /// Direction applied and winsorised; NaN = missing. Column-major.
    cleaned: Vec<f64>,
    /// Sorted reference values per column, after winsorising.
    sorted_ref: Vec<Vec<f64>>,
    /// Column-major; NaN = missing.
    normalised: Vec<f64>,
    /// Column-major value entering the mean (v, or ln g); 0 where missing.
    pub(super) agg: Vec<f64>,
    pub(super) reasons: Vec<Vec<IneligibleReason>>,
    pub(super) absent: Vec<AbsentIndicator>,
    pub(super) unmatched_gemeenten: Vec<String>,
}

impl Prepared {
    pub fn new(input: &ScoreInput<'_>, profile: &Profile) -> Result<Prepared, ScoreError> {
        profile.validate()?;
        let units = input.units;
        let n = units.len();
        if n == 0 {
            return Err(ScoreError::NoUnits);
        }
        let by_id = columns_by_id(input, n)?;
        let rules = &profile.eligibility;
        let filter = GemeenteFilter::new(&rules.gemeenten);
        let reference = reference_set(units, profile, &filter)?;
        let Cleaned {
            ids,
            directions,
            profile_weights,
            cleaned,
            sorted_ref,
            absent,
        } = Cleaned::collect(profile, &by_id, &reference)?;
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
            code_pos: code_positions(units),
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

    /// Normalised value (higher = more need) of a unit on indicator `j`.
    pub fn normalised(&self, unit: usize, j: usize) -> Option<f64> {
        let v = *self.normalised.get(j * self.n + unit)?;
        (!v.is_nan()).then_some(v)
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
}

/// The input columns by id, each checked to have one value per unit.
fn columns_by_id<'a, 'b>(
    input: &'b ScoreInput<'a>,
    n: usize,
) -> Result<HashMap<&'a str, &'b IndicatorColumn<'a>>, ScoreError> {
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
    Ok(by_id)
}

/// Which units the normalisation is fixed by (the reference set), for
/// estimators that must use the same units as the scores.
pub fn reference_mask(units: &[UnitFacts], profile: &Profile) -> Result<Vec<bool>, ScoreError> {
    reference_set(
        units,
        profile,
        &GemeenteFilter::new(&profile.eligibility.gemeenten),
    )
}

/// Which units the normalisation is fixed by: all, or those in scope.
fn reference_set(
    units: &[UnitFacts],
    profile: &Profile,
    filter: &GemeenteFilter,
) -> Result<Vec<bool>, ScoreError> {
    let rules = &profile.eligibility;
    let reference: Vec<bool> = match profile.normalisation.reference {
        Reference::All => vec![true; units.len()],
        Reference::Scope => units
            .iter()
            .map(|u| select::in_scope(u, rules, filter))
            .collect(),
    };
    if !reference.iter().any(|&r| r) {
        return Err(ScoreError::EmptyScope {
            gemeenten: rules.gemeenten.clone(),
        });
    }
    Ok(reference)
}

/// Tie-break: each unit's position in (code, input index) order.
fn code_positions(units: &[UnitFacts]) -> Vec<u32> {
    let n = units.len();
    let mut code_order: Vec<usize> = (0..n).collect();
    code_order.sort_by(|&a, &b| units[a].code.cmp(&units[b].code).then(a.cmp(&b)));
    let mut code_pos = vec![0u32; n];
    for (pos, &u) in code_order.iter().enumerate() {
        code_pos[u] = pos as u32;
    }
    code_pos
}

/// The profile indicators that take part, cleaned, and those left out.
struct Cleaned {
    ids: Vec<String>,
    directions: Vec<Direction>,
    profile_weights: Vec<f64>,
    cleaned: Vec<f64>,
    sorted_ref: Vec<Vec<f64>>,
    absent: Vec<AbsentIndicator>,
}

impl Cleaned {
    fn collect(
        profile: &Profile,
        by_id: &HashMap<&str, &IndicatorColumn<'_>>,
        reference: &[bool],
    ) -> Result<Cleaned, ScoreError> {
        let mut out = Cleaned {
            ids: Vec::new(),
            directions: Vec::new(),
            profile_weights: Vec::new(),
            cleaned: Vec::new(),
            sorted_ref: Vec::new(),
            absent: Vec::new(),
        };
        for ind in &profile.indicators {
            let Some(col) = by_id.get(ind.id.as_str()) else {
                out.absent.push(AbsentIndicator {
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
                reference,
                profile.normalisation.winsorize,
            ) else {
                out.absent.push(AbsentIndicator {
                    id: ind.id.clone(),
                    reason: AbsentReason::NoValuesInReference,
                });
                continue;
            };
            out.ids.push(ind.id.clone());
            out.directions.push(direction);
            out.profile_weights.push(ind.weight);
            out.cleaned.extend_from_slice(&values);
            out.sorted_ref.push(sorted);
        }
        if out.profile_weights.iter().all(|&w| w == 0.0) {
            let absent = profile
                .indicators
                .iter()
                .filter(|i| i.weight > 0.0)
                .map(|i| i.id.clone())
                .collect();
            return Err(ScoreError::NoIndicatorPresent { absent });
        }
        Ok(out)
    }
}
