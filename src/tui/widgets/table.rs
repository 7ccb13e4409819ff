//! The ranked table. Only the rows on screen are formatted, so its cost
//! does not depend on the number of units.

use super::pane_block;
use crate::i18n::Msg;
use crate::tui::action::{Column, Pane};
use crate::tui::app::{App, Mark};
use crate::tui::fmt::{fit, fit_middle, num};
use crate::tui::labels;
use crate::tui::layout;
use crate::tui::rows;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Minimum width of each column; ranks take as many digits as there are
/// units.
fn min_width(c: Column, units: usize) -> u16 {
    let digits = units.max(1).ilog10() as u16 + 1;
    match c {
        // The shortlist mark and the small-population mark.
        Column::Mark => 2,
        // Room for the tie mark: "12=".
        Column::Rank => digits + 1,
        Column::Delta => digits + 1,
        Column::Code => 10,
        Column::Name => 10,
        Column::Gemeente => 8,
        Column::Score => 5,
        // Never narrower than its header, "5-95%".
        Column::Interval => (2 * digits + 1).max(5),
        Column::PTop => 6,
        Column::Schools => 3,
        Column::Inhabitants => 6,
        Column::Children => 5,
        Column::Indicator(_) => 7,
    }
}

/// Which columns go first when the pane is narrow.
const PRIORITY: [Column; 12] = [
    Column::Mark,
    Column::Rank,
    Column::Name,
    Column::Score,
    Column::Delta,
    Column::Schools,
    Column::PTop,
    Column::Interval,
    Column::Inhabitants,
    Column::Code,
    Column::Children,
    Column::Gemeente,
];

/// Width the name column grows by before less important columns come in.
const NAME_GROWTH: u16 = 6;

/// The columns that fit in `width`, left to right, with their widths.
pub fn visible_columns(width: u16, units: usize) -> Vec<(Column, u16)> {
    visible_columns_with(width, units, &[])
}

/// As [`visible_columns`], with the indicator columns the user chose: they
/// come right after the score in priority and show at the right.
pub fn visible_columns_with(width: u16, units: usize, indicators: &[u16]) -> Vec<(Column, u16)> {
    let mut chosen: Vec<Column> = Vec::new();
    let mut used: u16 = 0;
    let mut grown = false;
    let mut priority: Vec<Column> = PRIORITY.to_vec();
    let at = priority
        .iter()
        .position(|c| *c == Column::Score)
        .map_or(0, |i| i + 1);
    for (k, &j) in indicators.iter().enumerate() {
        priority.insert(at + k, Column::Indicator(j));
    }
    for c in priority {
        // A readable name matters more than the columns after the interval.
        if c == Column::Interval && used + NAME_GROWTH <= width {
            used += NAME_GROWTH;
            grown = true;
        }
        let need = min_width(c, units) + u16::from(!chosen.is_empty());
        if used + need <= width {
            used += need;
            chosen.push(c);
        }
    }
    let mut extra = width.saturating_sub(used);
    let mut out: Vec<(Column, u16)> = Column::ALL
        .iter()
        .copied()
        .chain(indicators.iter().map(|&j| Column::Indicator(j)))
        .filter(|c| chosen.contains(c))
        .map(|c| {
            let w = min_width(c, units);
            (
                c,
                if c == Column::Name && grown {
                    w + NAME_GROWTH
                } else {
                    w
                },
            )
        })
        .collect();
    // Spare width goes to the names first.
    for (c, cap) in [(Column::Name, 24u16), (Column::Gemeente, 16)] {
        if let Some(e) = out.iter_mut().find(|(x, _)| *x == c) {
            let add = extra.min(cap.saturating_sub(e.1));
            e.1 += add;
            extra -= add;
        }
    }
    out
}

fn right(c: Column) -> bool {
    !matches!(
        c,
        Column::Mark | Column::Code | Column::Name | Column::Gemeente
    )
}

