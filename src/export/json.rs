//! Everything in one JSON document: provenance, method, every unit with its
//! values, contributions and stability, and the teams with their reasons.
//! A value is a number or a string saying why it is absent ("suppressed").
//! Only structs and `BTreeMap`s are serialised, so key order never depends
//! on a hash or on serde_json's features.

use super::cells::missing_text;
use super::provenance::Provenance;
use super::{Document, ExportError, Exporter, Format};
use crate::domain::analysis::{ChosenBy, RuleCandidates, UnitRow};
use crate::domain::pilot::PilotRule;
use crate::domain::profile::Profile;
use crate::domain::score::AbsentIndicator;
use crate::domain::teams::{ConditionCheck, Member, OrgKind, TeamProposal};
use crate::domain::uncertainty::IndicatorSensitivity;
use crate::domain::value::Value;
use crate::present::method_lines;
use serde::Serialize;
use std::collections::BTreeMap;

pub struct Json;

impl Exporter for Json {
    fn format(&self) -> Format {
        Format::Json
    }

    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        let mut out = serde_json::to_vec_pretty(&build(doc)?).map_err(ExportError::other)?;
        out.push(b'\n');
        Ok(out)
    }
}

/// A value as JSON: the number, or why it is absent.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum CellOut {
    Num(f64),
    Why(&'static str),
}

impl From<Value> for CellOut {
    fn from(v: Value) -> CellOut {
        match v {
            Value::Num(x) => CellOut::Num(x),
            Value::Missing(m) => CellOut::Why(missing_text(m)),
        }
    }
}

#[derive(Serialize)]
struct JsonOut<'a> {
    provenance: &'a Provenance,
    tool: &'a str,
    profile: &'a Profile,
    rule: PilotRule,
    method: Vec<String>,
    notes: Vec<String>,
    load_notes: &'a [crate::domain::report::LoadNote],
    indicators: &'a [String],
    weights: &'a [f64],
    absent_indicators: &'a [AbsentIndicator],
    indicator_info: Vec<IndicatorOut<'a>>,
    shortlist: Vec<&'a str>,
    stability: Option<StabilityMeta<'a>>,
    candidates: &'a [RuleCandidates],
    failed_seeds: &'a [(String, String)],
    units: Vec<UnitOut<'a>>,
    teams: TeamsOut<'a>,
    /// Pearson and Spearman over the reference set, pairwise complete.
    correlations: crate::domain::correlation::Correlations,
    /// Moran's I of the composite score with its permutation p-value.
    global_moran: Option<crate::domain::lisa::GlobalMoran>,
}

#[derive(Serialize)]
struct IndicatorOut<'a> {
    id: &'a str,
    label: &'a str,
    label_nl: &'a str,
    label_en: &'a str,
    /// The labels are made from the column name (no registry entry).
    label_from_name: bool,
    unit: &'a str,
    source: &'a str,
    known: bool,
    sensitive: bool,
    microdata: bool,
    weight: Option<f64>,
}

#[derive(Serialize)]
struct StabilityMeta<'a> {
    draws: usize,
    seed: u64,
    concentration: f64,
    vary_normalisation: bool,
    same_shortlist_share: f64,
    sensitivity: &'a [IndicatorSensitivity],
}

#[derive(Serialize)]
struct UnitOut<'a> {
    rank: Option<usize>,
    eligible_rank: Option<usize>,
    code: &'a str,
    name: &'a str,
    gemeente_code: &'a str,
    gemeente: &'a str,
    score: Option<f64>,
    coverage: f64,
    eligible: bool,
    shortlisted: bool,
    reasons: &'a [String],
    rank_median: Option<u32>,
    rank_p05: Option<u32>,
    rank_p95: Option<u32>,
    p_top_k: Option<f64>,
    label: Option<&'a str>,
    schools: Option<u32>,
    inhabitants: Option<f64>,
    children_0_15: Option<f64>,
    members: &'a [String],
    team: Vec<&'a str>,
    /// Aligned with the top-level `indicators`; 0 where the unit has no
    /// value (its `values` entry says why) or is not ranked.
    contributions: &'a [f64],
    values: BTreeMap<&'a str, CellOut>,
    /// On the shortlist: "rules" or "hand"; null off it.
    chosen_by: Option<ChosenBy>,
    removed_by_hand: bool,
    /// The eligibility rules the unit fails (empty when it meets them).
    failed_rules: Vec<String>,
    /// Ranks shared with units of the same score, [lowest, highest].
    rank_range: Option<(usize, usize)>,
    tied: bool,
    small_population: bool,
    /// `[smoothing]`: the smoothed value beside the published one.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    smoothed: BTreeMap<&'a str, Option<f64>>,
    lisa_i: Option<f64>,
    lisa_p: Option<f64>,
    lisa_class: Option<&'static str>,
}

