//! The method-depth columns every table export appends: smoothed rates
//! beside the published ones, and the LISA of the composite score.

use super::Document;
use crate::domain::value::Value;

/// A unit's smoothed value of `id`, shown only where its published value
/// is: a withheld cell stays withheld in every form.
pub fn smoothed(doc: &Document, u: usize, id: &str) -> Option<f64> {
    let a = doc.analysis();
    let j = doc.cells.index(id)?;
    if !matches!(doc.cells.get(u, j).value, Value::Num(_)) {
        return None;
    }
    let s = a.smoothed.iter().find(|s| s.pair.id == id)?;
    s.values.get(u).copied().flatten()
}

/// The ids of the smoothed indicators, in profile order.
pub fn smoothed_ids<'a>(doc: &'a Document) -> Vec<&'a str> {
    doc.analysis()
        .smoothed
        .iter()
        .map(|s| s.pair.id.as_str())
        .collect()
}

/// (lisa_i, lisa_p, lisa_class) of a unit; the class is empty when the run
/// computed no LISA (no boundaries, or stability skipped).
pub fn lisa(doc: &Document, u: usize) -> (Option<f64>, Option<f64>, &'static str) {
    match doc.analysis().lisa.as_ref().and_then(|l| l.local.get(u)) {
        Some(l) => (l.i, l.p, l.class.id()),
        None => (None, None, ""),
    }
}
