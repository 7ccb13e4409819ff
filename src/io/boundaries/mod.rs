//! Buurt boundaries from GeoJSON: CBS wijk- en buurtkaart, the generalised
//! PDOK/cartomap files and older exports, in WGS84 or Rijksdriehoek.
//!
//! - `feature`: one feature's code, names, water flag and shape
//! - `keys`: the property names those are found under
//! - `geometry`: rings and polygons repaired or dropped, and projected
//! - `crossing`: the self-intersection check
//! - `coordinates`: a Polygon's or MultiPolygon's coordinates read by hand
//! - `number`: JSON numbers read bit for bit as serde_json reads them
//! - `raw_geometry`: geometries read without a heap allocation per position
//! - `properties`: figures carried as properties, as an indicator table
//! - `scan`: where each feature's text lies, found without a full parse
//! - `split`: the file split into features, each parsed and checked on
//!   every core
//! - `feature_text`: one feature read from its text for the split read
//! - `strict`: geometries in collections as the split read takes them,
//!   rings read straight into their final buffers

mod coordinates;
mod crossing;
mod feature;
mod feature_text;
mod geometry;
mod keys;
mod number;
mod properties;
mod raw_geometry;
mod scan;
mod split;
mod strict;

use super::crs::{crs_from_member, decide, Crs, CrsDecision, Extent, Projector};
use super::error::LoadError;
use super::source::Source;
use crate::domain::dataset::{BoundaryFeature, IndicatorTable};
use crate::domain::report::Issue;
use crate::i18n::Said;
use crate::said;
use feature::boundary_feature;
pub(crate) use feature::RawFeature;
use geo::MultiPolygon;
use geometry::project_in_place;
use properties::property_indicators;
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::{Map, Value as Json};
use split::read_split;

#[derive(Deserialize)]
struct RawCollection {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    crs: Option<Json>,
    #[serde(default)]
    features: Option<Vec<RawFeature>>,
}

/// Everything a boundary file gives.
pub struct Boundaries {
    pub file: String,
    /// How the file was read, for `check` ("GeoJSON", "GeoPackage, layer buurten").
    pub format: Said,
    pub features: Vec<BoundaryFeature>,
    pub crs: CrsDecision,
    /// Figures attached as properties (wijk- en buurtkaart).
    pub properties: Option<IndicatorTable>,
    pub warnings: Vec<Issue>,
}

/// The JSON text of a file, or the error for one with nothing in it.
fn json_bytes(src: &Source) -> Result<&[u8], LoadError> {
    let bytes: &[u8] = &src.bytes;
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::Empty {
            file: src.name.clone(),
        });
    }
    Ok(bytes)
}

pub(crate) fn parse_collection<T: for<'de> Deserialize<'de>>(src: &Source) -> Result<T, LoadError> {
    serde_json::from_slice(json_bytes(src)?).map_err(|e| LoadError::json(&src.name, &e))
}

pub fn read_boundaries(src: &Source, explicit: Option<Crs>) -> Result<Boundaries, LoadError> {
    if let Some(split) = read_split(&src.name, json_bytes(src)?) {
        crate::timing::mark("features checked");
        let member = split.crs.as_ref().and_then(crs_from_member);
        let (checked, properties): (Vec<_>, Vec<_>) = split
            .features
            .into_iter()
            .map(|(feature, warnings, props)| ((feature, warnings), props))
            .unzip();
        let props: Vec<Option<&Map<String, Json>>> =
            properties.iter().map(Option::as_ref).collect();
        let read = assemble(&src.name, checked, &props, member, explicit);
        drop(props);
        // Freeing a national file's property maps one by one held up the
        // load on one core; nothing needs to wait for it.
        rayon::spawn(move || drop(properties));
        return read;
    }
    read_one_pass(src, explicit)
}

/// The whole collection parsed before any feature is checked: the reading
/// whose errors (with line and column) and warnings are the reference.
fn read_one_pass(src: &Source, explicit: Option<Crs>) -> Result<Boundaries, LoadError> {
    let raw: RawCollection = parse_collection(src)?;
    crate::timing::mark("geojson parsed");
    let kind = raw.kind.clone().unwrap_or_else(|| "none".into());
    let Some(features) = raw.features else {
        return Err(LoadError::NotFeatureCollection {
            file: src.name.clone(),
            found: kind,
        });
    };
    if kind != "FeatureCollection" {
        return Err(LoadError::NotFeatureCollection {
            file: src.name.clone(),
            found: kind,
        });
    }
    let member = raw.crs.as_ref().and_then(crs_from_member);
    from_features(&src.name, &features, member, explicit)
}

