//! Shapes of the units for the map formats, in Rijksdriehoek metres.

use crate::domain::analysis::Analysis;
use crate::domain::dataset::{Dataset, Level};
use crate::domain::select::IneligibleReason;
use geo::{unary_union, MultiPolygon};
use std::collections::BTreeSet;

/// A unit's shape: its buurt's polygon, or for a wijk or pilot area the
/// union of its members' (so the outline is the area's, not its buurten's).
/// `None` when no member has a shape.
pub fn unit_shape(ds: &Dataset, members: &[usize]) -> Option<MultiPolygon<f64>> {
    let parts: Vec<&MultiPolygon<f64>> = members
        .iter()
        .filter_map(|&i| ds.areas[i].geometry.as_ref())
        .filter(|g| !g.0.is_empty())
        .collect();
    match parts.as_slice() {
        [] => None,
        [one] => Some((*one).clone()),
        _ => {
            let u = unary_union(parts.iter().copied());
            if u.0.is_empty() {
                // Fall back to the parts side by side rather than lose the unit.
                Some(MultiPolygon::new(
                    parts.iter().flat_map(|m| m.0.iter().cloned()).collect(),
                ))
            } else {
                Some(u)
            }
        }
    }
}

/// Units inside the profile's gemeenten (all units when it names none).
pub fn in_scope(a: &Analysis, u: usize) -> bool {
    !a.ranking.units[u]
        .reasons
        .iter()
        .any(|r| matches!(r, IneligibleReason::OutsideGemeenten { .. }))
}

/// Buurten with a shape that belong to no unit but lie in a gemeente of the
/// scope: drawn as grey background (the rest of the map under the
/// contiguous rule, for one).
pub fn background(ds: &Dataset, a: &Analysis) -> Vec<usize> {
    let mut covered = vec![false; ds.areas.len()];
    for m in &a.members {
        for &i in m {
            covered[i] = true;
        }
    }
    let gemeenten: BTreeSet<&str> = (0..a.units.len())
        .filter(|&u| in_scope(a, u))
        .map(|u| a.units[u].gemeente_code.as_str())
        .collect();
    ds.areas
        .iter()
        .enumerate()
        .filter(|(i, area)| {
            !covered[*i]
                && area.level == Level::Buurt
                && area.geometry.as_ref().is_some_and(|g| !g.0.is_empty())
                && gemeenten.contains(area.gemeente_code.as_str())
        })
        .map(|(i, _)| i)
        .collect()
}
