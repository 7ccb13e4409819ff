//! The units a pilot rule compares: buurten (inside the polygon or by
//! catchment), wijken, or pilot areas, with their facts and indicator columns.

use super::contiguous::{contiguous_units, AdjacencyCache};
use crate::domain::adjacency::points_within;
use crate::domain::aggregate::{aggregate, wijk_members, Origin};
use crate::domain::dataset::{Area, Dataset, Level, SchoolMethod};
use crate::domain::pilot::{FailedSeed, PilotRule};
use crate::domain::profile::Profile;
use crate::domain::score::{
    reference_mask, IndicatorColumn, Prepared, Ranking, ScoreError, ScoreInput, UnitFacts,
};
use crate::domain::select::GemeenteFilter;
use crate::domain::smoothing::{smooth_columns, SmoothedColumn};
use crate::domain::value::Value;
use rayon::prelude::*;
use std::collections::HashSet;

/// Buurt indices the run compares. Units outside the selected gemeenten are
/// not compared at all: a steering group for Tilburg reads ranks within
/// Tilburg.
pub(super) fn scope(ds: &Dataset, profile: &Profile) -> Result<Vec<usize>, ScoreError> {
    let filter = GemeenteFilter::new(&profile.eligibility.gemeenten);
    let all = buurt_indices(ds);
    // No gemeente chosen: nothing to compare (nationally, a name lookup and
    // three strings per buurt saved).
    let idx: Vec<usize> = if filter.is_all() {
        all
    } else {
        all.into_iter()
            .filter(|&i| {
                let a = &ds.areas[i];
                filter.matches(&UnitFacts {
                    code: a.code.clone(),
                    name: String::new(),
                    gemeente_code: a.gemeente_code.clone(),
                    gemeente_name: gemeente_name(ds, a),
                    primary_schools: None,
                    inhabitants: None,
                    children_0_15: None,
                    water: false,
                })
            })
            .collect()
    };
    if idx.is_empty() {
        return Err(ScoreError::EmptyScope {
            gemeenten: profile.eligibility.gemeenten.clone(),
        });
    }
    Ok(idx)
}

fn buurt_indices(ds: &Dataset) -> Vec<usize> {
    let any_boundaries = ds.areas.iter().any(|a| a.in_boundaries);
    ds.areas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.level == Level::Buurt && (a.in_boundaries || !any_boundaries))
        .map(|(i, _)| i)
        .collect()
}

pub(super) fn num(ds: &Dataset, id: &str, i: usize) -> Option<f64> {
    ds.value(id, i).and_then(Value::num)
}

pub(super) fn children(ds: &Dataset, i: usize) -> Option<f64> {
    num(ds, "children_0_14", i).or_else(|| {
        let pct = num(ds, "children_0_14_pct", i)?;
        Some(pct / 100.0 * num(ds, "inhabitants", i)?)
    })
}

/// The columns [`num`] and [`children`] read, looked up once for a loop
/// over every buurt (same figures).
struct Figures<'a> {
    inhabitants: Option<&'a [Value]>,
    children: Option<&'a [Value]>,
    children_pct: Option<&'a [Value]>,
}

