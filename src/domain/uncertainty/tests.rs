//! End-to-end checks of [`stability`] on synthetic data, and the fixtures
//! the per-module tests share.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::compact::Compact;
use super::draws::DrawPlan;
use super::run::run;
use super::*;
use crate::domain::profile::{Aggregation, MonteCarlo, NormalisationMethod, Profile};
use crate::domain::score::tests::{facts, profile};
use crate::domain::score::{IndicatorColumn, Prepared, ScoreError, ScoreInput, UnitFacts};
use crate::domain::value::Direction;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Deterministic synthetic data: a latent need per unit drives every
/// indicator, plus noise; some values missing; some units ineligible.
pub(super) struct Synth {
    units: Vec<UnitFacts>,
    columns: Vec<Vec<Option<f64>>>,
    ids: Vec<String>,
}

pub(super) fn synth(n: usize, m: usize, seed: u64, eligible_share: f64) -> Synth {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut units = Vec::with_capacity(n);
    let mut latent = Vec::with_capacity(n);
    for i in 0..n {
        let mut f = facts(&format!("BU{:08}", (i * 7919) % 100_000_000));
        f.primary_schools = Some(if rng.random::<f64>() < eligible_share {
            3
        } else {
            1
        });
        units.push(f);
        latent.push(rng.random::<f64>());
    }
    let columns = (0..m)
        .map(|j| {
            latent
                .iter()
                .map(|&z| {
                    if rng.random::<f64>() < 0.03 {
                        None
                    } else {
                        let noise: f64 = rng.random();
                        let v = 0.6 * z + 0.4 * noise;
                        Some(if j % 5 == 4 {
                            100.0 - 50.0 * v
                        } else {
                            50.0 * v
                        })
                    }
                })
                .collect()
        })
        .collect();
    Synth {
        units,
        columns,
        ids: (0..m).map(|j| format!("i{j}")).collect(),
    }
}

impl Synth {
    pub(super) fn input(&self) -> ScoreInput<'_> {
        ScoreInput {
            units: &self.units,
            columns: self
                .ids
                .iter()
                .zip(&self.columns)
                .enumerate()
                .map(|(j, (id, values))| IndicatorColumn {
                    id,
                    values,
                    default_direction: Some(if j % 5 == 4 {
                        Direction::Protective
                    } else {
                        Direction::Risk
                    }),
                })
                .collect(),
        }
    }

    pub(super) fn profile(&self) -> Profile {
        let spec: Vec<(&str, f64, Direction)> = self
            .ids
            .iter()
            .enumerate()
            .map(|(j, id)| (id.as_str(), 1.0 + j as f64, Direction::Risk))
            .collect();
        let mut p = profile(&spec);
        for ind in &mut p.indicators {
            ind.direction = None;
        }
        p.eligibility.min_primary_schools = 3;
        p
    }
}

pub(super) fn settings(draws: usize, seed: u64, concentration: f64) -> MonteCarlo {
    MonteCarlo {
        draws,
        seed,
        concentration,
        vary_normalisation: false,
    }
}

fn setup(n: usize, m: usize) -> (Synth, Profile) {
    let s = synth(n, m, 7, 0.5);
    let p = s.profile();
    (s, p)
}

#[test]
fn same_seed_same_result_other_seed_differs() {
    let (s, p) = setup(60, 4);
    let prep = Prepared::new(&s.input(), &p).unwrap();
    let r = prep.rank_profile().unwrap();
    let a = stability(&prep, &r, &settings(200, 11, 5.0)).unwrap();
    let b = stability(&prep, &r, &settings(200, 11, 5.0)).unwrap();
    assert_eq!(a, b);
    let c = stability(&prep, &r, &settings(200, 12, 5.0)).unwrap();
    assert_ne!(a.units, c.units);
    assert_eq!(
        a.units.iter().filter(|u| u.is_some()).count(),
        r.ranked_count()
    );
}

