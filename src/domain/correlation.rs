//! How strongly the profile's indicators move together: Pearson and
//! Spearman correlation over the reference set, pairwise complete (each
//! pair uses the units that have both values), and a warning when two
//! weighted indicators say nearly the same thing.

use rayon::prelude::*;
use serde::Serialize;

/// Above this |r| two weighted indicators count as redundant.
pub const REDUNDANT_ABOVE: f64 = 0.9;

/// Correlation matrices, aligned with `ids`; `None` where fewer than three
/// units have both values or one of them has no spread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correlations {
    pub ids: Vec<String>,
    pub pearson: Vec<Vec<Option<f64>>>,
    pub spearman: Vec<Vec<Option<f64>>>,
    /// Units behind each pair.
    pub pairs: Vec<Vec<usize>>,
    pub redundant: Vec<Redundant>,
}

/// Two weighted indicators correlating above [`REDUNDANT_ABOVE`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Redundant {
    pub a: String,
    pub b: String,
    pub pearson: Option<f64>,
    pub spearman: Option<f64>,
    /// Their weights together, as a share of the total weight.
    pub combined_weight: f64,
}

/// Pearson's r of paired values.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 3 || y.len() != n {
        return None;
    }
    let mx = x.iter().sum::<f64>() / n as f64;
    let my = y.iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    Some((sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0))
}

/// Ranks 1..n, ties sharing their average rank.
pub fn average_ranks(x: &[f64]) -> Vec<f64> {
    // Sorting (value key, index) pairs directly gives the order a stable
    // sort by value gives (indices are distinct), without an indirect read
    // per comparison.
    let mut order: Vec<(u64, u32)> = x
        .iter()
        .enumerate()
        .map(|(i, &v)| (total_order_key(v), i as u32))
        .collect();
    order.sort_unstable();
    ranks_in_order(x, order.iter().map(|&(_, i)| i as usize))
}

/// Average ranks of `x` given its indices in ascending order of value.
/// Equal values are neighbours in any such order, so which of them comes
/// first does not matter.
fn ranks_in_order(x: &[f64], order: impl Iterator<Item = usize>) -> Vec<f64> {
    let order: Vec<usize> = order.collect();
    let mut ranks = vec![0.0; x.len()];
    let mut k = 0;
    while k < order.len() {
        let first = x[order[k]];
        let mut e = k;
        while e + 1 < order.len() && x[order[e + 1]] == first {
            e += 1;
        }
        let r = (k + e) as f64 / 2.0 + 1.0;
        for &o in &order[k..=e] {
            ranks[o] = r;
        }
        k = e + 1;
    }
    ranks
}

/// `v` as an integer that orders as `f64::total_cmp` orders the floats.
fn total_order_key(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Spearman's rho: Pearson's r of the average ranks.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&average_ranks(x), &average_ranks(y))
}