/// Boundaries from parsed features, whatever file they came from (GeoJSON
/// or a GeoPackage layer), so every format gets the same checks, repairs,
/// CRS decision and property figures.
pub(crate) fn from_features(
    file: &str,
    features: &[RawFeature],
    member: Option<Result<Crs, String>>,
    explicit: Option<Crs>,
) -> Result<Boundaries, LoadError> {
    // Features are checked and repaired on every core; their warnings and
    // the first error come out in file order as before.
    let checked: Vec<(Result<BoundaryFeature, LoadError>, Vec<Issue>)> = features
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            let mut w = Vec::new();
            (boundary_feature(file, i, f, f.geometry.clone(), &mut w), w)
        })
        .collect();
    crate::timing::mark("features checked");
    let props: Vec<Option<&Map<String, Json>>> =
        features.iter().map(|f| f.properties.as_ref()).collect();
    assemble(file, checked, &props, member, explicit)
}

/// The checked features (with each one's properties) in file order as one
/// set of boundaries: the first error, all warnings, the CRS and figures.
fn assemble(
    file: &str,
    checked: Vec<(Result<BoundaryFeature, LoadError>, Vec<Issue>)>,
    props: &[Option<&Map<String, Json>>],
    member: Option<Result<Crs, String>>,
    explicit: Option<Crs>,
) -> Result<Boundaries, LoadError> {
    let file = file.to_string();
    let mut warnings = Vec::new();
    let mut out = Vec::with_capacity(checked.len());
    // Every vertex is visited for the extent: on every core, one extent
    // per feature, combined in file order below.
    let extents: Vec<Extent> = checked
        .par_iter()
        .map(|(f, _)| {
            let mut e = Extent::empty();
            if let Some(g) = f.as_ref().ok().and_then(|f| f.geometry.as_ref()) {
                add_to_extent(&mut e, g);
            }
            e
        })
        .collect();
    let mut extent = Extent::empty();
    let mut prop_rows: Vec<(usize, &Map<String, Json>)> = Vec::new();
    for (((feature, w), p), e) in checked.into_iter().zip(props).zip(&extents) {
        warnings.extend(w);
        let feature = feature?;
        extent.merge(e);
        if let Some(p) = p {
            prop_rows.push((out.len(), p));
        }
        out.push(feature);
    }
    let crs = decide(explicit, member, &extent).map_err(|message| LoadError::Crs {
        file: file.clone(),
        message,
    })?;
    if crs.crs == Crs::Wgs84 {
        project_all(&file, &mut out)?;
    }
    let properties = property_indicators(&file, &out, &prop_rows);
    Ok(Boundaries {
        file,
        format: "GeoJSON".into(),
        features: out,
        crs,
        properties,
        warnings,
    })
}

/// Every vertex counts: the extent decides the CRS when the file does not
/// name one.
fn add_to_extent(extent: &mut Extent, g: &MultiPolygon<f64>) {
    for p in &g.0 {
        for c in p
            .exterior()
            .0
            .iter()
            .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
        {
            extent.add(c.x, c.y);
        }
    }
}

fn project_all(file: &str, features: &mut [BoundaryFeature]) -> Result<(), LoadError> {
    let proj = Projector::new().map_err(|message| LoadError::Crs {
        file: file.to_string(),
        message: Said::same(message),
    })?;
    // Projected on every core (a national WGS84 file took longer to project
    // than to read); the first failure in file order is the one reported.
    let outcomes: Vec<Result<(), LoadError>> = features
        .par_iter_mut()
        .map(|f| match f.geometry.as_mut() {
            Some(g) => project_in_place(&proj, g).map_err(|message| LoadError::Crs {
                file: file.to_string(),
                message: said!(
                    "object {} ({}): {message}",
                    "feature {} ({}): {message}",
                    f.index,
                    f.code
                ),
            }),
            None => Ok(()),
        })
        .collect();
    outcomes.into_iter().collect()
}

