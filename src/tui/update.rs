//! `update(&mut App, Action) -> Option<Effect>`: the only place the app's
//! state changes. Deterministic: file writes and the Monte Carlo come back
//! as effects for the loop to run.

use super::action::{Action, Column, Effect, MouseKind, Pane};
use super::app::{App, Sort, Status};
use super::geometry::Viewport;
use super::i18n::texts;
use super::layout::{self, Screen};
use super::rows::{self, Classes};
use super::widgets::{table, weights};
use crate::domain::value::Direction;
use crate::export::Format;
use ratatui::layout::Rect;
use std::path::PathBuf;

/// Where `s` saves the profile and `e` writes the shortlist.
pub const PROFILE_FILE: &str = "buurtradar-profile.toml";
pub const EXPORT_FILE: &str = "buurtradar-shortlist.md";

const ZOOM_STEP: f64 = 1.5;
const MAX_ZOOM: f64 = 4096.0;
const MIN_ZOOM: f64 = 0.5;
const INHABITANTS_STEP: f64 = 500.0;

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Quit => app.quit = true,
        Action::Resize { width, height } => {
            app.size = (width, height);
            ensure_visible(app);
        }
        Action::FocusNext => set_focus(app, app.focus.next()),
        Action::FocusPrev => set_focus(app, app.focus.prev()),
        Action::Focus(p) => set_focus(app, p),
        Action::ToggleHelp => {
            app.help = !app.help;
            app.scroll.help = 0;
        }
        Action::Move(d) => move_rows(app, d as i64),
        Action::MoveFirst => move_rows(app, i64::MIN / 2),
        Action::MoveLast => move_rows(app, i64::MAX / 2),
        Action::Page(d) => {
            let page = table_height(app).max(1) as i64;
            move_rows(app, d as i64 * page);
        }
        Action::ColumnLeft => move_column(app, -1),
        Action::ColumnRight => move_column(app, 1),
        Action::Sort => sort(app),
        Action::SearchStart => {
            app.status = None;
            app.search = super::app::Search {
                editing: true,
                origin: Some(app.selected),
                ..Default::default()
            };
        }
        Action::SearchInput(c) => {
            app.search.query.push(c);
            search_from_origin(app);
        }
        Action::SearchBackspace => {
            app.search.query.pop();
            search_from_origin(app);
        }
        Action::SearchConfirm => app.search.editing = false,
        Action::SearchCancel => {
            if let Some(u) = app.search.origin {
                select(app, u);
            }
            app.search = Default::default();
        }
        Action::SearchNext => search_step(app, 1),
        Action::SearchPrev => search_step(app, -1),
        Action::FilterGemeente => {
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
        Action::FilterSchools(d) => {
            app.filter.min_schools = (app.filter.min_schools as i64 + d as i64).max(0) as u32;
            refresh_rows(app);
        }
        Action::FilterInhabitants(d) => {
            app.filter.min_inhabitants =
                (app.filter.min_inhabitants + f64::from(d) * INHABITANTS_STEP).max(0.0);
            refresh_rows(app);
        }
        Action::FilterClear => {
            app.filter = Default::default();
            refresh_rows(app);
        }
        Action::ToggleShortlist => toggle_shortlist(app),
        Action::WeightCursor(d) => {
            let n = app.weights.len();
            if n > 0 {
                app.weight_cursor =
                    (app.weight_cursor as i64 + d as i64).clamp(0, n as i64 - 1) as usize;
            }
        }
        Action::WeightStep(d) => {
            let j = app.weight_cursor;
            if let Some(&w) = app.weights.get(j) {
                return set_weight(app, j, (w + d).max(0.0));
            }
        }
        Action::WeightZero => return set_weight(app, app.weight_cursor, 0.0),
        Action::WeightReset => {
            let j = app.weight_cursor;
            if let Some(&w) = app.baseline.weights.get(j) {
                return set_weight(app, j, w);
            }
        }
        Action::WeightResetAll => {
            let w = app.baseline.weights.clone();
            let effect = apply_weights(app, w);
            if effect.is_some() {
                info(app, texts(app.lang).weights_reset().to_string());
            }
            return effect;
        }
        Action::Pan { dx, dy } => {
            if let Some(vp) = viewport(app) {
                let (w, h) = vp.dots();
                app.map.center.0 += f64::from(dx) * w * vp.mpd / 5.0;
                app.map.center.1 += f64::from(dy) * h * vp.mpd / 5.0;
            }
        }
        Action::Zoom(steps) => zoom_at(app, steps, None),
        Action::ZoomReset => {
            app.map.zoom = 1.0;
            app.map.center = (app.geo.size.0 / 2.0, app.geo.size.1 / 2.0);
        }
        Action::ToggleSchools => app.map.schools = !app.map.schools,
        Action::Scroll(d) => scroll(app, d),
        Action::Mouse { kind, column, row } => mouse(app, kind, column, row),
        Action::SaveProfile => return save_profile(app),
        Action::CycleRule => return cycle_rule(app),
        Action::Export => {
            info(app, texts(app.lang).exporting().to_string());
            return Some(Effect::Export {
                path: PathBuf::from(EXPORT_FILE),
                format: Format::Md,
            });
        }
        Action::StabilityDone { generation, result } => {
            if generation == app.generation {
                app.stability_running = false;
                match result {
                    Ok(s) => {
                        app.analysis.stability = Some(*s);
                        if matches!(app.table.sort.column, Column::Interval | Column::PTop) {
                            refresh_rows(app);
                        }
                    }
                    Err(e) => error(app, texts(app.lang).stability_failed(&e)),
                }
            }
        }
        Action::Saved(r) => match r {
            Ok(p) => info(app, texts(app.lang).saved(&p)),
            Err(e) => error(app, texts(app.lang).save_failed(&e)),
        },
        Action::Exported(r) => match r {
            Ok(p) => info(app, texts(app.lang).exported(&p)),
            Err(e) => error(app, texts(app.lang).export_failed(&e)),
        },
    }
    None
}

