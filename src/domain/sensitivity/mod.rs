//! Variance-based sensitivity of the ranking to its weights: first-order
//! and total Sobol indices of each weight on each chosen unit's rank, as
//! COINr's `get_sensitivity` reports them, next to the one-at-a-time test
//! of the Monte Carlo.
//!
//! Each weight varies independently and uniformly within +-`spread` of its
//! profile value. With two independent sample matrices A and B (N rows,
//! one column per weight) and A_B^(i) = A with column i taken from B, the
//! estimators are those of Saltelli et al. (2010), "Variance based
//! sensitivity analysis of model output", Comput. Phys. Commun. 181,
//! table 2: first order V_i = 1/N sum f(B) (f(A_B^i) - f(A)) (their eq. b)
//! and total VT_i = 1/(2N) sum (f(A) - f(A_B^i))^2 (Jansen 1999, eq. f),
//! each divided by the variance of f over A and B together.

use crate::domain::score::{Prepared, ScoreError};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq)]
pub struct SobolSettings {
    /// Rows N of each sample matrix; the ranking is computed N (k + 2)
    /// times for k weights.
    pub samples: usize,
    /// Each weight varies within (1 - spread, 1 + spread) times its value.
    pub spread: f64,
    pub seed: u64,
}

impl Default for SobolSettings {
    fn default() -> Self {
        SobolSettings {
            samples: 512,
            spread: 0.5,
            seed: 20_260_101,
        }
    }
}

/// The indices of one weight on one output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SobolIndex {
    pub indicator: String,
    pub first_order: f64,
    pub total: f64,
}

/// One unit's rank: its variance over the samples and per weight the
/// indices (all zero when the rank never moves).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitSobol {
    pub unit: usize,
    pub rank_variance: f64,
    pub indices: Vec<SobolIndex>,
}

/// First-order and total indices of `k` inputs, each uniform on its
/// `(lo, hi)`, on every output of `eval` (which returns `m` outputs).
/// Returns per output (variance, per input (first, total)).
pub fn sobol<F>(
    bounds: &[(f64, f64)],
    samples: usize,
    seed: u64,
    eval: F,
) -> Vec<(f64, Vec<(f64, f64)>)>
where
    F: Fn(&[f64]) -> Vec<f64> + Sync,
{
    let k = bounds.len();
    let n = samples.max(2);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut draw = || -> Vec<f64> {
        bounds
            .iter()
            .map(|&(lo, hi)| lo + (hi - lo) * rng.random::<f64>())
            .collect()
    };
    let a: Vec<Vec<f64>> = (0..n).map(|_| draw()).collect();
    let b: Vec<Vec<f64>> = (0..n).map(|_| draw()).collect();
    // Rows of every matrix, evaluated in parallel; the order of the draws
    // above fixes the result, so it does not depend on the threads.
    let rows: Vec<Vec<f64>> = (0..n * (k + 2))
        .map(|r| {
            let j = r % n;
            match r / n {
                0 => a[j].clone(),
                1 => b[j].clone(),
                c => {
                    let mut x = a[j].clone();
                    x[c - 2] = b[j][c - 2];
                    x
                }
            }
        })
        .collect();
    let y: Vec<Vec<f64>> = rows.par_iter().map(|x| eval(x)).collect();
    let m = y.first().map_or(0, Vec::len);
    (0..m)
        .map(|o| {
            let ya: Vec<f64> = (0..n).map(|j| y[j][o]).collect();
            let yb: Vec<f64> = (0..n).map(|j| y[n + j][o]).collect();
            let all = ya.iter().chain(&yb);
            let mean = all.clone().sum::<f64>() / (2 * n) as f64;
            let var = all.map(|v| (v - mean).powi(2)).sum::<f64>() / (2 * n) as f64;
            let idx = (0..k)
                .map(|i| {
                    if var <= 0.0 {
                        return (0.0, 0.0);
                    }
                    let yab = |j: usize| y[(i + 2) * n + j][o];
                    // Centred f(B): same expectation, far less Monte Carlo
                    // noise when the output sits far from 0 (a rank).
                    let first = (0..n)
                        .map(|j| (yb[j] - mean) * (yab(j) - ya[j]))
                        .sum::<f64>()
                        / n as f64;
                    let total =
                        (0..n).map(|j| (ya[j] - yab(j)).powi(2)).sum::<f64>() / (2 * n) as f64;
                    (first / var, total / var)
                })
                .collect();
            (var, idx)
        })
        .collect()
}

/// Sobol indices of the weights on the rank of each of `units` (a unit
/// the ranking leaves unranked under some weights counts as ranked last).
pub fn weight_sobol(
    prepared: &Prepared,
    weights: &[f64],
    units: &[usize],
    settings: &SobolSettings,
) -> Result<Vec<UnitSobol>, ScoreError> {
    let ids = prepared.indicators();
    let s = settings.spread.clamp(0.0, 1.0);
    let bounds: Vec<(f64, f64)> = weights
        .iter()
        .map(|&w| (w * (1.0 - s), w * (1.0 + s)))
        .collect();
    // One ranking up front: a profile that cannot rank fails here, with
    // its own error, not inside the sampling.
    prepared.rank(weights)?;
    let last = (prepared.unit_count() + 1) as f64;
    let results = sobol(
        &bounds,
        settings.samples,
        settings.seed,
        |w| match prepared.rank(w) {
            Ok(r) => units
                .iter()
                .map(|&u| {
                    r.units
                        .get(u)
                        .and_then(|x| x.rank)
                        .map_or(last, |x| x as f64)
                })
                .collect(),
            Err(_) => vec![last; units.len()],
        },
    );
    Ok(units
        .iter()
        .zip(results)
        .map(|(&unit, (rank_variance, idx))| UnitSobol {
            unit,
            rank_variance,
            indices: ids
                .iter()
                .zip(idx)
                .map(|(id, (first_order, total))| SobolIndex {
                    indicator: id.clone(),
                    first_order,
                    total,
                })
                .collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests;
