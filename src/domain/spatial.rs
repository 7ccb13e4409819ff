//! Point-in-polygon through an R-tree of polygon bounding boxes.

use super::dataset::Area;
use geo::{BoundingRect, Contains, Coord, Intersects, Point};
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, AABB};

type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// Finds the area a point lies in. Built once per dataset.
pub struct Locator<'a> {
    areas: &'a [Area],
    tree: RTree<Entry>,
}

impl<'a> Locator<'a> {
    /// Index every area with a shape (only those of `level`, if given).
    pub fn new(areas: &'a [Area], keep: impl Fn(&Area) -> bool + Sync) -> Locator<'a> {
        // Each box is a pass over the area's vertices (millions nationally):
        // made on every core, collected in area order.
        let entries: Vec<Entry> = areas
            .par_iter()
            .enumerate()
            .filter(|(_, a)| keep(a))
            .filter_map(|(i, a)| {
                let r = a.geometry.as_ref()?.bounding_rect()?;
                Some(GeomWithData::new(
                    Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]),
                    i,
                ))
            })
            .collect();
        Locator {
            areas,
            tree: RTree::bulk_load(entries),
        }
    }

    /// The area containing the point. A point on a shared border belongs to
    /// the area with the lowest index, so counts never double.
    pub fn locate(&self, x: f64, y: f64) -> Option<usize> {
        let p = Point(Coord { x, y });
        let env = AABB::from_point([x, y]);
        let mut on_border: Option<usize> = None;
        let mut inside: Option<usize> = None;
        for e in self.tree.locate_in_envelope_intersecting(&env) {
            let i = e.data;
            let Some(g) = self.areas[i].geometry.as_ref() else {
                continue;
            };
            if g.contains(&p) {
                inside = Some(inside.map_or(i, |j: usize| j.min(i)));
            } else if g.intersects(&p) {
                on_border = Some(on_border.map_or(i, |j: usize| j.min(i)));
            }
        }
        inside.or(on_border)
    }

    pub fn len(&self) -> usize {
        self.tree.size()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, MultiPolygon};

    fn area(code: &str, g: Option<MultiPolygon<f64>>) -> Area {
        Area::test_buurt(code, g)
    }

    #[test]
    fn holes_borders_and_missing_shapes() {
        let ring = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
            interiors: [[(x: 4.0, y: 4.0), (x: 6.0, y: 4.0), (x: 6.0, y: 6.0), (x: 4.0, y: 6.0)]],
        );
        let island =
            polygon![(x: 4.0, y: 4.0), (x: 6.0, y: 4.0), (x: 6.0, y: 6.0), (x: 4.0, y: 6.0)];
        let right =
            polygon![(x: 10.0, y: 0.0), (x: 20.0, y: 0.0), (x: 20.0, y: 10.0), (x: 10.0, y: 10.0)];
        let areas = vec![
            area("BU1", Some(MultiPolygon(vec![ring]))),
            area("BU2", Some(MultiPolygon(vec![island]))),
            area("BU3", Some(MultiPolygon(vec![right]))),
            area("BU4", None),
        ];
        let l = Locator::new(&areas, |_| true);
        assert_eq!(l.len(), 3);
        assert_eq!(l.locate(1.0, 1.0), Some(0));
        assert_eq!(
            l.locate(5.0, 5.0),
            Some(1),
            "the hole belongs to the island"
        );
        assert_eq!(l.locate(15.0, 5.0), Some(2));
        assert_eq!(l.locate(10.0, 5.0), Some(0), "shared border: lowest index");
        assert_eq!(l.locate(50.0, 50.0), None);
    }
}
