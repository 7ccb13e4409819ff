//! One feature read from its text, as the split read takes it: the members
//! of the feature and of its geometry are stepped over by hand, a Polygon's
//! or MultiPolygon's coordinates read by `coordinates`, and every other
//! value (properties, id, a `type`, members nobody reads) given to
//! serde_json whole, so it is checked as fully as in the one-pass read.
//!
//! It gives what `RawFeature` read through serde with the strict geometry
//! gives, or refuses: a member name with an escape, a member given twice,
//! a feature or geometry that is not an object; refusing only sends the
//! file the one-pass way.

use super::coordinates::area_coordinates;
use super::feature::RawFeature;
use super::raw_geometry::{finish, Nested, RawGeometry};
use super::scan::Scanner;
use super::strict::{geometries_text, shallow, MAX_COLLECTIONS};
use serde::de::{DeserializeOwned, IgnoredAny};

/// The feature whose text (one entry of `features`) this is.
pub(super) fn feature(text: &[u8]) -> Option<RawFeature> {
    let mut s = Scanner::new(text);
    let mut f = RawFeature {
        geometry: None,
        properties: None,
        id: None,
    };
    let mut seen = [false; 3];
    members(&mut s, |s, name| {
        match name {
            b"geometry" => {
                once(&mut seen[0])?;
                f.geometry = match s.peek()? {
                    b'{' => Some(geometry(s, MAX_COLLECTIONS)?),
                    // Anything but null is refused by the serde read too.
                    _ => (s.value()? == b"null").then_some(None)?,
                };
            }
            b"properties" => {
                once(&mut seen[1])?;
                f.properties = parse(s.value()?)?;
            }
            b"id" => {
                once(&mut seen[2])?;
                f.id = parse(s.value()?)?;
            }
            _ => {
                parse::<IgnoredAny>(s.value()?)?;
            }
        }
        Some(())
    })?;
    s.at_end().then_some(f)
}

/// A geometry object, collections in it nested at most `left` deep.
fn geometry(s: &mut Scanner, left: u8) -> Option<RawGeometry> {
    let mut kind: Option<String> = None;
    let mut coordinates: Option<Nested> = None;
    let mut geometries: Option<Vec<RawGeometry>> = None;
    let mut seen = [false; 3];
    members(s, |s, name| {
        match name {
            b"type" => {
                once(&mut seen[0])?;
                kind = Some(parse(s.value()?)?);
            }
            b"coordinates" => {
                once(&mut seen[1])?;
                coordinates = Some(match kind.as_deref() {
                    Some("Polygon") => area_coordinates(s, 2)?,
                    Some("MultiPolygon") => area_coordinates(s, 3)?,
                    // Not known to be an area (yet): read as the general
                    // reader does, and `finish` judges it.
                    _ => {
                        let n: Nested = parse(s.value()?)?;
                        shallow::<serde_json::Error>(Some(&n)).ok()?;
                        n
                    }
                });
            }
            b"geometries" => {
                once(&mut seen[2])?;
                geometries = Some(geometries_text(s.value()?, left)?);
            }
            _ => {
                parse::<IgnoredAny>(s.value()?)?;
            }
        }
        Some(())
    })?;
    finish::<serde_json::Error>(kind, coordinates, geometries, true).ok()
}

/// Each member of the object at the scanner, by name (without quotes),
/// `each` reading its value.
fn members<'a>(
    s: &mut Scanner<'a>,
    mut each: impl FnMut(&mut Scanner<'a>, &'a [u8]) -> Option<()>,
) -> Option<()> {
    s.expect(b'{')?;
    if s.peek()? == b'}' {
        s.at += 1;
        return Some(());
    }
    loop {
        let quoted = s.string()?;
        let name = quoted.get(1..quoted.len() - 1)?;
        // Escapes would need decoding to compare: the one-pass read does.
        if name.contains(&b'\\') {
            return None;
        }
        // A name serde_json would refuse (not UTF-8, a control byte).
        parse_borrowed(quoted)?;
        s.expect(b':')?;
        each(s, name)?;
        match s.next()? {
            b',' => continue,
            b'}' => return Some(()),
            _ => return None,
        }
    }
}

/// A member given twice is an error in the one-pass read, or (in a
/// geometry) the last one counts there: either way, not for this read.
fn once(seen: &mut bool) -> Option<()> {
    (!std::mem::replace(seen, true)).then_some(())
}

fn parse<T: DeserializeOwned>(text: &[u8]) -> Option<T> {
    serde_json::from_slice(text).ok()
}

fn parse_borrowed(quoted: &[u8]) -> Option<&str> {
    serde_json::from_slice(quoted).ok()
}

/// A geometry alone, for the tests that hold this read beside the others.
#[cfg(test)]
pub(super) fn geometry_text(text: &str) -> Option<RawGeometry> {
    let mut s = Scanner::new(text.as_bytes());
    let g = geometry(&mut s, MAX_COLLECTIONS)?;
    s.at_end().then_some(g)
}
