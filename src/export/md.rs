//! A report to paste into a memo: shortlist with the reasons, team
//! proposals with the figures behind every member, the method, the data
//! sources, disclosure control, and the provenance as a TOML block.

use super::escape::md_cell;
use super::report;
use super::{Document, ExportError, Exporter, Format};
use crate::present::DecimalMark::Point;
use crate::present::{figure, method_lines, number, optional, rank_interval, status};
use std::fmt::Write;

pub struct Markdown;

/// Ranked units shown for context under the shortlist.
const RANKING_ROWS: usize = 10;

impl Exporter for Markdown {
    fn format(&self) -> Format {
        Format::Md
    }

    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        let mut o = String::new();
        write(doc, &mut o).map_err(ExportError::other)?;
        Ok(o.into_bytes())
    }
}

fn write(doc: &Document, o: &mut String) -> Result<(), ExportError> {
    body(doc, o).map_err(ExportError::other)?;
    writeln!(o, "## Provenance\n").map_err(ExportError::other)?;
    writeln!(o, "```toml\n{}```", doc.provenance.to_toml()?).map_err(ExportError::other)?;
    Ok(())
}

fn body(doc: &Document, o: &mut String) -> std::fmt::Result {
    let a = doc.analysis();
    let p = &a.profile;
    let k = a.ranking.top_k;
    writeln!(
        o,
        "# Buurtradar: {} {} for a prevention pilot\n",
        a.ranking.shortlist.len(),
        a.rule.unit_plural()
    )?;
    writeln!(
        o,
        "Profile **{}**{}; unit: {} ({}).\n",
        md_cell(&p.name),
        if p.description.is_empty() {
            String::new()
        } else {
            format!(" ({})", md_cell(&p.description))
        },
        a.rule.unit_plural(),
        a.rule
    )?;
    for n in &a.notes {
        writeln!(o, "> **Note:** {n}\n")?;
    }

    writeln!(o, "## Shortlist\n")?;
    if a.ranking.shortlist.is_empty() {
        writeln!(
            o,
            "No {} meets the rules: nothing is shortlisted.\n",
            a.rule.unit_plural()
        )?;
    } else {
        writeln!(
            o,
            "| # | code | name | gemeente | score | rank (5-95%) | P(top {k}) | stability | schools | inhabitants | children 0-15 |"
        )?;
        writeln!(o, "|---:|---|---|---|---:|---:|---:|---|---:|---:|---:|")?;
        for (i, r) in doc.rows.iter().filter(|r| r.shortlisted).enumerate() {
            writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} ({}) | {} | {} | {} | {} | {} |",
                i + 1,
                r.code,
                md_cell(&r.name),
                md_cell(&r.gemeente),
                number(r.score, 2, Point),
                optional(r.rank),
                rank_interval(r.rank_p05, r.rank_p95),
                number(r.p_top_k, 2, Point),
                r.label.as_deref().unwrap_or("-"),
                optional(r.schools),
                figure(r.inhabitants),
                figure(r.children_0_15)
            )?;
        }
        writeln!(o)?;
        writeln!(
            o,
            "Why each was chosen (largest contributions to the score):\n"
        )?;
        for &u in &a.ranking.shortlist {
            let unit = &a.units[u];
            writeln!(
                o,
                "- **{} {}**: {}",
                unit.code,
                md_cell(&unit.name),
                report::drivers(doc, u, 3).join(", ")
            )?;
            if a.members[u].len() > 1 {
                let codes: Vec<&str> = a.members[u]
                    .iter()
                    .map(|&i| doc.ds().areas[i].code.as_str())
                    .collect();
                writeln!(o, "  - buurten: {}", codes.join(", "))?;
            }
        }
        writeln!(o)?;
    }

    writeln!(o, "## Teams\n")?;
    if doc.ctx.teams.proposals.is_empty() {
        writeln!(o, "No team proposals (the shortlist is empty).\n")?;
    }
    for prop in &doc.ctx.teams.proposals {
        writeln!(o, "### {} {}\n", prop.buurt_code, md_cell(&prop.buurt_name))?;
        if let Some(f) = report::unit_facts(doc, &prop.buurt_code) {
            writeln!(o, "{}\n", md_cell(&f))?;
        }
        for m in report::members(prop) {
            if m.core {
                writeln!(o, "- **{}** (always)", md_cell(&m.name))?;
            } else {
                writeln!(o, "- **{}**", md_cell(&m.name))?;
                for r in &m.reasons {
                    writeln!(o, "  - because {}", md_cell(r))?;
                }
            }
        }
        for r in report::team_remarks(prop) {
            writeln!(o, "- _{}_", md_cell(&r))?;
        }
        writeln!(o)?;
    }
    for g in &doc.ctx.teams.data_gaps {
        writeln!(o, "- Data gap: {g}")?;
    }
    if !doc.ctx.teams.data_gaps.is_empty() {
        writeln!(o)?;
    }

    let ranked: Vec<_> = doc.rows.iter().filter(|r| r.rank.is_some()).collect();
    writeln!(
        o,
        "## Ranking (top {} of {} ranked)\n",
        RANKING_ROWS.min(ranked.len()),
        ranked.len()
    )?;
    writeln!(
        o,
        "| rank | code | name | score | rank (5-95%) | P(top {k}) | schools | inhabitants | status |"
    )?;
    writeln!(o, "|---:|---|---|---:|---:|---:|---:|---:|---|")?;
    for r in ranked.iter().take(RANKING_ROWS) {
        writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            optional(r.rank),
            r.code,
            md_cell(&r.name),
            number(r.score, 2, Point),
            rank_interval(r.rank_p05, r.rank_p95),
            number(r.p_top_k, 2, Point),
            optional(r.schools),
            figure(r.inhabitants),
            md_cell(&status(r))
        )?;
    }
    writeln!(o)?;

    writeln!(o, "## Method\n")?;
    for l in method_lines(a) {
        writeln!(o, "- {}", md_cell(&l))?;
    }
    writeln!(o, "- {}", report::method_details(doc))?;
    writeln!(o)?;
    writeln!(o, "| indicator | label | direction | weight | share |")?;
    writeln!(o, "|---|---|---|---:|---:|")?;
    for w in report::weights(doc) {
        writeln!(
            o,
            "| {} | {} | {} | {} | {:.1}% |",
            w.id,
            md_cell(&w.label),
            w.direction,
            w.weight,
            w.share
        )?;
    }
    writeln!(o)?;
    for absent in &a.ranking.absent {
        writeln!(
            o,
            "- Not in the data, weight spread over the others: {}",
            absent.id
        )?;
    }
    let sens = report::sensitivity(doc, 5);
    if !sens.is_empty() {
        writeln!(o, "\nSensitivity:\n")?;
        for s in sens {
            writeln!(o, "- {s}")?;
        }
    }
    let cand = report::candidates(doc);
    if !cand.is_empty() {
        writeln!(
            o,
            "\nCandidates per pilot rule at 2 / 3 / 4 primary schools:\n"
        )?;
        for c in cand {
            writeln!(o, "- {c}")?;
        }
    }
    writeln!(o)?;

    writeln!(o, "## Data sources\n")?;
    writeln!(o, "| role | file | format | records | SHA-256 |")?;
    writeln!(o, "|---|---|---|---:|---|")?;
    for s in report::sources(doc) {
        writeln!(
            o,
            "| {} | {} | {} | {} | `{}` |",
            s.role,
            md_cell(&s.name),
            md_cell(&s.format),
            s.records,
            s.sha256
        )?;
    }
    writeln!(o)?;
    writeln!(o, "{}\n", md_cell(&report::schools_line(doc)))?;
    writeln!(o, "| indicator | label | unit | source |")?;
    writeln!(o, "|---|---|---|---|")?;
    for j in report::listed_indicators(doc) {
        let i = &doc.cells.info[j];
        writeln!(
            o,
            "| {}{} | {} | {} | {} |",
            i.id,
            if i.microdata { " (microdata)" } else { "" },
            md_cell(&i.label),
            md_cell(&i.unit),
            md_cell(&i.source)
        )?;
    }
    writeln!(o)?;
    for n in &doc.ds().report.notes {
        writeln!(o, "- {}", md_cell(n))?;
    }
    writeln!(o)?;

    writeln!(o, "## Disclosure control\n")?;
    for l in report::disclosure_lines(doc) {
        writeln!(o, "- {}", md_cell(&l))?;
    }
    writeln!(o)?;
    Ok(())
}
