//! The distribution (`d`) and the comparison (`v`).

use super::*;

#[test]
fn d_opens_the_distribution_and_its_keys_move_and_recolour() {
    let mut app = app();
    act(&mut app, &[Action::ToggleHistogram]);
    assert!(app.histogram);
    let before = app.selected;
    let first = draw(&app);
    assert!(first.contains("Verdeling: score"), "{first}");
    act(&mut app, &[Action::Move(1), Action::MapColour(1)]);
    assert_ne!(app.selected, before);
    assert!(app.map.colour.is_some());
    let label = crate::tui::widgets::map::colour_label(&app);
    assert!(draw(&app).contains(&format!("Verdeling: {label}")));
    act(&mut app, &[Action::ToggleHistogram]);
    assert!(!app.histogram);
}

#[test]
fn the_distribution_counts_the_rows_the_filter_shows() {
    let mut app = app();
    let all = app.table.rows.len();
    act(
        &mut app,
        &[Action::FilterSchools(1), Action::FilterSchools(1)],
    );
    let shown = app.table.rows.len();
    assert!(shown < all, "the filter must hide rows ({shown} of {all})");
    act(&mut app, &[Action::ToggleHistogram]);
    let screen = draw(&app);
    let scored = app
        .table
        .rows
        .iter()
        .filter(|&&u| app.analysis.ranking.units[u].score.is_some())
        .count();
    assert!(screen.contains(&format!("n = {scored} ")), "{screen}");
}

#[test]
fn v_chooses_a_then_compares_it_with_the_selected_unit() {
    let mut app = app();
    let a = app.selected;
    act(&mut app, &[Action::Compare]);
    assert_eq!(app.compare.pin, Some(a));
    assert!(app.compare.open.is_none());
    act(&mut app, &[Action::Move(1), Action::Compare]);
    let b = app.selected;
    assert_eq!(app.compare.open, Some((a, b)));
    let text = crate::tui::widgets::compare::lines(&app).join("\n");
    assert!(text.contains(&app.analysis.units[a].code), "{text}");
    assert!(text.contains(&app.analysis.units[b].code), "{text}");
    // The comparison takes the keys: j scrolls instead of moving.
    act(&mut app, &[Action::Scroll(1)]);
    assert_eq!(app.scroll.compare, 1);
    act(&mut app, &[Action::CompareClose]);
    assert_eq!(app.compare, Default::default());
}

#[test]
fn v_on_a_again_lets_go() {
    let mut app = app();
    act(&mut app, &[Action::Compare, Action::Compare]);
    assert_eq!(app.compare, Default::default());
}

#[test]
fn snapshot_histogram() {
    let mut app = app();
    act(&mut app, &[Action::ToggleHistogram]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn snapshot_compare() {
    let mut app = app();
    act(
        &mut app,
        &[Action::Compare, Action::Move(1), Action::Compare],
    );
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn capital_c_shows_the_correlations_of_the_profiles_indicators() {
    let mut app = app_with(Lang::Nl, true, 160, 50);
    act(&mut app, &[Action::ToggleCorrelations]);
    assert!(app.correlations.is_some());
    let screen = draw(&app);
    let c = app.analysis.correlations();
    assert!(c.ids.len() > 2);
    // Every indicator by label, and the cell of the first two rows as
    // Pearson above and Spearman below the diagonal.
    for id in &c.ids {
        let label = app.indicator_label(id);
        let shown: String = label.chars().take(12).collect();
        assert!(screen.contains(&shown), "{label} missing\n{screen}");
    }
    let p01 = crate::tui::fmt::num(c.pearson[0][1], 2, Lang::Nl);
    let s10 = crate::tui::fmt::num(c.spearman[1][0], 2, Lang::Nl);
    assert!(screen.contains(&p01) && screen.contains(&s10), "{screen}");
    // The keys belong to the heat map while it is open.
    let ctxs = crate::tui::keymap::contexts(&app);
    assert_eq!(ctxs, vec![crate::tui::keymap::Ctx::Correlations]);
    act(&mut app, &[Action::ToggleCorrelations]);
    assert!(app.correlations.is_none());
}

#[test]
fn snapshot_correlations() {
    let mut app = app();
    act(&mut app, &[Action::ToggleCorrelations]);
    insta::assert_snapshot!(draw(&app));
}

/// The app as `buurtradar` starts it on the sample: with its follow-up year.
fn app_with_followup() -> App {
    let mut app = app();
    let rules = crate::args::years::YearRules::new(
        &crate::args::InputArgs::default(),
        &Profile::smartstart().unwrap(),
    );
    let f = crate::args::YearArgs::default()
        .load_followup(true, &rules)
        .unwrap();
    app.followup = Some((f.view, f.code_map.map(|(_, m)| m)));
    app
}

#[test]
fn capital_e_measures_the_planted_effect_on_the_shortlist() {
    let mut app = app_with_followup();
    let pilots: Vec<String> = app
        .shortlist()
        .iter()
        .map(|&u| app.analysis.units[u].code.clone())
        .collect();
    assert_eq!(pilots, ["BU99990210", "BU99990009", "BU99990808"]);
    act(&mut app, &[Action::ToggleEffect]);
    let r = app.effect.clone().unwrap().unwrap();
    assert_eq!(r.pilots, pilots);
    let youth = r
        .rows
        .iter()
        .find(|d| d.indicator == "youth_care_pct")
        .unwrap();
    assert!((youth.did.unwrap() + 2.0).abs() < 1e-9, "{youth:?}");
    let screen = draw(&app);
    assert!(screen.contains("Effectmeting"), "{screen}");
    assert!(
        screen.contains("-2.00") || screen.contains("-2,00"),
        "{screen}"
    );
    act(&mut app, &[Action::ToggleEffect]);
    assert!(app.effect.is_none());
}

#[test]
fn without_a_follow_up_year_e_says_how_to_get_one() {
    let mut app = app();
    act(&mut app, &[Action::ToggleEffect]);
    assert!(app.effect.is_none());
    let s = app.status.clone().unwrap();
    assert!(s.error && s.text.contains("--followup"), "{}", s.text);
}

#[test]
fn snapshot_effect() {
    let mut app = app_with_followup();
    act(&mut app, &[Action::ToggleEffect]);
    insta::assert_snapshot!(draw(&app));
}
