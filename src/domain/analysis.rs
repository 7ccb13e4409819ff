//! One analysis of a dataset under a profile: the units being compared
//! (buurten, wijken or grown pilot areas), their ranking, its stability and
//! how many candidates each pilot-area rule would give. Every front end
//! (CLI, TUI, exports) reads this one struct, so they show the same numbers.

use super::adjacency::{points_within, Adjacency};
use super::aggregate::{aggregate, wijk_members, Origin};
use super::dataset::{Area, Dataset, Level, SchoolMethod};
use super::pilot::{grow, FailedSeed, GrowInput, GrowRules, PilotRule};
use super::profile::Profile;
use super::score::{IndicatorColumn, Prepared, Ranking, ScoreError, ScoreInput, UnitFacts};
use super::select::{GemeenteFilter, IneligibleReason};
use super::teams::{BuurtView, IndicatorView};
use super::uncertainty::{stability, Stability};
use super::value::Value;
use serde::Serialize;
use std::collections::HashMap;

/// Candidates a rule gives at 2, 3 and 4 schools, for the sensitivity line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleCandidates {
    pub rule: PilotRule,
    /// (minimum schools, candidates)
    pub counts: Vec<(u32, usize)>,
}

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
    pub notes: Vec<String>,
}

/// Options of one run that are not part of the profile.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Skip the Monte Carlo (the TUI re-ranks live and runs it on demand).
    pub skip_stability: bool,
    /// Skip the candidates-per-rule line (costly on national data).
    pub skip_candidates: bool,
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

fn num(ds: &Dataset, id: &str, i: usize) -> Option<f64> {
    ds.value(id, i).and_then(Value::num)
}

