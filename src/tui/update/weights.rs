//! Re-weighting and everything that re-ranks: weights, the pilot rule,
//! and saving the profile those weights make.

use super::history;
use super::navigation::{refresh_rows, select};
use super::{error, info, say, say_error, PROFILE_FILE};
use crate::domain::value::Direction;
use crate::i18n::{Bilingual, Msg};
use crate::tui::action::Effect;
use crate::tui::app::{App, Picked};
use crate::tui::fmt::error_text;
use std::path::PathBuf;

pub(super) fn cursor(app: &mut App, d: i32) {
    let n = app.weights.len();
    if n > 0 {
        app.weight_cursor = (app.weight_cursor as i64 + d as i64).clamp(0, n as i64 - 1) as usize;
    }
}

pub(super) fn step(app: &mut App, d: f64) -> Option<Effect> {
    let j = app.weight_cursor;
    let w = *app.weights.get(j)?;
    set(app, j, (w + d).max(0.0))
}

/// The selected weight back to the profile's.
pub(super) fn reset(app: &mut App) -> Option<Effect> {
    let j = app.weight_cursor;
    let w = *app.baseline.weights.get(j)?;
    set(app, j, w)
}

pub(super) fn reset_all(app: &mut App) -> Option<Effect> {
    let w = app.baseline.weights.clone();
    let effect = apply_weights(app, w);
    if effect.is_some() {
        say(app, Msg::WeightsReset);
    }
    effect
}

pub(super) fn set(app: &mut App, j: usize, w: f64) -> Option<Effect> {
    let mut weights = app.weights.clone();
    let slot = weights.get_mut(j)?;
    if w > 0.0 && app.analysis.prepared.directions().get(j) == Some(&Direction::Neutral) {
        say_error(app, Msg::WeightNeutral);
        return None;
    }
    *slot = w;
    if weights.iter().all(|&x| x <= 0.0) {
        say_error(app, Msg::WeightAllZero);
        return None;
    }
    let effect = apply_weights(app, weights);
    if effect.is_some() {
        let id = app.analysis.prepared.indicators()[j].clone();
        let label = app.indicator_label(&id);
        info(app, Msg::WeightSet.fill(app.lang, &[&label, &w]));
    }
    effect
}

/// Re-rank under new weights as an edit that undo can take back.
fn apply_weights(app: &mut App, weights: Vec<f64>) -> Option<Effect> {
    let before = history::before(app);
    let effect = rerank(app, weights);
    if effect.is_some() {
        history::push(app, before);
    }
    effect
}

/// Re-rank under new weights: table, map classes and marks follow; the
/// Monte Carlo is asked for again.
pub(super) fn rerank(app: &mut App, weights: Vec<f64>) -> Option<Effect> {
    if let Err(e) = app.analysis.rerank(&weights) {
        error(app, Msg::RerankFailed.fill(app.lang, &[&e.text(app.lang)]));
        return None;
    }
    app.weights = weights;
    super::map::recolour(app);
    app.generation += 1;
    app.stability_running = true;
    refresh_rows(app);
    Some(Effect::Stability {
        generation: app.generation,
    })
}

/// The next pilot rule, as if the user had launched with `--rule`: a new
/// analysis of the same data with the current weights. Filters, sort,
/// keys and the reference for unsaved edits carry over; the user's picks
/// are kept per rule by unit code, so cycling back restores them.
pub(super) fn cycle_rule(app: &mut App) -> Option<Effect> {
    use crate::domain::pilot::PilotRule;
    let mut p = app.profile_as_shown();
    let all = PilotRule::ALL;
    let now = p.pilot.rule;
    let next = all
        .iter()
        .position(|r| *r == now)
        .map(|i| all[(i + 1) % all.len()])
        .unwrap_or_default();
    p.pilot.rule = next;
    // The picks travel per rule in `rule_picks`; codes of this rule's units
    // mean nothing under the next one.
    p.shortlist = Default::default();
    p.view = Default::default();
    match App::new(app.ds.clone(), app.inputs.clone(), p, app.lang, app.theme) {
        Ok(mut fresh) => {
            let picked = picked(app);
            fresh.rule_picks = std::mem::take(&mut app.rule_picks);
            fresh.rule_picks.retain(|(r, _)| *r != now);
            if !picked.is_empty() {
                fresh.rule_picks.push((now, picked));
            }
            if let Some(i) = fresh.rule_picks.iter().position(|(r, _)| *r == next) {
                let (_, back) = fresh.rule_picks.remove(i);
                restore_picks(&mut fresh, &back);
            }
            carry_over(app, fresh);
            if let Some(&first) = app.table.rows.first() {
                select(app, first);
            }
            info(app, Msg::RuleSet.fill(app.lang, &[&next]));
            Some(Effect::Stability {
                generation: app.generation,
            })
        }
        Err(e) => {
            error(
                app,
                Msg::RuleFailed.fill(app.lang, &[&next, &error_text(&e, app.lang)]),
            );
            None
        }
    }
}

