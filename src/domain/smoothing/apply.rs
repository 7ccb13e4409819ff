//! Which indicators can be smoothed and the smoothed columns a profile
//! asks for.

use super::eb::{global_eb, spatial_eb};
use super::SmoothingMethod;
use crate::domain::registry::{self, Unit};
use serde::Serialize;

/// A rate as numerator over denominator: the value is
/// `factor * numerator / denominator`, so `numerator = value * P / factor`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatePair {
    pub id: String,
    /// The count the rate is of, when the registry names it.
    pub numerator: Option<String>,
    pub denominator: String,
    pub factor: f64,
}

/// The rate pair of an indicator: a registry rate (percent or per 1,000)
/// with a denominator, or a custom `<id>_pct` / `<id>_per_1000` figure whose
/// file carries a count column `n_<id>` (microdata aggregates).
pub fn rate_pair(id: &str, has_column: impl Fn(&str) -> bool) -> Option<RatePair> {
    if let Some(d) = registry::by_id(id) {
        let factor = match d.unit {
            Unit::Percent => 100.0,
            Unit::PerThousand => 1000.0,
            _ => return None,
        };
        let denominator = d.denominator?;
        let numerator = registry::DERIVED
            .iter()
            .find(|(rid, ..)| *rid == id)
            .map(|(_, num, ..)| num.to_string());
        return has_column(denominator).then(|| RatePair {
            id: id.into(),
            numerator,
            denominator: denominator.into(),
            factor,
        });
    }
    let factor = if id.ends_with("_pct") {
        100.0
    } else if id.ends_with("_per_1000") {
        1000.0
    } else {
        return None;
    };
    let count = format!("n_{id}");
    has_column(&count).then(|| RatePair {
        id: id.into(),
        numerator: None,
        denominator: count,
        factor,
    })
}

/// One smoothed indicator, in the indicator's own unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SmoothedColumn {
    pub pair: RatePair,
    pub values: Vec<Option<f64>>,
}

/// Smooth every indicator in `ids` that has a rate pair. `column` finds a
/// column by id; `reference` is the reference set of the global estimator;
/// `neighbours` the contiguity of the spatial one.
pub fn smooth_columns<'a>(
    method: SmoothingMethod,
    ids: &[String],
    column: impl Fn(&str) -> Option<&'a [Option<f64>]>,
    reference: &[bool],
    neighbours: &[Vec<usize>],
) -> Vec<SmoothedColumn> {
    if method == SmoothingMethod::None {
        return Vec::new();
    }
    ids.iter()
        .filter_map(|id| {
            let pair = rate_pair(id, |c| column(c).is_some())?;
            let rate = column(id)?;
            let den = column(&pair.denominator)?;
            let num: Vec<Option<f64>> = rate
                .iter()
                .zip(den)
                .map(|(r, p)| Some(r.as_ref()? * p.as_ref()? / pair.factor))
                .collect();
            let smoothed = match method {
                SmoothingMethod::SpatialEb => spatial_eb(&num, den, neighbours),
                _ => global_eb(&num, den, reference).1,
            };
            let values = smoothed
                .into_iter()
                .map(|v| v.map(|v| v * pair.factor))
                .collect();
            Some(SmoothedColumn { pair, values })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_rates_pair_with_their_denominator() {
        let all = |_: &str| true;
        let p = rate_pair("divorced_pct", all).unwrap();
        assert_eq!(p.numerator.as_deref(), Some("divorced"));
        assert_eq!(p.denominator, "inhabitants");
        assert_eq!(p.factor, 100.0);
        assert_eq!(rate_pair("wmo_per_1000", all).unwrap().factor, 1000.0);
        assert_eq!(
            rate_pair("low_income_hh_pct", all).unwrap().denominator,
            "households"
        );
        assert!(rate_pair("woz_mean", all).is_none(), "not a rate");
        assert!(rate_pair("divorced_pct", |c| c != "inhabitants").is_none());
    }

    #[test]
    fn custom_rates_pair_with_their_count_column() {
        let p = rate_pair("kb_pct", |c| c == "n_kb_pct").unwrap();
        assert_eq!((p.denominator.as_str(), p.factor), ("n_kb_pct", 100.0));
        assert!(rate_pair("kb_pct", |_| false).is_none());
        assert!(rate_pair("kb_score", |_| true).is_none());
    }

    #[test]
    fn smoothing_works_in_the_indicators_unit() {
        // 50% of 10 and 5% of 1000 etc.: the smoothed percent equals 100x
        // the EB of the counts.
        let rate = vec![Some(50.0), Some(10.0), Some(5.0)];
        let inh = vec![Some(10.0), Some(100.0), Some(1000.0)];
        let ids = vec!["children_0_14_pct".to_string()];
        let col = |id: &str| match id {
            "children_0_14_pct" => Some(rate.as_slice()),
            "inhabitants" => Some(inh.as_slice()),
            _ => None,
        };
        let out = smooth_columns(SmoothingMethod::Eb, &ids, col, &[true; 3], &[]);
        let num = [Some(5.0), Some(10.0), Some(50.0)];
        let (_, want) = global_eb(&num, &inh, &[true; 3]);
        for (g, w) in out[0].values.iter().zip(want) {
            assert!((g.unwrap() - 100.0 * w.unwrap()).abs() < 1e-12);
        }
        assert!(
            out[0].values[0].unwrap() < 50.0,
            "the small buurt is pulled in"
        );
        assert!(smooth_columns(SmoothingMethod::None, &ids, col, &[true; 3], &[]).is_empty());
    }
}
