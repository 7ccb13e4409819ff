//! Slow path: areas whose borders run within a tolerance of each other
//! without sharing vertices. Bounding boxes that touch pick the candidate
//! pairs, then the vertices near the other shape's border decide.

use super::shapes::{rings, Shape, CHUNK};
use geo::{Coord, Rect};
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, RTreeObject};

/// A shape's box and its position in the shape list.
pub(super) type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// (lower area, higher area, near vertices) for each pair of kept areas
/// whose boxes grown by `tol` meet, that is not in `known` (sorted) and has
/// at least one vertex within `tol` of the other's border: two or more
/// mean a shared stretch of border, one a corner. The candidate pairs are
/// independent, so they are measured on every core; the order of the
/// result is not fixed.
pub(super) fn near_pairs(
    shapes: &[Shape],
    known: &[(usize, usize)],
    tol: f64,
) -> Vec<(usize, usize, usize)> {
    let entries = expanded_boxes(shapes, tol);
    let tree = RTree::bulk_load(entries.clone());
    entries
        .par_iter()
        .flat_map_iter(|e| {
            let s = &shapes[e.data];
            // The known pairs of this area, found once for all its
            // candidates.
            let first = known.partition_point(|p| p.0 < s.index);
            let mine = &known[first..first + known[first..].partition_point(|p| p.0 == s.index)];
            tree.locate_in_envelope_intersecting(&e.envelope())
                .map(|other| &shapes[other.data])
                .filter(move |o| {
                    o.index > s.index && mine.binary_search(&(s.index, o.index)).is_err()
                })
                .map(move |o| (s, o))
        })
        // One scratch list of segments per job, not per pair.
        .map_init(Vec::new, |segments, (s, o)| {
            let a = (s, s.rect?);
            let b = (o, o.rect?);
            let mut near = near_vertices(a, b, tol, segments);
            if near.len() < 2 {
                for c in near_vertices(b, a, tol, segments) {
                    if !near.iter().any(|d| (d.x - c.x).hypot(d.y - c.y) <= tol) {
                        near.push(c);
                    }
                }
            }
            (!near.is_empty()).then_some((s.index, o.index, near.len()))
        })
        .flatten()
        .collect()
}

/// Boxes of the shapes (those with vertices), grown by `margin` metres,
/// each with the shape's position in `shapes`.
pub(super) fn expanded_boxes(shapes: &[Shape], margin: f64) -> Vec<Entry> {
    shapes
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            let r = s.rect?;
            Some(GeomWithData::new(
                Rectangle::from_corners(
                    [r.min().x - margin, r.min().y - margin],
                    [r.max().x + margin, r.max().y + margin],
                ),
                k,
            ))
        })
        .collect()
}

/// Vertices of `a` within `tol` of the boundary of `b` (at most two): two
/// distinct such vertices mean a stretch of border in common, one only a
/// corner. Only the part of both shapes where their boxes overlap is
/// measured: no vertex or segment outside it can be within `tol`, nor in a
/// chunk whose box lies outside it. `segments` is scratch space.
pub(super) fn near_vertices(
    (a, ra): (&Shape, Rect<f64>),
    (b, rb): (&Shape, Rect<f64>),
    tol: f64,
    segments: &mut Vec<(Coord<f64>, Coord<f64>)>,
) -> Vec<Coord<f64>> {
    // Where a vertex of `a` can lie and still be near `b`.
    let (x0, x1) = (
        ra.min().x.max(rb.min().x - tol),
        ra.max().x.min(rb.max().x + tol),
    );
    let (y0, y1) = (
        ra.min().y.max(rb.min().y - tol),
        ra.max().y.min(rb.max().y + tol),
    );
    let mut found: Vec<Coord<f64>> = Vec::new();
    if x0 > x1 || y0 > y1 {
        return found;
    }
    let (sx0, sx1, sy0, sy1) = (x0 - tol, x1 + tol, y0 - tol, y1 + tol);
    segments.clear();
    let mut boxes = b.chunks.iter();
    for ring in rings(b.geometry) {
        for start in (0..ring.0.len()).step_by(CHUNK) {
            if boxes
                .next()
                .is_some_and(|c| !c.meets((sx0, sx1), (sy0, sy1)))
            {
                continue;
            }
            let end = (start + CHUNK + 1).min(ring.0.len());
            for w in ring.0[start..end].windows(2) {
                let (p, q) = (w[0], w[1]);
                if p.x.max(q.x) >= sx0
                    && p.x.min(q.x) <= sx1
                    && p.y.max(q.y) >= sy0
                    && p.y.min(q.y) <= sy1
                {
                    segments.push((p, q));
                }
            }
        }
    }
    if segments.is_empty() {
        return found;
    }
    let tol2 = tol * tol;
    let mut boxes = a.chunks.iter();
    for ring in rings(a.geometry) {
        for start in (0..ring.0.len()).step_by(CHUNK) {
            if boxes.next().is_some_and(|c| !c.meets((x0, x1), (y0, y1))) {
                continue;
            }
            let end = (start + CHUNK).min(ring.0.len());
            for c in &ring.0[start..end] {
                if c.x < x0 || c.x > x1 || c.y < y0 || c.y > y1 || found.contains(c) {
                    continue;
                }
                if segments
                    .iter()
                    .any(|&(p, q)| segment_dist2(*c, p, q) <= tol2)
                {
                    found.push(*c);
                    if found.len() >= 2 {
                        return found;
                    }
                }
            }
        }
    }
    found
}

/// Squared distance from `p` to the segment `a`-`b`: no square roots in
/// the inner loop of the adjacency scan.
pub(super) fn segment_dist2(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    ex * ex + ey * ey
}