/// Replace the app by a fresh analysis, keeping what the user set up:
/// keys, the reference weights, filters, sort, columns, map and panes.
fn carry_over(app: &mut App, mut fresh: App) {
    fresh.keymap = std::mem::replace(&mut app.keymap, fresh.keymap);
    fresh.baseline.weights = std::mem::take(&mut app.baseline.weights);
    fresh.saved_weights = std::mem::take(&mut app.saved_weights);
    fresh.saving_weights = app.saving_weights.take();
    fresh.saving_picks = app.saving_picks.take();
    fresh.directions_changed = app.directions_changed;
    fresh.filter = std::mem::take(&mut app.filter);
    // A gemeente the new units do not have would hide every row.
    if let Some(g) = &fresh.filter.gemeente {
        if !fresh.gemeenten.iter().any(|(c, _)| c == g) {
            fresh.filter.gemeente = None;
        }
    }
    fresh.table.sort = app.table.sort;
    fresh.table.column = app.table.column;
    fresh.table.indicators = std::mem::take(&mut app.table.indicators);
    fresh.map.schools = app.map.schools;
    fresh.map.colour = app.map.colour;
    super::map::recolour(&mut fresh);
    fresh.weight_cursor = app.weight_cursor;
    fresh.size = app.size;
    fresh.focus = app.focus;
    fresh.side = app.side;
    fresh.info = app.info;
    fresh.generation = app.generation + 1;
    // A weight diff compares with the profile as first loaded.
    fresh.analysis.profile_weights = app.analysis.profile_weights.clone();
    fresh.stability_running = true;
    *app = fresh;
    refresh_rows(app);
}

/// `i`: the indicator under the cursor counts the other way (risk <->
/// protective). A new analysis of the same units; picks and weights stay.
pub(super) fn flip_direction(app: &mut App) -> Option<Effect> {
    let j = app.weight_cursor;
    let id = app.analysis.prepared.indicators().get(j)?.clone();
    let now = *app.analysis.prepared.directions().get(j)?;
    let next = match now {
        Direction::Risk => Direction::Protective,
        Direction::Protective => Direction::Risk,
        Direction::Neutral => {
            say_error(app, Msg::WeightNeutral);
            return None;
        }
    };
    let mut p = app.profile_as_shown();
    p.set_direction(&id, next);
    let selected = app.selected;
    let picks = app.picks.clone();
    let history = std::mem::take(&mut app.history);
    match App::new(app.ds.clone(), app.inputs.clone(), p, app.lang, app.theme) {
        Ok(mut fresh) => {
            // Same rule, same units: picks and the undo list still apply.
            fresh.picks = picks;
            fresh.saved_picks = app.saved_picks.clone();
            fresh.history = history;
            fresh.rule_picks = std::mem::take(&mut app.rule_picks);
            app.directions_changed = true;
            carry_over(app, fresh);
            select(app, selected);
            let label = app.indicator_label(&id);
            info(
                app,
                Msg::DirectionSet.fill(app.lang, &[&label, &direction_word(next, app)]),
            );
            Some(Effect::Stability {
                generation: app.generation,
            })
        }
        Err(e) => {
            app.history = history;
            error(
                app,
                Msg::RerankFailed.fill(app.lang, &[&error_text(&e, app.lang)]),
            );
            None
        }
    }
}

fn direction_word(d: Direction, app: &App) -> String {
    match d {
        Direction::Risk => Msg::DirectionRisk.text(app.lang).to_string(),
        _ => Msg::DirectionProtective.text(app.lang).to_string(),
    }
}

/// The user's picks by code.
fn picked(app: &App) -> Picked {
    let code = |u: &usize| app.analysis.units.get(*u).map(|x| x.code.clone());
    Picked {
        added: app.picks.added.iter().filter_map(code).collect(),
        removed: app.picks.removed.iter().filter_map(code).collect(),
    }
}

fn restore_picks(app: &mut App, p: &Picked) {
    let index = crate::domain::analysis::unit_index(&app.analysis);
    let find = |c: &String| index.get(c.as_str()).copied();
    let added: Vec<usize> = p.added.iter().filter_map(find).collect();
    let removed: Vec<usize> = p.removed.iter().filter_map(find).collect();
    app.picks.added.extend(added);
    app.picks.removed.extend(removed);
}

pub(super) fn save_profile(app: &mut App) -> Option<Effect> {
    let p = app.profile_as_shown();
    match p.to_toml() {
        Ok(toml) => {
            app.saving_weights = Some(app.weights.clone());
            app.saving_picks = Some(app.picks.clone());
            Some(Effect::SaveProfile {
                path: PathBuf::from(PROFILE_FILE),
                toml,
            })
        }
        Err(e) => {
            error(app, Msg::SaveFailed.fill(app.lang, &[&e.text(app.lang)]));
            None
        }
    }
}
