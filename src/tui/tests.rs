//! Snapshots of every screen and unit tests of `update`, on the embedded
//! sample. The sample and its Monte Carlo are computed once per process.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::action::{Action, Column, Effect, MouseKind, Pane};
use super::app::{App, Mark};
use super::effects::run_blocking;
use super::theme::Theme;
use super::update::{update, viewport};
use super::Lang;
use crate::domain::dataset::Dataset;
use crate::domain::profile::Profile;
use crate::domain::uncertainty::Stability;
use crate::io::{load, Inputs};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::OnceLock;

struct Sample {
    ds: Dataset,
    inputs: Inputs,
    stability: Stability,
}

fn sample() -> &'static Sample {
    static S: OnceLock<Sample> = OnceLock::new();
    S.get_or_init(|| {
        let inputs = Inputs::sample();
        let ds = load(&inputs).unwrap();
        let app = App::new(
            ds.clone(),
            inputs.clone(),
            Profile::smartstart().unwrap(),
            Lang::Nl,
            Theme { color: true },
        )
        .unwrap();
        let stability = match run_blocking(&app, Effect::Stability { generation: 0 }) {
            Action::StabilityDone { result, .. } => *result.unwrap(),
            other => panic!("{other:?}"),
        };
        Sample {
            ds,
            inputs,
            stability,
        }
    })
}

fn app_with(lang: Lang, color: bool, w: u16, h: u16) -> App {
    let s = sample();
    let mut app = App::new(
        s.ds.clone(),
        s.inputs.clone(),
        Profile::smartstart().unwrap(),
        lang,
        Theme { color },
    )
    .unwrap();
    app.analysis.stability = Some(s.stability.clone());
    update(
        &mut app,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    app
}

fn app() -> App {
    app_with(Lang::Nl, true, 120, 40)
}

fn draw(app: &App) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t.backend().to_string()
}

fn act(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions
        .iter()
        .filter_map(|a| update(app, a.clone()))
        .collect()
}

fn unit(app: &App, name: &str) -> usize {
    app.analysis
        .units
        .iter()
        .position(|u| u.name == name)
        .unwrap_or_else(|| panic!("no unit {name}"))
}

/// Select a unit the way a user would: search for it.
fn go_to(app: &mut App, name: &str) {
    let mut actions = vec![Action::SearchStart];
    actions.extend(name.chars().map(Action::SearchInput));
    actions.push(Action::SearchConfirm);
    act(app, &actions);
    assert_eq!(app.unit_name(app.selected), name);
    // Leave no search highlight in the snapshots.
    app.search = Default::default();
}

fn weight_index(app: &App, id: &str) -> usize {
    app.analysis.prepared.index_of(id).unwrap()
}

mod bugs;
mod columns;
mod effects;
mod history;
mod keys;
mod map;
mod marks;
mod overlays;
mod table;
mod weights;

// ----- snapshots ---------------------------------------------------------

#[test]
fn snapshot_main_wide() {
    insta::assert_snapshot!(draw(&app()));
}

#[test]
fn snapshot_main_80x24() {
    insta::assert_snapshot!(draw(&app_with(Lang::Nl, true, 80, 24)));
}

#[test]
fn snapshot_detail() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    go_to(&mut app, "Havenkwartier");
    act(&mut app, &[Action::Focus(Pane::Detail)]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_detail_missing_values() {
    // Kleiakker's youth care figure is secret and its microdata figures
    // are suppressed: each shows its reason.
    let mut app = app();
    go_to(&mut app, "Kleiakker");
    act(&mut app, &[Action::Focus(Pane::Detail), Action::Scroll(7)]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_weights_changed() {
    let mut app = app();
    let j = weight_index(&app, "social_rent_pct");
    app.weight_cursor = j;
    act(
        &mut app,
        &[
            Action::Focus(Pane::Weights),
            Action::WeightStep(5.0),
            Action::WeightStep(5.0),
            Action::WeightStep(5.0),
            Action::WeightStep(1.0),
        ],
    );
    app.analysis.stability = Some(sample().stability.clone());
    app.stability_running = false;
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_weights_80x24() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    act(
        &mut app,
        &[Action::Focus(Pane::Weights), Action::WeightCursor(3)],
    );
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_team() {
    let mut app = app();
    go_to(&mut app, "Havenkwartier");
    act(&mut app, &[Action::Focus(Pane::Team)]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_help() {
    let mut app = app();
    act(&mut app, &[Action::ToggleHelp]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_help_80x24() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    act(&mut app, &[Action::ToggleHelp, Action::Scroll(12)]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_too_small() {
    insta::assert_snapshot!(draw(&app_with(Lang::Nl, true, 60, 16)));
}

#[test]
fn snapshot_english() {
    let mut app = app_with(Lang::En, true, 120, 40);
    go_to(&mut app, "Emmabuurt");
    act(&mut app, &[Action::Focus(Pane::Team)]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_english_too_small() {
    insta::assert_snapshot!(draw(&app_with(Lang::En, true, 79, 24)));
}

#[test]
fn snapshot_map_no_color_zoomed() {
    let mut app = app_with(Lang::Nl, false, 80, 24);
    go_to(&mut app, "Havenkwartier");
    act(
        &mut app,
        &[Action::Focus(Pane::Map), Action::Zoom(1), Action::Zoom(1)],
    );
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_search_and_filter() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    act(
        &mut app,
        &[
            Action::FilterSchools(1),
            Action::FilterSchools(1),
            Action::SearchStart,
            Action::SearchInput('h'),
            Action::SearchInput('o'),
        ],
    );
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_wide_200x60() {
    let mut app = app_with(Lang::Nl, true, 200, 60);
    go_to(&mut app, "Emmabuurt");
    insta::assert_snapshot!(draw(&app));
}
