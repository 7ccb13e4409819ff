//! `update(&mut App, Action) -> Option<Effect>`: the only place the app's
//! state changes. Deterministic: file writes and the Monte Carlo come back
//! as effects for the loop to run. [`update`] only dispatches; each
//! concern has its own file.

mod columns;
mod export;
mod filters;
mod history;
mod map;
mod navigation;
mod overlays;
mod quit;
mod search;
mod shortlist;
mod weights;

use super::action::{Action, Column, Effect, Pane};
use super::app::{App, Status};
use super::geometry::Viewport;
use super::layout::{self, Screen};
use super::notes;
use crate::i18n::{Lang, Msg};
use ratatui::layout::Rect;

/// Where `s` saves the profile.
pub const PROFILE_FILE: &str = "buurtradar-profile.toml";

/// Actions the loop sends rather than the user: they leave the status
/// message alone and run even while the terminal is too small.
fn from_loop(a: &Action) -> bool {
    matches!(
        a,
        Action::Resize { .. }
            | Action::StabilityDone { .. }
            | Action::MapLevelsDone(_)
            | Action::Saved(_)
            | Action::Exported(_)
            | Action::ExportExists(_)
    )
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if !from_loop(&action) {
        if layout::too_small(Rect::new(0, 0, app.size.0, app.size.1))
            && !matches!(action, Action::Quit | Action::ConfirmNo)
        {
            // Nothing of the app is on screen to act on; quitting asks
            // nothing either, since the question could not be seen.
            return None;
        }
        if !app.confirm_quit {
            // A message answers the last key; the next key makes it stale.
            app.status = None;
        }
        if !is_search(&action) {
            app.search.shown = false;
        }
    }
    match action {
        Action::Quit => {
            if layout::too_small(Rect::new(0, 0, app.size.0, app.size.1)) {
                app.quit = true;
            } else {
                quit::request(app);
            }
        }
        Action::ConfirmYes => return quit::yes(app),
        Action::ConfirmNo => quit::no(app),
        Action::ConfirmCancel => quit::cancel(app),
        Action::ToggleWarnings => {
            app.warnings = !app.warnings;
            app.scroll.warnings = 0;
        }
        Action::MapColour(d) => map::colour(app, d),
        Action::ColumnsPicker => columns::toggle_open(app),
        Action::PickerMove(d) => columns::move_cursor(app, d),
        Action::PickerToggle => columns::toggle(app),
        Action::Undo => return history::undo(app),
        Action::Redo => return history::redo(app),
        Action::ToggleLang => {
            app.lang = match app.lang {
                Lang::Nl => Lang::En,
                Lang::En => Lang::Nl,
            };
            // The team's reasons are written in the language of the moment.
            if let Some(f) = &app.focused {
                let u = f.unit;
                app.focused = Some(app.focus_on(u));
            }
            say(app, Msg::LangSet);
        }
        Action::Resize { width, height } => {
            app.size = (width, height);
            navigation::ensure_visible(app);
        }
        Action::FocusNext => navigation::set_focus(app, app.focus.next()),
        Action::FocusPrev => navigation::set_focus(app, app.focus.prev()),
        Action::Focus(p) => navigation::set_focus(app, p),
        Action::ToggleHelp => {
            app.help = !app.help;
            app.scroll.help = 0;
        }
        Action::Move(d) => navigation::move_rows(app, d as i64),
        Action::MoveFirst => navigation::move_rows(app, i64::MIN / 2),
        Action::MoveLast => navigation::move_rows(app, i64::MAX / 2),
        Action::Page(d) => navigation::page(app, d),
        Action::ColumnLeft => navigation::move_column(app, -1),
        Action::ColumnRight => navigation::move_column(app, 1),
        Action::Sort => navigation::sort(app),
        Action::Scroll(d) => navigation::scroll(app, d),
        Action::SearchStart => search::start(app),
        Action::SearchInput(c) => search::input(app, Some(c)),
        Action::SearchBackspace => search::input(app, None),
        Action::SearchConfirm => search::confirm(app),
        Action::SearchCancel => search::cancel(app),
        Action::SearchNext => search::step(app, 1),
        Action::SearchPrev => search::step(app, -1),
        Action::FilterGemeente => filters::next_gemeente(app),
        Action::FilterSchools(d) => filters::min_schools(app, d),
        Action::FilterInhabitants(d) => filters::min_inhabitants(app, d),
        Action::FilterClear => filters::clear(app),
        Action::ToggleShortlist => shortlist::toggle(app),
        Action::WeightCursor(d) => weights::cursor(app, d),
        Action::WeightStep(d) => return weights::step(app, d),
        Action::WeightZero => return weights::set(app, app.weight_cursor, 0.0),
        Action::WeightReset => return weights::reset(app),
        Action::WeightResetAll => return weights::reset_all(app),
        Action::FlipDirection => return weights::flip_direction(app),
        Action::CycleRule => return weights::cycle_rule(app),
        Action::SaveProfile => return weights::save_profile(app),
        Action::Pan { dx, dy } => map::pan(app, dx, dy),
        Action::Zoom(steps) => map::zoom_at(app, steps, None),
        Action::ZoomReset => map::reset(app),
        Action::Neighbour { dx, dy } => map::neighbour(app, dx, dy),
        Action::ToggleSchools => app.map.schools = !app.map.schools,
        Action::ToggleLisa => map::toggle_lisa(app),
        Action::Mouse { kind, column, row } => map::mouse(app, kind, column, row),
        Action::Export => export::open(app),
        Action::ExportFormat(d) => export::format(app, d),
        Action::ExportInput(c) => export::input(app, Some(c)),
        Action::ExportBackspace => export::input(app, None),
        Action::ExportConfirm => return export::confirm(app),
        Action::ExportCancel => export::cancel(app),
        Action::ExportExists(p) => export::exists(app, p),
        Action::ToggleHistogram => overlays::histogram(app),
        Action::ToggleCorrelations => {
            app.correlations = match app.correlations {
                Some(_) => None,
                None => Some(app.analysis.correlations()),
            }
        }
        Action::ToggleEffect => overlays::effect(app),
        Action::Compare => overlays::compare(app),
        Action::CompareClose => overlays::close(app),
        Action::MapLevelsDone(levels) => app.geo.add_finer_levels(levels),
        Action::StabilityDone { generation, result } => {
            if generation == app.generation {
                app.stability_running = false;
                match result {
                    Ok(s) => {
                        app.analysis.stability = Some(*s);
                        if matches!(app.table.sort.column, Column::Interval | Column::PTop) {
                            navigation::refresh_rows(app);
                        }
                    }
                    Err(e) => error(app, Msg::StabilityFailed.fill(app.lang, &[&e])),
                }
            }
        }
        Action::Saved(r) => {
            quit::saved(app, r.is_ok());
            match r {
                Ok(p) => info(app, Msg::Saved.fill(app.lang, &[&p.display()])),
                Err(e) => error(app, Msg::SaveFailed.fill(app.lang, &[&e])),
            }
        }
        Action::Exported(r) => match r {
            Ok(p) => info(app, Msg::Exported.fill(app.lang, &[&p.display()])),
            Err(e) => error(app, Msg::ExportFailed.fill(app.lang, &[&e])),
        },
    }
    None
}

fn is_search(a: &Action) -> bool {
    matches!(
        a,
        Action::SearchStart
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchConfirm
            | Action::SearchNext
            | Action::SearchPrev
    )
}

fn info(app: &mut App, text: String) {
    app.status = Some(Status { text, error: false });
}

fn error(app: &mut App, text: String) {
    app.status = Some(Status { text, error: true });
}

/// A status message straight from the catalogue.
fn say(app: &mut App, msg: Msg) {
    info(app, msg.text(app.lang).to_string());
}

fn say_error(app: &mut App, msg: Msg) {
    error(app, msg.text(app.lang).to_string());
}

/// The layout for the current size, as the widgets will draw it.
pub fn screen(app: &App) -> Screen {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    layout::screen(area, app.side, app.info, notes::rows(app))
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