/// The matrices over the units where `reference` holds, and the redundant
/// weighted pairs.
pub fn correlations(
    ids: &[String],
    columns: &[&[Option<f64>]],
    weights: &[f64],
    reference: &[bool],
) -> Correlations {
    let m = ids.len();
    let mut pearson_m = vec![vec![None; m]; m];
    let mut spearman_m = vec![vec![None; m]; m];
    let mut pairs = vec![vec![0; m]; m];
    let value = |c: usize, u: usize| {
        columns[c]
            .get(u)
            .copied()
            .flatten()
            .filter(|v| reference.get(u) == Some(&true) && v.is_finite())
    };
    // Each column is sorted once; a pair's ranks come from that order with
    // the units the pair lacks left out (a subsequence of a sorted sequence
    // is sorted), so there is no sort per pair.
    let sorted: Vec<Vec<usize>> = (0..m)
        .into_par_iter()
        .map(|c| {
            let mut keyed: Vec<(u64, u32)> = (0..reference.len())
                .filter_map(|u| Some((total_order_key(value(c, u)?), u as u32)))
                .collect();
            keyed.sort_unstable();
            keyed.into_iter().map(|(_, u)| u as usize).collect()
        })
        .collect();
    // Each pair has its own complete cases, so pairs are independent and
    // measured on every core; the matrices are filled in pair order.
    let pair_list: Vec<(usize, usize)> = (0..m).flat_map(|a| (a..m).map(move |b| (a, b))).collect();
    let measured: Vec<(Option<f64>, Option<f64>, usize)> = pair_list
        .par_iter()
        .map(|&(a, b)| {
            // Position of each unit among the pair's complete cases.
            let mut at = vec![usize::MAX; reference.len()];
            let (mut x, mut y) = (Vec::new(), Vec::new());
            for (u, slot) in at.iter_mut().enumerate() {
                if let (Some(va), Some(vb)) = (value(a, u), value(b, u)) {
                    *slot = x.len();
                    x.push(va);
                    y.push(vb);
                }
            }
            let in_pair = |order: &[usize]| -> Vec<usize> {
                order
                    .iter()
                    .map(|&u| at[u])
                    .filter(|&p| p != usize::MAX)
                    .collect()
            };
            let rx = ranks_in_order(&x, in_pair(&sorted[a]).into_iter());
            let ry = ranks_in_order(&y, in_pair(&sorted[b]).into_iter());
            (pearson(&x, &y), pearson(&rx, &ry), x.len())
        })
        .collect();
    for (&(a, b), &(p, s, n)) in pair_list.iter().zip(&measured) {
        for (i, j) in [(a, b), (b, a)] {
            pearson_m[i][j] = p;
            spearman_m[i][j] = s;
            pairs[i][j] = n;
        }
    }
    let total: f64 = weights.iter().sum();
    let mut redundant = Vec::new();
    for a in 0..m {
        for b in a + 1..m {
            let (wa, wb) = (weights.get(a), weights.get(b));
            let weighted = wa.is_some_and(|&w| w > 0.0) && wb.is_some_and(|&w| w > 0.0);
            let high = |r: Option<f64>| r.is_some_and(|r| r.abs() > REDUNDANT_ABOVE);
            if weighted && (high(pearson_m[a][b]) || high(spearman_m[a][b])) {
                redundant.push(Redundant {
                    a: ids[a].clone(),
                    b: ids[b].clone(),
                    pearson: pearson_m[a][b],
                    spearman: spearman_m[a][b],
                    combined_weight: (wa.copied().unwrap_or(0.0) + wb.copied().unwrap_or(0.0))
                        / total,
                });
            }
        }
    }
    Correlations {
        ids: ids.to_vec(),
        pearson: pearson_m,
        spearman: spearman_m,
        pairs,
        redundant,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_matches_the_textbook_formula_by_hand() {
        // x = (1,2,3,4,5), y = (2,4,5,4,5): mx = 3, my = 4,
        // sxy = 6, sxx = 10, syy = 6, r = 6 / sqrt(60).
        let r = pearson(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 4.0, 5.0, 4.0, 5.0]).unwrap();
        assert!((r - 6.0 / 60f64.sqrt()).abs() < 1e-15, "{r}");
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0, 2.0], &[1.0, 2.0]), None);
    }

    /// The ranks of the first implementation: an index sort by value.
    fn reference_ranks(x: &[f64]) -> Vec<f64> {
        let mut order: Vec<usize> = (0..x.len()).collect();
        order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
        let mut ranks = vec![0.0; x.len()];
        let mut k = 0;
        while k < order.len() {
            let mut e = k;
            while e + 1 < order.len() && x[order[e + 1]] == x[order[k]] {
                e += 1;
            }
            for &o in &order[k..=e] {
                ranks[o] = (k + e) as f64 / 2.0 + 1.0;
            }
            k = e + 1;
        }
        ranks
    }

    #[test]
    fn average_ranks_match_an_index_sort_bit_for_bit() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for n in [0, 1, 2, 5, 100, 5_000] {
            // Few distinct values (many ties), signed zeros, extremes.
            let x: Vec<f64> = (0..n)
                .map(|_| match rng.random_range(0..6) {
                    0 => 0.0,
                    1 => -0.0,
                    2 => f64::from(rng.random_range(-3i32..3)),
                    3 => rng.random_range(-1e6..1e6),
                    4 => [f64::MIN, f64::MAX, f64::MIN_POSITIVE, -f64::MIN_POSITIVE]
                        [rng.random_range(0..4)],
                    _ => rng.random::<f64>(),
                })
                .collect();
            let got: Vec<u64> = average_ranks(&x).iter().map(|r| r.to_bits()).collect();
            let want: Vec<u64> = reference_ranks(&x).iter().map(|r| r.to_bits()).collect();
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn correlations_equal_pairwise_complete_reference_bit_for_bit() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(11);
        let n = 3_000;
        let cols: Vec<Vec<Option<f64>>> = (0..5)
            .map(|c| {
                (0..n)
                    .map(|_| match rng.random_range(0..10) {
                        0 => None,
                        1 if c == 4 => Some(f64::NAN),
                        2 => Some(f64::from(rng.random_range(0i32..4))),
                        _ => Some(rng.random_range(-50.0..50.0)),
                    })
                    .collect()
            })
            .collect();
        let reference: Vec<bool> = (0..n).map(|_| rng.random_range(0..5) > 0).collect();
        let ids: Vec<String> = (0..5).map(|c| format!("i{c}")).collect();
        let slices: Vec<&[Option<f64>]> = cols.iter().map(Vec::as_slice).collect();
        let c = correlations(&ids, &slices, &[1.0; 5], &reference);
        let bits = |r: Option<f64>| r.map(f64::to_bits);
        for a in 0..5 {
            for b in 0..5 {
                let (x, y): (Vec<f64>, Vec<f64>) = (0..n)
                    .filter(|&u| reference[u])
                    .filter_map(|u| {
                        let (x, y) = (cols[a][u]?, cols[b][u]?);
                        (x.is_finite() && y.is_finite()).then_some((x, y))
                    })
                    .unzip();
                assert_eq!(c.pairs[a][b], x.len());
                assert_eq!(bits(c.pearson[a][b]), bits(pearson(&x, &y)), "{a} {b}");
                assert_eq!(bits(c.spearman[a][b]), bits(spearman(&x, &y)), "{a} {b}");
            }
        }
    }

    #[test]
    fn spearman_uses_average_ranks_for_ties() {
        assert_eq!(
            average_ranks(&[10.0, 20.0, 20.0, 5.0]),
            vec![2.0, 3.5, 3.5, 1.0]
        );
        // Monotone but not linear: rho = 1, r < 1.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [1.0, 4.0, 9.0, 16.0, 100.0];
        assert!((spearman(&x, &y).unwrap() - 1.0).abs() < 1e-15);
        assert!(pearson(&x, &y).unwrap() < 0.95);
        // Ranks (2, 3.5, 3.5, 1) against (1, 2, 3, 4): Pearson of those.
        let rho = spearman(&[10.0, 20.0, 20.0, 5.0], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        let want = pearson(&[2.0, 3.5, 3.5, 1.0], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!((rho - want).abs() < 1e-15);
    }

    #[test]
    fn pairs_are_complete_per_pair_and_only_the_reference_counts() {
        let a = [Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(100.0)];
        let b = [Some(2.0), None, Some(6.0), Some(8.0), Some(-50.0)];
        let c = [Some(5.0), Some(3.0), Some(2.0), Some(1.0), Some(0.0)];
        let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let reference = [true, true, true, true, false];
        let k = correlations(&ids, &[&a, &b, &c], &[1.0, 1.0, 0.0], &reference);
        assert_eq!(k.pairs[0][1], 3, "unit 1 lacks b, unit 4 is outside");
        assert_eq!(k.pairs[0][2], 4);
        assert!((k.pearson[0][1].unwrap() - 1.0).abs() < 1e-15);
        assert_eq!(k.pearson[1][0], k.pearson[0][1]);
        // a and b are weighted and correlate perfectly; c is unweighted.
        assert_eq!(k.redundant.len(), 1);
        assert_eq!(
            (k.redundant[0].a.as_str(), k.redundant[0].b.as_str()),
            ("a", "b")
        );
        assert!((k.redundant[0].combined_weight - 1.0).abs() < 1e-15);
        assert!(
            k.pearson[0][2].unwrap() < -0.9,
            "c runs against a but has no weight"
        );
    }
}
