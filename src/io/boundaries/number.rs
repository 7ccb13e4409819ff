//! JSON numbers read into an `f64` bit for bit as serde_json (default
//! features) reads them, without its per-number machinery: a national file
//! holds six million of them.
//!
//! Only the common form is worked out here: `-?(0|[1-9][0-9]*)(.[0-9]+)?`
//! with at most 19 digits, so the significand cannot overflow a `u64`.
//! For that form serde_json takes an integer as `u64`/`i64` and converts it
//! with `as` (so `-0` is the float -0.0), and a decimal as the significand
//! divided by a power of ten. Every other token (an exponent, more digits,
//! anything malformed) goes to serde_json itself, which gives its value or
//! refuses it. The tests compare the two on many thousands of tokens.

/// The powers of ten an `f64` holds exactly; serde_json divides by the same
/// values (its table is written as these literals).
const POW10: [f64; 20] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19,
];

/// A significand of this many digits always fits a `u64`.
const MAX_DIGITS: usize = 19;

/// The number at the start of `bytes` and how many bytes it takes, or
/// `None` if serde_json would not read an `f64` there. What follows the
/// number is the caller's to check.
pub(super) fn number(bytes: &[u8]) -> Option<(f64, usize)> {
    common(bytes).or_else(|| by_serde(bytes))
}

fn common(bytes: &[u8]) -> Option<(f64, usize)> {
    let negative = bytes.first() == Some(&b'-');
    let mut at = usize::from(negative);
    let mut significand: u64 = 0;
    let mut digits = 0;
    match bytes.get(at) {
        // One leading zero only; a digit after it is left to serde_json.
        Some(b'0') => {
            at += 1;
            digits = 1;
        }
        Some(b'1'..=b'9') => {
            while let Some(&d @ b'0'..=b'9') = bytes.get(at) {
                if digits == MAX_DIGITS {
                    return None;
                }
                significand = significand * 10 + u64::from(d - b'0');
                digits += 1;
                at += 1;
            }
        }
        _ => return None,
    }
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        while let Some(&d @ b'0'..=b'9') = bytes.get(at) {
            if digits == MAX_DIGITS {
                return None;
            }
            significand = significand * 10 + u64::from(d - b'0');
            digits += 1;
            fraction += 1;
            at += 1;
        }
        if fraction == 0 {
            return None;
        }
    }
    // An exponent, or a token that goes on: serde_json's to judge.
    if bytes.get(at).is_some_and(|b| in_token(*b)) {
        return None;
    }
    let value = if fraction > 0 {
        let f = significand as f64 / POW10[fraction];
        if negative {
            -f
        } else {
            f
        }
    } else if negative {
        // As serde_json: an `i64` if it fits, else (and for -0) a float.
        let neg = (significand as i64).wrapping_neg();
        if neg >= 0 {
            -(significand as f64)
        } else {
            neg as f64
        }
    } else {
        significand as f64
    };
    Some((value, at))
}

