//! Buurt boundaries from GeoJSON: CBS wijk- en buurtkaart, the generalised
//! PDOK/cartomap files and older exports, in WGS84 or Rijksdriehoek.

use super::cell::{parse_cell, Cell, DecimalMark};
use super::crs::{crs_from_member, decide, Crs, CrsDecision, Extent, Projector};
use super::error::LoadError;
use super::indicators::is_descriptor;
use super::source::Source;
use crate::domain::dataset::{BoundaryFeature, IndicatorTable, RawIndicator, RegionRow};
use crate::domain::report::Issue;
use crate::domain::value::{Missing, Value};
use geo::line_intersection::{line_intersection, LineIntersection};
use geo::{Coord, Line, LineString, MultiPolygon, Polygon};
use serde::Deserialize;
use serde_json::{Map, Value as Json};

const CODE_KEYS: &[&str] = &[
    "buurtcode",
    "statcode",
    "BU_CODE",
    "bu_code",
    "BUURTCODE",
    "gwb_code",
    "CBS_CODE",
    "code",
];
const NAME_KEYS: &[&str] = &[
    "buurtnaam",
    "statnaam",
    "BU_NAAM",
    "bu_naam",
    "BUURTNAAM",
    "regio",
    "naam",
    "name",
];
const GM_CODE_KEYS: &[&str] = &[
    "gemeentecode",
    "GM_CODE",
    "gm_code",
    "gmCode",
    "GEMEENTECODE",
];
const GM_NAME_KEYS: &[&str] = &["gemeentenaam", "GM_NAAM", "gm_naam", "GEMEENTENAAM"];
const WK_CODE_KEYS: &[&str] = &["wijkcode", "WK_CODE", "wk_code", "WIJKCODE"];
const WATER_KEYS: &[&str] = &["water", "WATER"];
/// Properties that are identifiers or geometry bookkeeping, not figures.
const NOT_FIGURES: &[&str] = &[
    "id",
    "fid",
    "objectid",
    "shape_area",
    "shape_length",
    "shape_leng",
    "rubriek",
    "jrstatcode",
    "ind_wbi",
    "h2o",
    "oad",
    "gmcode",
    "wijknaam",
    "wk_naam",
];

#[derive(Deserialize)]
struct RawCollection {
    #[serde(rename = "type", default)]
    kind: Option<String>,
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
    #[serde(default)]
    id: Option<Json>,
}

/// Everything a boundary file gives.
pub struct Boundaries {
    pub file: String,
    pub features: Vec<BoundaryFeature>,
    pub crs: CrsDecision,
    /// Figures attached as properties (wijk- en buurtkaart).
    pub properties: Option<IndicatorTable>,
    pub warnings: Vec<Issue>,
}

pub(crate) fn parse_collection<T: for<'de> Deserialize<'de>>(src: &Source) -> Result<T, LoadError> {
    let bytes: &[u8] = &src.bytes;
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::Empty {
            file: src.name.clone(),
        });
    }
    serde_json::from_slice(bytes).map_err(|e| LoadError::json(&src.name, &e))
}

fn str_prop<'a>(props: &'a Map<String, Json>, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| props.get(*k))
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn feature_code(f: &RawFeature) -> Option<String> {
    let from_props = f.properties.as_ref().and_then(|p| str_prop(p, CODE_KEYS));
    let from_id =
        f.id.as_ref()
            .and_then(|v| v.as_str())
            .filter(|s| super::table::looks_like_code(s));
    from_props.or(from_id).map(|c| c.to_ascii_uppercase())
}

pub fn read_boundaries(src: &Source, explicit: Option<Crs>) -> Result<Boundaries, LoadError> {
    let raw: RawCollection = parse_collection(src)?;
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
    let file = src.name.clone();
    let mut warnings = Vec::new();
    let mut out = Vec::with_capacity(features.len());
    let mut extent = Extent::empty();
    let mut prop_rows: Vec<(usize, &Map<String, Json>)> = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let Some(code) = feature_code(f) else {
            let found = f
                .properties
                .as_ref()
                .map(|p| p.keys().cloned().collect::<Vec<_>>().join(", "))
                .unwrap_or_else(|| "none".into());
            return Err(LoadError::NoCode {
                file,
                feature: i,
                looked_for: CODE_KEYS.join(", "),
                found,
            });
        };
        let props = f.properties.as_ref();
        let geometry = match &f.geometry {
            None => {
                warnings.push(Issue::feature(
                    &file,
                    i,
                    Some(&code),
                    "geometry is null: kept without a shape".into(),
                ));
                None
            }
            Some(g) => to_multipolygon(&g.value, &file, i, &code, &mut warnings),
        };
        if let Some(g) = &geometry {
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
        let water = props
            .and_then(|p| str_prop(p, WATER_KEYS))
            .map(|w| w.eq_ignore_ascii_case("JA"));
        if let Some(p) = props {
            prop_rows.push((out.len(), p));
        }
        out.push(BoundaryFeature {
            index: i,
            name: props
                .and_then(|p| str_prop(p, NAME_KEYS))
                .map(str::to_string),
            gemeente_code: props
                .and_then(|p| str_prop(p, GM_CODE_KEYS))
                .map(|s| s.to_ascii_uppercase()),
            gemeente_name: props
                .and_then(|p| str_prop(p, GM_NAME_KEYS))
                .map(str::to_string),
            wijk_code: props
                .and_then(|p| str_prop(p, WK_CODE_KEYS))
                .map(|s| s.to_ascii_uppercase()),
            water,
            geometry,
            code,
        });
    }
    let member = raw.crs.as_ref().and_then(crs_from_member);
    let crs = decide(explicit, member, &extent).map_err(|message| LoadError::Crs {
        file: file.clone(),
        message,
    })?;
    if crs.crs == Crs::Wgs84 {
        let proj = Projector::new().map_err(|message| LoadError::Crs {
            file: file.clone(),
            message,
        })?;
        for f in out.iter_mut() {
            if let Some(g) = f.geometry.as_mut() {
                project_in_place(&proj, g).map_err(|message| LoadError::Crs {
                    file: file.clone(),
                    message: format!("feature {} ({}): {message}", f.index, f.code),
                })?;
            }
        }
    }
    let properties = property_indicators(&file, &out, &prop_rows);
    Ok(Boundaries {
        file,
        features: out,
        crs,
        properties,
        warnings,
    })
}

