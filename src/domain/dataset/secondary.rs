//! Secondary suppression: a withheld cell must not be recomputable from a
//! total next to it, across a row (a count that is the sum of others) or
//! down a column (a wijk's, gemeente's or the country's own row, which sums
//! its members).

use super::codes::Level;
use super::types::{Area, Indicator};
use crate::domain::value::{Missing, Value};
use std::collections::HashSet;

fn is_withheld(v: &Value) -> bool {
    *v == Value::Missing(Missing::Suppressed)
}

/// Per area: with exactly one count withheld and two or more visible, one
/// of the visible could be a total of the others; the smallest visible goes
/// too, so the withheld one can only be recovered as part of a sum of two.
/// True when anything changed.
pub(super) fn row_totals(indicators: &mut [Indicator], counts: &[usize], units: usize) -> bool {
    let mut changed = false;
    for a in 0..units {
        let withheld = counts
            .iter()
            .filter(|&&j| is_withheld(&indicators[j].values[a]))
            .count();
        let visible: Vec<(usize, f64)> = counts
            .iter()
            .filter_map(|&j| indicators[j].values[a].num().map(|x| (j, x)))
            .collect();
        if withheld != 1 || visible.len() < 2 {
            continue;
        }
        if let Some(&(j, _)) = visible.iter().min_by(|x, y| x.1.total_cmp(&y.1)) {
            indicators[j].values[a] = Value::Missing(Missing::Suppressed);
            changed = true;
        }
    }
    changed
}

/// Per column: the own row of a region (wijk, then gemeente, then country)
/// is withheld where any area inside it is. True when anything changed.
pub(super) fn column_totals(indicators: &mut [Indicator], cols: &[usize], areas: &[Area]) -> bool {
    let mut changed = false;
    for &j in cols {
        for level in [Level::Wijk, Level::Gemeente, Level::Land] {
            let values = &indicators[j].values;
            let hidden_in: HashSet<&str> = areas
                .iter()
                .zip(values)
                .filter(|(a, v)| is_withheld(v) && below(a.level, level))
                .filter_map(|(a, _)| match level {
                    Level::Wijk => a.wijk_code.as_deref(),
                    Level::Gemeente => Some(a.gemeente_code.as_str()),
                    _ => Some(""),
                })
                .collect();
            if hidden_in.is_empty() {
                continue;
            }
            let rows: Vec<usize> = areas
                .iter()
                .enumerate()
                .filter(|(_, a)| a.level == level)
                .filter(|(_, a)| level == Level::Land || hidden_in.contains(a.code.as_str()))
                .map(|(i, _)| i)
                .collect();
            for i in rows {
                let v = &mut indicators[j].values[i];
                if v.num().is_some() {
                    *v = Value::Missing(Missing::Suppressed);
                    changed = true;
                }
            }
        }
    }
    changed
}

/// Whether an area of level `a` lies inside a region of level `region`.
fn below(a: Level, region: Level) -> bool {
    let depth = |l: Level| match l {
        Level::Land => 0,
        Level::Gemeente => 1,
        Level::Wijk => 2,
        Level::Buurt => 3,
    };
    depth(a) > depth(region)
}
