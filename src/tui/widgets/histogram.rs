//! The `d` overlay: how what the map shows (the score or an indicator) is
//! spread over the ranking's rows, with the selected unit's bar marked.

use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::fmt::{fit, num};
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

/// Equal-width bins from the lowest to the highest value.
#[derive(Debug, Clone, PartialEq)]
pub struct Bins {
    pub lo: f64,
    pub hi: f64,
    pub counts: Vec<usize>,
}

impl Bins {
    pub fn of(values: &[f64], n: usize) -> Option<Bins> {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !(lo.is_finite() && hi.is_finite()) || n == 0 {
            return None;
        }
        // One value everywhere: one bar says so.
        let n = if hi > lo { n } else { 1 };
        let mut b = Bins {
            lo,
            hi,
            counts: vec![0; n],
        };
        for &v in values {
            let i = b.index(v);
            b.counts[i] += 1;
        }
        Some(b)
    }

    /// The bin of a value; the highest value belongs to the last bin.
    pub fn index(&self, v: f64) -> usize {
        let n = self.counts.len();
        if self.hi <= self.lo {
            return 0;
        }
        let t = ((v - self.lo) / (self.hi - self.lo) * n as f64).floor();
        (t.max(0.0) as usize).min(n - 1)
    }
}

const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let all = app.map_values();
    let shown: Vec<Option<f64>> = app
        .table
        .rows
        .iter()
        .map(|&u| all.get(u).copied().flatten().filter(|v| v.is_finite()))
        .collect();
    let mut values: Vec<f64> = shown.iter().flatten().copied().collect();
    values.sort_by(f64::total_cmp);
    let missing = shown.len() - values.len();
    let w = area.width.saturating_sub(4).min(110);
    let h = area.height.saturating_sub(4).min(26);
    let r = super::centered(area, w, h);
    Clear.render(r, buf);
    let label = super::map::colour_label(app);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Msg::HistogramTitle.fill(lang, &[&label]))
        .border_style(app.theme.title())
        .render(r, buf);
    let inner = layout::inner(r);
    if inner.height < 6 || inner.width < 12 {
        return;
    }
    let line = |y: u16, text: String, style: Style, buf: &mut Buffer| {
        Line::styled(fit(&text, usize::from(inner.width)), style).render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    };
    let stats = Msg::HistogramStats.fill(
        lang,
        &[
            &values.len(),
            &missing,
            &num(values.first().copied(), 2, lang),
            &num(median(&values), 2, lang),
            &num(values.last().copied(), 2, lang),
        ],
    );
    line(inner.y, stats, app.theme.dim(), buf);
    let bins_n = usize::from(inner.width / 3).clamp(5, 40);
    let Some(bins) = Bins::of(&values, bins_n) else {
        line(
            inner.y + 2,
            Msg::HistogramEmpty.text(lang).to_string(),
            app.theme.error(),
            buf,
        );
        return;
    };
    let sel_value = all
        .get(app.selected)
        .copied()
        .flatten()
        .filter(|v| v.is_finite());
    let sel_bin = sel_value.map(|v| bins.index(v));
    // Rows: stats, blank, bars, axis, marker, selected line.
    let bar_rows = inner.height - 5;
    let top = inner.y + 2;
    let n = bins.counts.len() as u16;
    let col_w = (inner.width / n).max(1);
    let max = bins.counts.iter().copied().max().unwrap_or(0).max(1);
    for (i, &c) in bins.counts.iter().enumerate() {
        let x0 = inner.x + i as u16 * col_w;
        let eighths = (c * usize::from(bar_rows) * 8).div_ceil(max);
        let color = if Some(i) == sel_bin {
            app.theme.selected_color()
        } else {
            app.theme.class_color(i * 5 / bins.counts.len())
        };
        for row in 0..bar_rows {
            // From the bottom up: full cells, then the partial one.
            let from_bottom = usize::from(bar_rows - 1 - row);
            let fill = eighths.saturating_sub(from_bottom * 8).min(8);
            if fill == 0 {
                continue;
            }
            for dx in 0..col_w.saturating_sub(1).max(1) {
                if let Some(cell) = buf.cell_mut((x0 + dx, top + row)) {
                    cell.set_char(EIGHTHS[fill]);
                    cell.set_fg(color);
                }
            }
        }
    }
    let axis_y = top + bar_rows;
    let lo = num(Some(bins.lo), 2, lang);
    let hi = num(Some(bins.hi), 2, lang);
    let used = n * col_w;
    let gap = usize::from(used).saturating_sub(lo.chars().count() + hi.chars().count());
    line(
        axis_y,
        format!("{lo}{}{hi}", " ".repeat(gap)),
        app.theme.dim(),
        buf,
    );
    let name = app.unit_name(app.selected).to_string();
    match (sel_bin, sel_value) {
        (Some(i), Some(v)) => {
            let x = inner.x + i as u16 * col_w;
            if let Some(cell) = buf.cell_mut((x, axis_y + 1)) {
                cell.set_char('▲');
                cell.set_fg(app.theme.selected_color());
            }
            line(
                axis_y + 2,
                Msg::HistogramSelected.fill(lang, &[&name, &num(Some(v), 2, lang)]),
                Style::default(),
                buf,
            );
        }
        _ => line(
            axis_y + 2,
            Msg::HistogramNoValue.fill(lang, &[&name]),
            app.theme.dim(),
            buf,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_lands_in_one_bin_and_the_extremes_at_the_ends() {
        let v = [0.0, 1.0, 2.0, 2.5, 10.0];
        let b = Bins::of(&v, 5).unwrap();
        assert_eq!(b.counts.iter().sum::<usize>(), v.len());
        assert_eq!(b.index(0.0), 0);
        assert_eq!(b.index(10.0), 4);
        assert_eq!(b.counts, vec![2, 2, 0, 0, 1]);
    }

    #[test]
    fn one_value_everywhere_is_one_bar_and_nothing_is_no_bins() {
        let b = Bins::of(&[3.0, 3.0], 10).unwrap();
        assert_eq!(b.counts, vec![2]);
        assert!(Bins::of(&[], 10).is_none());
    }

    #[test]
    fn the_median_of_an_even_count_is_the_middle_mean() {
        assert_eq!(median(&[1.0, 2.0, 3.0, 4.0]), Some(2.5));
        assert_eq!(median(&[1.0, 2.0, 3.0]), Some(2.0));
        assert_eq!(median(&[]), None);
    }
}
