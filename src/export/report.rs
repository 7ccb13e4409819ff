//! The content the memo formats (md, html) share, as plain text pieces, so
//! both say the same thing in their own markup.

use super::cells::cell_text;
use super::Document;
use crate::domain::teams::TeamProposal;
use crate::domain::value::{Direction, Value};
use crate::present::{reason_lines, unit_facts as facts_line};

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
            let v = cell_text(v);
            if unit.is_empty() {
                format!("{id} {v} ({c:+.2})")
            } else {
                format!("{id} {v} {unit} ({c:+.2})")
            }
        })
        .collect()
}

/// The facts line under a team heading.
pub fn unit_facts(doc: &Document, code: &str) -> Option<String> {
    let a = doc.analysis();
    let u = a.units.iter().find(|u| u.code == code)?;
    Some(facts_line(u))
}

/// One team member with the figures that call for it.
pub struct MemberLine {
    pub name: String,
    pub core: bool,
    pub reasons: Vec<String>,
}

pub fn members(p: &TeamProposal) -> Vec<MemberLine> {
    p.members
        .iter()
        .map(|m| MemberLine {
            name: format!("{} / {}", m.name_nl, m.name_en),
            core: m.core,
            reasons: reason_lines(m),
        })
        .collect()
}

/// Remarks under a team: over the size cap, unmet, notes.
pub fn team_remarks(p: &TeamProposal) -> Vec<String> {
    let mut v = Vec::new();
    if !p.dropped_by_cap.is_empty() {
        let names: Vec<String> = p
            .dropped_by_cap
            .iter()
            .map(|m| format!("{} / {}", m.name_nl, m.name_en))
            .collect();
        v.push(format!(
            "Also called for, over the size cap of {}: {}",
            p.max_size,
            names.join("; ")
        ));
    }
    for u in &p.unmet {
        v.push(format!(
            "Unmet: {} / {}: {}",
            u.member.name_nl, u.member.name_en, u.note
        ));
    }
    v.extend(p.notes.iter().map(|n| format!("Note: {n}")));
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
            label: doc
                .cells
                .index(id)
                .map(|j| doc.cells.info[j].label.clone())
                .unwrap_or_default(),
            direction: match dirs.get(k) {
                Some(Direction::Risk) => "risk",
                Some(Direction::Protective) => "protective",
                Some(Direction::Neutral) => "neutral",
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
    format!(
        "Normalisation {} (winsorised at {} / {}), reference {}, {} aggregation, units ranked when their indicators carry at least {:.0}% of the weight",
        p.normalisation.method.label(),
        p.normalisation.winsorize,
        1.0 - p.normalisation.winsorize,
        match p.normalisation.reference {
            crate::domain::profile::Reference::Scope => "the units in scope",
            crate::domain::profile::Reference::All => "all loaded units",
        },
        match p.aggregation.method {
            crate::domain::profile::Aggregation::Arithmetic => "arithmetic",
            crate::domain::profile::Aggregation::Geometric => "geometric",
        },
        p.missing.min_coverage * 100.0
    )
}

/// "woz_mean 20.9%" for the indicators whose weight most moves the shortlist.
pub fn sensitivity(doc: &Document, n: usize) -> Vec<String> {
    let Some(s) = &doc.analysis().stability else {
        return Vec::new();
    };
    let mut v = s.sensitivity.clone();
    v.sort_by(|x, y| {
        y.share_changed
            .total_cmp(&x.share_changed)
            .then_with(|| x.id.cmp(&y.id))
    });
    v.into_iter()
        .take(n)
        .map(|x| {
            format!(
                "{}: +50% weight changes the shortlist in {:.1}% of draws{}",
                x.id,
                x.share_changed * 100.0,
                if x.changes_at_base {
                    " (and at the profile weights)"
                } else {
                    ""
                }
            )
        })
        .collect()
}

pub fn candidates(doc: &Document) -> Vec<String> {
    let a = doc.analysis();
    a.candidates
        .iter()
        .map(|c| {
            let counts: Vec<String> = c
                .counts
                .iter()
                .map(|(k, n)| format!("{n} at {k}"))
                .collect();
            format!(
                "{}: {}{}",
                c.rule.id(),
                counts.join(", "),
                if c.rule == a.rule { " (used)" } else { "" }
            )
        })
        .collect()
}

pub struct SourceRow {
    pub role: String,
    pub name: String,
    pub format: String,
    pub records: String,
    pub sha256: String,
}

pub fn sources(doc: &Document) -> Vec<SourceRow> {
    let report = &doc.ds().report.inputs;
    doc.provenance
        .inputs
        .iter()
        .map(|i| {
            let r = report.iter().find(|r| r.file == i.name && r.role == i.role);
            SourceRow {
                role: i.role.clone(),
                name: i.name.clone(),
                format: r.map(|r| r.format.clone()).unwrap_or_default(),
                records: r.map(|r| r.records.to_string()).unwrap_or_default(),
                sha256: i.sha256.clone(),
            }
        })
        .collect()
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
    if d.suppressed.is_empty() {
        v.push("No microdata indicators (no file with a count column `n`, `n_*` or `*_n`, none given with --microdata).".into());
    } else {
        let per: Vec<String> = d
            .suppressed
            .iter()
            .map(|(id, n)| format!("{id} ({n} suppressed)"))
            .collect();
        v.push(format!(
            "Microdata indicators: {}. A cell based on fewer than {} units (for shares also n*p or n*(1-p)) is shown as \"suppressed\", never as 0{}.",
            per.join(", "),
            d.threshold,
            if d.allow_small_cells {
                ""
            } else {
                "; no figure in this export lets it be recomputed"
            }
        ));
    }
    if d.allow_small_cells {
        v.push(format!(
            "WARNING: written with --allow-small-cells (load threshold {}): {} cell(s) below {} units are shown. Not for publication.",
            d.load_min_cell,
            d.findings.len(),
            d.threshold
        ));
    }
    v
}

/// School-count method, stated because a proxy changes what "3 schools" means.
pub fn schools_line(doc: &Document) -> String {
    let s = &doc.ds().report.schools;
    format!(
        "Schools: {}{}; {} counted as primary ({}).",
        s.method,
        s.file
            .as_deref()
            .map(|f| format!(" from {f}"))
            .unwrap_or_default(),
        s.counted,
        s.kinds_counted.join(", ")
    )
}
