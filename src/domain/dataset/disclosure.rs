//! Disclosure control for microdata-derived figures: cells based on too few
//! units are withheld at load, so no output can print them.

use super::types::Indicator;
use crate::domain::value::{Missing, Value};

/// CBS's usual output rule for microdata aggregates.
pub const DEFAULT_MIN_CELL: u32 = 10;

/// A column that counts the units behind its file's other figures
/// (`n_kinderen_4_12`, `kinderen_n`, `n`). Only this naming convention of
/// remote-access exports: StatLine's "Aantal ..." columns are published
/// figures, already protected by CBS.
pub fn is_count_column(ind: &Indicator) -> bool {
    let id = ind.meta.id.as_str();
    !ind.meta.known && (id == "n" || id.starts_with("n_") || id.ends_with("_n"))
}

pub fn is_share(ind: &Indicator) -> bool {
    let id = ind.meta.id.as_str();
    id.starts_with("pct_")
        || id.starts_with("p_")
        || id.ends_with("_pct")
        || ind.meta.unit.trim() == "%"
}

/// Disclosure control for microdata-derived figures: where a file carries a
/// count column, every custom figure of that file based on fewer than
/// `min_cell` units, or (for shares) with n*p or n*(1-p) below it, is
/// withheld at load, so no output can print it. Returns notes for the report.
pub(super) fn apply_disclosure(indicators: &mut [Indicator], min_cell: u32) -> Vec<String> {
    let min = f64::from(min_cell);
    let mut notes = Vec::new();
    let counts: Vec<(usize, String)> = indicators
        .iter()
        .enumerate()
        .filter(|(_, i)| is_count_column(i))
        .map(|(k, i)| (k, i.meta.source.clone()))
        .collect();
    for (k, source) in counts {
        let n: Vec<Option<f64>> = indicators[k].values.iter().map(|v| v.num()).collect();
        let mut suppressed = 0usize;
        for (j, ind) in indicators.iter_mut().enumerate() {
            if ind.meta.source != source || ind.meta.known || (j != k && is_count_column(ind)) {
                continue;
            }
            let share = j != k && is_share(ind);
            for (v, n) in ind.values.iter_mut().zip(&n) {
                let Value::Num(x) = *v else { continue };
                let small = match n {
                    None => j != k,
                    Some(n) if *n < min => true,
                    Some(n) if share => {
                        let p = (x / 100.0).clamp(0.0, 1.0);
                        n * p < min || n * (1.0 - p) < min
                    }
                    _ => false,
                };
                if small {
                    *v = Value::Missing(Missing::Suppressed);
                    suppressed += 1;
                }
            }
        }
        notes.push(format!(
            "disclosure control: {suppressed} cells of {source} withheld (fewer than {min_cell} units in '{}', or n*p / n*(1-p) below {min_cell})",
            indicators[k].meta.id
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{feature, table};
    use super::super::types::RawIndicator;
    use crate::domain::dataset::DatasetBuilder;
    use crate::domain::value::{Missing, Value};

    #[test]
    fn microdata_cells_below_the_threshold_are_withheld() {
        let b = DatasetBuilder::new(
            "b",
            (0..4)
                .map(|i| feature(i, &format!("BU0001000{i}")))
                .collect(),
        );
        let rows = [
            ("BU00010000", 2),
            ("BU00010001", 3),
            ("BU00010002", 4),
            ("BU00010003", 5),
        ];
        let mut t = table(
            "micro.csv",
            &rows,
            "n_kinderen",
            &[
                Value::Num(9.0),
                Value::Num(10.0),
                Value::Num(200.0),
                Value::Num(200.0),
            ],
        );
        t.indicators.push(RawIndicator {
            header: "pct_maatregel".into(),
            unit: None,
            // n*p: 0.9 (n<10), 5 (n*p<10), 10 (ok), n*(1-p) = 2 (complement too small)
            values: vec![
                Value::Num(10.0),
                Value::Num(50.0),
                Value::Num(5.0),
                Value::Num(99.0),
            ],
        });
        let d = b.build(vec![t]);
        let n = d.indicator("n_kinderen").unwrap();
        assert_eq!(n.values[0], Value::Missing(Missing::Suppressed));
        assert_eq!(n.values[1], Value::Num(10.0));
        let p = d.indicator("pct_maatregel").unwrap();
        assert_eq!(p.values[0], Value::Missing(Missing::Suppressed));
        assert_eq!(p.values[1], Value::Missing(Missing::Suppressed));
        assert_eq!(p.values[2], Value::Num(5.0));
        assert_eq!(p.values[3], Value::Missing(Missing::Suppressed));
        assert!(
            d.report.notes[0].contains("4 cells"),
            "{:?}",
            d.report.notes
        );
    }
}