/// Bytes that can continue a number token.
fn in_token(b: u8) -> bool {
    matches!(b, b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
}

/// The longest run of number bytes, as serde_json reads it alone. Where it
/// reads less of the run than this, the rest would have been an error in
/// the array too (no comma or bracket after the number), so refusing the
/// whole run is what it would do.
#[cold]
fn by_serde(bytes: &[u8]) -> Option<(f64, usize)> {
    let len = bytes
        .iter()
        .position(|b| !in_token(*b))
        .unwrap_or(bytes.len());
    let token = bytes.get(..len).filter(|t| !t.is_empty())?;
    serde_json::from_slice::<f64>(token).ok().map(|v| (v, len))
}

/// Number tokens for the tests here and in `strict`.
#[cfg(test)]
pub(super) mod generate {
    /// A small deterministic generator (xorshift), so a failure repeats.
    pub(crate) struct Rng(pub(crate) u64);

    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        pub(crate) fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn digits(&mut self, n: u64, out: &mut String) {
            for _ in 0..n {
                out.push(char::from(b'0' + self.below(10) as u8));
            }
        }
    }

    /// Tokens of every shape: mostly well formed, with up to 24 digits on
    /// either side of the point, leading zeros, exponents of any size, and
    /// now and then a byte that makes it malformed.
    pub(crate) fn token(r: &mut Rng) -> String {
        let mut t = String::new();
        if r.below(3) == 0 {
            t.push('-');
        }
        match r.below(10) {
            0 => t.push('0'),
            1 => {
                t.push('0');
                let n = 1 + r.below(3);
                r.digits(n, &mut t);
            }
            _ => {
                t.push(char::from(b'1' + r.below(9) as u8));
                let n = r.below(24);
                r.digits(n, &mut t);
            }
        }
        if r.below(2) == 0 {
            t.push('.');
            let n = if r.below(20) == 0 { 0 } else { 1 + r.below(24) };
            if r.below(4) == 0 {
                let zeros = r.below(25);
                t.extend(std::iter::repeat_n('0', zeros as usize));
            }
            r.digits(n, &mut t);
        }
        if r.below(8) == 0 {
            t.push(if r.below(2) == 0 { 'e' } else { 'E' });
            match r.below(3) {
                0 => t.push('+'),
                1 => t.push('-'),
                _ => {}
            }
            let n = r.below(4);
            r.digits(n, &mut t);
        }
        if r.below(50) == 0 {
            let junk = [".", "-", "+", "e", "0", "x", "..1"];
            t.push_str(junk[r.below(junk.len() as u64) as usize]);
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::generate::{token, Rng};
    use super::*;

    /// serde_json's value for a token inside an array, as the one-pass
    /// read sees it (through `deserialize_any`, integers converted with
    /// `as`), and as a plain `f64`.
    fn serde(token: &str) -> Option<f64> {
        let text = format!("[{token}]");
        let any: Option<f64> = serde_json::from_str::<Vec<serde_json::Number>>(&text)
            .ok()
            .map(|v| {
                let n = &v[0];
                n.as_u64()
                    .map(|u| u as f64)
                    .or_else(|| n.as_i64().map(|i| i as f64))
                    .or_else(|| n.as_f64())
                    .unwrap()
            });
        let plain = serde_json::from_str::<Vec<f64>>(&text).ok().map(|v| v[0]);
        assert_eq!(any.map(f64::to_bits), plain.map(f64::to_bits), "{token}");
        plain
    }

    /// The token read here, followed by a closing bracket as in a position.
    fn ours(token: &str) -> Option<f64> {
        let text = format!("{token}]");
        match number(text.as_bytes()) {
            Some((v, len)) if len == token.len() => Some(v),
            // Read, but the token goes on past it: an error in the array.
            Some(_) => None,
            None => None,
        }
    }

    fn same(token: &str) {
        assert_eq!(
            ours(token).map(f64::to_bits),
            serde(token).map(f64::to_bits),
            "{token}: ours {:?}, serde_json {:?}",
            ours(token),
            serde(token)
        );
    }

    #[test]
    fn edge_tokens_read_as_serde_json_reads_them() {
        let edges = [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "00",
            "-00",
            "01",
            "-01",
            "0.",
            "-",
            "-.5",
            ".5",
            "+1",
            "1.",
            "1..2",
            "1.2.3",
            "1e",
            "1e+",
            "1e-",
            "1E5",
            "1e5",
            "1e-5",
            "1E+05",
            "-1e-0",
            "0e0",
            "0e999",
            "0.0e-999",
            "1e308",
            "1.7976931348623157e308",
            "1.8e308",
            "1e309",
            "-1e309",
            "1e-308",
            "4.9e-324",
            "2.4e-324",
            "1e-400",
            "1e400",
            "123456789012345678",
            "1234567890123456789",
            "12345678901234567890",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999",
            "-9223372036854775808",
            "-9223372036854775809",
            "-9223372036854775807",
            "-18446744073709551615",
            "-18446744073709551616",
            "9007199254740993",
            "-9007199254740993",
            "9007199254740993.0",
            "0.1",
            "0.2",
            "0.3",
            "-0.1",
            "155000.123",
            "5.123456789012345",
            "51.98765432109876",
            "0.0000000000000000001",
            "0.00000000000000000001",
            "0.000000000000000000000000000001",
            "1.0000000000000000001",
            "123456789.0123456789",
            "1234567890123456789.5",
            "3.141592653589793238462643383279",
            "1-2",
            "1+2",
            "1e5e5",
            "2-",
            "--1",
            "-a",
            "a",
            "1.5e",
            "0x10",
            "1_000",
            "Infinity",
            "NaN",
            "-Infinity",
        ];
        for t in edges {
            same(t);
        }
    }

    #[test]
    fn random_tokens_read_as_serde_json_reads_them() {
        let mut r = Rng(0x9E37_79B9_7F4A_7C15);
        let mut read = 0;
        for _ in 0..300_000 {
            let t = token(&mut r);
            same(&t);
            read += usize::from(ours(&t).is_some());
        }
        // Most are well formed: the comparison is mostly of values.
        assert!(read > 200_000, "{read}");
    }

    #[test]
    fn coordinate_like_tokens_read_as_serde_json_reads_them() {
        let mut r = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..200_000 {
            // Rijksdriehoek metres and WGS84 degrees as exporters write them.
            let v = match r.below(3) {
                0 => (r.below(300_000_000_000) as f64) / 1e6,
                1 => (r.next() >> 11) as f64 / (1u64 << 53) as f64 * 60.0 - 5.0,
                _ => r.below(700_000) as f64 - 50_000.0,
            };
            same(&format!("{v}"));
            same(&format!("{v:.3}"));
            same(&format!("{v:e}"));
        }
    }

    #[test]
    fn what_follows_the_number_is_left_to_the_caller() {
        assert_eq!(number(b"12,3"), Some((12.0, 2)));
        assert_eq!(number(b"-0.5 ]"), Some((-0.5, 4)));
        assert_eq!(number(b"1e2]"), Some((100.0, 3)));
        assert_eq!(number(b"7"), Some((7.0, 1)));
        assert_eq!(number(b"null"), None);
        assert_eq!(number(b"[1]"), None);
        assert_eq!(number(b"\"1\""), None);
    }
}
