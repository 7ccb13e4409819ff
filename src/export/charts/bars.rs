//! The indicator chart of one shortlisted unit: per weighted indicator
//! three bars, the unit's value, its gemeente's and the overall reference.
//! Indicators have different units, so each row has its own scale (the
//! largest of its three figures fills the bar area) and every bar carries
//! its figure; compare within a row, not between rows.

use super::scale::Linear;
use super::{num_text, ACCENT, MUTED, WIDTH};
use crate::export::escape::xml_escape as esc;
use crate::i18n::{Lang, Msg};
use std::fmt::Write;

/// One indicator of one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub unit: String,
    pub value: Option<f64>,
    /// Why the unit's value is absent (e.g. "suppressed"), shown in place
    /// of the bar.
    pub absent: Option<String>,
    pub gemeente: Option<f64>,
    pub overall: Option<f64>,
    /// References left out: for microdata figures a gemeente figure may
    /// rest on too few people, and the disclosure check does not cover it.
    pub refs_withheld: bool,
}

impl BarRow {
    /// The three figures in drawing order: unit, gemeente, overall.
    fn figures(&self) -> [Option<f64>; 3] {
        if self.refs_withheld {
            [self.value, None, None]
        } else {
            [self.value, self.gemeente, self.overall]
        }
    }
}

const LABEL_W: f64 = 300.0;
const BAR_X: f64 = LABEL_W + 10.0;
const BAR_END: f64 = WIDTH - 110.0;
const TOP: f64 = 30.0;
const BAR_H: f64 = 8.0;
const GAP: f64 = 2.0;
const ROW_H: f64 = 3.0 * (BAR_H + GAP) + 12.0;
const FILLS: [&str; 3] = [ACCENT, "#4a6fa5", MUTED];

/// Left and right end of each of a row's three bars, in pixels; `None`
/// where the figure is absent. Bars grow from zero: at the left edge when
/// no figure is negative, in the middle of the bar area when one is.
pub fn bar_spans(row: &BarRow) -> [Option<(f64, f64)>; 3] {
    let figs = row.figures();
    let largest = figs
        .iter()
        .flatten()
        .map(|v| v.abs())
        .fold(0.0_f64, f64::max);
    let negative = figs.iter().flatten().any(|&v| v < 0.0);
    let x = if negative {
        Linear::new((-largest, largest), (BAR_X, BAR_END))
    } else {
        Linear::new((0.0, largest), (BAR_X, BAR_END))
    };
    let zero = x.at(0.0);
    figs.map(|f| {
        f.filter(|v| v.is_finite()).map(|v| {
            let at = if largest > 0.0 { x.at(v) } else { zero };
            (zero.min(at), zero.max(at))
        })
    })
}

pub fn height(rows: usize) -> f64 {
    TOP + ROW_H * rows as f64 + 6.0
}

