//! Per unit column, the mean of the units of each gemeente: the reference
//! the app's detail pane shows beside a unit's count. Made once per set of
//! units; per frame it would scan every unit for every count indicator.

use super::Analysis;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct GemeenteMeans {
    /// Per unit: its gemeente's place in `means`' rows.
    group: Vec<u32>,
    /// Per column id: per gemeente, the mean of its units' values.
    means: HashMap<String, Vec<Option<f64>>>,
}

impl GemeenteMeans {
    pub fn of(a: &Analysis) -> GemeenteMeans {
        let mut index: HashMap<&str, u32> = HashMap::new();
        let group: Vec<u32> = a
            .units
            .iter()
            .map(|u| {
                let next = index.len() as u32;
                *index.entry(u.gemeente_code.as_str()).or_insert(next)
            })
            .collect();
        let groups = index.len();
        let means = a
            .column_ids
            .iter()
            .zip(&a.columns)
            .map(|(id, col)| {
                // Added in unit order, as a filter over the units would.
                let mut sum = vec![0.0; groups];
                let mut n = vec![0usize; groups];
                for (&g, v) in group.iter().zip(col) {
                    if let Some(v) = v {
                        sum[g as usize] += v;
                        n[g as usize] += 1;
                    }
                }
                let m = sum
                    .iter()
                    .zip(&n)
                    .map(|(&s, &n)| (n > 0).then(|| s / n as f64))
                    .collect();
                (id.clone(), m)
            })
            .collect();
        GemeenteMeans { group, means }
    }

    /// The mean of column `id` over the units of unit `u`'s gemeente.
    pub fn mean(&self, u: usize, id: &str) -> Option<f64> {
        let g = *self.group.get(u)? as usize;
        self.means.get(id)?.get(g).copied().flatten()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::fixture::{dataset, profile};
    use super::*;
    use crate::domain::analysis::RunOptions;

    #[test]
    fn means_equal_a_scan_of_every_unit_to_the_bit() {
        let ds = dataset();
        let opts = RunOptions {
            skip_stability: true,
            skip_candidates: true,
        };
        let a = Analysis::run(&ds, &profile("buurt"), opts).unwrap();
        let m = GemeenteMeans::of(&a);
        let mut checked = 0;
        for (id, col) in a.column_ids.iter().zip(&a.columns) {
            for (u, unit) in a.units.iter().enumerate() {
                let vals: Vec<f64> = a
                    .units
                    .iter()
                    .zip(col)
                    .filter(|(f, _)| f.gemeente_code == unit.gemeente_code)
                    .filter_map(|(_, v)| *v)
                    .collect();
                let want = (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64);
                assert_eq!(
                    m.mean(u, id).map(f64::to_bits),
                    want.map(f64::to_bits),
                    "{id} {u}"
                );
                checked += usize::from(want.is_some());
            }
        }
        assert!(checked > 0);
        assert_eq!(m.mean(a.units.len(), &a.column_ids[0]), None);
        assert_eq!(m.mean(0, "no such column"), None);
    }
}
