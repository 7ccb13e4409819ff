//! Which units the table shows and in what order, and the score classes of
//! the map. Indices only: no row is cloned or formatted here.

use super::action::Column;
use super::app::{App, Mark};
use crate::domain::analysis::Analysis;
use std::cmp::Ordering;

/// Number of score classes on the map.
pub const CLASSES: usize = 5;

/// Quantile classes of the scores of ranked units.
#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    /// Per class: (lowest, highest) score in it; fewer than [`CLASSES`]
    /// when there are few distinct scores.
    pub ranges: Vec<(f64, f64)>,
    /// Per unit: its class, `None` when not ranked.
    pub of_unit: Vec<Option<u8>>,
}

impl Classes {
    pub fn of(a: &Analysis) -> Classes {
        let scores: Vec<Option<f64>> = a.ranking.units.iter().map(|u| u.score).collect();
        Classes::of_values(&scores)
    }

    /// Quantile classes of any per-unit values (an indicator on the map);
    /// units without a value get no class.
    pub fn of_values(values: &[Option<f64>]) -> Classes {
        let values: Vec<Option<f64>> = values.iter().map(|v| v.filter(|x| x.is_finite())).collect();
        let mut scores: Vec<f64> = values.iter().filter_map(|v| *v).collect();
        scores.sort_by(f64::total_cmp);
        let n = scores.len();
        // Upper bound of each class but the last: the score at each quantile.
        let mut breaks: Vec<f64> = (1..CLASSES)
            .filter_map(|k| {
                let i = (k * n / CLASSES).min(n.saturating_sub(1));
                scores.get(i).copied()
            })
            .collect();
        breaks.dedup();
        let class_of = |s: f64| breaks.partition_point(|&b| b < s);
        let of_unit = values
            .iter()
            .map(|v| v.map(|s| class_of(s) as u8))
            .collect();
        let mut ranges: Vec<(f64, f64)> =
            vec![(f64::INFINITY, f64::NEG_INFINITY); breaks.len() + 1];
        for &s in &scores {
            let r = &mut ranges[class_of(s)];
            r.0 = r.0.min(s);
            r.1 = r.1.max(s);
        }
        ranges.retain(|r| r.0 <= r.1);
        Classes { ranges, of_unit }
    }
}

fn passes(app: &App, u: usize) -> bool {
    let f = &app.filter;
    let unit = &app.analysis.units[u];
    if let Some(g) = &f.gemeente {
        if &unit.gemeente_code != g {
            return false;
        }
    }
    if f.min_schools > 0 && unit.primary_schools.is_none_or(|s| s < f.min_schools) {
        return false;
    }
    if f.min_inhabitants > 0.0 && unit.inhabitants.is_none_or(|n| n < f.min_inhabitants) {
        return false;
    }
    true
}

/// The direction a column sorts in first: most need / most of it on top.
pub fn default_descending(c: Column) -> bool {
    matches!(
        c,
        Column::Mark
            | Column::Delta
            | Column::Score
            | Column::PTop
            | Column::Schools
            | Column::Inhabitants
            | Column::Children
            | Column::Indicator(_)
    )
}

fn mark_order(m: Mark) -> u8 {
    match m {
        Mark::Added => 4,
        Mark::Computed => 3,
        Mark::Removed => 2,
        Mark::Eligible => 1,
        Mark::None => 0,
    }
}

/// Compare present values in the chosen direction; absent ones always last.
fn opt<T: PartialOrd>(a: Option<T>, b: Option<T>, desc: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            if desc {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn compare(app: &App, c: Column, desc: bool, a: usize, b: usize) -> Ordering {
    let an = &app.analysis;
    let (ua, ub) = (&an.units[a], &an.units[b]);
    let (ra, rb) = (&an.ranking.units[a], &an.ranking.units[b]);
    let st = |u: usize| {
        an.stability
            .as_ref()
            .and_then(|s| s.units.get(u).cloned().flatten())
    };
    let text = |x: &str, y: &str| {
        let o = x.to_lowercase().cmp(&y.to_lowercase());
        if desc {
            o.reverse()
        } else {
            o
        }
    };
    let primary = match c {
        Column::Mark => opt(
            Some(mark_order(app.mark(a))),
            Some(mark_order(app.mark(b))),
            desc,
        ),
        Column::Rank => opt(ra.rank, rb.rank, desc),
        Column::Delta => opt(app.rank_delta(a), app.rank_delta(b), desc),
        Column::Code => text(&ua.code, &ub.code),
        Column::Name => text(&ua.name, &ub.name),
        Column::Gemeente => text(&ua.gemeente_name, &ub.gemeente_name),
        Column::Score => opt(ra.score, rb.score, desc),
        Column::Interval => opt(
            st(a).map(|s| (s.rank.p05, s.rank.p95)),
            st(b).map(|s| (s.rank.p05, s.rank.p95)),
            desc,
        ),
        Column::PTop => opt(
            st(a).and_then(|s| s.eligible.map(|e| e.p_top_k)),
            st(b).and_then(|s| s.eligible.map(|e| e.p_top_k)),
            desc,
        ),
        Column::Schools => opt(ua.primary_schools, ub.primary_schools, desc),
        Column::Inhabitants => opt(ua.inhabitants, ub.inhabitants, desc),
        Column::Children => opt(ua.children_0_15, ub.children_0_15, desc),
        Column::Indicator(j) => {
            let v = |u: usize| indicator_value(app, j, u);
            opt(v(a), v(b), desc)
        }
    };
    primary
        .then_with(|| opt(ra.rank, rb.rank, false))
        .then_with(|| ua.code.cmp(&ub.code))
}

/// The units the table shows: filtered, then sorted.
pub fn build(app: &App) -> Vec<usize> {
    let s = app.table.sort;
    if s.column == Column::Rank && !s.descending {
        // The analysis's display order is what the comparison gives,
        // without sorting 15,000 units on every re-rank.
        return app
            .analysis
            .display_order()
            .into_iter()
            .filter(|&u| passes(app, u))
            .collect();
    }
    let mut rows: Vec<usize> = (0..app.analysis.units.len())
        .filter(|&u| passes(app, u))
        .collect();
    rows.sort_by(|&a, &b| compare(app, s.column, s.descending, a, b));
    rows
}

/// The comparison path for any sort, to check the fast path against.
#[cfg(test)]
pub(crate) fn build_generic(app: &App) -> Vec<usize> {
    let s = app.table.sort;
    let mut rows: Vec<usize> = (0..app.analysis.units.len())
        .filter(|&u| passes(app, u))
        .collect();
    rows.sort_by(|&a, &b| compare(app, s.column, s.descending, a, b));
    rows
}

/// Whether a unit matches the search text (name or code, any case).
pub fn matches(app: &App, unit: usize, query_lower: &str) -> bool {
    if query_lower.is_empty() {
        return false;
    }
    let u = &app.analysis.units[unit];
    u.name.to_lowercase().contains(query_lower) || u.code.to_lowercase().contains(query_lower)
}

/// A unit's value of an indicator column (`column_ids` index).
pub fn indicator_value(app: &App, j: u16, u: usize) -> Option<f64> {
    app.analysis
        .columns
        .get(usize::from(j))
        .and_then(|c| c.get(u).copied().flatten())
        .filter(|v| v.is_finite())
}
