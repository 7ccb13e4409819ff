//! Incremental search by name or code, and stepping through its hits.

use super::navigation::select;
use super::say;
use crate::i18n::Msg;
use crate::tui::app::{App, Search};
use crate::tui::rows;

/// Incremental search: the first match at or after where the search
/// started, wrapping around.
fn from_origin(app: &mut App) {
    let q = app.search.query.to_lowercase();
    let rows = &app.table.rows;
    app.search.hits = rows.iter().filter(|&&u| rows::matches(app, u, &q)).count();
    let origin = app.search.origin.unwrap_or(app.selected);
    let start = rows.iter().position(|&u| u == origin).unwrap_or(0);
    let n = rows.len();
    let hit = (0..n)
        .map(|k| rows[(start + k) % n])
        .find(|&u| rows::matches(app, u, &q));
    match hit {
        Some(u) => select(app, u),
        None => {
            if let Some(o) = app.search.origin {
                select(app, o);
            }
        }
    }
}

pub(super) fn step(app: &mut App, dir: i64) {
    let q = app.search.query.to_lowercase();
    let n = app.table.rows.len();
    if q.is_empty() || n == 0 {
        return;
    }
    let start = app.table.cursor.unwrap_or(0) as i64;
    let hit = (1..=n as i64)
        .map(|k| app.table.rows[(start + dir * k).rem_euclid(n as i64) as usize])
        .find(|&u| rows::matches(app, u, &q));
    app.search.shown = true;
    match hit {
        Some(u) => select(app, u),
        None => say(app, Msg::NoMatch),
    }
}

pub(super) fn confirm(app: &mut App) {
    app.search.editing = false;
    app.search.shown = true;
}

pub(super) fn start(app: &mut App) {
    app.status = None;
    app.search = Search {
        editing: true,
        shown: true,
        origin: Some(app.selected),
        ..Default::default()
    };
}

/// A typed character, or `None` for backspace.
pub(super) fn input(app: &mut App, c: Option<char>) {
    match c {
        Some(c) => app.search.query.push(c),
        None => {
            app.search.query.pop();
        }
    }
    app.search.shown = true;
    from_origin(app);
}

/// Back to where the search started.
pub(super) fn cancel(app: &mut App) {
    if let Some(u) = app.search.origin {
        select(app, u);
    }
    app.search = Default::default();
}
