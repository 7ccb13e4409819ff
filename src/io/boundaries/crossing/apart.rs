//! The quick proof that no two edges of a polygon meet where the sweep
//! would report it, so a valid polygon needs no sorted sweep at all.
//!
//! The sweep judges every pair of edges whose boxes overlap (closed boxes:
//! touching counts). Those pairs are of three kinds here:
//! - neighbours along a ring, judged as the ring is walked;
//! - two edges of one chain (a stretch of a ring heading one way in x and
//!   one way in y) with an edge between them: that edge moves on in x or
//!   in y, so their boxes never overlap;
//! - edges of two chains: a chain's stretch lies in the box of its two
//!   ends, so halving the chains of two overlapping boxes, and dropping
//!   halves that are apart, reaches the few edge pairs that overlap.
//!
//! Each pair is judged as the sweep judges it, in the sweep's order of the
//! two. Any pair that meets (or a coordinate that is not finite) ends the
//! proof, and the sweep decides what to report.

use super::{ring, total_order_key, verdict, Seg};
use geo::{Coord, Line, Polygon};

/// Edges `first..=last` of one ring, all heading the same way in x and in
/// y (or level in it), so any stretch of them lies in the box of its two
/// ends. Edges that are a single point may lie among them.
#[derive(Clone, Copy)]
struct Chain {
    ring: usize,
    first: usize,
    last: usize,
}

#[derive(Clone, Copy)]
struct Bounds {
    min_x: f64,
    max_x: f64,
    min_y: f64,
    max_y: f64,
}

impl Bounds {
    fn of(a: Coord<f64>, b: Coord<f64>) -> Bounds {
        Bounds {
            min_x: a.x.min(b.x),
            max_x: a.x.max(b.x),
            min_y: a.y.min(b.y),
            max_y: a.y.max(b.y),
        }
    }

    fn overlaps(&self, o: &Bounds) -> bool {
        !(o.min_x > self.max_x
            || self.min_x > o.max_x
            || o.min_y > self.max_y
            || self.min_y > o.max_y)
    }
}

#[derive(Default)]
pub(super) struct Scratch {
    chains: Vec<Chain>,
    by_x: Vec<(f64, usize)>,
}

/// True when no pair of edges the sweep looks at meets as it reports;
/// false when one does or the proof does not apply.
pub(super) fn shown_apart(p: &Polygon<f64>, scratch: &mut Scratch) -> bool {
    let Scratch { chains, by_x } = scratch;
    chains.clear();
    by_x.clear();
    for r in 0..=p.interiors().len() {
        if !walk_ring(p, r, chains) {
            return false;
        }
    }
    let span = |ch: &Chain| {
        let c = ring(p, ch.ring);
        Bounds::of(c[ch.first], c[ch.last + 1])
    };
    by_x.extend(chains.iter().enumerate().map(|(k, ch)| (span(ch).min_x, k)));
    by_x.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    for (i, &(_, ci)) in by_x.iter().enumerate() {
        let a = chains[ci];
        let ba = span(&a);
        for &(min_x, di) in &by_x[i + 1..] {
            if min_x > ba.max_x {
                break;
            }
            let b = chains[di];
            let bb = span(&b);
            if ba.overlaps(&bb) && stretches_meet(p, (a, ba), (b, bb)) {
                return false;
            }
        }
    }
    true
}

fn sign(to: f64, from: f64) -> i8 {
    if to > from {
        1
    } else if to < from {
        -1
    } else {
        0
    }
}

/// Ring `r`'s chains pushed, and each edge judged with the one before it;
/// false when a pair meets or a coordinate is not finite.
fn walk_ring(p: &Polygon<f64>, r: usize, chains: &mut Vec<Chain>) -> bool {
    let c = ring(p, r);
    let mut prev: Option<usize> = None;
    let mut dir = (0i8, 0i8);
    for k in 0..c.len().saturating_sub(1) {
        let (s, e) = (c[k], c[k + 1]);
        if s == e {
            continue;
        }
        if !(s.x.is_finite() && s.y.is_finite() && e.x.is_finite() && e.y.is_finite()) {
            return false;
        }
        let (sx, sy) = (sign(e.x, s.x), sign(e.y, s.y));
        let Some(j) = prev else {
            chains.push(Chain {
                ring: r,
                first: k,
                last: k,
            });
            dir = (sx, sy);
            prev = Some(k);
            continue;
        };
        if (sx == 0 || dir.0 == 0 || sx == dir.0) && (sy == 0 || dir.1 == 0 || sy == dir.1) {
            if dir.0 == 0 {
                dir.0 = sx;
            }
            if dir.1 == 0 {
                dir.1 = sy;
            }
        } else {
            if let Some(ch) = chains.last_mut() {
                ch.last = j;
            }
            chains.push(Chain {
                ring: r,
                first: k,
                last: k,
            });
            dir = (sx, sy);
        }
        // Edge j and edge k share vertex k. Next to each other in the
        // ring, nearly all turn there, and one orientation test shows it.
        let turn = j + 1 == k && turns(c[j], s, e);
        if !turn && pair_meets(p, (r, j), (r, k)) {
            return false;
        }
        prev = Some(k);
    }
    if let (Some(j), Some(ch)) = (prev, chains.last_mut()) {
        ch.last = j;
    }
    true
}

