//! Fast path: vertices shared exactly (snapped to 0.1 m). Two shared
//! vertices mean a shared edge, one a corner touch. Sorting (vertex, area)
//! keys beats a hash map of vertices at millions of vertices.

use super::shapes::{rings, vertices, Shape};
use super::sort::sort_keys;
use crate::domain::rounding::round;
use geo::Coord;
use rayon::prelude::*;

/// Sorted, distinct area pairs, lower index first.
pub(super) type Pairs = Vec<(usize, usize)>;

/// (edges, corners): the pairs of areas sharing two or more snapped
/// vertices, and those sharing exactly one. When the key ranges fit in one
/// `u64` (the snapped bounding boxes tell before any key is made) the keys
/// are packed as they are made: a third of the memory and bytes to sort of
/// (x, y, area) triples, and packing keeps the order, so the groups are the
/// same.
pub(super) fn shared_vertex_pairs(shapes: &[Shape]) -> (Pairs, Pairs) {
    let span = KeySpan::of(shapes);
    match packing(&span) {
        Some(bits) => packed_pairs(shapes, &span, bits),
        None => plain_pairs(shapes, span.count),
    }
}

/// A vertex snapped to 0.1 m, as integers.
pub(super) fn snap(c: &Coord<f64>) -> (i64, i64) {
    (round(c.x * 10.0) as i64, round(c.y * 10.0) as i64)
}

/// The range of the snapped vertex keys, the largest area index and the
/// number of vertices.
pub(super) struct KeySpan {
    pub x: (i64, i64),
    pub y: (i64, i64),
    pub last_area: usize,
    pub count: usize,
}

impl KeySpan {
    pub fn of(shapes: &[Shape]) -> KeySpan {
        let mut s = KeySpan {
            x: (i64::MAX, i64::MIN),
            y: (i64::MAX, i64::MIN),
            last_area: 0,
            count: 0,
        };
        for shape in shapes {
            // Rounding keeps the order, so the snapped box holds every key.
            let Some(r) = shape.bounds else { continue };
            let (lo, hi) = (snap(&r.min()), snap(&r.max()));
            s.x = (s.x.0.min(lo.0), s.x.1.max(hi.0));
            s.y = (s.y.0.min(lo.1), s.y.1.max(hi.1));
            s.last_area = s.last_area.max(shape.index);
            s.count += shape.vertices;
        }
        s
    }
}

/// Bits of a packed key: (x, y, area), most significant first.
#[derive(Debug, Clone, Copy)]
pub(super) struct Packing {
    x: u32,
    y: u32,
    area: u32,
}

/// How to pack, when the x and y offsets from the minimum and the area
/// index fit in 63 bits together, and a pair of area indices in 64.
pub(super) fn packing(s: &KeySpan) -> Option<Packing> {
    let bits = |v: u64| u64::BITS - v.leading_zeros();
    let span_x = u64::try_from(s.x.1.checked_sub(s.x.0)?).ok()?;
    let span_y = u64::try_from(s.y.1.checked_sub(s.y.0)?).ok()?;
    let p = Packing {
        x: bits(span_x),
        y: bits(span_y),
        area: bits(u64::try_from(s.last_area).ok()?),
    };
    (p.x + p.y + p.area <= 63 && 2 * p.area <= u64::BITS).then_some(p)
}

pub(super) fn packed_pairs(shapes: &[Shape], span: &KeySpan, bits: Packing) -> (Pairs, Pairs) {
    let (x0, y0) = (span.x.0, span.y.0);
    // Plain loops over each ring's slice: three million vertices, and
    // chained iterators cost a good part of the time here.
    let fill = |part: &[Shape], out: &mut [u64]| {
        let mut slots = out.iter_mut();
        for s in part {
            let area = s.index as u64;
            for ring in rings(s.geometry) {
                // The ring first: zip stops at its end without using a slot.
                for (c, slot) in ring.0.iter().zip(slots.by_ref()) {
                    let (x, y) = snap(c);
                    *slot = (((x - x0) as u64) << (bits.y + bits.area))
                        | (((y - y0) as u64) << bits.area)
                        | area;
                }
            }
        }
    };
    // Each core makes the keys of half the areas into its half of one
    // buffer; the sort that follows makes their order irrelevant.
    let (first, second) = shapes.split_at(shapes.len() / 2);
    let in_first: usize = first.iter().map(|s| s.vertices).sum();
    let mut keys = vec![0u64; span.count];
    let (a, b) = keys.split_at_mut(in_first.min(span.count));
    rayon::join(|| fill(first, a), || fill(second, b));
    sort_keys(&mut keys, bits.x + bits.y + bits.area);
    let mask = (1u64 << bits.area) - 1;
    // Pairs are packed too (lower area in the high half), so they sort as
    // (lower, higher) does.
    let mut pairs: Vec<u64> = Vec::with_capacity(keys.len() / 2);
    let mut group: Vec<u64> = Vec::new();
    for run in keys.chunk_by(|p, q| p >> bits.area == q >> bits.area) {
        if run.len() < 2 {
            continue;
        }
        // An area listing a vertex twice (a ring's closing vertex) counts
        // once.
        group.clear();
        for k in run {
            let area = k & mask;
            if group.last() != Some(&area) {
                group.push(area);
            }
        }
        for (n, a) in group.iter().enumerate() {
            pairs.extend(group[n + 1..].iter().map(|b| (a << bits.area) | b));
        }
    }
    sort_keys(&mut pairs, 2 * bits.area);
    split_runs(&pairs, |k| ((k >> bits.area) as usize, (k & mask) as usize))
}

