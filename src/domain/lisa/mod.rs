//! Local and global Moran's I (Anselin 1995) with conditional permutation
//! inference, on row-standardised contiguity weights.
//!
//! With z_i = x_i - mean(x) over the units that have a value and
//! m2 = sum z_i^2 / n, the local statistic is
//! `I_i = z_i / m2 * sum_j w_ij z_j` with `w_ij = 1 / k_i` for the k_i
//! neighbours of i (Anselin 1995, eq. 7 with row-standardised W). The pseudo
//! p-value holds z_i fixed and draws k_i other values at random
//! (conditional randomisation, Anselin 1995 section 4):
//! `p = (min(#{I* >= I}, #{I* <= I}) + 1) / (permutations + 1)`, the folded
//! one-sided rule PySAL/esda and GeoDa report. Global
//! `I = n / S0 * sum_ij w_ij z_i z_j / sum z_i^2` with S0 the number of
//! units that have neighbours; its p-value permutes all values.
//!
//! The same random draws serve every unit (as esda does): draw r from the
//! n - 1 other units, then skip i by shifting indices >= i up by one. That
//! keeps the national set (15,000 units, 999 permutations) well under a
//! second and makes the result a function of the seed alone.

use rand::rngs::StdRng;
use rand::seq::index::sample;
use rand::SeedableRng;
use rayon::prelude::*;
use serde::Serialize;

mod count;
mod global;
use count::Pass;
use global::LazyGlobal;

/// Default number of permutations, as GeoDa and esda.
pub const DEFAULT_PERMUTATIONS: usize = 999;
/// Significance level for the cluster classes.
pub const ALPHA: f64 = 0.05;

/// The class of a unit on the Moran scatter plot, when significant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LisaClass {
    HighHigh,
    LowLow,
    HighLow,
    LowHigh,
    NotSignificant,
    /// No neighbour with a value: no local statistic.
    Island,
    /// No value of its own.
    Missing,
}

impl LisaClass {
    pub fn id(self) -> &'static str {
        match self {
            LisaClass::HighHigh => "HH",
            LisaClass::LowLow => "LL",
            LisaClass::HighLow => "HL",
            LisaClass::LowHigh => "LH",
            LisaClass::NotSignificant => "ns",
            LisaClass::Island => "island",
            LisaClass::Missing => "missing",
        }
    }
}

/// One unit's local result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LocalMoran {
    pub i: Option<f64>,
    pub p: Option<f64>,
    pub class: LisaClass,
}

/// Global Moran's I with its permutation pseudo p-value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GlobalMoran {
    pub i: f64,
    pub p: f64,
    /// E[I] = -1 / (n - 1) under no spatial autocorrelation.
    pub expected: f64,
    pub permutations: usize,
}

/// LISA of one variable.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lisa {
    pub local: Vec<LocalMoran>,
    /// Made when first asked for (see [`LazyGlobal`]).
    global: LazyGlobal,
    pub islands: usize,
}

impl Lisa {
    /// Global Moran's I with its pseudo p-value; computed on the first call.
    pub fn global(&self) -> Option<GlobalMoran> {
        self.global.get()
    }
}

/// Units with a value, their centred values and the neighbours kept
/// (those with a value), in compact indices.
struct Prepared {
    /// Compact index -> input index.
    index: Vec<usize>,
    z: Vec<f64>,
    nb: Vec<Vec<usize>>,
    m2: f64,
}

