//! Global Moran's I and its permutation test, made when first asked for:
//! its 999 full permutations of every unit cost about as much as all local
//! tests together, and the CSV and Markdown outputs never show it.

use super::GlobalMoran;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rayon::prelude::*;
use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// Permuted copies held at once for the global test (memory: batch x units).
const GLOBAL_BATCH: usize = 32;

/// What the global test needs: the centred values, the neighbour lists and
/// the generator as the local test left it, so the result is the same
/// whenever (and however often) it is asked for.
struct Inputs {
    z: Vec<f64>,
    nb: Vec<Vec<usize>>,
    permutations: usize,
    rng: StdRng,
}

/// The global result of a [`super::Lisa`], computed once on first use.
#[derive(Clone)]
pub struct LazyGlobal {
    inputs: Option<Arc<Inputs>>,
    value: OnceLock<Option<GlobalMoran>>,
}

impl LazyGlobal {
    pub(super) fn new(z: Vec<f64>, nb: Vec<Vec<usize>>, permutations: usize, rng: StdRng) -> Self {
        LazyGlobal {
            inputs: Some(Arc::new(Inputs {
                z,
                nb,
                permutations,
                rng,
            })),
            value: OnceLock::new(),
        }
    }

    /// No global statistic (too few units, or no variance).
    pub(super) fn none() -> Self {
        LazyGlobal {
            inputs: None,
            value: OnceLock::from(None),
        }
    }

    /// Not from inside parallel work: the permutations run on every core
    /// while the value is made, and a pool thread waiting for it could pick
    /// up a second call for the same value and wait on itself.
    pub fn get(&self) -> Option<GlobalMoran> {
        *self.value.get_or_init(|| {
            let i = self.inputs.as_deref()?;
            global_moran(&i.z, &i.nb, i.permutations, &mut i.rng.clone())
        })
    }
}

impl PartialEq for LazyGlobal {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl fmt::Debug for LazyGlobal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value.get() {
            Some(v) => v.fmt(f),
            None => f.write_str("(not computed yet)"),
        }
    }
}

impl Serialize for LazyGlobal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

/// The neighbour lists of the units that have neighbours, laid out flat:
/// the permutation test reads them a thousand times, and one contiguous
/// array keeps that in cache where a `Vec` per unit does not.
struct FlatNeighbours {
    /// (unit, its neighbours' range in `idx`), in unit order.
    rows: Vec<(usize, std::ops::Range<usize>)>,
    idx: Vec<usize>,
}

impl FlatNeighbours {
    fn new(nb: &[Vec<usize>]) -> FlatNeighbours {
        let mut rows = Vec::new();
        let mut idx = Vec::new();
        for (c, v) in nb.iter().enumerate() {
            if !v.is_empty() {
                let start = idx.len();
                idx.extend_from_slice(v);
                rows.push((c, start..idx.len()));
            }
        }
        FlatNeighbours { rows, idx }
    }
}

/// Global Moran's I with row-standardised weights. The sums run in the same
/// order as over the per-unit lists, so the result is the same to the bit.
fn global_i(f: &FlatNeighbours, z: &[f64]) -> f64 {
    let s0 = f.rows.len() as f64;
    let cross: f64 = f
        .rows
        .iter()
        .map(|(c, r)| {
            let v = &f.idx[r.clone()];
            z[*c] * v.iter().map(|&j| z[j]).sum::<f64>() / v.len() as f64
        })
        .sum();
    let ss: f64 = z.iter().map(|v| v * v).sum();
    z.len() as f64 / s0 * cross / ss
}

fn global_moran(
    z0: &[f64],
    nb: &[Vec<usize>],
    permutations: usize,
    rng: &mut StdRng,
) -> Option<GlobalMoran> {
    if nb.iter().all(Vec::is_empty) {
        return None;
    }
    let flat = FlatNeighbours::new(nb);
    let obs = global_i(&flat, z0);
    // The shuffles follow one another on the seeded generator; the Moran's
    // I of each batch of them is computed on every core.
    let mut z = z0.to_vec();
    let mut larger = 0usize;
    let mut done = 0;
    while done < permutations {
        let batch: Vec<Vec<f64>> = (0..GLOBAL_BATCH.min(permutations - done))
            .map(|_| {
                z.shuffle(rng);
                z.clone()
            })
            .collect();
        done += batch.len();
        larger += batch
            .par_iter()
            .filter(|zs| global_i(&flat, zs) >= obs)
            .count();
    }
    let folded = larger.min(permutations - larger);
    Some(GlobalMoran {
        i: obs,
        p: (folded as f64 + 1.0) / (permutations as f64 + 1.0),
        expected: -1.0 / (z0.len() as f64 - 1.0),
        permutations,
    })
}
