//! Property test of disclosure control: random microdata on the sample's
//! buurten, with small counts and shares on few cases mixed among safe
//! ones, through the real load and every exporter. No withheld cell may
//! show its value where the cell would be: in the unit's csv row, json
//! object or geojson feature, and after the indicator's label in the
//! unit's table row, section, chart or map title of md, html and svg.
//!
//! Which cells are withheld comes from a reference load of the same file;
//! the primary rule (a count below the threshold) is also checked against
//! the raw values here, so a load that withheld nothing would fail too.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use buurtradar::domain::analysis::{Analysis, RunOptions};
use buurtradar::domain::dataset::Dataset;
use buurtradar::domain::profile::{Profile, SMARTSTART_TOML};
use buurtradar::domain::teams::{RoleCatalogue, TeamSettings};
use buurtradar::domain::value::{Missing, Value};
use buurtradar::export::{render, ExportContext, ExportOptions, Format};
use buurtradar::io::load::{SAMPLE_BOUNDARIES, SAMPLE_INDICATORS, SAMPLE_SCHOOLS};
use buurtradar::io::{load, Inputs, Source};
use common::leaks::{check_csv, check_html, check_json, check_md, Withheld};
use proptest::prelude::*;
use serde_json::Value as Json;

const MIN_CELL: u32 = 10;
const COUNTS: [&str; 3] = ["n_kinderen", "aantal_meldingen_veilig_thuis", "dossiers"];
const SHARE: &str = "pct_uithuisplaatsing";

/// One buurt's row of the random microdata file.
#[derive(Debug, Clone)]
struct Row {
    code: String,
    counts: [u32; 3],
    share: f64,
}

fn buurt_codes() -> Vec<String> {
    let gj: Json = serde_json::from_slice(SAMPLE_BOUNDARIES.1).unwrap();
    gj["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["buurtcode"].as_str().unwrap().to_string())
        .collect()
}

/// A count: often a small cell, otherwise a safe one.
fn count() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..MIN_CELL, MIN_CELL..400]
}

/// A percentage, often low so that n*p falls below the threshold.
fn share() -> impl Strategy<Value = f64> {
    prop_oneof![(0u32..150), (0u32..1000)].prop_map(|t| f64::from(t) / 10.0)
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    let codes = buurt_codes();
    let n = codes.len();
    prop::sample::subsequence(codes, 20..=n).prop_flat_map(|codes| {
        let k = codes.len();
        (
            Just(codes),
            prop::collection::vec(((count(), count(), count()), share()), k),
        )
            .prop_map(|(codes, vals)| {
                codes
                    .into_iter()
                    .zip(vals)
                    .map(|(code, ((a, b, c), share))| Row {
                        code,
                        counts: [a, b, c],
                        share,
                    })
                    .collect()
            })
    })
}

fn csv_text(rows: &[Row]) -> String {
    let mut s = format!("buurtcode,{},{SHARE}\n", COUNTS.join(","));
    for r in rows {
        let [a, b, c] = r.counts;
        s.push_str(&format!("{},{a},{b},{c},{}\n", r.code, r.share));
    }
    s
}

fn inputs(rows: &[Row], min_cell: u32) -> Inputs {
    let mut indicators: Vec<Source> = SAMPLE_INDICATORS
        .iter()
        .filter(|(n, _)| !n.contains("microdata"))
        .map(|(n, b)| Source::embedded(n, b))
        .collect();
    indicators.push(Source::from_bytes(
        "zorg_microdata.csv",
        csv_text(rows).into_bytes(),
    ));
    Inputs {
        boundaries: Some(Source::embedded(SAMPLE_BOUNDARIES.0, SAMPLE_BOUNDARIES.1)),
        indicators,
        schools: Some(Source::embedded(SAMPLE_SCHOOLS.0, SAMPLE_SCHOOLS.1)),
        min_cell: Some(min_cell),
        ..Inputs::default()
    }
}

/// The default profile with the microdata count and share weighted, so
/// they reach the shortlist's sections, tables and charts too.
fn profile() -> Profile {
    let text = format!(
        "{SMARTSTART_TOML}\n[[indicator]]\nid = \"aantal_meldingen_veilig_thuis\"\nweight = 2\ndirection = \"risk\"\n\n[[indicator]]\nid = \"{SHARE}\"\nweight = 2\ndirection = \"risk\"\n"
    );
    let mut p = Profile::parse(&text).unwrap();
    p.monte_carlo.draws = 10;
    p.top_k = 12;
    p.eligibility.min_primary_schools = 0;
    p
}
fn withheld(rows: &[Row], ds: &Dataset) -> Vec<Withheld> {
    let mut out = Vec::new();
    for r in rows {
        let at = ds.index[&r.code];
        let raw = r.counts.iter().map(|&c| f64::from(c)).chain([r.share]);
        for (id, value) in COUNTS.iter().chain([&SHARE]).zip(raw) {
            let cell = ds.indicator(id).unwrap().values[at];
            let is_withheld = cell == Value::Missing(Missing::Suppressed);
            // The primary rule, checked here on the raw file.
            if COUNTS.contains(id) && value < f64::from(MIN_CELL) {
                assert!(is_withheld, "{id} {} = {value} not withheld", r.code);
            }
            if is_withheld {
                out.push(Withheld {
                    code: r.code.clone(),
                    id: id.to_string(),
                    value,
                });
            } else {
                assert_eq!(cell, Value::Num(value), "{id} {}", r.code);
            }
        }
    }
    out
}
proptest! {
    #![proptest_config(ProptestConfig { cases: 10, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_withheld_cell_shows_in_any_format(rows in rows()) {
        let inputs = inputs(&rows, MIN_CELL);
        let ds = load(&inputs).unwrap();
        let cells = withheld(&rows, &ds);
        let p = profile();
        let a = Analysis::run(&ds, &p, RunOptions::default()).unwrap();
        let catalogue = RoleCatalogue::default_catalogue().unwrap();
        let teams = a.teams(&ds, &catalogue, &TeamSettings::default(), &[]);
        let ctx = ExportContext {
            ds: &ds,
            analysis: &a,
            teams: &teams,
            inputs: &inputs,
            options: ExportOptions {
                reproducible: true,
                ..ExportOptions::default()
            },
        };
        let out = |f: Format| String::from_utf8(render(&ctx, f).unwrap()).unwrap();
        let csv = check_csv(&out(Format::Csv), &cells);
        let json = check_json("json", &out(Format::Json), &cells);
        let geojson = check_json("geojson", &out(Format::Geojson), &cells);
        let md = check_md(&out(Format::Md), &cells);
        let html = check_html(&out(Format::Html), &cells);
        let svg = check_html(&out(Format::Svg), &cells);
        // Every withheld cell of a ranked unit was looked at where it would
        // be in the tables: the checks above are not vacuous.
        let in_units = cells
            .iter()
            .filter(|w| a.units.iter().any(|u| u.code == w.code))
            .count();
        let weighted = cells
            .iter()
            .filter(|w| p.weight(&w.id).is_some())
            .filter(|w| a.units.iter().any(|u| u.code == w.code))
            .count();
        prop_assert!(in_units > 0 && weighted > 0);
        prop_assert!(csv >= in_units && json >= in_units, "csv {csv}, json {json}, cells {in_units}");
        // geojson and html write the profile's indicators only
        prop_assert!(geojson >= weighted && html >= weighted, "geojson {geojson}, html {html}, cells {weighted}");
        // md and svg show a figure in running text only, after its label;
        // a withheld one has no label there to check after.
        let _ = (md, svg);
    }
}
