//! Undo/redo of weight and shortlist edits, and the picks and filters a
//! saved profile brings back.

use super::*;

#[test]
fn undo_takes_back_weights_and_picks_in_order_and_redo_brings_them_back() {
    let mut app = app();
    let start_weights = app.weights.clone();
    let start_order = app.analysis.ranking.order.clone();
    let e = act(
        &mut app,
        &[Action::Focus(Pane::Weights), Action::WeightStep(5.0)],
    );
    assert_eq!(e.len(), 1, "a weight edit re-ranks");
    let edited_weights = app.weights.clone();
    assert_ne!(edited_weights, start_weights);
    act(
        &mut app,
        &[Action::Focus(Pane::Table), Action::ToggleShortlist],
    );
    let picks = app.picks.clone();
    assert_ne!(picks, Default::default());

    act(&mut app, &[Action::Undo]);
    assert_eq!(app.picks, Default::default(), "the pick is undone first");
    assert_eq!(app.weights, edited_weights);
    let e = act(&mut app, &[Action::Undo]);
    assert_eq!(app.weights, start_weights);
    assert_eq!(app.analysis.ranking.order, start_order, "not re-ranked");
    assert!(matches!(e.as_slice(), [Effect::Stability { .. }]));
    assert!(!app.unsaved());

    act(&mut app, &[Action::Undo]);
    assert!(app.status.as_ref().unwrap().error, "nothing left to undo");

    act(&mut app, &[Action::Redo, Action::Redo]);
    assert_eq!(app.weights, edited_weights);
    assert_eq!(app.picks, picks);
    act(&mut app, &[Action::Redo]);
    assert!(app.status.as_ref().unwrap().error, "nothing left to redo");
}

#[test]
fn a_new_edit_ends_what_redo_could_bring_back() {
    let mut app = app();
    act(
        &mut app,
        &[
            Action::Focus(Pane::Weights),
            Action::WeightStep(1.0),
            Action::Undo,
            Action::WeightStep(2.0),
            Action::Redo,
        ],
    );
    assert!(app.history.redo.is_empty());
    assert!(app.status.as_ref().unwrap().error);
    let j = app.weight_cursor;
    assert_eq!(app.weights[j], app.baseline.weights[j] + 2.0);
}

#[test]
fn a_refused_weight_edit_leaves_nothing_to_undo() {
    let mut app = app();
    let n = app.weights.len();
    let mut actions = vec![Action::Focus(Pane::Weights)];
    for _ in 0..n {
        actions.push(Action::WeightZero);
        actions.push(Action::WeightCursor(1));
    }
    act(&mut app, &actions);
    // The last zero is refused (all weights zero), so n - 1 edits count.
    let zeroed = app.baseline.weights.iter().filter(|&&w| w > 0.0).count();
    assert_eq!(app.history.undo.len(), zeroed - 1);
}

#[test]
fn the_saved_profile_brings_back_picks_and_filters() {
    let mut app = app();
    go_to(&mut app, "Kleiakker");
    let added = app.selected;
    assert!(!app.in_computed(added));
    let computed = app.analysis.ranking.shortlist[0];
    let gemeente = app.gemeenten[0].0.clone();
    act(&mut app, &[Action::ToggleShortlist]);
    app.selected = computed;
    act(
        &mut app,
        &[
            Action::ToggleShortlist,
            Action::FilterSchools(1),
            Action::FilterInhabitants(1),
        ],
    );
    app.filter.gemeente = Some(gemeente.clone());
    let Some(Effect::SaveProfile { toml, .. }) = act(&mut app, &[Action::SaveProfile]).pop() else {
        panic!("no save");
    };
    assert!(
        toml.contains("[shortlist]") && toml.contains("[view]"),
        "{toml}"
    );
    let s = sample();
    let back = App::new(
        s.ds.clone(),
        s.inputs.clone(),
        Profile::parse(&toml).unwrap(),
        Lang::Nl,
        Theme { color: false },
    )
    .unwrap();
    assert_eq!(
        back.picks.added.iter().copied().collect::<Vec<_>>(),
        [added]
    );
    assert_eq!(
        back.picks.removed.iter().copied().collect::<Vec<_>>(),
        [computed]
    );
    assert_eq!(back.filter.gemeente.as_deref(), Some(gemeente.as_str()));
    assert_eq!(back.filter.min_schools, 1);
    assert_eq!(back.filter.min_inhabitants, 500.0);
    assert!(!back.unsaved(), "what the profile holds is saved");
    assert!(back.status.is_none());
}

#[test]
fn saved_codes_the_data_lacks_are_reported_not_dropped_silently() {
    let s = sample();
    let mut p = Profile::smartstart().unwrap();
    p.shortlist.include = vec!["BU99999999".into()];
    p.view.gemeente = Some("GM0000".into());
    let app = App::new(
        s.ds.clone(),
        s.inputs.clone(),
        p,
        Lang::En,
        Theme { color: false },
    )
    .unwrap();
    let status = app.status.clone().unwrap();
    assert!(status.error);
    assert!(
        status.text.contains("BU99999999") && status.text.contains("GM0000"),
        "{}",
        status.text
    );
    assert!(app.picks.added.is_empty() && app.filter.gemeente.is_none());
}

#[test]
fn after_a_save_the_picks_no_longer_count_as_unsaved() {
    let mut app = app();
    act(&mut app, &[Action::ToggleShortlist]);
    assert!(app.unsaved());
    act(
        &mut app,
        &[Action::SaveProfile, Action::Saved(Ok("p.toml".into()))],
    );
    assert!(!app.unsaved());
}