impl<'a> Figures<'a> {
    fn of(ds: &'a Dataset) -> Figures<'a> {
        let column = |id: &str| ds.indicator(id).map(|i| i.values.as_slice());
        Figures {
            inhabitants: column("inhabitants"),
            children: column("children_0_14"),
            children_pct: column("children_0_14_pct"),
        }
    }

    fn at(column: Option<&[Value]>, i: usize) -> Option<f64> {
        column.and_then(|c| c.get(i).copied()).and_then(Value::num)
    }

    fn inhabitants(&self, i: usize) -> Option<f64> {
        Self::at(self.inhabitants, i)
    }

    fn children(&self, i: usize) -> Option<f64> {
        Self::at(self.children, i).or_else(|| {
            let pct = Self::at(self.children_pct, i)?;
            Some(pct / 100.0 * self.inhabitants(i)?)
        })
    }
}

fn gemeente_name(ds: &Dataset, a: &Area) -> String {
    a.gemeente_name
        .clone()
        .or_else(|| {
            ds.report
                .gemeenten
                .get(&a.gemeente_code)
                .and_then(|g| g.name.clone())
        })
        .or_else(|| {
            ds.area(&a.gemeente_code)
                .filter(|g| g.name != g.code)
                .map(|g| g.name.clone())
        })
        .unwrap_or_default()
}

/// Primary schools per area under a rule: inside the polygon, or within a
/// catchment distance of it. `None` where the count is unknown.
fn school_counts(ds: &Dataset, rule: PilotRule, catchment_m: f64) -> Vec<Option<u32>> {
    match (ds.school_method, rule) {
        (SchoolMethod::Points, PilotRule::Catchment) => {
            let pts: Vec<(f64, f64)> = ds
                .schools
                .iter()
                .filter(|s| s.primary)
                .map(|s| (s.x, s.y))
                .collect();
            let c = points_within(&ds.areas, |a| a.level == Level::Buurt, &pts, catchment_m);
            ds.areas
                .iter()
                .zip(c)
                .map(|(a, c)| a.geometry.as_ref().map(|_| c))
                .collect()
        }
        (SchoolMethod::Proxy3km, _) => (0..ds.areas.len())
            .map(|i| num(ds, "schools_within_3km", i).map(|v| v.floor().max(0.0) as u32))
            .collect(),
        _ => ds.areas.iter().map(|a| a.schools).collect(),
    }
}

pub(super) struct Units {
    pub(super) facts: Vec<UnitFacts>,
    pub(super) members: Vec<Vec<usize>>,
    pub(super) columns: Vec<Vec<Option<f64>>>,
    /// Indicators rolled up as plain means for lack of a denominator.
    pub(super) unweighted: Vec<String>,
}

fn buurt_units(ds: &Dataset, idx: &[usize], schools: &[Option<u32>]) -> Units {
    let people = Figures::of(ds);
    // The figures on every core, in indicator order. The facts stay on one
    // thread: their strings then lie together in memory, which the app's
    // per-frame walks over every unit's name (map labels) felt at 250,000
    // units.
    let facts = idx
        .iter()
        .map(|&i| {
            let a = &ds.areas[i];
            UnitFacts {
                code: a.code.clone(),
                name: a.name.clone(),
                gemeente_code: a.gemeente_code.clone(),
                gemeente_name: gemeente_name(ds, a),
                primary_schools: schools[i],
                inhabitants: people.inhabitants(i),
                children_0_15: people.children(i),
                water: a.water,
            }
        })
        .collect();
    let columns = ds
        .indicators
        .par_iter()
        .map(|ind| idx.iter().map(|&i| ind.values[i].num()).collect())
        .collect();
    Units {
        facts,
        members: idx.iter().map(|&i| vec![i]).collect(),
        columns,
        unweighted: Vec::new(),
    }
}

/// Units made of several buurten: figures rolled up (rates weighted by
/// their denominators), schools summed.
pub(super) fn grouped_units(
    ds: &Dataset,
    groups: Vec<(String, String, Option<String>, Vec<usize>)>,
    schools: &[Option<u32>],
) -> Units {
    let mut facts = Vec::with_capacity(groups.len());
    let mut members = Vec::with_capacity(groups.len());
    let mut columns: Vec<Vec<Option<f64>>> =
        vec![Vec::with_capacity(groups.len()); ds.indicators.len()];
    let mut unweighted: Vec<String> = Vec::new();
    for (code, name, published, m) in groups {
        for (j, ind) in ds.indicators.iter().enumerate() {
            let fig = aggregate(ds, ind, published.as_deref(), &m);
            if fig.origin == Origin::Unweighted && !unweighted.contains(&ind.meta.id) {
                unweighted.push(ind.meta.id.clone());
            }
            columns[j].push(fig.value.num());
        }
        let first = &ds.areas[m[0]];
        let sum = |f: &dyn Fn(usize) -> Option<f64>| -> Option<f64> {
            let v: Vec<f64> = m.iter().filter_map(|&i| f(i)).collect();
            if v.is_empty() {
                None
            } else {
                Some(v.iter().sum())
            }
        };
        let school_sum: Option<u32> = if m.iter().all(|&i| schools[i].is_none()) {
            None
        } else {
            Some(m.iter().filter_map(|&i| schools[i]).sum())
        };
        facts.push(UnitFacts {
            code,
            name,
            gemeente_code: first.gemeente_code.clone(),
            gemeente_name: gemeente_name(ds, first),
            primary_schools: school_sum,
            inhabitants: sum(&|i| num(ds, "inhabitants", i)),
            children_0_15: sum(&|i| children(ds, i)),
            water: m.iter().all(|&i| ds.areas[i].water),
        });
        members.push(m);
    }
    Units {
        facts,
        members,
        columns,
        unweighted,
    }
}

fn wijk_units(ds: &Dataset, idx: &[usize], schools: &[Option<u32>]) -> Units {
    let keep: HashSet<usize> = idx.iter().copied().collect();
    let groups = wijk_members(ds, |a| keep.contains(&ds.index[&a.code]))
        .into_iter()
        .map(|(wk, m)| {
            let name = ds
                .area(&wk)
                .filter(|w| w.name != w.code)
                .map(|w| w.name.clone())
                .unwrap_or_else(|| wk.clone());
            (wk.clone(), name, Some(wk), m)
        })
        .collect();
    grouped_units(ds, groups, schools)
}

/// Smoothing, scoring and ranking of the units. The score reads the
/// smoothed values; `units` keep the published ones for display.
pub(super) fn score_units(
    ds: &Dataset,
    profile: &Profile,
    units: &mut Units,
    neighbours: &[Vec<usize>],
) -> Result<(Prepared, Ranking, Vec<SmoothedColumn>), ScoreError> {
    let ids: Vec<String> = profile.indicators.iter().map(|i| i.id.clone()).collect();
    let column_of = |id: &str| ds.indicators.iter().position(|i| i.meta.id == id);
    let mut smoothed = smooth_columns(
        profile.smoothing.method,
        &ids,
        |id| column_of(id).map(|j| units.columns[j].as_slice()),
        &reference_mask(&units.facts, profile)?,
        neighbours,
    );
    let swap = |units: &mut Units, smoothed: &mut [SmoothedColumn]| {
        for s in smoothed.iter_mut() {
            if let Some(j) = column_of(&s.pair.id) {
                std::mem::swap(&mut units.columns[j], &mut s.values);
            }
        }
    };
    swap(units, &mut smoothed);
    let prepared = Prepared::new(&score_input(ds, units), profile);
    swap(units, &mut smoothed);
    let prepared = prepared?;
    let ranking = prepared.rank_profile()?;
    Ok((prepared, ranking, smoothed))
}

pub(super) fn score_input<'a>(ds: &'a Dataset, units: &'a Units) -> ScoreInput<'a> {
    ScoreInput {
        units: &units.facts,
        columns: ds
            .indicators
            .iter()
            .zip(&units.columns)
            .map(|(ind, col)| IndicatorColumn {
                id: &ind.meta.id,
                values: col,
                default_direction: ind.meta.direction,
            })
            .collect(),
    }
}
pub(super) fn units_for(
    cache: &AdjacencyCache,
    ds: &Dataset,
    profile: &Profile,
    rule: PilotRule,
    idx: &[usize],
    min_schools: u32,
) -> Result<(Units, Vec<FailedSeed>), ScoreError> {
    let schools = school_counts(ds, rule, profile.pilot.catchment_m);
    Ok(match rule {
        PilotRule::Buurt | PilotRule::Catchment => (buurt_units(ds, idx, &schools), Vec::new()),
        PilotRule::Wijk => (wijk_units(ds, idx, &schools), Vec::new()),
        PilotRule::Contiguous => {
            let b = buurt_units(ds, idx, &schools);
            contiguous_units(cache, ds, profile, &b, idx, &schools, min_schools)?
        }
    })
}
