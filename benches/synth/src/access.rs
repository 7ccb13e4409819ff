//! The school-access figures CBS publishes per buurt (distance to the
//! nearest primary school, primary schools within 3 km), computed from the
//! generated school points.

use super::figures::Truth;
use super::geom::to_f;
use super::layout::Layout;
use super::schools::{is_primary, School};

/// Straight-line to road distance, since CBS measures over the road.
const ROAD_FACTOR: f64 = 1.2;
const RADIUS_KM: f64 = 3.0;
/// Per buurt: mean road-distance proxy to the nearest primary school and
/// mean number of primary schools within 3 km, over the buurt's cells.
pub(crate) fn fill_access(layout: &Layout, schools: &[School], truths: &mut [Truth]) {
    let f = layout.lattice.frame;
    let points: Vec<[f64; 2]> = schools
        .iter()
        .filter(|s| is_primary(s.kind))
        .map(|s| f.km(to_f(s.pos)))
        .collect();
    let grid = PointGrid::new(&points, RADIUS_KM);
    for (b, buurt) in layout.buurten.iter().enumerate() {
        let probes: Vec<[f64; 2]> = if buurt.cells.is_empty() {
            vec![f.km(f.to_world(buurt.anchor))]
        } else {
            buurt
                .cells
                .iter()
                .map(|&c| f.km(layout.lattice.cell_point(c, 0.5, 0.5)))
                .collect()
        };
        let n = probes.len() as f64;
        let (mut km, mut within) = (0.0, 0.0);
        for p in probes {
            let (nearest, count) = grid.query(p, RADIUS_KM);
            km += nearest * ROAD_FACTOR;
            within += count as f64;
        }
        truths[b].school_km = km / n;
        truths[b].schools_3km = within / n;
    }
}

/// Buckets of `size` km for nearest-neighbour and radius queries.
struct PointGrid {
    origin: [f64; 2],
    size: f64,
    nx: usize,
    ny: usize,
    buckets: Vec<Vec<[f64; 2]>>,
}

impl PointGrid {
    fn new(points: &[[f64; 2]], size: f64) -> Self {
        let min = |k: usize| points.iter().map(|p| p[k]).fold(f64::INFINITY, f64::min);
        let max = |k: usize| {
            points
                .iter()
                .map(|p| p[k])
                .fold(f64::NEG_INFINITY, f64::max)
        };
        let origin = if points.is_empty() {
            [0.0, 0.0]
        } else {
            [min(0), min(1)]
        };
        let span = |k: usize| {
            if points.is_empty() {
                0.0
            } else {
                max(k) - origin[k]
            }
        };
        let nx = (span(0) / size) as usize + 1;
        let ny = (span(1) / size) as usize + 1;
        let mut buckets = vec![Vec::new(); nx * ny];
        let mut grid = Self {
            origin,
            size,
            nx,
            ny,
            buckets: Vec::new(),
        };
        for &p in points {
            let (i, j) = grid.bucket(p);
            buckets[j * nx + i].push(p);
        }
        grid.buckets = buckets;
        grid
    }

    fn bucket(&self, p: [f64; 2]) -> (usize, usize) {
        let i = ((p[0] - self.origin[0]) / self.size)
            .floor()
            .clamp(0.0, (self.nx - 1) as f64);
        let j = ((p[1] - self.origin[1]) / self.size)
            .floor()
            .clamp(0.0, (self.ny - 1) as f64);
        (i as usize, j as usize)
    }

    /// Distance to the nearest point and the number within `radius`
    /// (radius must not exceed the bucket size).
    fn query(&self, p: [f64; 2], radius: f64) -> (f64, usize) {
        let (ci, cj) = self.bucket(p);
        let (mut best, mut count) = (f64::INFINITY, 0);
        for ring in 0..=self.nx.max(self.ny) {
            for q in self.ring(ci, cj, ring).flat_map(|b| &self.buckets[b]) {
                let d = (q[0] - p[0]).hypot(q[1] - p[1]);
                best = best.min(d);
                if d <= radius {
                    count += 1;
                }
            }
            // Buckets beyond this ring are at least ring * size away; the
            // radius count needs rings 0 and 1 only.
            if ring >= 1 && best <= ring as f64 * self.size {
                break;
            }
        }
        (best, count)
    }

    /// Bucket indexes at Chebyshev distance `r` from (ci, cj).
    fn ring(&self, ci: usize, cj: usize, r: usize) -> impl Iterator<Item = usize> + '_ {
        let (ci, cj, r) = (ci as isize, cj as isize, r as isize);
        (cj - r..=cj + r).flat_map(move |j| {
            (ci - r..=ci + r).filter_map(move |i| {
                let on_ring = (i - ci).abs() == r || (j - cj).abs() == r;
                let inside = i >= 0 && j >= 0 && (i as usize) < self.nx && (j as usize) < self.ny;
                (on_ring && inside).then(|| j as usize * self.nx + i as usize)
            })
        })
    }
}