fn prepare(values: &[Option<f64>], neighbours: &[Vec<usize>]) -> Prepared {
    let mut compact = vec![usize::MAX; values.len()];
    let mut index = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if v.is_some_and(f64::is_finite) {
            compact[i] = index.len();
            index.push(i);
        }
    }
    let n = index.len();
    let mean = index.iter().filter_map(|&i| values[i]).sum::<f64>() / n.max(1) as f64;
    let z: Vec<f64> = index
        .iter()
        .map(|&i| values[i].unwrap_or(mean) - mean)
        .collect();
    let nb = index
        .iter()
        .map(|&i| {
            let mut v: Vec<usize> = neighbours
                .get(i)
                .into_iter()
                .flatten()
                .filter_map(|&j| compact.get(j).copied().filter(|&c| c != usize::MAX))
                .filter(|&c| c != compact[i])
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let m2 = z.iter().map(|v| v * v).sum::<f64>() / n.max(1) as f64;
    Prepared { index, z, nb, m2 }
}

/// Local and global Moran's I of `values` (None = missing) on the
/// contiguity `neighbours` (indices into `values`).
pub fn lisa(
    values: &[Option<f64>],
    neighbours: &[Vec<usize>],
    permutations: usize,
    seed: u64,
) -> Lisa {
    let p = prepare(values, neighbours);
    let n = p.z.len();
    let mut local = vec![
        LocalMoran {
            i: None,
            p: None,
            class: LisaClass::Missing,
        };
        values.len()
    ];
    let islands = p.nb.iter().filter(|v| v.is_empty()).count();
    if n < 3 || p.m2 <= 0.0 {
        for (c, &i) in p.index.iter().enumerate() {
            local[i].class = if p.nb[c].is_empty() {
                LisaClass::Island
            } else {
                LisaClass::NotSignificant
            };
        }
        return Lisa {
            local,
            global: LazyGlobal::none(),
            islands,
        };
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let kmax = p.nb.iter().map(Vec::len).max().unwrap_or(0).min(n - 1);
    // One flat array, `kmax` indices per draw: every unit reads all of it,
    // and contiguous rows stay in cache where a `Vec` per draw does not.
    let mut draws: Vec<usize> = Vec::with_capacity(permutations * kmax);
    for _ in 0..permutations {
        draws.extend(sample(&mut rng, n - 1, kmax));
    }
    // Each unit is tested against the same draws, independently of the
    // others: the units are spread over the cores, the result stays a
    // function of the seed alone.
    let tested: Vec<(usize, LocalMoran)> = p
        .index
        .par_iter()
        .enumerate()
        .map(|(c, &i)| {
            let k = p.nb[c].len();
            if k == 0 {
                return (
                    i,
                    LocalMoran {
                        i: None,
                        p: None,
                        class: LisaClass::Island,
                    },
                );
            }
            let zi = p.z[c];
            let observed_sum: f64 = p.nb[c].iter().map(|&j| p.z[j]).sum();
            let observed_lag = observed_sum / k as f64;
            let obs = zi / p.m2 * observed_lag;
            let sums = draws.chunks_exact(kmax.max(1)).map(|d| {
                // Skipping unit c itself without a branch: which side of c
                // a random index falls is unpredictable.
                d[..k.min(d.len())]
                    .iter()
                    .map(|&j| p.z[j + usize::from(j >= c)])
                    .sum::<f64>()
            });
            let larger = Pass::new(zi / p.m2, k as f64, observed_sum).count(sums);
            let folded = larger.min(permutations - larger);
            let pv = (folded as f64 + 1.0) / (permutations as f64 + 1.0);
            let class = if pv >= ALPHA {
                LisaClass::NotSignificant
            } else {
                match (zi > 0.0, observed_lag > 0.0) {
                    (true, true) => LisaClass::HighHigh,
                    (false, false) => LisaClass::LowLow,
                    (true, false) => LisaClass::HighLow,
                    (false, true) => LisaClass::LowHigh,
                }
            };
            (
                i,
                LocalMoran {
                    i: Some(obs),
                    p: Some(pv),
                    class,
                },
            )
        })
        .collect();
    for (i, m) in tested {
        local[i] = m;
    }
    // The global test continues the same generator where the local draws
    // left it, whenever it is run.
    Lisa {
        local,
        global: LazyGlobal::new(p.z, p.nb, permutations, rng),
        islands,
    }
}

/// Queen neighbours on a `cols` x `rows` lattice, row by row: the test and
/// benchmark geometry.
pub fn lattice_queen(cols: usize, rows: usize) -> Vec<Vec<usize>> {
    let mut nb = vec![Vec::new(); cols * rows];
    for r in 0..rows {
        for c in 0..cols {
            for dr in -1i64..=1 {
                for dc in -1i64..=1 {
                    let (rr, cc) = (r as i64 + dr, c as i64 + dc);
                    if (dr, dc) != (0, 0)
                        && rr >= 0
                        && cc >= 0
                        && (rr as usize) < rows
                        && (cc as usize) < cols
                    {
                        nb[r * cols + c].push(rr as usize * cols + cc as usize);
                    }
                }
            }
        }
    }
    nb
}

#[cfg(test)]
mod tests;
