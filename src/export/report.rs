//! The content the memo formats (md, html) share, as plain text pieces, so
//! both say the same thing in their own markup.

use super::cells::cell_text;
use super::Document;
use crate::domain::analysis::{ChosenBy, UnitRow};
use crate::domain::teams::TeamProposal;
use crate::domain::value::{Direction, Value};
use crate::export::Provenance;
use crate::i18n::{Lang, Msg, Rt};
use crate::present::{human, method};

/// "youth_care_pct 16.3 % (+0.37)": the largest contributions, with the value.
pub fn drivers(doc: &Document, u: usize, n: usize) -> Vec<String> {
    let a = doc.analysis();
    a.ranking
        .drivers(u)
        .into_iter()
        .filter(|(_, c)| *c != 0.0)
        .take(n)
        .map(|(id, c)| {
            let (v, unit) = match doc.cells.index(id) {
                Some(j) => (
                    doc.cells.get(u, j).value,
                    doc.cells.info[j].unit.trim().to_string(),
                ),
                None => (
                    Value::Missing(crate::domain::value::Missing::NotInInput),
                    String::new(),
                ),
            };
            let lang = doc.ctx.options.lang;
            let v = match v {
                Value::Num(x) => human::value_with_unit(Some(x), &unit, lang),
                missing => cell_text(missing).to_string(),
            };
            let label = human::label(doc.ds(), id, lang);
            format!("{label} {v} ({})", human::signed(c, lang))
        })
        .collect()
}

/// The code with the small-population mark ("BU01 !").
pub fn code_mark(r: &UnitRow) -> String {
    format!("{}{}", r.code, if r.small_population { " !" } else { "" })
}

/// The status column, with the hand mark for a unit put on by hand.
pub fn row_status(doc: &Document, u: usize, r: &UnitRow) -> String {
    let status = human::status(doc.analysis(), u, r, doc.ctx.options.lang);
    if r.chosen_by == Some(ChosenBy::Hand) {
        format!("{} {status}", human::HAND)
    } else {
        status
    }
}

/// One sentence per mark the rows carry: tie, few inhabitants, by hand.
pub fn mark_lines<'r>(doc: &Document, rows: impl Iterator<Item = &'r UnitRow>) -> Vec<String> {
    let lang = doc.ctx.options.lang;
    let (mut tied, mut small, mut hand) = (false, false, false);
    for r in rows {
        tied |= r.tied;
        small |= r.small_population;
        hand |= r.chosen_by == Some(ChosenBy::Hand);
    }
    let mut lines = Vec::new();
    if tied {
        lines.push(Rt::TieMark.text(lang).to_string());
    }
    if small {
        let below = human::num(Some(doc.analysis().profile.small_population_below), 0, lang);
        lines.push(Rt::SmallMark.fill(lang, &[&below]));
    }
    if hand {
        lines.push(Rt::HandMark.text(lang).to_string());
    }
    lines
}

/// The facts line under a team heading.
pub fn unit_facts(doc: &Document, code: &str) -> Option<String> {
    let a = doc.analysis();
    let u = a.units.iter().find(|u| u.code == code)?;
    Some(human::facts(u, doc.ctx.options.lang))
}

/// One sentence per choice by hand: units added (with the rules they
/// fail) and units removed. Empty when the rules alone chose.
pub fn hand_lines(doc: &Document) -> Vec<String> {
    let a = doc.analysis();
    let lang = doc.ctx.options.lang;
    let mut v = Vec::new();
    for &u in &a.hand.added {
        let failed = human::failed_rules(a, u, lang);
        let why = if failed.is_empty() {
            Rt::AddedByHandEligible.fill(lang, &[&a.ranking.top_k])
        } else {
            Rt::AddedByHandFails.fill(lang, &[&failed.join("; ")])
        };
        v.push(format!(
            "{} {} {}: {why}",
            human::HAND,
            a.units[u].code,
            a.units[u].name
        ));
    }
    for &u in &a.hand.removed {
        let rank = crate::present::optional(a.ranking.units[u].rank);
        v.push(format!(
            "{} {}: {}",
            a.units[u].code,
            a.units[u].name,
            Rt::RemovedLine.fill(lang, &[&rank])
        ));
    }
    v
}