fn info(app: &mut App, text: String) {
    app.status = Some(Status { text, error: false });
}

fn error(app: &mut App, text: String) {
    app.status = Some(Status { text, error: true });
}

/// The layout for the current size, as the widgets will draw it.
pub fn screen(app: &App) -> Screen {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    layout::screen(area, app.side, app.info, app.analysis.notes.len())
}

fn table_height(app: &App) -> usize {
    layout::table_body(screen(app).table).height as usize
}

/// The map's viewport if the map is on screen.
pub fn viewport(app: &App) -> Option<Viewport> {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if layout::too_small(area) {
        return None;
    }
    let r = layout::map_canvas(screen(app).pane(Pane::Map)?);
    if r.width == 0 || r.height == 0 {
        return None;
    }
    Some(Viewport::new(
        app.geo.size,
        r.width,
        r.height,
        app.map.zoom,
        app.map.center,
    ))
}

fn set_focus(app: &mut App, p: Pane) {
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
fn select(app: &mut App, unit: usize) {
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

fn ensure_visible(app: &mut App) {
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

fn move_rows(app: &mut App, d: i64) {
    let n = app.table.rows.len();
    if n == 0 {
        return;
    }
    let from = app.table.cursor.unwrap_or(0) as i64;
    let to = from.saturating_add(d).clamp(0, n as i64 - 1) as usize;
    let unit = app.table.rows[to];
    select(app, unit);
}

/// Rebuild the rows after a filter, sort or re-rank, keeping the selection.
fn refresh_rows(app: &mut App) {
    app.table.rows = rows::build(app);
    app.table.cursor = app.table.rows.iter().position(|&u| u == app.selected);
    if app.table.cursor.is_none() && !app.table.rows.is_empty() && app.filter != Default::default()
    {
        let name = app.unit_name(app.selected).to_string();
        info(app, texts(app.lang).selected_hidden(&name));
    }
    ensure_visible(app);
}

fn move_column(app: &mut App, d: i32) {
    let width = layout::inner(screen(app).table).width;
    let cols: Vec<Column> = table::visible_columns(width, app.analysis.units.len())
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

fn sort(app: &mut App) {
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

/// Incremental search: the first match at or after where the search
/// started, wrapping around.
fn search_from_origin(app: &mut App) {
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

fn search_step(app: &mut App, dir: i64) {
    let q = app.search.query.to_lowercase();
    let n = app.table.rows.len();
    if q.is_empty() || n == 0 {
        return;
    }
    let start = app.table.cursor.unwrap_or(0) as i64;
    let hit = (1..=n as i64)
        .map(|k| app.table.rows[(start + dir * k).rem_euclid(n as i64) as usize])
        .find(|&u| rows::matches(app, u, &q));
    match hit {
        Some(u) => select(app, u),
        None => info(app, texts(app.lang).no_match.to_string()),
    }
}

fn toggle_shortlist(app: &mut App) {
    let u = app.selected;
    if u >= app.analysis.units.len() {
        return;
    }
    let on = if app.picks.added.remove(&u) {
        app.in_computed(u) && !app.picks.removed.contains(&u)
    } else if app.in_computed(u) {
        if !app.picks.removed.remove(&u) {
            app.picks.removed.insert(u);
            false
        } else {
            true
        }
    } else {
        app.picks.added.insert(u);
        true
    };
    let name = app.unit_name(u).to_string();
    info(app, texts(app.lang).picked(&name, on));
    if app.table.sort.column == Column::Mark {
        refresh_rows(app);
    }
}

fn set_weight(app: &mut App, j: usize, w: f64) -> Option<Effect> {
    let t = texts(app.lang);
    let mut weights = app.weights.clone();
    let slot = weights.get_mut(j)?;
    if w > 0.0 && app.analysis.prepared.directions().get(j) == Some(&Direction::Neutral) {
        error(app, t.weight_neutral.to_string());
        return None;
    }
    *slot = w;
    if weights.iter().all(|&x| x <= 0.0) {
        error(app, t.weight_all_zero.to_string());
        return None;
    }
    let effect = apply_weights(app, weights);
    if effect.is_some() {
        let id = app.analysis.prepared.indicators()[j].clone();
        let label = app.indicator_label(&id);
        info(app, t.weight_set(&label, w));
    }
    effect
}

/// Re-rank under new weights: table, map classes and marks follow; the
/// Monte Carlo is asked for again.
fn apply_weights(app: &mut App, weights: Vec<f64>) -> Option<Effect> {
    if let Err(e) = app.analysis.rerank(&weights) {
        error(app, texts(app.lang).rerank_failed(&e.to_string()));
        return None;
    }
    app.weights = weights;
    app.classes = Classes::of(&app.analysis);
    app.generation += 1;
    app.stability_running = true;
    refresh_rows(app);
    Some(Effect::Stability {
        generation: app.generation,
    })
}

/// The next pilot rule, as if the user had launched with `--rule`: a new
/// analysis of the same data with the current weights. Selection, filters
/// and map view start afresh because the units themselves change.
fn cycle_rule(app: &mut App) -> Option<Effect> {
    use crate::domain::pilot::PilotRule;
    let mut p = app.analysis.profile.clone();
    for (id, &w) in app.analysis.prepared.indicators().iter().zip(&app.weights) {
        p.set_weight(id, w);
    }
    let all = PilotRule::ALL;
    let next = all
        .iter()
        .position(|r| *r == p.pilot.rule)
        .map(|i| all[(i + 1) % all.len()])
        .unwrap_or_default();
    p.pilot.rule = next;
    match App::new(app.ds.clone(), app.inputs.clone(), p, app.lang, app.theme) {
        Ok(mut fresh) => {
            fresh.size = app.size;
            fresh.focus = app.focus;
            fresh.side = app.side;
            fresh.info = app.info;
            fresh.generation = app.generation + 1;
            fresh.stability_running = true;
            *app = fresh;
            info(app, format!("{}: {next}", texts(app.lang).rule_label()));
            Some(Effect::Stability {
                generation: app.generation,
            })
        }
        Err(e) => {
            error(app, format!("{}: {e:#}", texts(app.lang).rule_label()));
            None
        }
    }
}

fn save_profile(app: &mut App) -> Option<Effect> {
    let mut p = app.analysis.profile.clone();
    for (id, &w) in app.analysis.prepared.indicators().iter().zip(&app.weights) {
        p.set_weight(id, w);
    }
    match p.to_toml() {
        Ok(toml) => Some(Effect::SaveProfile {
            path: PathBuf::from(PROFILE_FILE),
            toml,
        }),
        Err(e) => {
            error(app, texts(app.lang).save_failed(&e.to_string()));
            None
        }
    }
}

fn scroll(app: &mut App, d: i32) {
    // Upper bounds are generous line counts of each text, so scrolling
    // back never takes more presses than there are lines.
    let apply = |v: u16, max: usize| (i32::from(v) + d).clamp(0, max.min(4000) as i32) as u16;
    if app.help {
        let lines: usize = app.keymap.help().iter().map(|(_, r)| r.len() + 3).sum();
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
        app.scroll.detail = apply(app.scroll.detail, app.ds.indicators.len() + 12);
    }
}

/// Zoom by steps, keeping the world point under `at` (a screen cell) in
/// place; the centre of the view when `at` is `None`.
fn zoom_at(app: &mut App, steps: i32, at: Option<(u16, u16)>) {
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

fn mouse(app: &mut App, kind: MouseKind, column: u16, row: u16) {
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
            info(app, texts(app.lang).selected_hidden(&name));
        }
    }
}