#[test]
fn high_concentration_reproduces_base_ranks() {
    let (s, p) = setup(60, 4);
    let prep = Prepared::new(&s.input(), &p).unwrap();
    let r = prep.rank_profile().unwrap();
    let st = stability(&prep, &r, &settings(50, 3, 1e12)).unwrap();
    for (u, res) in r.units.iter().enumerate() {
        let Some(rank) = res.rank else {
            assert!(st.units[u].is_none());
            continue;
        };
        let us = st.units[u].as_ref().unwrap();
        assert_eq!(us.rank.median as usize, rank, "unit {u}");
        assert_eq!((us.rank.p05 as usize, us.rank.p95 as usize), (rank, rank));
        match (&us.eligible, res.eligible_rank) {
            (Some(e), Some(er)) => {
                assert_eq!(e.rank.median as usize, er);
                let in_top = er <= r.top_k;
                assert_eq!(e.p_top_k, if in_top { 1.0 } else { 0.0 });
                let want = if in_top {
                    StabilityLabel::RobustIn
                } else {
                    StabilityLabel::Out
                };
                assert_eq!(e.label, want);
            }
            (None, None) => {}
            other => panic!("eligibility mismatch {other:?}"),
        }
    }
    assert_eq!(st.same_shortlist_share, 1.0);
    assert!(st
        .sensitivity
        .iter()
        .all(|s| s.share_changed == if s.changes_at_base { 1.0 } else { 0.0 }));
}

#[test]
fn all_eligible_shares_one_rank_table() {
    let s = synth(40, 3, 9, 1.0);
    let p = s.profile();
    let prep = Prepared::new(&s.input(), &p).unwrap();
    let r = prep.rank_profile().unwrap();
    assert_eq!(r.eligible_count(), r.ranked_count());
    let st = stability(&prep, &r, &settings(30, 3, 1e12)).unwrap();
    for (u, res) in r.units.iter().enumerate() {
        let Some(us) = st.units[u].as_ref() else {
            assert!(res.rank.is_none());
            continue;
        };
        let e = us.eligible.as_ref().unwrap();
        assert_eq!(e.rank, us.rank);
        assert_eq!(e.rank.median as usize, res.eligible_rank.unwrap());
    }
}

#[test]
fn probabilities_and_labels_are_consistent() {
    let (s, p) = setup(80, 5);
    let prep = Prepared::new(&s.input(), &p).unwrap();
    let r = prep.rank_profile().unwrap();
    let st = stability(&prep, &r, &settings(300, 5, 3.0)).unwrap();
    let total: f64 = st
        .units
        .iter()
        .flatten()
        .filter_map(|u| u.eligible.as_ref())
        .map(|e| e.p_top_k)
        .sum();
    // Every draw puts exactly k eligible units in its top-k.
    assert!((total - r.top_k as f64).abs() < 1e-9, "{total}");
    for e in st
        .units
        .iter()
        .flatten()
        .filter_map(|u| u.eligible.as_ref())
    {
        assert_eq!(e.label, StabilityLabel::from_probability(e.p_top_k));
        assert!(e.rank.p05 <= e.rank.median && e.rank.median <= e.rank.p95);
    }
    assert!(st.sensitivity.iter().any(|s| s.share_changed > 0.0));
    assert!(st
        .sensitivity
        .iter()
        .all(|s| (0.0..=1.0).contains(&s.share_changed)));
    assert_eq!(
        StabilityLabel::from_probability(0.9),
        StabilityLabel::RobustIn
    );
    assert_eq!(
        StabilityLabel::from_probability(0.1),
        StabilityLabel::Borderline
    );
    assert_eq!(
        StabilityLabel::from_probability(0.0999),
        StabilityLabel::Out
    );
}

