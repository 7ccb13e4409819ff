//! The base-ranked units renumbered in code order, with the matrices every
//! draw reads copied contiguously for them.

use super::engine::Worker;
use crate::domain::profile::NormalisationMethod;
use crate::domain::score::{Prepared, Ranking};

/// "No position": not eligible, or not ranked.
pub(super) const NONE: u32 = u32::MAX;

/// The base-ranked units, renumbered in code order so that "lower local
/// index" is the tie-break, with their matrices copied contiguously.
pub(super) struct Compact {
    pub(super) n_r: usize,
    pub(super) m: usize,
    /// local -> input unit index.
    pub(super) units: Vec<usize>,
    /// Local indices of eligible units, ascending.
    pub(super) elig: Vec<u32>,
    /// local -> position in `elig`, or NONE.
    pub(super) elig_pos: Vec<u32>,
    /// Base shortlist as sorted local indices.
    pub(super) shortlist: Vec<u32>,
    /// One column-major n_r x m matrix per method in play; 0 where missing.
    pub(super) matrices: Vec<Vec<f64>>,
    /// The eligible rows of `matrices`, column-major n_e x m, for the
    /// sensitivity scan.
    pub(super) elig_matrices: Vec<Vec<f64>>,
    /// Column-major n_e x m: 1 where present, 0 where missing.
    pub(super) elig_present: Vec<f64>,
    /// Per method, per indicator: the largest value among eligible units.
    pub(super) elig_col_max: Vec<Vec<f64>>,
    /// (local, indicator) of every missing cell.
    pub(super) missing: Vec<(u32, u32)>,
}

impl Compact {
    pub(super) fn new(
        prepared: &Prepared,
        ranking: &Ranking,
        methods: &[NormalisationMethod],
    ) -> Compact {
        let m = prepared.m();
        let Renumbered {
            units,
            elig,
            elig_pos,
            shortlist,
        } = Renumbered::new(prepared, ranking);
        let elig_units: Vec<usize> = elig.iter().map(|&l| units[l as usize]).collect();
        let mut matrices = Vec::with_capacity(methods.len());
        let mut elig_matrices = Vec::with_capacity(methods.len());
        for &method in methods {
            let full = prepared.agg_matrix(method);
            matrices.push(gather(&full, prepared.unit_count(), m, &units));
            elig_matrices.push(gather(&full, prepared.unit_count(), m, &elig_units));
        }
        let (elig_present, missing) = presence(prepared, &units, &elig_units);
        let elig_col_max = column_max(&elig_matrices, elig.len(), m);
        Compact {
            n_r: units.len(),
            m,
            units,
            elig,
            elig_pos,
            shortlist,
            matrices,
            elig_matrices,
            elig_present,
            elig_col_max,
            missing,
        }
    }

    /// Sum of the weights of the indicators unit `l` has.
    pub(super) fn present_weight(&self, l: usize, w: &[f64]) -> f64 {
        let from = self.missing.partition_point(|&(ml, _)| (ml as usize) < l);
        let to = self.missing.partition_point(|&(ml, _)| (ml as usize) <= l);
        let gone = &self.missing[from..to];
        w.iter()
            .enumerate()
            .filter(|&(j, _)| !gone.iter().any(|&(_, mj)| mj as usize == j))
            .map(|(_, &wj)| wj)
            .sum()
    }

    pub(super) fn changes_at_base(&self, weights: &[f64], method: usize, k: usize) -> Vec<bool> {
        let mut worker = Worker::new(self, k);
        worker.evaluate(self, method, weights);
        (0..self.m)
            .map(|j| worker.top_changes(self, method, j, 0.5 * weights[j]))
            .collect()
    }
}

/// The base-ranked units in code order, and where the eligible ones and the
/// shortlist sit in that order.
struct Renumbered {
    units: Vec<usize>,
    elig: Vec<u32>,
    elig_pos: Vec<u32>,
    shortlist: Vec<u32>,
}

impl Renumbered {
    fn new(prepared: &Prepared, ranking: &Ranking) -> Renumbered {
        let code_pos = prepared.code_pos();
        let mut units: Vec<usize> = ranking.order.clone();
        units.sort_unstable_by_key(|&u| code_pos[u]);
        let mut local_of = vec![NONE; prepared.unit_count()];
        for (l, &u) in units.iter().enumerate() {
            local_of[u] = l as u32;
        }
        let mut elig = Vec::new();
        let mut elig_pos = vec![NONE; units.len()];
        for (l, &u) in units.iter().enumerate() {
            if ranking.units[u].eligible {
                elig_pos[l] = elig.len() as u32;
                elig.push(l as u32);
            }
        }
        let mut shortlist: Vec<u32> = ranking.shortlist.iter().map(|&u| local_of[u]).collect();
        shortlist.sort_unstable();
        Renumbered {
            units,
            elig,
            elig_pos,
            shortlist,
        }
    }
}

/// Column-major copy of the given rows of a full column-major n x m matrix.
fn gather(full: &[f64], n: usize, m: usize, rows: &[usize]) -> Vec<f64> {
    let mut c = Vec::with_capacity(rows.len() * m);
    for j in 0..m {
        let col = &full[j * n..(j + 1) * n];
        c.extend(rows.iter().map(|&u| col[u]));
    }
    c
}

/// The presence mask of the eligible rows (1 present, 0 missing), and every
/// missing (local, indicator) cell sorted by unit.
fn presence(
    prepared: &Prepared,
    units: &[usize],
    elig_units: &[usize],
) -> (Vec<f64>, Vec<(u32, u32)>) {
    let m = prepared.m();
    let mut elig_present = Vec::with_capacity(elig_units.len() * m);
    let mut missing = Vec::new();
    for j in 0..m {
        for (l, &u) in units.iter().enumerate() {
            if !prepared.is_present(u, j) {
                missing.push((l as u32, j as u32));
            }
        }
        elig_present.extend(elig_units.iter().map(|&u| {
            if prepared.is_present(u, j) {
                1.0
            } else {
                0.0
            }
        }));
    }
    missing.sort_unstable();
    (elig_present, missing)
}

/// Per matrix, per column: the largest of its `rows` values.
fn column_max(matrices: &[Vec<f64>], rows: usize, m: usize) -> Vec<Vec<f64>> {
    matrices
        .iter()
        .map(|mat| {
            (0..m)
                .map(|j| {
                    mat[j * rows..(j + 1) * rows]
                        .iter()
                        .fold(f64::NEG_INFINITY, |a, &b| a.max(b))
                })
                .collect()
        })
        .collect()
}
