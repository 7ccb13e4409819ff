//! Focus, selection, table rows and scrolling.

use super::{info, screen, viewport};
use crate::i18n::Msg;
use crate::tui::action::{Column, Pane};
use crate::tui::app::{App, Sort};
use crate::tui::layout;
use crate::tui::rows;
use crate::tui::widgets::table;

fn table_height(app: &App) -> usize {
    layout::table_body(screen(app).table).height as usize
}

pub(super) fn set_focus(app: &mut App, p: Pane) {
    app.focus = p;
    if p != Pane::Table {
        app.side = p;
    }
    if p.is_info() {
        app.info = p;
    }
    follow_on_map(app);
}

/// Select a unit: compute its figures and team, show its row and, if it is
/// off the map, centre the map on it.
pub(super) fn select(app: &mut App, unit: usize) {
    if unit >= app.analysis.units.len() {
        return;
    }
    app.selected = unit;
    app.table.cursor = app.table.rows.iter().position(|&u| u == unit);
    if app.focused.as_ref().map(|f| f.unit) != Some(unit) {
        app.focused = Some(app.focus_on(unit));
        app.scroll.detail = 0;
        app.scroll.team = 0;
    }
    ensure_visible(app);
    follow_on_map(app);
}

fn follow_on_map(app: &mut App) {
    let Some(vp) = viewport(app) else { return };
    let Some(b) = app.geo.unit_bbox.get(app.selected).copied().flatten() else {
        return;
    };
    if !vp.contains(&b) {
        app.map.center = (f64::from(b[0] + b[2]) / 2.0, f64::from(b[1] + b[3]) / 2.0);
    }
}

pub(super) fn ensure_visible(app: &mut App) {
    let h = table_height(app).max(1);
    let t = &mut app.table;
    let n = t.rows.len();
    if let Some(c) = t.cursor {
        if c < t.offset {
            t.offset = c;
        } else if c >= t.offset + h {
            t.offset = c + 1 - h;
        }
    }
    t.offset = t.offset.min(n.saturating_sub(h));
}

pub(super) fn page(app: &mut App, d: i32) {
    let page = table_height(app).max(1) as i64;
    move_rows(app, d as i64 * page);
}

pub(super) fn move_rows(app: &mut App, d: i64) {
    let n = app.table.rows.len();
    if n == 0 {
        return;
    }
    let from = app.table.cursor.unwrap_or(0) as i64;
    let to = from.saturating_add(d).clamp(0, n as i64 - 1) as usize;
    let unit = app.table.rows[to];
    select(app, unit);
}

/// Rebuild the rows after a filter, sort or re-rank, keeping the selection
/// if the rows still show it. A filter that hides it moves the selection
/// to the first row shown (and says so), so the detail, team and map
/// never show a unit the table hides.
pub(super) fn refresh_rows(app: &mut App) {
    app.table.rows = rows::build(app);
    app.table.cursor = app.table.rows.iter().position(|&u| u == app.selected);
    match (app.table.cursor, app.table.rows.first().copied()) {
        (Some(_), _) => {
            if app.focused.is_none() {
                app.focused = Some(app.focus_on(app.selected));
            }
        }
        (None, Some(first)) => {
            let name = app.unit_name(app.selected).to_string();
            select(app, first);
            if app.filter != Default::default() {
                info(app, Msg::HiddenByFilter.fill(app.lang, &[&name]));
            }
        }
        (None, None) => app.focused = None,
    }
    ensure_visible(app);
}

pub(super) fn move_column(app: &mut App, d: i32) {
    let width = layout::inner(screen(app).table).width;
    let cols: Vec<Column> =
        table::visible_columns_with(width, app.analysis.units.len(), &app.table.indicators)
            .into_iter()
            .map(|(c, _)| c)
            .collect();
    if cols.is_empty() {
        return;
    }
    let i = cols
        .iter()
        .position(|c| *c == app.table.column)
        .unwrap_or(0) as i32;
    let j = (i + d).clamp(0, cols.len() as i32 - 1) as usize;
    app.table.column = cols[j];
}

pub(super) fn sort(app: &mut App) {
    let c = app.table.column;
    app.table.sort = if app.table.sort.column == c {
        Sort {
            column: c,
            descending: !app.table.sort.descending,
        }
    } else {
        Sort {
            column: c,
            descending: rows::default_descending(c),
        }
    };
    refresh_rows(app);
}

pub(super) fn scroll(app: &mut App, d: i32) {
    // Upper bounds are generous line counts of each text, so scrolling
    // back never takes more presses than there are lines.
    let apply = |v: u16, max: usize| (i32::from(v) + d).clamp(0, max.min(4000) as i32) as u16;
    if app.effect.is_some() {
        let lines = crate::tui::widgets::effect::lines(app).len();
        app.scroll.effect = apply(app.scroll.effect, lines.saturating_sub(1));
    } else if app.compare.open.is_some() {
        let lines = crate::tui::widgets::compare::lines(app).len();
        app.scroll.compare = apply(app.scroll.compare, lines.saturating_sub(1));
    } else if app.warnings {
        let lines = crate::tui::widgets::warnings::lines(app).len();
        app.scroll.warnings = apply(app.scroll.warnings, lines.saturating_sub(1));
    } else if app.help {
        let lines: usize = app
            .keymap
            .help(app.lang)
            .iter()
            .map(|(_, r)| r.len() + 3)
            .sum();
        app.scroll.help = apply(app.scroll.help, lines);
    } else if app.focus == Pane::Team {
        let lines = app
            .focused
            .as_ref()
            .map(|f| {
                f.team
                    .members
                    .iter()
                    .map(|m| 1 + 2 * m.reasons.len())
                    .sum::<usize>()
                    + 12
            })
            .unwrap_or(0);
        app.scroll.team = apply(app.scroll.team, lines);
    } else {
        let max = screen(app)
            .pane(Pane::Detail)
            .map_or(0, |r| crate::tui::widgets::detail::max_scroll(app, r));
        app.scroll.detail = apply(app.scroll.detail, max);
    }
}
