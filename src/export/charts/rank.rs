//! The rank-interval chart: one row per unit, its median rank over the
//! weight draws as a dot and its 5-95% interval as a band, on one rank
//! axis; shortlisted units in the accent colour. Rank r owns the cell
//! [r - 0.5, r + 0.5] on the axis, so a unit that never moves still shows a
//! band one rank wide instead of vanishing.

use super::scale::{rank_ticks, Linear};
use super::{ACCENT, MUTED, WIDTH};
use crate::export::escape::xml_escape as esc;
use crate::i18n::{Lang, Msg};
use std::fmt::Write;

/// One unit as the chart draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct RankItem {
    pub label: String,
    /// The rank at the profile's weights.
    pub rank: u32,
    /// Median and 5/95% rank over the draws; `None` without a stability run.
    pub median: Option<u32>,
    pub p05: Option<u32>,
    pub p95: Option<u32>,
    pub shortlisted: bool,
}

const LABEL_W: f64 = 250.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 34.0;
const ROW_H: f64 = 18.0;
const AXIS_H: f64 = 36.0;

/// Where one row lands, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowPlace {
    /// Vertical centre of the row.
    pub y: f64,
    /// Left and right end of the 5-95% band.
    pub band: Option<(f64, f64)>,
    /// The dot: the median, or the rank itself without draws.
    pub dot: f64,
}

/// The chart's geometry: the rank scale, one place per item, the height.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub max_rank: u32,
    pub x: Linear,
    pub rows: Vec<RowPlace>,
    pub height: f64,
}

pub fn layout(items: &[RankItem]) -> Layout {
    let max_rank = items
        .iter()
        .map(|i| {
            i.p95
                .unwrap_or(i.rank)
                .max(i.rank)
                .max(i.median.unwrap_or(0))
        })
        .max()
        .unwrap_or(1)
        .max(1);
    let x = Linear::new((0.5, f64::from(max_rank) + 0.5), (LABEL_W, WIDTH - RIGHT));
    let rows = items
        .iter()
        .enumerate()
        .map(|(n, i)| RowPlace {
            y: TOP + ROW_H * (n as f64 + 0.5),
            band: match (i.p05, i.p95) {
                (Some(lo), Some(hi)) => Some((
                    x.at(f64::from(lo.min(hi)) - 0.5),
                    x.at(f64::from(hi.max(lo)) + 0.5),
                )),
                _ => None,
            },
            dot: x.at(f64::from(i.median.unwrap_or(i.rank))),
        })
        .collect();
    Layout {
        max_rank,
        x,
        rows,
        height: TOP + ROW_H * items.len() as f64 + AXIS_H,
    }
}

