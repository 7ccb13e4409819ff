//! Charts for the report: the rank-interval chart of the top units and, per
//! shortlisted unit, a bar chart of its weighted indicators against the
//! gemeente and the overall reference. Inline SVG without scripts, fonts or
//! links, so the page stays self-contained; headings and captions come from
//! the string catalogue.
//!
//! The geometry (`scale`, and the layout functions of `rank` and `bars`)
//! is separate from the markup and tested on its own.

mod bars;
pub mod did;
pub mod heatmap;
mod rank;
mod scale;
pub mod spatial;

pub use bars::BarRow;
pub use rank::RankItem;

use super::escape::xml_escape as esc;
use super::Document;
use crate::domain::value::Value;
use crate::i18n::{domain::missing, Lang, Msg};
use crate::present::{number, DecimalMark};
use std::fmt::Write;

const WIDTH: f64 = 960.0;
/// The shortlist colour, as on the map's outlines and the table rows.
const ACCENT: &str = "#e6550d";
const MUTED: &str = "#9e9e9e";
/// At least this many of the top units in the rank chart, at most
/// [`MAX_RANKED`] (shortlisted units are always in, wherever they rank).
const MIN_RANKED: usize = 15;
const MAX_RANKED: usize = 30;

/// A figure for a chart label: whole from 100 up, else one decimal, with
/// the decimal mark of the language.
fn num_text(v: f64, lang: Lang) -> String {
    let decimals = if v.abs() >= 100.0 { 0 } else { 1 };
    let mark = match lang {
        Lang::Nl => DecimalMark::Comma,
        Lang::En => DecimalMark::Point,
    };
    number(Some(v), decimals, mark)
}

/// A correlation or difference with two decimals in the language's mark.
pub fn num2(v: f64, lang: Lang) -> String {
    let mark = match lang {
        Lang::Nl => DecimalMark::Comma,
        Lang::En => DecimalMark::Point,
    };
    number(Some(v), 2, mark)
}

/// The units of the rank chart, in rank order: the top ones down to a few
/// past the last shortlisted unit, and every shortlisted unit.
pub fn rank_items(doc: &Document) -> Vec<RankItem> {
    let ranked: Vec<&crate::domain::analysis::UnitRow> =
        doc.rows.iter().filter(|r| r.rank.is_some()).collect();
    let last_short = ranked
        .iter()
        .rposition(|r| r.shortlisted)
        .map_or(0, |p| p + 1);
    let n = (last_short + 3).clamp(MIN_RANKED, MAX_RANKED);
    ranked
        .iter()
        .enumerate()
        .filter(|(i, r)| *i < n || r.shortlisted)
        .filter_map(|(_, r)| {
            let rank = u32::try_from(r.rank?).ok()?;
            Some(RankItem {
                label: rank::label(rank, &r.name),
                rank,
                median: r.rank_median,
                p05: r.rank_p05,
                p95: r.rank_p95,
                shortlisted: r.shortlisted,
            })
        })
        .collect()
}

/// The rank-interval chart, or `None` when no unit is ranked.
pub fn rank_chart(doc: &Document, lang: Lang) -> Option<String> {
    let items = rank_items(doc);
    (!items.is_empty()).then(|| rank::svg(&items, lang))
}

/// Whether the rank chart shows intervals (a stability run was made).
pub fn has_intervals(doc: &Document) -> bool {
    doc.analysis().stability.is_some()
}

/// The number of weight draws behind the intervals.
pub fn draws(doc: &Document) -> usize {
    doc.analysis().stability.as_ref().map_or(0, |s| s.draws)
}

/// One bar row per weighted indicator of unit `u`, in the order the
/// tables list them. The unit's value is the exported cell (so a
/// suppressed figure stays suppressed); references are left out for
/// microdata figures (see [`BarRow::refs_withheld`]).
pub fn bar_rows(doc: &Document, u: usize, lang: Lang) -> Vec<BarRow> {
    let ds = doc.ds();
    let view = doc.analysis().team_view(ds, u);
    doc.cells
        .column_order()
        .into_iter()
        .filter(|&j| doc.cells.info[j].ranking.is_some())
        .map(|j| {
            let info = &doc.cells.info[j];
            let meta = &ds.indicators[j].meta;
            let label = crate::present::labels::meta_label(meta, lang);
            let refs = view.indicators.get(j);
            let (value, absent) = match doc.cells.get(u, j).value {
                Value::Num(x) => (Some(x), None),
                Value::Missing(m) => (None, Some(missing(m).text(lang).to_string())),
            };
            BarRow {
                label,
                unit: crate::present::human::unit_text(&info.unit, lang),
                value,
                absent,
                gemeente: refs.and_then(|r| r.gemeente_value),
                overall: refs.and_then(|r| r.overall_value),
                refs_withheld: info.microdata,
            }
        })
        .collect()
}

/// The indicator chart of each shortlisted unit, in shortlist order, as
/// (code, name, svg).
pub fn unit_charts(doc: &Document, lang: Lang) -> Vec<(String, String, String)> {
    let a = doc.analysis();
    a.ranking
        .shortlist
        .iter()
        .map(|&u| {
            let f = &a.units[u];
            let rows = bar_rows(doc, u, lang);
            (
                f.code.clone(),
                f.name.clone(),
                bars::svg(&f.code, &f.name, &rows, lang),
            )
        })
        .collect()
}

/// The rank-interval chart and the indicator chart of each shortlisted
/// unit, each a figure with a caption.
pub fn html(doc: &Document, lang: Lang, o: &mut String) -> std::fmt::Result {
    let Some(rank) = rank_chart(doc, lang) else {
        return Ok(());
    };
    writeln!(o, "<h2>{}</h2>", esc(Msg::ChartRankHeading.text(lang)))?;
    let caption = if has_intervals(doc) {
        Msg::ChartRankCaption.fill(
            lang,
            &[&crate::present::human::num(
                Some(draws(doc) as f64),
                0,
                lang,
            )],
        )
    } else {
        Msg::ChartRankNoDraws.text(lang).to_string()
    };
    writeln!(
        o,
        "<figure id=\"rank-intervals\">\n{rank}<figcaption>{}</figcaption>\n</figure>",
        esc(&caption)
    )?;
    let units = unit_charts(doc, lang);
    if units.is_empty() {
        return Ok(());
    }
    writeln!(o, "<h2>{}</h2>", esc(Msg::ChartUnitsHeading.text(lang)))?;
    writeln!(
        o,
        "<p class=\"caption\">{}</p>",
        esc(Msg::ChartUnitsCaption.text(lang))
    )?;
    writeln!(o, "<div class=\"unit-charts\">")?;
    for (code, name, svg) in units {
        writeln!(
            o,
            "<figure>\n<h3>{} {}</h3>\n{svg}</figure>",
            esc(&code),
            esc(&name)
        )?;
    }
    writeln!(o, "</div>")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_figures_use_the_decimal_mark_of_the_language() {
        assert_eq!(num_text(16.3, Lang::Nl), "16,3");
        assert_eq!(num_text(16.3, Lang::En), "16.3");
        assert_eq!(num_text(2770.4, Lang::Nl), "2770");
    }
}
