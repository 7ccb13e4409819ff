//! One analysis of a dataset under a profile: the units being compared
//! (buurten, wijken or grown pilot areas), their ranking, its stability and
//! how many candidates each pilot-area rule would give. Every front end
//! (CLI, TUI, exports) reads this one struct, so they show the same numbers.
//!
//! - `units`: the units a pilot rule compares (buurten, wijken, catchments)
//! - `contiguous`: pilot areas grown from adjacent buurten
//! - `candidates`: how many candidates each rule gives at 2, 3 and 4 schools
//! - `hand`: units put on or taken off the shortlist by hand, ties and
//!   small populations
//! - `rows`: one flat row per unit, in the order every output lists them
//! - `teams`: the figures team rules read, and team proposals
//! - `check`: profile indicator ids checked before anything is computed

mod candidates;
mod check;
mod contiguous;
mod gemeente_means;
mod hand;
mod notes;
mod rows;
mod spatial;
mod teams;
mod units;

#[cfg(test)]
mod fixture;

pub use candidates::{candidate_counts, RuleCandidates};
pub use gemeente_means::GemeenteMeans;
pub use hand::{shortlist_with, ChosenBy, HandChoices, HandError, TIE_EPSILON};
pub use notes::Note;
pub use rows::UnitRow;

use super::dataset::{Dataset, SchoolMethod};
use super::lisa::Lisa;
use super::pilot::PilotRule;
use super::profile::Profile;
use super::score::{Prepared, Ranking, ScoreError, UnitFacts};
use super::smoothing::{SmoothedColumn, SmoothingMethod};
use super::uncertainty::{stability, Stability};
use candidates::candidates_with;
use check::{check_profile_has_data, check_profile_indicators};
pub use check::{data_profile, held_known_indicators, run_or_stand_in};
use contiguous::{buurt_adjacency, AdjacencyCache};
use std::collections::HashMap;
use units::{scope, score_units, units_for};

#[derive(Debug, Clone)]
pub struct Analysis {
    pub profile: Profile,
    pub rule: PilotRule,
    pub units: Vec<UnitFacts>,
    /// Dataset area indices behind each unit (one for a buurt).
    pub members: Vec<Vec<usize>>,
    /// Every numeric indicator of the dataset, per unit.
    pub column_ids: Vec<String>,
    pub columns: Vec<Vec<Option<f64>>>,
    pub prepared: Prepared,
    pub ranking: Ranking,
    pub stability: Option<Stability>,
    pub candidates: Vec<RuleCandidates>,
    /// Pilot-area seeds that could not reach the minimums.
    pub failed_seeds: Vec<(String, String)>,
    /// Statements every output must carry (proxy schools, sensitive
    /// indicators, too few candidates).
    pub notes: Vec<Note>,
    /// Units added to or removed from the rules' shortlist by hand.
    pub hand: HandChoices,
    /// The shortlist the rules chose, before any choice by hand.
    pub rules_shortlist: Vec<usize>,
    /// The profile's weights as loaded, (id, weight): what a weight diff
    /// compares with.
    pub profile_weights: Vec<(String, f64)>,
    /// Queen neighbours between units, when the run built the adjacency
    /// (candidates, contiguous areas or spatial smoothing asked for it).
    pub neighbours: Option<Vec<Vec<usize>>>,
    /// Profile indicators smoothed by `[smoothing]`: the score used these,
    /// `columns` keep the published values.
    pub smoothed: Vec<SmoothedColumn>,
    /// Local and global Moran's I of the composite score (with stability,
    /// when neighbours are known).
    pub lisa: Option<Lisa>,
}

/// Options of one run that are not part of the profile.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Skip the Monte Carlo (the TUI re-ranks live and runs it on demand).
    pub skip_stability: bool,
    /// Skip the candidates-per-rule line (costly on national data).
    pub skip_candidates: bool,
}