fn project_in_place(proj: &Projector, g: &mut MultiPolygon<f64>) -> Result<(), String> {
    let mut result = Ok(());
    for p in g.0.iter_mut() {
        p.exterior_mut(|r| {
            if let Err(e) = proj.wgs84_to_rd(&mut r.0) {
                result = Err(e);
            }
        });
        p.interiors_mut(|rings| {
            for r in rings {
                if let Err(e) = proj.wgs84_to_rd(&mut r.0) {
                    result = Err(e);
                }
            }
        });
    }
    result
}

/// A ring from GeoJSON positions, closed if the file forgot to.
fn ring(
    positions: &[geojson::Position],
    what: &str,
    warn: &mut dyn FnMut(String),
) -> Option<LineString<f64>> {
    let mut coords: Vec<Coord<f64>> = Vec::with_capacity(positions.len() + 1);
    for p in positions {
        let (x, y) = (p.as_slice().first().copied(), p.as_slice().get(1).copied());
        match (x, y) {
            (Some(x), Some(y)) if x.is_finite() && y.is_finite() => coords.push(Coord { x, y }),
            _ => {
                warn(format!(
                    "{what} has a position {:?} without two finite numbers: ring dropped",
                    p.as_slice()
                ));
                return None;
            }
        }
    }
    if coords.len() >= 2 && coords.first() != coords.last() {
        warn(format!(
            "{what} is not closed (first {:?}, last {:?}): closed it",
            coords[0],
            coords[coords.len() - 1]
        ));
        coords.push(coords[0]);
    }
    if coords.len() < 4 {
        warn(format!(
            "{what} has {} positions, fewer than 4: ring dropped",
            coords.len()
        ));
        return None;
    }
    Some(LineString(coords))
}

fn polygon(
    rings: &[Vec<geojson::Position>],
    what: &str,
    warn: &mut dyn FnMut(String),
) -> Option<Polygon<f64>> {
    let (outer, inner) = rings.split_first()?;
    let exterior = ring(outer, &format!("{what} outer ring"), warn)?;
    let holes = inner
        .iter()
        .enumerate()
        .filter_map(|(k, r)| ring(r, &format!("{what} hole {k}"), warn))
        .collect();
    Some(Polygon::new(exterior, holes))
}

fn to_multipolygon(
    value: &geojson::GeometryValue,
    file: &str,
    index: usize,
    code: &str,
    warnings: &mut Vec<Issue>,
) -> Option<MultiPolygon<f64>> {
    let mut warn = |m: String| warnings.push(Issue::feature(file, index, Some(code), m));
    use geojson::GeometryValue as G;
    let polys: Vec<Polygon<f64>> = match value {
        G::Polygon { coordinates } => polygon(coordinates, "polygon", &mut warn)
            .into_iter()
            .collect(),
        G::MultiPolygon { coordinates } => coordinates
            .iter()
            .enumerate()
            .filter_map(|(k, p)| polygon(p, &format!("part {k}"), &mut warn))
            .collect(),
        G::GeometryCollection { geometries } => {
            warn("geometry is a GeometryCollection: its polygons are used".into());
            let mut v = Vec::new();
            for g in geometries {
                if let Some(mp) = to_multipolygon(&g.value, file, index, code, &mut Vec::new()) {
                    v.extend(mp.0);
                }
            }
            v
        }
        other => {
            warn(format!(
                "geometry type {} is not a Polygon or MultiPolygon: kept without a shape",
                geometry_type_name(other)
            ));
            return None;
        }
    };
    if polys.is_empty() {
        warn("geometry is empty: kept without a shape".into());
        return None;
    }
    // Self-intersecting shapes still load: area and containment may be off,
    // so the user is told which feature it is and where.
    for (k, p) in polys.iter().enumerate() {
        if let Some(at) = crossing(p) {
            warn(format!(
                "geometry is not valid: part {k} crosses itself near ({:.6}, {:.6}); kept as it is, areas and school counts may be off",
                at.x, at.y
            ));
        }
    }
    Some(MultiPolygon(polys))
}

