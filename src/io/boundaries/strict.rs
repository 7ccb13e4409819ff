//! Geometries as the split read takes them. When a Polygon's or
//! MultiPolygon's type comes before its coordinates (as in every CBS, PDOK
//! and GDAL file), the positions go straight into each ring's final buffer,
//! with no entry per position to build and drop.
//!
//! Anything out of the ordinary here is an error, and an error only sends
//! the whole file to the one-pass read, whose reader gives the warnings and
//! errors users know. So this may refuse what that reader takes, but what
//! it accepts must come out exactly as that reader has it (same values,
//! same `Nested` shape); the tests hold the two side by side.

use super::raw_geometry::{GeometryVisitor, Nested, RawGeometry};
use geo::Coord;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// A geometry read the strict way.
pub(super) struct StrictGeometry(pub(super) RawGeometry);

/// Collections within collections, and arrays within the coordinates of a
/// type that is not an area, up to these bounds; with the split read's
/// bound on property nesting they keep every feature far from the parser's
/// depth limit, which the one-pass read reaches two levels sooner.
const MAX_COLLECTIONS: u8 = 8;
const MAX_LEVELS: usize = 8;

impl<'de> Deserialize<'de> for StrictGeometry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(GeometryVisitor {
            strict: Some(MAX_COLLECTIONS),
        })
        .map(StrictGeometry)
    }
}

/// The `coordinates` value, read for the type if it is already known to
/// be an area.
pub(super) fn coordinates<'de, A: MapAccess<'de>>(
    map: &mut A,
    kind: Option<&str>,
) -> Result<Nested, A::Error> {
    let mut scratch = Vec::new();
    match kind {
        Some("Polygon") => map.next_value_seed(Arrays {
            levels: 2,
            scratch: &mut scratch,
        }),
        Some("MultiPolygon") => map.next_value_seed(Arrays {
            levels: 3,
            scratch: &mut scratch,
        }),
        _ => {
            let n: Nested = map.next_value()?;
            shallow(Some(&n))?;
            Ok(n)
        }
    }
}

/// The `geometries` of a collection, each read the strict way.
pub(super) fn geometries<'de, A: MapAccess<'de>>(
    map: &mut A,
    left: u8,
) -> Result<Vec<RawGeometry>, A::Error> {
    let Some(inner) = left.checked_sub(1) else {
        return Err(de::Error::custom("collections nested too deep"));
    };
    map.next_value_seed(Geometries(inner))
}

/// Coordinates of a type that is not an area are never looked at, but their
/// arrays still count towards the depth limit.
pub(super) fn shallow<E: de::Error>(coordinates: Option<&Nested>) -> Result<(), E> {
    match coordinates {
        Some(n) if levels(n) > MAX_LEVELS => Err(E::custom("coordinates nested too deep")),
        _ => Ok(()),
    }
}

fn levels(n: &Nested) -> usize {
    match n {
        Nested::List(items) => 1 + items.iter().map(levels).max().unwrap_or(0),
        Nested::Ring(_) => 2,
        Nested::Xy(..) | Nested::Short(_) => 1,
        Nested::Num(_) => 0,
    }
}

struct Geometries(u8);

impl<'de> DeserializeSeed<'de> for Geometries {
    type Value = Vec<RawGeometry>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Geometries {
    type Value = Vec<RawGeometry>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of geometries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(g) = seq.next_element_seed(OneGeometry(self.0))? {
            out.push(g);
        }
        Ok(out)
    }
}

struct OneGeometry(u8);

impl<'de> DeserializeSeed<'de> for OneGeometry {
    type Value = RawGeometry;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(GeometryVisitor {
            strict: Some(self.0),
        })
    }
}

/// `levels` nested arrays above the positions: 1 is a ring. Positions are
/// gathered in `scratch`, reused for every ring of the geometry, so each
/// ring is allocated once at its final size (and one spare place, for
/// closing it if the file did not).
struct Arrays<'s> {
    levels: u8,
    scratch: &'s mut Vec<Coord<f64>>,
}

