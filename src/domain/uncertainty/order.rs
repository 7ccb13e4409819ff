//! Ordering one draw's scores best first (higher score, ties by lower local
//! index): a bucket sort on the score range whose last pass hands out each
//! position as soon as it is final, so ranks are recorded without another
//! walk over the order.

use std::cmp::Ordering;

/// A bucket holding more items than this is sorted on its own before the
/// insertion pass. That pass therefore moves an item at most `CROWDED - 1`
/// places, so a position `CROWDED` behind it is final.
const CROWDED: usize = 32;

/// Buckets per unit. Fewer leave more neighbours to swap in the insertion
/// pass (a mispredicted branch each); more make the passes over the buckets
/// longer. Measured on the national set: 2 and 3 about equal, 1 and 4 slower.
const BUCKETS_PER_UNIT: usize = 2;

/// 2^52. For 0 <= t < 2^51, `t + ROUND` holds t rounded to an integer in
/// the low bits of its mantissa: one addition instead of a saturating
/// float-to-integer conversion, and rounding is as monotone as truncation.
const ROUND: f64 = 4_503_599_627_370_496.0;

/// Scratch space for [`ScoreOrder::sort`], reused across draws.
pub(super) struct ScoreOrder {
    /// Each unit's bucket, kept from the counting pass for the scatter.
    keys: Vec<u32>,
    /// Per bucket: first its count, then where it starts, then where it
    /// ends (which is where the next one starts).
    bucket_start: Vec<u32>,
    /// Buckets with more than [`CROWDED`] items.
    crowded: Vec<u32>,
    /// Local indices, best first.
    order: Vec<u32>,
}

impl ScoreOrder {
    pub(super) fn with_capacity(n: usize) -> ScoreOrder {
        ScoreOrder {
            keys: Vec::with_capacity(n),
            bucket_start: Vec::with_capacity(BUCKETS_PER_UNIT * n + 1),
            crowded: Vec::new(),
            order: Vec::with_capacity(n),
        }
    }

    /// Local indices of the last sort, best first.
    #[cfg(test)]
    pub(super) fn order(&self) -> &[u32] {
        &self.order
    }

    /// Orders the units by `scores` (never NaN), higher first and ties by
    /// lower index, and calls `settle(pos, l)` once per position, in
    /// position order, for the unit `l` at zero-based position `pos`.
    ///
    /// `(lo, hi)` should be the lowest score above -inf and the highest
    /// score, as [`score_and_bound`] returns them; other values cost speed, not
    /// correctness. Buckets split that range evenly, higher scores to lower
    /// buckets, so after scattering only neighbours within a bucket can be
    /// out of order; one insertion pass over the whole array fixes them (a
    /// per-bucket loop costs a branch miss per bucket). Ties keep index
    /// order because units are scattered in index order and both the
    /// insertion pass and the sort of crowded buckets are stable.
    pub(super) fn sort(
        &mut self,
        scores: &[f64],
        (lo, hi): (f64, f64),
        mut settle: impl FnMut(usize, u32),
    ) {
        let n = scores.len();
        self.order.clear();
        if n == 0 {
            return;
        }
        let nb = BUCKETS_PER_UNIT * n;
        let last = (nb - 1) as f64;
        let scale = if hi > lo { last / (hi - lo) } else { 0.0 };
        // Monotone: higher score, same or lower bucket, as every step keeps
        // the order. A NaN product (inf * 0, inf - inf) only arises where
        // every score shares the last bucket, or for -inf, which belongs
        // there; the clamps keep any bounds inside the array.
        let bucket = |s: f64| {
            let t = (hi - s) * scale;
            let t = if t < last { t } else { last };
            let t = if t > 0.0 { t } else { 0.0 };
            (t + ROUND).to_bits() as u32
        };

        self.keys.clear();
        self.keys.resize(n, 0);
        self.bucket_start.clear();
        self.bucket_start.resize(nb + 1, 0);
        self.crowded.clear();
        for (key, &s) in self.keys.iter_mut().zip(scores) {
            let b = bucket(s);
            *key = b;
            let count = &mut self.bucket_start[b as usize + 1];
            *count += 1;
            if *count as usize == CROWDED + 1 {
                self.crowded.push(b);
            }
        }
        let mut sum = 0;
        for start in &mut self.bucket_start {
            sum += *start;
            *start = sum;
        }
        self.order.resize(n, 0);
        for (l, &b) in self.keys.iter().enumerate() {
            let at = &mut self.bucket_start[b as usize];
            self.order[*at as usize] = l as u32;
            *at += 1;
        }
        for &b in &self.crowded {
            let b = b as usize;
            let start = if b == 0 {
                0
            } else {
                self.bucket_start[b - 1] as usize
            };
            let end = self.bucket_start[b] as usize;
            self.order[start..end].sort_by(|&x, &y| {
                scores[y as usize]
                    .partial_cmp(&scores[x as usize])
                    .unwrap_or(Ordering::Equal)
            });
        }

        let order = &mut self.order;
        // The score at position i - 1: the comparison that nearly always
        // says "in place" needs no lookup through `order`.
        let mut prev = scores[order[0] as usize];
        for i in 1..n {
            let l = order[i];
            let s = scores[l as usize];
            if s > prev {
                // Position i now takes the unit from i - 1, whose score
                // stays `prev`.
                let mut p = i;
                while p > 0 && s > scores[order[p - 1] as usize] {
                    order[p] = order[p - 1];
                    p -= 1;
                }
                order[p] = l;
            } else {
                prev = s;
            }
            if i >= CROWDED {
                settle(i - CROWDED, order[i - CROWDED]);
            }
        }
        for (pos, &l) in order.iter().enumerate().skip(n.saturating_sub(CROWDED)) {
            settle(pos, l);
        }
    }
}

