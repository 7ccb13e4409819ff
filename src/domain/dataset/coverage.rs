//! The load report's counts: buurten, shapes and indicator coverage, per
//! gemeente and per indicator.

use super::codes::Level;
use super::types::{Area, Indicator};
use crate::domain::report::{Coverage, GemeenteCount, LoadReport};
use crate::domain::value::Value;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Fill in the report's counts once the dataset is complete.
pub(super) fn summarise(report: &mut LoadReport, areas: &[Area], indicators: &[Indicator]) {
    report.buurten = areas.iter().filter(|a| a.level == Level::Buurt).count();
    report.without_geometry = areas
        .iter()
        .filter(|a| a.in_boundaries && a.geometry.as_ref().is_none_or(|g| g.0.is_empty()))
        .map(|a| a.code.clone())
        .collect();
    report.gemeenten = gemeente_counts(areas);
    let buurt_idx: Vec<usize> = areas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.level == Level::Buurt)
        .map(|(i, _)| i)
        .collect();
    report.indicators = indicators.iter().map(|i| coverage(i, &buurt_idx)).collect();
}

fn gemeente_counts(areas: &[Area]) -> BTreeMap<String, GemeenteCount> {
    // Counted under borrowed codes first: a national file has a few hundred
    // gemeenten and tens of thousands of buurten.
    let mut by_code: FxHashMap<&str, GemeenteCount> = FxHashMap::default();
    for a in areas.iter().filter(|a| a.level == Level::Buurt) {
        let g = by_code.entry(a.gemeente_code.as_str()).or_default();
        g.buurten += 1;
        if a.geometry.as_ref().is_some_and(|g| !g.0.is_empty()) {
            g.with_geometry += 1;
        }
        if g.name.is_none() {
            g.name = a.gemeente_name.clone();
        }
    }
    let mut gemeenten: BTreeMap<String, GemeenteCount> = by_code
        .into_iter()
        .map(|(code, g)| (code.to_string(), g))
        .collect();
    // Gemeente names from GM rows of indicator files, when boundaries lack them.
    for a in areas.iter().filter(|a| a.level == Level::Gemeente) {
        if let Some(g) = gemeenten.get_mut(&a.code) {
            if g.name.is_none() && a.name != a.code {
                g.name = Some(a.name.clone());
            }
        }
    }
    gemeenten
}

fn coverage(ind: &Indicator, buurten: &[usize]) -> Coverage {
    let mut missing = BTreeMap::new();
    let mut present = 0;
    for &b in buurten {
        match ind.values[b] {
            Value::Num(_) => present += 1,
            Value::Missing(m) => *missing.entry(m).or_insert(0) += 1,
        }
    }
    Coverage {
        id: ind.meta.id.clone(),
        label: ind.meta.label_en.clone(),
        unit: ind.meta.unit.clone(),
        source: ind.meta.source.clone(),
        known: ind.meta.known,
        derived: ind.meta.derived,
        sensitive: ind.meta.sensitive,
        buurten: buurten.len(),
        present,
        missing,
    }
}
