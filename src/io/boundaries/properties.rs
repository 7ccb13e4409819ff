//! Figures attached to boundary features as properties (the wijk- en
//! buurtkaart carries hundreds), read as one indicator table.

use super::keys::is_attribute_key;
use crate::domain::dataset::{BoundaryFeature, IndicatorTable, RawIndicator, RegionRow};
use crate::domain::report::Issue;
use crate::domain::value::{Missing, Value};
use crate::io::cell::{parse_cell, Cell, DecimalMark};
use crate::io::indicators::is_descriptor;
use serde_json::{Map, Value as Json};

/// Numeric properties as indicator columns, with CBS sentinels as missing.
pub(super) fn property_indicators(
    file: &str,
    features: &[BoundaryFeature],
    rows: &[(usize, &Map<String, Json>)],
) -> Option<IndicatorTable> {
    let mut keys: Vec<&String> = Vec::new();
    for (_, p) in rows {
        for (k, v) in p.iter() {
            let skip = is_attribute_key(k) || is_descriptor(k);
            if !skip && v.is_number() && !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    if keys.is_empty() {
        return None;
    }
    let mut warnings = Vec::new();
    let indicators = keys
        .iter()
        .map(|k| {
            let values = rows
                .iter()
                .map(|(fi, p)| match p.get(k.as_str()) {
                    Some(Json::Number(n)) => match n.as_f64() {
                        Some(v) => Missing::from_sentinel(v).map(Value::Missing).unwrap_or(Value::Num(v)),
                        None => Value::Missing(Missing::Invalid),
                    },
                    Some(Json::String(s)) => match parse_cell(s, DecimalMark::Point) {
                        Cell::Value(v) => v,
                        Cell::Invalid(t) => {
                            let f = &features[*fi];
                            warnings.push(Issue::feature(
                                file,
                                f.index,
                                Some(&f.code),
                                format!("property {k:?}: value {t:?} is not a number: treated as missing"),
                            ));
                            Value::Missing(Missing::Invalid)
                        }
                    },
                    Some(Json::Null) | None => Value::Missing(Missing::Secret),
                    Some(other) => {
                        let f = &features[*fi];
                        warnings.push(Issue::feature(
                            file,
                            f.index,
                            Some(&f.code),
                            format!("property {k:?}: value {other} is not a number: treated as missing"),
                        ));
                        Value::Missing(Missing::Invalid)
                    }
                })
                .collect();
            RawIndicator { header: k.to_string(), unit: None, values }
        })
        .collect();
    let regions = rows
        .iter()
        .map(|(fi, _)| RegionRow {
            code: features[*fi].code.clone(),
            name: None,
            line: features[*fi].index as u64,
        })
        .collect();
    Some(IndicatorTable {
        file: file.to_string(),
        format: "boundary properties".into(),
        regions,
        indicators,
        warnings,
    })
}
