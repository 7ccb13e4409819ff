//! One self-contained page: map, shortlist, teams, the full ranking table,
//! method, sources, disclosure and provenance. No scripts, no external
//! stylesheets, fonts or images, no links: it opens the same offline, in a
//! mail attachment or on a locked-down council laptop. Written as
//! well-formed XML (void elements closed, only XML entities) so that XML
//! tools can check it too.

mod sources;
mod teams;

use super::cells::cell_text;
use super::charts;
use super::escape::{xml_escape as esc, xml_text};
use super::report;
use super::svg::map;
use super::{Document, ExportError, Exporter, Format};
use crate::domain::analysis::ChosenBy;
use crate::export::Provenance;
use crate::i18n::Rt;
use crate::present::human;
use crate::present::{method_lines, optional, rank_interval};
use std::fmt::Write;

pub struct Html;

impl Exporter for Html {
    fn format(&self) -> Format {
        Format::Html
    }

    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        let svg = map(doc, false)?;
        let prov = doc.provenance()?;
        let toml = prov.to_toml()?;
        let mut spatial = String::new();
        charts::spatial::html(doc, doc.ctx.options.lang, &mut spatial)?;
        let mut o = String::with_capacity(1 << 17);
        page(doc, prov, (&svg, &spatial, &toml), &mut o).map_err(ExportError::other)?;
        Ok(o.into_bytes())
    }
}

