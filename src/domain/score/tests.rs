//! Hand-computed fixtures through the whole pipeline, input and profile
//! errors, and the helpers other tests build profiles and units with.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::domain::profile::{
    Aggregation, IndicatorWeight, NormalisationMethod, Profile, Reference,
};
use crate::domain::select::IneligibleReason;
use crate::domain::value::Direction;

pub(crate) fn facts(code: &str) -> UnitFacts {
    UnitFacts {
        code: code.to_string(),
        name: format!("buurt {code}"),
        gemeente_code: "GM0855".into(),
        gemeente_name: "Tilburg".into(),
        primary_schools: Some(3),
        inhabitants: Some(1000.0),
        children_0_15: Some(150.0),
        water: false,
    }
}

/// A profile with the given (id, weight, direction) and documented defaults.
pub(crate) fn profile(indicators: &[(&str, f64, Direction)]) -> Profile {
    let mut p = Profile::parse("name = \"t\"\n[[indicator]]\nid = \"x\"\nweight = 1\n")
        .unwrap_or_else(|e| panic!("{e}"));
    p.indicators = indicators
        .iter()
        .map(|&(id, weight, d)| IndicatorWeight {
            id: id.to_string(),
            weight,
            direction: Some(d),
            sensitive: false,
        })
        .collect();
    p.eligibility.min_primary_schools = 0;
    p
}

// The hand-computed fixture: 6 units U1..U6 (codes BU01..BU06), 3 indicators.
//   a (risk, w 2):       10 20 30 40 50 60
//   b (protective, w 1):  5  3  .  1  2  4   (U3 missing)
//   c (risk, w 1):        4  4  8  0  2  6   (U1, U2 tied)
// U3 has 3 of 4 weight points: coverage 0.75 >= 0.7, so it is ranked with
// weights renormalised to a 2/3, c 1/3. Everyone else: a 1/2, b 1/4, c 1/4.
const A: [Option<f64>; 6] = [
    Some(10.0),
    Some(20.0),
    Some(30.0),
    Some(40.0),
    Some(50.0),
    Some(60.0),
];
const B: [Option<f64>; 6] = [Some(5.0), Some(3.0), None, Some(1.0), Some(2.0), Some(4.0)];
const C: [Option<f64>; 6] = [
    Some(4.0),
    Some(4.0),
    Some(8.0),
    Some(0.0),
    Some(2.0),
    Some(6.0),
];

fn fixture_units() -> Vec<UnitFacts> {
    (1..=6).map(|i| facts(&format!("BU0{i}"))).collect()
}

fn fixture_rank(method: NormalisationMethod, agg: Aggregation) -> Ranking {
    let units = fixture_units();
    let input = ScoreInput {
        units: &units,
        columns: vec![
            IndicatorColumn {
                id: "a",
                values: &A,
                default_direction: None,
            },
            IndicatorColumn {
                id: "b",
                values: &B,
                default_direction: None,
            },
            IndicatorColumn {
                id: "c",
                values: &C,
                default_direction: None,
            },
        ],
    };
    let mut p = profile(&[
        ("a", 2.0, Direction::Risk),
        ("b", 1.0, Direction::Protective),
        ("c", 1.0, Direction::Risk),
    ]);
    p.normalisation.method = method;
    p.aggregation.method = agg;
    rank(&input, &p).unwrap()
}

/// Contributions per unit from per-unit normalised (or ln g) values
/// [a, b, c] with `None` for U3's b.
fn weighted(v: [[f64; 3]; 6]) -> [[f64; 3]; 6] {
    let mut out = [[0.0; 3]; 6];
    for u in 0..6 {
        out[u] = if u == 2 {
            [2.0 / 3.0 * v[u][0], 0.0, 1.0 / 3.0 * v[u][2]]
        } else {
            [0.5 * v[u][0], 0.25 * v[u][1], 0.25 * v[u][2]]
        };
    }
    out
}