#[derive(Serialize)]
struct TeamsOut<'a> {
    proposals: Vec<ProposalOut<'a>>,
    data_gaps: &'a [crate::domain::teams::DataGap],
}

#[derive(Serialize)]
struct ProposalOut<'a> {
    code: &'a str,
    name: &'a str,
    max_size: usize,
    members: Vec<MemberOut<'a>>,
    dropped_by_cap: Vec<MemberOut<'a>>,
    unmet: Vec<UnmetOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_triggered: Option<Vec<NotTriggeredOut<'a>>>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct MemberOut<'a> {
    role_id: &'a str,
    name_nl: &'a str,
    name_en: &'a str,
    kind: OrgKind,
    core: bool,
    strength: Option<f64>,
    reasons: Vec<CheckOut<'a>>,
}

#[derive(Serialize)]
struct UnmetOut<'a> {
    #[serde(flatten)]
    member: MemberOut<'a>,
    note: &'a str,
}

#[derive(Serialize)]
struct NotTriggeredOut<'a> {
    role_id: &'a str,
    name_nl: &'a str,
    name_en: &'a str,
    closest: Option<CheckOut<'a>>,
    note: &'a str,
}

/// A team condition, with the reason beside a value that is absent.
#[derive(Serialize)]
struct CheckOut<'a> {
    #[serde(flatten)]
    check: &'a ConditionCheck,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_missing: Option<&'static str>,
}

struct Teams<'d> {
    doc: &'d Document<'d>,
}

