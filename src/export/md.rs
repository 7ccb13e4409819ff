//! A report to paste into a memo: shortlist with the reasons, team
//! proposals with the figures behind every member, the method, the data
//! sources, disclosure control, and the provenance as a TOML block.

use super::escape::md_cell;
use super::report;
use super::{Document, ExportError, Exporter, Format};
use crate::domain::analysis::{ChosenBy, UnitRow};
use crate::export::Provenance;
use crate::i18n::Rt;
use crate::present::human::{self, fig, num};
use crate::present::labels::made_from_name;
use crate::present::{method_lines, optional, rank_interval};
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
    let prov = doc.provenance()?;
    body(doc, prov, o).map_err(ExportError::other)?;
    let lang = doc.ctx.options.lang;
    writeln!(o, "## {}\n", Rt::Provenance.text(lang)).map_err(ExportError::other)?;
    writeln!(o, "```toml\n{}```", prov.to_toml()?).map_err(ExportError::other)?;
    Ok(())
}

/// Marks after a code: "!" for a small population.
fn body(doc: &Document, prov: &Provenance, o: &mut String) -> std::fmt::Result {
    let a = doc.analysis();
    let p = &a.profile;
    let k = a.ranking.top_k;
    let lang = doc.ctx.options.lang;
    let t = |m: Rt| m.text(lang);
    writeln!(
        o,
        "# {}\n",
        Rt::MemoTitle.fill(
            lang,
            &[&human::units(a.rule, a.ranking.shortlist.len(), lang)]
        )
    )?;
    let changes = report::weight_changes(doc);
    let extra = report::profile_extras(doc, md_cell, |s| format!("**{s}**"));
    writeln!(
        o,
        "{}\n",
        Rt::ProfileLine.fill(
            lang,
            &[
                &md_cell(&p.name),
                &extra,
                &human::unit_plural(a.rule, lang),
                &human::rule_text(a.rule, lang)
            ]
        )
    )?;
    for n in crate::present::notes::note_texts(&a.notes, doc.ds(), lang) {
        writeln!(o, "> **{}:** {n}\n", t(Rt::Note))?;
    }
    if !changes.is_empty() {
        writeln!(
            o,
            "{}:\n",
            Rt::WeightsChanged.fill(lang, &[&md_cell(&p.name)])
        )?;
        writeln!(
            o,
            "| {} | {} | {} |",
            t(Rt::Indicator),
            t(Rt::ProfileWeight),
            t(Rt::UsedWeight)
        )?;
        writeln!(o, "|---|---:|---:|")?;
        for (label, before, now) in &changes {
            writeln!(o, "| {} | {before} | {now} |", md_cell(label))?;
        }
        writeln!(o)?;
    }

    writeln!(o, "## {}\n", t(Rt::Shortlist))?;
    let shortlisted: Vec<(usize, &UnitRow)> = doc
        .order
        .iter()
        .copied()
        .zip(&doc.rows)
        .filter(|(_, r)| r.shortlisted)
        .collect();
    if shortlisted.is_empty() {
        writeln!(
            o,
            "{}\n",
            Rt::NothingShortlisted.fill(lang, &[&human::unit_plural(a.rule, lang)])
        )?;
    } else {
        writeln!(
            o,
            "| # | {} | {} | {} | {} | {} | P(top {k}) | {} | {} | {} | {} | {} |",
            t(Rt::Code),
            t(Rt::Name),
            t(Rt::Gemeente),
            t(Rt::Score),
            t(Rt::RankInterval),
            t(Rt::Stability),
            t(Rt::Schools),
            t(Rt::Inhabitants),
            t(Rt::Children),
            t(Rt::ChosenBy),
        )?;
        writeln!(
            o,
            "|---:|---|---|---|---:|---:|---:|---|---:|---:|---:|---|"
        )?;
        for (i, (_, r)) in shortlisted.iter().enumerate() {
            let by = match r.chosen_by {
                Some(ChosenBy::Hand) => format!("{} {}", human::HAND, t(Rt::ByHand)),
                _ => t(Rt::ByRules).to_string(),
            };
            writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} ({}) | {} | {} | {} | {} | {} | {} |",
                i + 1,
                report::code_mark(r),
                md_cell(&r.name),
                md_cell(&r.gemeente),
                num(r.score, 2, lang),
                human::rank_text(r),
                rank_interval(r.rank_p05, r.rank_p95),
                num(r.p_top_k, 2, lang),
                human::stability(r.label.as_deref(), lang),
                optional(r.schools),
                fig(r.inhabitants, lang),
                fig(r.children_0_15, lang),
                by
            )?;
        }
        writeln!(o)?;
        legend(doc, o, shortlisted.iter().map(|(_, r)| *r))?;
        writeln!(o, "{}\n", t(Rt::WhyChosen))?;
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
                writeln!(
                    o,
                    "  - {}",
                    Rt::MembersLine.fill(lang, &[&codes.join(", ")])
                )?;
            }
        }
        writeln!(o)?;
    }
    let hand = report::hand_lines(doc);
    if !hand.is_empty() {
        writeln!(o, "### {}\n", t(Rt::HandChoices))?;
        for l in hand {
            writeln!(o, "- {}", md_cell(&l))?;
        }
        writeln!(o)?;
    }

    writeln!(o, "## {}\n", t(Rt::Teams))?;
    if doc.ctx.teams.proposals.is_empty() {
        writeln!(o, "{}\n", t(Rt::NoTeams))?;
    }
    for prop in &doc.ctx.teams.proposals {
        writeln!(o, "### {} {}\n", prop.buurt_code, md_cell(&prop.buurt_name))?;
        if let Some(f) = report::unit_facts(doc, &prop.buurt_code) {
            writeln!(o, "{}\n", md_cell(&f))?;
        }
        for m in report::members(doc, prop) {
            if m.core {
                writeln!(o, "- **{}** ({})", md_cell(&m.name), t(Rt::Always))?;
            } else {
                writeln!(o, "- **{}**", md_cell(&m.name))?;
                for r in &m.reasons {
                    writeln!(o, "  - {} {}", t(Rt::Because), md_cell(r))?;
                }
            }
        }
        for r in report::team_remarks(doc, prop) {
            writeln!(o, "- _{}_", md_cell(&r))?;
        }
        writeln!(o)?;
    }
    for g in &doc.ctx.teams.data_gaps {
        let gap = human::data_gap(g, doc.ds(), lang);
        writeln!(o, "- {}", md_cell(&Rt::DataGap.fill(lang, &[&gap])))?;
    }
    if !doc.ctx.teams.data_gaps.is_empty() {
        writeln!(o)?;
    }

    let ranked: Vec<(usize, &UnitRow)> = doc
        .order
        .iter()
        .copied()
        .zip(&doc.rows)
        .filter(|(_, r)| r.rank.is_some())
        .collect();
    writeln!(
        o,
        "## {}\n",
        Rt::Ranking.fill(lang, &[&RANKING_ROWS.min(ranked.len()), &ranked.len()])
    )?;
    writeln!(
        o,
        "| {} | {} | {} | {} | {} | P(top {k}) | {} | {} | {} |",
        t(Rt::Rank),
        t(Rt::Code),
        t(Rt::Name),
        t(Rt::Score),
        t(Rt::RankInterval),
        t(Rt::Schools),
        t(Rt::Inhabitants),
        t(Rt::Status)
    )?;
    writeln!(o, "|---:|---|---|---:|---:|---:|---:|---:|---|")?;
    let shown: Vec<(usize, &UnitRow)> = ranked.into_iter().take(RANKING_ROWS).collect();
    for &(u, r) in &shown {
        writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            human::rank_text(r),
            report::code_mark(r),
            md_cell(&r.name),
            num(r.score, 2, lang),
            rank_interval(r.rank_p05, r.rank_p95),
            num(r.p_top_k, 2, lang),
            optional(r.schools),
            fig(r.inhabitants, lang),
            md_cell(&human::status(a, u, r, lang))
        )?;
    }
    writeln!(o)?;
    legend(doc, o, shown.iter().map(|(_, r)| *r))?;

    writeln!(o, "## {}\n", t(Rt::Method))?;
    for l in method_lines(a, doc.ds(), lang) {
        writeln!(o, "- {}", md_cell(&l))?;
    }
    writeln!(o, "- {}", report::method_details(doc))?;
    writeln!(o)?;
    writeln!(
        o,
        "| {} | {} | {} | {} | {} |",
        t(Rt::Indicator),
        t(Rt::Label),
        t(Rt::Direction),
        t(Rt::Weight),
        t(Rt::Share)
    )?;
    writeln!(o, "|---|---|---|---:|---:|")?;
    for w in report::weights(doc) {
        writeln!(
            o,
            "| {} | {} | {} | {} | {}% |",
            w.id,
            md_cell(&w.label),
            w.direction,
            human::plain(w.weight, lang),
            num(Some(w.share), 1, lang)
        )?;
    }
    writeln!(o)?;
    for absent in &a.ranking.absent {
        let l = human::label(doc.ds(), &absent.id, lang);
        writeln!(o, "- {}", Rt::AbsentIndicator.fill(lang, &[&l]))?;
    }
    let sens = report::sensitivity(doc, 5);
    if !sens.is_empty() {
        writeln!(o, "\n{}\n", t(Rt::Sensitivity))?;
        for s in sens {
            writeln!(o, "- {s}")?;
        }
    }
    let cand = report::candidates(doc);
    if !cand.is_empty() {
        writeln!(o, "\n{}\n", t(Rt::Candidates))?;
        for c in cand {
            writeln!(o, "- {c}")?;
        }
    }
    writeln!(o)?;

    writeln!(o, "## {}\n", t(Rt::Sources))?;
    writeln!(
        o,
        "| {} | {} | {} | {} | SHA-256 |",
        t(Rt::Role),
        t(Rt::File),
        t(Rt::Format),
        t(Rt::Records)
    )?;
    writeln!(o, "|---|---|---|---:|---|")?;
    let sources = report::sources(doc, prov);
    for s in &sources {
        writeln!(
            o,
            "| {} | {} | {} | {} | `{}` |",
            human::input_role(&s.role, lang),
            md_cell(&s.name),
            md_cell(&s.format),
            s.records,
            s.sha256
        )?;
    }
    writeln!(o)?;
    let origins: Vec<&String> = sources.iter().filter_map(|s| s.origin.as_ref()).collect();
    for line in &origins {
        writeln!(o, "- {}", md_cell(line))?;
    }
    if !origins.is_empty() {
        writeln!(o)?;
    }
    writeln!(o, "{}\n", md_cell(&report::schools_line(doc)))?;
    writeln!(
        o,
        "| {} | {} | {} | {} |",
        t(Rt::Indicator),
        t(Rt::Label),
        t(Rt::Unit),
        t(Rt::Source)
    )?;
    writeln!(o, "|---|---|---|---|")?;
    for j in report::listed_indicators(doc) {
        let i = &doc.cells.info[j];
        writeln!(
            o,
            "| {}{} | {} | {} | {} |",
            i.id,
            if i.microdata {
                format!(" ({})", t(Rt::Microdata))
            } else {
                String::new()
            },
            md_cell(&human::label(doc.ds(), &i.id, lang)),
            md_cell(&human::unit_text(&i.unit, lang)),
            md_cell(&crate::present::labels::source_text(&i.source, lang))
        )?;
    }
    writeln!(o)?;
    let made = made_from_name(doc.ds());
    if !made.is_empty() {
        writeln!(
            o,
            "- {}",
            md_cell(&Rt::LabelsFromNames.fill(lang, &[&made.join(", ")]))
        )?;
    }
    for n in &doc.ds().report.notes {
        let n = &crate::present::notes::load_note_text(n, doc.ds(), lang);
        writeln!(o, "- {}", md_cell(n))?;
    }
    writeln!(o)?;

    writeln!(o, "## {}\n", t(Rt::Disclosure))?;
    for l in report::disclosure_lines(doc) {
        writeln!(o, "- {}", md_cell(&l))?;
    }
    writeln!(o)?;
    Ok(())
}

/// The footnotes for the marks the rows above carry.
fn legend<'r>(
    doc: &Document,
    o: &mut String,
    rows: impl Iterator<Item = &'r UnitRow>,
) -> std::fmt::Result {
    let lines = report::mark_lines(doc, rows);
    for l in &lines {
        writeln!(o, "- {}", md_cell(l))?;
    }
    if !lines.is_empty() {
        writeln!(o)?;
    }
    Ok(())
}
