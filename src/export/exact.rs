//! Numbers for machines: `x` written exactly as `format!("{x}")` writes
//! it (the shortest digits that read back as `x`, never an exponent), only
//! faster. A national table has about a million of them.

/// Appends `x` as `format!("{x}")` would.
///
/// Whole numbers (most figures are counts) skip the shortest-digits search:
/// below 2^53 a whole f64 is exactly its integer, whose digits are its
/// shortest form; minus zero keeps its sign through the general path. Other
/// finite numbers take their shortest digits from `ryu`, when it writes them
/// without an exponent (the standard library never uses one) and they are
/// not a tie. Both give the shortest digits that read back as `x`, and of
/// those the nearest to `x`; only when two are equally near (`x` lies
/// exactly halfway, e.g. 1e15 + 0.25) do they choose differently.
pub fn push_exact(out: &mut String, x: f64) {
    use std::fmt::Write;
    if x.fract() == 0.0 && x.abs() < 1e15 && (x != 0.0 || x.is_sign_positive()) {
        // Writing to a String cannot fail.
        let _ = write!(out, "{}", x as i64);
        return;
    }
    if x.is_finite() {
        let mut buf = ryu::Buffer::new();
        let s = buf.format_finite(x);
        if !s.contains('e') && !halfway(x, s) {
            // ryu marks a whole number with ".0"; the standard form does not.
            out.push_str(s.strip_suffix(".0").unwrap_or(s));
            return;
        }
    }
    let _ = write!(out, "{x}");
}

/// Whether `shortest`, the shortest digits of finite `x` in plain decimal
/// form, may be one of two equally near choices. `x` written out in full
/// ends in a 5 at its last binary fraction place (x = m / 2^k with m odd
/// has exactly k decimals); two choices tie exactly when the shortest form
/// stops one decimal before that 5.
fn halfway(x: f64, shortest: &str) -> bool {
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7FF) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (m, e) = if raw_exp == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), raw_exp - 1075)
    };
    if m == 0 {
        return false;
    }
    let decimals = -(e + m.trailing_zeros() as i32);
    let written = shortest.find('.').map_or(0, |dot| shortest.len() - dot - 1) as i32;
    decimals > 0 && written + 1 == decimals
}

#[cfg(test)]
mod tests {
    use super::push_exact;

    fn exact(x: f64) -> String {
        let mut s = String::new();
        push_exact(&mut s, x);
        s
    }

    /// xorshift64*: many values, no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    #[test]
    fn every_kind_of_number_is_written_as_display_writes_it() {
        let mut r = Rng(0x9E37_79B9_7F4A_7C15);
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.3,
            1e15,
            1e16,
            1e21,
            1e22,
            1e-5,
            1e-6,
            1e-7,
            123456789012345680.0,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            2f64.powi(53),
            2f64.powi(53) + 2.0,
            0.1 + 0.2,
            1.846551378236007,
            0.303_793_742_456_867_5,
            1e15 + 0.25,
            1e14 + 0.125,
            1_658_206_780_088_562.0 + 0.25,
        ];
        for _ in 0..150_000 {
            let bits = r.next();
            // Any bit pattern (every exponent, subnormals, NaNs).
            values.push(f64::from_bits(bits));
            // Figures as data has them: a few decimals, rates, shares.
            let k = (r.next() % 10_000_000) as f64;
            let d = 10f64.powi((r.next() % 12) as i32);
            values.push(k / d);
            values.push(-k / d);
            // Results of arithmetic: scores, contributions, means.
            let u = (r.next() >> 11) as f64 / (1u64 << 53) as f64;
            values.push(u);
            values.push(u * 100.0 - 50.0);
            values.push(u * 10f64.powi((r.next() % 40) as i32 - 20));
            // Near powers of ten, where the form switches.
            let p = 10f64.powi((r.next() % 44) as i32 - 22);
            values.push(f64::from_bits(
                p.to_bits().wrapping_add(r.next() % 5).wrapping_sub(2),
            ));
        }
        for x in values {
            assert_eq!(exact(x), format!("{x}"), "{:#x}", x.to_bits());
        }
    }
}