impl Analysis {
    pub fn run(ds: &Dataset, profile: &Profile, opts: RunOptions) -> Result<Analysis, ScoreError> {
        check_profile_indicators(ds, profile)?;
        check_profile_has_data(ds, profile)?;
        let rule = profile.pilot.rule;
        let idx = scope(ds, profile)?;
        let min_schools = profile.eligibility.min_primary_schools;
        let cache = AdjacencyCache::new();
        let (mut units, failed) = units_for(&cache, ds, profile, rule, &idx, min_schools)?;
        crate::timing::mark("units built");
        if units.facts.is_empty() {
            return Err(ScoreError::NoUnits);
        }
        // The LISA that comes with the stability runs on the neighbours too.
        let wants_neighbours = !opts.skip_candidates
            || !opts.skip_stability
            || rule == PilotRule::Contiguous
            || profile.smoothing.method == SmoothingMethod::SpatialEb;
        let build_neighbours = |members: &[Vec<usize>]| {
            wants_neighbours.then(|| {
                spatial::unit_neighbours(
                    buurt_adjacency(&cache, ds, profile),
                    members,
                    ds.areas.len(),
                )
            })
        };
        let lisa_of = |nb: &[Vec<usize>], ranking: &Ranking| {
            let scores: Vec<Option<f64>> = ranking.units.iter().map(|u| u.score).collect();
            spatial::seeded_lisa(&scores, nb, profile)
        };
        // Only spatial smoothing scores on the neighbours. Otherwise the
        // units are scored first, and the Monte Carlo (which needs only the
        // ranking) runs while the adjacency is built and the LISA of the
        // score is tested on it: each keeps a core busy where the other
        // leaves one idle.
        let (neighbours, (prepared, ranking, smoothed), stability, lisa) =
            if profile.smoothing.method == SmoothingMethod::SpatialEb {
                let nb = build_neighbours(&units.members);
                let (prepared, ranking, smoothed) =
                    score_units(ds, profile, &mut units, nb.as_deref().unwrap_or(&[]))?;
                crate::timing::mark("neighbours and ranking");
                let (st, lisa) = if opts.skip_stability {
                    (None, None)
                } else {
                    rayon::join(
                        || Some(stability(&prepared, &ranking, &profile.monte_carlo)),
                        || nb.as_deref().map(|nb| lisa_of(nb, &ranking)),
                    )
                };
                (nb, (prepared, ranking, smoothed), st, lisa)
            } else {
                let scored = score_units(ds, profile, &mut units, &[])?;
                crate::timing::mark("ranking");
                let (prepared, ranking, _) = &scored;
                let (st, (nb, lisa)) = rayon::join(
                    || {
                        (!opts.skip_stability)
                            .then(|| stability(prepared, ranking, &profile.monte_carlo))
                    },
                    || {
                        let nb = build_neighbours(&units.members);
                        let lisa = match (&nb, opts.skip_stability) {
                            (Some(nb), false) => Some(lisa_of(nb, ranking)),
                            _ => None,
                        };
                        (nb, lisa)
                    },
                );
                (nb, scored, st, lisa)
            };
        let stability = stability.transpose()?;
        crate::timing::mark("stability, neighbours and lisa");
        let candidates = if opts.skip_candidates {
            Vec::new()
        } else {
            candidates_with(&cache, ds, profile, &idx)?
        };
        let unweighted = std::mem::take(&mut units.unweighted);
        let mut a = Analysis {
            profile: profile.clone(),
            rule,
            units: units.facts,
            members: units.members,
            column_ids: ds.indicators.iter().map(|i| i.meta.id.clone()).collect(),
            columns: units.columns,
            prepared,
            ranking,
            stability,
            candidates,
            failed_seeds: failed
                .into_iter()
                .map(|f| (ds.areas[f.seed].code.clone(), f.reason))
                .collect(),
            notes: Vec::new(),
            hand: HandChoices::default(),
            rules_shortlist: Vec::new(),
            profile_weights: profile
                .indicators
                .iter()
                .map(|w| (w.id.clone(), w.weight))
                .collect(),
            neighbours,
            smoothed,
            lisa,
        };
        a.rules_shortlist = a.ranking.shortlist.clone();
        a.notes = a.compute_notes(ds);
        if !unweighted.is_empty() {
            a.notes.push(Note::Unweighted { ids: unweighted });
        }
        Ok(a)
    }