/// The chart as an inline `<svg>` (no namespace: it lives in HTML).
pub fn svg(items: &[RankItem], lang: Lang) -> String {
    let l = layout(items);
    let mut o = String::with_capacity(4096 + 400 * items.len());
    let h = l.height;
    let _ = writeln!(
        o,
        r#"<svg id="rank-chart" class="chart" width="{WIDTH}" height="{h:.0}" viewBox="0 0 {WIDTH} {h:.0}" font-family="sans-serif" font-size="11" role="img">"#
    );
    let _ = writeln!(
        o,
        "<title>{}</title>",
        esc(Msg::ChartRankHeading.text(lang))
    );
    legend(&mut o, lang);
    let bottom = TOP + ROW_H * items.len() as f64;
    // Grid and axis first, so bands and dots sit on top.
    let _ = writeln!(o, r##"<g class="axis" fill="#555" stroke="#e3e3e3">"##);
    for t in rank_ticks(l.max_rank) {
        let tx = l.x.at(f64::from(t));
        let _ = writeln!(
            o,
            r#"<line x1="{tx:.1}" y1="{TOP:.1}" x2="{tx:.1}" y2="{bottom:.1}"/><text x="{tx:.1}" y="{:.1}" text-anchor="middle" stroke="none">{t}</text>"#,
            bottom + 13.0
        );
    }
    let _ = writeln!(
        o,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" stroke="none">{}</text>"#,
        (LABEL_W + WIDTH - RIGHT) / 2.0,
        bottom + 29.0,
        esc(Msg::ChartRankAxis.text(lang))
    );
    let _ = writeln!(o, "</g>");
    let _ = writeln!(o, r#"<g class="ranks">"#);
    for (i, p) in items.iter().zip(&l.rows) {
        let colour = if i.shortlisted { ACCENT } else { MUTED };
        let class = if i.shortlisted {
            "rank shortlisted"
        } else {
            "rank"
        };
        let _ = writeln!(o, r#"<g class="{class}">"#);
        let _ = writeln!(
            o,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end"{}>{}</text>"#,
            LABEL_W - 8.0,
            p.y + 4.0,
            if i.shortlisted {
                r#" font-weight="bold""#
            } else {
                ""
            },
            esc(&i.label)
        );
        if let Some((x0, x1)) = p.band {
            let _ = writeln!(
                o,
                r#"<rect class="band" x="{x0:.1}" y="{:.1}" width="{:.1}" height="8" fill="{colour}" fill-opacity="0.35"/>"#,
                p.y - 4.0,
                x1 - x0
            );
        }
        let _ = writeln!(
            o,
            r#"<circle class="median" cx="{:.1}" cy="{:.1}" r="4" fill="{colour}"/>"#,
            p.dot, p.y
        );
        let _ = writeln!(o, "</g>");
    }
    let _ = writeln!(o, "</g>");
    o.push_str("</svg>\n");
    o
}

/// A one-line key above the rows: colours and marks.
fn legend(o: &mut String, lang: Lang) {
    let y = 14.0;
    let mut x = LABEL_W;
    let _ = writeln!(o, r#"<g class="key">"#);
    for (colour, text) in [
        (ACCENT, Msg::ChartShortlisted.text(lang)),
        (MUTED, Msg::ChartOthers.text(lang)),
    ] {
        let _ = writeln!(
            o,
            r#"<rect x="{x:.1}" y="{:.1}" width="18" height="8" fill="{colour}" fill-opacity="0.35"/><circle cx="{:.1}" cy="{y:.1}" r="4" fill="{colour}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            y - 4.0,
            x + 9.0,
            x + 24.0,
            y + 4.0,
            esc(text)
        );
        x += 34.0 + 7.0 * text.chars().count() as f64;
    }
    let _ = writeln!(
        o,
        r##"<text x="{x:.1}" y="{:.1}" fill="#555">{}</text>"##,
        y + 4.0,
        esc(Msg::ChartRankKey.text(lang))
    );
    let _ = writeln!(o, "</g>");
}

/// "6 Havenkwartier" style label: rank, then name.
pub fn label(rank: u32, name: &str) -> String {
    format!("{rank} {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(rank: u32, band: Option<(u32, u32, u32)>, shortlisted: bool) -> RankItem {
        RankItem {
            label: format!("u{rank}"),
            rank,
            median: band.map(|b| b.1),
            p05: band.map(|b| b.0),
            p95: band.map(|b| b.2),
            shortlisted,
        }
    }

    #[test]
    fn band_spans_the_rank_cells_from_p05_to_p95() {
        // ranks 1..=10 over 960 - 250 - 30 = 680 px: 68 px per rank
        let items = vec![
            item(1, Some((1, 1, 2)), true),
            item(2, Some((3, 5, 10)), false),
        ];
        let l = layout(&items);
        assert_eq!(l.max_rank, 10);
        let (a0, a1) = l.rows[0].band.unwrap();
        assert!((a0 - 250.0).abs() < 1e-9 && (a1 - (250.0 + 2.0 * 68.0)).abs() < 1e-9);
        let (b0, b1) = l.rows[1].band.unwrap();
        assert!((b0 - (250.0 + 2.0 * 68.0)).abs() < 1e-9, "{b0}");
        assert!((b1 - 930.0).abs() < 1e-9, "{b1}");
        // the median sits in the middle of its rank cell
        assert!((l.rows[1].dot - (250.0 + 4.5 * 68.0)).abs() < 1e-9);
        assert!(l.rows[1].y > l.rows[0].y);
    }

    #[test]
    fn a_rank_that_never_moves_still_has_a_visible_band() {
        let l = layout(&[item(3, Some((3, 3, 3)), false)]);
        let (x0, x1) = l.rows[0].band.unwrap();
        assert!(x1 - x0 > 100.0, "one rank of three is a third of 680 px");
    }

    #[test]
    fn without_draws_the_dot_is_the_rank_and_there_is_no_band() {
        let l = layout(&[item(2, None, true), item(4, None, false)]);
        assert_eq!(l.max_rank, 4);
        assert!(l.rows.iter().all(|r| r.band.is_none()));
        assert!((l.rows[1].dot - (250.0 + 3.5 * 170.0)).abs() < 1e-9);
    }

    #[test]
    fn svg_marks_the_shortlist_and_draws_every_row() {
        let items = vec![
            item(1, Some((1, 1, 2)), true),
            item(2, Some((1, 2, 3)), false),
        ];
        let s = svg(&items, Lang::Nl);
        assert_eq!(s.matches("<circle class=\"median\"").count(), 2);
        assert_eq!(s.matches("<rect class=\"band\"").count(), 2);
        assert_eq!(s.matches("class=\"rank shortlisted\"").count(), 1);
        assert!(s.contains(Msg::ChartRankAxis.text(Lang::Nl)));
        roxmltree::Document::parse(&s).unwrap();
    }
}
