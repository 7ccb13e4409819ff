//! The spatial side of a run: queen neighbours between the units compared,
//! Empirical Bayes smoothing of the profile's rates, the local Moran's I
//! (LISA) of the composite score, and indicator correlations.

use super::Analysis;
use crate::domain::adjacency::Adjacency;
use crate::domain::compare::{compare, CompareError, Comparison};
use crate::domain::correlation::{correlations, Correlations};
use crate::domain::lisa::{lisa, Lisa, DEFAULT_PERMUTATIONS};
use crate::domain::profile::Profile;
use crate::domain::score::reference_mask;

/// LISA of per-unit values on the units' neighbours, seeded by the
/// profile's Monte Carlo seed: the same draws wherever it is asked for.
pub(super) fn seeded_lisa(values: &[Option<f64>], nb: &[Vec<usize>], profile: &Profile) -> Lisa {
    lisa(values, nb, DEFAULT_PERMUTATIONS, profile.monte_carlo.seed)
}

/// Queen neighbours between units: two units are neighbours when a member
/// buurt of one shares at least one boundary point with a member of the
/// other. Members shared by two units do not make them neighbours.
pub(super) fn unit_neighbours(
    adj: &Adjacency,
    members: &[Vec<usize>],
    n_areas: usize,
) -> Vec<Vec<usize>> {
    let mut owner: Vec<Vec<usize>> = vec![Vec::new(); n_areas];
    for (u, m) in members.iter().enumerate() {
        for &i in m {
            if let Some(o) = owner.get_mut(i) {
                o.push(u);
            }
        }
    }
    members
        .iter()
        .enumerate()
        .map(|(u, m)| {
            let mut nb: Vec<usize> = m
                .iter()
                .flat_map(|&i| adj.queen(i))
                .flat_map(|j| owner.get(j).into_iter().flatten().copied())
                .filter(|&v| v != u)
                .collect();
            nb.sort_unstable();
            nb.dedup();
            nb
        })
        .collect()
}

impl Analysis {
    /// Queen neighbours between the units, built now when the run did not
    /// (the app skips them at start: they cost a second on the whole country).
    pub fn ensure_neighbours(&mut self, ds: &crate::domain::dataset::Dataset) {
        if self.neighbours.is_none() {
            let cache = super::contiguous::AdjacencyCache::new();
            let adj = super::contiguous::buurt_adjacency(&cache, ds, &self.profile);
            self.neighbours = Some(unit_neighbours(adj, &self.members, ds.areas.len()));
        }
    }

    /// The composite score per unit (None when not ranked).
    pub fn score_values(&self) -> Vec<Option<f64>> {
        self.ranking.units.iter().map(|u| u.score).collect()
    }

    /// LISA of any per-unit values on this run's neighbours, seeded by the
    /// profile's Monte Carlo seed; `None` when the run built no neighbours.
    pub fn lisa_of(&self, values: &[Option<f64>]) -> Option<Lisa> {
        Some(seeded_lisa(
            values,
            self.neighbours.as_ref()?,
            &self.profile,
        ))
    }

    /// Pearson and Spearman correlations of the indicators that take part,
    /// on the raw (published) values over the reference set.
    pub fn correlations(&self) -> Correlations {
        let ids = self.prepared.indicators();
        let empty: &[Option<f64>] = &[];
        let cols: Vec<&[Option<f64>]> = ids
            .iter()
            .map(|id| self.column(id).unwrap_or(empty))
            .collect();
        let reference = reference_mask(&self.units, &self.profile)
            .unwrap_or_else(|_| vec![true; self.units.len()]);
        correlations(ids, &cols, &self.ranking.weights, &reference)
    }

    /// Two units by code, side by side under the current ranking.
    pub fn compare(&self, a: &str, b: &str) -> Result<Comparison, CompareError> {
        let find = |code: &str| {
            self.units
                .iter()
                .position(|u| u.code == code)
                .ok_or_else(|| CompareError::Unknown { code: code.into() })
        };
        let (ia, ib) = (find(a)?, find(b)?);
        compare(
            &self.prepared,
            &self.ranking,
            |id| self.scored_column(id),
            (a, b),
            ia,
            ib,
        )
    }

