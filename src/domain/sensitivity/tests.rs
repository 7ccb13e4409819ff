#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

#[test]
fn a_linear_function_splits_its_variance_by_the_squared_coefficients() {
    // f = x1 + 2 x2 on U[0,1]^2: V1 = 1/12, V2 = 4/12, so S = (0.2, 0.8),
    // and without interactions the totals equal the first orders.
    let r = sobol(&[(0.0, 1.0), (0.0, 1.0)], 20_000, 7, |x| {
        vec![x[0] + 2.0 * x[1]]
    });
    let (var, idx) = &r[0];
    assert!((var - 5.0 / 12.0).abs() < 0.02, "{var}");
    for (got, want) in idx.iter().zip([0.2, 0.8]) {
        assert!((got.0 - want).abs() < 0.03, "{got:?} vs {want}");
        assert!((got.1 - want).abs() < 0.03, "{got:?} vs {want}");
    }
}

#[test]
fn the_ishigami_function_gives_its_published_indices() {
    // Ishigami & Homma (1990) with a = 7, b = 0.1 on U[-pi, pi]^3; the
    // analytic values as tabulated by Saltelli et al. (2010), section 4:
    // S = (0.314, 0.442, 0), ST = (0.558, 0.442, 0.244).
    let pi = std::f64::consts::PI;
    let r = sobol(&[(-pi, pi); 3], 40_000, 11, |x| {
        vec![x[0].sin() + 7.0 * x[1].sin().powi(2) + 0.1 * x[2].powi(4) * x[0].sin()]
    });
    let (_, idx) = &r[0];
    let want = [(0.314, 0.558), (0.442, 0.442), (0.0, 0.244)];
    for (got, w) in idx.iter().zip(want) {
        assert!((got.0 - w.0).abs() < 0.04, "first {got:?} vs {w:?}");
        assert!((got.1 - w.1).abs() < 0.04, "total {got:?} vs {w:?}");
    }
}

#[test]
fn an_output_that_never_moves_has_zero_indices_and_the_seed_repeats() {
    let f = |x: &[f64]| vec![3.0, x[0] * x[1]];
    let a = sobol(&[(0.0, 1.0), (1.0, 2.0)], 64, 3, f);
    assert_eq!(a[0], (0.0, vec![(0.0, 0.0), (0.0, 0.0)]));
    assert_eq!(a, sobol(&[(0.0, 1.0), (1.0, 2.0)], 64, 3, f));
    assert_ne!(a, sobol(&[(0.0, 1.0), (1.0, 2.0)], 64, 4, f));
}

#[test]
fn the_weights_of_the_sample_explain_the_shortlists_ranks() {
    use crate::domain::analysis::{Analysis, RunOptions};
    use crate::domain::profile::Profile;
    let ds = crate::io::load(&crate::io::Inputs::sample()).unwrap();
    let a = Analysis::run(
        &ds,
        &Profile::smartstart().unwrap(),
        RunOptions {
            skip_stability: true,
            skip_candidates: true,
        },
    )
    .unwrap();
    let units = a.ranking.shortlist.clone();
    let s = weight_sobol(
        &a.prepared,
        &a.ranking.weights,
        &units,
        &SobolSettings {
            samples: 256,
            ..SobolSettings::default()
        },
    )
    .unwrap();
    assert_eq!(s.len(), units.len());
    for u in &s {
        assert_eq!(u.indices.len(), a.ranking.weights.len());
        for i in &u.indices {
            assert!(i.first_order.is_finite() && i.total.is_finite());
            // Totals are variances of differences: never negative.
            assert!(i.total >= 0.0, "{i:?}");
        }
        if u.rank_variance > 0.0 {
            assert!(
                u.indices.iter().any(|i| i.total > 0.0),
                "a moving rank is explained by some weight"
            );
        }
    }
}
