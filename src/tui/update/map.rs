//! The map: zoom, pan, and the mouse over every pane (clicks, drags,
//! the wheel).

use super::navigation::{move_rows, scroll, select, set_focus};
use super::{info, screen, viewport};
use crate::i18n::Msg;
use crate::tui::action::{MouseKind, Pane};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::widgets::weights;

const ZOOM_STEP: f64 = 1.5;
const MAX_ZOOM: f64 = 4096.0;
const MIN_ZOOM: f64 = 0.5;

/// Pan by tenths of the view.
pub(super) fn pan(app: &mut App, dx: i32, dy: i32) {
    if let Some(vp) = viewport(app) {
        let (w, h) = vp.dots();
        app.map.center.0 += f64::from(dx) * w * vp.mpd / 5.0;
        app.map.center.1 += f64::from(dy) * h * vp.mpd / 5.0;
    }
}

/// The whole map.
pub(super) fn reset(app: &mut App) {
    app.map.zoom = 1.0;
    app.map.center = (app.geo.size.0 / 2.0, app.geo.size.1 / 2.0);
}

/// Zoom by steps, keeping the world point under `at` (a screen cell) in
/// place; the centre of the view when `at` is `None`.
pub(super) fn zoom_at(app: &mut App, steps: i32, at: Option<(u16, u16)>) {
    let Some(vp) = viewport(app) else {
        app.map.zoom = (app.map.zoom * ZOOM_STEP.powi(steps)).clamp(MIN_ZOOM, MAX_ZOOM);
        return;
    };
    let new_zoom = (app.map.zoom * ZOOM_STEP.powi(steps)).clamp(MIN_ZOOM, MAX_ZOOM);
    if let Some((c, r)) = at {
        let p = vp.cell_to_world(c, r);
        let k = app.map.zoom / new_zoom;
        app.map.center = (
            p.0 + (app.map.center.0 - p.0) * k,
            p.1 + (app.map.center.1 - p.1) * k,
        );
    }
    app.map.zoom = new_zoom;
}

pub(super) fn mouse(app: &mut App, kind: MouseKind, column: u16, row: u16) {
    if app.help {
        match kind {
            MouseKind::ScrollUp => scroll(app, -3),
            MouseKind::ScrollDown => scroll(app, 3),
            _ => {}
        }
        return;
    }
    let s = screen(app);
    if matches!(kind, MouseKind::Drag | MouseKind::Up) && app.map.drag.is_some() {
        map_drag(app, kind, column, row);
        return;
    }
    let Some(pane) = s.pane_at(column, row) else {
        return;
    };
    match (pane, kind) {
        (Pane::Table, MouseKind::Down) => {
            set_focus(app, Pane::Table);
            let body = layout::table_body(s.table);
            if row >= body.y && row < body.y + body.height {
                let i = app.table.offset + usize::from(row - body.y);
                if let Some(&u) = app.table.rows.get(i) {
                    select(app, u);
                }
            }
        }
        (Pane::Table, MouseKind::ScrollUp) => move_rows(app, -3),
        (Pane::Table, MouseKind::ScrollDown) => move_rows(app, 3),
        (Pane::Map, MouseKind::Down) => {
            set_focus(app, Pane::Map);
            app.map.drag = Some((column, row));
            app.map.dragged = false;
        }
        (Pane::Map, MouseKind::ScrollUp | MouseKind::ScrollDown) => {
            let canvas = layout::map_canvas(s.pane(Pane::Map).unwrap_or_default());
            let steps = if kind == MouseKind::ScrollUp { 1 } else { -1 };
            let at = (
                column.saturating_sub(canvas.x),
                row.saturating_sub(canvas.y),
            );
            zoom_at(app, steps, Some(at));
        }
        (Pane::Weights, MouseKind::Down) => {
            set_focus(app, Pane::Weights);
            if let Some(r) = s.pane(Pane::Weights) {
                if let Some(j) = weights::row_at(r, row, app.weights.len(), app.weight_cursor) {
                    app.weight_cursor = j;
                }
            }
        }
        (p, MouseKind::Down) => set_focus(app, p),
        (Pane::Detail | Pane::Team, MouseKind::ScrollUp) => {
            set_focus(app, pane);
            scroll(app, -3);
        }
        (Pane::Detail | Pane::Team, MouseKind::ScrollDown) => {
            set_focus(app, pane);
            scroll(app, 3);
        }
        _ => {}
    }
}

