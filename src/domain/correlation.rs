//! How strongly the profile's indicators move together: Pearson and
//! Spearman correlation over the reference set, pairwise complete (each
//! pair uses the units that have both values), and a warning when two
//! weighted indicators say nearly the same thing.

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
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut ranks = vec![0.0; x.len()];
    let mut k = 0;
    while k < order.len() {
        let mut e = k;
        while e + 1 < order.len() && x[order[e + 1]] == x[order[k]] {
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
    for a in 0..m {
        for b in a..m {
            let (x, y): (Vec<f64>, Vec<f64>) = (0..reference.len())
                .filter(|&u| reference[u])
                .filter_map(|u| {
                    let x = columns[a].get(u).copied().flatten()?;
                    let y = columns[b].get(u).copied().flatten()?;
                    (x.is_finite() && y.is_finite()).then_some((x, y))
                })
                .unzip();
            let (p, s) = (pearson(&x, &y), spearman(&x, &y));
            for (i, j) in [(a, b), (b, a)] {
                pearson_m[i][j] = p;
                spearman_m[i][j] = s;
                pairs[i][j] = x.len();
            }
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
