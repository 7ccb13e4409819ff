//! Which buurten share a border, and which schools lie near a buurt. Both
//! come from the polygons in Rijksdriehoek metres.

use super::dataset::Area;
use super::rounding::round;
use geo::{BoundingRect, Coord, Distance, Euclidean, MultiPolygon, Point, Rect};
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, RTreeObject, AABB};
use std::collections::BTreeSet;

type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// Rook-style contiguity: two areas are neighbours when their borders run
/// together for more than a point. Areas without a shape have no neighbours
/// (they are islands by necessity and the caller reports them).
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    pub neighbours: Vec<Vec<usize>>,
    /// Areas that touch at a single point only (not in `neighbours`):
    /// together with `neighbours` they give queen contiguity.
    pub corners: Vec<Vec<usize>>,
}

impl Adjacency {
    /// `tolerance` in metres: generalised maps do not always share vertices
    /// exactly, so borders closer than this count as shared.
    pub fn build(areas: &[Area], keep: impl Fn(&Area) -> bool, tolerance: f64) -> Adjacency {
        let n = areas.len();
        let (mut pairs, mut corner_pairs) = shared_vertex_pairs(areas, &keep);
        // Slow path for the rest: bounding boxes that touch, then the true
        // distance between the shapes. The candidate pairs are independent,
        // so they are measured on every core.
        let entries = expanded_boxes(areas, &keep, tolerance);
        let tree = RTree::bulk_load(entries.clone());
        let known = &pairs;
        let candidates: Vec<(usize, usize)> = entries
            .par_iter()
            .flat_map_iter(|e| {
                let i = e.data;
                tree.locate_in_envelope_intersecting(&e.envelope())
                    .map(|other| other.data)
                    .filter(move |&j| j > i && !known.contains(&(i, j)))
                    .map(move |j| (i, j))
            })
            .collect();
        let rects: Vec<Option<Rect<f64>>> = areas
            .iter()
            .map(|a| a.geometry.as_ref().and_then(|g| g.bounding_rect()))
            .collect();
        let touching: Vec<(usize, usize, usize)> = candidates
            .par_iter()
            .filter_map(|&(i, j)| {
                let a = (areas[i].geometry.as_ref()?, rects[i]?);
                let b = (areas[j].geometry.as_ref()?, rects[j]?);
                let mut near = near_vertices(a, b, tolerance);
                if near.len() < 2 {
                    for c in near_vertices(b, a, tolerance) {
                        if !near
                            .iter()
                            .any(|d| (d.x - c.x).hypot(d.y - c.y) <= tolerance)
                        {
                            near.push(c);
                        }
                    }
                }
                (!near.is_empty()).then_some((i, j, near.len()))
            })
            .collect();
        for (i, j, k) in touching {
            if k >= 2 {
                pairs.insert((i, j));
            } else {
                corner_pairs.insert((i, j));
            }
        }
        let mut neighbours = vec![Vec::new(); n];
        for &(a, b) in &pairs {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
        let mut corners = vec![Vec::new(); n];
        for (a, b) in corner_pairs.difference(&pairs) {
            corners[*a].push(*b);
            corners[*b].push(*a);
        }
        Adjacency {
            neighbours,
            corners,
        }
    }

    /// Queen contiguity: areas sharing at least one boundary point.
    pub fn queen(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.of(i)
            .iter()
            .chain(self.corners.get(i).map(Vec::as_slice).unwrap_or(&[]))
            .copied()
    }

    pub fn of(&self, i: usize) -> &[usize] {
        self.neighbours.get(i).map(Vec::as_slice).unwrap_or(&[])
    }
}

type PairSet = BTreeSet<(usize, usize)>;

/// Fast path: vertices shared exactly (snapped to 0.1 m). Two shared
/// vertices mean a shared edge (first set), one a corner touch (second).
/// Sorting (vertex, area) keys beats a hash map of vertices at millions of
/// vertices.
fn shared_vertex_pairs(areas: &[Area], keep: &impl Fn(&Area) -> bool) -> (PairSet, PairSet) {
    let mut shared = pairs_at_shared_vertices(areas, keep);
    sort_pairs(&mut shared);
    let (mut edges, mut corners) = (PairSet::new(), PairSet::new());
    for run in shared.chunk_by(|p, q| p == q) {
        if run.len() >= 2 {
            edges.insert(run[0]);
        } else {
            corners.insert(run[0]);
        }
    }
    (edges, corners)
}

/// A vertex snapped to 0.1 m, as integers.
fn snap(c: &Coord<f64>) -> (i64, i64) {
    (round(c.x * 10.0) as i64, round(c.y * 10.0) as i64)
}

/// Every pair of areas (lower index first) that share a vertex, once per
/// shared vertex. When the key ranges fit in one `u64` (the snapped
/// bounding boxes tell before any key is made) the keys are packed as they
/// are made: a third of the memory and bytes to sort of (x, y, area)
/// triples, and packing keeps the order, so the groups are the same.
fn pairs_at_shared_vertices(areas: &[Area], keep: &impl Fn(&Area) -> bool) -> Vec<(usize, usize)> {
    let span = KeySpan::of(areas, keep);
    match packing(&span) {
        Some(bits) => packed_pairs(areas, keep, &span, bits),
        None => plain_pairs(areas, keep, span.count),
    }
}

/// The kept areas with a shape, with their index.
fn kept<'a>(
    areas: &'a [Area],
    keep: &'a impl Fn(&Area) -> bool,
) -> impl Iterator<Item = (usize, &'a MultiPolygon<f64>)> + 'a {
    areas
        .iter()
        .enumerate()
        .filter(|(_, a)| keep(a))
        .filter_map(|(i, a)| Some((i, a.geometry.as_ref()?)))
}

/// The range of the snapped vertex keys, the largest area index and the
/// number of vertices.
struct KeySpan {
    x: (i64, i64),
    y: (i64, i64),
    last_area: usize,
    count: usize,
}

impl KeySpan {
    fn of(areas: &[Area], keep: &impl Fn(&Area) -> bool) -> KeySpan {
        let mut s = KeySpan {
            x: (i64::MAX, i64::MIN),
            y: (i64::MAX, i64::MIN),
            last_area: 0,
            count: 0,
        };
        for (i, g) in kept(areas, keep) {
            // Rounding keeps the order, so the snapped box holds every key.
            let Some(r) = g.bounding_rect() else { continue };
            let (lo, hi) = (snap(&r.min()), snap(&r.max()));
            s.x = (s.x.0.min(lo.0), s.x.1.max(hi.0));
            s.y = (s.y.0.min(lo.1), s.y.1.max(hi.1));
            s.last_area = s.last_area.max(i);
            s.count += vertex_count(g);
        }
        s
    }
}

fn packed_pairs(
    areas: &[Area],
    keep: &impl Fn(&Area) -> bool,
    span: &KeySpan,
    (bits_y, bits_i): (u32, u32),
) -> Vec<(usize, usize)> {
    let (x0, y0) = (span.x.0, span.y.0);
    let shapes: Vec<(usize, &MultiPolygon<f64>)> = kept(areas, keep).collect();
    let fill = |part: &[(usize, &MultiPolygon<f64>)], out: &mut [u64]| {
        let keys = part
            .iter()
            .flat_map(|&(i, g)| vertices(g).map(move |c| (i, c)))
            .map(|(i, c)| {
                let (x, y) = snap(c);
                (((x - x0) as u64) << (bits_y + bits_i)) | (((y - y0) as u64) << bits_i) | i as u64
            });
        for (slot, key) in out.iter_mut().zip(keys) {
            *slot = key;
        }
    };
    // Each core makes the keys of half the areas into its half of one
    // buffer; the sort that follows makes their order irrelevant.
    let (first, second) = shapes.split_at(shapes.len() / 2);
    let in_first: usize = first.iter().map(|(_, g)| vertex_count(g)).sum();
    let mut packed = vec![0u64; span.count];
    let (a, b) = packed.split_at_mut(in_first);
    rayon::join(|| fill(first, a), || fill(second, b));
    packed.par_sort_unstable();
    packed.dedup();
    let mask_i = (1u64 << bits_i) - 1;
    pairs_in_groups(packed.chunk_by(|p, q| p >> bits_i == q >> bits_i), |k| {
        (k & mask_i) as usize
    })
}

fn plain_pairs(areas: &[Area], keep: &impl Fn(&Area) -> bool, count: usize) -> Vec<(usize, usize)> {
    let mut keyed: Vec<(i64, i64, usize)> = Vec::with_capacity(count);
    for (i, g) in kept(areas, keep) {
        keyed.extend(vertices(g).map(|c| {
            let (x, y) = snap(c);
            (x, y, i)
        }));
    }
    keyed.par_sort_unstable();
    keyed.dedup();
    pairs_in_groups(keyed.chunk_by(|p, q| (p.0, p.1) == (q.0, q.1)), |k| k.2)
}

/// Within each group of one vertex's areas (ascending), every pair.
fn pairs_in_groups<'a, T: 'a>(
    groups: impl Iterator<Item = &'a [T]>,
    area: impl Fn(&T) -> usize,
) -> Vec<(usize, usize)> {
    let mut shared = Vec::new();
    for group in groups {
        for (k, a) in group.iter().enumerate() {
            for b in &group[k + 1..] {
                shared.push((area(a), area(b)));
            }
        }
    }
    shared
}

/// Sorts area pairs, packed two to a `u64` when the indices allow (they
/// always do in practice; the plain sort stays for the rest).
fn sort_pairs(pairs: &mut Vec<(usize, usize)>) {
    let fits = pairs
        .iter()
        .all(|&(a, b)| a <= u32::MAX as usize && b <= u32::MAX as usize);
    if !fits {
        pairs.par_sort_unstable();
        return;
    }
    let mut packed: Vec<u64> = pairs
        .par_iter()
        .map(|&(a, b)| ((a as u64) << 32) | b as u64)
        .collect();
    packed.par_sort_unstable();
    pairs.clear();
    pairs.extend(
        packed
            .iter()
            .map(|&k| ((k >> 32) as usize, (k & 0xFFFF_FFFF) as usize)),
    );
}

/// (bits for y, bits for the area) when the x and y offsets from the
/// minimum and the area index fit in 63 bits together.
fn packing(s: &KeySpan) -> Option<(u32, u32)> {
    let bits = |v: u64| u64::BITS - v.leading_zeros();
    let span_x = u64::try_from(s.x.1.checked_sub(s.x.0)?).ok()?;
    let span_y = u64::try_from(s.y.1.checked_sub(s.y.0)?).ok()?;
    let (bx, by, bi) = (
        bits(span_x),
        bits(span_y),
        bits(u64::try_from(s.last_area).ok()?),
    );
    (bx + by + bi <= 63).then_some((by, bi))
}

fn vertex_count(g: &MultiPolygon<f64>) -> usize {
    g.iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(|r| r.0.len())
        .sum()
}

fn vertices(g: &MultiPolygon<f64>) -> impl Iterator<Item = &Coord<f64>> {
    g.0.iter().flat_map(|p| {
        p.exterior()
            .0
            .iter()
            .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
    })
}

/// Vertices of `a` within `tol` of the boundary of `b` (at most two): two
/// distinct such vertices mean a stretch of border in common, one only a
/// corner. Only the part of both shapes where their boxes overlap is
/// measured: no vertex or segment outside it can be within `tol`.
fn near_vertices(
    (a, ra): (&MultiPolygon<f64>, Rect<f64>),
    (b, rb): (&MultiPolygon<f64>, Rect<f64>),
    tol: f64,
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
    if x0 > x1 || y0 > y1 {
        return Vec::new();
    }
    let segments: Vec<(Coord<f64>, Coord<f64>)> =
        b.0.iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors().iter()))
            .flat_map(|ring| ring.0.windows(2).map(|w| (w[0], w[1])))
            .filter(|(p, q)| {
                p.x.max(q.x) >= x0 - tol
                    && p.x.min(q.x) <= x1 + tol
                    && p.y.max(q.y) >= y0 - tol
                    && p.y.min(q.y) <= y1 + tol
            })
            .collect();
    let mut found: Vec<Coord<f64>> = Vec::new();
    if segments.is_empty() {
        return found;
    }
    for c in vertices(a) {
        if c.x < x0 || c.x > x1 || c.y < y0 || c.y > y1 || found.contains(c) {
            continue;
        }
        if segments
            .iter()
            .any(|&(p, q)| segment_dist2(*c, p, q) <= tol * tol)
        {
            found.push(*c);
            if found.len() >= 2 {
                break;
            }
        }
    }
    found
}