fn assert_fixture(r: &Ranking, contrib: [[f64; 3]; 6], scores: [f64; 6], order: [usize; 6]) {
    for u in 0..6 {
        let got = r.contributions(u);
        for j in 0..3 {
            assert!(
                (got[j] - contrib[u][j]).abs() < 1e-9,
                "U{} {}: got {} want {}",
                u + 1,
                r.indicators[j],
                got[j],
                contrib[u][j]
            );
        }
        let s = r.units[u].score.unwrap();
        assert!(
            (s - scores[u]).abs() < 1e-9,
            "U{} score {s} want {}",
            u + 1,
            scores[u]
        );
    }
    let want: Vec<usize> = order.iter().map(|u| u - 1).collect();
    assert_eq!(r.order, want);
    for (pos, &u) in r.order.iter().enumerate() {
        assert_eq!(r.units[u].rank, Some(pos + 1));
        assert_eq!(r.units[u].eligible_rank, Some(pos + 1));
    }
    assert_eq!(r.shortlist, want[..3].to_vec());
    assert!((r.units[2].coverage - 0.75).abs() < 1e-15);
    assert_eq!(r.units[0].coverage, 1.0);
}

fn sum_rows(c: [[f64; 3]; 6]) -> [f64; 6] {
    c.map(|row| row.iter().sum())
}

#[test]
fn fixture_z_score_arithmetic() {
    // a: mean 35, deviations -25 -15 -5 5 15 25, variance 1750/6.
    // b negated: -5 -3 . -1 -2 -4, mean -3, deviations -2 0 . 2 1 -1,
    //   variance 10/5 = 2.
    // c: mean 4, deviations 0 0 4 -4 -2 2, variance 40/6.
    let sa = (1750.0f64 / 6.0).sqrt();
    let sb = 2.0f64.sqrt();
    let sc = (40.0f64 / 6.0).sqrt();
    let z = [
        [-25.0 / sa, -2.0 / sb, 0.0],
        [-15.0 / sa, 0.0, 0.0],
        [-5.0 / sa, f64::NAN, 4.0 / sc],
        [5.0 / sa, 2.0 / sb, -4.0 / sc],
        [15.0 / sa, 1.0 / sb, -2.0 / sc],
        [25.0 / sa, -1.0 / sb, 2.0 / sc],
    ];
    let c = weighted(z);
    // Scores: U1 -1.0855, U2 -0.4392, U3 0.3212, U4 0.1126, U5 0.4223,
    // U6 0.7488, so the order is U6 U5 U3 U4 U2 U1.
    let r = fixture_rank(NormalisationMethod::ZScore, Aggregation::Arithmetic);
    assert_fixture(&r, c, sum_rows(c), [6, 5, 3, 4, 2, 1]);
    assert!((r.units[0].score.unwrap() - -1.085_478_445_305).abs() < 1e-9);
}

#[test]
fn fixture_min_max_arithmetic() {
    // a: (x-10)/50; b negated: (5-x)/4; c: x/8.
    let v = [
        [0.0, 0.0, 0.5],
        [0.2, 0.5, 0.5],
        [0.4, f64::NAN, 1.0],
        [0.6, 1.0, 0.0],
        [0.8, 0.75, 0.25],
        [1.0, 0.25, 0.75],
    ];
    // U1 0.125, U2 0.35, U3 0.6, U4 0.55, U5 0.65, U6 0.75.
    let scores = [0.125, 0.35, 0.6, 0.55, 0.65, 0.75];
    let r = fixture_rank(NormalisationMethod::MinMax, Aggregation::Arithmetic);
    assert_fixture(&r, weighted(v), scores, [6, 5, 3, 4, 2, 1]);
}

#[test]
fn fixture_percentile_arithmetic() {
    // Mid-distribution (#below + #equal/2)/n.
    // a: (r - 0.5)/6 = 1/12 3/12 ... 11/12.
    // b negated over 5 values: U1 0.1, U6 0.3, U2 0.5, U5 0.7, U4 0.9.
    // c: 0 -> 0.5/6, 2 -> 1.5/6, 4 (twice) -> (2 + 1)/6, 6 -> 4.5/6, 8 -> 5.5/6.
    let v = [
        [1.0 / 12.0, 0.1, 0.5],
        [3.0 / 12.0, 0.5, 0.5],
        [5.0 / 12.0, f64::NAN, 11.0 / 12.0],
        [7.0 / 12.0, 0.9, 1.0 / 12.0],
        [9.0 / 12.0, 0.7, 0.25],
        [11.0 / 12.0, 0.3, 0.75],
    ];
    // U1 0.19167, U2 0.375, U3 0.58333, U4 0.5375, U5 0.6125, U6 0.72083.
    let scores = [
        0.191_666_666_667,
        0.375,
        0.583_333_333_333,
        0.5375,
        0.6125,
        0.720_833_333_333,
    ];
    let r = fixture_rank(NormalisationMethod::Percentile, Aggregation::Arithmetic);
    assert_fixture(&r, weighted(v), scores, [6, 5, 3, 4, 2, 1]);
}