/// The chart as an inline `<svg>`; `code` names it in its id.
pub fn svg(code: &str, name: &str, rows: &[BarRow], lang: Lang) -> String {
    let h = height(rows.len());
    let mut o = String::with_capacity(2048 + 700 * rows.len());
    let _ = writeln!(
        o,
        r#"<svg id="unit-chart-{}" class="chart unit-chart" width="{WIDTH}" height="{h:.0}" viewBox="0 0 {WIDTH} {h:.0}" font-family="sans-serif" font-size="11" role="img">"#,
        esc(code)
    );
    let _ = writeln!(
        o,
        "<title>{}</title>",
        esc(&Msg::ChartUnitTitle.fill(lang, &[&name, &code]))
    );
    key(&mut o, name, lang);
    for (n, row) in rows.iter().enumerate() {
        let top = TOP + ROW_H * n as f64;
        let _ = writeln!(o, r#"<g class="indicator">"#);
        let _ = writeln!(
            o,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-weight="bold">{}</text>"#,
            LABEL_W,
            top + BAR_H,
            esc(&row.label)
        );
        if !row.unit.trim().is_empty() {
            let _ = writeln!(
                o,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="#666">{}</text>"##,
                LABEL_W,
                top + BAR_H + 13.0,
                esc(row.unit.trim())
            );
        }
        let figs = row.figures();
        for (k, span) in bar_spans(row).iter().enumerate() {
            let y = top + k as f64 * (BAR_H + GAP);
            match span {
                Some((x0, x1)) => {
                    let _ = writeln!(
                        o,
                        r#"<rect class="bar" x="{x0:.1}" y="{y:.1}" width="{:.1}" height="{BAR_H}" fill="{}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                        (x1 - x0).max(0.5),
                        FILLS[k],
                        x1.max(BAR_X) + 4.0,
                        y + BAR_H,
                        esc(&figs[k].map(|v| num_text(v, lang)).unwrap_or_default())
                    );
                }
                None if k == 0 => {
                    let why = row
                        .absent
                        .clone()
                        .unwrap_or_else(|| Msg::ChartNoValue.text(lang).to_string());
                    let _ = writeln!(
                        o,
                        r##"<text x="{BAR_X:.1}" y="{:.1}" fill="#8a5a00" font-style="italic">{}</text>"##,
                        y + BAR_H,
                        esc(&why)
                    );
                }
                None if k == 1 && row.refs_withheld => {
                    let _ = writeln!(
                        o,
                        r##"<text x="{BAR_X:.1}" y="{:.1}" fill="#666" font-style="italic">{}</text>"##,
                        y + BAR_H,
                        esc(Msg::ChartRefsWithheld.text(lang))
                    );
                }
                None => {}
            }
        }
        let _ = writeln!(o, "</g>");
    }
    o.push_str("</svg>\n");
    o
}

fn key(o: &mut String, name: &str, lang: Lang) {
    let y = 14.0;
    let mut x = BAR_X;
    let _ = writeln!(o, r#"<g class="key">"#);
    for (k, text) in [
        name,
        Msg::ChartGemeente.text(lang),
        Msg::ChartOverall.text(lang),
    ]
    .into_iter()
    .enumerate()
    {
        let _ = writeln!(
            o,
            r#"<rect x="{x:.1}" y="{:.1}" width="14" height="{BAR_H}" fill="{}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            y - BAR_H + 2.0,
            FILLS[k],
            x + 18.0,
            y + 2.0,
            esc(text)
        );
        x += 30.0 + 6.5 * text.chars().count() as f64;
    }
    let _ = writeln!(o, "</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: Option<f64>, gemeente: Option<f64>, overall: Option<f64>) -> BarRow {
        BarRow {
            label: "Jeugdzorg".into(),
            unit: "%".into(),
            value,
            absent: None,
            gemeente,
            overall,
            refs_withheld: false,
        }
    }

    const AREA: f64 = BAR_END - BAR_X;

    #[test]
    fn bars_are_proportional_to_the_largest_figure_of_the_row() {
        let s = bar_spans(&row(Some(16.0), Some(8.0), Some(4.0)));
        let len = |k: usize| s[k].map(|(a, b)| b - a).unwrap();
        assert!((len(0) - AREA).abs() < 1e-9, "the largest fills the area");
        assert!((len(1) - AREA / 2.0).abs() < 1e-9);
        assert!((len(2) - AREA / 4.0).abs() < 1e-9);
        assert!(s.iter().flatten().all(|&(a, _)| (a - BAR_X).abs() < 1e-9));
    }

    #[test]
    fn a_reference_above_the_unit_makes_the_unit_bar_shorter() {
        let s = bar_spans(&row(Some(5.0), Some(10.0), None));
        let len = |k: usize| s[k].map(|(a, b)| b - a).unwrap();
        assert!((len(0) - AREA / 2.0).abs() < 1e-9);
        assert!((len(1) - AREA).abs() < 1e-9);
        assert_eq!(s[2], None);
    }

    #[test]
    fn negative_figures_grow_left_from_a_middle_axis() {
        let s = bar_spans(&row(Some(-2.0), Some(4.0), Some(0.0)));
        let mid = (BAR_X + BAR_END) / 2.0;
        let (a0, a1) = s[0].unwrap();
        assert!((a1 - mid).abs() < 1e-9 && (mid - a0 - AREA / 4.0).abs() < 1e-9);
        let (b0, b1) = s[1].unwrap();
        assert!((b0 - mid).abs() < 1e-9 && (b1 - BAR_END).abs() < 1e-9);
        let (c0, c1) = s[2].unwrap();
        assert_eq!(c0, c1);
    }

    #[test]
    fn all_zero_and_withheld_rows_do_not_divide_by_zero() {
        let s = bar_spans(&row(Some(0.0), Some(0.0), Some(0.0)));
        assert!(s.iter().all(|b| b == &Some((BAR_X, BAR_X))));
        let mut w = row(Some(3.0), Some(30.0), Some(300.0));
        w.refs_withheld = true;
        let s = bar_spans(&w);
        assert_eq!(s[1], None);
        assert_eq!(s[2], None);
        assert!((s[0].map(|(a, b)| b - a).unwrap() - AREA).abs() < 1e-9);
    }

    #[test]
    fn svg_draws_present_bars_and_says_why_a_value_is_absent() {
        let mut absent = row(None, Some(1.0), Some(2.0));
        absent.absent = Some("onderdrukt".into());
        let s = svg(
            "BU1",
            "Havenkwartier",
            &[row(Some(16.3), Some(10.2), Some(10.0)), absent],
            Lang::Nl,
        );
        assert_eq!(s.matches("<rect class=\"bar\"").count(), 5);
        assert!(s.contains(">16,3</text>"), "Dutch decimal comma");
        assert!(s.contains(">onderdrukt</text>"));
        assert!(s.contains("id=\"unit-chart-BU1\""));
        roxmltree::Document::parse(&s).unwrap();
    }
}
