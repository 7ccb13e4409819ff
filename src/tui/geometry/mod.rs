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
    /// Coarse to fine; the last one is the source geometry.
    pub levels: Vec<Lod>,
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
        // Nearly as detailed as the source: the source serves instead.
        let enough = |lod: &Lod| lod.vertex_count() * 10 >= raw_count * 8;
        // Two levels at a time on the two cores; the finer one is thrown
        // away when the coarser already stops the refining, so the levels
        // are those a one-by-one loop makes.
        'refine: while tol >= 0.5 {
            let (a, b) = if tol / 2.0 >= 0.5 {
                let (a, b) = rayon::join(|| snapped(&raw, tol), || snapped(&raw, tol / 2.0));
                (a, Some(b))
            } else {
                (snapped(&raw, tol), None)
            };
            for lod in std::iter::once(a).chain(b) {
                if enough(&lod) {
                    break 'refine;
                }
                levels.push(lod);
                tol /= 2.0;
            }
        }
        levels.push(raw);
        levels
            .par_iter_mut()
            .for_each(|lod| lod.outlines = dissolve(lod, members));

        let schools = ds
            .schools
            .iter()
            .filter(|s| s.primary && s.x.is_finite() && s.y.is_finite())
            .map(|s| [(s.x - origin.0) as f32, (s.y - origin.1) as f32])
            .collect();

        let index = AreaIndex::new(&area_bbox);
        MapGeometry {
            index,
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
