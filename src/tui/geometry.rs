//! Map geometry, prepared once at start: polygons become flat rings of
//! `f32` points (relative to the map's corner) at a pyramid of detail
//! levels, so a frame only walks the level that matches one screen dot and
//! only the areas whose box is on screen. Coarse levels snap vertices to a
//! grid, which bounds the vertices a frame draws by the screen resolution,
//! not by the detail of the source polygons. Snapping (unlike per-ring
//! simplification) moves shared borders identically in both neighbours, so
//! the inner borders of a wijk or pilot area still cancel out exactly.

use crate::domain::dataset::Dataset;
use geo::{Contains, Point};
use std::collections::HashMap;

/// One level of detail.
#[derive(Debug, Clone, Default)]
pub struct Lod {
    /// Grid size the vertices are snapped to, in metres; 0 for the source.
    pub tol: f64,
    pub xy: Vec<[f32; 2]>,
    /// `[start, end)` into `xy`; rings are implicitly closed.
    pub rings: Vec<[u32; 2]>,
    /// Per dataset area: `[start, end)` into `rings`.
    pub area_rings: Vec<[u32; 2]>,
    /// Per unit made of several areas: its outline without inner borders,
    /// as segments `[x1, y1, x2, y2]`. Empty for one-area units.
    pub outlines: Vec<Vec<[f32; 4]>>,
}

impl Lod {
    pub fn vertex_count(&self) -> usize {
        self.xy.len()
    }

    pub fn rings_of(&self, area: usize) -> impl Iterator<Item = &[[f32; 2]]> + '_ {
        let [a, b] = self.area_rings.get(area).copied().unwrap_or([0, 0]);
        self.rings[a as usize..b as usize]
            .iter()
            .map(|&[s, e]| &self.xy[s as usize..e as usize])
    }
}

#[derive(Debug, Clone)]
pub struct MapGeometry {
    /// South-west corner of all drawn areas, in RD metres.
    pub origin: (f64, f64),
    /// Width and height of all drawn areas, in metres.
    pub size: (f64, f64),
    /// Per dataset area: its box `[min x, min y, max x, max y]` relative to
    /// `origin`; `None` when it has no geometry.
    pub area_bbox: Vec<Option<[f32; 4]>>,
    /// Per dataset area: the unit it belongs to.
    pub area_unit: Vec<Option<u32>>,
    /// Areas with geometry, in dataset order.
    pub drawn: Vec<u32>,
    pub unit_bbox: Vec<Option<[f32; 4]>>,
    /// Coarse to fine; the last one is the source geometry.
    pub levels: Vec<Lod>,
    /// Primary schools, relative to `origin`.
    pub schools: Vec<[f32; 2]>,
}

fn union(a: Option<[f32; 4]>, b: [f32; 4]) -> [f32; 4] {
    match a {
        None => b,
        Some(a) => [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ],
    }
}

impl MapGeometry {
    /// `members`: the dataset areas of each unit (as in `Analysis::members`).
    pub fn build(ds: &Dataset, members: &[Vec<usize>]) -> MapGeometry {
        let n = ds.areas.len();
        let mut area_unit = vec![None; n];
        for (u, m) in members.iter().enumerate() {
            for &a in m {
                if let Some(slot) = area_unit.get_mut(a) {
                    *slot = Some(u as u32);
                }
            }
        }
        let mut min = (f64::INFINITY, f64::INFINITY);
        let mut max = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        let mut drawn = Vec::new();
        for (i, a) in ds.areas.iter().enumerate() {
            let Some(g) = &a.geometry else { continue };
            let mut any = false;
            for p in g.iter() {
                for c in p.exterior().coords() {
                    if c.x.is_finite() && c.y.is_finite() {
                        min = (min.0.min(c.x), min.1.min(c.y));
                        max = (max.0.max(c.x), max.1.max(c.y));
                        any = true;
                    }
                }
            }
            if any {
                drawn.push(i as u32);
            }
        }
        if drawn.is_empty() {
            min = (0.0, 0.0);
            max = (1.0, 1.0);
        }
        let origin = min;
        let size = ((max.0 - min.0).max(1.0), (max.1 - min.1).max(1.0));

        let mut raw = Lod {
            area_rings: vec![[0, 0]; n],
            ..Lod::default()
        };
        let mut area_bbox = vec![None; n];
        for &i in &drawn {
            let i = i as usize;
            let first = raw.rings.len() as u32;
            let mut bbox: Option<[f32; 4]> = None;
            if let Some(g) = &ds.areas[i].geometry {
                for p in g.iter() {
                    for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
                        let start = raw.xy.len();
                        for c in ring.coords() {
                            if !(c.x.is_finite() && c.y.is_finite()) {
                                continue;
                            }
                            let q = [(c.x - origin.0) as f32, (c.y - origin.1) as f32];
                            if raw.xy.len() > start && raw.xy.last() == Some(&q) {
                                continue;
                            }
                            raw.xy.push(q);
                            bbox = Some(union(bbox, [q[0], q[1], q[0], q[1]]));
                        }
                        while raw.xy.len() > start + 1 && raw.xy.last() == raw.xy.get(start) {
                            raw.xy.pop();
                        }
                        if raw.xy.len() - start < 3 {
                            raw.xy.truncate(start);
                        } else {
                            raw.rings.push([start as u32, raw.xy.len() as u32]);
                        }
                    }
                }
            }
            raw.area_rings[i] = [first, raw.rings.len() as u32];
            area_bbox[i] = bbox;
        }