fn cell(app: &App, u: usize, c: Column) -> String {
    let an = &app.analysis;
    let f = &an.units[u];
    let r = &an.ranking.units[u];
    let st = an
        .stability
        .as_ref()
        .and_then(|s| s.units.get(u))
        .and_then(|s| s.as_ref());
    let pending = if app.stability_running { "…" } else { "-" };
    match c {
        Column::Mark => {
            let shortlist = match app.mark(u) {
                Mark::Computed => "●",
                Mark::Added => "+",
                Mark::Removed => "×",
                Mark::Eligible => "·",
                Mark::None => " ",
            };
            let small = if an.small_population(u) { "!" } else { " " };
            format!("{shortlist}{small}")
        }
        Column::Rank => match an.rank_range(u) {
            // A shared rank: the first rank of the range, marked as a tie.
            Some((lo, hi)) if lo < hi => format!("{lo}="),
            // A trailing space keeps the digits in line with "12=".
            _ => format!("{} ", crate::present::optional(r.rank)),
        },
        Column::Delta => match app.rank_delta(u) {
            Some(d) if d > 0 => format!("↑{d}"),
            Some(d) if d < 0 => format!("↓{}", -d),
            _ => String::new(),
        },
        Column::Code => f.code.clone(),
        Column::Name => f.name.clone(),
        Column::Gemeente => f.gemeente_name.clone(),
        Column::Score => num(r.score, 2, app.lang),
        Column::Interval => match st {
            Some(s) => format!("{}-{}", s.rank.p05, s.rank.p95),
            None if r.rank.is_some() => pending.into(),
            None => "-".into(),
        },
        Column::PTop => match st.and_then(|s| s.eligible.as_ref()) {
            Some(e) => num(Some(e.p_top_k), 2, app.lang),
            None if r.eligible && an.stability.is_none() => pending.into(),
            None => "-".into(),
        },
        Column::Schools => f
            .primary_schools
            .map(|s| s.to_string())
            .unwrap_or_else(|| "?".into()),
        Column::Inhabitants => num(f.inhabitants, 0, app.lang),
        Column::Children => num(f.children_0_15, 0, app.lang),
        Column::Indicator(j) => num(rows::indicator_value(app, j, u), 1, app.lang),
    }
}

fn pad(s: &str, w: u16, right: bool) -> String {
    let s = fit(s, w as usize);
    let n = s.chars().count();
    let gap = " ".repeat((w as usize).saturating_sub(n));
    if right {
        format!("{gap}{s}")
    } else {
        format!("{s}{gap}")
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = |m: Msg| m.text(app.lang);
    let n = app.table.rows.len();
    let pos = app
        .table
        .cursor
        .map(|c| format!("{}/{n}", c + 1))
        .unwrap_or_else(|| format!("-/{n}"));
    pane_block(app, Pane::Table, &pos).render(area, buf);
    let inner = layout::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let cols = visible_columns_with(inner.width, app.analysis.units.len(), &app.table.indicators);
    let top_k = app.analysis.ranking.top_k;

    let mut header = Vec::new();
    for (i, &(c, w)) in cols.iter().enumerate() {
        if i > 0 {
            header.push(Span::raw(" "));
        }
        let mut name = match c {
            Column::Indicator(j) => app
                .analysis
                .column_ids
                .get(usize::from(j))
                .map(|id| app.indicator_label(id))
                .unwrap_or_default(),
            _ => labels::column(c, top_k, app.lang),
        };
        if app.table.sort.column == c {
            // The arrow always shows: the name gives way, not the arrow.
            name = fit(name.trim(), usize::from(w).saturating_sub(1));
            name.push(if app.table.sort.descending {
                '▼'
            } else {
                '▲'
            });
        }
        let style = if app.table.column == c && app.focus == Pane::Table {
            app.theme.column_cursor()
        } else {
            app.theme.header()
        };
        header.push(Span::styled(pad(&name, w, right(c)), style));
    }
    Line::from(header).render(Rect { height: 1, ..inner }, buf);

    let body = layout::table_body(area);
    if n == 0 {
        Line::from(Span::styled(t(Msg::NoRows), app.theme.dim())).render(body, buf);
        return;
    }
    let query = app.search.query.to_lowercase();
    for (i, &u) in app
        .table
        .rows
        .iter()
        .skip(app.table.offset)
        .take(body.height as usize)
        .enumerate()
    {
        let row_area = Rect {
            y: body.y + i as u16,
            height: 1,
            ..body
        };
        let mark = app.mark(u);
        let base = if matches!(mark, Mark::Computed | Mark::Added) {
            app.theme.shortlisted()
        } else if !app.analysis.ranking.units[u].eligible {
            app.theme.ineligible()
        } else {
            Style::default()
        };
        let hit = rows::matches(app, u, &query);
        let mut spans = Vec::with_capacity(cols.len() * 2);
        for (k, &(c, w)) in cols.iter().enumerate() {
            if k > 0 {
                spans.push(Span::raw(" "));
            }
            let style = match c {
                Column::Name | Column::Code if hit => base.patch(app.theme.search_hit()),
                Column::Delta => match app.rank_delta(u) {
                    Some(d) if d > 0 => app.theme.up(),
                    Some(d) if d < 0 => app.theme.down(),
                    _ => base,
                },
                _ => base,
            };
            let text = cell(app, u, c);
            // Names of one area often differ only at the end ("Stadsrand
            // Noord", "Stadsrand Zuid"): cut them in the middle.
            let text = if c == Column::Name {
                fit_middle(&text, usize::from(w))
            } else {
                text
            };
            spans.push(Span::styled(pad(&text, w, right(c)), style));
        }
        let mut line = Line::from(spans);
        if Some(app.table.offset + i) == app.table.cursor {
            buf.set_style(row_area, app.theme.selected_row(app.focus == Pane::Table));
            line = line.patch_style(app.theme.selected_row(app.focus == Pane::Table));
        }
        line.render(row_area, buf);
    }
}
