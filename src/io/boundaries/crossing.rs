//! Self-intersection check for boundary polygons.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::line_intersection::{line_intersection, LineIntersection};
use geo::{Coord, Line, Polygon};
use std::cell::RefCell;

/// Where a polygon's rings cross themselves or each other, if they do.
/// A sweep over x keeps this near-linear for buurt shapes; geo's full
/// validation compares every pair of edges and dominated national loads.
pub(super) fn crossing(p: &Polygon<f64>) -> Option<Coord<f64>> {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut s) => sweep(p, &mut s),
        // Not reached (nothing here calls back in); a fresh buffer is as good.
        Err(_) => sweep(p, &mut Scratch::default()),
    })
}

#[derive(Clone, Copy)]
struct Seg {
    ring: usize,
    idx: usize,
    line: Line<f64>,
    min_x: f64,
    max_x: f64,
}

/// Buffers kept per thread between polygons: a national file checks tens
/// of thousands, and fresh buffers for each cost more than the sweep.
#[derive(Default)]
struct Scratch {
    segs: Vec<Seg>,
    order: Vec<(i64, usize)>,
    sorted: Vec<Seg>,
    lens: Vec<usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn sweep(p: &Polygon<f64>, scratch: &mut Scratch) -> Option<Coord<f64>> {
    let Scratch {
        segs,
        order,
        sorted,
        lens,
    } = scratch;
    segs.clear();
    order.clear();
    sorted.clear();
    lens.clear();
    // The sweep order: by left end, ties in ring and edge order (the order
    // the edges are pushed in). Sorting small keys, not the edges, keeps
    // the sort cheap, and a sort of (key, push index) is that order exactly.
    for (ring, ls) in std::iter::once(p.exterior())
        .chain(p.interiors())
        .enumerate()
    {
        lens.push(ls.0.len().saturating_sub(1));
        for (idx, l) in ls.lines().enumerate() {
            if l.start == l.end {
                continue;
            }
            let min_x = l.start.x.min(l.end.x);
            order.push((total_order_key(min_x), segs.len()));
            segs.push(Seg {
                ring,
                idx,
                min_x,
                max_x: l.start.x.max(l.end.x),
                line: l,
            });
        }
    }
    order.sort_unstable();
    sorted.extend(order.iter().filter_map(|&(_, k)| segs.get(k).copied()));
    for (i, a) in sorted.iter().enumerate() {
        let (ay0, ay1) = (
            a.line.start.y.min(a.line.end.y),
            a.line.start.y.max(a.line.end.y),
        );
        for b in &sorted[i + 1..] {
            if b.min_x > a.max_x {
                break;
            }
            if b.line.start.y.min(b.line.end.y) > ay1 || b.line.start.y.max(b.line.end.y) < ay0 {
                continue;
            }
            let same_ring = a.ring == b.ring;
            let len = lens.get(a.ring).copied().unwrap_or(0);
            let adjacent =
                same_ring && (a.idx.abs_diff(b.idx) == 1 || a.idx.abs_diff(b.idx) + 1 == len);
            // Adjacent edges share a vertex; unless the far end of one lies
            // on the other's line they meet only there, which is allowed.
            // One exact orientation test settles most pairs a sweep finds
            // without the full intersection.
            if adjacent && !all_collinear(a.line, b.line) {
                continue;
            }
            match line_intersection(a.line, b.line) {
                None => {}
                // Adjacent edges meet at their shared vertex by design;
                // other edges of a ring must not meet at all, and two rings
                // of one polygon may touch at a point but not cross.
                Some(LineIntersection::SinglePoint {
                    intersection,
                    is_proper,
                }) if is_proper || (same_ring && !adjacent) => {
                    return Some(intersection);
                }
                Some(LineIntersection::SinglePoint { .. }) => {}
                // Overlapping edges: a ring folding back on itself, or two
                // rings sharing a stretch of border.
                Some(LineIntersection::Collinear { intersection }) => {
                    return Some(intersection.start);
                }
            }
        }
    }
    None
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
mod tests {
    use super::*;

    #[test]
    fn crossings_are_found_and_valid_shapes_pass() {
        use geo::polygon;
        let bowtie =
            polygon![(x: 0.0, y: 0.0), (x: 2.0, y: 2.0), (x: 2.0, y: 0.0), (x: 0.0, y: 2.0)];
        let at = crossing(&bowtie).unwrap();
        assert!((at.x - 1.0).abs() < 1e-9 && (at.y - 1.0).abs() < 1e-9);
        let with_hole = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
            interiors: [[(x: 4.0, y: 4.0), (x: 6.0, y: 4.0), (x: 6.0, y: 6.0), (x: 4.0, y: 6.0)]],
        );
        assert_eq!(crossing(&with_hole), None);
        let hole_crossing_out = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
            interiors: [[(x: 8.0, y: 4.0), (x: 12.0, y: 4.0), (x: 12.0, y: 6.0), (x: 8.0, y: 6.0)]],
        );
        assert!(crossing(&hole_crossing_out).is_some());
        let spike =
            polygon![(x: 0.0, y: 0.0), (x: 4.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 3.0)];
        assert!(
            crossing(&spike).is_some(),
            "edge folding back over the previous one"
        );
    }

