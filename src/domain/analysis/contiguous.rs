//! Pilot areas grown from adjacent buurten: a buurt with too few schools
//! takes in its neediest neighbours until the area meets the minimums.

use super::units::{children, grouped_units, num, score_input, Units};
use crate::domain::adjacency::Adjacency;
use crate::domain::dataset::{Dataset, Level};
use crate::domain::pilot::{grow, FailedSeed, GrowInput, GrowRules};
use crate::domain::profile::Profile;
use crate::domain::score::{Prepared, Ranking, ScoreError};
use crate::domain::select::IneligibleReason;

/// Rank buurten with the school rule switched off: the need order the
/// pilot-area growth starts from.
fn need_order(ds: &Dataset, profile: &Profile, units: &Units) -> Result<Ranking, ScoreError> {
    let mut p = profile.clone();
    p.eligibility.min_primary_schools = 0;
    Prepared::new(&score_input(ds, units), &p)?.rank_profile()
}

/// Adjacency is the costly part of pilot areas (national: ~2 s); one run
/// builds it at most once and shares it between the ranking and the
/// candidates-per-rule line.
/// Shared between the threads of one run, so a `OnceLock`.
pub(super) type AdjacencyCache = std::sync::OnceLock<Adjacency>;

/// The buurt adjacency of a run, built on first use.
pub(super) fn buurt_adjacency<'c>(
    cache: &'c AdjacencyCache,
    ds: &Dataset,
    profile: &Profile,
) -> &'c Adjacency {
    cache.get_or_init(|| {
        Adjacency::build(
            &ds.areas,
            |a| a.level == Level::Buurt,
            profile.pilot.adjacency_tolerance_m,
        )
    })
}

pub(super) fn contiguous_units(
    cache: &AdjacencyCache,
    ds: &Dataset,
    profile: &Profile,
    buurten: &Units,
    idx: &[usize],
    schools: &[Option<u32>],
    min_schools: u32,
) -> Result<(Units, Vec<FailedSeed>), ScoreError> {
    let base = need_order(ds, profile, buurten)?;
    let n = ds.areas.len();
    let mut score = vec![None; n];
    let mut usable = vec![false; n];
    for (u, &i) in idx.iter().enumerate() {
        score[i] = base.units[u].score;
        // Growing through a buurt outside the selected gemeenten or through
        // a lake would make an area nobody can run a pilot in.
        usable[i] = !base.units[u].reasons.iter().any(|r| {
            matches!(
                r,
                IneligibleReason::OutsideGemeenten { .. } | IneligibleReason::Water
            )
        });
    }
    let codes: Vec<String> = ds.areas.iter().map(|a| a.code.clone()).collect();
    let sch: Vec<u32> = schools.iter().map(|s| s.unwrap_or(0)).collect();
    let kids: Vec<f64> = (0..n).map(|i| children(ds, i).unwrap_or(0.0)).collect();
    let inh: Vec<f64> = (0..n)
        .map(|i| num(ds, "inhabitants", i).unwrap_or(0.0))
        .collect();
    let adjacency = buurt_adjacency(cache, ds, profile);
    // Seeds: buurten that could be shortlisted but for their schools, by need.
    let seeds: Vec<usize> = base
        .order
        .iter()
        .filter(|&&u| {
            base.units[u]
                .reasons
                .iter()
                .all(|r| matches!(r, IneligibleReason::TooFewSchools { .. }))
        })
        .map(|&u| idx[u])
        .collect();
    let growth = grow(
        &GrowInput {
            codes: &codes,
            score: &score,
            schools: &sch,
            children: &kids,
            inhabitants: &inh,
            usable: &usable,
            adjacency,
        },
        &seeds,
        &GrowRules {
            min_schools,
            min_children: profile.eligibility.min_children_0_15,
            max_members: profile.pilot.max_members,
        },
    );
    let groups = growth
        .areas
        .iter()
        .map(|a| {
            let names: Vec<&str> = a
                .members
                .iter()
                .map(|&m| ds.areas[m].name.as_str())
                .collect();
            let name = if names.len() > 2 {
                format!("{} + {} more", names[..2].join(", "), names.len() - 2)
            } else {
                names.join(", ")
            };
            (a.id.clone(), name, None, a.members.clone())
        })
        .collect();
    Ok((grouped_units(ds, groups, schools), growth.failed))
}