    /// The column the score used: smoothed where the profile smooths it.
    pub fn scored_column(&self, id: &str) -> Option<&[Option<f64>]> {
        self.smoothed
            .iter()
            .find(|s| s.pair.id == id)
            .map(|s| s.values.as_slice())
            .or_else(|| self.column(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_neighbours_follow_their_members() {
        // Areas 0-1-2-3 in a row, 4 touches 2 at a corner only; units
        // {0, 1}, {2}, {3}, {4} and {5} alone.
        let adj = Adjacency {
            neighbours: vec![vec![1], vec![0, 2], vec![1, 3], vec![2], vec![], vec![]],
            corners: vec![vec![], vec![], vec![4], vec![], vec![2], vec![]],
        };
        let members = vec![vec![0, 1], vec![2], vec![3], vec![4], vec![5]];
        let nb = unit_neighbours(&adj, &members, 6);
        assert_eq!(nb, vec![vec![1], vec![0, 2, 3], vec![1], vec![1], vec![]]);
    }

    /// A business park of 10 inhabitants with 5 children (50%) next to
    /// four buurten of 1,000: raw, it tops a children-share ranking.
    fn small_numbers() -> crate::domain::dataset::Dataset {
        use crate::domain::dataset::{
            BoundaryFeature, DatasetBuilder, IndicatorTable, RawIndicator, RegionRow,
        };
        use crate::domain::value::Value;
        let rows = [
            (10.0, 5.0),
            (1000.0, 100.0),
            (1000.0, 300.0),
            (1000.0, 150.0),
            (1000.0, 200.0),
        ];
        let codes: Vec<String> = (1..=5).map(|i| format!("BU0001010{i}")).collect();
        let features = codes
            .iter()
            .enumerate()
            .map(|(i, c)| BoundaryFeature {
                index: i,
                code: c.clone(),
                name: None,
                gemeente_code: Some("GM0001".into()),
                gemeente_name: None,
                wijk_code: None,
                water: Some(false),
                geometry: None,
            })
            .collect();
        let col = |h: &str, f: fn(&(f64, f64)) -> f64| RawIndicator {
            header: h.into(),
            unit: None,
            values: rows.iter().map(|r| Value::Num(f(r))).collect(),
        };
        let table = IndicatorTable {
            file: "k.csv".into(),
            format: "CSV".into(),
            regions: codes
                .iter()
                .enumerate()
                .map(|(i, c)| RegionRow {
                    code: c.clone(),
                    name: None,
                    line: i as u64 + 2,
                })
                .collect(),
            indicators: vec![col("a_inw", |r| r.0), col("a_00_14", |r| r.1)],
            warnings: vec![],
        };
        DatasetBuilder::new("b.geojson", features).build(vec![table])
    }

    fn children_profile(smoothing: &str) -> crate::domain::profile::Profile {
        crate::domain::profile::Profile::parse(&format!(
            "name = \"t\"\n[eligibility]\nmin_primary_schools = 0\n\
             [smoothing]\nmethod = \"{smoothing}\"\n\
             [[indicator]]\nid = \"children_0_14_pct\"\nweight = 1\ndirection = \"risk\"\n"
        ))
        .unwrap()
    }

    #[test]
    fn eb_smoothing_takes_the_small_buurt_off_the_top_and_keeps_raw_values() {
        use crate::domain::analysis::RunOptions;
        let ds = small_numbers();
        let fast = RunOptions {
            skip_stability: true,
            skip_candidates: true,
        };
        let raw = Analysis::run(&ds, &children_profile("none"), fast).unwrap();
        assert!(raw.smoothed.is_empty());
        assert_eq!(raw.units[raw.ranking.order[0]].code, "BU00010101");

        let eb = Analysis::run(&ds, &children_profile("eb"), fast).unwrap();
        assert_eq!(
            eb.units[eb.ranking.order[0]].code, "BU00010103",
            "30% of 1,000 leads"
        );
        let u = eb
            .units
            .iter()
            .position(|u| u.code == "BU00010101")
            .unwrap();
        assert_eq!(
            eb.column("children_0_14_pct").unwrap()[u],
            Some(50.0),
            "raw kept"
        );
        let smoothed = eb.scored_column("children_0_14_pct").unwrap()[u].unwrap();
        assert!(
            smoothed < 30.0 && smoothed > 755.0 / 4010.0 * 100.0,
            "{smoothed}"
        );
        assert!(
            eb.notes
                .iter()
                .any(|n| n.to_string().contains("Empirical Bayes")),
            "{:?}",
            eb.notes
        );
        // The large buurten barely move.
        let big = eb
            .units
            .iter()
            .position(|u| u.code == "BU00010103")
            .unwrap();
        let moved = (eb.scored_column("children_0_14_pct").unwrap()[big].unwrap() - 30.0).abs();
        assert!(moved < 0.5, "{moved}");
    }

    #[test]
    fn an_unknown_smoothing_method_is_a_profile_error_naming_it() {
        let e = crate::domain::profile::Profile::parse(
            "name = \"t\"\n[smoothing]\nmethod = \"kriging\"\n[[indicator]]\nid = \"x\"\nweight = 1\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("kriging"), "{e}");
    }
}
