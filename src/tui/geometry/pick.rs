//! Which area lies under a map click: an R-tree of the areas' boxes
//! narrows the candidates to a handful before the exact polygon test.
//! (`domain::spatial::Locator` borrows the areas, so the app, which owns
//! its dataset, keeps this owned index of its own.)

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::RTree;

type Entry = GeomWithData<Rectangle<[f32; 2]>, u32>;

#[derive(Debug, Clone, Default)]
pub struct AreaIndex {
    tree: RTree<Entry>,
}

impl AreaIndex {
    /// `boxes`: per dataset area, `[min x, min y, max x, max y]` or `None`.
    pub fn new(boxes: &[Option<[f32; 4]>]) -> AreaIndex {
        let entries = boxes
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let b = (*b)?;
                Some(GeomWithData::new(
                    Rectangle::from_corners([b[0], b[1]], [b[2], b[3]]),
                    i as u32,
                ))
            })
            .collect();
        AreaIndex {
            tree: RTree::bulk_load(entries),
        }
    }

    /// Areas whose box holds the point, lowest index first: on a shared
    /// border the first area in the dataset wins, as everywhere else.
    pub fn candidates(&self, x: f32, y: f32) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .tree
            .locate_all_at_point(&[x, y])
            .map(|e| e.data as usize)
            .collect();
        v.sort_unstable();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_boxes_under_a_point() {
        let idx = AreaIndex::new(&[
            Some([0.0, 0.0, 10.0, 10.0]),
            None,
            Some([5.0, 5.0, 20.0, 20.0]),
            Some([30.0, 30.0, 40.0, 40.0]),
        ]);
        assert_eq!(idx.candidates(7.0, 7.0), vec![0, 2]);
        assert_eq!(idx.candidates(1.0, 1.0), vec![0]);
        assert!(idx.candidates(25.0, 25.0).is_empty());
    }
}
