//! The list of indicators that can show as table columns: open it, move
//! its cursor, show or hide the indicator under it.

use super::navigation::refresh_rows;
use super::{info, say};
use crate::i18n::Msg;
use crate::tui::action::Column;
use crate::tui::app::App;

pub(super) fn toggle_open(app: &mut App) {
    app.picker = match app.picker {
        Some(_) => None,
        None => Some(0),
    };
    if app.picker.is_some() && app.analysis.column_ids.is_empty() {
        app.picker = None;
        say(app, Msg::NoIndicatorColumns);
    }
}

pub(super) fn move_cursor(app: &mut App, d: i32) {
    let n = app.analysis.column_ids.len();
    if let (Some(c), true) = (app.picker, n > 0) {
        app.picker = Some((c as i64 + i64::from(d)).clamp(0, n as i64 - 1) as usize);
    }
}

pub(super) fn toggle(app: &mut App) {
    let Some(c) = app.picker else { return };
    let Some(id) = app.analysis.column_ids.get(c).cloned() else {
        return;
    };
    let Ok(j) = u16::try_from(c) else { return };
    let label = app.indicator_label(&id);
    if let Some(i) = app.table.indicators.iter().position(|&x| x == j) {
        app.table.indicators.remove(i);
        // A hidden column can be neither sorted on nor under the cursor.
        if app.table.sort.column == Column::Indicator(j) {
            app.table.sort = crate::tui::app::Sort {
                column: Column::Rank,
                descending: false,
            };
            refresh_rows(app);
        }
        if app.table.column == Column::Indicator(j) {
            app.table.column = Column::Rank;
        }
        info(app, Msg::ColumnHidden.fill(app.lang, &[&label]));
    } else {
        app.table.indicators.push(j);
        // The new column is where `o` sorts next.
        app.table.column = Column::Indicator(j);
        info(app, Msg::ColumnShown.fill(app.lang, &[&label]));
    }
}
