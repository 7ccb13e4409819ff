//! One self-contained page: map, shortlist, teams, the full ranking table,
//! method, sources, disclosure and provenance. No scripts, no external
//! stylesheets, fonts or images, no links: it opens the same offline, in a
//! mail attachment or on a locked-down council laptop. Written as
//! well-formed XML (void elements closed, only XML entities) so that XML
//! tools can check it too.

use super::cells::cell_text;
use super::escape::{xml_escape as esc, xml_text};
use super::report;
use super::svg::map;
use super::{Document, ExportError, Exporter, Format};
use crate::present::DecimalMark::Point;
use crate::present::{figure, method_lines, number, optional, rank_interval, status};
use std::fmt::Write;

use super::charts;
use crate::i18n::Lang;

pub struct Html;

impl Exporter for Html {
    fn format(&self) -> Format {
        Format::Html
    }

    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        let svg = map(doc, false)?;
        let toml = doc.provenance.to_toml()?;
        let mut o = String::with_capacity(1 << 17);
        page(doc, &svg, &toml, &mut o).map_err(ExportError::other)?;
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

fn td_cell(v: crate::domain::value::Value) -> String {
    let t = cell_text(v);
    if v.missing() == Some(crate::domain::value::Missing::Suppressed) {
        format!("<td class=\"n suppressed\">{}</td>", esc(&t))
    } else {
        td_num(&t)
    }
}

fn page(doc: &Document, svg: &str, toml: &str, o: &mut String) -> std::fmt::Result {
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
        esc(&doc.provenance.tool)
    )?;
    writeln!(o, "<title>{}</title>", esc(&title))?;
    writeln!(o, "<style>{STYLE}</style>")?;
    writeln!(o, "</head>")?;
    writeln!(o, "<body>")?;
    writeln!(o, "<h1>{}</h1>", esc(&title))?;
    writeln!(
        o,
        "<p>Profile <strong>{}</strong>{}; unit: {} ({}).</p>",
        esc(&p.name),
        if p.description.is_empty() {
            String::new()
        } else {
            format!(" ({})", esc(&p.description))
        },
        a.rule.unit_plural(),
        esc(&a.rule.to_string())
    )?;
    for n in &a.notes {
        writeln!(o, "<p class=\"note\"><strong>Note:</strong> {}</p>", esc(n))?;
    }
    if doc.disclosure.allow_small_cells {
        for l in report::disclosure_lines(doc).iter().skip(1) {
            writeln!(o, "<p class=\"warn\">{}</p>", esc(l))?;
        }
    }

    writeln!(o, "<h2>Map</h2>")?;
    writeln!(o, "<figure id=\"map\">\n{svg}</figure>")?;

    writeln!(o, "<h2>Shortlist</h2>")?;
    if a.ranking.shortlist.is_empty() {
        writeln!(
            o,
            "<p>No {} meets the rules: nothing is shortlisted.</p>",
            a.rule.unit_plural()
        )?;
    } else {
        writeln!(o, "<table id=\"shortlist\">")?;
        writeln!(
            o,
            "<tr><th>#</th><th>code</th><th>name</th><th>gemeente</th><th>score</th><th>rank (5-95%)</th><th>P(top {k})</th><th>stability</th><th>schools</th><th>inhabitants</th><th>children 0-15</th><th>why (largest contributions)</th></tr>"
        )?;
        for (i, &u) in a.ranking.shortlist.iter().enumerate() {
            let Some(pos) = doc.order.iter().position(|&v| v == u) else {
                continue;
            };
            let r = &doc.rows[pos];
            writeln!(
                o,
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td>{}<td class=\"n\">{} ({})</td>{}<td>{}</td>{}{}{}<td>{}</td></tr>",
                i + 1,
                esc(&r.code),
                esc(&r.name),
                esc(&r.gemeente),
                td_num(&number(r.score, 2, Point)),
                optional(r.rank),
                rank_interval(r.rank_p05, r.rank_p95),
                td_num(&number(r.p_top_k, 2, Point)),
                esc(r.label.as_deref().unwrap_or("-")),
                td_num(&optional(r.schools)),
                td_num(&figure(r.inhabitants)),
                td_num(&figure(r.children_0_15)),
                esc(&report::drivers(doc, u, 3).join(", "))
            )?;
        }
        writeln!(o, "</table>")?;
    }
    // Every choice that is not the rules' is declared under the shortlist.
    let hand = report::hand_lines(doc);
    if !hand.is_empty() {
        writeln!(o, "<ul id=\"by-hand\">")?;
        for l in hand {
            writeln!(o, "<li>{}</li>", esc(&l))?;
        }
        writeln!(o, "</ul>")?;
    }

    // The catalogue's default language until the exports take one.
    charts::html(doc, Lang::default(), o)?;

    writeln!(o, "<h2>Teams</h2>")?;
    if doc.ctx.teams.proposals.is_empty() {
        writeln!(o, "<p>No team proposals (the shortlist is empty).</p>")?;
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
        writeln!(o, "<p class=\"note\">Data gap: {}</p>", esc(&g.to_string()))?;
    }

