//! Cleaning and normalising one indicator column: direction, winsorising,
//! the three normalisation methods and the geometric-mean input.

use crate::domain::profile::NormalisationMethod;
use crate::domain::value::Direction;

/// Lower end of the range geometric aggregation works on.
pub const GEOMETRIC_FLOOR: f64 = 0.01;

/// Apply the direction, mark non-finite values missing, and winsorise.
/// Returns the cleaned column and the sorted reference values, or `None` when
/// the reference set has no values for this indicator.
pub(super) fn clean_column(
    raw: &[Option<f64>],
    direction: Direction,
    reference: &[bool],
    winsorize: f64,
) -> Option<(Vec<f64>, Vec<f64>)> {
    let sign = if direction == Direction::Protective {
        -1.0
    } else {
        1.0
    };
    let mut values: Vec<f64> = raw
        .iter()
        .map(|v| match v {
            Some(x) if x.is_finite() => sign * x,
            _ => f64::NAN,
        })
        .collect();
    let mut sorted: Vec<f64> = values
        .iter()
        .zip(reference)
        .filter(|(v, &r)| r && !v.is_nan())
        .map(|(&v, _)| v)
        .collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    if winsorize > 0.0 {
        let lo = quantile(&sorted, winsorize);
        let hi = quantile(&sorted, 1.0 - winsorize);
        for v in values.iter_mut().chain(sorted.iter_mut()) {
            if !v.is_nan() {
                *v = v.clamp(lo, hi);
            }
        }
    }
    Some((values, sorted))
}

/// Linear interpolation between order statistics ("type 7").
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let i = h.floor() as usize;
    let frac = h - i as f64;
    match sorted.get(i + 1) {
        Some(&next) => sorted[i] + frac * (next - sorted[i]),
        None => sorted[i],
    }
}

/// Maps a (cleaned) value to its normalised value, fixed by the reference set.
pub(super) struct Normaliser<'a> {
    sorted: &'a [f64],
    method: NormalisationMethod,
    mean: f64,
    sd: f64,
    min: f64,
    max: f64,
}

impl<'a> Normaliser<'a> {
    /// `sorted` must be non-empty.
    pub(super) fn new(sorted: &'a [f64], method: NormalisationMethod) -> Normaliser<'a> {
        let len = sorted.len() as f64;
        let mean = sorted.iter().sum::<f64>() / len;
        let var = sorted.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / len;
        Normaliser {
            sorted,
            method,
            mean,
            sd: var.sqrt(),
            min: sorted.first().copied().unwrap_or(0.0),
            max: sorted.last().copied().unwrap_or(0.0),
        }
    }

    pub(super) fn apply(&self, x: f64) -> f64 {
        match self.method {
            NormalisationMethod::ZScore => {
                if self.sd > 0.0 {
                    (x - self.mean) / self.sd
                } else {
                    0.0
                }
            }
            NormalisationMethod::MinMax => {
                if self.max > self.min {
                    (x - self.min) / (self.max - self.min)
                } else {
                    0.5
                }
            }
            NormalisationMethod::Percentile => {
                let below = self.sorted.partition_point(|&r| r < x);
                let up_to = self.sorted.partition_point(|&r| r <= x);
                (below as f64 + 0.5 * (up_to - below) as f64) / self.sorted.len() as f64
            }
        }
    }

    /// Normalised values of the least and most needy reference unit; every
    /// method is monotone, so these are the images of the extremes.
    pub(super) fn reference_range(&self) -> (f64, f64) {
        (self.apply(self.min), self.apply(self.max))
    }
}

/// The positive value the geometric mean works on (see module docs).
pub(super) fn geometric_input(v: f64, lo: f64, hi: f64) -> f64 {
    if hi > lo {
        let t = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
        GEOMETRIC_FLOOR + (1.0 - GEOMETRIC_FLOOR) * t
    } else {
        1.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn winsorising_clips_at_reference_quantiles() {
        // 1..=11 with p = 0.1: h = 10 * 0.1 = 1 -> 2; h = 9 -> 10.
        let raw: Vec<Option<f64>> = (1..=11).map(|x| Some(x as f64)).collect();
        let (vals, sorted) = clean_column(&raw, Direction::Risk, &[true; 11], 0.1).unwrap();
        assert_eq!(vals[0], 2.0);
        assert_eq!(vals[1], 2.0);
        assert_eq!(vals[5], 6.0);
        assert_eq!(vals[10], 10.0);
        assert_eq!(sorted.first(), Some(&2.0));
        // p = 0.05: h = 0.5 -> 1.5; h = 9.5 -> 10.5.
        let (vals, _) = clean_column(&raw, Direction::Risk, &[true; 11], 0.05).unwrap();
        assert_eq!((vals[0], vals[10]), (1.5, 10.5));
        // A unit outside the reference set is clipped to the same bounds.
        let mut reference = [true; 11];
        reference[10] = false;
        let (vals, sorted) = clean_column(&raw, Direction::Risk, &reference, 0.1).unwrap();
        assert_eq!(sorted.len(), 10);
        assert!((vals[10] - 9.1).abs() < 1e-12, "{}", vals[10]);
    }

    #[test]
    fn constant_column_sits_at_its_centre() {
        let sorted = [3.0, 3.0];
        assert_eq!(
            Normaliser::new(&sorted, NormalisationMethod::ZScore).apply(3.0),
            0.0
        );
        assert_eq!(
            Normaliser::new(&sorted, NormalisationMethod::MinMax).apply(3.0),
            0.5
        );
        assert_eq!(
            Normaliser::new(&sorted, NormalisationMethod::Percentile).apply(3.0),
            0.5
        );
        assert_eq!(geometric_input(0.5, 0.5, 0.5), 1.0);
    }
}
