//! "Why A and not B?": two units side by side under one ranking: their
//! values, normalised values and contributions, the score gap split by
//! indicator, and per indicator the weight at which their order flips.
//!
//! Arithmetic: the score is `sum_j c_j` with `c_j = w_j / W_u * v_j`, so the
//! gap `score_A - score_B` is `sum_j (c_Aj - c_Bj)`: the split adds up to
//! the gap (to floating-point rounding, below 1e-12). Geometric: the
//! contributions sum to ln(score), so the gap is split on the log scale.
//!
//! Flip weights: with every other weight fixed and w_j = t, a unit's
//! aggregate is `N_u(t) / W_u(t)`, both linear in t (t counts only where the
//! unit has indicator j). The order flips where
//! `N_A(t) W_B(t) - N_B(t) W_A(t) = 0`, a quadratic in t; the non-negative
//! root nearest the current weight is reported.

use super::score::{Prepared, Ranking};
use crate::i18n::{Bilingual, Lang};
use serde::Serialize;
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum CompareError {
    #[error("unit {code} has no score under this profile, so it cannot be compared")]
    NotRanked { code: String },
    #[error("unit {code} is not among the units compared (check the code and the pilot rule)")]
    Unknown { code: String },
    #[error("comparing a unit with itself ({code}) says nothing")]
    Same { code: String },
}

impl Bilingual for CompareError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            CompareError::NotRanked { code } => format!(
                "eenheid {code} heeft geen score onder dit profiel en kan dus niet worden vergeleken"
            ),
            CompareError::Unknown { code } => format!(
                "eenheid {code} hoort niet bij de vergeleken eenheden (controleer de code en de pilotregel)"
            ),
            CompareError::Same { code } => {
                format!("een eenheid met zichzelf vergelijken ({code}) zegt niets")
            }
        }
    }
}

/// One indicator of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareRow {
    pub id: String,
    pub weight: f64,
    pub value_a: Option<f64>,
    pub value_b: Option<f64>,
    /// Normalised (z, min-max or percentile; higher = more need).
    pub norm_a: Option<f64>,
    pub norm_b: Option<f64>,
    pub contribution_a: f64,
    pub contribution_b: f64,
    /// contribution_a - contribution_b: this indicator's share of the gap.
    pub gap: f64,
    /// The weight of this indicator (others fixed) at which B overtakes A
    /// or A overtakes B; `None` when no non-negative weight does.
    pub flip_weight: Option<f64>,
}

/// Two units under one ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub a: usize,
    pub b: usize,
    pub score_a: f64,
    pub score_b: f64,
    pub rank_a: Option<usize>,
    pub rank_b: Option<usize>,
    /// Arithmetic: score_a - score_b. Geometric: ln score_a - ln score_b.
    pub gap: f64,
    pub rows: Vec<CompareRow>,
}

/// Compare units `a` and `b`; `raw` gives an indicator's raw column.
pub fn compare<'a>(
    prepared: &Prepared,
    ranking: &Ranking,
    raw: impl Fn(&str) -> Option<&'a [Option<f64>]>,
    codes: (&str, &str),
    a: usize,
    b: usize,
) -> Result<Comparison, CompareError> {
    if a == b {
        return Err(CompareError::Same {
            code: codes.0.into(),
        });
    }
    let score = |u: usize, code: &str| {
        ranking
            .units
            .get(u)
            .and_then(|r| r.score)
            .ok_or_else(|| CompareError::NotRanked { code: code.into() })
    };
    let (score_a, score_b) = (score(a, codes.0)?, score(b, codes.1)?);
    let (ca, cb) = (ranking.contributions(a), ranking.contributions(b));
    let agg = prepared.agg_matrix(prepared.method());
    let n = prepared.unit_count();
    let present = |u: usize, j: usize| prepared.is_present(u, j);
    let rows = ranking
        .indicators
        .iter()
        .enumerate()
        .map(|(j, id)| {
            let value = |u: usize| raw(id).and_then(|c| c.get(u).copied().flatten());
            CompareRow {
                id: id.clone(),
                weight: ranking.weights[j],
                value_a: value(a),
                value_b: value(b),
                norm_a: prepared.normalised(a, j),
                norm_b: prepared.normalised(b, j),
                contribution_a: ca[j],
                contribution_b: cb[j],
                gap: ca[j] - cb[j],
                flip_weight: flip_weight(
                    &ranking.weights,
                    j,
                    |u, k| present(u, k).then(|| agg[k * n + u]),
                    a,
                    b,
                ),
            }
        })
        .collect::<Vec<_>>();
    let gap = rows.iter().map(|r| r.gap).sum();
    Ok(Comparison {
        a,
        b,
        score_a,
        score_b,
        rank_a: ranking.units[a].rank,
        rank_b: ranking.units[b].rank,
        gap,
        rows,
    })
}

/// The weight of indicator `j` at which the order of `a` and `b` flips.
/// `g(u, k)` is unit u's aggregation input on indicator k, `None` if absent.
fn flip_weight(
    weights: &[f64],
    j: usize,
    g: impl Fn(usize, usize) -> Option<f64>,
    a: usize,
    b: usize,
) -> Option<f64> {
    // N0, W0 without indicator j; (slope of N, slope of W) in t.
    let parts = |u: usize| {
        let (mut n0, mut w0) = (0.0, 0.0);
        for (k, &w) in weights.iter().enumerate() {
            if k != j {
                if let Some(v) = g(u, k) {
                    n0 += w * v;
                    w0 += w;
                }
            }
        }
        match g(u, j) {
            Some(v) => (n0, w0, v, 1.0),
            None => (n0, w0, 0.0, 0.0),
        }
    };
    let (na, wa, sa, ea) = parts(a);
    let (nb, wb, sb, eb) = parts(b);
    // (na + t sa)(wb + t eb) - (nb + t sb)(wa + t ea) = q t^2 + l t + c
    let q = sa * eb - sb * ea;
    let l = na * eb + sa * wb - nb * ea - sb * wa;
    let c = na * wb - nb * wa;
    let scale = q.abs().max(l.abs()).max(c.abs());
    if scale == 0.0 {
        return None;
    }
    let roots: Vec<f64> = if q.abs() <= 1e-12 * scale {
        if l.abs() <= 1e-12 * scale {
            Vec::new()
        } else {
            vec![-c / l]
        }
    } else {
        let disc = l * l - 4.0 * q * c;
        if disc < 0.0 {
            Vec::new()
        } else {
            let s = disc.sqrt();
            vec![(-l - s) / (2.0 * q), (-l + s) / (2.0 * q)]
        }
    };
    let current = weights[j];
    roots
        .into_iter()
        .filter(|t| t.is_finite() && *t >= 0.0)
        // A unit needs some weight left to have a score at all.
        .filter(|&t| wa + t * ea > 0.0 && wb + t * eb > 0.0)
        .filter(|t| (t - current).abs() > 1e-9 * current.max(1.0))
        .min_by(|x, y| (x - current).abs().total_cmp(&(y - current).abs()))
}

#[cfg(test)]
mod tests;
