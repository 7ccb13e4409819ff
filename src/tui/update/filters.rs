//! The table's filters: gemeente, minimum schools, minimum inhabitants.

use super::navigation::refresh_rows;
use crate::tui::app::App;

const INHABITANTS_STEP: f64 = 500.0;

/// All gemeenten, then each in turn, then all again.
pub(super) fn next_gemeente(app: &mut App) {
    let next = match &app.filter.gemeente {
        None => app.gemeenten.first().map(|g| g.0.clone()),
        Some(code) => {
            let i = app.gemeenten.iter().position(|g| &g.0 == code);
            i.and_then(|i| app.gemeenten.get(i + 1))
                .map(|g| g.0.clone())
        }
    };
    app.filter.gemeente = next;
    refresh_rows(app);
}

pub(super) fn min_schools(app: &mut App, d: i32) {
    app.filter.min_schools = (app.filter.min_schools as i64 + d as i64).max(0) as u32;
    refresh_rows(app);
}

pub(super) fn min_inhabitants(app: &mut App, d: i32) {
    app.filter.min_inhabitants =
        (app.filter.min_inhabitants + f64::from(d) * INHABITANTS_STEP).max(0.0);
    refresh_rows(app);
}

pub(super) fn clear(app: &mut App) {
    app.filter = Default::default();
    refresh_rows(app);
}
