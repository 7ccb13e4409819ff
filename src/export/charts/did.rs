//! The before/after chart of the effect measurement: per indicator a small
//! panel with the pilots' mean (accent) and the comparison buurten' mean
//! (grey, dashed) in the baseline and the follow-up year, and the
//! difference-in-differences with its placebo interval under it.

use super::super::escape::xml_escape as esc;
use super::scale::Linear;
use super::{num2, ACCENT, MUTED};
use crate::domain::effect::DidRow;
use crate::i18n::{Lang, Msg};
use std::fmt::Write;

const PANEL_W: f64 = 230.0;
const PANEL_H: f64 = 170.0;
const COLS: usize = 4;
const PLOT_TOP: f64 = 40.0;
const PLOT_H: f64 = 80.0;
const X0: f64 = 40.0;
const X1: f64 = 190.0;

/// The value range of a panel, padded so the lines do not touch its edges.
pub fn y_range(r: &DidRow) -> Option<(f64, f64)> {
    let v: Vec<f64> = [
        r.pilot_before,
        r.pilot_after,
        r.control_before,
        r.control_after,
    ]
    .into_iter()
    .flatten()
    .filter(|x| x.is_finite())
    .collect();
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !(lo.is_finite() && hi.is_finite()) {
        return None;
    }
    let pad = ((hi - lo) * 0.15).max(hi.abs().max(1.0) * 0.02);
    Some((lo - pad, hi + pad))
}

fn line(
    o: &mut String,
    y: &Linear,
    from: Option<f64>,
    to: Option<f64>,
    colour: &str,
    dash: &str,
    class: &str,
) {
    if let (Some(a), Some(b)) = (from, to) {
        let _ = writeln!(
            o,
            r#"<g class="{class}"><line x1="{X0}" y1="{:.1}" x2="{X1}" y2="{:.1}" stroke="{colour}" stroke-width="2.5"{dash}/><circle cx="{X0}" cy="{:.1}" r="3.5" fill="{colour}"/><circle cx="{X1}" cy="{:.1}" r="3.5" fill="{colour}"/></g>"#,
            y.at(a),
            y.at(b),
            y.at(a),
            y.at(b)
        );
    }
}

