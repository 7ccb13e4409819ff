//! Self-intersection check for boundary polygons.
//!
//! - `apart`: the quick proof that no two edges meet, which settles the
//!   valid polygons nearly all files hold
//! - `sweep`: the sweep over x that says where a polygon crosses itself,
//!   run when that proof does not go through

mod apart;
mod sweep;

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::line_intersection::{line_intersection, LineIntersection};
use geo::{Coord, Line, Polygon};
use std::cell::RefCell;

/// Where a polygon's rings cross themselves or each other, if they do.
/// A sweep over x keeps this near-linear for buurt shapes; geo's full
/// validation compares every pair of edges and dominated national loads.
/// Most polygons are valid, and showing that costs less than the sweep:
/// the sweep only runs, from scratch, for a polygon the proof leaves open,
/// so the point reported is always the sweep's.
pub(super) fn crossing(p: &Polygon<f64>) -> Option<Coord<f64>> {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut s) => check(p, &mut s),
        // Not reached (nothing here calls back in); a fresh buffer is as good.
        Err(_) => check(p, &mut Scratch::default()),
    })
}

fn check(p: &Polygon<f64>, scratch: &mut Scratch) -> Option<Coord<f64>> {
    if apart::shown_apart(p, &mut scratch.apart) {
        None
    } else {
        sweep::sweep(p, &mut scratch.sweep)
    }
}

/// Buffers kept per thread between polygons: a national file checks tens
/// of thousands, and fresh buffers for each cost more than the check.
#[derive(Default)]
struct Scratch {
    apart: apart::Scratch,
    sweep: sweep::Scratch,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// One edge of a ring that is not a single point: edge `idx` of ring
/// `ring` (0 the exterior, then the holes), from vertex `idx` to `idx + 1`.
#[derive(Clone, Copy)]
struct Seg {
    ring: usize,
    idx: usize,
    line: Line<f64>,
    min_x: f64,
    max_x: f64,
}

impl Seg {
    fn new(ring: usize, idx: usize, line: Line<f64>) -> Seg {
        Seg {
            ring,
            idx,
            line,
            min_x: line.start.x.min(line.end.x),
            max_x: line.start.x.max(line.end.x),
        }
    }

    fn y_range(&self) -> (f64, f64) {
        (
            self.line.start.y.min(self.line.end.y),
            self.line.start.y.max(self.line.end.y),
        )
    }

    /// The sweep's order: by left end, ties in push order, which is ring
    /// by ring and edge by edge.
    fn sweep_key(&self) -> (i64, usize, usize) {
        (total_order_key(self.min_x), self.ring, self.idx)
    }
}

/// Ring `r` of `p`: the exterior, then the holes.
fn ring(p: &Polygon<f64>, r: usize) -> &[Coord<f64>] {
    match r.checked_sub(1) {
        None => &p.exterior().0,
        Some(h) => p.interiors().get(h).map_or(&[], |ls| &ls.0),
    }
}

/// Where edges `a` and `b` (`a` first in sweep order, their boxes
/// touching) meet in a way a valid polygon does not allow. `len` is the
/// number of edges of `a`'s ring.
fn verdict(a: &Seg, b: &Seg, len: usize) -> Option<Coord<f64>> {
    let same_ring = a.ring == b.ring;
    let adjacent = same_ring && (a.idx.abs_diff(b.idx) == 1 || a.idx.abs_diff(b.idx) + 1 == len);
    // Adjacent edges share a vertex; unless the far end of one lies
    // on the other's line they meet only there, which is allowed.
    // One exact orientation test settles most pairs a sweep finds
    // without the full intersection.
    if adjacent && !all_collinear(a.line, b.line) {
        return None;
    }
    match line_intersection(a.line, b.line) {
        None => None,
        // Adjacent edges meet at their shared vertex by design;
        // other edges of a ring must not meet at all, and two rings
        // of one polygon may touch at a point but not cross.
        Some(LineIntersection::SinglePoint {
            intersection,
            is_proper,
        }) if is_proper || (same_ring && !adjacent) => Some(intersection),
        Some(LineIntersection::SinglePoint { .. }) => None,
        // Overlapping edges: a ring folding back on itself, or two
        // rings sharing a stretch of border.
        Some(LineIntersection::Collinear { intersection }) => Some(intersection.start),
    }
}

/// `x` as an integer that orders as `f64::total_cmp` orders the floats.
fn total_order_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

/// Whether both ends of `b` lie on the line through `a` (exact predicate,
/// the one `line_intersection` uses).
fn all_collinear(a: Line<f64>, b: Line<f64>) -> bool {
    RobustKernel::orient2d(a.start, a.end, b.start) == Orientation::Collinear
        && RobustKernel::orient2d(a.start, a.end, b.end) == Orientation::Collinear
}

#[cfg(test)]
mod tests;
