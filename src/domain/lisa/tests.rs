//! Known patterns and hand computations for Moran's I (Anselin 1995,
//! "Local indicators of spatial association - LISA", Geographical Analysis
//! 27(2), eq. 7 and section 4).

use super::*;

fn lattice_rook(cols: usize, rows: usize) -> Vec<Vec<usize>> {
    let mut nb = vec![Vec::new(); cols * rows];
    for r in 0..rows {
        for c in 0..cols {
            let i = r * cols + c;
            if c + 1 < cols {
                nb[i].push(i + 1);
                nb[i + 1].push(i);
            }
            if r + 1 < rows {
                nb[i].push(i + cols);
                nb[i + cols].push(i);
            }
        }
    }
    nb
}

fn checkerboard(cols: usize, rows: usize) -> Vec<Option<f64>> {
    (0..rows * cols)
        .map(|i| Some(((i / cols + i % cols) % 2) as f64))
        .collect()
}

#[test]
fn local_i_matches_the_formula_by_hand() {
    // A path 0-1-2-3 with x = (1, 2, 3, 10): mean 4, z = (-3, -2, -1, 6),
    // m2 = (9 + 4 + 1 + 36) / 4 = 12.5. Row-standardised lags:
    // unit 0: z1 = -2; unit 1: (z0 + z2)/2 = -2; unit 2: (z1 + z3)/2 = 2;
    // unit 3: z2 = -1. I_i = z_i * lag_i / m2.
    let x = [1.0, 2.0, 3.0, 10.0].map(Some).to_vec();
    let nb = vec![vec![1], vec![0, 2], vec![1, 3], vec![2]];
    let l = lisa(&x, &nb, 99, 1);
    let want = [6.0 / 12.5, 4.0 / 12.5, -2.0 / 12.5, -6.0 / 12.5];
    for (u, w) in want.iter().enumerate() {
        assert!((l.local[u].i.unwrap() - w).abs() < 1e-15, "unit {u}");
    }
    // Global: n / S0 * sum_i z_i lag_i / sum z^2 = 4/4 * (6 + 4 - 2 - 6) / 50.
    let g = l.global().unwrap();
    assert!((g.i - 2.0 / 50.0).abs() < 1e-15, "{}", g.i);
    assert!((g.expected + 1.0 / 3.0).abs() < 1e-15);
}

#[test]
fn a_rook_checkerboard_is_all_high_low_and_low_high() {
    let (cols, rows) = (10, 10);
    let x = checkerboard(cols, rows);
    let l = lisa(&x, &lattice_rook(cols, rows), 999, 7);
    let g = l.global().unwrap();
    // Perfect negative autocorrelation: every lag is the opposite colour.
    assert!((g.i + 1.0).abs() < 1e-12, "{}", g.i);
    assert!(g.p <= 0.001 + 1e-12, "{}", g.p);
    for (i, v) in x.iter().enumerate() {
        let want = if v.unwrap() > 0.5 {
            LisaClass::HighLow
        } else {
            LisaClass::LowHigh
        };
        assert_eq!(l.local[i].class, want, "unit {i}");
    }
}

#[test]
fn a_queen_checkerboard_interior_has_a_zero_lag() {
    // Queen: four opposite-colour and four same-colour neighbours.
    let (cols, rows) = (8, 8);
    let l = lisa(
        &checkerboard(cols, rows),
        &lattice_queen(cols, rows),
        199,
        3,
    );
    let interior = 3 * cols + 3;
    assert!(l.local[interior].i.unwrap().abs() < 1e-15);
    assert_eq!(l.local[interior].class, LisaClass::NotSignificant);
}

#[test]
fn a_single_hot_block_is_high_high_with_low_high_edges() {
    let (cols, rows) = (20, 20);
    let hot = |r: usize, c: usize| (8..11).contains(&r) && (8..11).contains(&c);
    let x: Vec<Option<f64>> = (0..rows * cols)
        .map(|i| Some(if hot(i / cols, i % cols) { 10.0 } else { 0.0 }))
        .collect();
    let l = lisa(&x, &lattice_queen(cols, rows), 999, 20240501);
    for r in 8..11 {
        for c in 8..11 {
            assert_eq!(
                l.local[r * cols + c].class,
                LisaClass::HighHigh,
                "({r},{c})"
            );
        }
    }
    // Outside cells facing the middle of a block side have three hot
    // neighbours: low value, high surroundings.
    for (r, c) in [(7, 9), (11, 9), (9, 7), (9, 11)] {
        assert_eq!(l.local[r * cols + c].class, LisaClass::LowHigh, "({r},{c})");
    }
    // Far from the block nothing stands out.
    for (r, c) in [(0, 0), (0, 19), (19, 0), (15, 3), (2, 17)] {
        assert_eq!(
            l.local[r * cols + c].class,
            LisaClass::NotSignificant,
            "({r},{c})"
        );
    }
    let g = l.global().unwrap();
    assert!(g.i > 0.0 && g.p < 0.05, "{g:?}");
}

#[test]
fn p_values_are_reproducible_per_seed_and_move_with_it() {
    let (cols, rows) = (12, 12);
    let x: Vec<Option<f64>> = (0..cols * rows)
        .map(|i| Some(((i * 7919) % 97) as f64 + (i / cols) as f64))
        .collect();
    let nb = lattice_queen(cols, rows);
    let a = lisa(&x, &nb, 999, 11);
    let b = lisa(&x, &nb, 999, 11);
    let c = lisa(&x, &nb, 999, 12);
    assert_eq!(a, b);
    let pa: Vec<_> = a.local.iter().map(|l| l.p).collect();
    let pc: Vec<_> = c.local.iter().map(|l| l.p).collect();
    assert_ne!(pa, pc, "another seed draws other permutations");
    // The statistic itself does not depend on the seed.
    let ia: Vec<_> = a.local.iter().map(|l| l.i).collect();
    let ic: Vec<_> = c.local.iter().map(|l| l.i).collect();
    assert_eq!(ia, ic);
    for l in &a.local {
        let p = l.p.unwrap();
        assert!(p > 0.0 && p <= 0.5 + 1e-12, "folded p in (0, 0.5]: {p}");
    }
}

#[test]
fn islands_and_missing_values_are_reported_as_such() {
    // Unit 3 has no neighbours; unit 4 has no value, so unit 5, whose only
    // neighbour it is, becomes an island too.
    let x = vec![Some(1.0), Some(5.0), Some(2.0), Some(9.0), None, Some(4.0)];
    let nb = vec![vec![1], vec![0, 2], vec![1], vec![], vec![5], vec![4]];
    let l = lisa(&x, &nb, 99, 5);
    assert_eq!(l.local[3].class, LisaClass::Island);
    assert_eq!(l.local[3].i, None);
    assert_eq!(l.local[4].class, LisaClass::Missing);
    assert_eq!(l.local[5].class, LisaClass::Island);
    assert_eq!(l.islands, 2);
    assert!(l.local[1].i.is_some());
}
