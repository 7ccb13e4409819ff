//! Self-intersection check for boundary polygons.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::line_intersection::{line_intersection, LineIntersection};
use geo::{Coord, Line, Polygon};

/// Where a polygon's rings cross themselves or each other, if they do.
/// A sweep over x keeps this near-linear for buurt shapes; geo's full
/// validation compares every pair of edges and dominated national loads.
pub(super) fn crossing(p: &Polygon<f64>) -> Option<Coord<f64>> {
    struct Seg {
        ring: usize,
        idx: usize,
        len: usize,
        line: Line<f64>,
        min_x: f64,
        max_x: f64,
    }
    let mut segs: Vec<Seg> = Vec::new();
    for (ring, ls) in std::iter::once(p.exterior())
        .chain(p.interiors())
        .enumerate()
    {
        let len = ls.0.len().saturating_sub(1);
        for (idx, l) in ls.lines().enumerate() {
            if l.start == l.end {
                continue;
            }
            segs.push(Seg {
                ring,
                idx,
                len,
                min_x: l.start.x.min(l.end.x),
                max_x: l.start.x.max(l.end.x),
                line: l,
            });
        }
    }
    segs.sort_by(|a, b| a.min_x.total_cmp(&b.min_x));
    for (i, a) in segs.iter().enumerate() {
        let (ay0, ay1) = (
            a.line.start.y.min(a.line.end.y),
            a.line.start.y.max(a.line.end.y),
        );
        for b in &segs[i + 1..] {
            if b.min_x > a.max_x {
                break;
            }
            if b.line.start.y.min(b.line.end.y) > ay1 || b.line.start.y.max(b.line.end.y) < ay0 {
                continue;
            }
            let same_ring = a.ring == b.ring;
            let adjacent =
                same_ring && (a.idx.abs_diff(b.idx) == 1 || a.idx.abs_diff(b.idx) + 1 == a.len);
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
}