/// The real boundary files in ../shared/real with their bytes, for tests
/// that compare two ways of reading them. `None` (and a note) when one is
/// missing; under CI=true a missing file fails the test instead.
#[cfg(test)]
fn real_boundary_files() -> Option<Vec<(&'static str, Vec<u8>)>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real");
    let mut files = Vec::new();
    for name in [
        "buurten_amsterdam_2019.geojson",
        "buurten_goirle_2024_rd.geojson",
        "buurten_hvb_2024.geojson",
        "gemeenten_hvb_2024.geojson",
    ] {
        let path = dir.join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            let ci = std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1");
            assert!(
                !ci,
                "{} is missing and CI=true requires every test to run",
                path.display()
            );
            eprintln!("SKIPPED: {} is missing", path.display());
            return None;
        };
        files.push((name, bytes));
    }
    Some(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::{Missing, Value};

    fn src(text: &str) -> Source {
        Source::from_bytes("b.geojson", text.as_bytes().to_vec())
    }

    const SQUARE: &str = "[[[4.90,51.50],[4.91,51.50],[4.91,51.51],[4.90,51.51],[4.90,51.50]]]";

    #[test]
    fn empty_and_null_geometries_are_kept_and_reported() {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[
            {{"type":"Feature","geometry":{{"type":"Polygon","coordinates":{SQUARE}}},"properties":{{"statcode":"BU07840101","statnaam":"A"}}}},
            {{"type":"Feature","geometry":{{"type":"MultiPolygon","coordinates":[]}},"properties":{{"statcode":"BU08553206","statnaam":"B"}}}},
            {{"type":"Feature","geometry":null,"properties":{{"statcode":"BU08240703"}}}}]}}"#
        );
        let b = read_boundaries(&src(&text), None).unwrap();
        assert_eq!(b.features.len(), 3);
        assert_eq!(b.crs.crs, Crs::Wgs84);
        assert!(b.features[0].geometry.is_some());
        assert!(b.features[1].geometry.is_none() && b.features[2].geometry.is_none());
        assert_eq!(b.warnings.len(), 2);
        // Projected to RD metres.
        let x = b.features[0].geometry.as_ref().unwrap().0[0].exterior().0[0].x;
        assert!((119_000.0..123_000.0).contains(&x), "{x}");
    }

    #[test]
    fn unclosed_ring_is_closed_with_a_warning_and_lines_are_rejected() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[4.90,51.50],[4.91,51.50],[4.91,51.51],[4.90,51.51]]]},"properties":{"buurtcode":"BU00010001"}},
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[4.90,51.50],[4.91,51.50]]},"properties":{"buurtcode":"BU00010002"}}]}"#;
        let b = read_boundaries(&src(text), None).unwrap();
        assert!(b.features[0].geometry.is_some());
        assert!(b.features[1].geometry.is_none());
        let msgs: Vec<String> = b.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            msgs[0].contains("feature 0 (BU00010001)") && msgs[0].contains("not closed"),
            "{msgs:?}"
        );
        assert!(msgs[1].contains("LineString"), "{msgs:?}");
    }

    #[test]
    fn truncated_json_names_line_and_column() {
        let e = read_boundaries(
            &src("{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":"),
            None,
        )
        .err()
        .unwrap()
        .to_string();
        assert!(e.starts_with("b.geojson: invalid JSON at line 2"), "{e}");
    }

    #[test]
    fn missing_code_lists_the_properties() {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","geometry":{{"type":"Polygon","coordinates":{SQUARE}}},"properties":{{"naam":"x","foo":1}}}}]}}"#
        );
        let e = read_boundaries(&src(&text), None)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("feature 0") && e.contains("foo, naam"), "{e}");
    }

    #[test]
    fn sentinel_properties_become_missing_with_reason() {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[
            {{"type":"Feature","geometry":{{"type":"Polygon","coordinates":{SQUARE}}},"properties":{{"buurtcode":"BU00010001","aantal_inwoners":1200,"percentage_huishoudens_met_laag_inkomen":-99997,"water":"NEE"}}}},
            {{"type":"Feature","geometry":{{"type":"Polygon","coordinates":{SQUARE}}},"properties":{{"buurtcode":"BU00010002","aantal_inwoners":-99995,"percentage_huishoudens_met_laag_inkomen":12.5,"water":"JA"}}}}]}}"#
        );
        let b = read_boundaries(&src(&text), None).unwrap();
        let t = b.properties.unwrap();
        assert_eq!(t.indicators.len(), 2);
        assert_eq!(
            t.indicators[0].values,
            vec![Value::Num(1200.0), Value::Missing(Missing::NotYetPublished)]
        );
        assert_eq!(t.indicators[1].values[0], Value::Missing(Missing::Secret));
        assert_eq!(b.features[1].water, Some(true));
    }
}