    #[test]
    fn sort_keys_order_as_total_cmp() {
        let xs = [
            -f64::INFINITY,
            -1e300,
            -2.5,
            -1.0,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            f64::MIN_POSITIVE,
            1.0,
            2.5,
            1e300,
            f64::INFINITY,
        ];
        for a in xs {
            for b in xs {
                assert_eq!(total_order_key(a).cmp(&total_order_key(b)), a.total_cmp(&b));
            }
        }
    }

    /// The sweep as it was, with a stable sort of whole edges: the same
    /// crossing (or none) must come out, also when many edges tie.
    fn reference(p: &Polygon<f64>) -> Option<Coord<f64>> {
        let mut segs: Vec<(usize, usize, usize, Line<f64>, f64, f64)> = Vec::new();
        for (ring, ls) in std::iter::once(p.exterior())
            .chain(p.interiors())
            .enumerate()
        {
            let len = ls.0.len().saturating_sub(1);
            for (idx, l) in ls.lines().enumerate() {
                if l.start != l.end {
                    segs.push((
                        ring,
                        idx,
                        len,
                        l,
                        l.start.x.min(l.end.x),
                        l.start.x.max(l.end.x),
                    ));
                }
            }
        }
        segs.sort_by(|a, b| a.4.total_cmp(&b.4));
        for (i, a) in segs.iter().enumerate() {
            let (ay0, ay1) = (a.3.start.y.min(a.3.end.y), a.3.start.y.max(a.3.end.y));
            for b in &segs[i + 1..] {
                if b.4 > a.5 {
                    break;
                }
                if b.3.start.y.min(b.3.end.y) > ay1 || b.3.start.y.max(b.3.end.y) < ay0 {
                    continue;
                }
                let same_ring = a.0 == b.0;
                let adjacent =
                    same_ring && (a.1.abs_diff(b.1) == 1 || a.1.abs_diff(b.1) + 1 == a.2);
                if adjacent && !all_collinear(a.3, b.3) {
                    continue;
                }
                match line_intersection(a.3, b.3) {
                    None => {}
                    Some(LineIntersection::SinglePoint {
                        intersection,
                        is_proper,
                    }) if is_proper || (same_ring && !adjacent) => return Some(intersection),
                    Some(LineIntersection::SinglePoint { .. }) => {}
                    Some(LineIntersection::Collinear { intersection }) => {
                        return Some(intersection.start)
                    }
                }
            }
        }
        None
    }

    #[test]
    fn the_sweep_finds_what_the_stable_sort_sweep_found() {
        use geo::LineString;
        // Small integer grids: many tied x values, many crossings.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as f64
        };
        let (mut crossed, mut clean) = (0, 0);
        for case in 0..3000 {
            let n = 3 + (case % 9);
            let grid = if case % 2 == 0 { 6 } else { 40 };
            let ring = |next: &mut dyn FnMut(u64) -> f64, n: usize| {
                LineString(
                    (0..n)
                        .map(|_| Coord {
                            x: next(grid),
                            y: next(grid),
                        })
                        .collect(),
                )
            };
            let exterior = ring(&mut next, n);
            let holes = if case % 3 == 0 {
                vec![ring(&mut next, 4)]
            } else {
                vec![]
            };
            let p = Polygon::new(exterior, holes);
            let want = reference(&p);
            assert_eq!(crossing(&p), want, "{p:?}");
            if want.is_some() {
                crossed += 1;
            } else {
                clean += 1;
            }
        }
        assert!(crossed > 100 && clean > 100, "{crossed} {clean}");
    }
}