/// Whether the edges of two chain stretches (boxes overlapping) hold a
/// pair that meets: the longer is halved, and halves whose boxes are apart
/// from the other stretch are dropped.
fn stretches_meet(p: &Polygon<f64>, a: (Chain, Bounds), b: (Chain, Bounds)) -> bool {
    let a_longer = a.0.last - a.0.first >= b.0.last - b.0.first;
    let (long, short) = if a_longer { (a, b) } else { (b, a) };
    let ch = long.0;
    if ch.first == ch.last {
        // Two single edges. Neighbours in a ring were judged on the walk.
        let (x, y) = (a.0, b.0);
        if x.ring == y.ring && x.first.abs_diff(y.first) == 1 {
            return false;
        }
        return pair_meets(p, (x.ring, x.first), (y.ring, y.first));
    }
    let c = ring(p, ch.ring);
    let mid = ch.first + (ch.last - ch.first) / 2;
    let halves = [
        Chain { last: mid, ..ch },
        Chain {
            first: mid + 1,
            ..ch
        },
    ];
    halves.into_iter().any(|half| {
        let bh = Bounds::of(c[half.first], c[half.last + 1]);
        bh.overlaps(&short.1) && stretches_meet(p, (half, bh), short)
    })
}

/// Whether edge `a.1` of ring `a.0` and edge `b.1` of ring `b.0` pass the
/// sweep's box filter and then meet as the sweep reports, taken in the
/// sweep's order. An edge that is a single point is no edge to the sweep.
fn pair_meets(p: &Polygon<f64>, a: (usize, usize), b: (usize, usize)) -> bool {
    let seg = |(r, k): (usize, usize)| {
        let c = ring(p, r);
        Seg::new(r, k, Line::new(c[k], c[k + 1]))
    };
    let (a, b) = (seg(a), seg(b));
    if a.line.start == a.line.end || b.line.start == b.line.end {
        return false;
    }
    let ((ay0, ay1), (by0, by1)) = (a.y_range(), b.y_range());
    if b.min_x > a.max_x || a.min_x > b.max_x || by0 > ay1 || ay0 > by1 {
        return false;
    }
    let (a, b) = if a.sweep_key() < b.sweep_key() {
        (a, b)
    } else {
        (b, a)
    };
    let len = ring(p, a.ring).len().saturating_sub(1);
    verdict(&a, &b, len).is_some()
}

/// Whether neighbouring edges `(a, v)` and `(v, b)` of a ring are shown not
/// to lie on one line, as the sweep would find: it asks orient2d(a, v, v)
/// and orient2d(a, v, b) when `(a, v)` comes first in its order (it was
/// pushed first, so also on a tie), else orient2d(v, b, a) and
/// orient2d(v, b, v), and the pair is settled when the test without `v`
/// twice is not collinear. That test is the exact predicate's own fast
/// filter, computed as it computes it: when the filter settles the sign,
/// the predicate returns this very determinant. `false` leaves the pair to
/// the full judgement.
fn turns(a: Coord<f64>, v: Coord<f64>, b: Coord<f64>) -> bool {
    let av_first = total_order_key(a.x.min(v.x)) <= total_order_key(v.x.min(b.x));
    let (pa, pb, pc) = if av_first { (a, v, b) } else { (v, b, a) };
    let detleft = (pa.x - pc.x) * (pb.y - pc.y);
    let detright = (pa.y - pc.y) * (pb.x - pc.x);
    let det = detleft - detright;
    let detsum = (detleft + detright).abs();
    const THETA: f64 = 3.330_669_062_177_372_2e-16;
    let errbound = THETA * detsum;
    // `|det| >= errbound` is the filter's `det >= errbound || -det >=
    // errbound` without a branch on the side the ring turns to.
    (det.abs() >= errbound) & (det != 0.0)
}
