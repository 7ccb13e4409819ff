//! Schools as GeoJSON point features.

use super::geojson_lean::{self, KindKeys};
use super::{
    counted_kinds, is_primary, kind_key, no_kind_column, place_points, Location, Origin, RawSchool,
    SchoolFile, SchoolOptions,
};
use crate::domain::report::Issue;
use crate::io::boundaries::parse_collection;
use crate::io::crs::{crs_from_member, decide, Extent};
use crate::io::error::LoadError;
use crate::io::source::Source;
use crate::said;
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
const GEMEENTE_KEYS: &[&str] = &["gemeente", "gemeentenaam", "GEMEENTENAAM"];

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

/// The lean reading when it is sure, else the full one (see
/// `geojson_lean`).
pub(super) fn read_geojson(src: &Source, opts: &SchoolOptions) -> Result<SchoolFile, LoadError> {
    match read_lean(src, opts) {
        Some(read) => read,
        None => read_full(src, opts),
    }
}

pub(super) fn read_lean(
    src: &Source,
    opts: &SchoolOptions,
) -> Option<Result<SchoolFile, LoadError>> {
    let bytes: &[u8] = &src.bytes;
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut kinds = KindKeys::new(opts);
    let raw = geojson_lean::parse(bytes, &mut kinds).ok()?;
    let features = raw.features?;
    let kind_col = kind_key(
        features
            .iter()
            .filter_map(|f| f.properties.as_ref()?.kinds.as_ref())
            .flat_map(|k| k.keys().map(String::as_str)),
        opts,
    );
    let mut found = Found::new(&src.name, features.len());
    for (i, f) in features.iter().enumerate() {
        let p = f.properties.as_ref();
        let text = |keys: &[&str]| p.map(|p| p.text(keys)).unwrap_or_default();
        let kind = kind_col
            .as_deref()
            .map(|k| text_prop(p.and_then(|p| p.kinds.as_ref()), &[k]))
            .unwrap_or_default();
        let coord = f.point.and_then(|[x, y]| finite(x, y));
        found.push(
            i,
            text(NAME_KEYS),
            kind,
            coord,
            || text(PLACE_KEYS),
            || text(GEMEENTE_KEYS),
            kind_col.is_none(),
            opts,
        );
    }
    Some(found.finish(raw.crs.as_ref(), kind_col.is_some(), opts))
}

/// Every feature parsed in full: the reading whose results, warnings and
/// errors are the reference.
pub(super) fn read_full(src: &Source, opts: &SchoolOptions) -> Result<SchoolFile, LoadError> {
    let raw: RawCollection = parse_collection(src)?;
    let Some(features) = raw.features else {
        return Err(LoadError::NotFeatureCollection {
            file: src.name.clone(),
            found: "no features".into(),
        });
    };
    let kind_col = kind_key(
        features
            .iter()
            .filter_map(|f| f.properties.as_ref())
            .flat_map(|p| p.keys().map(String::as_str)),
        opts,
    );
    let mut found = Found::new(&src.name, features.len());
    for (i, f) in features.iter().enumerate() {
        let p = f.properties.as_ref();
        let kind = kind_col
            .as_deref()
            .map(|k| text_prop(p, &[k]))
            .unwrap_or_default();
        let coord = match f.geometry.as_ref().map(|g| &g.value) {
            Some(geojson::GeometryValue::Point { coordinates }) => {
                let c = coordinates.as_slice();
                match (c.first(), c.get(1)) {
                    (Some(&x), Some(&y)) => finite(x, y),
                    _ => None,
                }
            }
            _ => None,
        };
        found.push(
            i,
            text_prop(p, NAME_KEYS),
            kind,
            coord,
            || text_prop(p, PLACE_KEYS),
            || text_prop(p, GEMEENTE_KEYS),
            kind_col.is_none(),
            opts,
        );
    }
    found.finish(raw.crs.as_ref(), kind_col.is_some(), opts)
}

fn finite(x: f64, y: f64) -> Option<Coord<f64>> {
    (x.is_finite() && y.is_finite()).then_some(Coord { x, y })
}

/// The schools of a file as its features are read, before projection.
struct Found {
    file: String,
    warnings: Vec<Issue>,
    pending: Vec<(RawSchool, Coord<f64>)>,
    extent: Extent,
}

impl Found {
    fn new(file: &str, features: usize) -> Found {
        Found {
            file: file.to_string(),
            warnings: Vec::new(),
            pending: Vec::with_capacity(features),
            extent: Extent::empty(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        i: usize,
        name: String,
        kind: String,
        coord: Option<Coord<f64>>,
        place: impl FnOnce() -> String,
        gemeente: impl FnOnce() -> String,
        no_kind_column: bool,
        opts: &SchoolOptions,
    ) {
        let primary = no_kind_column || is_primary(&kind, opts);
        let Some(coord) = coord else {
            self.warnings.push(Issue::feature(
                &self.file,
                i,
                None,
                said!(
                    "school {name:?} heeft geen puntgeometrie: niet geplaatst",
                    "school {name:?} has no point geometry: not placed"
                ),
            ));
            return;
        };
        self.extent.add(coord.x, coord.y);
        self.pending.push((
            RawSchool {
                name,
                kind,
                place: place(),
                gemeente: gemeente(),
                primary,
                location: Location::Point {
                    x: coord.x,
                    y: coord.y,
                },
                origin: Origin::Feature(i),
            },
            coord,
        ));
    }

    fn finish(
        mut self,
        crs_member: Option<&Json>,
        have_kind: bool,
        opts: &SchoolOptions,
    ) -> Result<SchoolFile, LoadError> {
        let member = crs_member.and_then(crs_from_member);
        let crs = decide(opts.crs, member, &self.extent).map_err(|message| LoadError::Crs {
            file: self.file.clone(),
            message,
        })?;
        let schools = place_points(&self.file, self.pending, &crs)?;
        if !have_kind {
            self.warnings.push(no_kind_column(&self.file, opts));
        }
        Ok(SchoolFile {
            file: self.file,
            format: said!("GeoJSON-punten", "GeoJSON points"),
            schools,
            crs: Some(crs),
            kinds_counted: counted_kinds(have_kind, opts),
            warnings: self.warnings,
        })
    }
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
        let how = f.crs.unwrap().how;
        assert_eq!(how.en, "the file's crs member");
        assert_eq!(how.nl, "het crs-lid van het bestand");
        assert_eq!(f.format.en, "GeoJSON points");
        assert_eq!(f.format.nl, "GeoJSON-punten");
        assert_eq!(f.warnings.len(), 1);
    }
}