/// What follows the profile's name: its description and, when the weights
/// differ from it, that it was changed - " (a; b)", or "" - with each part
/// written by the format (`text` escapes, `strong` emphasises).
pub fn profile_extras(
    doc: &Document,
    text: impl Fn(&str) -> String,
    strong: impl Fn(&str) -> String,
) -> String {
    let p = &doc.analysis().profile;
    let mut extra = Vec::new();
    if !p.description.is_empty() {
        extra.push(text(&p.description));
    }
    if !weight_changes(doc).is_empty() {
        extra.push(strong(Rt::ProfileChanged.text(doc.ctx.options.lang)));
    }
    if extra.is_empty() {
        String::new()
    } else {
        format!(" ({})", extra.join("; "))
    }
}

/// (indicator label, profile weight, used weight) where they differ.
pub fn weight_changes(doc: &Document) -> Vec<(String, String, String)> {
    let lang = doc.ctx.options.lang;
    let w = |x: f64| human::num(Some(x), if x.fract() == 0.0 { 0 } else { 2 }, lang);
    doc.analysis()
        .weight_changes()
        .into_iter()
        .map(|(id, before, now)| (human::label(doc.ds(), &id, lang), w(before), w(now)))
        .collect()
}

/// One team member with the figures that call for it.
pub struct MemberLine {
    pub name: String,
    pub core: bool,
    pub reasons: Vec<String>,
}

pub fn members(doc: &Document, p: &TeamProposal) -> Vec<MemberLine> {
    let lang = doc.ctx.options.lang;
    p.members
        .iter()
        .map(|m| MemberLine {
            name: human::role_name(&m.name_nl, &m.name_en, lang),
            core: m.core,
            reasons: human::reasons(m, doc.ds(), lang),
        })
        .collect()
}

/// Remarks under a team: over the size cap, unmet, notes.
pub fn team_remarks(doc: &Document, p: &TeamProposal) -> Vec<String> {
    let lang = doc.ctx.options.lang;
    let mut v = Vec::new();
    if !p.dropped_by_cap.is_empty() {
        let names: Vec<String> = p
            .dropped_by_cap
            .iter()
            .map(|m| human::role_name(&m.name_nl, &m.name_en, lang))
            .collect();
        v.push(Rt::OverCap.fill(lang, &[&p.max_size, &names.join("; ")]));
    }
    for u in &p.unmet {
        let name = human::role_name(&u.member.name_nl, &u.member.name_en, lang);
        v.push(Rt::Unmet.fill(lang, &[&name, &human::team_note(&u.note, lang)]));
    }
    v.extend(p.notes.iter().map(|n| Rt::NoteLine.fill(lang, &[n])));
    v
}

pub struct WeightRow {
    pub id: String,
    pub label: String,
    pub direction: &'static str,
    pub weight: f64,
    pub share: f64,
}

pub fn weights(doc: &Document) -> Vec<WeightRow> {
    let a = doc.analysis();
    let total: f64 = a.ranking.weights.iter().sum();
    let dirs = a.prepared.directions();
    a.ranking
        .indicators
        .iter()
        .zip(&a.ranking.weights)
        .enumerate()
        .map(|(k, (id, &w))| WeightRow {
            id: id.clone(),
            label: human::label(doc.ds(), id, doc.ctx.options.lang),
            direction: match dirs.get(k) {
                Some(Direction::Risk) => Msg::Risk.text(doc.ctx.options.lang),
                Some(Direction::Protective) => Msg::Protective.text(doc.ctx.options.lang),
                Some(Direction::Neutral) => Msg::Neutral.text(doc.ctx.options.lang),
                None => "-",
            },
            weight: w,
            share: if total > 0.0 { w / total * 100.0 } else { 0.0 },
        })
        .collect()
}

/// Normalisation, aggregation, reference, winsorising, coverage.
pub fn method_details(doc: &Document) -> String {
    let p = &doc.analysis().profile;
    let lang = doc.ctx.options.lang;
    let w = p.normalisation.winsorize;
    Rt::MethodDetails.fill(
        lang,
        &[
            &method::normalisation(p.normalisation.method, lang),
            &human::num(Some(w), 2, lang),
            &human::num(Some(1.0 - w), 2, lang),
            &method::reference(p.normalisation.reference, lang),
            &method::aggregation(p.aggregation.method, lang),
            &human::num(Some(p.missing.min_coverage * 100.0), 0, lang),
        ],
    )
}

