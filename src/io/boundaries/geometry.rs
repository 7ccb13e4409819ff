//! GeoJSON geometry made a valid-enough MultiPolygon in Rijksdriehoek
//! metres: rings closed, unusable parts dropped, every repair reported.

use super::crossing::crossing;
use super::raw_geometry::{Nested, RawGeometry};
use crate::domain::report::Issue;
use crate::io::crs::Projector;
use geo::{Coord, LineString, MultiPolygon, Polygon};

pub(super) fn project_in_place(proj: &Projector, g: &mut MultiPolygon<f64>) -> Result<(), String> {
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
fn ring(positions: Nested, what: &str, warn: &mut dyn FnMut(String)) -> Option<LineString<f64>> {
    let mut coords: Vec<Coord<f64>> = match positions {
        Nested::Ring(coords) => {
            if let Some(c) = coords
                .iter()
                .find(|c| !(c.x.is_finite() && c.y.is_finite()))
            {
                warn(no_two_numbers(what, &[c.x, c.y]));
                return None;
            }
            coords
        }
        Nested::List(items) => {
            let mut coords = Vec::with_capacity(items.len() + 1);
            for p in &items {
                match p {
                    Nested::Xy(x, y) if x.is_finite() && y.is_finite() => {
                        coords.push(Coord { x: *x, y: *y })
                    }
                    other => {
                        let numbers: Vec<f64> = match other {
                            Nested::Xy(x, y) => vec![*x, *y],
                            Nested::Short(v) => v.clone(),
                            Nested::List(_) | Nested::Ring(_) | Nested::Num(_) => Vec::new(),
                        };
                        warn(no_two_numbers(what, &numbers));
                        return None;
                    }
                }
            }
            coords
        }
        // Not an array (refused when read): no positions.
        Nested::Xy(..) | Nested::Short(_) | Nested::Num(_) => Vec::new(),
    };
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
    // Rings the general reader gathered grew by doubling, and the shapes
    // are kept for the whole run (the split read sizes them exactly).
    if coords.capacity() > coords.len() + 1 {
        coords.shrink_to_fit();
    }
    Some(LineString(coords))
}

fn no_two_numbers(what: &str, numbers: &[f64]) -> String {
    format!("{what} has a position {numbers:?} without two finite numbers: ring dropped")
}

/// The arrays below one level of `coordinates` (checked when read).
fn items(n: Nested) -> Vec<Nested> {
    match n {
        Nested::List(v) => v,
        _ => Vec::new(),
    }
}

fn polygon(rings: Vec<Nested>, what: &str, warn: &mut dyn FnMut(String)) -> Option<Polygon<f64>> {
    let mut rings = rings.into_iter();
    let exterior = ring(rings.next()?, &format!("{what} outer ring"), warn)?;
    let holes = rings
        .enumerate()
        .filter_map(|(k, r)| ring(r, &format!("{what} hole {k}"), warn))
        .collect();
    Some(Polygon::new(exterior, holes))
}

pub(super) fn to_multipolygon(
    value: RawGeometry,
    file: &str,
    index: usize,
    code: &str,
    warnings: &mut Vec<Issue>,
) -> Option<MultiPolygon<f64>> {
    let mut warn = |m: String| warnings.push(Issue::feature(file, index, Some(code), m));
    let polys: Vec<Polygon<f64>> = match value {
        RawGeometry::Polygon(rings) => polygon(rings, "polygon", &mut warn).into_iter().collect(),
        RawGeometry::MultiPolygon(parts) => parts
            .into_iter()
            .enumerate()
            .filter_map(|(k, p)| polygon(items(p), &format!("part {k}"), &mut warn))
            .collect(),
        RawGeometry::Collection(geometries) => {
            warn("geometry is a GeometryCollection: its polygons are used".into());
            let mut v = Vec::new();
            for g in geometries {
                if let Some(mp) = to_multipolygon(g, file, index, code, &mut Vec::new()) {
                    v.extend(mp.0);
                }
            }
            v
        }
        RawGeometry::Other(name) => {
            warn(format!(
                "geometry type {name} is not a Polygon or MultiPolygon: kept without a shape"
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
