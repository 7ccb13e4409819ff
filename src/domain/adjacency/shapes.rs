//! The kept areas with a shape, with what every stage of the adjacency
//! needs to know of them up front: bounding boxes and the number of
//! vertices. Each is a pass over every vertex, so they are made together,
//! once, on every core, and shared.

use crate::domain::dataset::Area;
use geo::{Coord, LineString, MultiPolygon, Rect};
use rayon::prelude::*;

pub(super) struct Shape<'a> {
    /// The area's index in the dataset.
    pub index: usize,
    pub geometry: &'a MultiPolygon<f64>,
    /// The box of the outer rings (what `geo::BoundingRect` gives): None
    /// when they have no vertices.
    pub rect: Option<Rect<f64>>,
    /// The box of every vertex, holes included: a hole drawn outside its
    /// outer ring still has to fit the vertex keys.
    pub bounds: Option<Rect<f64>>,
    pub vertices: usize,
    /// The box of each run of `CHUNK` segments of each ring, in the order
    /// of `rings`: the near test skips every run whose box is far from
    /// the other shape, instead of testing its vertices one by one.
    pub chunks: Vec<Bounds>,
}

/// Segments per chunk box.
pub(super) const CHUNK: usize = 16;

/// The kept areas with a shape, in dataset order.
pub(super) fn shapes<'a>(areas: &'a [Area], keep: &impl Fn(&Area) -> bool) -> Vec<Shape<'a>> {
    // `keep` is asked on this thread (it need not be `Sync`); the passes
    // over the vertices run on every core.
    let kept: Vec<(usize, &MultiPolygon<f64>)> = areas
        .iter()
        .enumerate()
        .filter(|(_, a)| keep(a))
        .filter_map(|(i, a)| Some((i, a.geometry.as_ref()?)))
        .collect();
    kept.into_par_iter()
        .map(|(index, geometry)| {
            let (mut outer, mut holes, mut vertices) = (Bounds::EMPTY, Bounds::EMPTY, 0);
            let mut chunks = Vec::new();
            for p in geometry {
                for (k, r) in std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .enumerate()
                {
                    let first = chunks.len();
                    chunk_boxes(&r.0, &mut chunks);
                    // The chunks cover the ring: their union is its box.
                    let ring = chunks[first..]
                        .iter()
                        .fold(Bounds::EMPTY, |b, c| b.union(*c));
                    if k == 0 {
                        outer = outer.union(ring);
                    } else {
                        holes = holes.union(ring);
                    }
                    vertices += r.0.len();
                }
            }
            Shape {
                index,
                geometry,
                rect: outer.rect(),
                bounds: outer.union(holes).rect(),
                vertices,
                chunks,
            }
        })
        .collect()
}

/// The boxes of a ring's chunks: chunk `k` holds the vertices
/// `k * CHUNK ..= (k + 1) * CHUNK`, so each segment lies in the box of the
/// chunk its first vertex belongs to.
fn chunk_boxes(cs: &[Coord<f64>], out: &mut Vec<Bounds>) {
    out.extend(cs.chunks(CHUNK).enumerate().map(|(k, _)| {
        let mut b = Bounds::EMPTY;
        b.extend(
            cs.get(k * CHUNK..(k * CHUNK + CHUNK + 1).min(cs.len()))
                .unwrap_or(&[]),
        );
        b
    }));
}

/// A bounding box being grown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Bounds {
    min: Coord<f64>,
    max: Coord<f64>,
}

impl Bounds {
    const EMPTY: Bounds = Bounds {
        min: Coord {
            x: f64::INFINITY,
            y: f64::INFINITY,
        },
        max: Coord {
            x: f64::NEG_INFINITY,
            y: f64::NEG_INFINITY,
        },
    };

    fn extend(&mut self, cs: &[Coord<f64>]) {
        for c in cs {
            self.min.x = self.min.x.min(c.x);
            self.min.y = self.min.y.min(c.y);
            self.max.x = self.max.x.max(c.x);
            self.max.y = self.max.y.max(c.y);
        }
    }