/// Scores `num / den` (see [`super::engine::ratio`]) into `scores`, and
/// returns their bounds for [`ScoreOrder::sort`]: the lowest score above
/// -inf and the highest.
pub(super) fn score_and_bound(num: &[f64], den: &[f64], scores: &mut [f64]) -> (f64, f64) {
    // Two passes, as a fused one measured slower: alone, the divisions
    // vectorise. Then four independent minima and maxima, as a single chain
    // would wait on every comparison. Plain comparisons, not f64::min/max,
    // whose NaN handling costs more; scores are never NaN.
    for ((s, &a), &b) in scores.iter_mut().zip(num).zip(den) {
        *s = super::engine::ratio(a, b);
    }
    const LANES: usize = 4;
    let mut lo = [f64::INFINITY; LANES];
    let mut hi = [f64::NEG_INFINITY; LANES];
    let mut fold = |k: usize, s: f64| {
        let finite_or_up = if s > f64::NEG_INFINITY {
            s
        } else {
            f64::INFINITY
        };
        lo[k] = if finite_or_up < lo[k] {
            finite_or_up
        } else {
            lo[k]
        };
        hi[k] = if s > hi[k] { s } else { hi[k] };
    };
    let mut quads = scores.chunks_exact(LANES);
    for quad in &mut quads {
        for (k, &s) in quad.iter().enumerate() {
            fold(k, s);
        }
    }
    for &s in quads.remainder() {
        fold(0, s);
    }
    let lo = lo
        .iter()
        .fold(f64::INFINITY, |m, &x| if x < m { x } else { m });
    let hi = hi
        .iter()
        .fold(f64::NEG_INFINITY, |m, &x| if x > m { x } else { m });
    (lo, hi)
}

