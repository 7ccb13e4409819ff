//! The little linear algebra Mahalanobis needs: a covariance matrix and
//! its inverse, for the handful of indicators a profile has.

/// Covariance of the rows of `x` (each row one unit, equal lengths).
pub(super) fn covariance(x: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let p = x.first().map_or(0, Vec::len);
    let n = x.len() as f64;
    let mean: Vec<f64> = (0..p)
        .map(|j| x.iter().map(|r| r[j]).sum::<f64>() / n)
        .collect();
    let mut c = vec![vec![0.0; p]; p];
    for r in x {
        for i in 0..p {
            for j in 0..p {
                c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]);
            }
        }
    }
    let denom = (n - 1.0).max(1.0);
    for row in &mut c {
        for v in row.iter_mut() {
            *v /= denom;
        }
    }
    c
}

/// Gauss-Jordan with partial pivoting; `None` when (nearly) singular.
pub(super) fn invert(m: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let n = m.len();
    let mut a: Vec<Vec<f64>> = m
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = r.clone();
            row.extend((0..n).map(|j| if i == j { 1.0 } else { 0.0 }));
            row
        })
        .collect();
    for col in 0..n {
        let pivot = (col..n).max_by(|&x, &y| a[x][col].abs().total_cmp(&a[y][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        let d = a[col][col];
        for v in a[col].iter_mut() {
            *v /= d;
        }
        for r in 0..n {
            if r != col {
                let f = a[r][col];
                if f != 0.0 {
                    let pivot_row = a[col].clone();
                    for (v, p) in a[r].iter_mut().zip(pivot_row) {
                        *v -= f * p;
                    }
                }
            }
        }
    }
    Some(a.into_iter().map(|r| r[n..].to_vec()).collect())
}

/// `sqrt(d' M d)`.
pub(super) fn quadratic_distance(m: &[Vec<f64>], d: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, row) in m.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            s += d[i] * v * d[j];
        }
    }
    s.max(0.0).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::needless_range_loop)]
    fn inverse_times_matrix_is_identity() {
        let m = vec![
            vec![4.0, 1.0, 0.5],
            vec![1.0, 3.0, 0.2],
            vec![0.5, 0.2, 2.0],
        ];
        let inv = invert(&m).unwrap();
        for i in 0..3 {
            for j in 0..3 {
                let v: f64 = (0..3).map(|k| m[i][k] * inv[k][j]).sum();
                assert!((v - if i == j { 1.0 } else { 0.0 }).abs() < 1e-12);
            }
        }
        assert!(invert(&[vec![1.0, 2.0], vec![2.0, 4.0]]).is_none());
    }

    #[test]
    fn covariance_of_a_line() {
        let c = covariance(&[vec![1.0, 2.0], vec![2.0, 4.0], vec![3.0, 6.0]]);
        assert_eq!(c, vec![vec![1.0, 2.0], vec![2.0, 4.0]]);
        assert_eq!(
            quadratic_distance(&[vec![1.0, 0.0], vec![0.0, 4.0]], &[3.0, 2.0]),
            5.0
        );
    }
}
