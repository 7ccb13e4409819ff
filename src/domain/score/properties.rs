//! Properties of any ranking: a permutation, scale-free weights, weight 0
//! equals dropping, ties by code, contributions that add up.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::tests::{facts, profile};
use super::*;
use crate::domain::profile::{Aggregation, NormalisationMethod};
use crate::domain::value::Direction;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Case {
    codes: Vec<String>,
    columns: Vec<Vec<Option<f64>>>,
    weights: Vec<f64>,
    protective: Vec<bool>,
    method: NormalisationMethod,
    agg: Aggregation,
}

fn case() -> impl Strategy<Value = Case> {
    (2usize..12, 1usize..5).prop_flat_map(|(n, m)| {
        (
            proptest::collection::hash_set("[A-Z]{3}", n),
            proptest::collection::vec(
                proptest::collection::vec(proptest::option::weighted(0.85, 0.0f64..100.0), n),
                m,
            ),
            proptest::collection::vec(0.0f64..10.0, m),
            proptest::collection::vec(any::<bool>(), m),
            prop_oneof![
                Just(NormalisationMethod::ZScore),
                Just(NormalisationMethod::MinMax),
                Just(NormalisationMethod::Percentile)
            ],
            prop_oneof![Just(Aggregation::Arithmetic), Just(Aggregation::Geometric)],
        )
            .prop_map(|(codes, columns, weights, protective, method, agg)| Case {
                codes: codes.into_iter().collect(),
                columns,
                weights,
                protective,
                method,
                agg,
            })
    })
}

fn ids(m: usize) -> Vec<String> {
    (0..m).map(|j| format!("i{j}")).collect()
}

/// `None` when no weighted indicator has data (a generated column can be
/// all missing): that case is covered by its own test.
fn run_case(c: &Case, weights: &[f64], keep: &[bool]) -> Option<Ranking> {
    let units: Vec<UnitFacts> = c.codes.iter().map(|code| facts(code)).collect();
    let ids = ids(c.columns.len());
    let input = ScoreInput {
        units: &units,
        columns: c
            .columns
            .iter()
            .zip(&ids)
            .map(|(v, id)| IndicatorColumn {
                id,
                values: v,
                default_direction: None,
            })
            .collect(),
    };
    let spec: Vec<(&str, f64, Direction)> = (0..c.columns.len())
        .filter(|&j| keep[j])
        .map(|j| {
            let d = if c.protective[j] {
                Direction::Protective
            } else {
                Direction::Risk
            };
            (ids[j].as_str(), weights[j], d)
        })
        .collect();
    let mut p = profile(&spec);
    p.normalisation.method = c.method;
    p.aggregation.method = c.agg;
    p.missing.min_coverage = 0.5;
    match rank(&input, &p) {
        Ok(r) => Some(r),
        Err(ScoreError::NoIndicatorPresent { .. } | ScoreError::AllWeightsZero) => None,
        Err(e) => panic!("{e}"),
    }
}

fn positive(w: &[f64]) -> bool {
    w.iter().any(|&x| x > 0.0)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn ranks_are_a_permutation(c in case()) {
        prop_assume!(positive(&c.weights));
        let all = vec![true; c.weights.len()];
        let Some(r) = run_case(&c, &c.weights, &all) else {
            return Ok(());
        };
        let mut ranks: Vec<usize> = r.units.iter().filter_map(|u| u.rank).collect();
        ranks.sort_unstable();
        prop_assert_eq!(ranks, (1..=r.order.len()).collect::<Vec<_>>());
        for u in &r.units {
            prop_assert_eq!(u.score.is_some(), u.rank.is_some());
            prop_assert_eq!(u.eligible_rank.is_some(), u.rank.is_some() && u.eligible);
        }
        let elig: Vec<usize> =
            r.order.iter().copied().filter(|&u| r.units[u].eligible).collect();
        prop_assert_eq!(&r.shortlist[..], &elig[..elig.len().min(3)]);
    }

    #[test]
    fn scaling_all_weights_changes_nothing(c in case(), k in 0.01f64..100.0) {
        prop_assume!(positive(&c.weights));
        let keep = vec![true; c.weights.len()];
        let scaled: Vec<f64> = c.weights.iter().map(|w| w * k).collect();
        let (Some(a), Some(b)) = (run_case(&c, &c.weights, &keep), run_case(&c, &scaled, &keep))
        else {
            return Ok(());
        };
        prop_assert_eq!(&a.order, &b.order);
        for (x, y) in a.units.iter().zip(&b.units) {
            prop_assert_eq!(x.score.is_some(), y.score.is_some());
            if let (Some(s), Some(t)) = (x.score, y.score) {
                prop_assert!((s - t).abs() <= 1e-9 * (1.0 + s.abs()));
            }
            prop_assert!((x.coverage - y.coverage).abs() < 1e-12);
        }
    }

    #[test]
    fn zero_weight_equals_dropping(c in case(), drop in 0usize..5) {
        let m = c.weights.len();
        let drop = drop % m;
        let mut w = c.weights.clone();
        w[drop] = 0.0;
        if !positive(&w) {
            return Ok(());
        }
        let mut keep = vec![true; m];
        let zeroed = run_case(&c, &w, &keep);
        keep[drop] = false;
        let dropped = run_case(&c, &w, &keep);
        prop_assert_eq!(zeroed.is_some(), dropped.is_some());
        let (Some(zeroed), Some(dropped)) = (zeroed, dropped) else {
            return Ok(());
        };
        prop_assert_eq!(&zeroed.order, &dropped.order);
        for (x, y) in zeroed.units.iter().zip(&dropped.units) {
            prop_assert_eq!(x.score, y.score);
            prop_assert_eq!(x.rank, y.rank);
            prop_assert_eq!(x.coverage, y.coverage);
        }
    }

    #[test]
    fn ties_are_broken_by_code(c in case(), copy in 0usize..12) {
        prop_assume!(positive(&c.weights));
        // Duplicate one unit under a new code: same score, adjacent ranks.
        let mut c = c;
        let src = copy % c.codes.len();
        c.codes.push(format!("{}0", c.codes[src]));
        for col in &mut c.columns {
            let v = col[src];
            col.push(v);
        }
        let all = vec![true; c.weights.len()];
        let Some(r) = run_case(&c, &c.weights, &all) else {
            return Ok(());
        };
        for pair in r.order.windows(2) {
            let (a, b) = (&r.units[pair[0]], &r.units[pair[1]]);
            prop_assert!(a.score >= b.score);
            if a.score == b.score {
                prop_assert!(c.codes[pair[0]] < c.codes[pair[1]]);
            }
        }
        let dup = c.codes.len() - 1;
        prop_assert_eq!(r.units[src].score, r.units[dup].score);
        if let (Some(a), Some(b)) = (r.units[src].rank, r.units[dup].rank) {
            prop_assert_eq!(a + 1, b);
        }
    }

    #[test]
    fn contributions_sum_to_score(c in case()) {
        prop_assume!(positive(&c.weights));
        let all = vec![true; c.weights.len()];
        let Some(r) = run_case(&c, &c.weights, &all) else {
            return Ok(());
        };
        for (u, unit) in r.units.iter().enumerate() {
            let sum: f64 = r.contributions(u).iter().sum();
            match (unit.score, c.agg) {
                (Some(s), Aggregation::Arithmetic) => prop_assert_eq!(sum, s),
                (Some(s), Aggregation::Geometric) => {
                    prop_assert!((sum - s.ln()).abs() < 1e-12)
                }
                (None, _) => prop_assert_eq!(sum, 0.0),
            }
        }
    }
}