/// The chart as inline SVG; `label` names an indicator.
pub fn svg(rows: &[DidRow], label: impl Fn(&str) -> String, lang: Lang) -> String {
    let n = rows.len();
    let rows_n = n.div_ceil(COLS).max(1);
    let w = PANEL_W * COLS.min(n.max(1)) as f64;
    let h = PANEL_H * rows_n as f64 + 24.0;
    let mut o = String::new();
    let _ = writeln!(
        o,
        r#"<svg class="chart did" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="sans-serif" font-size="11" role="img"><title>{}</title>"#,
        esc(Msg::DidChartTitle.text(lang))
    );
    let _ = writeln!(
        o,
        r#"<g class="key"><line x1="10" y1="12" x2="34" y2="12" stroke="{ACCENT}" stroke-width="2.5"/><text x="40" y="16">{}</text><line x1="160" y1="12" x2="184" y2="12" stroke="{MUTED}" stroke-width="2.5" stroke-dasharray="5 3"/><text x="190" y="16">{}</text></g>"#,
        esc(Msg::DidChartPilots.text(lang)),
        esc(Msg::DidChartControls.text(lang))
    );
    for (i, r) in rows.iter().enumerate() {
        let (px, py) = (
            PANEL_W * (i % COLS) as f64,
            24.0 + PANEL_H * (i / COLS) as f64,
        );
        let _ = writeln!(
            o,
            r#"<g class="panel" data-indicator="{}" transform="translate({px:.0},{py:.0})"><text x="10" y="16" font-weight="bold">{}</text>"#,
            esc(&r.indicator),
            esc(&crate::present::fit(
                &label(&r.indicator),
                34,
                crate::present::TILDE
            ))
        );
        if let Some((lo, hi)) = y_range(r) {
            let y = Linear::new((lo, hi), (PLOT_TOP + PLOT_H, PLOT_TOP));
            let _ = writeln!(
                o,
                r##"<line x1="{X0}" y1="{:.1}" x2="{X1}" y2="{:.1}" stroke="#dddddd"/><text x="{X0}" y="{:.1}" text-anchor="middle">{}</text><text x="{X1}" y="{:.1}" text-anchor="middle">{}</text>"##,
                PLOT_TOP + PLOT_H,
                PLOT_TOP + PLOT_H,
                PLOT_TOP + PLOT_H + 14.0,
                esc(Msg::DidChartBefore.text(lang)),
                PLOT_TOP + PLOT_H + 14.0,
                esc(Msg::DidChartAfter.text(lang)),
            );
            line(
                &mut o,
                &y,
                r.control_before,
                r.control_after,
                MUTED,
                r#" stroke-dasharray="5 3""#,
                "controls",
            );
            line(
                &mut o,
                &y,
                r.pilot_before,
                r.pilot_after,
                ACCENT,
                "",
                "pilots",
            );
        }
        let did = match (r.did, r.ci_low, r.ci_high) {
            (Some(d), Some(l), Some(h)) => {
                Msg::DidChartCaption.fill(lang, &[&num2(d, lang), &num2(l, lang), &num2(h, lang)])
            }
            (Some(d), _, _) => num2(d, lang),
            _ => Msg::DidChartNone.text(lang).to_string(),
        };
        let _ = writeln!(
            o,
            r#"<text class="caption" x="10" y="{:.1}">{}</text></g>"#,
            PANEL_H - 12.0,
            esc(&did)
        );
    }
    o.push_str("</svg>\n");
    o
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn row(id: &str, pb: f64, pa: f64, cb: f64, ca: f64) -> DidRow {
        DidRow {
            indicator: id.into(),
            pilot_before: Some(pb),
            pilot_after: Some(pa),
            control_before: Some(cb),
            control_after: Some(ca),
            did: Some((pa - pb) - (ca - cb)),
            ci_low: Some(-0.5),
            ci_high: Some(0.5),
            n_pilots: 3,
            n_controls: 10,
        }
    }

    #[test]
    fn a_falling_pilot_line_is_drawn_falling_with_its_did_under_it() {
        let rows = [
            row("youth_care_pct", 15.0, 13.0, 11.0, 11.0),
            row("x", 1.0, 1.0, 2.0, 2.0),
        ];
        let s = svg(&rows, |id| format!("L {id}"), Lang::Nl);
        let doc = roxmltree::Document::parse(&s).unwrap();
        let panels: Vec<_> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("panel"))
            .collect();
        assert_eq!(panels.len(), 2);
        let pilot = panels[0]
            .descendants()
            .find(|n| n.attribute("class") == Some("pilots"))
            .unwrap()
            .first_element_child()
            .unwrap();
        let y1: f64 = pilot.attribute("y1").unwrap().parse().unwrap();
        let y2: f64 = pilot.attribute("y2").unwrap().parse().unwrap();
        // SVG y grows downwards: a lower value after is a larger y.
        assert!(y2 > y1, "{y1} -> {y2}");
        let controls = panels[0]
            .descendants()
            .find(|n| n.attribute("class") == Some("controls"))
            .unwrap()
            .first_element_child()
            .unwrap();
        assert_eq!(controls.attribute("y1"), controls.attribute("y2"));
        assert!(s.contains("-2,00"), "{s}");
        assert!(s.contains("L youth_care_pct"));
    }

    #[test]
    fn the_range_is_padded_and_absent_when_nothing_is_known() {
        let (lo, hi) = y_range(&row("a", 10.0, 12.0, 10.0, 10.0)).unwrap();
        assert!(lo < 10.0 && hi > 12.0);
        let mut empty = row("b", 0.0, 0.0, 0.0, 0.0);
        empty.pilot_before = None;
        empty.pilot_after = None;
        empty.control_before = None;
        empty.control_after = None;
        assert!(y_range(&empty).is_none());
    }
}
