//! Rates computed at load from a count and its denominator, where the data
//! has both but not the rate.

use super::types::{Indicator, IndicatorMeta};
use crate::domain::registry::{self, DERIVED};
use crate::domain::value::{Missing, Value};

pub(super) fn add_derived(indicators: &mut Vec<Indicator>) {
    for &(id, num, den, factor) in DERIVED {
        if indicators.iter().any(|i| i.meta.id == id) {
            continue;
        }
        let (Some(n), Some(d)) = (
            indicators.iter().find(|i| i.meta.id == num),
            indicators.iter().find(|i| i.meta.id == den),
        ) else {
            continue;
        };
        let values = n
            .values
            .iter()
            .zip(&d.values)
            .map(|(a, b)| match (a, b) {
                (Value::Num(x), Value::Num(y)) if *y > 0.0 => Value::Num(x / y * factor),
                (Value::Num(_), Value::Num(_)) => Value::Missing(Missing::CannotOccur),
                (Value::Missing(m), _) | (_, Value::Missing(m)) => Value::Missing(*m),
            })
            .collect();
        let Some(def) = registry::by_id(id) else {
            continue;
        };
        let source = format!("derived: {num} / {den} ({})", n.meta.source);
        indicators.push(Indicator {
            meta: IndicatorMeta {
                id: id.to_string(),
                label_nl: def.label_nl.to_string(),
                label_en: def.label_en.to_string(),
                unit: def.unit.label().to_string(),
                direction: Some(def.direction),
                sensitive: def.sensitive,
                known: true,
                derived: true,
                source,
                header: String::new(),
                micro: None,
            },
            values,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{feature, table};
    use crate::domain::dataset::DatasetBuilder;
    use crate::domain::value::{Missing, Value};

    #[test]
    fn derived_rates_keep_missing_reasons() {
        let b = DatasetBuilder::new(
            "b",
            vec![
                feature(0, "BU00010001"),
                feature(1, "BU00010002"),
                feature(2, "BU00010003"),
            ],
        );
        let rows = [("BU00010001", 2), ("BU00010002", 3), ("BU00010003", 4)];
        let inw = table(
            "a.csv",
            &rows,
            "a_inw",
            &[Value::Num(1000.0), Value::Num(0.0), Value::Num(500.0)],
        );
        let bij = table(
            "a.csv",
            &rows,
            "a_soz_wb",
            &[
                Value::Num(50.0),
                Value::Num(0.0),
                Value::Missing(Missing::Secret),
            ],
        );
        let d = b.build(vec![inw, bij]);
        let r = d.indicator("bijstand_per_1000").unwrap();
        assert_eq!(r.values[0], Value::Num(50.0));
        assert_eq!(r.values[1], Value::Missing(Missing::CannotOccur));
        assert_eq!(r.values[2], Value::Missing(Missing::Secret));
        assert!(r.meta.derived);
    }
}
