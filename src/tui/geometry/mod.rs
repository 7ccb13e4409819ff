//! Map geometry, prepared once at start: polygons become flat rings of
//! `f32` points (relative to the map's corner) at a pyramid of detail
//! levels, so a frame only walks the level that matches one screen dot and
//! only the areas whose box is on screen. Coarse levels snap vertices to a
//! grid, which bounds the vertices a frame draws by the screen resolution,
//! not by the detail of the source polygons. Snapping (unlike per-ring
//! simplification) moves shared borders identically in both neighbours, so
//! the inner borders of a wijk or pilot area still cancel out exactly.
//!
//! This file builds [`MapGeometry`]; [`lod`] holds the levels of detail,
//! [`raster`] turns them into screen cells and dots, [`pick`] finds the
//! area under a click.

use crate::domain::dataset::Dataset;
use geo::{Contains, Point};
use rayon::prelude::*;
use std::sync::Arc;

pub mod lod;
pub mod pick;
pub mod raster;

pub use lod::Lod;
use lod::{dissolve, snapped};
pub use pick::AreaIndex;
pub use raster::{fill_area, trace, trace_area, Viewport};

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
    /// Coarse to fine; the last one is the source geometry. Shared, so the
    /// finer levels can be made from the source on another thread.
    pub levels: Vec<Arc<Lod>>,
    /// The grid where refining stopped before the first frame, when the
    /// finer levels are still to be made ([`MapGeometry::finer_levels_job`]).
    pub pending_tol: Option<f64>,
    /// Primary schools, relative to `origin`.
    pub schools: Vec<[f32; 2]>,
    /// The drawn areas' boxes, for finding the area under a click.
    pub index: AreaIndex,
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

/// One area's rings relative to the map's corner, with ring ranges into
/// its own `xy` and the box of every point read.
struct AreaRings {
    xy: Vec<[f32; 2]>,
    rings: Vec<[u32; 2]>,
    bbox: Option<[f32; 4]>,
}

/// Non-finite points skipped, repeated points merged, a closing repeat of
/// the first point dropped, rings under three points left out.
fn area_rings(g: Option<&geo::MultiPolygon<f64>>, origin: (f64, f64)) -> AreaRings {
    let mut out = AreaRings {
        xy: Vec::new(),
        rings: Vec::new(),
        bbox: None,
    };
    let Some(g) = g else { return out };
    let rings = || {
        g.iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
    };
    out.xy.reserve_exact(rings().map(|r| r.0.len()).sum());
    // The box as plain minima and maxima: the same values as a union per
    // point, without an `Option` to test each time.
    let mut b = [
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    ];
    for ring in rings() {
        let start = out.xy.len();
        for c in ring.coords() {
            if !(c.x.is_finite() && c.y.is_finite()) {
                continue;
            }
            let q = [(c.x - origin.0) as f32, (c.y - origin.1) as f32];
            if out.xy.len() > start && out.xy.last() == Some(&q) {
                continue;
            }
            out.xy.push(q);
            b = [
                b[0].min(q[0]),
                b[1].min(q[1]),
                b[2].max(q[0]),
                b[3].max(q[1]),
            ];
        }
        while out.xy.len() > start + 1 && out.xy.last() == out.xy.get(start) {
            out.xy.pop();
        }
        if out.xy.len() - start < 3 {
            out.xy.truncate(start);
        } else {
            out.rings.push([start as u32, out.xy.len() as u32]);
        }
    }
    // A point was read exactly when the box is no longer empty.
    out.bbox = (b[0] <= b[2]).then_some(b);
    out
}

/// The finest grid: half a metre.
const FINEST: f64 = 0.5;
/// Sources this small get every level before the first frame.
const FEW_VERTICES: usize = 200_000;