        let mut unit_bbox = vec![None; members.len()];
        for (u, m) in members.iter().enumerate() {
            for &a in m {
                if let Some(Some(b)) = area_bbox.get(a) {
                    unit_bbox[u] = Some(union(unit_bbox[u], *b));
                }
            }
        }

        // Coarsest level: about 64 grid cells across the whole map. Stop
        // refining once snapping no longer saves much.
        let mut levels = Vec::new();
        let mut tol = size.0.max(size.1) / 64.0;
        let raw_count = raw.vertex_count().max(1);
        while tol >= 0.5 {
            let lod = snapped(&raw, tol);
            // Nearly as detailed as the source: the source serves instead.
            if lod.vertex_count() * 10 >= raw_count * 8 {
                break;
            }
            levels.push(lod);
            tol /= 2.0;
        }
        levels.push(raw);
        for lod in &mut levels {
            lod.outlines = dissolve(lod, members);
        }

        let schools = ds
            .schools
            .iter()
            .filter(|s| s.primary && s.x.is_finite() && s.y.is_finite())
            .map(|s| [(s.x - origin.0) as f32, (s.y - origin.1) as f32])
            .collect();

        MapGeometry {
            origin,
            size,
            area_bbox,
            area_unit,
            drawn,
            unit_bbox,
            levels,
            schools,
        }
    }

    /// The coarsest level whose grid is no larger than one screen dot.
    pub fn lod(&self, metres_per_dot: f64) -> &Lod {
        let i = self
            .levels
            .iter()
            .position(|l| l.tol <= metres_per_dot)
            .unwrap_or(self.levels.len().saturating_sub(1));
        &self.levels[i]
    }

    /// The drawn area under a point (relative to `origin`), tested against
    /// the source polygons, not a simplified level.
    pub fn area_at(&self, ds: &Dataset, x: f64, y: f64) -> Option<usize> {
        let (xf, yf) = (x as f32, y as f32);
        let p = Point::new(x + self.origin.0, y + self.origin.1);
        self.drawn.iter().map(|&i| i as usize).find(|&i| {
            self.area_bbox[i].is_some_and(|b| xf >= b[0] && xf <= b[2] && yf >= b[1] && yf <= b[3])
                && ds.areas[i]
                    .geometry
                    .as_ref()
                    .is_some_and(|g| g.contains(&p))
        })
    }
}

fn snapped(raw: &Lod, tol: f64) -> Lod {
    let mut lod = Lod {
        tol,
        area_rings: vec![[0, 0]; raw.area_rings.len()],
        ..Lod::default()
    };
    let snap = |v: f32| ((f64::from(v) / tol).round() * tol) as f32;
    for (area, &[a, b]) in raw.area_rings.iter().enumerate() {
        let first = lod.rings.len() as u32;
        for &[s, e] in &raw.rings[a as usize..b as usize] {
            let start = lod.xy.len();
            for p in &raw.xy[s as usize..e as usize] {
                let q = [snap(p[0]), snap(p[1])];
                if lod.xy.len() > start && lod.xy.last() == Some(&q) {
                    continue;
                }
                lod.xy.push(q);
            }
            while lod.xy.len() > start + 1 && lod.xy.last() == lod.xy.get(start) {
                lod.xy.pop();
            }
            if lod.xy.len() - start < 3 {
                lod.xy.truncate(start);
            } else {
                lod.rings.push([start as u32, lod.xy.len() as u32]);
            }
        }
        lod.area_rings[area] = [first, lod.rings.len() as u32];
    }
    lod
}

type EdgeKey = ([u32; 2], [u32; 2]);

fn edge_key(a: [f32; 2], b: [f32; 2]) -> EdgeKey {
    let ka = [a[0].to_bits(), a[1].to_bits()];
    let kb = [b[0].to_bits(), b[1].to_bits()];
    if ka <= kb {
        (ka, kb)
    } else {
        (kb, ka)
    }
}

