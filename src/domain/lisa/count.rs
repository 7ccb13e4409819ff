//! Which permuted sums reach a unit's observed statistic, without a
//! division and a multiplication per draw.
//!
//! A draw with neighbour sum `s` counts when `a * (s / k) >= obs`, with
//! `a = z_i / m2` and `obs` the same expression on the observed sum.
//! Rounded division by `k > 0` and rounded multiplication by `a` are each
//! monotone in IEEE arithmetic, so the test holds for every `s` from some
//! float up when `a > 0`, and for every `s` up to some float when `a < 0`.
//! That float is found once per unit over the ordered floats, and each draw
//! compares its sum with it: the same count as the test itself, bit for
//! bit. `a == 0` or anything not finite keeps the test as written.

/// How a unit's permuted sums are judged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Pass {
    /// `s >= t` passes.
    AtLeast(f64),
    /// `s <= t` passes.
    AtMost(f64),
    /// The test as written.
    Direct { a: f64, k: f64, obs: f64 },
}

impl Pass {
    /// For a unit with `a = z_i / m2`, `k` neighbours and observed
    /// neighbour sum `observed`.
    pub(super) fn new(a: f64, k: f64, observed: f64) -> Pass {
        let obs = a * (observed / k);
        let test = |s: f64| a * (s / k) >= obs;
        let usable = a != 0.0
            && a.is_finite()
            && k > 0.0
            && observed.is_finite()
            && obs.is_finite()
            && test(observed);
        if !usable {
            Pass::Direct { a, k, obs }
        } else if a > 0.0 {
            Pass::AtLeast(last_passing(observed, Toward::Below, &test))
        } else {
            Pass::AtMost(last_passing(observed, Toward::Above, &test))
        }
    }

    /// How many of `sums` pass: one loop per kind of test, so that none
    /// decides per draw.
    pub(super) fn count(self, sums: impl Iterator<Item = f64>) -> usize {
        match self {
            Pass::AtLeast(t) => sums.filter(|&s| s >= t).count(),
            Pass::AtMost(t) => sums.filter(|&s| s <= t).count(),
            Pass::Direct { a, k, obs } => sums.filter(|&s| a * (s / k) >= obs).count(),
        }
    }
}

#[derive(Clone, Copy)]
enum Toward {
    Below,
    Above,
}

/// From `from`, which passes, the farthest float toward `dir` that still
/// passes (the test is monotone): doubling steps until one fails, then
/// halving between the last pass and that failure.
fn last_passing(from: f64, dir: Toward, test: &impl Fn(f64) -> bool) -> f64 {
    let end = match dir {
        Toward::Below => key(f64::NEG_INFINITY),
        Toward::Above => key(f64::INFINITY),
    };
    let toward = |k: i128, step: i128| match dir {
        Toward::Below => (k - step).max(end),
        Toward::Above => (k + step).min(end),
    };
    let mut good = key(from);
    let mut step: i128 = 1;
    let mut bad = loop {
        let next = toward(good, step);
        if !test(value(next)) {
            break next;
        }
        if next == end {
            return value(end);
        }
        good = next;
        step *= 2;
    };
    while (bad - good).abs() > 1 {
        let mid = good + (bad - good) / 2;
        if test(value(mid)) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    value(good)
}

/// The float's place in the order of all non-NaN floats (-0 just below +0),
/// as `f64::total_cmp` orders them; wide enough that steps never overflow.
fn key(x: f64) -> i128 {
    let b = x.to_bits() as i64;
    i128::from(if b < 0 { b ^ i64::MAX } else { b })
}

fn value(k: i128) -> f64 {
    // Every key made here lies between those of -inf and +inf.
    let k = k as i64;
    f64::from_bits((if k < 0 { k ^ i64::MAX } else { k }) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    #[test]
    fn keys_follow_the_order_of_floats() {
        let xs = [
            f64::NEG_INFINITY,
            -1e300,
            -1.0,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            5e-324,
            1.0,
            1.0 + f64::EPSILON,
            f64::MAX,
            f64::INFINITY,
        ];
        for w in xs.windows(2) {
            assert!(key(w[0]) < key(w[1]), "{w:?}");
        }
        for x in xs {
            assert_eq!(value(key(x)).to_bits(), x.to_bits());
        }
        assert_eq!(key(0.0) - key(-0.0), 1);
    }

    /// Floats near `x`: a few ulps either side, where rounding decides.
    fn around(x: f64) -> impl Iterator<Item = f64> {
        (-40i128..=40).map(move |d| value((key(x) + d).clamp(key(f64::MIN), key(f64::MAX))))
    }

    #[test]
    fn the_threshold_counts_exactly_what_the_test_counts() {
        let mut rng = StdRng::seed_from_u64(7);
        let mut checked = 0usize;
        let mut thresholds = 0usize;
        for round in 0..20_000 {
            // Small integers make exact ties common; wide ones test rounding.
            let (a, observed) = if round % 3 == 0 {
                (
                    f64::from(rng.random_range(-4i32..=4)) / 3.0,
                    f64::from(rng.random_range(-30i32..=30)) / 7.0,
                )
            } else {
                (
                    rng.random_range(-1.0..1.0) * 10f64.powi(rng.random_range(-8..8)),
                    rng.random_range(-1.0..1.0) * 10f64.powi(rng.random_range(-8..8)),
                )
            };
            let k = f64::from(rng.random_range(1u32..=13));
            let pass = Pass::new(a, k, observed);
            if !matches!(pass, Pass::Direct { .. }) {
                thresholds += 1;
            }
            let obs = a * (observed / k);
            let mut sums: Vec<f64> = around(observed).collect();
            if let Pass::AtLeast(t) | Pass::AtMost(t) = pass {
                sums.extend(around(t));
            }
            sums.extend((0..20).map(|_| observed + rng.random_range(-1.0..1.0) * observed.abs()));
            sums.extend([0.0, -0.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN]);
            for s in sums {
                assert_eq!(
                    pass.count(std::iter::once(s)) == 1,
                    a * (s / k) >= obs,
                    "a {a:e} k {k} observed {observed:e} s {s:e} -> {pass:?}"
                );
                checked += 1;
            }
        }
        // Most units take the threshold; zero `a` keeps the test.
        assert!(thresholds > 15_000, "{thresholds}");
        assert!(checked > 2_000_000, "{checked}");
        assert!(matches!(Pass::new(0.0, 3.0, 1.0), Pass::Direct { .. }));
        assert!(matches!(Pass::new(1.0, 3.0, f64::NAN), Pass::Direct { .. }));
    }
}