/// Levels from grid `tol` down, halving, while the grid is at least
/// `floor`, two at a time on the two cores. Refining ends for good at a
/// level nearly as detailed as the source (the source serves instead) or
/// below the finest grid; otherwise the grid to go on from is returned.
/// A finer level made beside one that ends the refining is thrown away, so
/// the levels are those a one-by-one loop makes, wherever `floor` cuts it.
fn refine(raw: &Lod, mut tol: f64, floor: f64) -> (Vec<Lod>, Option<f64>) {
    let raw_count = raw.vertex_count().max(1);
    let enough = |lod: &Lod| lod.vertex_count() * 10 >= raw_count * 8;
    let floor = floor.max(FINEST);
    let mut levels = Vec::new();
    while tol >= floor {
        let (a, b) = if tol / 2.0 >= floor {
            let (a, b) = rayon::join(|| snapped(raw, tol), || snapped(raw, tol / 2.0));
            (a, Some(b))
        } else {
            (snapped(raw, tol), None)
        };
        for lod in std::iter::once(a).chain(b) {
            if enough(&lod) {
                return (levels, None);
            }
            levels.push(lod);
            tol /= 2.0;
        }
    }
    (levels, (tol >= FINEST).then_some(tol))
}

/// The part of [`MapGeometry`] that needs only the shapes, not the units:
/// nearly all of the work, so it can be made while the units are ranked.
pub struct MapShapes {
    origin: (f64, f64),
    size: (f64, f64),
    area_bbox: Vec<Option<[f32; 4]>>,
    drawn: Vec<u32>,
    levels: Vec<Lod>,
    pending_tol: Option<f64>,
    schools: Vec<[f32; 2]>,
    index: AreaIndex,
}

impl MapShapes {
    pub fn build(ds: &Dataset) -> MapShapes {
        let n = ds.areas.len();
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
        // Each area's rings are made on any core, then laid end to end in
        // area order: the same buffer a single loop makes.
        let parts: Vec<AreaRings> = drawn
            .par_iter()
            .map(|&i| area_rings(ds.areas[i as usize].geometry.as_ref(), origin))
            .collect();
        raw.xy.reserve_exact(parts.iter().map(|p| p.xy.len()).sum());
        raw.rings
            .reserve_exact(parts.iter().map(|p| p.rings.len()).sum());
        for (&i, part) in drawn.iter().zip(parts) {
            let i = i as usize;
            let first = raw.rings.len() as u32;
            let offset = raw.xy.len() as u32;
            raw.xy.extend_from_slice(&part.xy);
            raw.rings
                .extend(part.rings.iter().map(|&[s, e]| [s + offset, e + offset]));
            raw.area_rings[i] = [first, raw.rings.len() as u32];
            area_bbox[i] = part.bbox;
        }
        // Coarsest level: about 64 grid cells across the whole map. Before
        // the first frame only the levels a whole-map view can use are made
        // (grids down to 1/512 of the map: a map pane up to about 500 dots,
        // 250 columns, wide); the finer ones follow on another thread, and
        // until they come a closer view draws the source.
        let tol = size.0.max(size.1) / 64.0;
        let floor = if raw.vertex_count() < FEW_VERTICES {
            FINEST
        } else {
            size.0.max(size.1) / 512.0
        };
        let (mut levels, pending_tol) = refine(&raw, tol, floor);
        levels.push(raw);

        let schools = ds
            .schools
            .iter()
            .filter(|s| s.primary && s.x.is_finite() && s.y.is_finite())
            .map(|s| [(s.x - origin.0) as f32, (s.y - origin.1) as f32])
            .collect();

        let index = AreaIndex::new(&area_bbox);
        MapShapes {
            origin,
            size,
            area_bbox,
            drawn,
            levels,
            pending_tol,
            schools,
            index,
        }
    }
}

impl MapGeometry {
    /// `members`: the dataset areas of each unit (as in `Analysis::members`).
    pub fn build(ds: &Dataset, members: &[Vec<usize>]) -> MapGeometry {
        MapGeometry::from_shapes(MapShapes::build(ds), members)
    }

