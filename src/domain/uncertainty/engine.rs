//! Scoring and ordering one draw: the blocked matrix-vector product, the
//! scores, ranks and eligible order, and the pruned sensitivity scan.

use super::compact::{Compact, NONE};
use super::order::{score_and_bound, ScoreOrder};
use super::run::RankCell;

/// Order of (score, local index): higher score first, then lower index.
pub(super) fn better(a: (f64, u32), b: (f64, u32)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
}

#[inline]
pub(super) fn ratio(num: f64, den: f64) -> f64 {
    let s = num / den;
    // A unit whose present indicators all drew weight ~0 has no score in
    // this draw; put it last rather than let NaN poison the order. (num is
    // always finite, so den > 0 rules NaN out.)
    if den > 0.0 {
        s
    } else {
        f64::NEG_INFINITY
    }
}

/// Draws scored together per pass over the matrix.
pub(super) const GROUP: usize = 4;
/// Units per block in that pass: GROUP + 1 blocks of f64 stay in L1.
const BLOCK: usize = 1024;

/// `nums[g] = M · ws[g]` for draws sharing a method. Each block of the
/// matrix is read once for all draws in the group, and four columns are
/// added per pass over a block, so the sums are not bound by memory traffic.
/// Per unit the additions always run over indicators in order, so results do
/// not depend on how draws are grouped or split over threads.
pub(super) fn weighted_sums(c: &Compact, method: usize, ws: &[&[f64]], nums: &mut [Vec<f64>]) {
    let n_r = c.n_r;
    let mat = &c.matrices[method];
    let col = |j: usize, b0: usize, b1: usize| &mat[j * n_r + b0..j * n_r + b1];
    let mut b0 = 0;
    while b0 < n_r {
        let b1 = (b0 + BLOCK).min(n_r);
        for (w, num) in ws.iter().zip(nums.iter_mut()) {
            let acc = &mut num[b0..b1];
            acc.fill(0.0);
            let mut j = 0;
            while j + 4 <= c.m {
                let (x0, x1, x2, x3) = (
                    col(j, b0, b1),
                    col(j + 1, b0, b1),
                    col(j + 2, b0, b1),
                    col(j + 3, b0, b1),
                );
                let (w0, w1, w2, w3) = (w[j], w[j + 1], w[j + 2], w[j + 3]);
                for (u, a) in acc.iter_mut().enumerate() {
                    let mut t = *a;
                    t += w0 * x0[u];
                    t += w1 * x1[u];
                    t += w2 * x2[u];
                    t += w3 * x3[u];
                    *a = t;
                }
                j += 4;
            }
            while j < c.m {
                let (x0, w0) = (col(j, b0, b1), w[j]);
                for (a, &x) in acc.iter_mut().zip(x0) {
                    *a += w0 * x;
                }
                j += 1;
            }
        }
        b0 = b1;
    }
}

/// Scratch space for scoring and ordering one draw, reused across draws.
pub(super) struct Worker {
    k: usize,
    /// Weighted sums, filled by [`weighted_sums`] before [`Worker::finish`].
    pub(super) num: Vec<f64>,
    den: Vec<f64>,
    scores: Vec<f64>,
    order: ScoreOrder,
    /// Positions in `elig`, best first.
    pub(super) elig_order: Vec<u32>,
    pub(super) elig_num: Vec<f64>,
    pub(super) elig_den: Vec<f64>,
    elig_den_min: f64,
}

impl Worker {
    pub(super) fn new(c: &Compact, k: usize) -> Worker {
        let n_e = c.elig.len();
        Worker {
            k,
            num: vec![0.0; c.n_r],
            den: vec![0.0; c.n_r],
            scores: vec![0.0; c.n_r],
            order: ScoreOrder::with_capacity(c.n_r),
            elig_order: Vec::with_capacity(n_e + 1),
            elig_num: vec![0.0; n_e],
            elig_den: vec![0.0; n_e],
            elig_den_min: 0.0,
        }
    }

    /// Positions in `elig` of this draw's top-k eligible units.
    pub(super) fn top(&self) -> &[u32] {
        &self.elig_order[..self.k.min(self.elig_order.len())]
    }

    /// Score every unit under `w` and `method`, order them and find the
    /// top-k eligible.
    pub(super) fn evaluate(&mut self, c: &Compact, method: usize, w: &[f64]) {
        let mut num = [std::mem::take(&mut self.num)];
        weighted_sums(c, method, &[w], &mut num);
        let [num] = num;
        self.num = num;
        let mut ranks = vec![0u32; c.n_r];
        self.finish(c, w, &mut ranks);
    }

