//! The lean GeoJSON school reading against the full one, on documents
//! built from the quirks school files have (and broken ones): where the
//! lean reading answers, its answer must be the full reading's, bit for bit.

use super::geojson::{read_full, read_lean};
use super::{read_schools, Location, SchoolFile, SchoolOptions};
use crate::io::crs::Crs;
use crate::io::error::LoadError;
use crate::io::source::Source;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

const KEYS: &[&str] = &[
    "naam",
    "name",
    "Naam",
    "schoolnaam",
    "vestigingsnaam",
    "type",
    "Type",
    " TYPE ",
    "soort",
    "Soort Onderwijs",
    "onderwijstype",
    "plaats",
    "woonplaats",
    "gemeente",
    "gemeentenaam",
    "GEMEENTENAAM",
    "huisnummer",
    "na\\u0061m",
    "ty\\u0070e",
];

const VALUES: &[&str] = &[
    "\"basisschool\"",
    "\" SBAO \"",
    "\"VBO/MAVO\"",
    "\"TILBURG\"",
    "\"LOON OP ZAND\"",
    "\"caf\\u00e9 \\\"de\\\" school\"",
    "\"\"",
    "\"  \"",
    "null",
    "8",
    "-3",
    "2.50",
    "1e3",
    "true",
    "[1, \"a\", null]",
    "{\"b\": 1, \"a\": [2]}",
    "\"\\ud800\"",
    "\"\\ud83d\\ude00\"",
];

const GEOMETRIES: &[&str] = &[
    "",
    "\"geometry\": null",
    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [X, Y]}",
    "\"geometry\": {\"coordinates\": [X, Y], \"type\": \"Point\"}",
    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [X, Y, 3.5]}",
    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [X]}",
    "\"geometry\": {\"type\": \"Point\", \"coordinates\": []}",
    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [X, Y], \"bbox\": [X, Y, X, Y]}",
    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [X, Y], \"type\": \"Point\"}",
    "\"geometry\": {\"type\": \"point\", \"coordinates\": [X, Y]}",
    "\"geometry\": {\"type\": \"MultiPoint\", \"coordinates\": [[X, Y]]}",
    "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[X, Y], [X, 0], [0, 0], [X, Y]]]}",
    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [X, \"Y\"]}",
    "\"geometry\": {}",
];

const COORDS: &[(&str, &str)] = &[
    ("34029", "445931"),
    ("133214.5", "391002.25"),
    ("5.07", "51.54"),
    ("5.0800000000000001", "51.549999999999997"),
    ("-0", "0"),
    ("1e2", "4.5E5"),
];

const CRS: &[&str] = &[
    "",
    "\"crs\": null, ",
    "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}}, ",
    "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::28992\"}}, ",
    "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:3857\"}}, ",
];

const KIND_COLUMNS: &[&str] = &["type", "soort", "TYPE ", "gemeente", "naam", "niets"];

/// Geometry, coordinates, properties (key, value), extras (no properties
/// member / an id / properties twice), written as an array.
type FeatureParts = (usize, usize, Option<Vec<(usize, usize)>>, usize, bool);

#[derive(Debug, Clone)]
struct Doc {
    bom: bool,
    crs: usize,
    features: Vec<FeatureParts>,
    twice_features: bool,
    cut: Option<usize>,
    /// Each feature its own coordinates (else the first one's, as a real
    /// file has one CRS).
    mixed: bool,
}

/// The first entries of VALUES and GEOMETRIES that every reading takes;
/// the rest (one such in a file sends it to the full reading) less often,
/// so most documents are read both ways.
const USUAL_VALUES: usize = 16;
const USUAL_GEOMETRIES: usize = 5;

fn usual_first(usual: usize, all: usize) -> impl Strategy<Value = usize> {
    prop_oneof![9 => 0..usual, 1 => 0..all]
}

fn doc() -> impl Strategy<Value = Doc> {
    let props = proptest::option::weighted(
        0.9,
        proptest::collection::vec(
            (0..KEYS.len(), usual_first(USUAL_VALUES, VALUES.len())),
            0..7,
        ),
    );
    let feature = (
        usual_first(USUAL_GEOMETRIES, GEOMETRIES.len()),
        0..COORDS.len(),
        props,
        0..4usize,
        proptest::bool::weighted(0.03),
    );
    (
        proptest::bool::weighted(0.1),
        0..CRS.len(),
        proptest::collection::vec(feature, 0..6),
        proptest::bool::weighted(0.03),
        proptest::option::weighted(0.05, 0usize..4000),
        proptest::bool::weighted(0.2),
    )
        .prop_map(|(bom, crs, features, twice_features, cut, mixed)| Doc {
            bom,
            crs,
            features,
            twice_features,
            cut,
            mixed,
        })
}

