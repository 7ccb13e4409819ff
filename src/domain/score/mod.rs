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
//!
//! Layout: `input` and `error` say what goes in and what can go wrong;
//! `normalise` cleans and normalises one column; `prepared` does that once
//! for every indicator; `rank` weighs, aggregates and orders; `result` holds
//! what a ranking reports.

mod error;
mod input;
mod normalise;
mod prepared;
#[cfg(test)]
mod properties;
mod rank;
mod result;
#[cfg(test)]
pub(crate) mod tests;

pub use error::ScoreError;
pub use input::{IndicatorColumn, ScoreInput, UnitFacts};
pub use normalise::GEOMETRIC_FLOOR;
pub use prepared::{reference_mask, Prepared};
pub use rank::rank;
pub use result::{AbsentIndicator, AbsentReason, NotRanked, Ranking, UnitResult};
