//! Buurt figures rolled up to wijken. Counts are summed; rates are
//! re-weighted by their denominators (never a plain mean of percentages on
//! unequal bases). A figure CBS itself publishes for the wijk wins over our
//! roll-up, because it is exact where ours misses suppressed buurten.

use super::dataset::{Area, Dataset, Indicator, Level};
use super::registry::{self, Unit};
use super::value::{Missing, Value};
use std::collections::BTreeMap;

/// How a wijk value came about, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Published,
    Summed,
    Weighted,
    /// No denominator or population column to weight by: a plain mean,
    /// flagged so outputs can say so.
    Unweighted,
}

#[derive(Debug, Clone)]
pub struct WijkFigure {
    pub value: Value,
    pub origin: Origin,
    /// Buurten that had a value / buurten in the wijk.
    pub covered: usize,
    pub members: usize,
}

/// The wijken of the dataset's buurten, each with its member buurten.
pub fn wijk_members(ds: &Dataset, keep: impl Fn(&Area) -> bool) -> BTreeMap<String, Vec<usize>> {
    let mut m: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in ds.areas.iter().enumerate() {
        if a.level == Level::Buurt && keep(a) {
            if let Some(w) = &a.wijk_code {
                m.entry(w.clone()).or_default().push(i);
            }
        }
    }
    m
}

/// The weight column for a rate: its registry denominator, else
/// inhabitants (custom rates), else households for per-dwelling figures.
fn weight_column<'a>(ds: &'a Dataset, ind: &Indicator) -> Option<&'a Indicator> {
    let def = registry::by_id(&ind.meta.id);
    let preferred = match def {
        Some(d) => match (d.denominator, d.unit) {
            (Some(den), _) => den,
            (None, Unit::ThousandEuro) | (None, Unit::Score) => "households",
            (None, _) => "inhabitants",
        },
        None => "inhabitants",
    };
    ds.indicator(preferred)
        .or_else(|| ds.indicator("inhabitants"))
}

fn is_count(ind: &Indicator) -> bool {
    match registry::by_id(&ind.meta.id) {
        Some(d) => d.unit == Unit::Count && ind.meta.id != "schools_within_3km",
        None => {
            let u = ind.meta.unit.to_lowercase();
            u == "aantal" || u == "count" || super::dataset::is_count_column(ind)
        }
    }
}

/// Roll one indicator up over `members` (a wijk, or a pilot area when
/// `published` is `None`). `published` names the region whose own CBS figure
/// is used when there is one.
pub fn aggregate(
    ds: &Dataset,
    ind: &Indicator,
    published: Option<&str>,
    members: &[usize],
) -> WijkFigure {
    if let Some(&w) = published.and_then(|p| ds.index.get(p)) {
        if let Value::Num(v) = ind.values[w] {
            return WijkFigure {
                value: Value::Num(v),
                origin: Origin::Published,
                covered: members.len(),
                members: members.len(),
            };
        }
    }
    let present: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&m| ind.values[m].num().is_some())
        .collect();
    let first_missing = members
        .iter()
        .find_map(|&m| ind.values[m].missing())
        .unwrap_or(Missing::NotInInput);
    if present.is_empty() {
        return WijkFigure {
            value: Value::Missing(first_missing),
            origin: Origin::Summed,
            covered: 0,
            members: members.len(),
        };
    }
    if is_count(ind) {
        let sum: f64 = present.iter().filter_map(|&m| ind.values[m].num()).sum();
        return WijkFigure {
            value: Value::Num(sum),
            origin: Origin::Summed,
            covered: present.len(),
            members: members.len(),
        };
    }
    let Some(weights) = weight_column(ds, ind) else {
        let v: Vec<f64> = present
            .iter()
            .filter_map(|&m| ind.values[m].num())
            .collect();
        return WijkFigure {
            value: Value::Num(v.iter().sum::<f64>() / v.len() as f64),
            origin: Origin::Unweighted,
            covered: v.len(),
            members: members.len(),
        };
    };
    let (mut num, mut den, mut covered) = (0.0, 0.0, 0);
    for &m in &present {
        if let (Some(v), Some(w)) = (ind.values[m].num(), weights.values[m].num()) {
            if w > 0.0 {
                num += v * w;
                den += w;
                covered += 1;
            }
        }
    }
    WijkFigure {
        value: if den > 0.0 {
            Value::Num(num / den)
        } else {
            Value::Missing(first_missing)
        },
        origin: Origin::Weighted,
        covered,
        members: members.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::{
        BoundaryFeature, DatasetBuilder, IndicatorTable, RawIndicator, RegionRow,
    };

    fn ds(with_published_wijk: bool) -> Dataset {
        let feats = ["BU00010101", "BU00010102", "BU00010103"]
            .iter()
            .enumerate()
            .map(|(i, c)| BoundaryFeature {
                index: i,
                code: c.to_string(),
                name: None,
                gemeente_code: None,
                gemeente_name: None,
                wijk_code: None,
                water: None,
                geometry: None,
            })
            .collect();
        let mut codes = vec!["BU00010101", "BU00010102", "BU00010103"];
        let mut inw = vec![1000.0, 3000.0, 500.0];
        let mut hh = vec![400.0, 1600.0, 200.0];
        let mut li = vec![
            Value::Num(10.0),
            Value::Num(30.0),
            Value::Missing(Missing::Secret),
        ];
        if with_published_wijk {
            codes.push("WK000101");
            inw.push(4500.0);
            hh.push(2200.0);
            li.push(Value::Num(24.0));
        }
        let num = |v: Vec<f64>| v.into_iter().map(Value::Num).collect::<Vec<_>>();
        let t = IndicatorTable {
            file: "t.csv".into(),
            format: "CSV".into(),
            regions: codes
                .iter()
                .enumerate()
                .map(|(i, c)| RegionRow {
                    code: c.to_string(),
                    name: None,
                    line: i as u64 + 2,
                })
                .collect(),
            indicators: vec![
                RawIndicator {
                    header: "a_inw".into(),
                    unit: None,
                    values: num(inw),
                },
                RawIndicator {
                    header: "a_hh".into(),
                    unit: None,
                    values: num(hh),
                },
                RawIndicator {
                    header: "p_hh_li".into(),
                    unit: None,
                    values: li,
                },
            ],
            warnings: vec![],
        };
        DatasetBuilder::new("b", feats).build(vec![t])
    }

    #[test]
    fn counts_sum_and_rates_weigh_by_their_denominator() {
        let d = ds(false);
        let members = &wijk_members(&d, |_| true)["WK000101"];
        let inw = aggregate(
            &d,
            d.indicator("inhabitants").unwrap(),
            Some("WK000101"),
            members,
        );
        assert_eq!(inw.value, Value::Num(4500.0));
        assert_eq!(inw.origin, Origin::Summed);
        // Low income is a share of households: (10*400 + 30*1600) / 2000 = 26,
        // not the plain mean 20; the suppressed buurt is left out and counted.
        let li = aggregate(
            &d,
            d.indicator("low_income_hh_pct").unwrap(),
            Some("WK000101"),
            members,
        );
        assert_eq!(li.value, Value::Num(26.0));
        assert_eq!((li.covered, li.members), (2, 3));
    }

    #[test]
    fn published_wijk_figure_wins() {
        let d = ds(true);
        let members = &wijk_members(&d, |_| true)["WK000101"];
        let li = aggregate(
            &d,
            d.indicator("low_income_hh_pct").unwrap(),
            Some("WK000101"),
            members,
        );
        assert_eq!(li.value, Value::Num(24.0));
        assert_eq!(li.origin, Origin::Published);
    }
}
