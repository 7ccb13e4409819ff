//! The report's data sources: the input files with their SHA-256, the
//! school method, every indicator with label, unit and source, and the
//! load notes.

use super::super::escape::xml_escape as esc;
use super::super::{report, Document};
use super::td_num;
use crate::export::Provenance;
use crate::i18n::{Lang, Rt};
use crate::present::human;
use crate::present::labels::made_from_name;
use std::fmt::Write;

pub(super) fn section(
    doc: &Document,
    prov: &Provenance,
    lang: Lang,
    o: &mut String,
) -> std::fmt::Result {
    let t = |m: Rt| m.text(lang);
    let cells = &doc.cells;
    writeln!(o, "<h2>{}</h2>", t(Rt::Sources))?;
    writeln!(o, "<table>")?;
    writeln!(
        o,
        "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>SHA-256</th></tr>",
        t(Rt::Role),
        t(Rt::File),
        t(Rt::Format),
        t(Rt::Records)
    )?;
    let sources = report::sources(doc, prov);
    for s in &sources {
        writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td>{}<td><code>{}</code></td></tr>",
            esc(&human::input_role(&s.role, lang)),
            esc(&s.name),
            esc(&s.format),
            td_num(&s.records),
            esc(&s.sha256)
        )?;
    }
    writeln!(o, "</table>")?;
    let origins: Vec<&String> = sources.iter().filter_map(|s| s.origin.as_ref()).collect();
    if !origins.is_empty() {
        writeln!(o, "<ul>")?;
        for line in origins {
            writeln!(o, "<li>{}</li>", esc(line))?;
        }
        writeln!(o, "</ul>")?;
    }
    writeln!(o, "<p>{}</p>", esc(&report::schools_line(doc)))?;
    writeln!(o, "<table>")?;
    writeln!(
        o,
        "<tr><th>indicator</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t(Rt::Label),
        t(Rt::Unit),
        t(Rt::Source)
    )?;
    for j in report::listed_indicators(doc) {
        let i = &cells.info[j];
        writeln!(
            o,
            "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&i.id),
            if i.microdata {
                format!(" ({})", t(Rt::Microdata))
            } else {
                String::new()
            },
            esc(&human::label(doc.ds(), &i.id, lang)),
            esc(&human::unit_text(&i.unit, lang)),
            esc(&crate::present::labels::source_text(&i.source, lang))
        )?;
    }
    writeln!(o, "</table>")?;
    let made = made_from_name(doc.ds());
    if !made.is_empty() {
        writeln!(
            o,
            "<p>{}</p>",
            esc(&Rt::LabelsFromNames.fill(lang, &[&made.join(", ")]))
        )?;
    }
    if !doc.ds().report.notes.is_empty() {
        writeln!(o, "<ul>")?;
        for n in &doc.ds().report.notes {
            let n = &crate::present::notes::load_note_text(n, doc.ds(), lang);
            writeln!(o, "<li>{}</li>", esc(n))?;
        }
        writeln!(o, "</ul>")?;
    }
    Ok(())
}
