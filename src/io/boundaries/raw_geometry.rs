//! A GeoJSON geometry read as far as boundaries need it. A national
//! boundary file holds millions of positions; reading each as its own
//! `Vec<f64>` (as a general GeoJSON model does) made allocation the largest
//! cost of loading. Here a position is two numbers in place, and only the
//! nesting of rings and polygons allocates. A ring whose positions all have
//! two numbers is read straight into the coordinates the shape keeps.

use super::strict;
use geo::Coord;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// One entry of a `coordinates` array: a position or a further array.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Nested {
    /// A position with at least two numbers (a third, height, is ignored).
    Xy(f64, f64),
    /// A position with fewer than two numbers: kept for the warning.
    Short(Vec<f64>),
    List(Vec<Nested>),
    /// A non-empty array of positions that all have two numbers or more:
    /// their first two, ready to become a ring without a copy.
    Ring(Vec<Coord<f64>>),
    /// A bare number: only while reading, folded into its position.
    Num(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawGeometry {
    /// Rings of positions.
    Polygon(Vec<Nested>),
    /// Polygons of rings of positions.
    MultiPolygon(Vec<Nested>),
    Collection(Vec<RawGeometry>),
    /// A valid GeoJSON type that is not an area (its name, for the warning).
    Other(&'static str),
}

const OTHER_TYPES: [&str; 4] = ["Point", "MultiPoint", "LineString", "MultiLineString"];
const ALL_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NestedVisitor)
    }
}

struct NestedVisitor;

