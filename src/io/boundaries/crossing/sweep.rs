//! The sweep over x that says where a polygon crosses itself: of all the
//! pairs of edges it looks at, the first that meets badly is reported.

use super::{total_order_key, verdict, Seg};
use geo::{Coord, Polygon};

#[derive(Default)]
pub(super) struct Scratch {
    segs: Vec<Seg>,
    order: Vec<(i64, usize)>,
    sorted: Vec<Seg>,
    lens: Vec<usize>,
}

pub(super) fn sweep(p: &Polygon<f64>, scratch: &mut Scratch) -> Option<Coord<f64>> {
    let Scratch {
        segs,
        order,
        sorted,
        lens,
    } = scratch;
    segs.clear();
    order.clear();
    sorted.clear();
    lens.clear();
    // The sweep order: by left end, ties in ring and edge order (the order
    // the edges are pushed in). Sorting small keys, not the edges, keeps
    // the sort cheap, and a sort of (key, push index) is that order exactly.
    for (ring, ls) in std::iter::once(p.exterior())
        .chain(p.interiors())
        .enumerate()
    {
        lens.push(ls.0.len().saturating_sub(1));
        for (idx, l) in ls.lines().enumerate() {
            if l.start == l.end {
                continue;
            }
            let seg = Seg::new(ring, idx, l);
            order.push((total_order_key(seg.min_x), segs.len()));
            segs.push(seg);
        }
    }
    order.sort_unstable();
    sorted.extend(order.iter().filter_map(|&(_, k)| segs.get(k).copied()));
    for (i, a) in sorted.iter().enumerate() {
        let (ay0, ay1) = a.y_range();
        let len = lens.get(a.ring).copied().unwrap_or(0);
        for b in &sorted[i + 1..] {
            if b.min_x > a.max_x {
                break;
            }
            let (by0, by1) = b.y_range();
            if by0 > ay1 || by1 < ay0 {
                continue;
            }
            if let Some(at) = verdict(a, b, len) {
                return Some(at);
            }
        }
    }
    None
}
