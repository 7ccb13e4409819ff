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

// ----- update ------------------------------------------------------------

#[test]
fn moves_through_the_table() {
    let mut app = app();
    let first = app.table.rows[0];
    assert_eq!(app.selected, first);
    act(&mut app, &[Action::Move(1)]);
    assert_eq!(app.selected, app.table.rows[1]);
    assert_eq!(app.table.cursor, Some(1));
    act(&mut app, &[Action::Move(-5)]);
    assert_eq!(app.table.cursor, Some(0));
    act(&mut app, &[Action::MoveLast]);
    assert_eq!(app.table.cursor, Some(app.table.rows.len() - 1));
    // The selected row stays on screen.
    let h = super::layout::table_body(super::update::screen(&app).table).height as usize;
    assert!(app.table.offset + h > app.table.cursor.unwrap());
    act(&mut app, &[Action::MoveFirst, Action::Page(1)]);
    assert_eq!(app.table.cursor, Some(h));
    // The detail follows the selection.
    assert_eq!(app.focused.as_ref().unwrap().unit, app.selected);
}

#[test]
fn rank_order_fast_path_matches_the_comparison() {
    let mut app = app();
    assert_eq!(super::rows::build(&app), super::rows::build_generic(&app));
    act(&mut app, &[Action::FilterSchools(1)]);
    assert_eq!(super::rows::build(&app), super::rows::build_generic(&app));
}

#[test]
fn sorts_by_any_column_and_reverses() {
    let mut app = app();
    app.table.column = Column::Name;
    act(&mut app, &[Action::Sort]);
    let names: Vec<String> = app
        .table
        .rows
        .iter()
        .map(|&u| app.unit_name(u).to_string())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    act(&mut app, &[Action::Sort]);
    assert!(app.table.sort.descending);
    let first = app.unit_name(app.table.rows[0]).to_lowercase();
    assert!(first >= sorted.last().unwrap().to_lowercase());
    // The column cursor moves over the visible columns.
    act(&mut app, &[Action::ColumnRight, Action::Sort]);
    assert_ne!(app.table.sort.column, Column::Name);
    // Schools: most first, unknown counts last.
    app.table.column = Column::Schools;
    act(&mut app, &[Action::Sort]);
    let s: Vec<Option<u32>> = app
        .table
        .rows
        .iter()
        .map(|&u| app.analysis.units[u].primary_schools)
        .collect();
    assert!(s.windows(2).all(|w| w[0] >= w[1] || w[1].is_none()));
    // The selection survives a sort.
    let sel = app.selected;
    act(&mut app, &[Action::Sort]);
    assert_eq!(app.selected, sel);
}

#[test]
fn searches_incrementally_with_next_and_previous() {
    let mut app = app();
    let origin = app.selected;
    act(
        &mut app,
        &[
            Action::SearchStart,
            Action::SearchInput('b'),
            Action::SearchInput('u'),
        ],
    );
    let hits: Vec<usize> = app
        .table
        .rows
        .iter()
        .copied()
        .filter(|&u| {
            app.unit_name(u).to_lowercase().contains("bu")
                || app.analysis.units[u].code.to_lowercase().contains("bu")
        })
        .collect();
    assert_eq!(app.search.hits, hits.len());
    act(
        &mut app,
        &[Action::SearchInput('u'), Action::SearchInput('r')],
    );
    assert!(app.unit_name(app.selected).to_lowercase().contains("buur"));
    act(&mut app, &[Action::SearchConfirm]);
    let a = app.selected;
    act(&mut app, &[Action::SearchNext]);
    let b = app.selected;
    assert_ne!(a, b);
    assert!(app.unit_name(b).to_lowercase().contains("buur"));
    act(&mut app, &[Action::SearchPrev]);
    assert_eq!(app.selected, a);
    // Cancel returns to where the search started.
    act(
        &mut app,
        &[
            Action::SearchStart,
            Action::SearchInput('z'),
            Action::SearchCancel,
        ],
    );
    assert_eq!(app.selected, a);
    act(
        &mut app,
        &[
            Action::SearchStart,
            Action::SearchInput('q'),
            Action::SearchInput('q'),
        ],
    );
    assert_eq!(app.search.hits, 0);
    act(&mut app, &[Action::SearchCancel]);
    assert!(app.search.query.is_empty());
    let _ = origin;
}

