//! The Empirical Bayes estimators on counts.
//!
//! For unit i with numerator O_i and denominator P_i the raw rate is
//! r_i = O_i / P_i. Over a reference set R (method of moments, Marshall
//! 1991, eq. 6-8; GeoDa's "Empirical Bayes" rate):
//!
//! ```text
//! b   = sum O / sum P                      prior mean (the pooled rate)
//! s2  = sum P_i (r_i - b)^2 / sum P        weighted variance of the rates
//! a   = max(0, s2 - b / Pbar)              prior variance, Pbar = sum P / |R|
//! w_i = a / (a + b / P_i)                  shrinkage weight
//! EB_i = w_i r_i + (1 - w_i) b
//! ```
//!
//! A small P_i makes b / P_i large and w_i small: the rate moves most of the
//! way to b. When the rates vary no more than chance would make them
//! (a = 0) every unit gets b. The spatial variant takes R to be the unit and
//! its neighbours (Anselin, Lozano-Gracia and Koschinsky 2006; GeoDa's
//! "Spatial Empirical Bayes").

/// The prior of one estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EbPrior {
    /// b: the pooled rate of the reference set.
    pub mean: f64,
    /// a: the prior variance, floored at 0.
    pub variance: f64,
}

impl EbPrior {
    /// Method of moments over the (numerator, denominator) pairs given;
    /// pairs without a positive denominator are skipped. `None` when no
    /// pair remains.
    pub fn estimate(pairs: impl Iterator<Item = (f64, f64)> + Clone) -> Option<EbPrior> {
        let usable = |&(o, p): &(f64, f64)| o.is_finite() && p.is_finite() && p > 0.0;
        let (mut so, mut sp, mut k) = (0.0, 0.0, 0usize);
        for (o, p) in pairs.clone().filter(usable) {
            so += o;
            sp += p;
            k += 1;
        }
        if k == 0 {
            return None;
        }
        let b = so / sp;
        let s2 = pairs
            .filter(usable)
            .map(|(o, p)| p * (o / p - b).powi(2))
            .sum::<f64>()
            / sp;
        let pbar = sp / k as f64;
        Some(EbPrior {
            mean: b,
            variance: (s2 - b / pbar).max(0.0),
        })
    }

    /// The smoothed rate of a unit with counts (o, p); `None` without a
    /// positive denominator.
    pub fn smooth(&self, o: f64, p: f64) -> Option<f64> {
        if !(o.is_finite() && p.is_finite() && p > 0.0) {
            return None;
        }
        let r = o / p;
        let denom = self.variance + self.mean / p;
        let w = if denom > 0.0 {
            self.variance / denom
        } else {
            // b = 0 and a = 0: every rate in the reference set is 0.
            0.0
        };
        Some(w * r + (1.0 - w) * self.mean)
    }
}

type Counts<'a> = (&'a [Option<f64>], &'a [Option<f64>]);

fn pair((num, den): Counts<'_>, i: usize) -> Option<(f64, f64)> {
    Some((num.get(i).copied()??, den.get(i).copied()??))
}

/// Global EB: one prior from the units where `reference` holds, applied to
/// every unit. Rates are proportions (O / P); scale them afterwards.
pub fn global_eb(
    num: &[Option<f64>],
    den: &[Option<f64>],
    reference: &[bool],
) -> (Option<EbPrior>, Vec<Option<f64>>) {
    let counts = (num, den);
    let prior = EbPrior::estimate(
        (0..num.len())
            .filter(|&i| reference.get(i).copied().unwrap_or(false))
            .filter_map(|i| pair(counts, i)),
    );
    let smoothed = (0..num.len())
        .map(|i| {
            let (o, p) = pair(counts, i)?;
            prior?.smooth(o, p)
        })
        .collect();
    (prior, smoothed)
}

