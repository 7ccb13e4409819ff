//! GeoJSON geometry made a valid-enough MultiPolygon in Rijksdriehoek
//! metres: rings closed, unusable parts dropped, every repair reported.

use super::crossing::crossing;
use super::raw_geometry::{Nested, RawGeometry};
use crate::domain::report::Issue;
use crate::i18n::Said;
use crate::io::crs::Projector;
use crate::said;
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

/// Which ring of a geometry: named only when a warning needs it, so the
/// rings that load cleanly cost no text.
#[derive(Clone, Copy)]
struct RingAt {
    /// `None` for a Polygon, the part's number in a MultiPolygon.
    part: Option<usize>,
    /// `None` for the outer ring, else the hole's number.
    hole: Option<usize>,
}

impl RingAt {
    fn said(self) -> Said {
        match (self.part, self.hole) {
            (None, None) => said!("buitenring van de polygoon", "polygon outer ring"),
            (None, Some(k)) => said!("gat {k} van de polygoon", "polygon hole {k}"),
            (Some(p), None) => said!("buitenring van deel {p}", "part {p} outer ring"),
            (Some(p), Some(k)) => said!("gat {k} van deel {p}", "part {p} hole {k}"),
        }
    }
}

/// A ring from GeoJSON positions, closed if the file forgot to.
fn ring(positions: Nested, at: RingAt, warn: &mut dyn FnMut(Said)) -> Option<LineString<f64>> {
    let mut coords: Vec<Coord<f64>> = match positions {
        Nested::Ring(coords) => {
            if let Some(c) = coords
                .iter()
                .find(|c| !(c.x.is_finite() && c.y.is_finite()))
            {
                warn(no_two_numbers(at, &[c.x, c.y]));
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
                        warn(no_two_numbers(at, &numbers));
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
        let what = at.said();
        warn(said!(
            "{what} is niet gesloten (eerste {:?}, laatste {:?}): gesloten",
            "{what} is not closed (first {:?}, last {:?}): closed it";
            what;
            coords[0],
            coords[coords.len() - 1]
        ));
        coords.push(coords[0]);
    }
    if coords.len() < 4 {
        let what = at.said();
        warn(said!(
            "{what} heeft {} posities, minder dan 4: ring weggelaten",
            "{what} has {} positions, fewer than 4: ring dropped";
            what;
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

fn no_two_numbers(at: RingAt, numbers: &[f64]) -> Said {
    let what = at.said();
    said!(
        "{what} heeft een positie {numbers:?} zonder twee eindige getallen: ring weggelaten",
        "{what} has a position {numbers:?} without two finite numbers: ring dropped";
        what
    )
}

/// The arrays below one level of `coordinates` (checked when read).
fn items(n: Nested) -> Vec<Nested> {
    match n {
        Nested::List(v) => v,
        _ => Vec::new(),
    }
}

fn polygon(
    rings: Vec<Nested>,
    part: Option<usize>,
    warn: &mut dyn FnMut(Said),
) -> Option<Polygon<f64>> {
    let mut rings = rings.into_iter();
    let exterior = ring(rings.next()?, RingAt { part, hole: None }, warn)?;
    let holes = rings
        .enumerate()
        .filter_map(|(k, r)| {
            ring(
                r,
                RingAt {
                    part,
                    hole: Some(k),
                },
                warn,
            )
        })
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
    let mut warn = |m: Said| warnings.push(Issue::feature(file, index, Some(code), m));
    let polys: Vec<Polygon<f64>> = match value {
        RawGeometry::Polygon(rings) => polygon(rings, None, &mut warn).into_iter().collect(),
        RawGeometry::MultiPolygon(parts) => parts
            .into_iter()
            .enumerate()
            .filter_map(|(k, p)| polygon(items(p), Some(k), &mut warn))
            .collect(),
        RawGeometry::Collection(geometries) => {
            warn(said!(
                "geometrie is een GeometryCollection: de polygonen ervan worden gebruikt",
                "geometry is a GeometryCollection: its polygons are used"
            ));
            let mut v = Vec::new();
            for g in geometries {
                if let Some(mp) = to_multipolygon(g, file, index, code, &mut Vec::new()) {
                    v.extend(mp.0);
                }
            }
            v
        }
        RawGeometry::Other(name) => {
            warn(said!(
                "geometrietype {name} is geen Polygon of MultiPolygon: bewaard zonder vorm",
                "geometry type {name} is not a Polygon or MultiPolygon: kept without a shape"
            ));
            return None;
        }
    };
    if polys.is_empty() {
        warn(said!(
            "geometrie is leeg: bewaard zonder vorm",
            "geometry is empty: kept without a shape"
        ));
        return None;
    }
    // Self-intersecting shapes still load: area and containment may be off,
    // so the user is told which feature it is and where.
    for (k, p) in polys.iter().enumerate() {
        if let Some(at) = crossing(p) {
            warn(said!(
                "geometrie is niet geldig: deel {k} snijdt zichzelf bij ({:.6}, {:.6}); bewaard zoals ze is, oppervlakten en schooltellingen kunnen afwijken",
                "geometry is not valid: part {k} crosses itself near ({:.6}, {:.6}); kept as it is, areas and school counts may be off",
                at.x, at.y
            ));
        }
    }
    Some(MultiPolygon(polys))
}
