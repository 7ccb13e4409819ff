//! Which buurten share a border, and which schools lie near a buurt. Both
//! come from the polygons in Rijksdriehoek metres.

use super::dataset::Area;
use geo::{BoundingRect, Coord, Distance, Euclidean, LineString, MultiPolygon, Point};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, RTreeObject, AABB};
use std::collections::{BTreeSet, HashMap};

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
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        // Fast path: vertices shared exactly (snapped to 0.1 m). Two shared
        // vertices mean a shared edge, not a corner touch.
        let mut by_vertex: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, a) in areas.iter().enumerate() {
            if !keep(a) {
                continue;
            }
            let Some(g) = &a.geometry else { continue };
            for p in &g.0 {
                for c in p
                    .exterior()
                    .0
                    .iter()
                    .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
                {
                    let key = ((c.x * 10.0).round() as i64, (c.y * 10.0).round() as i64);
                    let v = by_vertex.entry(key).or_default();
                    if v.last() != Some(&i) {
                        v.push(i);
                    }
                }
            }
        }
        let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
        for owners in by_vertex.values().filter(|o| o.len() > 1) {
            for (k, &a) in owners.iter().enumerate() {
                for &b in &owners[k + 1..] {
                    *shared.entry((a.min(b), a.max(b))).or_insert(0) += 1;
                }
            }
        }
        pairs.extend(shared.iter().filter(|(_, &c)| c >= 2).map(|(p, _)| *p));
        let mut corner_pairs: BTreeSet<(usize, usize)> = shared
            .iter()
            .filter(|(_, &c)| c == 1)
            .map(|(p, _)| *p)
            .collect();
        // Slow path for the rest: bounding boxes that touch, then the true
        // distance between the shapes.
        let entries = expanded_boxes(areas, &keep, tolerance);
        let tree = RTree::bulk_load(entries.clone());
        for e in &entries {
            let i = e.data;
            let env = e.envelope();
            for other in tree.locate_in_envelope_intersecting(&env) {
                let j = other.data;
                if j <= i || pairs.contains(&(i, j)) {
                    continue;
                }
                if let (Some(a), Some(b)) = (&areas[i].geometry, &areas[j].geometry) {
                    let mut near = near_vertices(a, b, tolerance);
                    for c in near_vertices(b, a, tolerance) {
                        if !near
                            .iter()
                            .any(|d| (d.x - c.x).hypot(d.y - c.y) <= tolerance)
                        {
                            near.push(c);
                        }
                    }
                    if near.len() >= 2 {
                        pairs.insert((i, j));
                    } else if near.len() == 1 {
                        corner_pairs.insert((i, j));
                    }
                }
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

/// Vertices of `a` within `tol` of the boundary of `b` (at most two): two
/// distinct such vertices mean a stretch of border in common, one only a
/// corner. Only vertices inside `b`'s (expanded) box are measured.
fn near_vertices(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>, tol: f64) -> Vec<Coord<f64>> {
    let Some(r) = b.bounding_rect() else {
        return Vec::new();
    };
    let mut found: Vec<Coord<f64>> = Vec::new();
    let rings: Vec<&LineString<f64>> =
        b.0.iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors().iter()))
            .collect();
    for c in a.0.iter().flat_map(|p| {
        p.exterior()
            .0
            .iter()
            .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
    }) {
        if c.x < r.min().x - tol
            || c.x > r.max().x + tol
            || c.y < r.min().y - tol
            || c.y > r.max().y + tol
        {
            continue;
        }
        if found.contains(c) {
            continue;
        }
        let near = rings.iter().any(|ring| {
            ring.0
                .windows(2)
                .any(|w| segment_dist2(*c, w[0], w[1]) <= tol * tol)
        });
        if near {
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
}