#[test]
fn a_weight_change_reranks_and_asks_for_stability() {
    let mut app = app();
    let before = app.analysis.ranking.order.clone();
    let j = weight_index(&app, "social_rent_pct");
    app.weight_cursor = j;
    let effects = act(&mut app, &[Action::WeightStep(20.0)]);
    assert_eq!(effects, vec![Effect::Stability { generation: 1 }]);
    assert_eq!(app.weights[j], 25.0);
    assert_eq!(app.analysis.ranking.weights[j], 25.0);
    assert_ne!(app.analysis.ranking.order, before);
    assert!(app.analysis.stability.is_none());
    // Rank changes against the profile are there for the table.
    assert!((0..app.analysis.units.len()).any(|u| app.rank_delta(u).is_some_and(|d| d != 0)));
    // The table follows the new ranking.
    assert_eq!(app.table.rows[0], app.analysis.ranking.order[0]);
    // A Monte Carlo result for an older ranking is dropped.
    let old = Box::new(sample().stability.clone());
    act(
        &mut app,
        &[Action::StabilityDone {
            generation: 0,
            result: Ok(old.clone()),
        }],
    );
    assert!(app.analysis.stability.is_none());
    act(
        &mut app,
        &[Action::StabilityDone {
            generation: 1,
            result: Ok(old),
        }],
    );
    assert!(app.analysis.stability.is_some());
    // Back to the profile: no rank changes left.
    act(&mut app, &[Action::WeightResetAll]);
    assert_eq!(app.weights, app.baseline.weights);
    assert_eq!(app.analysis.ranking.order, before);
}