/// Bounding boxes of the kept areas with a shape, grown by `margin` metres.
fn expanded_boxes(areas: &[Area], keep: &impl Fn(&Area) -> bool, margin: f64) -> Vec<Entry> {
    areas
        .iter()
        .enumerate()
        .filter(|(_, a)| keep(a))
        .filter_map(|(i, a)| {
            let r = a.geometry.as_ref()?.bounding_rect()?;
            Some(GeomWithData::new(
                Rectangle::from_corners(
                    [r.min().x - margin, r.min().y - margin],
                    [r.max().x + margin, r.max().y + margin],
                ),
                i,
            ))
        })
        .collect()
}

/// Squared distance from `p` to the segment `a`-`b`: no square roots in
/// the inner loop of the adjacency scan.
fn segment_dist2(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
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

/// Per area: how many of the given points lie within `distance` metres of
/// it (inside counts as distance 0). A point may count for several areas:
/// that is what a catchment is.
pub fn points_within(
    areas: &[Area],
    keep: impl Fn(&Area) -> bool,
    points: &[(f64, f64)],
    distance: f64,
) -> Vec<u32> {
    let entries = expanded_boxes(areas, &keep, distance);
    let tree = RTree::bulk_load(entries);
    let mut counts = vec![0u32; areas.len()];
    for &(x, y) in points {
        let p = Point::new(x, y);
        for e in tree.locate_in_envelope_intersecting(&AABB::from_point([x, y])) {
            if let Some(g) = &areas[e.data].geometry {
                if Euclidean.distance(&p, g) <= distance {
                    counts[e.data] += 1;
                }
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::Level;
    use geo::{polygon, MultiPolygon, Polygon};

    fn area(code: &str, p: Option<Polygon<f64>>) -> Area {
        Area {
            code: code.into(),
            name: code.into(),
            level: Level::Buurt,
            gemeente_code: "GM0001".into(),
            gemeente_name: None,
            wijk_code: None,
            water: false,
            geometry: p.map(|p| MultiPolygon(vec![p])),
            in_boundaries: true,
            schools: None,
        }
    }

    fn square(x: f64, y: f64, s: f64) -> Polygon<f64> {
        polygon![(x: x, y: y), (x: x + s, y: y), (x: x + s, y: y + s), (x: x, y: y + s)]
    }

    /// A 3x3 grid of 100 m squares, a buurt filling a hole in the middle
    /// one, a far island and a buurt without shape.
    fn grid() -> Vec<Area> {
        let mut v = Vec::new();
        for r in 0..3 {
            for c in 0..3 {
                let code = format!("BU{r}{c}");
                if (r, c) == (1, 1) {
                    let ring = polygon!(
                        exterior: [(x: 100.0, y: 100.0), (x: 200.0, y: 100.0), (x: 200.0, y: 200.0), (x: 100.0, y: 200.0)],
                        interiors: [[(x: 140.0, y: 140.0), (x: 160.0, y: 140.0), (x: 160.0, y: 160.0), (x: 140.0, y: 160.0)]],
                    );
                    v.push(area(&code, Some(ring)));
                } else {
                    v.push(area(
                        &code,
                        Some(square(c as f64 * 100.0, r as f64 * 100.0, 100.0)),
                    ));
                }
            }
        }
        v.push(area("BUHOLE", Some(square(140.0, 140.0, 20.0))));
        v.push(area("BUISLAND", Some(square(1000.0, 1000.0, 50.0))));
        v.push(area("BUNOSHAPE", None));
        v
    }

    #[test]
    fn grid_hole_island_and_missing_shape() {
        let a = grid();
        let adj = Adjacency::build(&a, |_| true, 1.0);
        let names = |i: usize| {
            let mut v: Vec<&str> = adj.of(i).iter().map(|&j| a[j].code.as_str()).collect();
            v.sort();
            v
        };
        // Corner cell: rook neighbours only, not the diagonal.
        assert_eq!(names(0), ["BU01", "BU10"]);
        // Middle cell: four sides plus the buurt in its hole.
        assert_eq!(names(4), ["BU01", "BU10", "BU12", "BU21", "BUHOLE"]);
        assert_eq!(names(9), ["BU11"]);
        assert!(names(10).is_empty(), "island");
        assert!(names(11).is_empty(), "no shape");
        // Symmetric.
        for (i, n) in adj.neighbours.iter().enumerate() {
            for &j in n {
                assert!(adj.of(j).contains(&i));
            }
        }
    }

    #[test]
    fn queen_adds_the_diagonal_corner_touches() {
        let a = grid();
        let adj = Adjacency::build(&a, |_| true, 1.0);
        let queen = |i: usize| {
            let mut v: Vec<&str> = adj.queen(i).map(|j| a[j].code.as_str()).collect();
            v.sort();
            v
        };
        // Corner cell: two sides and the diagonal middle cell.
        assert_eq!(queen(0), ["BU01", "BU10", "BU11"]);
        // Middle cell: all eight around it plus the buurt in its hole.
        assert_eq!(queen(4).len(), 9);
        assert!(queen(10).is_empty(), "island");
        for (i, c) in adj.corners.iter().enumerate() {
            for &j in c {
                assert!(adj.corners[j].contains(&i) && !adj.of(i).contains(&j));
            }
        }
    }

    #[test]
    fn near_miss_borders_count_within_tolerance() {
        let a = vec![
            area("BUA", Some(square(0.0, 0.0, 100.0))),
            area("BUB", Some(square(100.5, 10.0, 80.0))),
        ];
        assert_eq!(Adjacency::build(&a, |_| true, 1.0).of(0), [1]);
        assert!(Adjacency::build(&a, |_| true, 0.1).of(0).is_empty());
    }

    #[test]
    fn catchment_counts_points_near_the_border() {
        let a = grid();
        // One point inside BU00, one 30 m east of BU00's east border (inside BU01).
        let pts = [(50.0, 50.0), (130.0, 50.0)];
        let c = points_within(&a, |_| true, &pts, 0.0);
        assert_eq!((c[0], c[1]), (1, 1));
        // The second point is 30 m from BU00; the first 50 m from BU01.
        let c = points_within(&a, |_| true, &pts, 40.0);
        assert_eq!((c[0], c[1]), (2, 1));
        let c = points_within(&a, |_| true, &pts, 60.0);
        assert_eq!((c[0], c[1]), (2, 2));
        assert_eq!(c[10], 0);
    }

    #[test]
    fn packed_and_plain_keys_give_the_pairs_of_shared_vertices() {
        // Squares of three sizes on a lattice: shared edges, corners, and
        // vertices shared by up to four areas; one without a shape.
        let mut areas = grid();
        for (k, (x, y, s)) in [
            (0.0, 0.0, 2.0),
            (2.0, 0.0, 1.0),
            (3.0, 0.0, 1.0),
            (2.0, 1.0, 1.0),
        ]
        .into_iter()
        .enumerate()
        {
            areas.push(area(&format!("BU{k:08}"), Some(square(x + 50.0, y, s))));
        }
        let keep = |_: &Area| true;
        let span = KeySpan::of(&areas, &keep);
        let bits = packing(&span).unwrap();
        let packed = packed_pairs(&areas, &keep, &span, bits);
        let plain = plain_pairs(&areas, &keep, span.count);
        assert_eq!(packed, plain);
        // The reference: every pair of areas holding the same snapped vertex.
        let mut at: std::collections::BTreeMap<(i64, i64), BTreeSet<usize>> = Default::default();
        for (i, g) in kept(&areas, &keep) {
            for c in vertices(g) {
                at.entry(snap(c)).or_default().insert(i);
            }
        }
        let mut expected: Vec<(usize, usize)> = Vec::new();
        for set in at.values() {
            let v: Vec<usize> = set.iter().copied().collect();
            for (k, a) in v.iter().enumerate() {
                expected.extend(v[k + 1..].iter().map(|b| (*a, *b)));
            }
        }
        let mut got = packed;
        sort_pairs(&mut got);
        expected.sort_unstable();
        assert_eq!(got, expected);
        assert!(
            got.windows(2).any(|w| w[0] == w[1]),
            "an edge shares two vertices"
        );
        // Spans too wide to pack take the plain sort.
        let wide = KeySpan {
            x: (i64::MIN, i64::MAX),
            y: (0, 5),
            last_area: 2,
            count: 0,
        };
        assert!(packing(&wide).is_none());
        let mut wide_pairs = vec![(usize::MAX, 1), (3, 2), (3, 1)];
        sort_pairs(&mut wide_pairs);
        assert_eq!(wide_pairs, vec![(3, 1), (3, 2), (usize::MAX, 1)]);
    }
}
