//! Numbers for reading: a fixed number of decimals or a figure, with "-"
//! for an absent value.

use std::fmt::Display;

/// What an absent value prints as, everywhere.
pub const MISSING: &str = "-";

/// The decimal separator. The exports and the commands write a point (they
/// are read by tools as well as people); the app follows its language, and
/// Dutch writes a comma.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    #[default]
    Point,
    Comma,
}

/// `v` with exactly `decimals` decimals, or [`MISSING`]. A non-finite value
/// counts as absent (loading keeps only finite values, so this is a guard,
/// not a case the outputs meet).
pub fn number(v: Option<f64>, decimals: usize, mark: DecimalMark) -> String {
    match v {
        Some(x) if x.is_finite() => {
            let s = format!("{x:.decimals$}");
            match mark {
                DecimalMark::Point => s,
                DecimalMark::Comma => s.replace('.', ","),
            }
        }
        _ => MISSING.to_string(),
    }
}

/// A figure for reading: whole numbers from 100 up, else one decimal
/// ("1234", "16.3"), or [`MISSING`].
pub fn figure(v: Option<f64>) -> String {
    let decimals = match v {
        Some(x) if x.abs() >= 100.0 => 0,
        _ => 1,
    };
    number(v, decimals, DecimalMark::Point)
}

/// Any value as it displays (a rank, a count), or [`MISSING`].
pub fn optional<T: Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string())
        .unwrap_or_else(|| MISSING.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_and_marks() {
        assert_eq!(number(Some(1.755), 2, DecimalMark::Comma), "1,75");
        assert_eq!(number(Some(1.5), 1, DecimalMark::Point), "1.5");
        assert_eq!(number(Some(2.0), 0, DecimalMark::Point), "2");
        assert_eq!(number(None, 1, DecimalMark::Point), "-");
        assert_eq!(number(Some(f64::NAN), 1, DecimalMark::Point), "-");
        assert_eq!(number(Some(f64::INFINITY), 1, DecimalMark::Comma), "-");
    }

    #[test]
    fn figures_drop_decimals_from_a_hundred_up() {
        assert_eq!(figure(Some(16.34)), "16.3");
        assert_eq!(figure(Some(99.94)), "99.9");
        assert_eq!(figure(Some(100.0)), "100");
        assert_eq!(figure(Some(1234.5)), "1234");
        assert_eq!(figure(Some(-250.0)), "-250");
        assert_eq!(figure(None), "-");
    }

    #[test]
    fn optional_values() {
        assert_eq!(optional(Some(3u32)), "3");
        assert_eq!(optional::<usize>(None), "-");
    }
}
