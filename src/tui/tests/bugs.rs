//! One test per bug a first real session found (issue 14), each written
//! to fail on the app before its fix.

use super::*;
use crate::tui::widgets::detail;

fn weight_edit(app: &mut App) {
    act(
        app,
        &[Action::Focus(Pane::Weights), Action::WeightStep(5.0)],
    );
}

fn quiet_draw(app: &App) -> String {
    draw(app)
}

// 1. `u` kept neither the picks nor the filters.
#[test]
fn cycling_the_pilot_unit_keeps_picks_and_filters() {
    let mut app = app();
    go_to(&mut app, "Kleiakker");
    let picked = app.selected;
    let kleiakker = app.analysis.units[picked].code.clone();
    act(
        &mut app,
        &[
            Action::ToggleShortlist,
            Action::FilterSchools(1),
            Action::FilterInhabitants(1),
        ],
    );
    assert!(app.picks.added.contains(&picked) || app.picks.removed.contains(&picked));
    let filter = app.filter.clone();
    let rules = crate::domain::pilot::PilotRule::ALL.len();
    act(&mut app, &[Action::CycleRule]);
    assert_eq!(app.filter, filter, "filter lost by the first switch");
    for _ in 1..rules {
        act(&mut app, &[Action::CycleRule]);
    }
    assert_eq!(app.analysis.rule, crate::domain::pilot::PilotRule::Buurt);
    assert_eq!(app.filter, filter, "filter lost after a full cycle");
    let u = unit(&app, "Kleiakker");
    assert_eq!(app.analysis.units[u].code, kleiakker);
    assert!(
        app.picks.added.contains(&u) || app.picks.removed.contains(&u),
        "the pick of Kleiakker was thrown away"
    );
}

// 2. `q` and `Esc` quit at once with unsaved edits.
#[test]
fn quitting_with_unsaved_weights_asks_first() {
    let mut app = app();
    weight_edit(&mut app);
    act(&mut app, &[Action::Quit]);
    assert!(!app.quit, "quit with an unsaved weight");
    let screen = quiet_draw(&app);
    assert!(screen.contains("Niet opgeslagen"), "{screen}");
    // Esc: stay, the edit intact.
    act(&mut app, &[Action::ConfirmCancel]);
    assert!(!app.quit && !app.confirm_quit);
    assert_ne!(app.weights, app.baseline.weights);
    // n: quit without saving.
    act(&mut app, &[Action::Quit, Action::ConfirmNo]);
    assert!(app.quit);
}

#[test]
fn answering_yes_saves_and_quits_only_when_the_save_worked() {
    let mut app = app();
    weight_edit(&mut app);
    act(&mut app, &[Action::Quit]);
    let effects = act(&mut app, &[Action::ConfirmYes]);
    assert!(matches!(effects.as_slice(), [Effect::SaveProfile { .. }]));
    assert!(!app.quit, "quit before the save was done");
    act(&mut app, &[Action::Saved(Err("disk full".into()))]);
    assert!(!app.quit, "a failed save lost the edits");
    act(&mut app, &[Action::Quit, Action::ConfirmYes]);
    act(&mut app, &[Action::Saved(Ok("p.toml".into()))]);
    assert!(app.quit);
}

#[test]
fn a_shortlist_pick_is_an_unsaved_edit_and_saved_weights_are_not() {
    let mut app = app();
    act(&mut app, &[Action::ToggleShortlist, Action::Quit]);
    assert!(!app.quit && app.confirm_quit);
    let mut app = app_with(Lang::Nl, true, 120, 40);
    weight_edit(&mut app);
    act(&mut app, &[Action::SaveProfile]);
    act(
        &mut app,
        &[Action::Saved(Ok("p.toml".into())), Action::Quit],
    );
    assert!(app.quit, "asked although the weights were saved");
}

#[test]
fn esc_in_the_search_only_cancels_the_search() {
    let mut app = app();
    weight_edit(&mut app);
    act(&mut app, &[Action::SearchStart, Action::SearchInput('k')]);
    let esc = app
        .keymap
        .action(
            &app,
            &crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Esc,
            )),
        )
        .unwrap();
    act(&mut app, &[esc]);
    assert!(!app.search.editing && !app.quit);
    let esc = app
        .keymap
        .action(
            &app,
            &crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Esc,
            )),
        )
        .unwrap();
    act(&mut app, &[esc]);
    assert!(!app.quit, "a second Esc lost the weight edit");
}

