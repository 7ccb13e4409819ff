//! What the team rules read of an analysis: per unit, each indicator's
//! value against its reference set, and the team proposals built on that.

use super::Analysis;
use crate::domain::dataset::Dataset;
use crate::domain::teams::{
    propose_all, BuurtView, IndicatorView, RoleCatalogue, TeamReport, TeamSettings,
};
use rayon::prelude::*;

impl Analysis {
    /// The unit's figures as the team rules read them: raw value, z and
    /// percentile within the reference set, gemeente and overall reference.
    pub fn team_view(&self, ds: &Dataset, unit: usize) -> BuurtView {
        let scope: Vec<usize> = (0..self.units.len())
            .filter(|&u| !self.units[u].water && self.units[u].inhabitants.is_none_or(|n| n > 0.0))
            .collect();
        let facts = &self.units[unit];
        let indicators = ds
            .indicators
            .iter()
            .zip(&self.columns)
            .map(|(ind, col)| {
                let refs: Vec<f64> = scope.iter().filter_map(|&u| col[u]).collect();
                let n = refs.len() as f64;
                let mean = if n > 0.0 {
                    refs.iter().sum::<f64>() / n
                } else {
                    f64::NAN
                };
                let sd = if n > 1.0 {
                    (refs.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt()
                } else {
                    f64::NAN
                };
                let value = col[unit];
                let z = value.filter(|_| sd > 0.0).map(|v| (v - mean) / sd);
                let percentile = value.filter(|_| n > 0.0).map(|v| {
                    let below = refs.iter().filter(|&&r| r < v).count() as f64;
                    let equal = refs.iter().filter(|&&r| r == v).count() as f64;
                    100.0 * (below + equal / 2.0) / n
                });
                let gm_refs: Vec<f64> = scope
                    .iter()
                    .filter(|&&u| self.units[u].gemeente_code == facts.gemeente_code)
                    .filter_map(|&u| col[u])
                    .collect();
                let gemeente_value = ds
                    .index
                    .get(&facts.gemeente_code)
                    .and_then(|&g| ind.values[g].num())
                    .or_else(|| {
                        (!gm_refs.is_empty())
                            .then(|| gm_refs.iter().sum::<f64>() / gm_refs.len() as f64)
                    });
                IndicatorView {
                    id: ind.meta.id.clone(),
                    label: ind.meta.label_en.clone(),
                    unit: ind.meta.unit.clone(),
                    value,
                    z,
                    percentile,
                    gemeente_value,
                    overall_value: (n > 0.0).then_some(mean),
                }
            })
            .collect();
        BuurtView {
            code: facts.code.clone(),
            name: facts.name.clone(),
            indicators,
        }
    }

    /// Team proposals for the given units (the shortlist when empty).
    pub fn teams(
        &self,
        ds: &Dataset,
        catalogue: &RoleCatalogue,
        settings: &TeamSettings,
        units: &[usize],
    ) -> TeamReport {
        let chosen: Vec<usize> = if units.is_empty() {
            self.ranking.shortlist.clone()
        } else {
            units.to_vec()
        };
        // Each view walks every unit per indicator: one shortlisted unit per
        // core at a time nationally.
        let views: Vec<BuurtView> = chosen.par_iter().map(|&u| self.team_view(ds, u)).collect();
        propose_all(catalogue, &views, settings)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{dataset, profile};
    use super::super::{unit_index, RunOptions};
    use super::*;

    #[test]
    fn team_view_places_a_unit_within_its_reference_set() {
        let ds = dataset();
        let opts = RunOptions {
            skip_stability: true,
            skip_candidates: true,
        };
        let a = Analysis::run(&ds, &profile("buurt"), opts).unwrap();
        let u = unit_index(&a)["BU00010101"];
        let v = a.team_view(&ds, u);
        assert_eq!(v.code, "BU00010101");
        let li = v
            .indicators
            .iter()
            .find(|i| i.id == "low_income_hh_pct")
            .unwrap();
        // 30 against 30, 10 and 20: above two, equal to itself.
        assert_eq!(li.value, Some(30.0));
        assert!((li.percentile.unwrap() - 250.0 / 3.0).abs() < 1e-9);
        assert!((li.z.unwrap() - 10.0 / (200.0f64 / 3.0).sqrt()).abs() < 1e-9);
        assert_eq!(li.overall_value, Some(20.0));
        // No GM row in the data: the mean of the gemeente's buurten.
        assert_eq!(li.gemeente_value, Some(20.0));
        let missing = a.team_view(&ds, unit_index(&a)["BU00010103"]);
        let li = missing
            .indicators
            .iter()
            .find(|i| i.id == "low_income_hh_pct")
            .unwrap();
        assert_eq!((li.value, li.z, li.percentile), (None, None, None));
    }
}