/// Spatial EB: each unit's prior comes from itself and its neighbours.
pub fn spatial_eb(
    num: &[Option<f64>],
    den: &[Option<f64>],
    neighbours: &[Vec<usize>],
) -> Vec<Option<f64>> {
    let counts = (num, den);
    (0..num.len())
        .map(|i| {
            let (o, p) = pair(counts, i)?;
            let local = std::iter::once(i)
                .chain(neighbours.get(i).into_iter().flatten().copied())
                .filter_map(|j| pair(counts, j));
            EbPrior::estimate(local)?.smooth(o, p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|&x| Some(x)).collect()
    }

    /// Hand-computed from Marshall (1991), Biometrics 47(4), eq. 6-8, the
    /// method-of-moments estimator GeoDa implements:
    /// O = (1, 10, 50), P = (10, 100, 1000): sum O = 61, sum P = 1110,
    /// b = 61/1110; r = (0.1, 0.1, 0.05);
    /// s2 = (10 (0.1-b)^2 + 100 (0.1-b)^2 + 1000 (0.05-b)^2) / 1110;
    /// Pbar = 370; a = s2 - b/370.
    #[test]
    fn global_eb_matches_marshall_by_hand() {
        let (o, p) = (some(&[1.0, 10.0, 50.0]), some(&[10.0, 100.0, 1000.0]));
        let (prior, s) = global_eb(&o, &p, &[true; 3]);
        let prior = prior.unwrap();
        let b = 61.0 / 1110.0;
        let s2 = (110.0 * (0.1 - b) * (0.1 - b) + 1000.0 * (0.05 - b) * (0.05 - b)) / 1110.0;
        let a = s2 - b / 370.0;
        assert!(a > 0.0, "fixture chosen so the prior variance is positive");
        assert!((prior.mean - b).abs() < 1e-15);
        assert!((prior.variance - a).abs() < 1e-15);
        for (i, (&oi, &pi)) in [1.0, 10.0, 50.0]
            .iter()
            .zip(&[10.0, 100.0, 1000.0])
            .enumerate()
        {
            let w = a / (a + b / pi);
            let want = w * (oi / pi) + (1.0 - w) * b;
            assert!((s[i].unwrap() - want).abs() < 1e-15, "unit {i}");
        }
    }

    #[test]
    fn small_denominators_shrink_more_than_large_ones() {
        // Same raw rate 0.5, different denominators; the rest sets b low.
        let o = some(&[5.0, 500.0, 20.0, 30.0, 10.0]);
        let p = some(&[10.0, 1000.0, 400.0, 300.0, 200.0]);
        let (prior, s) = global_eb(&o, &p, &[true; 5]);
        let b = prior.unwrap().mean;
        let moved_small = (0.5 - s[0].unwrap()).abs();
        let moved_large = (0.5 - s[1].unwrap()).abs();
        assert!(moved_small > moved_large, "{moved_small} vs {moved_large}");
        // Both move towards b, never past it.
        for v in [s[0].unwrap(), s[1].unwrap()] {
            assert!(v <= 0.5 && v >= b, "{v} not between {b} and 0.5");
        }
    }

    #[test]
    fn the_reference_rate_is_the_pooled_raw_rate_and_stays_put() {
        // With equal denominators the shrinkage weight is the same for
        // every unit, so the mean of the smoothed rates is b exactly.
        let o = some(&[5.0, 20.0, 35.0, 60.0]);
        let p = some(&[100.0; 4]);
        let (prior, s) = global_eb(&o, &p, &[true; 4]);
        let b = prior.unwrap().mean;
        assert!((b - 120.0 / 400.0).abs() < 1e-15);
        let mean: f64 = s.iter().map(|v| v.unwrap()).sum::<f64>() / 4.0;
        assert!((mean - b).abs() < 1e-15, "{mean} vs {b}");
        // A unit exactly at the reference rate does not move.
        let (_, s) = global_eb(
            &some(&[3.0, 1.0, 5.0]),
            &some(&[10.0, 10.0, 10.0]),
            &[true; 3],
        );
        assert!((s[0].unwrap() - 0.3).abs() < 1e-15);
    }

    #[test]
    fn no_excess_variation_gives_everyone_the_reference_rate() {
        // Rates as equal as chance allows: s2 < b / Pbar, so a floors at 0.
        let o = some(&[10.0, 11.0, 9.0]);
        let p = some(&[100.0, 100.0, 100.0]);
        let (prior, s) = global_eb(&o, &p, &[true; 3]);
        assert_eq!(prior.unwrap().variance, 0.0);
        for v in s {
            assert!((v.unwrap() - 0.1).abs() < 1e-15);
        }
    }

    #[test]
    fn units_outside_the_reference_are_smoothed_with_its_prior_and_gaps_stay_gaps() {
        let o = vec![
            Some(1.0),
            Some(10.0),
            Some(50.0),
            Some(4.0),
            None,
            Some(1.0),
        ];
        let p = vec![
            Some(10.0),
            Some(100.0),
            Some(1000.0),
            Some(8.0),
            Some(5.0),
            Some(0.0),
        ];
        let reference = [true, true, true, false, true, true];
        let (prior, s) = global_eb(&o, &p, &reference);
        let (prior3, _) = global_eb(&o[..3], &p[..3], &[true; 3]);
        assert_eq!(prior, prior3, "missing and zero denominators do not count");
        assert_eq!(s[3], prior.unwrap().smooth(4.0, 8.0));
        assert_eq!(s[4], None);
        assert_eq!(s[5], None);
    }

    #[test]
    fn spatial_eb_uses_the_unit_and_its_neighbours_only() {
        // Two separate pairs: each pair's prior is its own pooled rate.
        let o = some(&[1.0, 30.0, 2.0, 90.0]);
        let p = some(&[10.0, 100.0, 10.0, 100.0]);
        let nb = vec![vec![1], vec![0], vec![3], vec![2]];
        let s = spatial_eb(&o, &p, &nb);
        let first = EbPrior::estimate([(1.0, 10.0), (30.0, 100.0)].into_iter()).unwrap();
        let second = EbPrior::estimate([(2.0, 10.0), (90.0, 100.0)].into_iter()).unwrap();
        assert_eq!(s[0], first.smooth(1.0, 10.0));
        assert_eq!(s[1], first.smooth(30.0, 100.0));
        assert_eq!(s[2], second.smooth(2.0, 10.0));
        assert_ne!(s[0], s[2], "different neighbourhoods, different priors");
        // An island is its own reference: one unit has no excess variance.
        let s = spatial_eb(&some(&[3.0]), &some(&[10.0]), &[vec![]]);
        assert!((s[0].unwrap() - 0.3).abs() < 1e-15);
    }
}