// 3. Status messages went stale.
#[test]
fn the_hidden_by_filter_message_goes_with_the_filter() {
    let mut app = app_with(Lang::Nl, true, 120, 40);
    go_to(&mut app, "Kleiakker");
    act(&mut app, &[Action::FilterInhabitants(1)]);
    act(&mut app, &[Action::FilterInhabitants(1)]);
    assert!(draw(&app).contains("verborgen door het filter"));
    act(&mut app, &[Action::FilterClear]);
    assert!(
        !draw(&app).contains("verborgen door het filter"),
        "stale message after x"
    );
}

#[test]
fn the_search_line_goes_after_another_key() {
    let mut app = app();
    act(
        &mut app,
        &[
            Action::SearchStart,
            Action::SearchInput('k'),
            Action::SearchInput('l'),
            Action::SearchConfirm,
        ],
    );
    assert!(draw(&app).contains("/kl"));
    act(&mut app, &[Action::Move(1)]);
    assert!(!draw(&app).contains("/kl"), "search line stayed");
    // n still finds the next match.
    act(&mut app, &[Action::SearchNext]);
    assert!(draw(&app).contains("/kl"));
}

// 4. A filter that hid the selection left it in the detail pane.
#[test]
fn a_filter_that_hides_the_selection_moves_it_to_a_row_shown() {
    let mut app = app();
    go_to(&mut app, "Kleiakker");
    let hidden = app.selected;
    act(&mut app, &[Action::FilterInhabitants(1)]);
    assert!(!app.table.rows.contains(&hidden));
    assert!(app.table.cursor.is_some(), "no row selected");
    assert_ne!(app.selected, hidden);
    assert_eq!(app.focused.as_ref().map(|f| f.unit), Some(app.selected));
    act(&mut app, &[Action::Focus(Pane::Detail)]);
    let screen = draw(&app);
    assert!(!screen.contains("Kleiakker (BU"), "{screen}");
}

// 5. Error text doubled.
#[test]
fn an_error_chain_shows_each_cause_once() {
    let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
    let text = format!("x.toml: {io}");
    let e = anyhow::Error::new(io).context(text);
    assert_eq!(
        crate::tui::fmt::error_text(&e, crate::i18n::Lang::En),
        "x.toml: No such file"
    );
    let e = anyhow::anyhow!("inner").context("outer");
    assert_eq!(
        crate::tui::fmt::error_text(&e, crate::i18n::Lang::En),
        "outer: inner"
    );
}

// 7. "(+7)" more warnings, but no key showed them.
#[test]
fn the_warnings_list_opens_with_w_and_shows_every_note() {
    let mut app = app();
    act(&mut app, &[Action::ToggleWarnings]);
    let screen = draw(&app);
    assert!(screen.contains("Waarschuwingen en noten"), "{screen}");
    for n in &app.analysis.notes {
        let n = crate::present::notes::note_text(n, &app.ds, app.lang);
        let head: String = n.chars().take(30).collect();
        assert!(screen.contains(&head), "{head} not listed:\n{screen}");
    }
    act(&mut app, &[Action::ToggleWarnings]);
    assert!(!draw(&app).contains("Waarschuwingen en noten"));
}

// 8. Detail figures: counts with decimals, totals beside means.
#[test]
fn detail_counts_are_whole_and_the_gemeente_figure_is_a_mean_per_unit() {
    let mut app = app_with(Lang::Nl, true, 200, 60);
    go_to(&mut app, "Havenkwartier");
    let screen = draw(&app);
    let row = screen
        .lines()
        .find(|l| l.contains("Aantal inwoners"))
        .unwrap_or_else(|| panic!("{screen}"));
    let figures: Vec<f64> = row
        .split('│')
        .nth(1)
        .unwrap()
        .split_whitespace()
        .filter_map(|w| w.replace('.', "").replace(',', ".").parse().ok())
        .collect();
    assert!(figures.len() >= 3, "{row}");
    assert!(!row.contains(",0"), "a count with decimals: {row}");
    // Value, gemeente and all: the gemeente's is of the same order as the
    // mean of all units, not the gemeente's total.
    let (g, all) = (figures[1], figures[2]);
    assert!(g < all * 5.0 && all < g * 5.0, "{row}");
}

#[test]
fn labels_of_one_family_stay_apart_when_cut() {
    // Cut in the middle, both read "Bevolkin…jaar (aantal)".
    let a = "Bevolking 0 tot 15 jaar (aantal)";
    let b = "Bevolking 15 tot 25 jaar (aantal)";
    for w in [14, 18, 22, 26] {
        let (x, y) = (
            crate::tui::widgets::figures::label_in(a, w),
            crate::tui::widgets::figures::label_in(b, w),
        );
        assert_ne!(x, y, "cut to {w}");
        assert!(x.chars().count() <= w && y.chars().count() <= w);
    }
}