    fn compute_notes(&self, ds: &Dataset) -> Vec<Note> {
        let mut notes = Vec::new();
        if ds.school_method == SchoolMethod::Proxy3km {
            notes.push(Note::SchoolProxy);
        }
        if ds.school_method == SchoolMethod::None {
            notes.push(Note::NoSchools);
        }
        let sensitive = self
            .profile
            .sensitive_indicators(|id| ds.indicator(id).is_some_and(|i| i.meta.sensitive));
        if !sensitive.is_empty() {
            notes.push(Note::Sensitive { ids: sensitive });
        }
        let eligible = self.ranking.eligible_count();
        if eligible < self.ranking.top_k {
            notes.push(Note::FewEligible {
                eligible,
                rule: self.rule,
                top_k: self.ranking.top_k,
            });
        }
        if !self.smoothed.is_empty() {
            notes.push(Note::Smoothed {
                method: self.profile.smoothing.method.id().to_string(),
                ids: self.smoothed.iter().map(|s| s.pair.id.clone()).collect(),
            });
        }
        for a in &self.ranking.absent {
            notes.push(Note::Absent { id: a.id.clone() });
        }
        notes
    }

    /// Re-rank with new weights (aligned with `prepared.indicators()`),
    /// keeping the normalised matrix: what the TUI does on every key press.
    pub fn rerank(&mut self, weights: &[f64]) -> Result<(), ScoreError> {
        self.ranking = self.prepared.rank(weights)?;
        self.rules_shortlist = self.ranking.shortlist.clone();
        self.hand = HandChoices::default();
        self.stability = None;
        self.lisa = None;
        Ok(())
    }

    pub fn column(&self, id: &str) -> Option<&[Option<f64>]> {
        self.column_ids
            .iter()
            .position(|c| c == id)
            .map(|j| self.columns[j].as_slice())
    }
}

/// Index from unit code to position, for look-ups by the front ends.
pub fn unit_index(a: &Analysis) -> HashMap<&str, usize> {
    a.units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.code.as_str(), i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fixture::{dataset, profile};
    use super::*;

    const FAST: RunOptions = RunOptions {
        skip_stability: true,
        skip_candidates: true,
    };

    #[test]
    fn a_gemeente_filter_that_matches_nothing_is_an_error() {
        let ds = dataset();
        let mut p = profile("buurt");
        p.eligibility.gemeenten = vec!["GM9999".into()];
        let e = Analysis::run(&ds, &p, FAST).unwrap_err();
        assert!(matches!(e, ScoreError::EmptyScope { .. }), "{e}");
    }

    #[test]
    fn unit_index_finds_every_unit_by_code() {
        let ds = dataset();
        let a = Analysis::run(&ds, &profile("buurt"), FAST).unwrap();
        let idx = unit_index(&a);
        assert_eq!(idx.len(), a.units.len());
        for (u, f) in a.units.iter().enumerate() {
            assert_eq!(idx[f.code.as_str()], u);
        }
    }

    #[test]
    fn candidates_and_notes_come_with_the_run() {
        let ds = dataset();
        let mut p = profile("buurt");
        p.top_k = 2;
        let opts = RunOptions {
            skip_stability: true,
            skip_candidates: false,
        };
        let a = Analysis::run(&ds, &p, opts).unwrap();
        assert_eq!(a.candidates.len(), PilotRule::ALL.len());
        assert_eq!(a.candidates[0].counts, [(2, 2), (3, 1), (4, 1)]);
        assert!(
            a.notes.iter().any(|n| n
                .to_string()
                .contains("only 1 buurten meet the rules, fewer than the 2")),
            "{:?}",
            a.notes
        );
        assert!(Analysis::run(&ds, &p, FAST).unwrap().candidates.is_empty());
    }

    #[test]
    fn rerank_keeps_units_and_drops_stability() {
        let ds = dataset();
        let mut a = Analysis::run(&ds, &profile("buurt"), RunOptions::default()).unwrap();
        assert!(a.stability.is_some());
        let before = a.display_order();
        a.rerank(&[2.0]).unwrap();
        assert!(a.stability.is_none());
        assert_eq!(
            a.display_order(),
            before,
            "one indicator: scale does not reorder"
        );
        assert_eq!(a.column("low_income_hh_pct").map(<[_]>::len), Some(5));
        assert!(a.column("nope").is_none());
    }
}
