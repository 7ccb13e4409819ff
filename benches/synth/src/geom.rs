//! Exact-enough planar helpers on integer world coordinates.

pub(crate) type Pt = [i64; 2];
pub(crate) type Ring = Vec<Pt>;
/// First ring is the shell (counter-clockwise), the rest are holes (clockwise).
pub(crate) type Polygon = Vec<Ring>;
pub(crate) type MultiPolygon = Vec<Polygon>;

/// Twice the signed area of a closed ring (positive = counter-clockwise).
/// Integer arithmetic, so shared borders cancel exactly in sums.
pub(crate) fn ring_area2(ring: &[Pt]) -> i128 {
    ring.windows(2)
        .map(|w| {
            i128::from(w[0][0]) * i128::from(w[1][1]) - i128::from(w[1][0]) * i128::from(w[0][1])
        })
        .sum()
}

/// Twice the area of a multipolygon (shells minus holes).
#[cfg(test)]
pub(crate) fn multipolygon_area2(mp: &MultiPolygon) -> i128 {
    mp.iter().flatten().map(|r| ring_area2(r)).sum()
}

/// Even-odd ray casting; callers keep points away from edges, so the
/// on-edge case needs no special treatment.
pub(crate) fn in_ring(p: [f64; 2], ring: &[Pt]) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let (a, b) = (to_f(w[0]), to_f(w[1]));
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
            if p[0] < x {
                inside = !inside;
            }
        }
    }
    inside
}

pub(crate) fn in_multipolygon(p: [f64; 2], mp: &MultiPolygon) -> bool {
    mp.iter().any(|poly| {
        let mut rings = poly.iter();
        rings.next().is_some_and(|shell| in_ring(p, shell)) && !rings.any(|hole| in_ring(p, hole))
    })
}

/// Smallest distance from `p` to any edge of the multipolygon.
pub(crate) fn boundary_distance(p: [f64; 2], mp: &MultiPolygon) -> f64 {
    mp.iter()
        .flatten()
        .flat_map(|ring| ring.windows(2))
        .map(|w| segment_distance(p, to_f(w[0]), to_f(w[1])))
        .fold(f64::INFINITY, f64::min)
}

fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let d = [b[0] - a[0], b[1] - a[1]];
    let len2 = d[0] * d[0] + d[1] * d[1];
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let q = [a[0] + t * d[0] - p[0], a[1] + t * d[1] - p[1]];
    (q[0] * q[0] + q[1] * q[1]).sqrt()
}

pub(crate) fn to_f(p: Pt) -> [f64; 2] {
    [p[0] as f64, p[1] as f64]
}
