//! The weights: each indicator's current weight against the profile's,
//! its share, and what the change did to the shortlist.

use super::pane_block;
use crate::domain::value::Direction;
use crate::i18n::Msg;
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::fmt::{fit, fit_middle, share_bar};
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

const WEIGHT_W: usize = 6;
const BASE_W: usize = 7;
const BAR_W: usize = 8;
const PCT_W: usize = 4;

/// First indicator on screen: keeps the cursor visible.
fn offset(cursor: usize, visible: usize) -> usize {
    cursor.saturating_sub(visible.saturating_sub(1))
}

fn rows_visible(area: Rect) -> usize {
    // Border, header line and the summary lines under the list.
    (layout::inner(area).height as usize)
        .saturating_sub(1 + 3)
        .max(1)
}

/// The indicator under a screen row, for mouse clicks.
pub fn row_at(area: Rect, row: u16, n: usize, cursor: usize) -> Option<usize> {
    let first = layout::inner(area).y + 1;
    if row < first {
        return None;
    }
    let visible = rows_visible(area);
    let k = usize::from(row - first);
    let j = offset(cursor, visible) + k;
    (k < visible && j < n).then_some(j)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = |m: Msg| m.text(app.lang);
    let total: f64 = app.weights.iter().sum();
    // Bars relative to the largest share, so small differences show.
    let max_share = app
        .weights
        .iter()
        .fold(0.0f64, |m, &w| m.max(w))
        .max(f64::MIN_POSITIVE)
        / total.max(f64::MIN_POSITIVE);
    pane_block(app, Pane::Weights, "").render(area, buf);
    let inner = layout::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let fixed = 2 + (1 + WEIGHT_W) + (1 + BASE_W) + (1 + PCT_W);
    // The bar only when the label keeps room to be read.
    let bar = width >= fixed + 1 + BAR_W + 20;
    let label_w = width.saturating_sub(fixed + if bar { 1 + BAR_W } else { 0 });

    let mut lines = Vec::new();
    let mut head = format!(
        "  {:<label_w$} {:>WEIGHT_W$} {:>BASE_W$}",
        fit(t(Msg::Indicator), label_w),
        fit(t(Msg::WeightShort), WEIGHT_W),
        fit(t(Msg::Profile), BASE_W)
    );
    if bar {
        head.push_str(&format!(" {:<BAR_W$}", fit(t(Msg::Share), BAR_W)));
    }
    head.push_str(&format!(" {:>PCT_W$}", "%"));
    lines.push(Line::from(Span::styled(head, app.theme.header())));

    let ids = app.analysis.prepared.indicators();
    let dirs = app.analysis.prepared.directions();
    let visible = rows_visible(area);
    let first = offset(app.weight_cursor, visible);
    for (j, id) in ids.iter().enumerate().skip(first).take(visible) {
        let w = app.weights.get(j).copied().unwrap_or(0.0);
        let base = app.baseline.weights.get(j).copied().unwrap_or(0.0);
        let share = if total > 0.0 { w / total } else { 0.0 };
        let arrow = match dirs.get(j) {
            Some(Direction::Protective) => "↓",
            Some(Direction::Neutral) => " ",
            _ => "↑",
        };
        let label = format!("{arrow} {}", app.indicator_label(id));
        let cursor = if j == app.weight_cursor { "▶ " } else { "  " };
        let base_text = if (w - base).abs() > 1e-9 {
            format!("({base})")
        } else {
            String::new()
        };
        let mut spans = vec![
            Span::raw(cursor),
            Span::raw(format!("{:<label_w$}", fit_middle(&label, label_w))),
            Span::styled(format!(" {:>WEIGHT_W$}", w), app.theme.header()),
            Span::styled(format!(" {:>BASE_W$}", base_text), app.theme.dim()),
        ];
        if bar {
            spans.push(Span::styled(
                format!(" {}", share_bar(share / max_share, BAR_W)),
                app.theme.shortlisted(),
            ));
        }
        spans.push(Span::raw(format!(" {:>3.0}%", share * 100.0)));
        let mut line = Line::from(spans);
        if j == app.weight_cursor {
            line = line.patch_style(app.theme.selected_row(app.focus == Pane::Weights));
        }
        lines.push(line);
    }

    let names = |v: &[usize]| -> String {
        v.iter()
            .map(|&u| app.unit_name(u).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    lines.push(Line::from(""));
    let now = app.shortlist();
    lines.push(Line::from(format!(
        "{}: {}",
        t(Msg::Shortlist),
        names(&now)
    )));
    let (gone, new) = app.shortlist_changes();
    if !gone.is_empty() || !new.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("+ {}", names(&new)), app.theme.up()),
            Span::raw("  "),
            Span::styled(format!("− {}", names(&gone)), app.theme.down()),
        ]));
    }
    for a in app.analysis.prepared.absent() {
        lines.push(Line::from(Span::styled(
            format!(
                "{}: {}",
                a.id,
                t(crate::i18n::domain::missing(
                    crate::domain::value::Missing::NotInInput,
                ))
            ),
            app.theme.dim(),
        )));
    }
    Paragraph::new(lines).render(inner, buf);
}
