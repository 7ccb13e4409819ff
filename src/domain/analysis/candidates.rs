//! How many candidates each pilot rule gives at 2, 3 and 4 schools.

use super::contiguous::AdjacencyCache;
use super::units::{score_input, units_for};
use crate::domain::dataset::Dataset;
use crate::domain::pilot::PilotRule;
use crate::domain::profile::Profile;
use crate::domain::score::{Prepared, ScoreError};
use serde::Serialize;

/// Candidates a rule gives at 2, 3 and 4 schools, for the sensitivity line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleCandidates {
    pub rule: PilotRule,
    /// (minimum schools, candidates)
    pub counts: Vec<(u32, usize)>,
}

/// How many candidates each rule gives at 2, 3 and 4 schools: the line that
/// shows a steering group why a rule was chosen.
pub fn candidate_counts(
    ds: &Dataset,
    profile: &Profile,
    idx: &[usize],
) -> Result<Vec<RuleCandidates>, ScoreError> {
    candidates_with(&AdjacencyCache::new(), ds, profile, idx)
}

pub(super) fn candidates_with(
    cache: &AdjacencyCache,
    ds: &Dataset,
    profile: &Profile,
    idx: &[usize],
) -> Result<Vec<RuleCandidates>, ScoreError> {
    let mut out = Vec::new();
    let thresholds = [2u32, 3, 4];
    for rule in PilotRule::ALL {
        let mut counts = Vec::new();
        if rule == PilotRule::Contiguous {
            for &k in &thresholds {
                let (units, _) = units_for(cache, ds, profile, rule, idx, k)?;
                counts.push((k, units.facts.len()));
            }
        } else {
            let (units, _) = units_for(cache, ds, profile, rule, idx, 0)?;
            let mut p = profile.clone();
            p.eligibility.min_primary_schools = 0;
            let r = Prepared::new(&score_input(ds, &units), &p)?.rank_profile()?;
            for &k in &thresholds {
                let c = r
                    .units
                    .iter()
                    .zip(&units.facts)
                    .filter(|(u, f)| u.eligible && f.primary_schools.is_some_and(|s| s >= k))
                    .count();
                counts.push((k, c));
            }
        }
        out.push(RuleCandidates { rule, counts });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{at, dataset, profile};
    use super::*;

    #[test]
    fn counts_per_rule_and_threshold() {
        let ds = dataset();
        let idx: Vec<usize> = ds.buurten().collect();
        let c = candidate_counts(&ds, &profile("buurt"), &idx).unwrap();
        let by_rule = |rule: PilotRule| {
            c.iter()
                .find(|r| r.rule == rule)
                .map(|r| r.counts.clone())
                .unwrap()
        };
        assert_eq!(c.len(), PilotRule::ALL.len());
        // Ranked buurten have 4, 2 and 1 schools; the two without a figure
        // have more schools but cannot be candidates.
        assert_eq!(by_rule(PilotRule::Buurt), [(2, 2), (3, 1), (4, 1)]);
        // Schools come from a code column, so a catchment adds none.
        assert_eq!(by_rule(PilotRule::Catchment), [(2, 2), (3, 1), (4, 1)]);
        // Wijken: 12 and 3 schools.
        assert_eq!(by_rule(PilotRule::Wijk), [(2, 2), (3, 2), (4, 1)]);
        // No shapes, so no neighbours: areas are the buurten that already
        // have enough schools on their own.
        assert_eq!(by_rule(PilotRule::Contiguous), [(2, 2), (3, 1), (4, 1)]);
    }

    #[test]
    fn counts_stay_within_the_given_buurten() {
        let ds = dataset();
        let idx = [at(&ds, "BU00010102"), at(&ds, "BU00010104")];
        let c = candidate_counts(&ds, &profile("buurt"), &idx).unwrap();
        assert_eq!(c[0].rule, PilotRule::Buurt);
        assert_eq!(c[0].counts, [(2, 1), (3, 0), (4, 0)]);
    }
}
