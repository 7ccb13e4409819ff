//! Re-weighting and everything that re-ranks: weights, the pilot rule,
//! and saving the profile those weights make.

use super::navigation::refresh_rows;
use super::{error, info, say, say_error, PROFILE_FILE};
use crate::domain::value::Direction;
use crate::i18n::Msg;
use crate::tui::action::Effect;
use crate::tui::app::App;
use crate::tui::rows::Classes;
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

/// Re-rank under new weights: table, map classes and marks follow; the
/// Monte Carlo is asked for again.
fn apply_weights(app: &mut App, weights: Vec<f64>) -> Option<Effect> {
    if let Err(e) = app.analysis.rerank(&weights) {
        error(app, Msg::RerankFailed.fill(app.lang, &[&e]));
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
pub(super) fn cycle_rule(app: &mut App) -> Option<Effect> {
    use crate::domain::pilot::PilotRule;
    let mut p = app.profile_as_shown();
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
            // A weight diff compares with the profile as first loaded.
            fresh.analysis.profile_weights = app.analysis.profile_weights.clone();
            fresh.stability_running = true;
            *app = fresh;
            info(app, Msg::RuleSet.fill(app.lang, &[&next]));
            Some(Effect::Stability {
                generation: app.generation,
            })
        }
        Err(e) => {
            error(app, Msg::RuleSet.fill(app.lang, &[&format!("{e:#}")]));
            None
        }
    }
}

pub(super) fn save_profile(app: &mut App) -> Option<Effect> {
    let p = app.profile_as_shown();
    match p.to_toml() {
        Ok(toml) => Some(Effect::SaveProfile {
            path: PathBuf::from(PROFILE_FILE),
            toml,
        }),
        Err(e) => {
            error(app, Msg::SaveFailed.fill(app.lang, &[&e]));
            None
        }
    }
}
