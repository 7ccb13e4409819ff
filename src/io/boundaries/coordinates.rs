//! The `coordinates` of a Polygon or MultiPolygon read straight from the
//! text: brackets, commas, whitespace and numbers, into each ring's final
//! buffer. A national file is mostly these arrays, and a general parser
//! spent more time on its machinery per number than on the numbers.
//!
//! It takes exactly what the serde read in `strict` takes (arrays nested
//! to the type's depth, positions of two numbers or more, the first two
//! kept) and gives the same `Nested`; anything else is refused, and the
//! file goes the one-pass way, whose reader says what is wrong.

use super::number::number;
use super::raw_geometry::Nested;
use super::scan::Scanner;
use geo::Coord;

/// The coordinates array at the scanner: `levels` arrays above the
/// positions (2 for a Polygon, 3 for a MultiPolygon).
pub(super) fn area_coordinates(s: &mut Scanner, levels: u8) -> Option<Nested> {
    let mut scratch = Vec::new();
    arrays(s, levels, &mut scratch)
}

/// Positions are gathered in `scratch`, reused for every ring, so each
/// ring is allocated once at its final size, with one spare place for
/// closing it if the file did not.
fn arrays(s: &mut Scanner, levels: u8, scratch: &mut Vec<Coord<f64>>) -> Option<Nested> {
    s.expect(b'[')?;
    // An empty array is an empty list at any level, as in `Nested`.
    if s.peek()? == b']' {
        s.at += 1;
        return Some(Nested::List(Vec::new()));
    }
    if levels <= 1 {
        scratch.clear();
        loop {
            scratch.push(position(s)?);
            if !more(s)? {
                break;
            }
        }
        let mut ring = Vec::with_capacity(scratch.len() + 1);
        ring.extend_from_slice(scratch);
        return Some(Nested::Ring(ring));
    }
    let mut items = Vec::new();
    loop {
        items.push(arrays(s, levels - 1, scratch)?);
        if !more(s)? {
            break;
        }
    }
    Some(Nested::List(items))
}

/// After an entry: a comma (another entry follows) or the closing bracket.
fn more(s: &mut Scanner) -> Option<bool> {
    match s.next()? {
        b',' => Some(true),
        b']' => Some(false),
        _ => None,
    }
}

/// Two numbers or more; the first two kept, the others still read (a
/// height out of range is an error, as in the serde read).
fn position(s: &mut Scanner) -> Option<Coord<f64>> {
    s.expect(b'[')?;
    let x = num(s)?;
    // A bracket here would be a short position.
    s.expect(b',')?;
    let y = num(s)?;
    while more(s)? {
        num(s)?;
    }
    Some(Coord { x, y })
}

fn num(s: &mut Scanner) -> Option<f64> {
    s.skip_ws();
    let (v, len) = number(s.bytes.get(s.at..)?)?;
    s.at += len;
    Some(v)
}