    /// The rest of [`Worker::evaluate`], once `num` holds the weighted sums;
    /// also writes every unit's one-based rank into `ranks` (by local
    /// index).
    pub(super) fn finish<T: RankCell>(&mut self, c: &Compact, w: &[f64], ranks: &mut [T]) {
        // Weighted mean = num / den; for the geometric mean it is ln(score),
        // which orders units the same way.
        let total: f64 = w.iter().sum();
        self.den.fill(total);
        // `missing` is sorted by unit: subtract each unit's run at once.
        let mut runs = c.missing.chunk_by(|a, b| a.0 == b.0);
        for run in &mut runs {
            let l = run[0].0 as usize;
            let gone: f64 = run.iter().map(|&(_, j)| w[j as usize]).sum();
            let d = total - gone;
            // When nearly all weight sits on missing indicators the
            // subtraction cancels badly; add up what is present instead.
            self.den[l] = if d < 1e-6 * total {
                c.present_weight(l, w)
            } else {
                d
            };
        }
        let bounds = score_and_bound(&self.num, &self.den, &mut self.scores);

        // Branch-free filter: eligibility is random along the order, so a
        // branch would mispredict often. One spare slot takes the last write.
        let elig_order = &mut self.elig_order;
        elig_order.clear();
        elig_order.resize(c.elig.len() + 1, 0);
        let mut len = 0;
        self.order.sort(&self.scores, bounds, |pos, l| {
            ranks[l as usize] = T::from_rank(pos + 1);
            let e = c.elig_pos[l as usize];
            elig_order[len] = e;
            len += usize::from(e != NONE);
        });
        elig_order.truncate(len);
        let mut den_min = f64::INFINITY;
        for (e, &l) in c.elig.iter().enumerate() {
            self.elig_num[e] = self.num[l as usize];
            let d = self.den[l as usize];
            self.elig_den[e] = d;
            if d < den_min {
                den_min = d;
            }
        }
        self.elig_den_min = den_min;
    }

    /// Would raising indicator `j`'s weight by `delta` change the top-k
    /// eligible set? It does exactly when some other eligible unit then
    /// beats the weakest of the current top-k.
    pub(super) fn top_changes(&self, c: &Compact, method: usize, j: usize, delta: f64) -> bool {
        let n_e = c.elig.len();
        if delta == 0.0 || n_e <= self.k {
            return false;
        }
        let col = &c.elig_matrices[method][j * n_e..(j + 1) * n_e];
        let pres = &c.elig_present[j * n_e..(j + 1) * n_e];
        let new = |e: usize| {
            (
                ratio(
                    self.elig_num[e] + delta * col[e],
                    self.elig_den[e] + delta * pres[e],
                ),
                c.elig[e],
            )
        };
        let Some(worst) =
            self.top()
                .iter()
                .map(|&e| new(e as usize))
                .reduce(|a, b| if better(a, b) { b } else { a })
        else {
            return false;
        };
        let limit = worst.0;
        let x_max = c.elig_col_max[method][j];
        let d_min = self.elig_den_min;
        // Walk the others from the best down. With s = num/den the new score
        // is s (indicator missing) or (den s + delta x) / (den + delta),
        // which is at most `reach(s)` below; `reach` grows with s, so once
        // it falls short of the limit, no later unit can get there either.
        let reach = |s: f64| s.max((d_min * s + delta * x_max) / (d_min + delta));
        for &e in &self.elig_order[self.k..] {
            let e = e as usize;
            let s = ratio(self.elig_num[e], self.elig_den[e]);
            let r = reach(s);
            if r < limit - 1e-9 * (r.abs() + limit.abs()) {
                return false;
            }
            if better(new(e), worst) {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::score::Prepared;
    use crate::domain::uncertainty::draws::DrawPlan;
    use crate::domain::uncertainty::tests::{settings, synth};

    #[test]
    fn pruned_sensitivity_scan_matches_brute_force() {
        let s = synth(300, 6, 5, 0.4);
        let p = s.profile();
        let prep = Prepared::new(&s.input(), &p).unwrap();
        let r = prep.rank_profile().unwrap();
        for k in [1, 3, 10] {
            let c = Compact::new(&prep, &r, &[prep.method()]);
            let plan = DrawPlan::generate(&r.weights, &settings(40, 8, 20.0), 1);
            let mut wk = Worker::new(&c, k);
            let n_e = c.elig.len();
            for d in 0..40 {
                let (method, w) = plan.draw(d);
                wk.evaluate(&c, method, w);
                let mut top: Vec<u32> = wk.top().to_vec();
                top.sort_unstable();
                for (j, &wj) in w.iter().enumerate() {
                    let delta = 0.5 * wj;
                    let col = &c.elig_matrices[method][j * n_e..(j + 1) * n_e];
                    let pres = &c.elig_present[j * n_e..(j + 1) * n_e];
                    let mut all: Vec<(f64, u32, u32)> = (0..n_e)
                        .map(|e| {
                            let s = ratio(
                                wk.elig_num[e] + delta * col[e],
                                wk.elig_den[e] + delta * pres[e],
                            );
                            (s, c.elig[e], e as u32)
                        })
                        .collect();
                    all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    let mut brute: Vec<u32> = all[..k].iter().map(|x| x.2).collect();
                    brute.sort_unstable();
                    assert_eq!(wk.top_changes(&c, method, j, delta), brute != top);
                }
            }
        }
    }
}
