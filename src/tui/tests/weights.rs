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

#[test]
fn i_flips_a_direction_and_the_ranking_follows() {
    let mut app = app();
    let j = weight_index(&app, "woz_mean");
    app.weight_cursor = j;
    let dirs = app.analysis.prepared.directions().to_vec();
    let before = app.analysis.ranking.order.clone();
    let picks_before = app.picks.clone();
    let effects = act(&mut app, &[Action::FlipDirection]);
    assert!(matches!(effects.as_slice(), [Effect::Stability { .. }]));
    let after = app.analysis.prepared.directions().to_vec();
    assert_ne!(after[j], dirs[j]);
    assert_eq!(
        after.iter().zip(&dirs).filter(|(a, b)| a != b).count(),
        1,
        "only the one under the cursor"
    );
    assert_ne!(app.analysis.ranking.order, before);
    assert_eq!(app.picks, picks_before);
    assert!(
        app.unsaved(),
        "a flipped direction is an edit quitting asks about"
    );
    assert_eq!(
        app.profile_as_shown()
            .indicators
            .iter()
            .find(|i| i.id == "woz_mean")
            .and_then(|i| i.direction),
        Some(after[j])
    );
    // Flipping back gives the profile's ranking again.
    act(&mut app, &[Action::FlipDirection]);
    assert_eq!(app.analysis.ranking.order, before);
}

#[test]
fn a_profile_the_data_lacks_still_opens_on_the_datas_indicators() {
    let s = sample();
    let p = Profile::parse(
        r#"
name = "elders"
[[indicator]]
id = "ses_woa_score"
weight = 5
direction = "risk"
"#,
    )
    .unwrap();
    let mut app = App::new(
        s.ds.clone(),
        s.inputs.clone(),
        p,
        Lang::Nl,
        Theme { color: true },
    )
    .unwrap();
    let status = app.status.clone().unwrap();
    assert!(status.error, "{}", status.text);
    assert!(status.text.contains("ses_woa_score"), "{}", status.text);
    let ids = app.analysis.prepared.indicators().to_vec();
    assert!(ids.len() > 3, "{ids:?}");
    for id in &ids {
        let ind = app.ds.indicator(id).unwrap();
        assert!(ind.meta.known, "{id}");
        assert_ne!(ind.meta.unit, "count", "{id}: head counts rank size");
    }
    assert!(app.unsaved(), "the stand-in profile is the user's to save");
    // The weights pane works on them: a weight and a direction.
    app.weight_cursor = 0;
    let effects = act(&mut app, &[Action::WeightStep(4.0), Action::FlipDirection]);
    assert_eq!(effects.len(), 2, "{:?}", app.status);
    assert_eq!(app.weights[0], 5.0);
}