const STYLE: &str = "
body { font-family: sans-serif; margin: 1.5em auto; max-width: 1100px; padding: 0 1em; color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
.note { background: #fff4d6; border-left: 4px solid #e0a800; padding: 0.4em 0.8em; margin: 0.4em 0; }
.warn { background: #fde2e1; border-left: 4px solid #c0392b; padding: 0.4em 0.8em; margin: 0.4em 0; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
th, td { border: 1px solid #ddd; padding: 0.2em 0.45em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.shortlisted td { background: #ffe9d6; font-weight: bold; }
.suppressed { color: #8a5a00; font-style: italic; }
.wide { overflow-x: auto; }
svg { max-width: 100%; height: auto; }
ul.reasons { margin: 0.1em 0 0.4em 0; font-size: 0.9em; color: #444; }
pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
code { font-size: 0.9em; }
figure { margin: 0.5em 0; }
figcaption { font-size: 0.85em; color: #444; max-width: 60em; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  figure, tr, .unit-charts > figure { break-inside: avoid; }
  .wide { overflow: visible; }
  table { font-size: 8pt; }
  details > pre { white-space: pre-wrap; }
  .note, .warn, tr.shortlisted td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

fn td_num(s: &str) -> String {
    format!("<td class=\"n\">{}</td>", esc(s))
}

/// A value cell: the figure in the report's language, or why it is absent
/// ("suppressed" stays the word the other formats use for a withheld cell).
fn td_cell(v: crate::domain::value::Value, lang: crate::i18n::Lang) -> String {
    use crate::domain::value::{Missing, Value};
    match v {
        Value::Num(x) => td_num(&human::fig(Some(x), lang)),
        Value::Missing(Missing::Suppressed) => {
            format!("<td class=\"n suppressed\">{}</td>", esc(&cell_text(v)))
        }
        Value::Missing(m) => td_num(crate::i18n::domain::missing(m).text(lang)),
    }
}

/// `spatial`: the LISA and correlation sections, made beforehand since
/// they can fail with an export error.
fn page(
    doc: &Document,
    prov: &Provenance,
    (svg, spatial, toml): (&str, &str, &str),
    o: &mut String,
) -> std::fmt::Result {
    let a = doc.analysis();
    let p = &a.profile;
    let k = a.ranking.top_k;
    let lang = doc.ctx.options.lang;
    let title = crate::i18n::Rt::MemoTitle.fill(
        lang,
        &[&crate::present::human::units(
            a.rule,
            a.ranking.shortlist.len(),
            lang,
        )],
    );
    writeln!(o, "<!DOCTYPE html>")?;
    writeln!(o, "<html lang=\"{}\">", lang.pick("nl", "en"))?;
    writeln!(o, "<head>")?;
    writeln!(o, "<meta charset=\"utf-8\"/>")?;
    writeln!(
        o,
        "<meta name=\"generator\" content=\"{}\"/>",
        esc(&prov.tool)
    )?;
    writeln!(o, "<title>{}</title>", esc(&title))?;
    writeln!(o, "<style>{STYLE}</style>")?;
    writeln!(o, "</head>")?;
    writeln!(o, "<body>")?;
    writeln!(o, "<h1>{}</h1>", esc(&title))?;
    let t = |m: Rt| m.text(lang);
    let changes = report::weight_changes(doc);
    let extra = report::profile_extras(doc, esc, |s| format!("<strong>{s}</strong>"));
    let profile_line = Rt::ProfileLine.fill(
        lang,
        &[
            &"@@name@@",
            &"@@extra@@",
            &human::unit_plural(a.rule, lang),
            &human::rule_text(a.rule, lang),
        ],
    );
    // The name and the remark carry markup: escape the sentence first.
    let profile_line = esc(&profile_line)
        .replace(
            "**@@name@@**",
            &format!("<strong>{}</strong>", esc(&p.name)),
        )
        .replace("@@extra@@", &extra);
    writeln!(o, "<p>{profile_line}</p>")?;
    for n in crate::present::notes::note_texts(&a.notes, doc.ds(), lang) {
        writeln!(
            o,
            "<p class=\"note\"><strong>{}:</strong> {}</p>",
            Rt::Note.text(lang),
            esc(&n)
        )?;
    }
    if doc.disclosure.allow_small_cells {
        for l in report::disclosure_lines(doc).iter().skip(1) {
            writeln!(o, "<p class=\"warn\">{}</p>", esc(l))?;
        }
    }

    if !changes.is_empty() {
        writeln!(
            o,
            "<p>{}:</p>",
            esc(&Rt::WeightsChanged.fill(lang, &[&p.name]))
        )?;
        writeln!(
            o,
            "<table id=\"weight-changes\"><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            t(Rt::Indicator),
            t(Rt::ProfileWeight),
            t(Rt::UsedWeight)
        )?;
        for (label, before, now) in &changes {
            writeln!(
                o,
                "<tr><td>{}</td>{}{}</tr>",
                esc(label),
                td_num(before),
                td_num(now)
            )?;
        }
        writeln!(o, "</table>")?;
    }

    writeln!(o, "<h2>{}</h2>", t(Rt::MapHeading))?;
    writeln!(o, "<figure id=\"map\">\n{svg}</figure>")?;

    writeln!(o, "<h2>{}</h2>", t(Rt::Shortlist))?;
    if a.ranking.shortlist.is_empty() {
        writeln!(
            o,
            "<p>{}</p>",
            esc(&Rt::NothingShortlisted.fill(lang, &[&human::unit_plural(a.rule, lang)]))
        )?;
    } else {
        writeln!(o, "<table id=\"shortlist\">")?;
        writeln!(
            o,
            "<tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>P(top {k})</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
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
            t(Rt::WhyShort)
        )?;
        for (i, &u) in a.ranking.shortlist.iter().enumerate() {
            let Some(pos) = doc.order.iter().position(|&v| v == u) else {
                continue;
            };
            let r = &doc.rows[pos];
            let by = match r.chosen_by {
                Some(ChosenBy::Hand) => format!("{} {}", human::HAND, t(Rt::ByHand)),
                _ => t(Rt::ByRules).to_string(),
            };
            writeln!(
                o,
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td>{}<td class=\"n\">{} ({})</td>{}<td>{}</td>{}{}{}<td>{}</td><td>{}</td></tr>",
                i + 1,
                esc(&report::code_mark(r)),
                esc(&r.name),
                esc(&r.gemeente),
                td_num(&human::num(r.score, 2, lang)),
                esc(&human::rank_text(r)),
                rank_interval(r.rank_p05, r.rank_p95),
                td_num(&human::num(r.p_top_k, 2, lang)),
                esc(&human::stability(r.label.as_deref(), lang)),
                td_num(&optional(r.schools)),
                td_num(&human::fig(r.inhabitants, lang)),
                td_num(&human::fig(r.children_0_15, lang)),
                esc(&by),
                esc(&report::drivers(doc, u, 3).join(", "))
            )?;
        }
        writeln!(o, "</table>")?;
        marks(
            o,
            &report::mark_lines(doc, doc.rows.iter().filter(|r| r.shortlisted)),
        )?;
    }
    // Every choice that is not the rules' is declared under the shortlist.
    let hand = report::hand_lines(doc);
    if !hand.is_empty() {
        writeln!(o, "<h3>{}</h3>", t(Rt::HandChoices))?;
        writeln!(o, "<ul id=\"by-hand\">")?;
        for l in hand {
            writeln!(o, "<li>{}</li>", esc(&l))?;
        }
        writeln!(o, "</ul>")?;
    }

    charts::html(doc, lang, o)?;
    o.push_str(spatial);

    teams::section(doc, lang, o)?;

    let cells = &doc.cells;
    let weighted: Vec<usize> = cells
        .column_order()
        .into_iter()
        .filter(|&j| cells.info[j].ranking.is_some())
        .collect();
    writeln!(o, "<h2>{}</h2>", t(Rt::RankingAll))?;
    writeln!(
        o,
        "<p>{}</p>",
        esc(&Rt::RankingAllLine.fill(lang, &[&doc.rows.len()]))
    )?;
    writeln!(o, "<div class=\"wide\"><table>")?;
    write!(
        o,
        "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>P(top {k})</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        t(Rt::Rank),
        t(Rt::Code),
        t(Rt::Name),
        t(Rt::Gemeente),
        t(Rt::Score),
        t(Rt::RankInterval),
        t(Rt::Schools),
        t(Rt::Inhabitants),
        t(Rt::Children),
        t(Rt::Status)
    )?;
    for &j in &weighted {
        write!(
            o,
            "<th title=\"{}\">{}</th>",
            esc(&cells.info[j].id),
            esc(&human::label(doc.ds(), &cells.info[j].id, lang))
        )?;
    }
    writeln!(o, "</tr>")?;
    for (&u, r) in doc.order.iter().zip(&doc.rows) {
        write!(
            o,
            "<tr{}><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td>{}{}{}{}{}{}<td>{}</td>",
            if r.shortlisted {
                " class=\"shortlisted\""
            } else {
                ""
            },
            esc(&human::rank_text(r)),
            esc(&report::code_mark(r)),
            esc(&r.name),
            esc(&r.gemeente),
            td_num(&human::num(r.score, 2, lang)),
            td_num(&rank_interval(r.rank_p05, r.rank_p95)),
            td_num(&human::num(r.p_top_k, 2, lang)),
            td_num(&optional(r.schools)),
            td_num(&human::fig(r.inhabitants, lang)),
            td_num(&human::fig(r.children_0_15, lang)),
            esc(&report::row_status(doc, u, r))
        )?;
        for &j in &weighted {
            o.push_str(&td_cell(cells.get(u, j).value, lang));
        }
        writeln!(o, "</tr>")?;
    }
    writeln!(o, "</table></div>")?;
    marks(o, &report::mark_lines(doc, doc.rows.iter()))?;

    writeln!(o, "<h2>{}</h2>", t(Rt::Method))?;
    writeln!(o, "<ul>")?;
    for l in method_lines(a, doc.ds(), lang) {
        writeln!(o, "<li>{}</li>", esc(&l))?;
    }
    writeln!(o, "<li>{}</li>", esc(&report::method_details(doc)))?;
    for absent in &a.ranking.absent {
        let l = human::label(doc.ds(), &absent.id, lang);
        writeln!(
            o,
            "<li>{}</li>",
            esc(&Rt::AbsentIndicator.fill(lang, &[&l]))
        )?;
    }
    writeln!(o, "</ul>")?;
    writeln!(o, "<table>")?;
    writeln!(
        o,
        "<tr><th>indicator</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t(Rt::Label),
        t(Rt::Direction),
        t(Rt::Weight),
        t(Rt::Share)
    )?;
    for w in report::weights(doc) {
        writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td>{}{}</tr>",
            esc(&w.id),
            esc(&w.label),
            w.direction,
            td_num(&human::plain(w.weight, lang)),
            td_num(&format!("{}%", human::num(Some(w.share), 1, lang)))
        )?;
    }
    writeln!(o, "</table>")?;
    let sens = report::sensitivity(doc, 5);
    if !sens.is_empty() {
        writeln!(
            o,
            "<h3>{}</h3>\n<ul>",
            t(Rt::Sensitivity).trim_end_matches(':')
        )?;
        for s in sens {
            writeln!(o, "<li>{}</li>", esc(&s))?;
        }
        writeln!(o, "</ul>")?;
    }
    let cand = report::candidates(doc);
    if !cand.is_empty() {
        writeln!(
            o,
            "<h3>{}</h3>\n<ul>",
            t(Rt::Candidates).trim_end_matches(':')
        )?;
        for c in cand {
            writeln!(o, "<li>{}</li>", esc(&c))?;
        }
        writeln!(o, "</ul>")?;
    }

    sources::section(doc, prov, lang, o)?;

    writeln!(o, "<h2>{}</h2>", t(Rt::Disclosure))?;
    writeln!(o, "<ul>")?;
    for l in report::disclosure_lines(doc) {
        writeln!(o, "<li>{}</li>", esc(&l))?;
    }
    writeln!(o, "</ul>")?;

    writeln!(
        o,
        "<details id=\"provenance\">\n<summary>{}</summary>\n<pre>{}</pre>\n</details>",
        t(Rt::Provenance),
        xml_text(toml)
    )?;
    writeln!(o, "</body>")?;
    writeln!(o, "</html>")?;
    Ok(())
}

/// What the marks in the rows above mean.
fn marks(o: &mut String, lines: &[String]) -> std::fmt::Result {
    if !lines.is_empty() {
        writeln!(o, "<ul class=\"marks\">")?;
        for l in lines {
            writeln!(o, "<li>{}</li>", esc(l))?;
        }
        writeln!(o, "</ul>")?;
    }
    Ok(())
}