#[test]
fn result_does_not_depend_on_threads_or_storage() {
    let (s, p) = setup(50, 3);
    let prep = Prepared::new(&s.input(), &p).unwrap();
    let r = prep.rank_profile().unwrap();
    let mc = MonteCarlo {
        vary_normalisation: true,
        ..settings(101, 9, 4.0)
    };
    let c = Compact::new(&prep, &r, &NormalisationMethod::ALL);
    let plan = DrawPlan::generate(&r.weights, &mc, 3);
    let one = run::<u16>(&c, &plan, r.top_k, 1);
    assert_eq!(one, run::<u16>(&c, &plan, r.top_k, 4));
    assert_eq!(one, run::<u32>(&c, &plan, r.top_k, 3));
    assert!(plan.methods.iter().any(|&m| m != plan.methods[0]));
}

#[test]
fn sensitivity_detects_a_decisive_indicator() {
    // Four eligible units, top-1. Indicator "a" favours U1, "b" favours U2;
    // with weights 1:1.2, U2 leads; raising a by 50% makes U1 lead.
    let units: Vec<UnitFacts> = (1..=4).map(|i| facts(&format!("BU{i}"))).collect();
    let a = [Some(10.0), Some(0.0), Some(0.0), Some(0.0)];
    let b = [Some(0.0), Some(10.0), Some(0.0), Some(0.0)];
    let c = [Some(0.0), Some(0.0), Some(1.0), Some(0.0)];
    let input = ScoreInput {
        units: &units,
        columns: vec![
            IndicatorColumn {
                id: "a",
                values: &a,
                default_direction: None,
            },
            IndicatorColumn {
                id: "b",
                values: &b,
                default_direction: None,
            },
            IndicatorColumn {
                id: "c",
                values: &c,
                default_direction: None,
            },
        ],
    };
    let mut p = profile(&[
        ("a", 1.0, Direction::Risk),
        ("b", 1.2, Direction::Risk),
        ("c", 0.1, Direction::Risk),
    ]);
    p.top_k = 1;
    p.normalisation.method = NormalisationMethod::MinMax;
    p.aggregation.method = Aggregation::Arithmetic;
    let prep = Prepared::new(&input, &p).unwrap();
    let r = prep.rank_profile().unwrap();
    assert_eq!(r.shortlist, vec![1]);
    let st = stability(&prep, &r, &settings(200, 1, 1e9)).unwrap();
    let by_id = |id: &str| st.sensitivity.iter().find(|s| s.id == id).unwrap().clone();
    assert!(by_id("a").changes_at_base);
    assert_eq!(by_id("a").share_changed, 1.0);
    assert!(!by_id("b").changes_at_base);
    assert!(!by_id("c").changes_at_base);
    assert_eq!(by_id("c").share_changed, 0.0);
}

#[test]
fn mismatched_ranking_and_bad_settings_are_errors() {
    let (s, p) = setup(20, 3);
    let prep = Prepared::new(&s.input(), &p).unwrap();
    let r = prep.rank_profile().unwrap();
    let (s2, p2) = setup(20, 2);
    let other = Prepared::new(&s2.input(), &p2).unwrap();
    assert!(matches!(
        stability(&other, &r, &settings(10, 1, 5.0)),
        Err(ScoreError::RankingMismatch)
    ));
    let err = stability(&prep, &r, &settings(0, 1, 5.0)).unwrap_err();
    assert!(err.to_string().contains("monte_carlo.draws"), "{err}");
    let err = stability(&prep, &r, &settings(10, 1, -1.0)).unwrap_err();
    assert!(
        err.to_string().contains("monte_carlo.concentration"),
        "{err}"
    );
}

#[test]
fn tiny_alphas_never_divide_by_zero() {
    let (s, p) = setup(30, 3);
    let prep = Prepared::new(&s.input(), &p).unwrap();
    let r = prep.rank_profile().unwrap();
    let st = stability(&prep, &r, &settings(50, 2, 1e-6)).unwrap();
    let ranked = st.units.iter().flatten().count();
    assert_eq!(ranked, r.ranked_count());
}
