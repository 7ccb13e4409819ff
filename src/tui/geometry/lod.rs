//! Levels of detail: the source rings snapped to coarser grids, and the
//! outline of units made of several areas.

use crate::domain::rounding::round;
use std::collections::HashMap;

/// One level of detail.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lod {
    /// Grid size the vertices are snapped to, in metres; 0 for the source.
    pub tol: f64,
    pub xy: Vec<[f32; 2]>,
    /// `[start, end)` into `xy`; rings are implicitly closed.
    pub rings: Vec<[u32; 2]>,
    /// Per dataset area: `[start, end)` into `rings`.
    pub area_rings: Vec<[u32; 2]>,
    /// Per unit made of several areas: its outline without inner borders,
    /// as segments `[x1, y1, x2, y2]`. Empty for one-area units.
    pub outlines: Vec<Vec<[f32; 4]>>,
}

impl Lod {
    pub fn vertex_count(&self) -> usize {
        self.xy.len()
    }

    pub fn rings_of(&self, area: usize) -> impl Iterator<Item = &[[f32; 2]]> + '_ {
        let [a, b] = self.area_rings.get(area).copied().unwrap_or([0, 0]);
        self.rings[a as usize..b as usize]
            .iter()
            .map(|&[s, e]| &self.xy[s as usize..e as usize])
    }
}

pub(super) fn snapped(raw: &Lod, tol: f64) -> Lod {
    let mut lod = Lod {
        tol,
        area_rings: vec![[0, 0]; raw.area_rings.len()],
        ..Lod::default()
    };
    let snap = |v: f32| (round(f64::from(v) / tol) * tol) as f32;
    // Snapped points go into a buffer as long as the source; a point equal
    // to the one before is written and then not counted. Whether two
    // neighbours snap together is a coin toss, so a branch on it missed
    // often enough to be most of the time spent here.
    let mut xy: Vec<[f32; 2]> = vec![[0.0; 2]; raw.xy.len()];
    let mut n = 0usize;
    for (area, &[a, b]) in raw.area_rings.iter().enumerate() {
        let first = lod.rings.len() as u32;
        for &[s, e] in &raw.rings[a as usize..b as usize] {
            let start = n;
            for p in &raw.xy[s as usize..e as usize] {
                let q = [snap(p[0]), snap(p[1])];
                xy[n] = q;
                let repeat = n > start && xy[n - 1] == q;
                n += usize::from(!repeat);
            }
            while n > start + 1 && xy[n - 1] == xy[start] {
                n -= 1;
            }
            if n - start < 3 {
                n = start;
            } else {
                lod.rings.push([start as u32, n as u32]);
            }
        }
        lod.area_rings[area] = [first, lod.rings.len() as u32];
    }
    xy.truncate(n);
    // The level is kept for the whole session: no spare capacity.
    lod.xy = xy.into_boxed_slice().into_vec();
    lod
}

type EdgeKey = ([u32; 2], [u32; 2]);

fn edge_key(a: [f32; 2], b: [f32; 2]) -> EdgeKey {
    let ka = [a[0].to_bits(), a[1].to_bits()];
    let kb = [b[0].to_bits(), b[1].to_bits()];
    if ka <= kb {
        (ka, kb)
    } else {
        (kb, ka)
    }
}

/// Outline of each multi-area unit: every member edge that no other member
/// shares.
pub(super) fn dissolve(lod: &Lod, members: &[Vec<usize>]) -> Vec<Vec<[f32; 4]>> {
    members
        .iter()
        .map(|m| {
            if m.len() < 2 {
                return Vec::new();
            }
            let edges = || {
                m.iter().flat_map(|&a| {
                    lod.rings_of(a).flat_map(|ring| {
                        (0..ring.len()).map(move |i| (ring[i], ring[(i + 1) % ring.len()]))
                    })
                })
            };
            let mut count: HashMap<EdgeKey, u32> = HashMap::new();
            for (a, b) in edges() {
                *count.entry(edge_key(a, b)).or_default() += 1;
            }
            edges()
                .filter(|(a, b)| count.get(&edge_key(*a, *b)) == Some(&1))
                .map(|(a, b)| [a[0], a[1], b[0], b[1]])
                .collect()
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn inner_borders_cancel() {
        // Two unit squares side by side, one unit.
        let lod = Lod {
            tol: 0.0,
            xy: vec![
                [0.0, 0.0],
                [1.0, 0.0],
                [1.0, 1.0],
                [0.0, 1.0],
                [1.0, 0.0],
                [2.0, 0.0],
                [2.0, 1.0],
                [1.0, 1.0],
            ],
            rings: vec![[0, 4], [4, 8]],
            area_rings: vec![[0, 1], [1, 2]],
            outlines: vec![],
        };
        let out = dissolve(&lod, &[vec![0, 1]]);
        assert_eq!(out[0].len(), 6);
    }

    /// The plain loop `snapped` replaced: skip a point equal to the last,
    /// drop closing repeats of the first, drop rings under three points.
    fn snapped_plainly(raw: &Lod, tol: f64) -> Lod {
        let mut lod = Lod {
            tol,
            area_rings: vec![[0, 0]; raw.area_rings.len()],
            ..Lod::default()
        };
        let snap = |v: f32| ((f64::from(v) / tol).round() * tol) as f32;
        for (area, &[a, b]) in raw.area_rings.iter().enumerate() {
            let first = lod.rings.len() as u32;
            for &[s, e] in &raw.rings[a as usize..b as usize] {
                let start = lod.xy.len();
                for p in &raw.xy[s as usize..e as usize] {
                    let q = [snap(p[0]), snap(p[1])];
                    if lod.xy.len() > start && lod.xy.last() == Some(&q) {
                        continue;
                    }
                    lod.xy.push(q);
                }
                while lod.xy.len() > start + 1 && lod.xy.last() == lod.xy.get(start) {
                    lod.xy.pop();
                }
                if lod.xy.len() - start < 3 {
                    lod.xy.truncate(start);
                } else {
                    lod.rings.push([start as u32, lod.xy.len() as u32]);
                }
            }
            lod.area_rings[area] = [first, lod.rings.len() as u32];
        }
        lod
    }

    #[test]
    fn snapping_keeps_what_the_plain_loop_keeps() {
        // Random walks: steps of a few metres, so coarse grids merge runs of
        // points, close rings on their start and collapse small rings.
        let mut state = 7u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 1000) as f32 / 100.0 - 5.0
        };
        let mut raw = Lod::default();
        for area in 0..60 {
            let first = raw.rings.len() as u32;
            for _ in 0..(area % 3 + 1) {
                let start = raw.xy.len() as u32;
                let mut p = [area as f32 * 40.0, 0.0];
                for _ in 0..(area % 17 + 2) {
                    p = [p[0] + next(), p[1] + next()];
                    raw.xy.push(p);
                }
                raw.xy.push(raw.xy[start as usize]);
                raw.rings.push([start, raw.xy.len() as u32]);
            }
            raw.area_rings.push([first, raw.rings.len() as u32]);
        }
        let mut kept = 0;
        for tol in [0.5, 2.0, 8.0, 32.0] {
            let got = snapped(&raw, tol);
            let want = snapped_plainly(&raw, tol);
            assert_eq!(
                (&got.xy, &got.rings, &got.area_rings),
                (&want.xy, &want.rings, &want.area_rings),
                "tol {tol}"
            );
            kept += got.rings.len();
        }
        assert!(kept > 0 && kept < 4 * raw.rings.len(), "{kept}");
    }
}
