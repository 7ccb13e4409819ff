//! A five-buurt gemeente small enough to check every analysis number by hand.
//!
//! | code       | wijk     | inhabitants | low income % | schools |
//! |------------|----------|-------------|--------------|---------|
//! | BU00010105 | WK000101 | 1000        | missing      | 5       |
//! | BU00010103 | WK000101 | 1000        | missing      | 3       |
//! | BU00010101 | WK000101 | 1000        | 30           | 4       |
//! | BU00010102 | WK000102 | 1000        | 10           | 2       |
//! | BU00010104 | WK000102 | 1000        | 20           | 1       |
//!
//! Input order is not code order on purpose, so a test can tell "sorted by
//! code" from "left in input order".

use crate::domain::dataset::{
    BoundaryFeature, Dataset, DatasetBuilder, IndicatorTable, RawIndicator, RegionRow, SchoolMethod,
};
use crate::domain::profile::Profile;
use crate::domain::value::{Missing, Value};

/// (code, wijk, low income %, primary schools)
const BUURTEN: [(&str, &str, Option<f64>, u32); 5] = [
    ("BU00010105", "WK000101", None, 5),
    ("BU00010103", "WK000101", None, 3),
    ("BU00010101", "WK000101", Some(30.0), 4),
    ("BU00010102", "WK000102", Some(10.0), 2),
    ("BU00010104", "WK000102", Some(20.0), 1),
];

pub(super) fn dataset() -> Dataset {
    let features = BUURTEN
        .iter()
        .enumerate()
        .map(|(i, (code, wijk, _, _))| BoundaryFeature {
            index: i,
            code: code.to_string(),
            name: Some(format!("Buurt {code}")),
            gemeente_code: Some("GM0001".into()),
            gemeente_name: Some("Testgemeente".into()),
            wijk_code: Some(wijk.to_string()),
            water: Some(false),
            geometry: None,
        })
        .collect();
    let table = IndicatorTable {
        file: "i.csv".into(),
        format: "CSV".into(),
        regions: BUURTEN
            .iter()
            .enumerate()
            .map(|(i, (code, ..))| RegionRow {
                code: code.to_string(),
                name: None,
                line: i as u64 + 2,
            })
            .collect(),
        indicators: vec![
            RawIndicator {
                header: "a_inw".into(),
                unit: None,
                values: vec![Value::Num(1000.0); BUURTEN.len()],
            },
            RawIndicator {
                header: "p_hh_li".into(),
                unit: None,
                values: BUURTEN
                    .iter()
                    .map(|(_, _, li, _)| li.map_or(Value::Missing(Missing::Secret), Value::Num))
                    .collect(),
            },
        ],
        warnings: vec![],
    };
    let mut ds = DatasetBuilder::new("b.geojson", features).build(vec![table]);
    for (code, _, _, schools) in BUURTEN {
        let i = ds.index[code];
        ds.areas[i].schools = Some(schools);
    }
    ds.school_method = SchoolMethod::CodeColumn;
    ds
}

/// Low income alone, a shortlist of one, three schools required.
pub(super) fn profile(rule: &str) -> Profile {
    Profile::parse(&format!(
        r#"
name = "t"
top_k = 1

[eligibility]
min_primary_schools = 3

[pilot]
rule = "{rule}"

[[indicator]]
id = "low_income_hh_pct"
weight = 1
"#
    ))
    .unwrap()
}

/// Dataset index of a buurt code.
pub(super) fn at(ds: &Dataset, code: &str) -> usize {
    ds.index[code]
}
