//! How stable is a ranking when the weights are argued about?
//!
//! Monte Carlo over weights: each draw takes weights from a Dirichlet
//! distribution centred on the ranking's weights (alpha_i = concentration *
//! w_i / sum(w), built from Gamma(alpha_i, 1) samples), optionally with a
//! randomly chosen normalisation method, and re-ranks.
//!
//! Definitions:
//! - Only units ranked under the base weights take part, and eligibility is
//!   that of the base ranking, so every draw ranks the same set of units and a
//!   unit's ranks are comparable across draws.
//! - Rank quantiles are nearest-rank: the q-quantile of D draws is the
//!   ceil(q * D)-th smallest rank. The median is therefore a whole rank.
//! - `p_top_k`: share of draws in which the unit is among the first k
//!   eligible units. Label: robust-in if p >= 0.9, borderline if
//!   0.1 <= p < 0.9, out if p < 0.1.
//! - Sensitivity of indicator i: share of draws in which raising w_i by 50%
//!   (renormalising, which does not change an order) changes the top-k set
//!   compared with that draw's own top-k set. Also reported once at the
//!   base weights. Indicators with weight 0 cannot change anything.
//!
//! Weights for all draws are generated first, sequentially from one seeded
//! generator; draws are then scored in parallel chunks with integer
//! accumulators, so results do not depend on the number of threads.
//!
//! Layout: `result` holds what the caller gets back; `monte_carlo` checks
//! the settings and assembles that result; `compact` copies the base-ranked
//! units into dense matrices; `draws` generates every draw's weights; `engine`
//! scores one draw and `order` sorts its scores; `run` spreads the draws over
//! threads; `spread` turns per-draw ranks into quantiles.

mod compact;
mod draws;
mod engine;
mod monte_carlo;
mod order;
mod result;
mod run;
mod spread;
#[cfg(test)]
mod tests;

pub use monte_carlo::stability;
pub use result::{
    EligibleStability, IndicatorSensitivity, RankSpread, Stability, StabilityLabel, UnitStability,
    OUT_BELOW, ROBUST_IN,
};