/// Outline of each multi-area unit: every member edge that no other member
/// shares.
fn dissolve(lod: &Lod, members: &[Vec<usize>]) -> Vec<Vec<[f32; 4]>> {
    members
        .iter()
        .map(|m| {
            if m.len() < 2 {
                return Vec::new();
            }
            let edges = || {
                m.iter().flat_map(|&a| {
                    lod.rings_of(a).flat_map(|ring| {
                        (0..ring.len()).map(move |i| (ring[i], ring[(i + 1) % ring.len()]))
                    })
                })
            };
            let mut count: HashMap<EdgeKey, u32> = HashMap::new();
            for (a, b) in edges() {
                *count.entry(edge_key(a, b)).or_default() += 1;
            }
            edges()
                .filter(|(a, b)| count.get(&edge_key(*a, *b)) == Some(&1))
                .map(|(a, b)| [a[0], a[1], b[0], b[1]])
                .collect()
        })
        .collect()
}

/// The part of the map on screen: `cols` x `rows` cells of 2 x 4 braille
/// dots; a dot is about square on a terminal, so one scale serves both axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub cols: u16,
    pub rows: u16,
    /// Metres per dot.
    pub mpd: f64,
    /// World x of the left edge and y of the top edge (relative to origin).
    pub left: f64,
    pub top: f64,
}

impl Viewport {
    /// Metres per dot that fit the whole map, with a small margin.
    pub fn fit_mpd(size: (f64, f64), cols: u16, rows: u16) -> f64 {
        let w = f64::from(cols.max(1)) * 2.0;
        let h = f64::from(rows.max(1)) * 4.0;
        (size.0 / w).max(size.1 / h) * 1.04
    }

    pub fn new(size: (f64, f64), cols: u16, rows: u16, zoom: f64, center: (f64, f64)) -> Viewport {
        let mpd = Viewport::fit_mpd(size, cols, rows) / zoom.max(1e-9);
        let w = f64::from(cols) * 2.0 * mpd;
        let h = f64::from(rows) * 4.0 * mpd;
        Viewport {
            cols,
            rows,
            mpd,
            left: center.0 - w / 2.0,
            top: center.1 + h / 2.0,
        }
    }

    pub fn dots(&self) -> (f64, f64) {
        (f64::from(self.cols) * 2.0, f64::from(self.rows) * 4.0)
    }

    /// `[min x, min y, max x, max y]` in world metres relative to origin.
    pub fn bounds(&self) -> [f64; 4] {
        let (w, h) = self.dots();
        [
            self.left,
            self.top - h * self.mpd,
            self.left + w * self.mpd,
            self.top,
        ]
    }

    pub fn to_dot(&self, x: f32, y: f32) -> (f64, f64) {
        (
            (f64::from(x) - self.left) / self.mpd,
            (self.top - f64::from(y)) / self.mpd,
        )
    }

    /// World point at the centre of a screen cell.
    pub fn cell_to_world(&self, col: u16, row: u16) -> (f64, f64) {
        (
            self.left + (f64::from(col) + 0.5) * 2.0 * self.mpd,
            self.top - (f64::from(row) + 0.5) * 4.0 * self.mpd,
        )
    }

    pub fn sees(&self, b: &[f32; 4]) -> bool {
        let v = self.bounds();
        f64::from(b[2]) >= v[0]
            && f64::from(b[0]) <= v[2]
            && f64::from(b[3]) >= v[1]
            && f64::from(b[1]) <= v[3]
    }

    /// Whether a box lies wholly on screen.
    pub fn contains(&self, b: &[f32; 4]) -> bool {
        let v = self.bounds();
        f64::from(b[0]) >= v[0]
            && f64::from(b[2]) <= v[2]
            && f64::from(b[1]) >= v[1]
            && f64::from(b[3]) <= v[3]
    }
}

/// Fill an area's cells (cell centre inside, even-odd) into `raster`
/// (`cols * rows`, row-major) with `value`. Returns the cells painted.
/// `crossings` is scratch space reused between calls.
pub fn fill_area(
    lod: &Lod,
    area: usize,
    vp: &Viewport,
    raster: &mut [u8],
    value: u8,
    crossings: &mut Vec<(u16, f32)>,
) -> usize {
    crossings.clear();
    let rows = i64::from(vp.rows);
    for ring in lod.rings_of(area) {
        let n = ring.len();
        for i in 0..n {
            let (ax, ay) = vp.to_dot(ring[i][0], ring[i][1]);
            let (bx, by) = vp.to_dot(ring[(i + 1) % n][0], ring[(i + 1) % n][1]);
            let (x1, y1, x2, y2) = (ax / 2.0, ay / 4.0, bx / 2.0, by / 4.0);
            if y1 == y2 {
                continue;
            }
            let (ya, yb) = (y1.min(y2), y1.max(y2));
            let r0 = ((ya - 0.5).ceil() as i64).max(0);
            let r1 = ((yb - 0.5).ceil() as i64).min(rows);
            for r in r0..r1 {
                let yc = r as f64 + 0.5;
                let x = x1 + (yc - y1) * (x2 - x1) / (y2 - y1);
                crossings.push((r as u16, x as f32));
            }
        }
    }
    crossings.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let cols = i64::from(vp.cols);
    let mut painted = 0;
    let mut i = 0;
    while i + 1 < crossings.len() {
        let (r, xa) = crossings[i];
        let (r2, xb) = crossings[i + 1];
        if r != r2 {
            i += 1;
            continue;
        }
        let c0 = ((f64::from(xa) - 0.5).ceil() as i64).max(0);
        let c1 = ((f64::from(xb) - 0.5).ceil() as i64).min(cols);
        let base = usize::from(r) * usize::from(vp.cols);
        for c in c0..c1 {
            raster[base + c as usize] = value;
            painted += 1;
        }
        i += 2;
    }
    painted
}