fn map_drag(app: &mut App, kind: MouseKind, column: u16, row: u16) {
    let Some((c0, r0)) = app.map.drag else { return };
    match kind {
        MouseKind::Drag => {
            if let Some(vp) = viewport(app) {
                let dx = f64::from(column) - f64::from(c0);
                let dy = f64::from(row) - f64::from(r0);
                app.map.center.0 -= dx * 2.0 * vp.mpd;
                app.map.center.1 += dy * 4.0 * vp.mpd;
            }
            if (column, row) != (c0, r0) {
                app.map.dragged = true;
            }
            app.map.drag = Some((column, row));
        }
        MouseKind::Up => {
            app.map.drag = None;
            if !app.map.dragged {
                click_map(app, column, row);
            }
            app.map.dragged = false;
        }
        _ => {}
    }
}

/// Select the unit under a clicked cell.
fn click_map(app: &mut App, column: u16, row: u16) {
    let s = screen(app);
    let (Some(vp), Some(pane)) = (viewport(app), s.pane(Pane::Map)) else {
        return;
    };
    let canvas = layout::map_canvas(pane);
    if column < canvas.x || row < canvas.y {
        return;
    }
    let (x, y) = vp.cell_to_world(column - canvas.x, row - canvas.y);
    let unit = app
        .geo
        .area_at(&app.ds, x, y)
        .and_then(|a| app.geo.area_unit[a])
        .map(|u| u as usize);
    if let Some(u) = unit {
        select(app, u);
        if app.table.cursor.is_none() {
            let name = app.unit_name(u).to_string();
            info(app, Msg::HiddenByFilter.fill(app.lang, &[&name]));
        }
    }
}

/// The indicators `m` cycles through: the profile's, as `column_ids`
/// indices.
fn colourings(app: &App) -> Vec<u16> {
    app.analysis
        .prepared
        .indicators()
        .iter()
        .filter_map(|id| app.analysis.column_ids.iter().position(|c| c == id))
        .filter_map(|j| u16::try_from(j).ok())
        .collect()
}

/// The next colouring: score, each profile indicator, score again.
pub(super) fn colour(app: &mut App, d: i32) {
    let list = colourings(app);
    let n = list.len() as i64 + 1;
    // Position 0 is the score, k + 1 the k-th indicator.
    let now = match app.map.colour {
        None => 0,
        Some(j) => list
            .iter()
            .position(|&x| x == j)
            .map_or(0, |k| k as i64 + 1),
    };
    let next = (now + i64::from(d)).rem_euclid(n);
    app.map.colour = if next == 0 {
        None
    } else {
        list.get(next as usize - 1).copied()
    };
    recolour(app);
    let label = crate::tui::widgets::map::colour_label(app);
    info(app, Msg::MapColouredBy.fill(app.lang, &[&label]));
}

/// `c` on the map: LISA clusters of what the map colours, or back to its
/// classes.
pub(super) fn toggle_lisa(app: &mut App) {
    if app.lisa.take().is_some() {
        recolour(app);
        info(app, Msg::LisaOff.text(app.lang).to_string());
        return;
    }
    app.analysis.ensure_neighbours(&app.ds);
    let values = app.map_values();
    app.lisa = app.analysis.lisa_of(&values);
    recolour(app);
    let label = crate::tui::widgets::map::colour_label(app);
    match app.lisa.as_ref().and_then(|l| l.global()) {
        Some(g) => info(
            app,
            Msg::LisaOn.fill(
                app.lang,
                &[
                    &label,
                    &crate::tui::fmt::num(Some(g.i), 3, app.lang),
                    &crate::tui::fmt::num(Some(g.p), 3, app.lang),
                ],
            ),
        ),
        None => info(app, Msg::LisaNone.fill(app.lang, &[&label])),
    }
}