/// ln(0.01 + 0.99 t) for a position t in [0, 1] of the reference range.
fn lg(t: f64) -> f64 {
    (0.01 + 0.99 * t).ln()
}

fn geometric_expected(t: [[f64; 3]; 6]) -> ([[f64; 3]; 6], [f64; 6]) {
    let c = weighted(t.map(|row| row.map(lg)));
    (c, sum_rows(c).map(f64::exp))
}

#[test]
fn fixture_geometric_z_and_min_max_agree() {
    // Positions in the reference range are the min-max values for both
    // z-score and min-max (both affine in the raw value).
    let t = [
        [0.0, 0.0, 0.5],
        [0.2, 0.5, 0.5],
        [0.4, f64::NAN, 1.0],
        [0.6, 1.0, 0.0],
        [0.8, 0.75, 0.25],
        [1.0, 0.25, 0.75],
    ];
    let (c, scores) = geometric_expected(t);
    // U1 0.02666 (a and b at the floor), U2 0.3241, U3 0.5483,
    // U4 0.2458 (c at the floor), U5 0.5942, U6 0.6635:
    // U4 drops below U2, unlike the arithmetic mean.
    assert!((scores[0] - 0.026_657_710_333).abs() < 1e-9);
    for method in [NormalisationMethod::ZScore, NormalisationMethod::MinMax] {
        let r = fixture_rank(method, Aggregation::Geometric);
        assert_fixture(&r, c, scores, [6, 5, 3, 2, 4, 1]);
        for u in 0..6 {
            let sum: f64 = r.contributions(u).iter().sum();
            assert!((sum - r.units[u].score.unwrap().ln()).abs() < 1e-12);
        }
    }
}

#[test]
fn fixture_geometric_percentile() {
    // Percentiles rescaled over their reference range: a (1/12..11/12) and
    // b (0.1..0.9) give the min-max positions again; c (1/12..11/12):
    // 0.5 0.5 1 0 (1.5/6-0.5/6)/(10/12)=0.2 (4.5/6-0.5/6)/(10/12)=0.8.
    let t = [
        [0.0, 0.0, 0.5],
        [0.2, 0.5, 0.5],
        [0.4, f64::NAN, 1.0],
        [0.6, 1.0, 0.0],
        [0.8, 0.75, 0.2],
        [1.0, 0.25, 0.8],
    ];
    let (c, scores) = geometric_expected(t);
    // U5 0.5633, U6 0.6741.
    assert!((scores[4] - 0.563_286_890_536).abs() < 1e-9);
    let r = fixture_rank(NormalisationMethod::Percentile, Aggregation::Geometric);
    assert_fixture(&r, c, scores, [6, 5, 3, 2, 4, 1]);
}

#[test]
fn normalised_values_are_exposed() {
    let units = fixture_units();
    let input = ScoreInput {
        units: &units,
        columns: vec![IndicatorColumn {
            id: "b",
            values: &B,
            default_direction: Some(Direction::Protective),
        }],
    };
    let mut p = profile(&[("b", 1.0, Direction::Protective)]);
    p.indicators[0].direction = None;
    p.normalisation.method = NormalisationMethod::MinMax;
    let prep = Prepared::new(&input, &p).unwrap();
    assert_eq!(prep.normalised(0, 0), Some(0.0));
    assert_eq!(prep.normalised(3, 0), Some(1.0));
    assert_eq!(prep.normalised(2, 0), None);
    assert_eq!(prep.directions(), &[Direction::Protective]);
}