/// Call `paint(x, y)` for every dot on the segment, clipped to the screen.
pub fn trace(vp: &Viewport, a: (f64, f64), b: (f64, f64), paint: &mut impl FnMut(usize, usize)) {
    let (w, h) = vp.dots();
    let Some((x1, y1, x2, y2)) = clip(a.0, a.1, b.0, b.1, w - 1.0, h - 1.0) else {
        return;
    };
    let (mut x, mut y) = (x1.round() as i64, y1.round() as i64);
    let (xe, ye) = (x2.round() as i64, y2.round() as i64);
    let dx = (xe - x).abs();
    let dy = -(ye - y).abs();
    let sx = if x < xe { 1 } else { -1 };
    let sy = if y < ye { 1 } else { -1 };
    let mut err = dx + dy;
    loop {
        paint(x as usize, y as usize);
        if x == xe && y == ye {
            break;
        }
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
    }
}

/// Liang-Barsky clipping to `[0, xmax] x [0, ymax]`.
fn clip(x1: f64, y1: f64, x2: f64, y2: f64, xmax: f64, ymax: f64) -> Option<(f64, f64, f64, f64)> {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [(-dx, x1), (dx, xmax - x1), (-dy, y1), (dy, ymax - y1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    Some((x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy))
}

/// Trace every ring of an area.
pub fn trace_area(lod: &Lod, area: usize, vp: &Viewport, paint: &mut impl FnMut(usize, usize)) {
    for ring in lod.rings_of(area) {
        let n = ring.len();
        for i in 0..n {
            let a = vp.to_dot(ring[i][0], ring[i][1]);
            let b = vp.to_dot(ring[(i + 1) % n][0], ring[(i + 1) % n][1]);
            trace(vp, a, b, paint);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn square_lod() -> Lod {
        Lod {
            tol: 0.0,
            xy: vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]],
            rings: vec![[0, 4]],
            area_rings: vec![[0, 1]],
            outlines: vec![],
        }
    }

    #[test]
    fn fills_a_square() {
        let lod = square_lod();
        // 10 x 10 metres on 5 x 2.5 cells: 1 metre per dot.
        let vp = Viewport {
            cols: 5,
            rows: 3,
            mpd: 1.0,
            left: 0.0,
            top: 10.0,
        };
        let mut raster = vec![0u8; 15];
        let mut scratch = Vec::new();
        let n = fill_area(&lod, 0, &vp, &mut raster, 1, &mut scratch);
        // The square is 2.5 cells high: rows whose centre lies inside.
        assert_eq!(n, 10);
        assert_eq!(raster[..10], [1; 10]);
        assert_eq!(raster[10..], [0; 5]);
    }

    #[test]
    fn clips_segments() {
        let vp = Viewport {
            cols: 2,
            rows: 1,
            mpd: 1.0,
            left: 0.0,
            top: 4.0,
        };
        let mut dots = Vec::new();
        trace(&vp, (-10.0, 1.0), (10.0, 1.0), &mut |x, y| {
            dots.push((x, y))
        });
        assert_eq!(dots, vec![(0, 1), (1, 1), (2, 1), (3, 1)]);
    }

    #[test]
    fn inner_borders_cancel() {
        // Two unit squares side by side, one unit.
        let lod = Lod {
            tol: 0.0,
            xy: vec![
                [0.0, 0.0],
                [1.0, 0.0],
                [1.0, 1.0],
                [0.0, 1.0],
                [1.0, 0.0],
                [2.0, 0.0],
                [2.0, 1.0],
                [1.0, 1.0],
            ],
            rings: vec![[0, 4], [4, 8]],
            area_rings: vec![[0, 1], [1, 2]],
            outlines: vec![],
        };
        let out = dissolve(&lod, &[vec![0, 1]]);
        assert_eq!(out[0].len(), 6);
    }
}