// 10. Keys while "too small" were applied; scrolling ran into blank space.
#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut app = app_with(Lang::Nl, true, 60, 16);
    let before = app.selected;
    act(
        &mut app,
        &[
            Action::Move(3),
            Action::ToggleShortlist,
            Action::FilterSchools(1),
        ],
    );
    assert_eq!(app.selected, before);
    assert!(app.picks.added.is_empty() && app.picks.removed.is_empty());
    assert_eq!(app.filter, Default::default());
    act(&mut app, &[Action::Quit]);
    assert!(app.quit, "q must still quit");
}

#[test]
fn detail_scrolling_stops_at_the_last_row_and_keeps_the_header() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    go_to(&mut app, "Havenkwartier");
    act(
        &mut app,
        &[Action::Focus(Pane::Detail), Action::Scroll(10_000)],
    );
    let area = crate::tui::update::screen(&app).pane(Pane::Detail).unwrap();
    assert_eq!(
        usize::from(app.scroll.detail),
        detail::max_scroll(&app, area)
    );
    let screen = draw(&app);
    assert!(screen.contains("Havenkwartier (BU"), "header scrolled away");
    // The last pane line holds a row, not blank space.
    let last = app.ds.indicators.last().unwrap();
    let label: String = app.indicator_label(&last.meta.id).chars().take(8).collect();
    assert!(screen.contains(&label), "{label} missing:\n{screen}");
}

#[test]
fn help_names_every_pilot_unit() {
    let mut app = app_with(Lang::Nl, true, 200, 60);
    act(&mut app, &[Action::ToggleHelp]);
    let screen = draw(&app);
    assert!(screen.contains("catchment"), "{screen}");
}

// 11. The advice named the rule in use and a command line flag.
#[test]
fn the_advice_names_the_key_and_only_other_rules() {
    let s = sample();
    let mut p = Profile::smartstart().unwrap();
    p.top_k = 50;
    let mut app = App::new(
        s.ds.clone(),
        s.inputs.clone(),
        p,
        Lang::Nl,
        Theme { color: true },
    )
    .unwrap();
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    let screen = draw(&app);
    assert!(!screen.contains("--rule"), "{screen}");
    let line = screen
        .lines()
        .find(|l| l.contains("voldoen aan de regels"))
        .unwrap_or_else(|| panic!("no advice:\n{screen}"));
    assert!(line.contains("u wisselt"), "{line}");
    assert!(!line.contains("(buurt"), "suggests the rule in use: {line}");
}

// Language switch.
#[test]
fn t_switches_the_language_of_the_whole_screen() {
    let mut app = app();
    act(&mut app, &[Action::ToggleLang]);
    let screen = draw(&app);
    assert!(screen.contains("1 Ranking") && screen.contains("Language: English"));
    act(&mut app, &[Action::ToggleLang]);
    assert!(draw(&app).contains("1 Ranglijst"));
}

// 9. The sort arrow went missing in narrow columns.
#[test]
fn the_sort_arrow_shows_in_every_column() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    let first_row = |app: &App| {
        draw(app)
            .lines()
            .nth(1 + crate::tui::notes::rows(app) + 1)
            .unwrap_or("")
            .to_string()
    };
    act(&mut app, &[Action::MoveFirst]);
    let width = crate::tui::layout::inner(crate::tui::update::screen(&app).table).width;
    let cols = crate::tui::widgets::table::visible_columns(width, app.analysis.units.len());
    assert!(cols.len() >= 5, "{cols:?}");
    for (c, _) in cols {
        app.table.column = c;
        act(&mut app, &[Action::Sort]);
        let header = first_row(&app);
        assert!(
            header.contains('▲') || header.contains('▼'),
            "{c:?}: {header}"
        );
    }
}

#[test]
fn names_cut_in_the_table_keep_their_ends() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    let u = app.selected;
    app.analysis.units[u].name = "Stadsrand Noordoost".into();
    let screen = draw(&app);
    assert!(screen.contains("oost"), "{screen}");
}

// ----- snapshots of the new screens ---------------------------------------

#[test]
fn snapshot_warnings() {
    let mut app = app_with(Lang::Nl, true, 120, 40);
    act(&mut app, &[Action::ToggleWarnings]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_quit_question() {
    let mut app = app_with(Lang::Nl, true, 120, 40);
    act(&mut app, &[Action::ToggleShortlist, Action::Quit]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_english_after_switch() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    act(&mut app, &[Action::ToggleLang]);
    insta::assert_snapshot!(draw(&app));
}
