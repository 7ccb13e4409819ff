//! Schools as GeoJSON point features.

use super::{
    counted_kinds, is_primary, kind_key, no_kind_column, place_points, Location, RawSchool,
    SchoolFile, SchoolOptions,
};
use crate::domain::report::Issue;
use crate::io::boundaries::parse_collection;
use crate::io::crs::{crs_from_member, decide, Extent};
use crate::io::error::LoadError;
use crate::io::source::Source;
use geo::Coord;
use serde::Deserialize;
use serde_json::{Map, Value as Json};

const NAME_KEYS: &[&str] = &[
    "naam",
    "vestigingsnaam",
    "instellingsnaam",
    "name",
    "schoolnaam",
];
const PLACE_KEYS: &[&str] = &[
    "plaats",
    "plaatsnaam",
    "gemeente",
    "gemeentenaam",
    "woonplaats",
];

#[derive(Deserialize)]
struct RawCollection {
    #[serde(default)]
    crs: Option<Json>,
    #[serde(default)]
    features: Option<Vec<RawFeature>>,
}

#[derive(Deserialize)]
struct RawFeature {
    #[serde(default)]
    geometry: Option<geojson::Geometry>,
    #[serde(default)]
    properties: Option<Map<String, Json>>,
}

fn text_prop(p: Option<&Map<String, Json>>, keys: &[&str]) -> String {
    p.and_then(|p| keys.iter().find_map(|k| p.get(*k)))
        .map(|v| match v {
            Json::String(s) => s.trim().to_string(),
            Json::Null => String::new(),
            other => other.to_string(),
        })
        .unwrap_or_default()
}

pub(super) fn read_geojson(src: &Source, opts: &SchoolOptions) -> Result<SchoolFile, LoadError> {
    let raw: RawCollection = parse_collection(src)?;
    let Some(features) = raw.features else {
        return Err(LoadError::NotFeatureCollection {
            file: src.name.clone(),
            found: "no features".into(),
        });
    };
    let file = src.name.clone();
    let mut warnings = Vec::new();
    let kind_col = kind_key(
        features
            .iter()
            .filter_map(|f| f.properties.as_ref())
            .flat_map(|p| p.keys().map(String::as_str)),
        opts,
    );
    let mut pending: Vec<(RawSchool, Coord<f64>)> = Vec::with_capacity(features.len());
    let mut extent = Extent::empty();
    for (i, f) in features.iter().enumerate() {
        let p = f.properties.as_ref();
        let name = text_prop(p, NAME_KEYS);
        let kind = kind_col
            .as_deref()
            .map(|k| text_prop(p, &[k]))
            .unwrap_or_default();
        let primary = kind_col.is_none() || is_primary(&kind, opts);
        let coord = match f.geometry.as_ref().map(|g| &g.value) {
            Some(geojson::GeometryValue::Point { coordinates }) => {
                let c = coordinates.as_slice();
                match (c.first(), c.get(1)) {
                    (Some(&x), Some(&y)) if x.is_finite() && y.is_finite() => Some(Coord { x, y }),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some(coord) = coord else {
            warnings.push(Issue::feature(
                &file,
                i,
                None,
                format!("school {name:?} has no point geometry: not placed"),
            ));
            continue;
        };
        extent.add(coord.x, coord.y);
        pending.push((
            RawSchool {
                name,
                kind,
                place: text_prop(p, PLACE_KEYS),
                gemeente: text_prop(p, &["gemeente", "gemeentenaam", "GEMEENTENAAM"]),
                primary,
                location: Location::Point {
                    x: coord.x,
                    y: coord.y,
                },
                origin: format!("feature {i}"),
            },
            coord,
        ));
    }
    let member = raw.crs.as_ref().and_then(crs_from_member);
    let crs = decide(opts.crs, member, &extent).map_err(|message| LoadError::Crs {
        file: file.clone(),
        message,
    })?;
    let schools = place_points(&file, pending, &crs)?;
    if kind_col.is_none() {
        warnings.push(no_kind_column(&file, opts));
    }
    Ok(SchoolFile {
        file,
        format: "GeoJSON points".into(),
        schools,
        crs: Some(crs),
        kinds_counted: counted_kinds(kind_col.is_some(), opts),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::super::read_schools;
    use super::*;

    fn src(name: &str, text: &[u8]) -> Source {
        Source::from_bytes(name, text.to_vec())
    }

    #[test]
    fn geojson_points_with_kinds() {
        let f = read_schools(
            &src(
                "s.geojson",
                br#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[
                {"type":"Feature","properties":{"naam":"A","type":"basisschool"},"geometry":{"type":"Point","coordinates":[5.07,51.54]}},
                {"type":"Feature","properties":{"naam":"B","type":"VBO/MAVO"},"geometry":{"type":"Point","coordinates":[5.08,51.55]}},
                {"type":"Feature","properties":{"naam":"C","type":"SBAO"},"geometry":null}]}"#,
            ),
            &SchoolOptions::default(),
        )
        .unwrap();
        assert_eq!(f.schools.len(), 2);
        assert!(f.schools[0].primary && !f.schools[1].primary);
        assert_eq!(f.crs.unwrap().how, "the file's crs member");
        assert_eq!(f.warnings.len(), 1);
    }
}
