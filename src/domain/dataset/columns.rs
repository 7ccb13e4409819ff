//! Raw table columns made indicators: registry or custom id, values moved
//! to area order, and a column that repeats an earlier one compared with it.

use super::codes::custom_id;
use super::join::RowAreas;
use super::types::{Area, Indicator, IndicatorMeta, IndicatorTable, RawIndicator};
use crate::domain::registry::{self, IndicatorDef};
use crate::domain::report::{Issue, LoadReport};
use crate::domain::value::{Missing, Value};
use crate::said;
use rayon::prelude::*;

/// Every column of every table, in file order, one value per area.
pub(super) fn indicator_columns(
    tables: Vec<IndicatorTable>,
    rows: &RowAreas,
    areas: &[Area],
    report: &mut LoadReport,
) -> Vec<Indicator> {
    // Every column moved to area order first, on every core (nationally
    // about a hundred columns of tens of thousands of values).
    let placed: Vec<Vec<Vec<Value>>> = tables
        .par_iter()
        .zip(rows.par_iter())
        .map(|(t, map)| {
            t.indicators
                .par_iter()
                .map(|raw| in_area_order(&raw.values, map, areas.len()))
                .collect()
        })
        .collect();
    let mut indicators: Vec<Indicator> = Vec::new();
    for (t, placed) in tables.into_iter().zip(placed) {
        report.warnings.extend(t.warnings);
        for (raw, values) in t.indicators.into_iter().zip(placed) {
            let def = registry::lookup(&raw.header);
            let Some(id) = indicator_id(def, &raw.header, &indicators) else {
                continue;
            };
            if let Some(existing) = indicators.iter().find(|i| i.meta.id == id) {
                report.warnings.push(compare_duplicate(
                    existing,
                    &values,
                    &t.file,
                    &raw.header,
                    areas,
                ));
                continue;
            }
            let meta = meta(id, def, &raw, &t.file);
            indicators.push(Indicator { meta, values });
        }
    }
    indicators
}

/// The registry id, or a custom id; `None` for a header that gives no id.
fn indicator_id(def: Option<&IndicatorDef>, header: &str, taken: &[Indicator]) -> Option<String> {
    if let Some(d) = def {
        // Registry ids stay as they are: a repeat is compared, not renamed.
        return Some(d.id.to_string());
    }
    let base = custom_id(header);
    if base.is_empty() {
        return None;
    }
    // Two different custom columns may shorten to one id: number the later
    // ones.
    let mut id = base.clone();
    let mut k = 2;
    while taken
        .iter()
        .any(|i| i.meta.id == id && i.meta.header != header)
    {
        id = format!("{base}_{k}");
        k += 1;
    }
    Some(id)
}

fn in_area_order(values: &[Value], map: &[Option<usize>], areas: usize) -> Vec<Value> {
    let mut out = vec![Value::Missing(Missing::NotInInput); areas];
    for (v, a) in values.iter().zip(map) {
        if let Some(a) = a {
            out[*a] = *v;
        }
    }
    out
}

fn meta(id: String, def: Option<&IndicatorDef>, raw: &RawIndicator, file: &str) -> IndicatorMeta {
    match def {
        Some(d) => IndicatorMeta {
            id,
            label_nl: d.label_nl.to_string(),
            label_en: d.label_en.to_string(),
            unit: d.unit.label().to_string(),
            direction: Some(d.direction),
            sensitive: d.sensitive,
            known: true,
            derived: false,
            source: file.to_string(),
            header: raw.header.clone(),
            micro: None,
        },
        None => IndicatorMeta {
            label_nl: raw.header.clone(),
            label_en: raw.header.clone(),
            unit: raw.unit.clone().unwrap_or_default(),
            direction: None,
            sensitive: is_sensitive_name(&raw.header),
            known: false,
            derived: false,
            source: file.to_string(),
            header: raw.header.clone(),
            id,
            micro: None,
        },
    }
}

fn is_sensitive_name(header: &str) -> bool {
    let n = registry::normalise_name(header);
    [
        "migratie",
        "herkomst",
        "etnic",
        "ethnic",
        "nationaliteit",
        "allochto",
    ]
    .iter()
    .any(|k| n.contains(k))
}

fn compare_duplicate(
    existing: &Indicator,
    values: &[Value],
    file: &str,
    header: &str,
    areas: &[Area],
) -> Issue {
    let mut agree = 0usize;
    let mut differ = Vec::new();
    for (i, (a, b)) in existing.values.iter().zip(values).enumerate() {
        if let (Value::Num(x), Value::Num(y)) = (a, b) {
            if (x - y).abs() <= 1e-9 * x.abs().max(1.0) {
                agree += 1;
            } else {
                differ.push(format!("{} {x} vs {y}", areas[i].code));
            }
        }
    }
    let mut msg = said!(
        "kolom {header:?} is indicator '{}' die {} al gaf: de eerste bewaard; {agree} waarden gelijk, {} verschillend",
        "column {header:?} is indicator '{}' which {} already gave: kept the first; {agree} values agree, {} differ",
        existing.meta.id,
        existing.meta.source,
        differ.len()
    );
    if !differ.is_empty() {
        let shown: Vec<&str> = differ.iter().take(5).map(String::as_str).collect();
        let list = format!(
            " ({}{})",
            shown.join(", "),
            if differ.len() > 5 { ", ..." } else { "" }
        );
        msg.nl.push_str(&list);
        msg.en.push_str(&list);
    }
    Issue::file(file, msg)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{feature, table};
    use crate::domain::dataset::DatasetBuilder;
    use crate::domain::value::Value;

    #[test]
    fn same_indicator_twice_is_compared_not_merged() {
        let b = DatasetBuilder::new(
            "b",
            vec![feature(0, "BU00010001"), feature(1, "BU00010002")],
        );
        let rows = [("BU00010001", 2), ("BU00010002", 3)];
        let t1 = table(
            "a.csv",
            &rows,
            "a_inw",
            &[Value::Num(100.0), Value::Num(200.0)],
        );
        let t2 = table(
            "b.csv",
            &rows,
            "Bevolking/Aantal inwoners (aantal)",
            &[Value::Num(100.0), Value::Num(205.0)],
        );
        let d = b.build(vec![t1, t2]);
        assert_eq!(d.indicators.len(), 1);
        let w = d
            .report
            .warnings
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            w.contains("1 values agree, 1 differ") && w.contains("BU00010002 200 vs 205"),
            "{w}"
        );
    }
}