impl<'d> Teams<'d> {
    fn check(&self, unit: Option<usize>, c: &'d ConditionCheck) -> CheckOut<'d> {
        let value_missing = match (c.value, unit, self.doc.cells.index(&c.indicator)) {
            (None, Some(u), Some(j)) => self.doc.cells.get(u, j).value.missing().map(missing_text),
            _ => None,
        };
        CheckOut {
            check: c,
            value_missing,
        }
    }

    fn member(&self, unit: Option<usize>, m: &'d Member) -> MemberOut<'d> {
        MemberOut {
            role_id: &m.role_id,
            name_nl: &m.name_nl,
            name_en: &m.name_en,
            kind: m.kind,
            core: m.core,
            strength: m.strength,
            reasons: m.reasons.iter().map(|c| self.check(unit, c)).collect(),
        }
    }

    fn proposal(&self, p: &'d TeamProposal) -> ProposalOut<'d> {
        let unit = self
            .doc
            .analysis()
            .units
            .iter()
            .position(|u| u.code == p.buurt_code);
        ProposalOut {
            code: &p.buurt_code,
            name: &p.buurt_name,
            max_size: p.max_size,
            members: p.members.iter().map(|m| self.member(unit, m)).collect(),
            dropped_by_cap: p
                .dropped_by_cap
                .iter()
                .map(|m| self.member(unit, m))
                .collect(),
            unmet: p
                .unmet
                .iter()
                .map(|n| UnmetOut {
                    member: self.member(unit, &n.member),
                    note: &n.note,
                })
                .collect(),
            not_triggered: p.not_triggered.as_ref().map(|v| {
                v.iter()
                    .map(|n| NotTriggeredOut {
                        role_id: &n.role_id,
                        name_nl: &n.name_nl,
                        name_en: &n.name_en,
                        closest: n.closest.as_ref().map(|c| self.check(unit, c)),
                        note: &n.note,
                    })
                    .collect()
            }),
            notes: &p.notes,
        }
    }
}

fn unit_out<'a>(doc: &'a Document, u: usize, r: &'a UnitRow) -> UnitOut<'a> {
    let cells = &doc.cells;
    let values = (0..cells.indicator_count())
        .map(|j| {
            (
                cells.info[j].id.as_str(),
                CellOut::from(cells.get(u, j).value),
            )
        })
        .collect();
    let (lisa_i, lisa_p, lisa_class) = super::spatial::lisa(doc, u);
    UnitOut {
        rank: r.rank,
        eligible_rank: r.eligible_rank,
        code: &r.code,
        name: &r.name,
        gemeente_code: &r.gemeente_code,
        gemeente: &r.gemeente,
        score: r.score,
        coverage: r.coverage,
        eligible: r.eligible,
        shortlisted: r.shortlisted,
        reasons: &r.reasons,
        rank_median: r.rank_median,
        rank_p05: r.rank_p05,
        rank_p95: r.rank_p95,
        p_top_k: r.p_top_k,
        label: r.label.as_deref(),
        schools: r.schools,
        inhabitants: r.inhabitants,
        children_0_15: r.children_0_15,
        members: &r.members,
        team: doc
            .team(&r.code)
            .map(|p| p.members.iter().map(|m| m.role_id.as_str()).collect())
            .unwrap_or_default(),
        contributions: &r.contributions,
        values,
        chosen_by: r.chosen_by,
        removed_by_hand: r.removed_by_hand,
        failed_rules: failed_rules(doc, u),
        rank_range: r.rank_range,
        tied: r.tied,
        small_population: r.small_population,
        smoothed: super::spatial::smoothed_ids(doc)
            .into_iter()
            .map(|id| (id, super::spatial::smoothed(doc, u, id)))
            .collect(),
        lisa_i,
        lisa_p,
        lisa_class: (!lisa_class.is_empty()).then_some(lisa_class),
    }
}

/// The eligibility rules a unit fails, in the domain's own words.
fn failed_rules(doc: &Document, u: usize) -> Vec<String> {
    doc.analysis().ranking.units[u]
        .reasons
        .iter()
        .map(|r| r.to_string())
        .collect()
}

fn build<'a>(doc: &'a Document<'a>) -> Result<JsonOut<'a>, ExportError> {
    let a = doc.analysis();
    let teams = Teams { doc };
    Ok(JsonOut {
        provenance: doc.provenance()?,
        tool: &doc.provenance()?.tool,
        profile: &a.profile,
        rule: a.rule,
        method: method_lines(a, doc.ds(), doc.ctx.options.lang),
        notes: a.notes.iter().map(|n| n.to_string()).collect(),
        load_notes: &doc.ds().report.notes,
        indicators: &a.ranking.indicators,
        weights: &a.ranking.weights,
        absent_indicators: &a.ranking.absent,
        indicator_info: doc
            .cells
            .column_order()
            .into_iter()
            .map(|j| {
                let i = &doc.cells.info[j];
                IndicatorOut {
                    id: &i.id,
                    label: &i.label,
                    label_nl: &i.label_nl,
                    label_en: &i.label_en,
                    label_from_name: i.label_from_name,
                    unit: &i.unit,
                    source: &i.source,
                    known: i.known,
                    sensitive: i.sensitive,
                    microdata: i.microdata,
                    weight: i.ranking.map(|k| a.ranking.weights[k]),
                }
            })
            .collect(),
        shortlist: a
            .ranking
            .shortlist
            .iter()
            .map(|&u| a.units[u].code.as_str())
            .collect(),
        stability: a.stability.as_ref().map(|s| StabilityMeta {
            draws: s.draws,
            seed: s.seed,
            concentration: s.concentration,
            vary_normalisation: s.vary_normalisation,
            same_shortlist_share: s.same_shortlist_share,
            sensitivity: &s.sensitivity,
        }),
        candidates: &a.candidates,
        failed_seeds: &a.failed_seeds,
        units: doc
            .order
            .iter()
            .zip(&doc.rows)
            .map(|(&u, r)| unit_out(doc, u, r))
            .collect(),
        teams: TeamsOut {
            proposals: doc
                .ctx
                .teams
                .proposals
                .iter()
                .map(|p| teams.proposal(p))
                .collect(),
            data_gaps: &doc.ctx.teams.data_gaps,
        },
        correlations: a.correlations(),
        global_moran: a.lisa.as_ref().and_then(|l| l.global()),
    })
}