    let cells = &doc.cells;
    let weighted: Vec<usize> = cells
        .column_order()
        .into_iter()
        .filter(|&j| cells.info[j].ranking.is_some())
        .collect();
    writeln!(o, "<h2>Ranking</h2>")?;
    writeln!(
        o,
        "<p>All {} units; values of the weighted indicators as used (\"suppressed\": withheld by disclosure control).</p>",
        doc.rows.len()
    )?;
    writeln!(o, "<div class=\"wide\"><table>")?;
    write!(
        o,
        "<tr><th>rank</th><th>code</th><th>name</th><th>gemeente</th><th>score</th><th>rank (5-95%)</th><th>P(top {k})</th><th>schools</th><th>inhabitants</th><th>children 0-15</th><th>status</th>"
    )?;
    for &j in &weighted {
        write!(o, "<th>{}</th>", esc(&cells.info[j].id))?;
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
            optional(r.rank),
            esc(&r.code),
            esc(&r.name),
            esc(&r.gemeente),
            td_num(&number(r.score, 2, Point)),
            td_num(&rank_interval(r.rank_p05, r.rank_p95)),
            td_num(&number(r.p_top_k, 2, Point)),
            td_num(&optional(r.schools)),
            td_num(&figure(r.inhabitants)),
            td_num(&figure(r.children_0_15)),
            esc(&status(r))
        )?;
        for &j in &weighted {
            o.push_str(&td_cell(cells.get(u, j).value));
        }
        writeln!(o, "</tr>")?;
    }
    writeln!(o, "</table></div>")?;

    writeln!(o, "<h2>Method</h2>")?;
    writeln!(o, "<ul>")?;
    for l in method_lines(a) {
        writeln!(o, "<li>{}</li>", esc(&l))?;
    }
    writeln!(o, "<li>{}</li>", esc(&report::method_details(doc)))?;
    for absent in &a.ranking.absent {
        writeln!(
            o,
            "<li>Not in the data, weight spread over the others: {}</li>",
            esc(&absent.id)
        )?;
    }
    writeln!(o, "</ul>")?;
    writeln!(o, "<table>")?;
    writeln!(
        o,
        "<tr><th>indicator</th><th>label</th><th>direction</th><th>weight</th><th>share</th></tr>"
    )?;
    for w in report::weights(doc) {
        writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td>{}{}</tr>",
            esc(&w.id),
            esc(&w.label),
            w.direction,
            td_num(&w.weight.to_string()),
            td_num(&format!("{:.1}%", w.share))
        )?;
    }
    writeln!(o, "</table>")?;
    let sens = report::sensitivity(doc, 5);
    if !sens.is_empty() {
        writeln!(o, "<h3>Sensitivity</h3>\n<ul>")?;
        for s in sens {
            writeln!(o, "<li>{}</li>", esc(&s))?;
        }
        writeln!(o, "</ul>")?;
    }
    let cand = report::candidates(doc);
    if !cand.is_empty() {
        writeln!(
            o,
            "<h3>Candidates per pilot rule at 2 / 3 / 4 primary schools</h3>\n<ul>"
        )?;
        for c in cand {
            writeln!(o, "<li>{}</li>", esc(&c))?;
        }
        writeln!(o, "</ul>")?;
    }

    writeln!(o, "<h2>Data sources</h2>")?;
    writeln!(o, "<table>")?;
    writeln!(
        o,
        "<tr><th>role</th><th>file</th><th>format</th><th>records</th><th>SHA-256</th></tr>"
    )?;
    for s in report::sources(doc) {
        writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td>{}<td><code>{}</code></td></tr>",
            esc(&s.role),
            esc(&s.name),
            esc(&s.format),
            td_num(&s.records),
            esc(&s.sha256)
        )?;
    }
    writeln!(o, "</table>")?;
    writeln!(o, "<p>{}</p>", esc(&report::schools_line(doc)))?;
    writeln!(o, "<table>")?;
    writeln!(
        o,
        "<tr><th>indicator</th><th>label</th><th>unit</th><th>source</th></tr>"
    )?;
    for j in report::listed_indicators(doc) {
        let i = &cells.info[j];
        writeln!(
            o,
            "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&i.id),
            if i.microdata { " (microdata)" } else { "" },
            esc(&i.label),
            esc(&i.unit),
            esc(&i.source)
        )?;
    }
    writeln!(o, "</table>")?;
    if !doc.ds().report.notes.is_empty() {
        writeln!(o, "<ul>")?;
        for n in &doc.ds().report.notes {
            writeln!(o, "<li>{}</li>", esc(n))?;
        }
        writeln!(o, "</ul>")?;
    }

    writeln!(o, "<h2>Disclosure control</h2>")?;
    writeln!(o, "<ul>")?;
    for l in report::disclosure_lines(doc) {
        writeln!(o, "<li>{}</li>", esc(&l))?;
    }
    writeln!(o, "</ul>")?;

    writeln!(
        o,
        "<details id=\"provenance\">\n<summary>Provenance</summary>\n<pre>{}</pre>\n</details>",
        xml_text(toml)
    )?;
    writeln!(o, "</body>")?;
    writeln!(o, "</html>")?;
    Ok(())
}