fn two_column_input<'a>(units: &'a [UnitFacts], a: &'a [Option<f64>]) -> ScoreInput<'a> {
    ScoreInput {
        units,
        columns: vec![
            IndicatorColumn {
                id: "a",
                values: a,
                default_direction: Some(Direction::Risk),
            },
            IndicatorColumn {
                id: "ctx",
                values: a,
                default_direction: Some(Direction::Neutral),
            },
            IndicatorColumn {
                id: "custom",
                values: a,
                default_direction: None,
            },
        ],
    }
}

#[test]
fn absent_columns_are_reported_and_weight_renormalised() {
    let units = fixture_units();
    let input = two_column_input(&units, &A);
    let p = profile(&[("a", 1.0, Direction::Risk), ("gone", 5.0, Direction::Risk)]);
    let r = rank(&input, &p).unwrap();
    assert_eq!(
        r.absent,
        vec![AbsentIndicator {
            id: "gone".into(),
            reason: AbsentReason::NotInInput
        }]
    );
    assert_eq!(r.indicators, vec!["a".to_string()]);
    assert!(r
        .units
        .iter()
        .all(|u| u.coverage == 1.0 && u.score.is_some()));

    let only_gone = profile(&[("gone", 1.0, Direction::Risk)]);
    let err = rank(&input, &only_gone).unwrap_err().to_string();
    assert!(err.contains("gone"), "{err}");
}

#[test]
fn column_without_reference_values_is_absent() {
    let units = fixture_units();
    let none = [None; 6];
    let mut input = two_column_input(&units, &A);
    input.columns.push(IndicatorColumn {
        id: "empty",
        values: &none,
        default_direction: Some(Direction::Risk),
    });
    let p = profile(&[("a", 1.0, Direction::Risk), ("empty", 1.0, Direction::Risk)]);
    let r = rank(&input, &p).unwrap();
    assert_eq!(r.absent[0].reason, AbsentReason::NoValuesInReference);
    assert_eq!(r.ranked_count(), 6);
}

#[test]
fn direction_errors_name_the_indicator() {
    let units = fixture_units();
    let input = two_column_input(&units, &A);
    let mut p = profile(&[("custom", 1.0, Direction::Risk)]);
    p.indicators[0].direction = None;
    let err = rank(&input, &p).unwrap_err().to_string();
    assert!(
        err.contains("`custom`") && err.contains("direction"),
        "{err}"
    );
    let mut p = profile(&[("a", 1.0, Direction::Risk), ("ctx", 1.0, Direction::Risk)]);
    p.indicators[1].direction = None;
    let err = rank(&input, &p).unwrap_err().to_string();
    assert!(err.contains("`ctx`") && err.contains("neutral"), "{err}");
    // A neutral context column may be listed with weight 0 ...
    p.indicators[1].weight = 0.0;
    let prep = Prepared::new(&input, &p).unwrap();
    // ... but not be given weight later.
    let err = prep.rank(&[1.0, 1.0]).unwrap_err().to_string();
    assert!(err.contains("`ctx`"), "{err}");
    let err = prep.rank(&[1.0]).unwrap_err().to_string();
    assert!(err.contains("expected 2 weights"), "{err}");
    let err = prep.rank(&[-1.0, 0.0]).unwrap_err().to_string();
    assert!(err.contains("`a`") && err.contains("-1"), "{err}");
}

#[test]
fn input_shape_errors() {
    let units = fixture_units();
    let short = [Some(1.0); 5];
    let input = ScoreInput {
        units: &units,
        columns: vec![IndicatorColumn {
            id: "a",
            values: &short,
            default_direction: Some(Direction::Risk),
        }],
    };
    let p = profile(&[("a", 1.0, Direction::Risk)]);
    assert!(matches!(
        rank(&input, &p),
        Err(ScoreError::ColumnLength { got: 5, .. })
    ));
    let input = ScoreInput {
        units: &units,
        columns: vec![
            IndicatorColumn {
                id: "a",
                values: &A,
                default_direction: None,
            },
            IndicatorColumn {
                id: "a",
                values: &A,
                default_direction: None,
            },
        ],
    };
    assert!(matches!(
        rank(&input, &p),
        Err(ScoreError::DuplicateColumn { .. })
    ));
}