#[test]
fn the_last_weight_cannot_go_to_zero() {
    let mut app = app();
    let n = app.weights.len();
    let mut effects = 0;
    for j in 0..n - 1 {
        app.weight_cursor = j;
        effects += act(&mut app, &[Action::WeightZero]).len();
    }
    assert_eq!(effects, n - 1);
    app.weight_cursor = n - 1;
    let w = app.weights.clone();
    assert!(act(&mut app, &[Action::WeightStep(-100.0)]).is_empty());
    assert_eq!(app.weights, w);
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn shortlist_toggles_on_top_of_the_computed_one() {
    let mut app = app();
    let computed = app.analysis.ranking.shortlist.clone();
    assert_eq!(app.shortlist(), computed);
    let extra = unit(&app, "Wilgenhoek");
    assert!(!computed.contains(&extra));
    go_to(&mut app, "Wilgenhoek");
    act(&mut app, &[Action::ToggleShortlist]);
    assert_eq!(app.mark(extra), Mark::Added);
    assert!(app.shortlist().contains(&extra));
    let top = computed[0];
    let top_name = app.unit_name(top).to_string();
    go_to(&mut app, &top_name);
    act(&mut app, &[Action::ToggleShortlist]);
    assert_eq!(app.mark(top), Mark::Removed);
    assert!(!app.shortlist().contains(&top));
    act(&mut app, &[Action::ToggleShortlist]);
    assert_eq!(app.mark(top), Mark::Computed);
    go_to(&mut app, "Wilgenhoek");
    act(&mut app, &[Action::ToggleShortlist]);
    assert_eq!(app.shortlist(), computed);
}

#[test]
fn filters_narrow_the_table() {
    let mut app = app();
    let all = app.table.rows.len();
    act(
        &mut app,
        &[
            Action::FilterSchools(1),
            Action::FilterSchools(1),
            Action::FilterSchools(1),
        ],
    );
    assert_eq!(app.filter.min_schools, 3);
    assert!(app.table.rows.len() < all);
    assert!(app
        .table
        .rows
        .iter()
        .all(|&u| app.analysis.units[u].primary_schools.unwrap_or(0) >= 3));
    act(&mut app, &[Action::FilterInhabitants(6)]);
    assert!(app
        .table
        .rows
        .iter()
        .all(|&u| app.analysis.units[u].inhabitants.unwrap_or(0.0) >= 3000.0));
    act(&mut app, &[Action::FilterGemeente]);
    assert!(app.filter.gemeente.is_some());
    act(&mut app, &[Action::FilterClear]);
    assert_eq!(app.table.rows.len(), all);
}

#[test]
fn zooms_and_pans_the_map() {
    let mut app = app();
    let c0 = app.map.center;
    act(&mut app, &[Action::Zoom(1)]);
    assert!((app.map.zoom - 1.5).abs() < 1e-9);
    act(&mut app, &[Action::Pan { dx: 1, dy: 0 }]);
    assert!(app.map.center.0 > c0.0);
    act(&mut app, &[Action::Pan { dx: 0, dy: 1 }]);
    assert!(app.map.center.1 > c0.1);
    act(&mut app, &[Action::ZoomReset]);
    assert_eq!(app.map.zoom, 1.0);
    assert_eq!(app.map.center, c0);
    act(&mut app, &[Action::ToggleSchools]);
    assert!(!app.map.schools);
}

/// The screen cell at the middle of a unit on the map.
fn cell_of(app: &App, u: usize) -> (u16, u16) {
    let vp = viewport(app).unwrap();
    let s = super::update::screen(app);
    let canvas = super::layout::map_canvas(s.pane(Pane::Map).unwrap());
    let a = app.analysis.members[u][0];
    let g = app.ds.areas[a].geometry.as_ref().unwrap();
    use geo::InteriorPoint;
    let p = g.interior_point().unwrap();
    let (x, y) = (p.x() - app.geo.origin.0, p.y() - app.geo.origin.1);
    let col = ((x - vp.left) / vp.mpd / 2.0).floor() as u16;
    let row = ((vp.top - y) / vp.mpd / 4.0).floor() as u16;
    (canvas.x + col, canvas.y + row)
}

#[test]
fn clicking_the_map_selects_the_unit() {
    let mut app = app();
    act(&mut app, &[Action::Zoom(1), Action::Zoom(1)]);
    let target = unit(&app, "Boterbloem");
    app.map.center = {
        let b = app.geo.unit_bbox[target].unwrap();
        (f64::from(b[0] + b[2]) / 2.0, f64::from(b[1] + b[3]) / 2.0)
    };
    let (column, row) = cell_of(&app, target);
    act(
        &mut app,
        &[
            Action::Mouse {
                kind: MouseKind::Down,
                column,
                row,
            },
            Action::Mouse {
                kind: MouseKind::Up,
                column,
                row,
            },
        ],
    );
    assert_eq!(app.selected, target);
    assert_eq!(app.focus, Pane::Map);
    assert_eq!(app.table.rows[app.table.cursor.unwrap()], target);
}

#[test]
fn dragging_pans_and_the_wheel_zooms_at_the_pointer() {
    let mut app = app();
    let s = super::update::screen(&app);
    let canvas = super::layout::map_canvas(s.pane(Pane::Map).unwrap());
    let (c, r) = (canvas.x + 10, canvas.y + 5);
    let sel = app.selected;
    let c0 = app.map.center;
    act(
        &mut app,
        &[
            Action::Mouse {
                kind: MouseKind::Down,
                column: c,
                row: r,
            },
            Action::Mouse {
                kind: MouseKind::Drag,
                column: c + 4,
                row: r,
            },
            Action::Mouse {
                kind: MouseKind::Up,
                column: c + 4,
                row: r,
            },
        ],
    );
    assert!(
        app.map.center.0 < c0.0,
        "dragging right moves the view west"
    );
    assert_eq!(app.selected, sel, "a drag is not a click");
    let vp = viewport(&app).unwrap();
    let before = vp.cell_to_world(10, 5);
    act(
        &mut app,
        &[Action::Mouse {
            kind: MouseKind::ScrollUp,
            column: c,
            row: r,
        }],
    );
    assert!(app.map.zoom > 1.0);
    let after = viewport(&app).unwrap().cell_to_world(10, 5);
    assert!((before.0 - after.0).abs() < vp.mpd * 2.0);
    assert!((before.1 - after.1).abs() < vp.mpd * 4.0);
}

#[test]
fn clicking_a_table_row_selects_it() {
    let mut app = app();
    let body = super::layout::table_body(super::update::screen(&app).table);
    act(
        &mut app,
        &[
            Action::Focus(Pane::Map),
            Action::Mouse {
                kind: MouseKind::Down,
                column: body.x + 3,
                row: body.y + 4,
            },
        ],
    );
    assert_eq!(app.focus, Pane::Table);
    assert_eq!(app.table.cursor, Some(4));
}

#[test]
fn tab_cycles_the_panes_and_the_layout_follows() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    let mut seen = vec![app.focus];
    for _ in 0..5 {
        act(&mut app, &[Action::FocusNext]);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        vec![
            Pane::Table,
            Pane::Map,
            Pane::Detail,
            Pane::Weights,
            Pane::Team,
            Pane::Table
        ]
    );
    act(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.focus, Pane::Team);
    // Narrow: the focused pane is the one beside the table.
    let s = super::update::screen(&app);
    assert!(s.pane(Pane::Team).is_some());
    assert!(s.pane(Pane::Map).is_none());
}