impl<'de> DeserializeSeed<'de> for Arrays<'_> {
    type Value = Nested;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Nested, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Arrays<'_> {
    type Value = Nested;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "arrays nested {} deep", self.levels)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Nested, A::Error> {
        if self.levels <= 1 {
            self.scratch.clear();
            while let Some(c) = seq.next_element_seed(Position)? {
                self.scratch.push(c);
            }
            // An empty array is an empty list at any level, as in `Nested`.
            if self.scratch.is_empty() {
                return Ok(Nested::List(Vec::new()));
            }
            let mut ring = Vec::with_capacity(self.scratch.len() + 1);
            ring.extend_from_slice(self.scratch);
            return Ok(Nested::Ring(ring));
        }
        let mut items = Vec::new();
        while let Some(n) = seq.next_element_seed(Arrays {
            levels: self.levels - 1,
            scratch: &mut *self.scratch,
        })? {
            items.push(n);
        }
        Ok(Nested::List(items))
    }
}

/// Two numbers or more; the first two kept. Numbers become `f64` exactly as
/// in `Nested` (the parser's own value, integers converted with `as`).
struct Position;

impl<'de> DeserializeSeed<'de> for Position {
    type Value = Coord<f64>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Coord<f64>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Position {
    type Value = Coord<f64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a position of two numbers or more")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Coord<f64>, A::Error> {
        let short = || de::Error::custom("a position with fewer than two numbers");
        let x: f64 = seq.next_element()?.ok_or_else(short)?;
        let y: f64 = seq.next_element()?.ok_or_else(short)?;
        while seq.next_element::<f64>()?.is_some() {}
        Ok(Coord { x, y })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn general(s: &str) -> Result<RawGeometry, serde_json::Error> {
        serde_json::from_str(s)
    }

    fn strict(s: &str) -> Result<RawGeometry, serde_json::Error> {
        serde_json::from_str::<StrictGeometry>(s).map(|g| g.0)
    }

    #[test]
    fn what_the_strict_read_takes_it_reads_as_the_general_reader() {
        let taken = [
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0.25,0.25,9],[0.5,0.25],[0.5,0.5],[0.25,0.25]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[-0,-1.5e-3],[1E2,0.1],[12345678901234567890,1],[-9223372036854775809,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[0.1e400]]}"#,
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[]}"#,
            r#"{"type":"Polygon","coordinates":[[],[[1,2],[3,4]]]}"#,
            r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[],[[]]]}"#,
            r#"{"coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"type":"Polygon"}"#,
            r#"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#,
            r#"{"type":"Point"}"#,
            r#"{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},{"type":"GeometryCollection","geometries":[]}]}"#,
        ];
        for s in taken {
            let g = general(s);
            let st = strict(s);
            if s.contains("e400") {
                // Out of range for both: an error either way.
                assert!(g.is_err() && st.is_err(), "{s}");
                continue;
            }
            assert_eq!(st.unwrap(), g.unwrap(), "{s}");
        }
        // Full positions become rings, not lists of positions.
        let Ok(RawGeometry::Polygon(rings)) = strict(taken[3]) else {
            panic!("not a polygon");
        };
        assert!(matches!(&rings[0], Nested::Ring(c) if c.len() == 4 && c.capacity() == 5));
    }

    #[test]
    fn the_unusual_is_refused_or_read_alike() {
        let odd = [
            r#"{"type":"Polygon","coordinates":[[[1],[0,0],[1,0],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,2],3]]}"#,
            r#"{"type":"Polygon","coordinates":[[1,2],[3,4]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,[2]]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,2,null]]]}"#,
            r#"{"type":"MultiPolygon","coordinates":[[[0,0],[1,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"type":"MultiPolygon"}"#,
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"type":"LineString"}"#,
            r#"{"type":"Point","coordinates":[[[[[[[[[[1]]]]]]]]]]}"#,
            r#"{"type":"Polygon","coordinates":7}"#,
            r#"{"type":"Blob","coordinates":[]}"#,
        ];
        let mut refused = 0;
        for s in odd {
            match strict(s) {
                Ok(g) => assert_eq!(Ok(g), general(s).map_err(|e| e.to_string()), "{s}"),
                Err(_) => refused += 1,
            }
        }
        assert!(refused >= 8, "{refused}");
        // Collections nested past the bound go the general way.
        let mut deep = r#"{"type":"Point"}"#.to_string();
        for _ in 0..=MAX_COLLECTIONS {
            deep = format!(r#"{{"type":"GeometryCollection","geometries":[{deep}]}}"#);
        }
        assert!(strict(&deep).is_err() && general(&deep).is_ok());
    }
}