#[test]
fn eligibility_reasons_in_ranking() {
    let mut units = fixture_units();
    units[0].primary_schools = Some(2); // too few schools
    units[1].water = true; // water
    units[3].inhabitants = Some(50.0); // too small
    units[4].gemeente_code = "GM0785".into(); // wrong gemeente
    units[4].gemeente_name = "Goirle".into();
    let input = ScoreInput {
        units: &units,
        columns: vec![
            IndicatorColumn {
                id: "a",
                values: &A,
                default_direction: None,
            },
            IndicatorColumn {
                id: "b",
                values: &B,
                default_direction: None,
            },
        ],
    };
    let mut p = profile(&[("a", 1.0, Direction::Risk), ("b", 1.0, Direction::Risk)]);
    p.eligibility.min_primary_schools = 3;
    p.eligibility.min_inhabitants = 200.0;
    p.eligibility.gemeenten = vec!["Tilburg".into(), "Tilburgg".into()];
    // U3 lacks b: coverage 0.5 < 0.7 (coverage too low).
    let r = rank(&input, &p).unwrap();
    let reasons = |u: usize| r.units[u].reasons.clone();
    assert_eq!(
        reasons(0),
        vec![IneligibleReason::TooFewSchools {
            have: Some(2),
            min: 3
        }]
    );
    assert_eq!(reasons(1), vec![IneligibleReason::Water]);
    assert_eq!(
        reasons(2),
        vec![IneligibleReason::CoverageTooLow {
            coverage: 0.5,
            min: 0.7
        }]
    );
    let nr = r.units[2].not_ranked.clone().unwrap();
    assert_eq!(nr.missing, vec!["b".to_string()]);
    assert!(nr.to_string().contains("50%"), "{nr}");
    assert_eq!(r.units[2].rank, None);
    assert_eq!(
        reasons(3),
        vec![IneligibleReason::TooFewInhabitants {
            have: Some(50.0),
            min: 200.0
        }]
    );
    assert_eq!(
        reasons(4),
        vec![IneligibleReason::OutsideGemeenten {
            gemeente: "Goirle".into()
        }]
    );
    assert!(reasons(5).is_empty() && r.units[5].eligible);
    assert_eq!(r.unmatched_gemeenten, vec!["Tilburgg".to_string()]);
    // Ineligible units are still ranked (water is outside the reference
    // set but still scored); only U6 is eligible.
    assert_eq!(r.ranked_count(), 5);
    assert_eq!(r.shortlist, vec![5]);
    assert_eq!(r.units[5].eligible_rank, Some(1));
    assert_eq!(r.eligible_count(), 1);
}

#[test]
fn scope_reference_differs_from_all() {
    let mut units = fixture_units();
    for u in &mut units[3..] {
        u.gemeente_name = "Goirle".into();
        u.gemeente_code = "GM0785".into();
    }
    let input = two_column_input(&units, &A);
    let mut p = profile(&[("a", 1.0, Direction::Risk)]);
    p.normalisation.method = NormalisationMethod::MinMax;
    p.eligibility.gemeenten = vec!["Tilburg".into()];
    // Scope = U1..U3 (10..30): U6 (60) normalises to (60-10)/20 = 2.5.
    let r = rank(&input, &p).unwrap();
    assert_eq!(r.units[5].score, Some(2.5));
    assert_eq!(r.units[5].rank, Some(1));
    assert_eq!(r.units[2].eligible_rank, Some(1));
    p.normalisation.reference = Reference::All;
    let r = rank(&input, &p).unwrap();
    assert_eq!(r.units[5].score, Some(1.0));
    p.normalisation.reference = Reference::Scope;
    p.eligibility.gemeenten = vec!["Breda".into()];
    assert!(matches!(
        rank(&input, &p),
        Err(ScoreError::EmptyScope { .. })
    ));
}

#[test]
fn drivers_sorted_by_contribution() {
    let r = fixture_rank(NormalisationMethod::MinMax, Aggregation::Arithmetic);
    let d = r.drivers(5);
    assert_eq!(d[0].0, "a");
    assert_eq!(d[1].0, "c");
}
