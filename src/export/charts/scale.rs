//! Linear scales and rank ticks: the arithmetic of the charts, kept apart
//! from the markup so it can be tested on its own.

/// Maps a data interval linearly onto a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    d0: f64,
    d1: f64,
    p0: f64,
    p1: f64,
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear {
            d0: domain.0,
            d1: domain.1,
            p0: range.0,
            p1: range.1,
        }
    }

    /// The pixel position of `v`. A zero-width domain maps everything to the
    /// start of the range rather than dividing by zero.
    pub fn at(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 || !span.is_finite() {
            return self.p0;
        }
        self.p0 + (v - self.d0) / span * (self.p1 - self.p0)
    }
}

/// Axis ticks for ranks 1..=`max`: 1 and the multiples of a round step, at
/// most about ten, so long rankings do not turn the axis into a smear.
pub fn rank_ticks(max: u32) -> Vec<u32> {
    let max = max.max(1);
    let step = [
        1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000,
    ]
    .into_iter()
    .find(|s| max / s <= 10)
    .unwrap_or(10_000);
    let mut v = vec![1];
    v.extend((1..=max / step).map(|i| i * step).filter(|&r| r > 1));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_maps_ends_and_middle() {
        let s = Linear::new((0.5, 10.5), (100.0, 600.0));
        assert_eq!(s.at(0.5), 100.0);
        assert_eq!(s.at(10.5), 600.0);
        assert_eq!(s.at(5.5), 350.0);
        // reversed range: larger values further left
        let r = Linear::new((0.0, 2.0), (200.0, 0.0));
        assert_eq!(r.at(0.5), 150.0);
    }

    #[test]
    fn zero_width_domain_does_not_divide_by_zero() {
        let s = Linear::new((3.0, 3.0), (10.0, 90.0));
        assert_eq!(s.at(3.0), 10.0);
        assert_eq!(s.at(7.0), 10.0);
    }

    #[test]
    fn rank_ticks_are_round_and_few() {
        assert_eq!(rank_ticks(1), vec![1]);
        assert_eq!(rank_ticks(8), vec![1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(rank_ticks(14), vec![1, 2, 4, 6, 8, 10, 12, 14]);
        assert_eq!(rank_ticks(37), vec![1, 5, 10, 15, 20, 25, 30, 35]);
        assert!(rank_ticks(12_000).len() <= 11);
    }
}