pub(super) fn plain_pairs(shapes: &[Shape], count: usize) -> (Pairs, Pairs) {
    let mut keyed: Vec<(i64, i64, usize)> = Vec::with_capacity(count);
    for s in shapes {
        keyed.extend(vertices(s.geometry).map(|c| {
            let (x, y) = snap(c);
            (x, y, s.index)
        }));
    }
    keyed.par_sort_unstable();
    keyed.dedup();
    let mut pairs = Vec::new();
    for group in keyed.chunk_by(|p, q| (p.0, p.1) == (q.0, q.1)) {
        for (k, a) in group.iter().enumerate() {
            pairs.extend(group[k + 1..].iter().map(|b| (a.2, b.2)));
        }
    }
    pairs.par_sort_unstable();
    split_runs(&pairs, |&p| p)
}

/// Sorted pairs, once per shared vertex, into those seen twice or more
/// (edges) and those seen once (corners).
fn split_runs<T: PartialEq>(sorted: &[T], pair: impl Fn(&T) -> (usize, usize)) -> (Pairs, Pairs) {
    let (mut edges, mut corners) = (Vec::new(), Vec::new());
    for run in sorted.chunk_by(|p, q| p == q) {
        if run.len() >= 2 {
            edges.push(pair(&run[0]));
        } else {
            corners.push(pair(&run[0]));
        }
    }
    (edges, corners)
}

#[cfg(test)]
mod tests {
    use super::super::shapes::shapes;
    use super::super::tests::{area, grid, square};
    use super::*;
    use crate::domain::dataset::Area;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn packed_and_plain_keys_give_the_pairs_of_shared_vertices() {
        // Squares of three sizes on a lattice: shared edges, corners, and
        // vertices shared by up to four areas; one without a shape.
        let mut areas = grid();
        for (k, (x, y, s)) in [
            (0.0, 0.0, 2.0),
            (2.0, 0.0, 1.0),
            (3.0, 0.0, 1.0),
            (2.0, 1.0, 1.0),
        ]
        .into_iter()
        .enumerate()
        {
            areas.push(area(&format!("BU{k:08}"), Some(square(x + 50.0, y, s))));
        }
        let shapes = shapes(&areas, &|_: &Area| true);
        let span = KeySpan::of(&shapes);
        let bits = packing(&span);
        assert!(bits.is_some());
        let packed = bits.map(|b| packed_pairs(&shapes, &span, b));
        let plain = plain_pairs(&shapes, span.count);
        assert_eq!(packed.as_ref(), Some(&plain));
        // The reference: every pair of areas holding the same snapped
        // vertex, counted once per vertex.
        let mut at: BTreeMap<(i64, i64), BTreeSet<usize>> = BTreeMap::new();
        for s in &shapes {
            for c in vertices(s.geometry) {
                at.entry(snap(c)).or_default().insert(s.index);
            }
        }
        let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for set in at.values() {
            let v: Vec<usize> = set.iter().copied().collect();
            for (k, a) in v.iter().enumerate() {
                for b in &v[k + 1..] {
                    *seen.entry((*a, *b)).or_default() += 1;
                }
            }
        }
        let pick = |edge: bool| -> Pairs {
            seen.iter()
                .filter(|(_, &n)| (n >= 2) == edge)
                .map(|(&p, _)| p)
                .collect()
        };
        assert_eq!(plain, (pick(true), pick(false)));
        assert!(!plain.0.is_empty() && !plain.1.is_empty());
        // Spans too wide to pack take the plain sort.
        let wide = KeySpan {
            x: (i64::MIN, i64::MAX),
            y: (0, 5),
            last_area: 2,
            count: 0,
        };
        assert!(packing(&wide).is_none());
    }
}