fn children(ds: &Dataset, i: usize) -> Option<f64> {
    num(ds, "children_0_14", i).or_else(|| {
        let pct = num(ds, "children_0_14_pct", i)?;
        Some(pct / 100.0 * num(ds, "inhabitants", i)?)
    })
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

struct Units {
    facts: Vec<UnitFacts>,
    members: Vec<Vec<usize>>,
    columns: Vec<Vec<Option<f64>>>,
    /// Indicators rolled up as plain means for lack of a denominator.
    unweighted: Vec<String>,
}

fn buurt_units(ds: &Dataset, idx: &[usize], schools: &[Option<u32>]) -> Units {
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
                inhabitants: num(ds, "inhabitants", i),
                children_0_15: children(ds, i),
                water: a.water,
            }
        })
        .collect();
    let columns = ds
        .indicators
        .iter()
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
fn grouped_units(
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
    let keep: std::collections::HashSet<usize> = idx.iter().copied().collect();
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

fn score_input<'a>(ds: &'a Dataset, units: &'a Units) -> ScoreInput<'a> {
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
type AdjacencyCache = std::cell::OnceCell<Adjacency>;

fn contiguous_units(
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
    let adjacency = cache.get_or_init(|| {
        Adjacency::build(
            &ds.areas,
            |a| a.level == Level::Buurt,
            profile.pilot.adjacency_tolerance_m,
        )
    });
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

fn units_for(
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

impl Analysis {
    pub fn run(ds: &Dataset, profile: &Profile, opts: RunOptions) -> Result<Analysis, ScoreError> {
        check_profile_indicators(ds, profile)?;
        let rule = profile.pilot.rule;
        // Units outside the selected gemeenten are not compared at all: a
        // steering group for Tilburg reads ranks within Tilburg.
        let filter = GemeenteFilter::new(&profile.eligibility.gemeenten);
        let idx: Vec<usize> = buurt_indices(ds)
            .into_iter()
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
            .collect();
        if idx.is_empty() {
            return Err(ScoreError::EmptyScope {
                gemeenten: profile.eligibility.gemeenten.clone(),
            });
        }
        let min_schools = profile.eligibility.min_primary_schools;
        let cache = AdjacencyCache::new();
        let (mut units, failed) = units_for(&cache, ds, profile, rule, &idx, min_schools)?;
        if units.facts.is_empty() {
            return Err(ScoreError::NoUnits);
        }
        let prepared = Prepared::new(&score_input(ds, &units), profile)?;
        let ranking = prepared.rank_profile()?;
        let stability = if opts.skip_stability {
            None
        } else {
            Some(stability(&prepared, &ranking, &profile.monte_carlo)?)
        };
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
        };
        a.notes = a.compute_notes(ds);
        if !unweighted.is_empty() {
            a.notes.push(format!(
                "rolled up as plain means (the data has no inhabitants or households to weight by): {}",
                unweighted.join(", ")
            ));
        }
        Ok(a)
    }

    fn compute_notes(&self, ds: &Dataset) -> Vec<String> {
        let mut notes = Vec::new();
        if ds.school_method == SchoolMethod::Proxy3km {
            notes.push(
                "school counts are a PROXY: CBS 'primary schools within 3 km' (an average per address), not schools inside the buurt".into(),
            );
        }
        if ds.school_method == SchoolMethod::None {
            notes.push("no school data: the school rule cannot be met (give --schools)".into());
        }
        let sensitive = self
            .profile
            .sensitive_indicators(|id| ds.indicator(id).is_some_and(|i| i.meta.sensitive));
        if !sensitive.is_empty() {
            notes.push(format!(
                "this profile weights sensitive indicators (ethnicity / migration background): {}",
                sensitive.join(", ")
            ));
        }
        let eligible = self.ranking.eligible_count();
        if eligible < self.ranking.top_k {
            notes.push(format!(
                "only {eligible} {} meet the rules, fewer than the {} asked for: consider --rule catchment, wijk or contiguous",
                self.rule.unit_plural(),
                self.ranking.top_k
            ));
        }
        for a in &self.ranking.absent {
            notes.push(format!(
                "profile indicator '{}' is not in the data: its weight is spread over the others",
                a.id
            ));
        }
        notes
    }

    /// Re-rank with new weights (aligned with `prepared.indicators()`),
    /// keeping the normalised matrix: what the TUI does on every key press.
    pub fn rerank(&mut self, weights: &[f64]) -> Result<(), ScoreError> {
        self.ranking = self.prepared.rank(weights)?;
        self.stability = None;
        Ok(())
    }

    pub fn run_stability(&mut self) -> Result<(), ScoreError> {
        self.stability = Some(stability(
            &self.prepared,
            &self.ranking,
            &self.profile.monte_carlo,
        )?);
        Ok(())
    }

    pub fn column(&self, id: &str) -> Option<&[Option<f64>]> {
        self.column_ids
            .iter()
            .position(|c| c == id)
            .map(|j| self.columns[j].as_slice())
    }

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
}

/// A profile indicator that neither the registry nor the data knows is a
/// typo far more often than an intention: refuse it, with the nearest id.
fn check_profile_indicators(ds: &Dataset, profile: &Profile) -> Result<(), ScoreError> {
    let known: Vec<&str> = super::registry::REGISTRY
        .iter()
        .map(|d| d.id)
        .chain(ds.indicators.iter().map(|i| i.meta.id.as_str()))
        .collect();
    for ind in &profile.indicators {
        if known.contains(&ind.id.as_str()) {
            continue;
        }
        let nearest = known
            .iter()
            .map(|k| (edit_distance(k, &ind.id), *k))
            .min()
            .filter(|(d, _)| *d <= 3);
        return Err(ScoreError::UnknownIndicator {
            id: ind.id.clone(),
            hint: nearest
                .map(|(_, k)| format!(" (did you mean `{k}`?)"))
                .unwrap_or_else(|| {
                    " (`buurtradar indicators` lists the known ids; `check` lists the data's)"
                        .into()
                }),
        });
    }
    Ok(())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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

fn candidates_with(
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

/// Index from unit code to position, for look-ups by the front ends.
pub fn unit_index(a: &Analysis) -> HashMap<&str, usize> {
    a.units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.code.as_str(), i))
        .collect()
}

/// One unit's result, flat, as every export and table shows it.
#[derive(Debug, Clone, Serialize)]
pub struct UnitRow {
    pub rank: Option<usize>,
    pub eligible_rank: Option<usize>,
    pub code: String,
    pub name: String,
    pub gemeente_code: String,
    pub gemeente: String,
    pub score: Option<f64>,
    pub coverage: f64,
    pub eligible: bool,
    pub shortlisted: bool,
    /// Why not eligible / not ranked; empty when eligible.
    pub reasons: Vec<String>,
    pub rank_median: Option<u32>,
    pub rank_p05: Option<u32>,
    pub rank_p95: Option<u32>,
    pub p_top_k: Option<f64>,
    pub label: Option<String>,
    pub schools: Option<u32>,
    pub inhabitants: Option<f64>,
    pub children_0_15: Option<f64>,
    /// Buurt codes of a wijk or pilot area (the unit itself for a buurt).
    pub members: Vec<String>,
    /// Aligned with the ranking's indicators; they add up to the score
    /// (arithmetic) or to ln(score) (geometric).
    pub contributions: Vec<f64>,
}

impl Analysis {
    pub fn row(&self, ds: &Dataset, u: usize) -> UnitRow {
        let f = &self.units[u];
        let r = &self.ranking.units[u];
        let st = self
            .stability
            .as_ref()
            .and_then(|s| s.units.get(u).cloned().flatten());
        let mut reasons: Vec<String> = r.reasons.iter().map(|x| x.to_string()).collect();
        if let Some(nr) = &r.not_ranked {
            reasons.push(nr.to_string());
        }
        UnitRow {
            rank: r.rank,
            eligible_rank: r.eligible_rank,
            code: f.code.clone(),
            name: f.name.clone(),
            gemeente_code: f.gemeente_code.clone(),
            gemeente: f.gemeente_name.clone(),
            score: r.score,
            coverage: r.coverage,
            eligible: r.eligible,
            shortlisted: self.ranking.shortlist.contains(&u),
            reasons,
            rank_median: st.as_ref().map(|s| s.rank.median),
            rank_p05: st.as_ref().map(|s| s.rank.p05),
            rank_p95: st.as_ref().map(|s| s.rank.p95),
            p_top_k: st
                .as_ref()
                .and_then(|s| s.eligible.as_ref().map(|e| e.p_top_k)),
            label: st
                .as_ref()
                .and_then(|s| s.eligible.as_ref().map(|e| e.label.label().to_string())),
            schools: f.primary_schools,
            inhabitants: f.inhabitants,
            children_0_15: f.children_0_15,
            members: self.members[u]
                .iter()
                .map(|&m| ds.areas[m].code.clone())
                .collect(),
            contributions: self.ranking.contributions(u).to_vec(),
        }
    }

    /// Every unit index in the order all outputs list them: ranked units by
    /// rank, then the unranked by code.
    pub fn display_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = self.ranking.order.clone();
        let mut rest: Vec<usize> = (0..self.units.len())
            .filter(|u| self.ranking.units[*u].rank.is_none())
            .collect();
        rest.sort_by(|a, b| self.units[*a].code.cmp(&self.units[*b].code));
        order.extend(rest);
        order
    }

    /// All units, in `display_order`.
    pub fn rows(&self, ds: &Dataset) -> Vec<UnitRow> {
        self.display_order()
            .into_iter()
            .map(|u| self.row(ds, u))
            .collect()
    }
}

impl Analysis {
    /// Team proposals for the given units (the shortlist when empty).
    pub fn teams(
        &self,
        ds: &Dataset,
        catalogue: &super::teams::RoleCatalogue,
        settings: &super::teams::TeamSettings,
        units: &[usize],
    ) -> super::teams::TeamReport {
        let chosen: Vec<usize> = if units.is_empty() {
            self.ranking.shortlist.clone()
        } else {
            units.to_vec()
        };
        let views: Vec<BuurtView> = chosen.iter().map(|&u| self.team_view(ds, u)).collect();
        super::teams::propose_all(catalogue, &views, settings)
    }
}