fn render(d: &Doc) -> Vec<u8> {
    let mut out = String::new();
    for (geometry, coords, props, extra, as_array) in &d.features {
        if !out.is_empty() {
            out.push_str(",\n");
        }
        let first = d.features.first().map_or(0, |f| f.1);
        let (x, y) = COORDS[if d.mixed { *coords } else { first }];
        let g = GEOMETRIES[*geometry].replace('X', x).replace('Y', y);
        let p = match props {
            None if *extra == 0 => String::new(),
            None => "\"properties\": null".to_string(),
            Some(kv) => {
                let body: Vec<String> = kv
                    .iter()
                    .map(|(k, v)| format!("\"{}\": {}", KEYS[*k], VALUES[*v]))
                    .collect();
                format!("\"properties\": {{{}}}", body.join(", "))
            }
        };
        if *as_array {
            let g = g.split_once(": ").map_or("null", |(_, v)| v).to_string();
            let p = p.split_once(": ").map_or("null", |(_, v)| v).to_string();
            out.push_str(&format!("[{g}, {p}]"));
            continue;
        }
        let mut members = vec!["\"type\": \"Feature\"".to_string()];
        if *extra == 2 {
            members.push("\"id\": 7".into());
        }
        if *extra == 3 && !p.is_empty() {
            // Properties before the geometry, a repeated member.
            members.push(p.clone());
        }
        members.extend([p, g].into_iter().filter(|m| !m.is_empty()));
        out.push_str(&format!("{{{}}}", members.join(", ")));
    }
    let features = if d.twice_features {
        format!("\"features\": [], \"features\": [{out}]")
    } else {
        format!("\"features\": [{out}]")
    };
    let text = format!(
        "{{\"type\": \"FeatureCollection\", \"name\": \"scholen\", {}{features}}}\n",
        CRS[d.crs]
    );
    let mut bytes = if d.bom {
        vec![0xEF, 0xBB, 0xBF]
    } else {
        Vec::new()
    };
    bytes.extend_from_slice(text.as_bytes());
    if let Some(cut) = d.cut {
        bytes.truncate(cut.min(bytes.len()));
    }
    bytes
}

/// Everything a reading found, floats by their bits.
fn outcome(r: &Result<SchoolFile, LoadError>) -> String {
    match r {
        Err(e) => format!("error: {e}"),
        Ok(f) => {
            let bits: Vec<(u64, u64)> = f
                .schools
                .iter()
                .filter_map(|s| match s.location {
                    Location::Point { x, y } => Some((x.to_bits(), y.to_bits())),
                    _ => None,
                })
                .collect();
            format!("{f:?}\n{bits:?}")
        }
    }
}

fn options(kind: usize, crs: usize) -> SchoolOptions {
    SchoolOptions {
        kind_column: KIND_COLUMNS[kind].into(),
        crs: [None, Some(Crs::Rd), Some(Crs::Wgs84)][crs],
        ..SchoolOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn lean_reading_finds_what_the_full_reading_finds(
        d in doc(),
        kind in 0..KIND_COLUMNS.len(),
        crs in 0..3usize,
    ) {
        let bytes = render(&d);
        let src = Source::from_bytes("s.geojson", bytes);
        let opts = options(kind, crs);
        let full = outcome(&read_full(&src, &opts));
        if let Some(lean) = read_lean(&src, &opts) {
            prop_assert_eq!(outcome(&lean), full.clone(), "{}", String::from_utf8_lossy(&src.bytes));
        }
        prop_assert_eq!(outcome(&read_schools(&src, &opts)), full);
    }
}

/// The comparison above means something only if the lean reading answers
/// for most documents, of every kind it claims to read.
#[test]
fn lean_reading_answers_for_ordinary_files() {
    let runner_cases = 400;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut answered, mut kept_schools) = (0, 0);
    for _ in 0..runner_cases {
        let d = doc()
            .new_tree(&mut runner)
            .map(|t| t.current())
            .unwrap_or_else(|e| panic!("{e}"));
        let src = Source::from_bytes("s.geojson", render(&d));
        if let Some(Ok(f)) = read_lean(&src, &SchoolOptions::default()) {
            answered += 1;
            kept_schools += f.schools.len();
        }
    }
    assert!(answered > runner_cases / 4, "{answered} of {runner_cases}");
    assert!(kept_schools > runner_cases / 8, "{kept_schools}");
}

#[test]
fn lean_reading_answers_for_the_real_and_sample_lists() {
    let real = std::path::Path::new("../shared/real/scholen_duo_hvb_20241122.geojson");
    let mut sources = vec![Source::embedded(
        crate::io::load::SAMPLE_SCHOOLS.0,
        crate::io::load::SAMPLE_SCHOOLS.1,
    )];
    if real.exists() || std::env::var("CI").is_ok_and(|v| v == "true") {
        sources.push(Source::read(real).unwrap_or_else(|e| panic!("{e}")));
    }
    for src in &sources {
        let opts = SchoolOptions::default();
        let lean = read_lean(src, &opts).unwrap_or_else(|| panic!("{} not read lean", src.name));
        let f = lean.as_ref().unwrap_or_else(|e| panic!("{e}"));
        assert!(!f.schools.is_empty());
        assert_eq!(
            outcome(&lean),
            outcome(&read_full(src, &opts)),
            "{}",
            src.name
        );
    }
}
