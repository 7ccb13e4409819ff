//! School locations: GeoJSON points (DUO lists geocoded), CSV with lon/lat
//! or RD x/y columns, or CSV with a buurt-code column.

use super::boundaries::parse_collection;
use super::cell::{decide_mark, parse_cell, Cell};
use super::crs::{crs_from_member, decide, Crs, CrsDecision, Extent, Projector};
use super::error::LoadError;
use super::source::Source;
use super::table::read_rows;
use crate::domain::registry::normalise_name;
use crate::domain::report::Issue;
use crate::domain::value::Value;
use geo::Coord;
use serde::Deserialize;
use serde_json::{Map, Value as Json};

/// Which schools count: the kind column and the kinds that are primary.
#[derive(Debug, Clone)]
pub struct SchoolOptions {
    pub kind_column: String,
    pub kinds: Vec<String>,
    pub crs: Option<Crs>,
}

impl Default for SchoolOptions {
    fn default() -> Self {
        SchoolOptions {
            kind_column: "type".into(),
            // Primary = regular primary plus special primary (SBAO).
            kinds: vec!["basisschool".into(), "SBAO".into()],
            crs: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    /// RD metres, already projected.
    Point {
        x: f64,
        y: f64,
    },
    Code(String),
}

#[derive(Debug, Clone)]
pub struct RawSchool {
    pub name: String,
    pub kind: String,
    pub place: String,
    /// Gemeente name as the school list writes it (DUO: upper case).
    pub gemeente: String,
    pub primary: bool,
    pub location: Location,
    /// "line 12" / "feature 7", for messages.
    pub origin: String,
}

#[derive(Debug, Clone)]
pub struct SchoolFile {
    pub file: String,
    pub format: String,
    pub schools: Vec<RawSchool>,
    pub crs: Option<CrsDecision>,
    pub kinds_counted: Vec<String>,
    pub warnings: Vec<Issue>,
}

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
const KIND_FALLBACKS: &[&str] = &[
    "type",
    "soort",
    "onderwijstype",
    "soort_onderwijs",
    "soort onderwijs",
];
const LON_KEYS: &[&str] = &["lon", "lng", "longitude", "lengtegraad", "long"];
const LAT_KEYS: &[&str] = &["lat", "latitude", "breedtegraad"];
const X_KEYS: &[&str] = &[
    "x",
    "rd_x",
    "x_rd",
    "xcoord",
    "x_coord",
    "x-coordinaat",
    "coordinaat_x",
    "rdx",
];
const Y_KEYS: &[&str] = &[
    "y",
    "rd_y",
    "y_rd",
    "ycoord",
    "y_coord",
    "y-coordinaat",
    "coordinaat_y",
    "rdy",
];
const CODE_KEYS: &[&str] = &[
    "buurtcode",
    "bu_code",
    "buurt",
    "buurt2022",
    "buurt2023",
    "buurt2024",
    "buurt2025",
    "gwb_code",
    "statcode",
];

fn is_primary(kind: &str, opts: &SchoolOptions) -> bool {
    opts.kinds
        .iter()
        .any(|k| k.trim().eq_ignore_ascii_case(kind.trim()))
}

/// `08551001` (CBS postcode table) -> `BU08551001`.
fn buurt_code(raw: &str) -> Option<String> {
    let t = raw.trim().to_ascii_uppercase();
    if t.is_empty() {
        return None;
    }
    if t.starts_with("BU") {
        Some(t)
    } else if t.len() == 8 && t.chars().all(|c| c.is_ascii_alphanumeric()) {
        Some(format!("BU{t}"))
    } else {
        None
    }
}

pub fn read_schools(src: &Source, opts: &SchoolOptions) -> Result<SchoolFile, LoadError> {
    if src.looks_like_json() {
        read_geojson(src, opts)
    } else {
        read_csv(src, opts)
    }
}

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

fn kind_key<'a>(
    available: impl Iterator<Item = &'a str> + Clone,
    opts: &SchoolOptions,
) -> Option<String> {
    let wanted = opts.kind_column.trim();
    if let Some(k) = available
        .clone()
        .find(|k| k.trim().eq_ignore_ascii_case(wanted))
    {
        return Some(k.to_string());
    }
    available
        .clone()
        .find(|k| KIND_FALLBACKS.contains(&normalise_name(k).as_str()))
        .map(str::to_string)
}

fn read_geojson(src: &Source, opts: &SchoolOptions) -> Result<SchoolFile, LoadError> {
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
        warnings.push(Issue::file(
            &file,
            format!(
                "no kind column {:?}: every school counted as primary",
                opts.kind_column
            ),
        ));
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

fn counted_kinds(have_kind: bool, opts: &SchoolOptions) -> Vec<String> {
    if have_kind {
        opts.kinds.clone()
    } else {
        vec!["all (no kind column)".into()]
    }
}

fn place_points(
    file: &str,
    pending: Vec<(RawSchool, Coord<f64>)>,
    crs: &CrsDecision,
) -> Result<Vec<RawSchool>, LoadError> {
    let mut coords: Vec<Coord<f64>> = pending.iter().map(|(_, c)| *c).collect();
    if crs.crs == Crs::Wgs84 {
        let proj = Projector::new().map_err(|message| LoadError::Crs {
            file: file.to_string(),
            message,
        })?;
        proj.wgs84_to_rd(&mut coords)
            .map_err(|message| LoadError::Crs {
                file: file.to_string(),
                message,
            })?;
    }
    Ok(pending
        .into_iter()
        .zip(coords)
        .map(|((mut s, _), c)| {
            s.location = Location::Point { x: c.x, y: c.y };
            s
        })
        .collect())
}

fn find_col(header: &[String], keys: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| keys.contains(&normalise_name(h).as_str()))
}

fn read_csv(src: &Source, opts: &SchoolOptions) -> Result<SchoolFile, LoadError> {
    let (rows, encoding_note) = read_rows(src)?;
    let file = src.name.clone();
    let mut warnings = Vec::new();
    if let Some(n) = encoding_note {
        warnings.push(Issue::file(&file, n));
    }
    let Some((h, rest)) = rows.split_first() else {
        return Err(LoadError::Empty { file });
    };
    let header: Vec<String> = h.fields.iter().map(|f| f.trim().to_string()).collect();
    let lon = find_col(&header, LON_KEYS);
    let lat = find_col(&header, LAT_KEYS);
    let x = find_col(&header, X_KEYS);
    let y = find_col(&header, Y_KEYS);
    let code = find_col(&header, CODE_KEYS);
    let name_col = find_col(
        &header,
        &[
            "vestigingsnaam",
            "naam",
            "name",
            "instellingsnaam",
            "schoolnaam",
        ],
    );
    let place_col = find_col(
        &header,
        &["plaatsnaam", "plaats", "gemeentenaam", "gemeente"],
    );
    let gemeente_col = find_col(&header, &["gemeentenaam", "gemeente"]);
    let kind_col = kind_key(header.iter().map(String::as_str), opts)
        .and_then(|k| header.iter().position(|h| *h == k));
    let coord_cols = match (lon, lat, x, y) {
        (Some(a), Some(b), _, _) => Some((a, b, Some(Crs::Wgs84))),
        (_, _, Some(a), Some(b)) => Some((a, b, None)),
        _ => None,
    };
    if coord_cols.is_none() && code.is_none() {
        return Err(LoadError::Format {
            file,
            message: format!(
                "no coordinate columns (lon/lat or x/y) and no buurt-code column (buurtcode, Buurt2023, ...); columns are: {}. \
                 Geocode the DUO list first or add a buurt code per school.",
                header.join(", ")
            ),
        });
    }
    let field = |r: &super::table::Row, c: Option<usize>| -> String {
        c.and_then(|c| r.fields.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let data: Vec<&super::table::Row> = rest
        .iter()
        .filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()))
        .collect();
    let mut pending = Vec::new();
    let mut coded = Vec::new();
    let mut extent = Extent::empty();
    let marks = coord_cols.map(|(a, b, _)| {
        (
            decide_mark(
                data.iter()
                    .map(|r| r.fields.get(a).map(String::as_str).unwrap_or("")),
            ),
            decide_mark(
                data.iter()
                    .map(|r| r.fields.get(b).map(String::as_str).unwrap_or("")),
            ),
        )
    });
    for r in &data {
        let name = field(r, name_col);
        let kind = field(r, kind_col);
        let school = RawSchool {
            primary: kind_col.is_none() || is_primary(&kind, opts),
            name,
            kind,
            place: field(r, place_col),
            gemeente: field(r, gemeente_col),
            location: Location::Code(String::new()),
            origin: format!("line {}", r.line),
        };
        if let (Some((a, b, _)), Some((ma, mb))) = (coord_cols, marks) {
            let num = |c: usize, m| match parse_cell(
                r.fields.get(c).map(String::as_str).unwrap_or(""),
                m,
            ) {
                Cell::Value(Value::Num(v)) => Some(v),
                _ => None,
            };
            if let (Some(cx), Some(cy)) = (num(a, ma), num(b, mb)) {
                extent.add(cx, cy);
                pending.push((school, Coord { x: cx, y: cy }));
                continue;
            }
        }
        match code
            .and_then(|c| r.fields.get(c))
            .and_then(|c| buurt_code(c))
        {
            Some(c) => coded.push(RawSchool {
                location: Location::Code(c),
                ..school
            }),
            None => warnings.push(Issue::line(
                &file,
                r.line,
                format!(
                    "school {:?} has no usable coordinates or buurt code: not placed",
                    school.name
                ),
            )),
        }
    }
    let mut crs = None;
    let mut schools = Vec::new();
    if !pending.is_empty() {
        let explicit = opts.crs.or(coord_cols.and_then(|c| c.2));
        let d = decide(explicit, None, &extent).map_err(|message| LoadError::Crs {
            file: file.clone(),
            message,
        })?;
        schools = place_points(&file, pending, &d)?;
        crs = Some(d);
    }
    schools.extend(coded);
    if kind_col.is_none() {
        warnings.push(Issue::file(
            &file,
            format!(
                "no kind column {:?}: every school counted as primary",
                opts.kind_column
            ),
        ));
    }
    let format = if coord_cols.is_some() {
        "CSV with coordinates"
    } else {
        "CSV with buurt codes"
    };
    Ok(SchoolFile {
        file,
        format: format.into(),
        schools,
        crs,
        kinds_counted: counted_kinds(kind_col.is_some(), opts),
        warnings,
    })
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn cp1252_csv_with_rd_coordinates_and_decimal_comma() {
        let f = read_schools(
            &src(
                "s.csv",
                b"VESTIGINGSNAAM;x;y\r\nDe Kr\xe9ke;133000,5;392000\r\nZonder;;\r\n",
            ),
            &SchoolOptions::default(),
        )
        .unwrap();
        assert_eq!(f.schools.len(), 1);
        assert_eq!(f.schools[0].name, "De Kr\u{e9}ke");
        assert_eq!(
            f.schools[0].location,
            Location::Point {
                x: 133000.5,
                y: 392000.0
            }
        );
        let msgs: Vec<String> = f.warnings.iter().map(|w| w.to_string()).collect();
        assert!(msgs.iter().any(|m| m.contains("Windows-1252")), "{msgs:?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("line 3") && m.contains("Zonder")),
            "{msgs:?}"
        );
    }

    #[test]
    fn buurt_code_column_without_prefix() {
        let f = read_schools(
            &src("s.csv", b"naam,Buurt2023\nA,08551001\n"),
            &SchoolOptions::default(),
        )
        .unwrap();
        assert_eq!(f.schools[0].location, Location::Code("BU08551001".into()));
    }

    #[test]
    fn duo_list_without_coordinates_is_a_clear_error() {
        let e = read_schools(
            &src(
                "duo.csv",
                b"INSTELLINGSCODE;VESTIGINGSNAAM;POSTCODE\n00AA;De Wereld;1017 RV\n",
            ),
            &SchoolOptions::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("duo.csv") && e.contains("no coordinate columns") && e.contains("POSTCODE"),
            "{e}"
        );
    }
}
