//! The report's teams: per shortlisted unit its facts and members, each
//! with the reasons the figures give, then the data gaps.

use super::super::escape::xml_escape as esc;
use super::super::{report, Document};
use crate::i18n::{Lang, Rt};
use crate::present::human;
use std::fmt::Write;

pub(super) fn section(doc: &Document, lang: Lang, o: &mut String) -> std::fmt::Result {
    let t = |m: Rt| m.text(lang);
    writeln!(o, "<h2>{}</h2>", t(Rt::Teams))?;
    if doc.ctx.teams.proposals.is_empty() {
        writeln!(o, "<p>{}</p>", t(Rt::NoTeams))?;
    }
    for prop in &doc.ctx.teams.proposals {
        writeln!(
            o,
            "<h3>{} {}</h3>",
            esc(&prop.buurt_code),
            esc(&prop.buurt_name)
        )?;
        if let Some(f) = report::unit_facts(doc, &prop.buurt_code) {
            writeln!(o, "<p>{}</p>", esc(&f))?;
        }
        writeln!(o, "<ul>")?;
        for m in report::members(doc, prop) {
            if m.core {
                writeln!(
                    o,
                    "<li><strong>{}</strong> ({})</li>",
                    esc(&m.name),
                    crate::i18n::Rt::Always.text(lang)
                )?;
            } else {
                writeln!(o, "<li><strong>{}</strong>", esc(&m.name))?;
                writeln!(o, "<ul class=\"reasons\">")?;
                for r in &m.reasons {
                    writeln!(
                        o,
                        "<li>{} {}</li>",
                        crate::i18n::Rt::Because.text(lang),
                        esc(r)
                    )?;
                }
                writeln!(o, "</ul></li>")?;
            }
        }
        for r in report::team_remarks(doc, prop) {
            writeln!(o, "<li><em>{}</em></li>", esc(&r))?;
        }
        writeln!(o, "</ul>")?;
    }
    for g in &doc.ctx.teams.data_gaps {
        let gap = Rt::DataGap.fill(lang, &[&human::data_gap(g, doc.ds(), lang)]);
        writeln!(o, "<p class=\"note\">{}</p>", esc(&gap))?;
    }
    Ok(())
}
