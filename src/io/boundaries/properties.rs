//! Figures attached to boundary features as properties (the wijk- en
//! buurtkaart carries hundreds), read as one indicator table.

use super::keys::is_attribute_key;
use crate::domain::dataset::{BoundaryFeature, IndicatorTable, RawIndicator, RegionRow};
use crate::domain::report::Issue;
use crate::domain::value::{Missing, Value};
use crate::io::cell::{parse_cell, Cell, DecimalMark};
use crate::io::indicators::is_descriptor;
use crate::said;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde_json::{Map, Value as Json};

/// Numeric properties as indicator columns, with CBS sentinels as missing.
pub(super) fn property_indicators(
    file: &str,
    features: &[BoundaryFeature],
    rows: &[(usize, &Map<String, Json>)],
) -> Option<IndicatorTable> {
    // Features of one file share their few keys: each is judged once.
    let mut judged: FxHashSet<&str> = FxHashSet::default();
    let mut keys: Vec<&String> = Vec::new();
    for (_, p) in rows {
        for (k, v) in p.iter() {
            if !v.is_number() || !judged.insert(k.as_str()) {
                continue;
            }
            if !(is_attribute_key(k) || is_descriptor(k)) {
                keys.push(k);
            }
        }
    }
    if keys.is_empty() {
        return None;
    }
    // One column per core at a time; warnings in key order, then row order.
    let (indicators, warnings): (Vec<RawIndicator>, Vec<Vec<Issue>>) = keys
        .par_iter()
        .map(|k| column(file, features, rows, k))
        .unzip();
    let warnings = warnings.concat();
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
        format: said!("eigenschappen van de grenzen", "boundary properties"),
        regions,
        indicators,
        warnings,
    })
}

/// One property as an indicator column, with a warning for every value
/// that is not a number.
fn column(
    file: &str,
    features: &[BoundaryFeature],
    rows: &[(usize, &Map<String, Json>)],
    k: &str,
) -> (RawIndicator, Vec<Issue>) {
    let mut warnings = Vec::new();
    let mut not_a_number = |fi: usize, shown: String| {
        let f = &features[fi];
        warnings.push(Issue::feature(
            file,
            f.index,
            Some(&f.code),
            said!(
                "eigenschap {k:?}: waarde {shown} is geen getal: als ontbrekend gelezen",
                "property {k:?}: value {shown} is not a number: treated as missing"
            ),
        ));
        Value::Missing(Missing::Invalid)
    };
    let values = rows
        .iter()
        .map(|(fi, p)| match p.get(k) {
            Some(Json::Number(n)) => match n.as_f64() {
                Some(v) => Missing::from_sentinel(v)
                    .map(Value::Missing)
                    .unwrap_or(Value::Num(v)),
                None => Value::Missing(Missing::Invalid),
            },
            Some(Json::String(s)) => match parse_cell(s, DecimalMark::Point) {
                Cell::Value(v) => v,
                Cell::Invalid(t) => not_a_number(*fi, format!("{t:?}")),
            },
            Some(Json::Null) | None => Value::Missing(Missing::Secret),
            Some(other) => not_a_number(*fi, other.to_string()),
        })
        .collect();
    let header = k.to_string();
    (
        RawIndicator {
            header,
            unit: None,
            values,
        },
        warnings,
    )
}
