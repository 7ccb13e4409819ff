//! The colour classes of the choropleth: quantile classes of the need
//! score, light to dark.

/// Orange-red, light to dark: more need is darker.
pub const RAMP: [&str; 5] = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"];

/// GeoDa's cluster-map colours: high-high, low-low, low-high, high-low,
/// not significant.
pub const LISA: [&str; 5] = ["#ff0000", "#0000ff", "#a7adf9", "#f4ada8", "#eeeeee"];

/// The LISA fill of a unit's class; islands and units without a value
/// have none.
pub fn lisa_fill(c: crate::domain::lisa::LisaClass) -> Option<&'static str> {
    use crate::domain::lisa::LisaClass as C;
    match c {
        C::HighHigh => Some(LISA[0]),
        C::LowLow => Some(LISA[1]),
        C::LowHigh => Some(LISA[2]),
        C::HighLow => Some(LISA[3]),
        C::NotSignificant => Some(LISA[4]),
        C::Island | C::Missing => None,
    }
}

/// The classes of the scores in scope: their upper bounds and the range
/// of scores each holds (for the legend).
pub struct Classes {
    breaks: Vec<f64>,
    /// Number of classes; 0 without a score.
    pub count: usize,
    /// Lowest and highest score per class; `None` for an empty class.
    pub ranges: Vec<Option<(f64, f64)>>,
}

impl Classes {
    pub fn new(mut scores: Vec<f64>) -> Classes {
        let breaks = breaks(&mut scores);
        let count = if scores.is_empty() {
            0
        } else {
            breaks.len() + 1
        };
        let mut ranges: Vec<Option<(f64, f64)>> = vec![None; count];
        for &s in &scores {
            let c = class_of(&breaks, s);
            ranges[c] = Some(match ranges[c] {
                None => (s, s),
                Some((lo, hi)) => (lo.min(s), hi.max(s)),
            });
        }
        Classes {
            breaks,
            count,
            ranges,
        }
    }

    /// The fill of a unit with `score`; `None` when it has no class.
    pub fn fill(&self, score: Option<f64>) -> Option<&'static str> {
        match score {
            Some(s) if self.count > 0 => Some(colour(self.count, class_of(&self.breaks, s))),
            _ => None,
        }
    }
}

/// Upper bounds of quantile classes (at most 5), from the scores in scope.
fn breaks(scores: &mut [f64]) -> Vec<f64> {
    scores.sort_by(f64::total_cmp);
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    let mut b: Vec<f64> = (1..RAMP.len())
        .map(|i| scores[(i * n).div_ceil(RAMP.len()).saturating_sub(1)])
        .collect();
    b.dedup();
    // The maximum as a break would leave the top class empty.
    b.retain(|&x| x < scores[n - 1]);
    b
}

fn class_of(breaks: &[f64], s: f64) -> usize {
    breaks.iter().filter(|&&b| s > b).count()
}

/// The colour of class `c` of `classes`, spread over the whole ramp.
pub fn colour(classes: usize, c: usize) -> &'static str {
    if classes <= 1 {
        return RAMP[RAMP.len() - 1];
    }
    RAMP[c * (RAMP.len() - 1) / (classes - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_classes() {
        let mut s: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        let b = breaks(&mut s);
        assert_eq!(b, vec![2.0, 4.0, 6.0, 8.0]);
        assert_eq!(class_of(&b, 1.0), 0);
        assert_eq!(class_of(&b, 10.0), 4);
        assert_eq!(colour(5, 0), RAMP[0]);
        assert_eq!(colour(5, 4), RAMP[4]);
    }

    #[test]
    fn classes_know_their_ranges() {
        let c = Classes::new(vec![3.0, 1.0, 2.0, 4.0, 5.0]);
        assert_eq!(c.count, 5);
        assert_eq!(c.ranges[0], Some((1.0, 1.0)));
        assert_eq!(c.fill(Some(5.0)), Some(RAMP[4]));
        assert_eq!(c.fill(None), None);
        let none = Classes::new(Vec::new());
        assert_eq!(none.count, 0);
        assert_eq!(none.fill(Some(1.0)), None);
    }

    #[test]
    fn equal_scores_make_one_class() {
        let mut s = vec![0.5; 4];
        assert!(breaks(&mut s).is_empty());
        assert_eq!(colour(1, 0), RAMP[4]);
        assert!(breaks(&mut []).is_empty());
    }
}
