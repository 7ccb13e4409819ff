//! The ranking engine end to end through its public API: embedded profile,
//! partial data, live re-weighting, saving weights, stability.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use buurtradar::domain::profile::Profile;
use buurtradar::domain::score::{
    rank, AbsentReason, IndicatorColumn, Prepared, ScoreInput, UnitFacts,
};
use buurtradar::domain::uncertainty::stability;
use buurtradar::domain::value::Direction;

fn units() -> Vec<UnitFacts> {
    (0..12)
        .map(|i| UnitFacts {
            code: format!("BU0855{i:04}"),
            name: format!("Buurt {i}"),
            gemeente_code: "GM0855".into(),
            gemeente_name: "Tilburg".into(),
            primary_schools: Some(if i % 3 == 0 { 2 } else { 4 }),
            inhabitants: Some(1000.0 + 100.0 * i as f64),
            children_0_15: Some(150.0),
            water: false,
        })
        .collect()
}

#[test]
fn smartstart_on_a_file_with_only_ses_woa() {
    let units = units();
    // SES-WOA is protective: the lowest score is the most need.
    let ses: Vec<Option<f64>> = (0..12).map(|i| Some(-0.3 + 0.05 * i as f64)).collect();
    let input = ScoreInput {
        units: &units,
        columns: vec![IndicatorColumn {
            id: "ses_woa_score",
            values: &ses,
            default_direction: Some(Direction::Protective),
        }],
    };
    let profile = Profile::smartstart().unwrap();
    let r = rank(&input, &profile).unwrap();

    assert_eq!(r.indicators, vec!["ses_woa_score".to_string()]);
    assert_eq!(r.absent.len(), profile.indicators.len() - 1);
    assert!(r
        .absent
        .iter()
        .all(|a| a.reason == AbsentReason::NotInInput));
    assert!(r.absent.iter().any(|a| a.id == "youth_care_pct"));
    // Weight renormalised over what is present: everyone fully covered.
    assert!(r.units.iter().all(|u| u.coverage == 1.0));
    assert_eq!(r.order[0], 0);
    // Units 0, 3, 6, 9 have two schools: the shortlist skips them.
    assert_eq!(r.shortlist, vec![1, 2, 4]);
    assert_eq!(r.units[1].eligible_rank, Some(1));
    assert_eq!(r.units[0].rank, Some(1));
    assert!(!r.units[0].eligible);
}

#[test]
fn live_reweighting_matches_a_saved_and_reloaded_profile() {
    let units = units();
    let a: Vec<Option<f64>> = (0..12).map(|i| Some(((i * 7) % 12) as f64)).collect();
    let b: Vec<Option<f64>> = (0..12).map(|i| Some(((i * 5) % 12) as f64)).collect();
    let input = ScoreInput {
        units: &units,
        columns: vec![
            IndicatorColumn {
                id: "low_income_hh_pct",
                values: &a,
                default_direction: Some(Direction::Risk),
            },
            IndicatorColumn {
                id: "youth_care_pct",
                values: &b,
                default_direction: Some(Direction::Risk),
            },
        ],
    };
    let mut profile = Profile::smartstart().unwrap();
    let prepared = Prepared::new(&input, &profile).unwrap();
    let j = prepared.index_of("youth_care_pct").unwrap();
    let mut weights = prepared.profile_weights().to_vec();
    weights[j] *= 4.0;
    let live = prepared.rank(&weights).unwrap();

    profile.set_weight("youth_care_pct", weights[j]);
    let saved = profile.to_toml().unwrap();
    let reloaded = Profile::parse(&saved).unwrap();
    let again = rank(&input, &reloaded).unwrap();
    assert_eq!(live, again);

    let st = stability(&prepared, &live, &reloaded.monte_carlo).unwrap();
    assert_eq!(st.draws, 1000);
    assert_eq!(st.sensitivity.len(), 2);
    let total: f64 = st
        .units
        .iter()
        .flatten()
        .filter_map(|u| u.eligible.as_ref())
        .map(|e| e.p_top_k)
        .sum();
    assert!((total - 3.0).abs() < 1e-9);
}
