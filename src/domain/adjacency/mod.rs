//! Which buurten share a border, and which schools lie near a buurt. Both
//! come from the polygons in Rijksdriehoek metres.
//!
//! - `shapes`: the kept areas with their boxes and vertex counts, made once
//! - `shared`: the fast path, vertices two areas share exactly
//! - `sort`: the sort of its packed keys
//! - `near`: the slow path, borders within the tolerance

mod near;
mod shapes;
mod shared;
mod sort;

use super::dataset::Area;
use geo::{Distance, Euclidean, Point};
use near::{expanded_boxes, near_pairs};
use rstar::{RTree, AABB};
use shapes::shapes;
use shared::{shared_vertex_pairs, Pairs};

/// Rook-style contiguity: two areas are neighbours when their borders run
/// together for more than a point. Areas without a shape have no neighbours
/// (they are islands by necessity and the caller reports them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Adjacency {
    /// Per area, its neighbours in ascending order.
    pub neighbours: Vec<Vec<usize>>,
    /// Areas that touch at a single point only (not in `neighbours`):
    /// together with `neighbours` they give queen contiguity. Ascending.
    pub corners: Vec<Vec<usize>>,
}

impl Adjacency {
    /// `tolerance` in metres: generalised maps do not always share vertices
    /// exactly, so borders closer than this count as shared.
    pub fn build(areas: &[Area], keep: impl Fn(&Area) -> bool, tolerance: f64) -> Adjacency {
        let shapes = shapes(areas, &keep);
        let (mut edges, mut corners) = shared_vertex_pairs(&shapes);
        for (i, j, k) in near_pairs(&shapes, &edges, tolerance) {
            if k >= 2 {
                edges.push((i, j));
            } else {
                corners.push((i, j));
            }
        }
        edges.sort_unstable();
        edges.dedup();
        corners.sort_unstable();
        corners.dedup();
        corners.retain(|p| edges.binary_search(p).is_err());
        Adjacency {
            neighbours: lists(areas.len(), &edges),
            corners: lists(areas.len(), &corners),
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

/// Per area, the other side of its pairs. Sorted pairs (lower index
/// first) give ascending lists: an area's lower partners come first, in
/// order, then its higher ones.
fn lists(n: usize, pairs: &Pairs) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); n];
    for &(a, b) in pairs {
        out[a].push(b);
        out[b].push(a);
    }
    out
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
    let shapes = shapes(areas, &keep);
    let tree = RTree::bulk_load(expanded_boxes(&shapes, distance));
    let mut counts = vec![0u32; areas.len()];
    for &(x, y) in points {
        let p = Point::new(x, y);
        for e in tree.locate_in_envelope_intersecting(&AABB::from_point([x, y])) {
            let s = &shapes[e.data];
            if Euclidean.distance(&p, s.geometry) <= distance {
                counts[s.index] += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::Level;
    use geo::{polygon, Coord, MultiPolygon, Polygon};

    pub(super) fn area(code: &str, p: Option<Polygon<f64>>) -> Area {
        Area::test_buurt(code, p.map(|p| MultiPolygon(vec![p])))
    }

    pub(super) fn square(x: f64, y: f64, s: f64) -> Polygon<f64> {
        polygon![(x: x, y: y), (x: x + s, y: y), (x: x + s, y: y + s), (x: x, y: y + s)]
    }

    /// A 3x3 grid of 100 m squares, a buurt filling a hole in the middle
    /// one, a far island and a buurt without shape.
    pub(super) fn grid() -> Vec<Area> {
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

    /// The definition, pair by pair with no index, no packing and no box
    /// trimming: two or more snapped vertices in common, or two or more
    /// vertices within the tolerance of the other's border, make
    /// neighbours; one makes a corner.
    fn reference(areas: &[Area], keep: impl Fn(&Area) -> bool, tol: f64) -> Adjacency {
        use near::segment_dist2;
        use shapes::vertices;
        let shapes: Vec<(usize, &MultiPolygon<f64>)> = areas
            .iter()
            .enumerate()
            .filter(|(_, a)| keep(a))
            .filter_map(|(i, a)| Some((i, a.geometry.as_ref()?)))
            .collect();
        // Vertices closer than this on both axes may snap together or be
        // near: pairs whose boxes are further apart need no test.
        let reach = tol.max(0.1);
        let boxes: Vec<(f64, f64, f64, f64)> = shapes
            .iter()
            .map(|(_, g)| {
                vertices(g).fold(
                    (
                        f64::INFINITY,
                        f64::NEG_INFINITY,
                        f64::INFINITY,
                        f64::NEG_INFINITY,
                    ),
                    |b, c| (b.0.min(c.x), b.1.max(c.x), b.2.min(c.y), b.3.max(c.y)),
                )
            })
            .collect();
        let apart = |p: (f64, f64, f64, f64), q: (f64, f64, f64, f64)| {
            p.0 > q.1 + reach || q.0 > p.1 + reach || p.2 > q.3 + reach || q.2 > p.3 + reach
        };
        let snapped: Vec<std::collections::BTreeSet<(i64, i64)>> = shapes
            .iter()
            .map(|(_, g)| vertices(g).map(shared::snap).collect())
            .collect();
        let near = |a: &MultiPolygon<f64>, b: &MultiPolygon<f64>| {
            let segments: Vec<(Coord<f64>, Coord<f64>)> = b
                .iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .flat_map(|r| r.lines().map(|l| (l.start, l.end)))
                .collect();
            let mut found: Vec<Coord<f64>> = Vec::new();
            for c in vertices(a) {
                if found.len() < 2
                    && !found.contains(c)
                    && segments
                        .iter()
                        .any(|&(p, q)| segment_dist2(*c, p, q) <= tol * tol)
                {
                    found.push(*c);
                }
            }
            found
        };
        let mut adj = Adjacency {
            neighbours: vec![Vec::new(); areas.len()],
            corners: vec![Vec::new(); areas.len()],
        };
        for (x, &(i, a)) in shapes.iter().enumerate() {
            for (y, &(j, b)) in shapes.iter().enumerate().skip(x + 1) {
                if apart(boxes[x], boxes[y]) {
                    continue;
                }
                let shared = snapped[x].intersection(&snapped[y]).count();
                let mut close = near(a, b);
                if close.len() < 2 {
                    for c in near(b, a) {
                        if !close.iter().any(|d| (d.x - c.x).hypot(d.y - c.y) <= tol) {
                            close.push(c);
                        }
                    }
                }
                let to = if shared >= 2 || close.len() >= 2 {
                    &mut adj.neighbours
                } else if shared == 1 || close.len() == 1 {
                    &mut adj.corners
                } else {
                    continue;
                };
                to[i].push(j);
                to[j].push(i);
            }
        }
        for l in adj.neighbours.iter_mut().chain(adj.corners.iter_mut()) {
            l.sort_unstable();
        }
        adj
    }

    /// A jittered lattice of cells in Rijksdriehoek range, each side with
    /// one to six points both cells share, in random order. Cells are dropped (so
    /// others meet at a corner only), left without a shape or out of the
    /// kept set, moved by a hair, a near miss or a gap, given a hole with a
    /// buurt in it (exact or a little smaller), a repeated vertex, or a
    /// second part somewhere else.
    fn random_map(seed: u64) -> Vec<Area> {
        use rand::rngs::StdRng;
        use rand::seq::SliceRandom;
        use rand::{Rng, SeedableRng};
        const N: usize = 14;
        let mut rng = StdRng::seed_from_u64(seed);
        let point = |rng: &mut StdRng, x: f64, y: f64, jitter: f64| Coord {
            x: 155_000.0 + x + rng.random_range(-jitter..=jitter),
            y: 463_000.0 + y + rng.random_range(-jitter..=jitter),
        };
        let mut corner = vec![vec![Coord::zero(); N + 1]; N + 1];
        // The points along each side, shared by the cells on both sides:
        // rings of up to 28 vertices, several chunks of the near test.
        let mut across = vec![vec![Vec::new(); N]; N + 1];
        let mut up = vec![vec![Vec::new(); N + 1]; N];
        for r in 0..=N {
            for c in 0..=N {
                let (x, y) = (c as f64 * 100.0, r as f64 * 100.0);
                corner[r][c] = point(&mut rng, x, y, 30.0);
                if c < N {
                    let m = rng.random_range(1..=6);
                    across[r][c] = (1..=m)
                        .map(|k| point(&mut rng, x + 100.0 * k as f64 / (m + 1) as f64, y, 5.0))
                        .collect();
                }
                if r < N {
                    let m = rng.random_range(1..=6);
                    up[r][c] = (1..=m)
                        .map(|k| point(&mut rng, x, y + 100.0 * k as f64 / (m + 1) as f64, 5.0))
                        .collect();
                }
            }
        }
        let ring = |cs: Vec<Coord<f64>>| geo::LineString::from(cs);
        let box_at = |x: f64, y: f64, s: f64| {
            vec![
                Coord { x, y },
                Coord { x: x + s, y },
                Coord { x: x + s, y: y + s },
                Coord { x, y: y + s },
            ]
        };
        let mut areas = Vec::new();
        for r in 0..N {
            for c in 0..N {
                let mut cell = vec![corner[r][c]];
                cell.extend(&across[r][c]);
                cell.push(corner[r][c + 1]);
                cell.extend(&up[r][c + 1]);
                cell.push(corner[r + 1][c + 1]);
                cell.extend(across[r + 1][c].iter().rev());
                cell.push(corner[r + 1][c]);
                cell.extend(up[r][c].iter().rev());
                let code = format!("BU{r:02}{c:02}");
                let mut holes = Vec::new();
                let mut parts = Vec::new();
                match rng.random_range(0..12) {
                    0 => continue,
                    1 => {
                        areas.push(area(&code, None));
                        continue;
                    }
                    2 => {
                        let d = [0.03, 0.3, 2.0, 8.0][rng.random_range(0..4)];
                        let (dx, dy) = if rng.random() { (d, 0.0) } else { (0.0, -d) };
                        for p in &mut cell {
                            (p.x, p.y) = (p.x + dx, p.y + dy);
                        }
                    }
                    3 => {
                        let mid = Coord {
                            x: (corner[r][c].x + corner[r + 1][c + 1].x) / 2.0,
                            y: (corner[r][c].y + corner[r + 1][c + 1].y) / 2.0,
                        };
                        let hole = box_at(mid.x - 5.0, mid.y - 5.0, 10.0);
                        holes.push(ring(hole.clone()));
                        let inner = if rng.random() {
                            hole
                        } else {
                            box_at(mid.x - 4.0, mid.y - 4.0, 8.0)
                        };
                        let p = geo::Polygon::new(ring(inner), vec![]);
                        areas.push(area(&format!("{code}H"), Some(p)));
                    }
                    4 => {
                        let k = rng.random_range(0..cell.len());
                        cell.insert(k, cell[k]);
                    }
                    5 => {
                        let (x, y) = (
                            rng.random_range(0.0..N as f64 * 100.0),
                            rng.random_range(0.0..N as f64 * 100.0),
                        );
                        let at = point(&mut rng, x, y, 0.0);
                        parts.push(geo::Polygon::new(ring(box_at(at.x, at.y, 20.0)), vec![]));
                    }
                    6 => {
                        areas.push(Area {
                            level: Level::Wijk,
                            ..area(&code, Some(geo::Polygon::new(ring(cell), vec![])))
                        });
                        continue;
                    }
                    _ => {}
                }
                parts.insert(0, geo::Polygon::new(ring(cell), holes));
                areas.push(Area {
                    geometry: Some(MultiPolygon(parts)),
                    ..area(&code, None)
                });
            }
        }
        areas.shuffle(&mut rng);
        areas
    }

    #[test]
    fn equals_the_pairwise_definition_on_random_maps() {
        let buurt = |a: &Area| a.level == Level::Buurt;
        let (mut corners, mut near_only) = (0, 0);
        for seed in 0..6 {
            let areas = random_map(seed);
            assert!(areas
                .iter()
                .filter_map(|a| a.geometry.as_ref())
                .any(|g| g.0[0].exterior().0.len() > shapes::CHUNK + 1));
            let exact = reference(&areas, buurt, 0.01);
            for tol in [0.01, 1.0, 5.0] {
                let got = Adjacency::build(&areas, buurt, tol);
                let want = reference(&areas, buurt, tol);
                assert_eq!(got, want, "seed {seed}, tolerance {tol}");
                corners += want.corners.iter().map(Vec::len).sum::<usize>();
                near_only += usize::from(want != exact);
            }
        }
        // The maps exercise both paths and both kinds of contact.
        assert!(corners > 0);
        assert!(near_only > 0);
    }
}