    /// Whether the box reaches into `x0..=x1` by `y0..=y1`.
    #[inline]
    pub fn meets(&self, (x0, x1): (f64, f64), (y0, y1): (f64, f64)) -> bool {
        self.max.x >= x0 && self.min.x <= x1 && self.max.y >= y0 && self.min.y <= y1
    }

    fn union(self, o: Bounds) -> Bounds {
        Bounds {
            min: Coord {
                x: self.min.x.min(o.min.x),
                y: self.min.y.min(o.min.y),
            },
            max: Coord {
                x: self.max.x.max(o.max.x),
                y: self.max.y.max(o.max.y),
            },
        }
    }

    fn rect(self) -> Option<Rect<f64>> {
        (self.min.x <= self.max.x && self.min.y <= self.max.y)
            .then(|| Rect::new(self.min, self.max))
    }
}

/// Every vertex of a shape, in the order of `rings`.
pub(super) fn vertices(g: &MultiPolygon<f64>) -> impl Iterator<Item = &Coord<f64>> {
    rings(g).flat_map(|r| r.0.iter())
}

/// Every ring of a shape, each part's outer ring before its holes.
pub(super) fn rings(g: &MultiPolygon<f64>) -> impl Iterator<Item = &LineString<f64>> {
    g.iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, BoundingRect};

    fn area(g: Option<MultiPolygon<f64>>) -> Area {
        Area::test_buurt("BU1", g)
    }

    #[test]
    fn boxes_and_counts_match_geo_and_hold_stray_holes() {
        let with_hole = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: -2.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
            interiors: [[(x: 2.0, y: 2.0), (x: 4.0, y: 2.0), (x: 4.0, y: 4.0)]],
        );
        let stray = polygon!(
            exterior: [(x: 20.0, y: 0.0), (x: 30.0, y: 0.0), (x: 30.0, y: 5.0)],
            interiors: [[(x: 40.0, y: 40.0), (x: 41.0, y: 40.0), (x: 41.0, y: 41.0)]],
        );
        let g = MultiPolygon(vec![with_hole, stray]);
        let areas = vec![
            area(Some(g.clone())),
            area(None),
            area(Some(MultiPolygon(vec![]))),
        ];
        let s = shapes(&areas, &|_| true);
        assert_eq!(
            s.iter().map(|s| s.index).collect::<Vec<_>>(),
            [0, 2],
            "no shape, no entry"
        );
        assert_eq!(s[0].rect, g.bounding_rect());
        assert_eq!(
            s[0].bounds,
            Some(Rect::new((0.0, -2.0), (41.0, 41.0))),
            "the stray hole widens the key box"
        );
        assert_eq!(s[0].vertices, vertices(&g).count());
        assert_eq!(s[0].vertices, 5 + 4 + 4 + 4);
        assert_eq!((s[1].rect, s[1].bounds, s[1].vertices), (None, None, 0));
        // One chunk per ring here; a long ring gets one per CHUNK segments,
        // each holding the first vertex of the next.
        assert_eq!(s[0].chunks.len(), 4);
        let long: Vec<Coord<f64>> = (0..=2 * CHUNK + 1)
            .map(|k| Coord {
                x: k as f64,
                y: (k * k) as f64,
            })
            .collect();
        let mut boxes = Vec::new();
        chunk_boxes(&long, &mut boxes);
        let at = |k: usize| (k as f64, (k * k) as f64);
        assert_eq!(boxes.len(), 3);
        assert_eq!((boxes[0].min.x_y(), boxes[0].max.x_y()), (at(0), at(CHUNK)));
        assert_eq!(
            (boxes[1].min.x_y(), boxes[1].max.x_y()),
            (at(CHUNK), at(2 * CHUNK))
        );
        assert_eq!(
            (boxes[2].min.x_y(), boxes[2].max.x_y()),
            (at(2 * CHUNK), at(2 * CHUNK + 1))
        );
        assert_eq!(shapes(&areas, &|a| a.geometry.is_none()).len(), 0);
    }
}
