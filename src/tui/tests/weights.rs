//! Re-weighting and switching the pilot unit.

use super::*;

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