    /// The shapes joined to the units: which unit each area belongs to,
    /// the units' boxes and outlines.
    pub fn from_shapes(s: MapShapes, members: &[Vec<usize>]) -> MapGeometry {
        let mut area_unit = vec![None; s.area_bbox.len()];
        for (u, m) in members.iter().enumerate() {
            for &a in m {
                if let Some(slot) = area_unit.get_mut(a) {
                    *slot = Some(u as u32);
                }
            }
        }
        let mut unit_bbox = vec![None; members.len()];
        for (u, m) in members.iter().enumerate() {
            for &a in m {
                if let Some(Some(b)) = s.area_bbox.get(a) {
                    unit_bbox[u] = Some(union(unit_bbox[u], *b));
                }
            }
        }

        let mut levels = s.levels;
        levels
            .par_iter_mut()
            .for_each(|lod| lod.outlines = dissolve(lod, members));
        MapGeometry {
            index: s.index,
            origin: s.origin,
            size: s.size,
            area_bbox: s.area_bbox,
            area_unit,
            drawn: s.drawn,
            unit_bbox,
            levels: levels.into_iter().map(Arc::new).collect(),
            pending_tol: s.pending_tol,
            schools: s.schools,
        }
    }

    /// The work that makes the levels finer than those made at start, for
    /// another thread; `None` when there are none to make.
    pub fn finer_levels_job(
        &self,
        members: &[Vec<usize>],
    ) -> Option<impl FnOnce() -> Vec<Lod> + Send + 'static> {
        let tol = self.pending_tol?;
        let raw = Arc::clone(self.levels.last()?);
        let members = members.to_vec();
        Some(move || {
            let (mut levels, _) = refine(&raw, tol, FINEST);
            levels
                .par_iter_mut()
                .for_each(|lod| lod.outlines = dissolve(lod, &members));
            levels
        })
    }

    /// Makes the finer levels here and now (tests, benchmarks; the app
    /// makes them on another thread after its first frame).
    pub fn finish_levels(&mut self, members: &[Vec<usize>]) {
        if let Some(job) = self.finer_levels_job(members) {
            let finer = job();
            self.add_finer_levels(finer);
        }
    }

    /// The finer levels, between the coarse ones and the source.
    pub fn add_finer_levels(&mut self, finer: Vec<Lod>) {
        if self.pending_tol.take().is_none() {
            return;
        }
        let at = self.levels.len().saturating_sub(1);
        self.levels.splice(at..at, finer.into_iter().map(Arc::new));
    }

    /// The coarsest level whose grid is no larger than one screen dot (the
    /// source while a finer level is still being made).
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
        let p = Point::new(x + self.origin.0, y + self.origin.1);
        self.index
            .candidates(x as f32, y as f32)
            .into_iter()
            .find(|&i| {
                ds.areas
                    .get(i)
                    .and_then(|a| a.geometry.as_ref())
                    .is_some_and(|g| g.contains(&p))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Squares of many sizes in a row, a point every quarter metre along
    /// their sides: each grid from 64 m to half a metre keeps fewer points
    /// than the next finer one.
    fn raw() -> Lod {
        let mut raw = Lod::default();
        let mut x = 0.0f32;
        for k in 0..60u32 {
            let side = 1.0 + (k % 37) as f32 * 1.7;
            let start = raw.xy.len() as u32;
            let steps = (side / 0.25) as u32;
            for (x0, y0, dx, dy) in [
                (0.0, 0.0, 1.0, 0.0),
                (side, 0.0, 0.0, 1.0),
                (side, side, -1.0, 0.0),
                (0.0, side, 0.0, -1.0),
            ] {
                for i in 0..steps {
                    let t = i as f32 * side / steps as f32;
                    raw.xy.push([x + x0 + dx * t, y0 + dy * t]);
                }
            }
            raw.rings.push([start, raw.xy.len() as u32]);
            raw.area_rings.push([k, k + 1]);
            x += side + 0.7;
        }
        raw
    }

    #[test]
    fn levels_made_in_two_steps_are_those_made_in_one() {
        let raw = raw();
        let (all, rest) = refine(&raw, 64.0, FINEST);
        assert_eq!(rest, None);
        assert!(all.len() >= 4, "{}", all.len());
        for floor in [1.0, 4.0, 16.0, 64.0] {
            let (mut coarse, pending) = refine(&raw, 64.0, floor);
            let tol = pending.unwrap_or_else(|| panic!("floor {floor}: nothing left"));
            assert!(coarse.iter().all(|l| l.tol >= floor) && tol < floor);
            let (finer, rest) = refine(&raw, tol, FINEST);
            assert_eq!(rest, None);
            coarse.extend(finer);
            assert_eq!(coarse, all, "floor {floor}");
        }
    }
}
