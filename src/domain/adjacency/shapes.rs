//! The kept areas with a shape, with what every stage of the adjacency
//! needs to know of them up front: bounding boxes and the number of
//! vertices. Each is a pass over every vertex, so they are made together,
//! once, on every core, and shared.

use crate::domain::dataset::Area;
use geo::{Coord, MultiPolygon, Rect};
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
}

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
            for p in geometry {
                outer.extend(&p.exterior().0);
                vertices += p.exterior().0.len();
                for r in p.interiors() {
                    holes.extend(&r.0);
                    vertices += r.0.len();
                }
            }
            Shape {
                index,
                geometry,
                rect: outer.rect(),
                bounds: outer.union(holes).rect(),
                vertices,
            }
        })
        .collect()
}

/// A bounding box being grown.
#[derive(Clone, Copy)]
struct Bounds {
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

pub(super) fn vertices(g: &MultiPolygon<f64>) -> impl Iterator<Item = &Coord<f64>> {
    g.0.iter().flat_map(|p| {
        p.exterior()
            .0
            .iter()
            .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::Level;
    use geo::{polygon, BoundingRect};

    fn area(g: Option<MultiPolygon<f64>>) -> Area {
        Area {
            code: "BU1".into(),
            name: "BU1".into(),
            level: Level::Buurt,
            gemeente_code: "GM0001".into(),
            gemeente_name: None,
            wijk_code: None,
            water: false,
            geometry: g,
            in_boundaries: true,
            schools: None,
        }
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
        assert_eq!(shapes(&areas, &|a| a.geometry.is_none()).len(), 0);
    }
}