#[test]
fn keys_map_to_actions_by_context() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut app = app();
    let key = |c: KeyCode, m: KeyModifiers| Event::Key(KeyEvent::new(c, m));
    let km = app.keymap.clone();
    let none = KeyModifiers::NONE;
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('q'), none)),
        Some(Action::Quit)
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Esc, none)),
        Some(Action::Quit)
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('j'), none)),
        Some(Action::Move(1))
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Down, none)),
        Some(Action::Move(1))
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Char(' '), none)),
        Some(Action::ToggleShortlist)
    );
    act(&mut app, &[Action::Focus(Pane::Map)]);
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('l'), none)),
        Some(Action::Pan { dx: 1, dy: 0 })
    );
    act(&mut app, &[Action::Focus(Pane::Weights)]);
    assert_eq!(
        km.action(&app, &key(KeyCode::Right, none)),
        Some(Action::WeightStep(1.0))
    );
    // While searching, letters are text, not commands.
    act(&mut app, &[Action::SearchStart]);
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('q'), none)),
        Some(Action::SearchInput('q'))
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Esc, none)),
        Some(Action::SearchCancel)
    );
    act(&mut app, &[Action::SearchCancel, Action::ToggleHelp]);
    assert_eq!(
        km.action(&app, &key(KeyCode::Esc, none)),
        Some(Action::ToggleHelp)
    );
}

#[test]
fn quits() {
    let mut app = app();
    assert!(!app.quit);
    act(&mut app, &[Action::Quit]);
    assert!(app.quit);
}

#[test]
fn help_lists_every_binding() {
    let app = app();
    let t = super::i18n::texts(Lang::Nl);
    let text = {
        let mut a = app_with(Lang::Nl, true, 200, 60);
        act(&mut a, &[Action::ToggleHelp]);
        draw(&a)
    };
    for b in &app.keymap.bindings {
        assert!(text.contains(t.desc(b.desc).1), "help misses {:?}", b.desc);
    }
}