/// The bounds [`score_and_bound`] returns, for scores already made.
#[cfg(test)]
pub(super) fn bounds(scores: &[f64]) -> (f64, f64) {
    let lo = scores
        .iter()
        .filter(|&&s| s > f64::NEG_INFINITY)
        .fold(f64::INFINITY, |m, &x| m.min(x));
    let hi = scores.iter().fold(f64::NEG_INFINITY, |m, &x| m.max(x));
    (lo, hi)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    /// The order the sort must reproduce: higher score first, ties by
    /// lower index (`-0.0` and `0.0` tie, as `>` sees them).
    fn plain(scores: &[f64]) -> Vec<u32> {
        let mut v: Vec<u32> = (0..scores.len() as u32).collect();
        v.sort_by(|&a, &b| {
            scores[b as usize]
                .partial_cmp(&scores[a as usize])
                .unwrap()
                .then(a.cmp(&b))
        });
        v
    }

    /// Sorts and checks the order and that `settle` saw every position
    /// once, in order, with the unit finally there.
    fn check(scores: &[f64], bounds: (f64, f64), what: &str) {
        let mut so = ScoreOrder::with_capacity(0);
        let mut settled = Vec::new();
        so.sort(scores, bounds, |pos, l| settled.push((pos, l)));
        let want = plain(scores);
        assert_eq!(so.order(), &want[..], "{what}");
        let expected: Vec<(usize, u32)> = want.iter().copied().enumerate().collect();
        assert_eq!(settled, expected, "{what}");
    }

    /// Score sets that stress the buckets: a few values, heavy ties,
    /// -inf, one far outlier, clusters crowding single buckets.
    fn cases(rng: &mut StdRng) -> Vec<(String, Vec<f64>)> {
        let mut out = Vec::new();
        for n in [0, 1, 2, 3, 31, 32, 33, 64, 65, 200, 1000, 5000] {
            let uniform: Vec<f64> = (0..n).map(|_| rng.random_range(-2.0..2.0)).collect();
            out.push((format!("uniform {n}"), uniform));
            let ties: Vec<f64> = (0..n)
                .map(|_| f64::from(rng.random_range(0..7_i32)) * 0.25)
                .collect();
            out.push((format!("seven values {n}"), ties));
            let with_inf: Vec<f64> = (0..n)
                .map(|_| match rng.random_range(0..10) {
                    0 => f64::NEG_INFINITY,
                    1 => 1.5,
                    2 => -0.0,
                    3 => 0.0,
                    _ => rng.random_range(-1.0..1.0),
                })
                .collect();
            out.push((format!("-inf, ties and zeros {n}"), with_inf));
            // One outlier squeezes the rest into a few buckets.
            let skewed: Vec<f64> = (0..n)
                .map(|i| {
                    if i == n / 2 {
                        1e6
                    } else {
                        rng.random::<f64>().powi(8)
                    }
                })
                .collect();
            out.push((format!("skewed {n}"), skewed));
            // Clusters of near-equal and equal scores, as winsorised
            // indicators give.
            let clustered: Vec<f64> = (0..n)
                .map(|_| match rng.random_range(0..4) {
                    0 => 1.84,
                    1 => -1.76 + rng.random_range(0..3) as f64 * 1e-12,
                    _ => rng.random_range(-1.76..1.84),
                })
                .collect();
            out.push((format!("clustered {n}"), clustered));
        }
        out.push(("all -inf".into(), vec![f64::NEG_INFINITY; 100]));
        out.push(("all equal".into(), vec![0.3; 100]));
        out.push((
            "tiny range".into(),
            (0..100).map(|i| 1.0 + f64::from(i % 3) * 1e-300).collect(),
        ));
        out.push((
            "huge range".into(),
            (0..100)
                .map(|i| if i % 2 == 0 { 1e308 } else { -1e308 })
                .collect(),
        ));
        out
    }

    #[test]
    fn bucket_sort_matches_plain_sort() {
        let mut rng = StdRng::seed_from_u64(17);
        for (what, scores) in cases(&mut rng) {
            check(&scores, bounds(&scores), &what);
        }
    }

    #[test]
    fn wrong_bounds_cost_speed_not_correctness() {
        let mut rng = StdRng::seed_from_u64(18);
        for (what, scores) in cases(&mut rng) {
            for b in [
                (0.0, 0.0),
                (-0.5, 0.5),
                (f64::INFINITY, f64::NEG_INFINITY),
                (-1e300, 1e300),
                (f64::NEG_INFINITY, f64::INFINITY),
            ] {
                check(&scores, b, &format!("{what} with bounds {b:?}"));
            }
        }
    }

    #[test]
    fn scores_and_bounds_match_their_definition() {
        let mut rng = StdRng::seed_from_u64(19);
        for n in [0, 1, 3, 4, 5, 8, 9, 1001] {
            let num: Vec<f64> = (0..n).map(|_| rng.random_range(-3.0..3.0)).collect();
            // Some units without a score (den 0), at any lane.
            let den: Vec<f64> = (0..n)
                .map(|_| {
                    if rng.random_range(0..5) == 0 {
                        0.0
                    } else {
                        rng.random_range(0.1..1.0)
                    }
                })
                .collect();
            let mut scores = vec![f64::NAN; n];
            let got = score_and_bound(&num, &den, &mut scores);
            let want: Vec<f64> = num
                .iter()
                .zip(&den)
                .map(|(&a, &b)| super::super::engine::ratio(a, b))
                .collect();
            assert_eq!(
                scores.iter().map(|s| s.to_bits()).collect::<Vec<_>>(),
                want.iter().map(|s| s.to_bits()).collect::<Vec<_>>(),
                "{n}"
            );
            assert_eq!(got, bounds(&want), "{n}");
        }
    }
}