/// LISA classes as map classes: 0 high-high, 1 low-low, 2 low-high,
/// 3 high-low, 4 not significant; islands and units without a value
/// stay uncoloured.
fn lisa_classes(l: &crate::domain::lisa::Lisa) -> crate::tui::rows::Classes {
    use crate::domain::lisa::LisaClass as C;
    crate::tui::rows::Classes {
        ranges: Vec::new(),
        of_unit: l
            .local
            .iter()
            .map(|m| match m.class {
                C::HighHigh => Some(0),
                C::LowLow => Some(1),
                C::LowHigh => Some(2),
                C::HighLow => Some(3),
                C::NotSignificant => Some(4),
                C::Island | C::Missing => None,
            })
            .collect(),
    }
}

/// The map's classes for its colouring: after a re-rank or a new colouring.
pub(super) fn recolour(app: &mut App) {
    if app.lisa.is_some() {
        // Clusters follow the values: a new ranking or colouring, new LISA.
        let values = app.map_values();
        app.lisa = app.analysis.lisa_of(&values);
        if let Some(l) = &app.lisa {
            app.classes = lisa_classes(l);
            return;
        }
    }
    let values = app
        .map
        .colour
        .and_then(|j| app.analysis.columns.get(usize::from(j)));
    app.classes = match values {
        Some(v) => crate::tui::rows::Classes::of_values(v),
        None => crate::tui::rows::Classes::of(&app.analysis),
    };
}

/// The unit beside the selected one in a direction (`dx`, `dy` in world
/// axes: east, north): among units whose box touches the selected box, the
/// nearest centre within 60 degrees of that direction. Boxes rather than
/// shared borders, so it needs no adjacency and answers at once.
pub(super) fn neighbour(app: &mut App, dx: i32, dy: i32) {
    let geo = &app.geo;
    let Some(Some(b)) = geo.unit_bbox.get(app.selected).copied() else {
        return;
    };
    let centre = |b: [f32; 4]| {
        (
            (f64::from(b[0]) + f64::from(b[2])) / 2.0,
            (f64::from(b[1]) + f64::from(b[3])) / 2.0,
        )
    };
    let (cx, cy) = centre(b);
    // Touching boxes, with a margin of 2% of the box so shared edges count.
    let m = 0.02 * f64::from((b[2] - b[0]).max(b[3] - b[1])).max(1.0);
    let (dir_x, dir_y) = (f64::from(dx), f64::from(dy));
    let norm = (dir_x * dir_x + dir_y * dir_y).sqrt().max(1e-9);
    let mut best: Option<(f64, usize)> = None;
    for (u, ob) in geo.unit_bbox.iter().enumerate() {
        let Some(o) = *ob else { continue };
        if u == app.selected
            || f64::from(o[0]) > f64::from(b[2]) + m
            || f64::from(o[2]) < f64::from(b[0]) - m
            || f64::from(o[1]) > f64::from(b[3]) + m
            || f64::from(o[3]) < f64::from(b[1]) - m
        {
            continue;
        }
        let (ox, oy) = centre(o);
        let (vx, vy) = (ox - cx, oy - cy);
        let dist = (vx * vx + vy * vy).sqrt();
        if dist <= 0.0 || (vx * dir_x + vy * dir_y) / (dist * norm) < 0.5 {
            continue;
        }
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, u));
        }
    }
    match best {
        Some((_, u)) => {
            select(app, u);
            follow(app, u);
            if app.table.cursor.is_none() {
                let name = app.unit_name(u).to_string();
                info(app, Msg::HiddenByFilter.fill(app.lang, &[&name]));
            }
        }
        None => info(app, Msg::NoNeighbour.text(app.lang).to_string()),
    }
}

/// Pan so a unit the keyboard walked to stays in view.
fn follow(app: &mut App, u: usize) {
    let (Some(vp), Some(Some(b))) = (viewport(app), app.geo.unit_bbox.get(u).copied()) else {
        return;
    };
    let [x0, y0, x1, y1] = vp.bounds();
    let (cx, cy) = (
        (f64::from(b[0]) + f64::from(b[2])) / 2.0,
        (f64::from(b[1]) + f64::from(b[3])) / 2.0,
    );
    if cx < x0 || cx > x1 || cy < y0 || cy > y1 {
        app.map.center = (cx, cy);
    }
}
