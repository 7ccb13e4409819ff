//! `f64::round` without the library call. Snapping millions of vertices
//! (adjacency keys, the map's levels of detail) spent a large share of its
//! time in that call, which the compiler cannot inline on the baseline
//! x86-64 target.

/// 2^52: from here on every `f64` is a whole number.
const WHOLE: f64 = 4_503_599_627_370_496.0;

/// Exactly `v.round()` (halves away from zero, the sign of a zero kept),
/// also for NaN, infinities and numbers too large to have a fraction.
#[inline]
pub fn round(v: f64) -> f64 {
    if v.abs() < WHOLE {
        // Truncation and the fraction are exact below 2^52.
        let t = (v as i64) as f64;
        let frac = v - t;
        let r = t + f64::from(u8::from(frac >= 0.5)) - f64::from(u8::from(frac <= -0.5));
        r.copysign(v)
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(v: f64) {
        let (got, want) = (round(v), v.round());
        assert!(
            got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
            "round({v:e}) = {got:e}, std gives {want:e}"
        );
    }

    #[test]
    fn equals_the_standard_round_to_the_bit() {
        let edges = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            0.49999999999999994,
            -0.49999999999999994,
            1.5,
            2.5,
            -2.5,
            1e-300,
            -1e-300,
            WHOLE - 0.5,
            -(WHOLE - 0.5),
            WHOLE,
            WHOLE + 1.0,
            -WHOLE,
            9.3e18,
            -9.3e18,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ];
        for v in edges {
            same(v);
            same(f64::from_bits(v.to_bits().wrapping_add(1)));
            same(f64::from_bits(v.to_bits().wrapping_sub(1)));
        }
        // Halves, near-halves and ordinary coordinates in metres and tenths.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            let scale = [1.0, 10.0, 3e6, 1e15][(state & 3) as usize];
            let v = (u - 0.5) * 2.0 * scale;
            same(v);
            same(v.trunc() + 0.5);
            same(v.trunc() - 0.5);
            same(f64::from_bits(state));
        }
    }
}
