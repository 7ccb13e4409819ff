//! Region growing on the cell lattice: wijken and buurten are grown from
//! seed cells, which keeps every region connected by construction (each
//! cell joins the region of the neighbour it was reached from).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::lattice::{Lattice, NO_REGION};
use super::rng::key_hash;

const STEP_SALT: u64 = 0x7374_6570;

/// Multi-source Dijkstra over cells where `allowed` holds. A seed is a cell
/// and a head start (a larger start cost makes that region smaller). Step
/// costs are random per cell pair, which gives ragged, organic borders.
/// Returns per cell the index of the seed that claimed it, or NO_REGION.
pub(crate) fn grow(
    lattice: &Lattice,
    allowed: &[bool],
    seeds: &[(usize, u32)],
    salt: u64,
) -> Vec<u32> {
    let mut owner = vec![NO_REGION; lattice.cells()];
    let mut heap = BinaryHeap::new();
    for (k, &(cell, cost)) in seeds.iter().enumerate() {
        heap.push(Reverse((cost, cell, k as u32)));
    }
    while let Some(Reverse((cost, cell, k))) = heap.pop() {
        if owner[cell] != NO_REGION || !allowed[cell] {
            continue;
        }
        owner[cell] = k;
        for nb in lattice.neighbours(cell) {
            if owner[nb] == NO_REGION && allowed[nb] {
                let pair = (cell.min(nb) as u64) << 32 | cell.max(nb) as u64;
                let step = 100 + (key_hash(salt, STEP_SALT, pair) % 150) as u32;
                heap.push(Reverse((cost + step, nb, k)));
            }
        }
    }
    owner
}

/// 4-connected components of the cells where `member` holds, each sorted,
/// in order of their lowest cell.
pub(crate) fn components(lattice: &Lattice, member: &[bool]) -> Vec<Vec<usize>> {
    let mut seen = vec![false; lattice.cells()];
    let mut out = Vec::new();
    for start in 0..lattice.cells() {
        if seen[start] || !member[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![start];
        let mut comp = Vec::new();
        while let Some(c) = stack.pop() {
            comp.push(c);
            for nb in lattice.neighbours(c) {
                if member[nb] && !seen[nb] {
                    seen[nb] = true;
                    stack.push(nb);
                }
            }
        }
        comp.sort_unstable();
        out.push(comp);
    }
    out
}

/// Picks `k` spread-out seed cells from `cells`: each next seed is the cell
/// farthest from the seeds so far, with distance scaled by `weight` so that
/// heavy (urban) areas receive more, hence smaller, regions.
pub(crate) fn spread_seeds(
    lattice: &Lattice,
    cells: &[usize],
    weight: &dyn Fn(usize) -> f64,
    k: usize,
) -> Vec<usize> {
    let mut seeds: Vec<usize> = Vec::with_capacity(k);
    let mut nearest = vec![f64::INFINITY; cells.len()];
    while seeds.len() < k.min(cells.len()) {
        let best = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !seeds.contains(c))
            .map(|(idx, &c)| (nearest[idx].min(1e9) * weight(c).sqrt(), Reverse(c), idx))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let Some((_, Reverse(cell), _)) = best else {
            break;
        };
        seeds.push(cell);
        let p = lattice.cell_centre(cell);
        for (idx, &c) in cells.iter().enumerate() {
            let q = lattice.cell_centre(c);
            nearest[idx] = nearest[idx].min((p[0] - q[0]).hypot(p[1] - q[1]));
        }
    }
    seeds
}