impl<'de> Visitor<'de> for NestedVisitor {
    type Value = Nested;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a coordinates array")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Nested, E> {
        Ok(Nested::Num(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Nested, E> {
        Ok(Nested::Num(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Nested, E> {
        Ok(Nested::Num(v as f64))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Nested, A::Error> {
        let Some(first) = seq.next_element::<Nested>()? else {
            return Ok(Nested::List(Vec::new()));
        };
        match first {
            Nested::Num(x) => {
                // A position: numbers only.
                let mut y = None;
                while let Some(n) = seq.next_element::<Nested>()? {
                    match n {
                        Nested::Num(v) => {
                            if y.is_none() {
                                y = Some(v);
                            }
                        }
                        _ => return Err(de::Error::custom("a position holds numbers only")),
                    }
                }
                Ok(match y {
                    Some(y) => Nested::Xy(x, y),
                    None => Nested::Short(vec![x]),
                })
            }
            Nested::Xy(x, y) => positions(seq, Coord { x, y }),
            first => rest_of_list(seq, vec![first]),
        }
    }
}

/// An array that began with a full position: kept as coordinates until an
/// entry says otherwise, then read on as a general list. Either way the same
/// entries are accepted and refused as by [`rest_of_list`].
fn positions<'de, A: SeqAccess<'de>>(mut seq: A, first: Coord<f64>) -> Result<Nested, A::Error> {
    let mut coords = vec![first];
    while let Some(n) = seq.next_element::<Nested>()? {
        match n {
            Nested::Xy(x, y) => coords.push(Coord { x, y }),
            Nested::Num(_) => return Err(bare_number()),
            other => {
                let mut items: Vec<Nested> = coords.iter().map(|c| Nested::Xy(c.x, c.y)).collect();
                items.push(other);
                return rest_of_list(seq, items);
            }
        }
    }
    Ok(Nested::Ring(coords))
}

fn rest_of_list<'de, A: SeqAccess<'de>>(
    mut seq: A,
    mut items: Vec<Nested>,
) -> Result<Nested, A::Error> {
    while let Some(n) = seq.next_element::<Nested>()? {
        if matches!(n, Nested::Num(_)) {
            return Err(bare_number());
        }
        items.push(n);
    }
    Ok(Nested::List(items))
}

fn bare_number<E: de::Error>() -> E {
    E::custom("an array of positions holds a bare number")
}

impl<'de> Deserialize<'de> for RawGeometry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(GeometryVisitor { strict: None })
    }
}

pub(super) struct GeometryVisitor {
    /// For the split read (see `strict`): how many more collections may
    /// nest inside this geometry.
    pub(super) strict: Option<u8>,
}

impl<'de> Visitor<'de> for GeometryVisitor {
    type Value = RawGeometry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON geometry object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawGeometry, A::Error> {
        let mut kind: Option<String> = None;
        let mut coordinates: Option<Nested> = None;
        let mut geometries: Option<Vec<RawGeometry>> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match (key.as_ref(), self.strict) {
                ("type", _) => kind = Some(map.next_value()?),
                ("coordinates", Some(_)) => {
                    coordinates = Some(strict::coordinates(&mut map, kind.as_deref())?)
                }
                ("coordinates", None) => coordinates = Some(map.next_value()?),
                ("geometries", Some(left)) => {
                    geometries = Some(strict::geometries(&mut map, left)?)
                }
                ("geometries", None) => geometries = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        finish(kind, coordinates, geometries, self.strict.is_some())
    }
}

/// The geometry its members make: `strict` for the split read (see
/// `strict`), which also bounds the depth of coordinates it does not read.
pub(super) fn finish<E: de::Error>(
    kind: Option<String>,
    coordinates: Option<Nested>,
    geometries: Option<Vec<RawGeometry>>,
    strict: bool,
) -> Result<RawGeometry, E> {
    let kind = kind.ok_or_else(|| de::Error::missing_field("type"))?;
    if kind == "GeometryCollection" {
        let g = geometries.ok_or_else(|| de::Error::missing_field("geometries"))?;
        return Ok(RawGeometry::Collection(g));
    }
    if let Some(name) = OTHER_TYPES.iter().find(|t| **t == kind) {
        if strict {
            strict::shallow(coordinates.as_ref())?;
        }
        return Ok(RawGeometry::Other(name));
    }
    let depth = match kind.as_str() {
        "Polygon" => 2,
        "MultiPolygon" => 3,
        _ => return Err(de::Error::unknown_variant(&kind, &ALL_TYPES)),
    };
    let coords = coordinates.ok_or_else(|| de::Error::missing_field("coordinates"))?;
    let items = match coords {
        Nested::List(items) => items,
        // Positions where arrays of rings belong: too shallow, below.
        Nested::Ring(coords) => coords.iter().map(|c| Nested::Xy(c.x, c.y)).collect(),
        // A bare number or a position where arrays of rings belong.
        Nested::Xy(..) | Nested::Short(_) | Nested::Num(_) => {
            return Err(de::Error::custom(format!(
                "the coordinates of a {kind} are not an array of arrays"
            )))
        }
    };
    if !items.iter().all(|n| nested_depth_ok(n, depth - 1)) {
        return Err(de::Error::custom(format!(
            "the coordinates of a {kind} are not nested {} deep",
            depth + 1
        )));
    }
    Ok(if depth == 2 {
        RawGeometry::Polygon(items)
    } else {
        RawGeometry::MultiPolygon(items)
    })
}

/// `depth` further levels of arrays above the positions.
fn nested_depth_ok(n: &Nested, depth: usize) -> bool {
    match n {
        Nested::List(items) if depth > 0 => items.iter().all(|i| nested_depth_ok(i, depth - 1)),
        // An empty array stands for an empty position list or an empty position.
        Nested::List(items) => items.is_empty(),
        Nested::Ring(_) => depth == 1,
        Nested::Xy(..) | Nested::Short(_) => depth == 0,
        Nested::Num(_) => false,
    }
}

impl From<&geojson::GeometryValue> for RawGeometry {
    fn from(v: &geojson::GeometryValue) -> RawGeometry {
        use geojson::GeometryValue as G;
        let pos = |p: &geojson::Position| match p.as_slice() {
            [x, y, ..] => Nested::Xy(*x, *y),
            short => Nested::Short(short.to_vec()),
        };
        // The shape the reader gives the same positions.
        let ring = |r: &Vec<geojson::Position>| {
            let full: Option<Vec<Coord<f64>>> = r
                .iter()
                .map(|p| match p.as_slice() {
                    [x, y, ..] => Some(Coord { x: *x, y: *y }),
                    _ => None,
                })
                .collect();
            match full {
                Some(coords) if !coords.is_empty() => Nested::Ring(coords),
                _ => Nested::List(r.iter().map(pos).collect()),
            }
        };
        let poly = |p: &Vec<Vec<geojson::Position>>| Nested::List(p.iter().map(ring).collect());
        match v {
            G::Polygon { coordinates } => {
                RawGeometry::Polygon(coordinates.iter().map(ring).collect())
            }
            G::MultiPolygon { coordinates } => {
                RawGeometry::MultiPolygon(coordinates.iter().map(poly).collect())
            }
            G::GeometryCollection { geometries } => RawGeometry::Collection(
                geometries
                    .iter()
                    .map(|g| RawGeometry::from(&g.value))
                    .collect(),
            ),
            G::Point { .. } => RawGeometry::Other("Point"),
            G::MultiPoint { .. } => RawGeometry::Other("MultiPoint"),
            G::LineString { .. } => RawGeometry::Other("LineString"),
            G::MultiLineString { .. } => RawGeometry::Other("MultiLineString"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Result<RawGeometry, serde_json::Error> {
        serde_json::from_str(s)
    }

    #[test]
    fn polygons_keep_two_numbers_per_position_and_short_ones_for_the_warning() {
        let g = read(r#"{"coordinates":[[[1,2,3],[4.5,6],[7]]],"type":"Polygon"}"#).unwrap();
        assert_eq!(
            g,
            RawGeometry::Polygon(vec![Nested::List(vec![
                Nested::Xy(1.0, 2.0),
                Nested::Xy(4.5, 6.0),
                Nested::Short(vec![7.0]),
            ])])
        );
        let m = read(r#"{"type":"MultiPolygon","coordinates":[]}"#).unwrap();
        assert_eq!(m, RawGeometry::MultiPolygon(vec![]));
    }

    #[test]
    fn other_types_are_named_and_wrong_nesting_or_types_are_errors() {
        let p = read(r#"{"type":"LineString","coordinates":[[1,2],[3,4]]}"#).unwrap();
        assert_eq!(p, RawGeometry::Other("LineString"));
        let e = read(r#"{"type":"Polygon","coordinates":[[1,2],[3,4]]}"#).unwrap_err();
        assert!(e.to_string().contains("nested 3 deep"), "{e}");
        let e = read(r#"{"type":"Blob","coordinates":[]}"#).unwrap_err();
        assert!(e.to_string().contains("Blob"), "{e}");
        let e = read(r#"{"type":"Polygon","coordinates":[[[1,[2]]]]}"#).unwrap_err();
        assert!(e.to_string().contains("numbers only"), "{e}");
        let one = read(r#"{"type":"Polygon","coordinates":[[[7],[8]]]}"#).unwrap();
        assert_eq!(
            one,
            RawGeometry::Polygon(vec![Nested::List(vec![
                Nested::Short(vec![7.0]),
                Nested::Short(vec![8.0])
            ])])
        );
        let e = read(r#"{"type":"Polygon","coordinates":[[[1,2],3]]}"#).unwrap_err();
        assert!(e.to_string().contains("bare number"), "{e}");
        let e = read(r#"{"type":"Polygon","coordinates":[[[1,[2]]]]}"#).unwrap_err();
        assert!(e.to_string().contains("numbers only"), "{e}");
    }

    #[test]
    fn the_general_model_converts_to_the_same_shape() {
        let text = r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}"#;
        let general: geojson::Geometry = serde_json::from_str(text).unwrap();
        assert_eq!(RawGeometry::from(&general.value), read(text).unwrap());
    }
}
