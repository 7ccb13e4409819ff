#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::domain::profile::Aggregation;
use crate::domain::score::tests::{facts, profile};
use crate::domain::score::{IndicatorColumn, ScoreInput};
use crate::domain::value::Direction;

const X: [Option<f64>; 6] = [
    Some(10.0),
    Some(20.0),
    Some(35.0),
    Some(40.0),
    Some(55.0),
    Some(60.0),
];
const Y: [Option<f64>; 6] = [Some(9.0), Some(7.0), Some(1.0), None, Some(2.0), Some(3.0)];
const Z: [Option<f64>; 6] = [
    Some(4.0),
    Some(1.0),
    Some(8.0),
    Some(0.0),
    Some(6.0),
    Some(9.0),
];

fn prepared(agg: Aggregation) -> Prepared {
    let units: Vec<_> = (1..=6).map(|i| facts(&format!("BU0{i}"))).collect();
    let input = ScoreInput {
        units: &units,
        columns: vec![
            IndicatorColumn {
                id: "x",
                values: &X,
                default_direction: None,
            },
            IndicatorColumn {
                id: "y",
                values: &Y,
                default_direction: None,
            },
            IndicatorColumn {
                id: "z",
                values: &Z,
                default_direction: None,
            },
        ],
    };
    let mut p = profile(&[
        ("x", 2.0, Direction::Risk),
        ("y", 1.0, Direction::Risk),
        ("z", 1.0, Direction::Risk),
    ]);
    p.aggregation.method = agg;
    Prepared::new(&input, &p).unwrap()
}

fn raw(id: &str) -> Option<&'static [Option<f64>]> {
    match id {
        "x" => Some(&X),
        "y" => Some(&Y),
        "z" => Some(&Z),
        _ => None,
    }
}

/// Whether `a` scores above `b` under `weights`.
/// `None` when one of them drops out (coverage) under these weights.
fn a_ahead(p: &Prepared, weights: &[f64], a: usize, b: usize) -> Option<bool> {
    let r = p.rank(weights).unwrap();
    Some(r.units[a].score? > r.units[b].score?)
}

#[test]
fn the_gap_split_adds_up_to_the_score_gap() {
    for agg in [Aggregation::Arithmetic, Aggregation::Geometric] {
        let p = prepared(agg);
        let r = p.rank_profile().unwrap();
        for (a, b) in [(0, 1), (2, 4), (3, 5), (5, 0)] {
            let c = compare(&p, &r, raw, ("A", "B"), a, b).unwrap();
            let want = match agg {
                Aggregation::Arithmetic => c.score_a - c.score_b,
                Aggregation::Geometric => c.score_a.ln() - c.score_b.ln(),
            };
            let split: f64 = c.rows.iter().map(|r| r.gap).sum();
            assert!(
                (split - want).abs() < 1e-12,
                "{agg:?} {a} {b}: {split} vs {want}"
            );
            assert!((c.gap - want).abs() < 1e-12);
            for (j, row) in c.rows.iter().enumerate() {
                assert_eq!(row.contribution_a, r.contributions(a)[j]);
                assert_eq!(row.norm_b, p.normalised(b, j));
            }
        }
    }
}

#[test]
fn values_and_contributions_by_hand() {
    // Unit 4 (index 3) lacks y: its weights renormalise over x and z (2 + 1).
    let p = prepared(Aggregation::Arithmetic);
    let r = p.rank_profile().unwrap();
    let c = compare(&p, &r, raw, ("BU04", "BU01"), 3, 0).unwrap();
    assert_eq!(c.rows[1].value_a, None);
    assert_eq!(c.rows[1].contribution_a, 0.0);
    assert_eq!(c.rows[0].value_a, Some(40.0));
    let want = 2.0 / 3.0 * p.normalised(3, 0).unwrap();
    assert!((c.rows[0].contribution_a - want).abs() < 1e-15);
    let want_b = 1.0 / 4.0 * p.normalised(0, 1).unwrap();
    assert!((c.rows[1].contribution_b - want_b).abs() < 1e-15);
}

#[test]
fn the_order_flips_exactly_at_the_reported_weight() {
    for agg in [Aggregation::Arithmetic, Aggregation::Geometric] {
        let p = prepared(agg);
        let r = p.rank_profile().unwrap();
        let mut checked = 0;
        for a in 0..6 {
            for b in 0..6 {
                if a == b {
                    continue;
                }
                let c = compare(&p, &r, raw, ("A", "B"), a, b).unwrap();
                let now = a_ahead(&p, &r.weights, a, b);
                for (j, row) in c.rows.iter().enumerate() {
                    let Some(t) = row.flip_weight else { continue };
                    // Just past the flip, seen from the current weight, the
                    // order is the other way round; just before, unchanged.
                    let dir = if t > r.weights[j] { 1.0 } else { -1.0 };
                    let mut w = r.weights.clone();
                    w[j] = t + dir * 1e-6 * t.max(1.0);
                    if w[j] < 0.0 || w.iter().all(|&x| x == 0.0) {
                        continue;
                    }
                    let Some(after) = a_ahead(&p, &w, a, b) else {
                        continue;
                    };
                    assert_ne!(Some(after), now, "{agg:?} {a} vs {b} on {j} at {t}");
                    w[j] = t - dir * 1e-6 * t.max(1.0);
                    if w[j] >= 0.0 && w.iter().any(|&x| x > 0.0) {
                        if let Some(before) = a_ahead(&p, &w, a, b) {
                            assert_eq!(Some(before), now, "{agg:?} {a} vs {b} before {t}");
                        }
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 10, "the fixture has flips to check: {checked}");
    }
}

#[test]
fn no_flip_when_one_unit_leads_on_every_indicator() {
    // BU06 (60, 3, 9) leads BU05 (55, 2, 6) on x, y and z: no weight on any
    // one indicator can put BU05 ahead.
    let p = prepared(Aggregation::Arithmetic);
    let r = p.rank_profile().unwrap();
    let c = compare(&p, &r, raw, ("BU06", "BU05"), 5, 4).unwrap();
    for row in &c.rows {
        assert!(row.gap > 0.0 && row.flip_weight.is_none(), "{row:?}");
    }
    // BU06 against BU02 (20, 7, 1): BU02 leads on y only, so lowering x
    // (where BU06 leads most) or raising y can flip the order.
    let c = compare(&p, &r, raw, ("BU06", "BU02"), 5, 1).unwrap();
    assert!(
        c.rows[1].flip_weight.is_some_and(|t| t > 1.0),
        "{:?}",
        c.rows[1]
    );
}

#[test]
fn unranked_or_identical_units_are_errors_naming_the_unit() {
    let p = prepared(Aggregation::Arithmetic);
    let r = p.rank_profile().unwrap();
    assert_eq!(
        compare(&p, &r, raw, ("BU01", "BU01"), 0, 0).unwrap_err(),
        CompareError::Same {
            code: "BU01".into()
        }
    );
    let mut r2 = r.clone();
    r2.units[1].score = None;
    let e = compare(&p, &r2, raw, ("BU01", "BU02"), 0, 1).unwrap_err();
    assert!(e.to_string().contains("BU02"), "{e}");
}
