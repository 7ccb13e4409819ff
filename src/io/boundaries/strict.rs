//! Geometries as the split read takes them. The split read reads a
//! feature's own geometry by hand (`feature_text`, `coordinates`); the
//! geometries inside a GeometryCollection are read here, through serde,
//! with the same rules: when a Polygon's or MultiPolygon's type comes
//! before its coordinates (as in every CBS, PDOK and GDAL file), the
//! positions go straight into each ring's final buffer, with no entry per
//! position to build and drop.
//!
//! Anything out of the ordinary here is an error, and an error only sends
//! the whole file to the one-pass read, whose reader gives the warnings and
//! errors users know. So this may refuse what that reader takes, but what
//! it accepts must come out exactly as that reader has it (same values,
//! same `Nested` shape); the tests hold the two side by side.

use super::raw_geometry::{GeometryVisitor, Nested, RawGeometry};
use geo::Coord;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Collections within collections, and arrays within the coordinates of a
/// type that is not an area, up to these bounds; with the split read's
/// bound on property nesting they keep every feature far from the parser's
/// depth limit, which the one-pass read reaches two levels sooner.
pub(super) const MAX_COLLECTIONS: u8 = 8;
const MAX_LEVELS: usize = 8;

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

/// The `geometries` of a collection from their text, each read the strict
/// way; `left` as in [`geometries`].
pub(super) fn geometries_text(text: &[u8], left: u8) -> Option<Vec<RawGeometry>> {
    let inner = left.checked_sub(1)?;
    let mut d = serde_json::Deserializer::from_slice(text);
    let g = Geometries(inner).deserialize(&mut d).ok()?;
    d.end().ok()?;
    Some(g)
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
    use super::super::feature_text::geometry_text;
    use super::super::number::generate::{token, Rng};
    use super::*;

    /// The one-pass read's geometry.
    fn general(s: &str) -> Result<RawGeometry, serde_json::Error> {
        serde_json::from_str(s)
    }

    /// The split read's geometry, read by hand.
    fn strict(s: &str) -> Option<RawGeometry> {
        geometry_text(s)
    }

    /// The split read's rules through serde, as for a collection's members.
    fn strict_serde(s: &str) -> Option<RawGeometry> {
        let mut d = serde_json::Deserializer::from_str(s);
        let g = OneGeometry(MAX_COLLECTIONS).deserialize(&mut d).ok()?;
        d.end().ok()?;
        Some(g)
    }

    /// Values compared bit for bit: `-0.0 == 0.0` would hide a sign.
    fn bits(g: &RawGeometry) -> String {
        format!("{g:?}")
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
            " {\n\t\"type\" : \"Polygon\" ,\r\n \"bbox\":[0,0,1,1], \"coordinates\" : [ [ [ -0.0 , 0 , 1e400 ] , [1 ,\n2 ] ] , [ ] ] } ",
            r#"{"type":"MultiPolygon","coordinates":[[[[-0.0,-0],[0.0,-0.1],[1.7976931348623157e308,4.9e-324],[18446744073709551616,-18446744073709551616]]]]}"#,
        ];
        for s in taken {
            let g = general(s);
            let st = strict(s);
            let se = strict_serde(s);
            if s.contains("e400") {
                // Out of range for all: an error either way.
                assert!(g.is_err() && st.is_none() && se.is_none(), "{s}");
                continue;
            }
            let g = bits(&g.unwrap());
            assert_eq!(st.as_ref().map(bits), Some(g.clone()), "{s}");
            assert_eq!(se.as_ref().map(bits), Some(g), "{s}");
        }
        // Full positions become rings, not lists of positions.
        for read in [strict(taken[3]), strict_serde(taken[3])] {
            let Some(RawGeometry::Polygon(rings)) = read else {
                panic!("not a polygon");
            };
            assert!(matches!(&rings[0], Nested::Ring(c) if c.len() == 4 && c.capacity() == 5));
        }
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
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0],]]}"#,
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],]}"#,
            r#"{"type":"Polygon","coordinates":[[[0,0,],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[0,0][1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[0 0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[0,,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[01,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1.,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[.5,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[+1,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1e,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,"0"],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,0x1],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,NaN],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]}]]}"#,
            r#"{"type":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]]],}"#,
            r#"{"type":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]]]"#,
            r#"{"type":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]]]} x"#,
            r#"{"type":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]]],"bbox":[1,}"#,
            "{\"type\":\"Polygon\",\"coordinates\":[[[1,0],[1,0],[1,1],[0,0]]],\"k\u{1}\":1}",
            r#"{"type":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]]],"coordinates":[]}"#,
            r#"{"\u0074ype":"Polygon","coordinates":[[[1,0],[1,0],[1,1],[0,0]]]}"#,
            r#"["Polygon",[[[1,0],[1,0],[1,1],[0,0]]]]"#,
        ];
        let mut refused = 0;
        for s in odd {
            match strict(s) {
                Some(g) => {
                    assert_eq!(Some(bits(&g)), general(s).ok().as_ref().map(bits), "{s}");
                    assert_eq!(Some(bits(&g)), strict_serde(s).as_ref().map(bits), "{s}");
                }
                None => refused += 1,
            }
        }
        assert!(refused >= 34, "{refused}");
        // Collections nested past the bound go the general way.
        let mut deep = r#"{"type":"Point"}"#.to_string();
        for _ in 0..=MAX_COLLECTIONS {
            deep = format!(r#"{{"type":"GeometryCollection","geometries":[{deep}]}}"#);
        }
        assert!(strict(&deep).is_none() && general(&deep).is_ok());
    }

    /// Coordinates of random shape and content, with random whitespace,
    /// some of them then broken by one byte taken out, put in or changed.
    fn random_geometry(r: &mut Rng) -> String {
        let ws = |r: &mut Rng| [" ", "", "", "", "\n", "\t", "\r\n "][r.below(7) as usize];
        let levels = if r.below(2) == 0 { 2 } else { 3 };
        /// `levels` arrays above the positions; 0 is a position.
        fn arrays(r: &mut Rng, levels: u32, ws: &dyn Fn(&mut Rng) -> &'static str) -> String {
            let n = if levels == 0 {
                match r.below(40) {
                    0 => r.below(2),
                    1..=3 => 3,
                    4 => 4,
                    _ => 2,
                }
            } else {
                match r.below(8) {
                    0 => 0,
                    1 => 1,
                    _ => 2 + r.below(5),
                }
            };
            let mut items = Vec::new();
            for _ in 0..n {
                let item = if levels > 0 {
                    arrays(r, levels - 1, ws)
                } else if r.below(8) == 0 {
                    // Mostly numbers as files hold them, now and then any
                    // token at all.
                    token(r)
                } else {
                    let scale = 10f64.powi(r.below(4) as i32);
                    format!("{}", (r.below(2_000_000) as f64 - 1e6) / scale)
                };
                items.push(format!("{}{item}{}", ws(r), ws(r)));
            }
            format!("[{}]", items.join(","))
        }
        let kind = if levels == 2 {
            "Polygon"
        } else {
            "MultiPolygon"
        };
        let coords = arrays(r, levels, &ws);
        let mut s = if r.below(10) == 0 {
            format!(r#"{{"coordinates":{coords},"type":"{kind}"}}"#)
        } else {
            format!(
                r#"{{"type":"{kind}",{}"coordinates"{}:{coords}}}"#,
                ws(r),
                ws(r)
            )
        };
        if r.below(4) == 0 {
            let at = r.below(s.len() as u64) as usize;
            let bytes = [b',', b'[', b']', b'-', b'0', b'.', b'e', b' ', b'}', b'"'];
            let b = char::from(bytes[r.below(bytes.len() as u64) as usize]);
            match r.below(3) {
                0 => {
                    s.remove(at);
                }
                1 => s.insert(at, b),
                _ => s.replace_range(at..=at, &b.to_string()),
            }
        }
        s
    }

    #[test]
    fn random_coordinates_are_read_alike_or_refused_alike() {
        let mut r = Rng(0xD1B5_4A32_D192_ED03);
        let (mut taken, mut refused) = (0, 0);
        for _ in 0..40_000 {
            let s = random_geometry(&mut r);
            let st = strict(&s);
            let se = strict_serde(&s);
            assert_eq!(st.as_ref().map(bits), se.as_ref().map(bits), "{s}");
            match st {
                Some(g) => {
                    assert_eq!(Some(bits(&g)), general(&s).ok().as_ref().map(bits), "{s}");
                    taken += 1;
                }
                None => refused += 1,
            }
        }
        // Both outcomes are tried often.
        assert!(taken > 5_000 && refused > 5_000, "{taken} {refused}");
    }
}