fn geometry_type_name(v: &geojson::GeometryValue) -> &'static str {
    use geojson::GeometryValue as G;
    match v {
        G::Point { .. } => "Point",
        G::MultiPoint { .. } => "MultiPoint",
        G::LineString { .. } => "LineString",
        G::MultiLineString { .. } => "MultiLineString",
        G::Polygon { .. } => "Polygon",
        G::MultiPolygon { .. } => "MultiPolygon",
        G::GeometryCollection { .. } => "GeometryCollection",
    }
}

/// Where a polygon's rings cross themselves or each other, if they do.
/// A sweep over x keeps this near-linear for buurt shapes; geo's full
/// validation compares every pair of edges and dominated national loads.
fn crossing(p: &Polygon<f64>) -> Option<Coord<f64>> {
    struct Seg {
        ring: usize,
        idx: usize,
        len: usize,
        line: Line<f64>,
        min_x: f64,
        max_x: f64,
    }
    let mut segs: Vec<Seg> = Vec::new();
    for (ring, ls) in std::iter::once(p.exterior())
        .chain(p.interiors())
        .enumerate()
    {
        let len = ls.0.len().saturating_sub(1);
        for (idx, l) in ls.lines().enumerate() {
            if l.start == l.end {
                continue;
            }
            segs.push(Seg {
                ring,
                idx,
                len,
                min_x: l.start.x.min(l.end.x),
                max_x: l.start.x.max(l.end.x),
                line: l,
            });
        }
    }
    segs.sort_by(|a, b| a.min_x.total_cmp(&b.min_x));
    for (i, a) in segs.iter().enumerate() {
        let (ay0, ay1) = (
            a.line.start.y.min(a.line.end.y),
            a.line.start.y.max(a.line.end.y),
        );
        for b in &segs[i + 1..] {
            if b.min_x > a.max_x {
                break;
            }
            if b.line.start.y.min(b.line.end.y) > ay1 || b.line.start.y.max(b.line.end.y) < ay0 {
                continue;
            }
            let same_ring = a.ring == b.ring;
            let adjacent =
                same_ring && (a.idx.abs_diff(b.idx) == 1 || a.idx.abs_diff(b.idx) + 1 == a.len);
            match line_intersection(a.line, b.line) {
                None => {}
                // Adjacent edges meet at their shared vertex by design;
                // other edges of a ring must not meet at all, and two rings
                // of one polygon may touch at a point but not cross.
                Some(LineIntersection::SinglePoint {
                    intersection,
                    is_proper,
                }) if is_proper || (same_ring && !adjacent) => {
                    return Some(intersection);
                }
                Some(LineIntersection::SinglePoint { .. }) => {}
                // Overlapping edges: a ring folding back on itself, or two
                // rings sharing a stretch of border.
                Some(LineIntersection::Collinear { intersection }) => {
                    return Some(intersection.start);
                }
            }
        }
    }
    None
}

/// Numeric properties as indicator columns, with CBS sentinels as missing.
fn property_indicators(
    file: &str,
    features: &[BoundaryFeature],
    rows: &[(usize, &Map<String, Json>)],
) -> Option<IndicatorTable> {
    let mut keys: Vec<&String> = Vec::new();
    for (_, p) in rows {
        for (k, v) in p.iter() {
            let lower = k.to_ascii_lowercase();
            let skip = CODE_KEYS.contains(&k.as_str())
                || NAME_KEYS.contains(&k.as_str())
                || GM_CODE_KEYS.contains(&k.as_str())
                || GM_NAME_KEYS.contains(&k.as_str())
                || WK_CODE_KEYS.contains(&k.as_str())
                || WATER_KEYS.contains(&k.as_str())
                || NOT_FIGURES.contains(&lower.as_str())
                || is_descriptor(k);
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn crossings_are_found_and_valid_shapes_pass() {
        use geo::polygon;
        let bowtie =
            polygon![(x: 0.0, y: 0.0), (x: 2.0, y: 2.0), (x: 2.0, y: 0.0), (x: 0.0, y: 2.0)];
        let at = crossing(&bowtie).unwrap();
        assert!((at.x - 1.0).abs() < 1e-9 && (at.y - 1.0).abs() < 1e-9);
        let with_hole = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
            interiors: [[(x: 4.0, y: 4.0), (x: 6.0, y: 4.0), (x: 6.0, y: 6.0), (x: 4.0, y: 6.0)]],
        );
        assert_eq!(crossing(&with_hole), None);
        let hole_crossing_out = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
            interiors: [[(x: 8.0, y: 4.0), (x: 12.0, y: 4.0), (x: 12.0, y: 6.0), (x: 8.0, y: 6.0)]],
        );
        assert!(crossing(&hole_crossing_out).is_some());
        let spike =
            polygon![(x: 0.0, y: 0.0), (x: 4.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 3.0)];
        assert!(
            crossing(&spike).is_some(),
            "edge folding back over the previous one"
        );
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
