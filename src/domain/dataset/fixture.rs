//! Boundary features and one-column tables for the builder tests.

use super::types::{BoundaryFeature, IndicatorTable, RawIndicator, RegionRow};
use crate::domain::value::Value;

pub(super) fn feature(i: usize, code: &str) -> BoundaryFeature {
    BoundaryFeature {
        index: i,
        code: code.to_string(),
        name: Some(format!("Buurt {i}")),
        gemeente_code: None,
        gemeente_name: None,
        wijk_code: None,
        water: None,
        geometry: None,
    }
}

pub(super) fn table(
    file: &str,
    rows: &[(&str, u64)],
    header: &str,
    vals: &[Value],
) -> IndicatorTable {
    IndicatorTable {
        file: file.to_string(),
        format: "CSV".into(),
        regions: rows
            .iter()
            .map(|(c, l)| RegionRow {
                code: c.to_string(),
                name: None,
                line: *l,
            })
            .collect(),
        indicators: vec![RawIndicator {
            header: header.to_string(),
            unit: None,
            values: vals.to_vec(),
        }],
        warnings: vec![],
    }
}