/// "Gemiddelde WOZ-waarde: +50% gewicht verandert de shortlist in 20,9%
/// van de trekkingen" for the indicators whose weight most moves it.
pub fn sensitivity(doc: &Document, n: usize) -> Vec<String> {
    let lang = doc.ctx.options.lang;
    method::sensitivity_lines(doc.analysis(), doc.ds(), n, lang)
}

pub fn candidates(doc: &Document) -> Vec<String> {
    method::candidate_lines(doc.analysis(), doc.ctx.options.lang)
}

pub struct SourceRow {
    pub role: String,
    pub name: String,
    pub format: String,
    pub records: String,
    pub sha256: String,
    /// "Indicatoren: CBS 85984NED …, opgehaald op … van https://…" for a
    /// file `fetch` downloaded.
    pub origin: Option<String>,
}

pub fn sources(doc: &Document, prov: &Provenance) -> Vec<SourceRow> {
    let report = &doc.ds().report.inputs;
    let lang = doc.ctx.options.lang;
    prov.inputs
        .iter()
        .map(|i| {
            let r = report.iter().find(|r| r.file == i.name && r.role == i.role);
            SourceRow {
                role: i.role.clone(),
                name: i.name.clone(),
                format: r
                    .map(|r| r.format.pick(lang).to_string())
                    .unwrap_or_default(),
                records: r.map(|r| r.records.to_string()).unwrap_or_default(),
                sha256: i.sha256.clone(),
                origin: i.origin.as_ref().map(|o| origin_line(&i.role, o, lang)),
            }
        })
        .collect()
}

fn origin_line(role: &str, o: &crate::io::Origin, lang: Lang) -> String {
    let first = o.urls.first().map(String::as_str).unwrap_or_default();
    let urls = match o.urls.len() {
        0 | 1 => first.to_string(),
        2 => Rt::OneMoreAddress.fill(lang, &[&first]),
        n => Rt::MoreAddresses.fill(lang, &[&first, &(n - 1)]),
    };
    Rt::FetchedFrom.fill(
        lang,
        &[
            &human::input_role(role, lang),
            &o.source,
            &o.fetched_utc,
            &urls,
        ],
    )
}

/// Indicators a memo lists under the sources: the weighted ones and the
/// microdata ones.
pub fn listed_indicators(doc: &Document) -> Vec<usize> {
    doc.cells
        .column_order()
        .into_iter()
        .filter(|&j| doc.cells.info[j].ranking.is_some() || doc.cells.info[j].microdata)
        .collect()
}

pub fn disclosure_lines(doc: &Document) -> Vec<String> {
    let d = &doc.disclosure;
    let mut v = Vec::new();
    let lang = doc.ctx.options.lang;
    if d.suppressed.is_empty() {
        v.push(Rt::NoMicrodata.text(lang).into());
    } else {
        let per: Vec<String> = d
            .suppressed
            .iter()
            .map(|(id, n)| Rt::Suppressed.fill(lang, &[&human::label(doc.ds(), id, lang), n]))
            .collect();
        v.push(Rt::MicrodataLine.fill(
            lang,
            &[
                &per.join(", "),
                &d.threshold,
                &if d.allow_small_cells {
                    ""
                } else {
                    Rt::MicrodataNoRecompute.text(lang)
                },
            ],
        ));
    }
    if d.allow_small_cells {
        v.push(
            Rt::SmallCellsWarning.fill(lang, &[&d.load_min_cell, &d.findings.len(), &d.threshold]),
        );
    }
    v
}

/// School-count method, stated because a proxy changes what "3 schools" means.
pub fn schools_line(doc: &Document) -> String {
    let s = &doc.ds().report.schools;
    let lang = doc.ctx.options.lang;
    Rt::SchoolsLine.fill(
        lang,
        &[
            &s.method.pick(lang),
            &s.file
                .as_deref()
                .map(|f| Rt::FromFile.fill(lang, &[&f]))
                .unwrap_or_default(),
            &human::num(Some(s.counted as f64), 0, lang),
            &s.kinds_text(lang),
        ],
    )
}