#[test]
fn save_asks_to_write_the_current_weights() {
    let mut app = app();
    let j = weight_index(&app, "woz_mean");
    app.weight_cursor = j;
    act(&mut app, &[Action::WeightStep(7.0)]);
    let effects = act(&mut app, &[Action::SaveProfile]);
    let Some(Effect::SaveProfile { path, toml }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(path.to_str(), Some(super::update::PROFILE_FILE));
    let saved = Profile::parse(toml).unwrap();
    assert_eq!(saved.weight("woz_mean"), Some(12.0));
    // The profile's absent indicator keeps its weight.
    assert_eq!(saved.weight("ses_woa_score"), Some(10.0));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("p.toml");
    let done = super::effects::save(&target, toml);
    act(&mut app, &[done]);
    let status = app.status.clone().unwrap();
    assert!(!status.error, "{}", status.text);
    assert!(status.text.contains("p.toml"));
    assert_eq!(std::fs::read_to_string(target).unwrap(), *toml);
}

#[test]
fn export_reports_its_outcome() {
    let mut app = app();
    let effects = act(&mut app, &[Action::Export]);
    assert!(matches!(effects.as_slice(), [Effect::Export { .. }]));
    let dir = tempfile::tempdir().unwrap();
    let done = super::effects::export(&app, &dir.path().join("s.md"), crate::export::Format::Md);
    let ok = matches!(done, Action::Exported(Ok(_)));
    act(&mut app, &[done]);
    let status = app.status.clone().unwrap();
    assert_eq!(status.error, !ok, "{}", status.text);
}

#[test]
fn survives_any_size() {
    let mut app = app();
    for (w, h) in [(80, 24), (200, 60), (30, 10), (1, 1), (110, 32), (300, 100)] {
        act(
            &mut app,
            &[Action::Resize {
                width: w,
                height: h,
            }],
        );
        draw(&app);
        act(&mut app, &[Action::ToggleHelp]);
        draw(&app);
        act(&mut app, &[Action::ToggleHelp, Action::MoveLast]);
        draw(&app);
    }
}

#[test]
fn wijk_units_draw_as_their_buurten_outline() {
    let s = sample();
    let mut profile = Profile::smartstart().unwrap();
    profile.pilot.rule = crate::domain::pilot::PilotRule::Wijk;
    let mut app = App::new(
        s.ds.clone(),
        s.inputs.clone(),
        profile,
        Lang::Nl,
        Theme { color: true },
    )
    .unwrap();
    act(
        &mut app,
        &[Action::Resize {
            width: 120,
            height: 40,
        }],
    );
    let multi = (0..app.analysis.units.len())
        .find(|&u| app.analysis.members[u].len() > 1)
        .unwrap();
    // Inner borders cancel: the outline is shorter than all member rings.
    let lod = app.geo.levels.last().unwrap();
    let rings: usize = app.analysis.members[multi]
        .iter()
        .flat_map(|&a| lod.rings_of(a))
        .map(<[[f32; 2]]>::len)
        .sum();
    let outline = lod.outlines[multi].len();
    assert!(outline > 0 && outline < rings, "{outline} of {rings}");
    // A click on any member buurt selects the wijk.
    let target = app.analysis.members[multi][1];
    let unit_of = app.geo.area_unit[target].unwrap() as usize;
    assert_eq!(unit_of, multi);
    let (column, row) = {
        app.map.center = {
            let b = app.geo.area_bbox[target].unwrap();
            (f64::from(b[0] + b[2]) / 2.0, f64::from(b[1] + b[3]) / 2.0)
        };
        let vp = viewport(&app).unwrap();
        let canvas =
            super::layout::map_canvas(super::update::screen(&app).pane(Pane::Map).unwrap());
        use geo::InteriorPoint;
        let p = app.ds.areas[target]
            .geometry
            .as_ref()
            .unwrap()
            .interior_point()
            .unwrap();
        let (x, y) = (p.x() - app.geo.origin.0, p.y() - app.geo.origin.1);
        (
            canvas.x + ((x - vp.left) / vp.mpd / 2.0).floor() as u16,
            canvas.y + ((vp.top - y) / vp.mpd / 4.0).floor() as u16,
        )
    };
    act(
        &mut app,
        &[
            Action::Mouse {
                kind: MouseKind::Down,
                column,
                row,
            },
            Action::Mouse {
                kind: MouseKind::Up,
                column,
                row,
            },
        ],
    );
    assert_eq!(app.selected, multi);
    let screen = draw(&app);
    assert!(screen.contains(&app.analysis.units[multi].name));
}

#[test]
fn runs_without_boundaries() {
    // Indicators only: no map to draw, everything else works.
    let s = sample();
    let inputs = Inputs {
        boundaries: None,
        schools: None,
        ..s.inputs.clone()
    };
    let ds = load(&inputs).unwrap();
    let mut app = App::new(
        ds,
        inputs,
        Profile::smartstart().unwrap(),
        Lang::Nl,
        Theme { color: true },
    )
    .unwrap();
    act(
        &mut app,
        &[Action::Resize {
            width: 120,
            height: 40,
        }],
    );
    assert!(app.geo.drawn.is_empty());
    act(
        &mut app,
        &[
            Action::Zoom(1),
            Action::Pan { dx: 1, dy: 1 },
            Action::Mouse {
                kind: MouseKind::Down,
                column: 90,
                row: 10,
            },
            Action::Mouse {
                kind: MouseKind::Up,
                column: 90,
                row: 10,
            },
        ],
    );
    let screen = draw(&app);
    assert!(screen.contains("2 Kaart"));
}

#[test]
fn scrolling_is_bounded() {
    let mut app = app();
    act(
        &mut app,
        &[Action::Focus(Pane::Detail), Action::Scroll(10_000)],
    );
    assert!(usize::from(app.scroll.detail) <= app.ds.indicators.len() + 12);
    act(&mut app, &[Action::Scroll(-10_000)]);
    assert_eq!(app.scroll.detail, 0);
}

#[test]
fn cycling_the_pilot_rule_keeps_the_weights_and_changes_the_units() {
    use crate::domain::pilot::PilotRule;
    let mut app = app();
    let j = weight_index(&app, "youth_care_pct");
    app.weight_cursor = j;
    act(
        &mut app,
        &[Action::Focus(Pane::Weights), Action::WeightStep(5.0)],
    );
    let w = app.weights[j];
    let buurten = app.analysis.units.len();
    let effects = act(&mut app, &[Action::CycleRule]);
    assert_eq!(app.analysis.rule, PilotRule::Catchment);
    assert!(matches!(effects.as_slice(), [Effect::Stability { .. }]));
    assert_eq!(app.weights[weight_index(&app, "youth_care_pct")], w);
    act(&mut app, &[Action::CycleRule]);
    assert_eq!(app.analysis.rule, PilotRule::Wijk);
    assert!(
        app.analysis.units.len() < buurten,
        "wijken are fewer than buurten"
    );
    act(&mut app, &[Action::CycleRule, Action::CycleRule]);
    assert_eq!(app.analysis.rule, PilotRule::Buurt);
    assert_eq!(app.analysis.units.len(), buurten);
}
