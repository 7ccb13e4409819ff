//! How stable is a ranking when the weights are argued about?
//!
//! Monte Carlo over weights: each draw takes weights from a Dirichlet
//! distribution centred on the ranking's weights (alpha_i = concentration *
//! w_i / sum(w), built from Gamma(alpha_i, 1) samples), optionally with a
//! randomly chosen normalisation method, and re-ranks.
//!
//! Definitions:
//! - Only units ranked under the base weights take part, and eligibility is
//!   that of the base ranking, so every draw ranks the same set of units and a
//!   unit's ranks are comparable across draws.
//! - Rank quantiles are nearest-rank: the q-quantile of D draws is the
//!   ceil(q * D)-th smallest rank. The median is therefore a whole rank.
//! - `p_top_k`: share of draws in which the unit is among the first k
//!   eligible units. Label: robust-in if p >= 0.9, borderline if
//!   0.1 <= p < 0.9, out if p < 0.1.
//! - Sensitivity of indicator i: share of draws in which raising w_i by 50%
//!   (renormalising, which does not change an order) changes the top-k set
//!   compared with that draw's own top-k set. Also reported once at the
//!   base weights. Indicators with weight 0 cannot change anything.
//!
//! Weights for all draws are generated first, sequentially from one seeded
//! generator; draws are then scored in parallel chunks with integer
//! accumulators, so results do not depend on the number of threads.

use crate::domain::profile::{MonteCarlo, NormalisationMethod, MAX_DRAWS};
use crate::domain::score::{Prepared, Ranking, ScoreError};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Gamma};
use serde::Serialize;
use std::fmt;

/// p_top_k at or above which a unit is robustly on the shortlist.
pub const ROBUST_IN: f64 = 0.9;
/// p_top_k below which a unit is considered out.
pub const OUT_BELOW: f64 = 0.1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StabilityLabel {
    RobustIn,
    Borderline,
    Out,
}

impl StabilityLabel {
    pub fn from_probability(p: f64) -> StabilityLabel {
        if p >= ROBUST_IN {
            StabilityLabel::RobustIn
        } else if p >= OUT_BELOW {
            StabilityLabel::Borderline
        } else {
            StabilityLabel::Out
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StabilityLabel::RobustIn => "robust-in",
            StabilityLabel::Borderline => "borderline",
            StabilityLabel::Out => "out",
        }
    }
}

impl fmt::Display for StabilityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Rank statistics over the draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RankSpread {
    pub median: u32,
    pub p05: u32,
    pub p95: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitStability {
    /// Rank among all ranked units.
    pub rank: RankSpread,
    /// Only for eligible units.
    pub eligible: Option<EligibleStability>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EligibleStability {
    /// Rank among eligible units.
    pub rank: RankSpread,
    pub p_top_k: f64,
    pub label: StabilityLabel,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorSensitivity {
    pub id: String,
    /// Share of draws where w_i * 1.5 changes the top-k set.
    pub share_changed: f64,
    /// Whether w_i * 1.5 changes the top-k set at the base weights.
    pub changes_at_base: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stability {
    pub draws: usize,
    pub seed: u64,
    pub concentration: f64,
    pub vary_normalisation: bool,
    pub top_k: usize,
    /// One per input unit; `None` for units the base ranking did not rank.
    pub units: Vec<Option<UnitStability>>,
    /// Aligned with the ranking's indicators.
    pub sensitivity: Vec<IndicatorSensitivity>,
    /// Share of draws whose top-k set equals the base shortlist.
    pub same_shortlist_share: f64,
}

/// Run the Monte Carlo around `ranking`'s weights. `ranking` must come from
/// `prepared` (any weights).
pub fn stability(
    prepared: &Prepared,
    ranking: &Ranking,
    settings: &MonteCarlo,
) -> Result<Stability, ScoreError> {
    if !(1..=MAX_DRAWS).contains(&settings.draws) {
        return Err(invalid(
            "monte_carlo.draws",
            settings.draws,
            "an integer in [1, 10000]",
        ));
    }
    if !(settings.concentration.is_finite() && settings.concentration > 0.0) {
        return Err(invalid(
            "monte_carlo.concentration",
            settings.concentration,
            "a number > 0",
        ));
    }
    if ranking.units.len() != prepared.unit_count()
        || ranking.indicators != prepared.indicators()
        || ranking.method != prepared.method()
        || ranking.aggregation != prepared.aggregation()
    {
        return Err(ScoreError::RankingMismatch);
    }
    prepared.check_weights(&ranking.weights)?;

    let methods: Vec<NormalisationMethod> = if settings.vary_normalisation {
        NormalisationMethod::ALL.to_vec()
    } else {
        vec![prepared.method()]
    };
    let compact = Compact::new(prepared, ranking, &methods);
    let plan = DrawPlan::generate(&ranking.weights, settings, methods.len());

    let threads = worker_count(settings.draws, compact.n_r * compact.m);
    let out = if compact.n_r <= u16::MAX as usize {
        run::<u16>(&compact, &plan, ranking.top_k, threads)
    } else {
        run::<u32>(&compact, &plan, ranking.top_k, threads)
    };

    let base_method = methods
        .iter()
        .position(|&m| m == prepared.method())
        .unwrap_or(0);
    let changes_at_base = compact.changes_at_base(&ranking.weights, base_method, ranking.top_k);
    let d = settings.draws as f64;
    let sensitivity = ranking
        .indicators
        .iter()
        .enumerate()
        .map(|(j, id)| IndicatorSensitivity {
            id: id.clone(),
            share_changed: out.sens_changed[j] as f64 / d,
            changes_at_base: changes_at_base[j],
        })
        .collect();

    let mut units = vec![None; ranking.units.len()];
    for (l, &u) in compact.units.iter().enumerate() {
        let eligible = match compact.elig_pos[l] {
            NONE => None,
            e => {
                let p = out.topk_count[l] as f64 / d;
                Some(EligibleStability {
                    rank: out.elig_spread[e as usize],
                    p_top_k: p,
                    label: StabilityLabel::from_probability(p),
                })
            }
        };
        units[u] = Some(UnitStability {
            rank: out.spread[l],
            eligible,
        });
    }

    Ok(Stability {
        draws: settings.draws,
        seed: settings.seed,
        concentration: settings.concentration,
        vary_normalisation: settings.vary_normalisation,
        top_k: ranking.top_k,
        units,
        sensitivity,
        same_shortlist_share: out.same_shortlist as f64 / d,
    })
}

fn invalid(key: &'static str, value: impl fmt::Display, expected: &'static str) -> ScoreError {
    ScoreError::InvalidSetting {
        key,
        value: value.to_string(),
        expected,
    }
}

/// "No position": not eligible, or not ranked.
const NONE: u32 = u32::MAX;

/// The base-ranked units, renumbered in code order so that "lower local
/// index" is the tie-break, with their matrices copied contiguously.
struct Compact {
    n_r: usize,
    m: usize,
    /// local -> input unit index.
    units: Vec<usize>,
    /// Local indices of eligible units, ascending.
    elig: Vec<u32>,
    /// local -> position in `elig`, or NONE.
    elig_pos: Vec<u32>,
    /// Base shortlist as sorted local indices.
    shortlist: Vec<u32>,
    /// One column-major n_r x m matrix per method in play; 0 where missing.
    matrices: Vec<Vec<f64>>,
    /// The eligible rows of `matrices`, column-major n_e x m, for the
    /// sensitivity scan.
    elig_matrices: Vec<Vec<f64>>,
    /// Column-major n_e x m: 1 where present, 0 where missing.
    elig_present: Vec<f64>,
    /// Per method, per indicator: the largest value among eligible units.
    elig_col_max: Vec<Vec<f64>>,
    /// (local, indicator) of every missing cell.
    missing: Vec<(u32, u32)>,
}

impl Compact {
    fn new(prepared: &Prepared, ranking: &Ranking, methods: &[NormalisationMethod]) -> Compact {
        let n = prepared.unit_count();
        let m = prepared.m();
        let code_pos = prepared.code_pos();
        let mut units: Vec<usize> = ranking.order.clone();
        units.sort_unstable_by_key(|&u| code_pos[u]);
        let n_r = units.len();
        let mut local_of = vec![NONE; n];
        for (l, &u) in units.iter().enumerate() {
            local_of[u] = l as u32;
        }
        let mut elig = Vec::new();
        let mut elig_pos = vec![NONE; n_r];
        for (l, &u) in units.iter().enumerate() {
            if ranking.units[u].eligible {
                elig_pos[l] = elig.len() as u32;
                elig.push(l as u32);
            }
        }
        let mut shortlist: Vec<u32> = ranking.shortlist.iter().map(|&u| local_of[u]).collect();
        shortlist.sort_unstable();

        let elig_units: Vec<usize> = elig.iter().map(|&l| units[l as usize]).collect();
        // Column-major copy of the given rows of a full n x m matrix.
        let gather = |full: &[f64], rows: &[usize]| -> Vec<f64> {
            let mut c = Vec::with_capacity(rows.len() * m);
            for j in 0..m {
                let col = &full[j * n..(j + 1) * n];
                c.extend(rows.iter().map(|&u| col[u]));
            }
            c
        };
        let mut matrices = Vec::with_capacity(methods.len());
        let mut elig_matrices = Vec::with_capacity(methods.len());
        for &method in methods {
            let full = prepared.agg_matrix(method);
            matrices.push(gather(&full, &units));
            elig_matrices.push(gather(&full, &elig_units));
        }
        let mut elig_present = Vec::with_capacity(elig.len() * m);
        let mut missing = Vec::new();
        for j in 0..m {
            for (l, &u) in units.iter().enumerate() {
                if !prepared.is_present(u, j) {
                    missing.push((l as u32, j as u32));
                }
            }
            elig_present.extend(elig_units.iter().map(|&u| {
                if prepared.is_present(u, j) {
                    1.0
                } else {
                    0.0
                }
            }));
        }
        missing.sort_unstable();
        let n_e = elig.len();
        let elig_col_max = elig_matrices
            .iter()
            .map(|mat| {
                (0..m)
                    .map(|j| {
                        mat[j * n_e..(j + 1) * n_e]
                            .iter()
                            .fold(f64::NEG_INFINITY, |a, &b| a.max(b))
                    })
                    .collect()
            })
            .collect();
        Compact {
            n_r,
            m,
            units,
            elig,
            elig_pos,
            shortlist,
            matrices,
            elig_matrices,
            elig_present,
            elig_col_max,
            missing,
        }
    }

    /// Sum of the weights of the indicators unit `l` has.
    fn present_weight(&self, l: usize, w: &[f64]) -> f64 {
        let from = self.missing.partition_point(|&(ml, _)| (ml as usize) < l);
        let to = self.missing.partition_point(|&(ml, _)| (ml as usize) <= l);
        let gone = &self.missing[from..to];
        w.iter()
            .enumerate()
            .filter(|&(j, _)| !gone.iter().any(|&(_, mj)| mj as usize == j))
            .map(|(_, &wj)| wj)
            .sum()
    }

    fn changes_at_base(&self, weights: &[f64], method: usize, k: usize) -> Vec<bool> {
        let mut worker = Worker::new(self, k);
        worker.evaluate(self, method, weights);
        (0..self.m)
            .map(|j| worker.top_changes(self, method, j, 0.5 * weights[j]))
            .collect()
    }
}

/// Order of (score, local index): higher score first, then lower index.
fn better(a: (f64, u32), b: (f64, u32)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
}

fn ratio(num: f64, den: f64) -> f64 {
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
const GROUP: usize = 4;
/// Units per block in that pass: GROUP + 1 blocks of f64 stay in L1.
const BLOCK: usize = 1024;

/// `nums[g] = M · ws[g]` for draws sharing a method. Each block of the
/// matrix is read once for all draws in the group, and four columns are
/// added per pass over a block, so the sums are not bound by memory traffic.
/// Per unit the additions always run over indicators in order, so results do
/// not depend on how draws are grouped or split over threads.
fn weighted_sums(c: &Compact, method: usize, ws: &[&[f64]], nums: &mut [Vec<f64>]) {
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

/// Buckets per unit in [`Worker::order_scores`]: fewer means more items to
/// compare per bucket, more means larger arrays competing for cache.
const BUCKETS_PER_UNIT: usize = 2;

/// Scratch space for scoring and ordering one draw, reused across draws.
struct Worker {
    k: usize,
    /// Weighted sums, filled by [`weighted_sums`] before [`Worker::finish`].
    num: Vec<f64>,
    den: Vec<f64>,
    scores: Vec<f64>,
    bucket_end: Vec<u32>,
    /// (score, local index), best first.
    order: Vec<(f64, u32)>,
    /// Positions in `elig`, best first.
    elig_order: Vec<u32>,
    elig_num: Vec<f64>,
    elig_den: Vec<f64>,
    elig_den_min: f64,
}

impl Worker {
    fn new(c: &Compact, k: usize) -> Worker {
        let n_e = c.elig.len();
        Worker {
            k,
            num: vec![0.0; c.n_r],
            den: vec![0.0; c.n_r],
            scores: vec![0.0; c.n_r],
            bucket_end: Vec::with_capacity(BUCKETS_PER_UNIT * c.n_r + 1),
            order: Vec::with_capacity(c.n_r),
            elig_order: Vec::with_capacity(n_e + 1),
            elig_num: vec![0.0; n_e],
            elig_den: vec![0.0; n_e],
            elig_den_min: 0.0,
        }
    }

    /// Positions in `elig` of this draw's top-k eligible units.
    fn top(&self) -> &[u32] {
        &self.elig_order[..self.k.min(self.elig_order.len())]
    }

    /// Score every unit under `w` and `method`, order them and find the
    /// top-k eligible.
    fn evaluate(&mut self, c: &Compact, method: usize, w: &[f64]) {
        let mut num = [std::mem::take(&mut self.num)];
        weighted_sums(c, method, &[w], &mut num);
        let [num] = num;
        self.num = num;
        self.finish(c, w);
    }

    /// The rest of [`Worker::evaluate`], once `num` holds the weighted sums.
    fn finish(&mut self, c: &Compact, w: &[f64]) {
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
        for ((s, &a), &b) in self.scores.iter_mut().zip(&self.num).zip(&self.den) {
            *s = ratio(a, b);
        }
        self.order_scores();

        // Branch-free filter: eligibility is random along the order, so a
        // branch would mispredict often. One spare slot takes the last write.
        self.elig_order.clear();
        self.elig_order.resize(c.elig.len() + 1, 0);
        let mut len = 0;
        for &(_, l) in &self.order {
            let e = c.elig_pos[l as usize];
            self.elig_order[len] = e;
            len += usize::from(e != NONE);
        }
        self.elig_order.truncate(len);
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

    /// Sort `scores` best first with ties by index. A bucket sort on the
    /// score range: buckets respect the order, so after scattering only
    /// neighbours within a bucket can be out of order, which one insertion
    /// pass over the whole array fixes (a per-bucket loop costs a branch
    /// miss per bucket). Crowded buckets (skewed scores) are sorted first so
    /// the insertion pass stays linear. Ties keep index order because items
    /// are scattered in index order and insertion is stable.
    fn order_scores(&mut self) {
        const CROWDED: usize = 32;
        let n = self.scores.len();
        self.order.clear();
        if n == 0 {
            return;
        }
        // Plain comparisons, not f64::min/max: their NaN handling makes a
        // slow dependency chain, and scores are never NaN.
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for &s in &self.scores {
            if s < lo && s > f64::NEG_INFINITY {
                lo = s;
            }
            if s > hi {
                hi = s;
            }
        }
        let nb = BUCKETS_PER_UNIT * n;
        let last = nb - 1;
        let scale = if hi > lo {
            last as f64 / (hi - lo)
        } else {
            0.0
        };
        // Higher score -> lower bucket; monotone because every step is.
        // Recomputed in the scatter pass: cheaper than keeping it in memory.
        let bucket = |s: f64| {
            if s.is_finite() {
                (((hi - s) * scale) as usize).min(last)
            } else {
                last
            }
        };
        self.bucket_end.clear();
        self.bucket_end.resize(nb + 1, 0);
        for &s in &self.scores {
            self.bucket_end[bucket(s) + 1] += 1;
        }
        let mut crowded = false;
        for i in 0..nb {
            crowded |= self.bucket_end[i + 1] as usize > CROWDED;
            self.bucket_end[i + 1] += self.bucket_end[i];
        }
        // bucket_end[i] is the start of bucket i; scattering advances it to
        // the bucket's end.
        self.order.resize(n, (0.0, 0));
        for (l, &s) in self.scores.iter().enumerate() {
            let at = &mut self.bucket_end[bucket(s)];
            self.order[*at as usize] = (s, l as u32);
            *at += 1;
        }
        if crowded {
            let mut start = 0;
            for &end in &self.bucket_end[..nb] {
                let end = end as usize;
                if end - start > CROWDED {
                    self.order[start..end]
                        .sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
                }
                start = end;
            }
        }
        let order = &mut self.order;
        for i in 1..n {
            let item = order[i];
            let mut p = i;
            while p > 0 && item.0 > order[p - 1].0 {
                order[p] = order[p - 1];
                p -= 1;
            }
            order[p] = item;
        }
    }

    /// Would raising indicator `j`'s weight by `delta` change the top-k
    /// eligible set? It does exactly when some other eligible unit then
    /// beats the weakest of the current top-k.
    fn top_changes(&self, c: &Compact, method: usize, j: usize, delta: f64) -> bool {
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

/// The weights (and method) of every draw, generated up front from the seed.
struct DrawPlan {
    m: usize,
    weights: Vec<f64>,
    methods: Vec<u8>,
}

impl DrawPlan {
    fn generate(base: &[f64], settings: &MonteCarlo, n_methods: usize) -> DrawPlan {
        let m = base.len();
        let total: f64 = base.iter().sum();
        let centre: Vec<f64> = base.iter().map(|w| w / total).collect();
        let gammas: Vec<Option<Gamma<f64>>> = centre
            .iter()
            .map(|&c| {
                if c > 0.0 {
                    Gamma::new(settings.concentration * c, 1.0).ok()
                } else {
                    None
                }
            })
            .collect();
        let mut rng = StdRng::seed_from_u64(settings.seed);
        let mut weights = Vec::with_capacity(settings.draws * m);
        let mut methods = Vec::with_capacity(settings.draws);
        let mut w = vec![0.0; m];
        for _ in 0..settings.draws {
            let method = if n_methods > 1 {
                rng.random_range(0..n_methods)
            } else {
                0
            };
            methods.push(method as u8);
            dirichlet(&gammas, &centre, &mut rng, &mut w);
            weights.extend_from_slice(&w);
        }
        DrawPlan {
            m,
            weights,
            methods,
        }
    }

    fn draw(&self, d: usize) -> (usize, &[f64]) {
        (
            self.methods[d] as usize,
            &self.weights[d * self.m..(d + 1) * self.m],
        )
    }
}

/// One Dirichlet draw: normalised independent Gamma(alpha_i, 1) samples.
fn dirichlet(gammas: &[Option<Gamma<f64>>], centre: &[f64], rng: &mut StdRng, out: &mut [f64]) {
    // With tiny alphas every sample can underflow to 0; retry a few times,
    // then fall back to the centre rather than divide by zero.
    for _ in 0..16 {
        let mut sum = 0.0;
        for (o, g) in out.iter_mut().zip(gammas) {
            *o = g.as_ref().map_or(0.0, |g| g.sample(rng));
            sum += *o;
        }
        if sum > 0.0 && sum.is_finite() {
            out.iter_mut().for_each(|o| *o /= sum);
            return;
        }
    }
    out.copy_from_slice(centre);
}

/// Storage for per-draw ranks: u16 halves the memory for realistic sizes
/// (the Netherlands has ~14,500 buurten).
trait RankCell: Copy + Ord + Default + Send + Sync {
    fn from_rank(r: usize) -> Self;
    fn get(self) -> u32;
}

impl RankCell for u16 {
    fn from_rank(r: usize) -> Self {
        r as u16
    }
    fn get(self) -> u32 {
        u32::from(self)
    }
}

impl RankCell for u32 {
    fn from_rank(r: usize) -> Self {
        r as u32
    }
    fn get(self) -> u32 {
        self
    }
}

#[derive(Debug, PartialEq)]
struct RunOutput {
    spread: Vec<RankSpread>,
    elig_spread: Vec<RankSpread>,
    topk_count: Vec<u32>,
    sens_changed: Vec<u32>,
    same_shortlist: u32,
}

/// Counters one worker accumulates over its draws.
struct Counts {
    topk: Vec<u32>,
    sens: Vec<u32>,
    same_shortlist: u32,
}

fn run<T: RankCell>(c: &Compact, plan: &DrawPlan, k: usize, threads: usize) -> RunOutput {
    let draws = plan.methods.len();
    // When every ranked unit is eligible the two rank sets coincide.
    let n_e = if c.elig.len() < c.n_r {
        c.elig.len()
    } else {
        0
    };
    let mut ranks = vec![T::default(); draws * c.n_r];
    let mut elig_ranks = vec![T::default(); draws * n_e];
    let threads = threads.clamp(1, draws.max(1));
    let per = draws.div_ceil(threads);

    let counts: Vec<Counts> = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        let mut rest_r = ranks.as_mut_slice();
        let mut rest_e = elig_ranks.as_mut_slice();
        let mut start = 0;
        while start < draws {
            let end = (start + per).min(draws);
            let (chunk_r, tail_r) = rest_r.split_at_mut((end - start) * c.n_r);
            let (chunk_e, tail_e) = rest_e.split_at_mut((end - start) * n_e);
            rest_r = tail_r;
            rest_e = tail_e;
            let range = start..end;
            handles.push(scope.spawn(move || draw_chunk(c, plan, range, k, chunk_r, chunk_e, n_e)));
            start = end;
        }
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(counts) => counts,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });

    let mut topk_count = vec![0u32; c.n_r];
    let mut sens_changed = vec![0u32; c.m];
    let mut same_shortlist = 0;
    for part in counts {
        topk_count
            .iter_mut()
            .zip(&part.topk)
            .for_each(|(a, b)| *a += b);
        sens_changed
            .iter_mut()
            .zip(&part.sens)
            .for_each(|(a, b)| *a += b);
        same_shortlist += part.same_shortlist;
    }
    let spread = spreads(&ranks, c.n_r, draws, threads);
    let elig_spread = if n_e == 0 {
        spread[..c.elig.len()].to_vec()
    } else {
        spreads(&elig_ranks, n_e, draws, threads)
    };
    RunOutput {
        spread,
        elig_spread,
        topk_count,
        sens_changed,
        same_shortlist,
    }
}

/// Threads worth starting: one per ~2 million multiply-adds, at most the
/// machine's parallelism.
fn worker_count(draws: usize, cells: usize) -> usize {
    let work = draws.saturating_mul(cells);
    let wanted = (work / 2_000_000).max(1);
    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    wanted.min(available).min(draws).max(1)
}

fn draw_chunk<T: RankCell>(
    c: &Compact,
    plan: &DrawPlan,
    range: std::ops::Range<usize>,
    k: usize,
    ranks: &mut [T],
    elig_ranks: &mut [T],
    n_e: usize,
) -> Counts {
    let n_r = c.n_r;
    let mut worker = Worker::new(c, k);
    let mut nums: Vec<Vec<f64>> = (0..GROUP).map(|_| vec![0.0; n_r]).collect();
    let mut top_locals: Vec<u32> = Vec::with_capacity(k);
    let mut counts = Counts {
        topk: vec![0; n_r],
        sens: vec![0; c.m],
        same_shortlist: 0,
    };
    let first = range.start;
    let mut d = range.start;
    while d < range.end {
        let (method, _) = plan.draw(d);
        let mut group_end = d + 1;
        while group_end < range.end && group_end - d < GROUP && plan.draw(group_end).0 == method {
            group_end += 1;
        }
        let ws: Vec<&[f64]> = (d..group_end).map(|g| plan.draw(g).1).collect();
        weighted_sums(c, method, &ws, &mut nums[..ws.len()]);

        for (g, w) in ws.iter().enumerate() {
            let i = d + g - first;
            std::mem::swap(&mut worker.num, &mut nums[g]);
            worker.finish(c, w);
            std::mem::swap(&mut worker.num, &mut nums[g]);

            let row = &mut ranks[i * n_r..(i + 1) * n_r];
            for (pos, &(_, l)) in worker.order.iter().enumerate() {
                row[l as usize] = T::from_rank(pos + 1);
            }
            if n_e > 0 {
                let erow = &mut elig_ranks[i * n_e..(i + 1) * n_e];
                for (pos, &e) in worker.elig_order.iter().enumerate() {
                    erow[e as usize] = T::from_rank(pos + 1);
                }
            }
            top_locals.clear();
            top_locals.extend(worker.top().iter().map(|&e| c.elig[e as usize]));
            for &l in &top_locals {
                counts.topk[l as usize] += 1;
            }
            top_locals.sort_unstable();
            if top_locals == c.shortlist {
                counts.same_shortlist += 1;
            }
            for (j, &wj) in w.iter().enumerate() {
                if worker.top_changes(c, method, j, 0.5 * wj) {
                    counts.sens[j] += 1;
                }
            }
        }
        d = group_end;
    }
    counts
}

/// Nearest-rank median and 5th/95th percentiles per column of a draw-major
/// rank matrix (`draws` rows of `width` ranks).
fn spreads<T: RankCell>(
    ranks: &[T],
    width: usize,
    draws: usize,
    threads: usize,
) -> Vec<RankSpread> {
    let empty = RankSpread {
        median: 0,
        p05: 0,
        p95: 0,
    };
    let mut out = vec![empty; width];
    if width == 0 || draws == 0 {
        return out;
    }
    let per = width.div_ceil(threads.max(1));
    std::thread::scope(|scope| {
        for (chunk_idx, chunk) in out.chunks_mut(per).enumerate() {
            scope.spawn(move || {
                // Transpose a block of columns at a time so each unit's
                // ranks are contiguous without a full-size copy.
                const BLOCK: usize = 64;
                let first = chunk_idx * per;
                let mut block = vec![0u32; BLOCK * draws];
                let mut counts = Vec::new();
                for (b, outs) in chunk.chunks_mut(BLOCK).enumerate() {
                    let c0 = first + b * BLOCK;
                    let len = outs.len();
                    for d in 0..draws {
                        let row = &ranks[d * width + c0..d * width + c0 + len];
                        for (i, &r) in row.iter().enumerate() {
                            block[i * draws + d] = r.get();
                        }
                    }
                    for (i, o) in outs.iter_mut().enumerate() {
                        *o = spread_of(&block[i * draws..(i + 1) * draws], &mut counts);
                    }
                }
            });
        }
    });
    out
}

/// Nearest-rank quantiles of one unit's ranks. A unit's ranks usually span
/// a narrow range, so counting beats selection: a coarse histogram finds the
/// bins holding the three quantiles, a second pass counts within those bins.
fn spread_of(v: &[u32], counts: &mut Vec<u32>) -> RankSpread {
    const COARSE: usize = 64;
    let draws = v.len();
    // Zero-based positions of the ceil(q * D)-th smallest value.
    let at = |pct: usize| (pct * draws).div_ceil(100).max(1) - 1;
    let targets = [at(5), at(50), at(95)];
    let (lo, hi) = v
        .iter()
        .fold((u32::MAX, 0), |(lo, hi), &r| (lo.min(r), hi.max(r)));
    let span = (hi - lo) as usize + 1;
    let mut shift = 0;
    while span >> shift > COARSE {
        shift += 1;
    }
    let width = 1usize << shift;
    counts.clear();
    counts.resize(COARSE + 1 + 3 * width, 0);
    let (coarse, fine) = counts.split_at_mut(COARSE + 1);
    for &r in v {
        coarse[((r - lo) as usize) >> shift] += 1;
    }
    // For each target: its coarse bin and how many values lie below that bin.
    let mut bins = [(0usize, 0usize); 3];
    let mut seen = 0;
    let mut t = 0;
    for (bin, &cnt) in coarse.iter().enumerate() {
        let below = seen;
        seen += cnt as usize;
        while t < 3 && seen > targets[t] {
            bins[t] = (bin, below);
            t += 1;
        }
        if t == 3 {
            break;
        }
    }
    for &r in v {
        let off = (r - lo) as usize;
        let bin = off >> shift;
        for (i, &(b, _)) in bins.iter().enumerate() {
            if bin == b {
                fine[i * width + (off & (width - 1))] += 1;
                break;
            }
        }
    }
    let mut found = [lo; 3];
    for (i, &(bin, below)) in bins.iter().enumerate() {
        // Targets sharing a bin were all counted into the first one's slot.
        let slot = bins.iter().position(|&(b, _)| b == bin).unwrap_or(i);
        let hist = &fine[slot * width..(slot + 1) * width];
        let mut seen = below;
        for (off, &cnt) in hist.iter().enumerate() {
            seen += cnt as usize;
            if seen > targets[i] {
                found[i] = lo + ((bin << shift) + off) as u32;
                break;
            }
        }
    }
    RankSpread {
        p05: found[0],
        median: found[1],
        p95: found[2],
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::profile::{Aggregation, Profile};
    use crate::domain::score::tests::{facts, profile};
    use crate::domain::score::{IndicatorColumn, ScoreInput, UnitFacts};
    use crate::domain::value::Direction;
    use std::time::Instant;

    /// Deterministic synthetic data: a latent need per unit drives every
    /// indicator, plus noise; some values missing; some units ineligible.
    struct Synth {
        units: Vec<UnitFacts>,
        columns: Vec<Vec<Option<f64>>>,
        ids: Vec<String>,
    }

    fn synth(n: usize, m: usize, seed: u64, eligible_share: f64) -> Synth {
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
        fn input(&self) -> ScoreInput<'_> {
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

        fn profile(&self) -> Profile {
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

    fn settings(draws: usize, seed: u64, concentration: f64) -> MonteCarlo {
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

    #[test]
    fn spread_matches_sorting() {
        let mut rng = StdRng::seed_from_u64(4);
        let mut counts = Vec::new();
        for (len, span) in [
            (1, 1),
            (2, 5),
            (20, 3),
            (1000, 1),
            (1000, 50),
            (999, 4000),
            (101, 60_000),
        ] {
            let v: Vec<u32> = (0..len).map(|_| 7 + rng.random_range(0..span)).collect();
            let mut sorted = v.clone();
            sorted.sort_unstable();
            // ceil(q * D)-th smallest, by hand for q = 5%, 50%, 95%.
            let nth = |pct: usize| sorted[(pct * len).div_ceil(100).max(1) - 1];
            let got = spread_of(&v, &mut counts);
            assert_eq!(
                (got.p05, got.median, got.p95),
                (nth(5), nth(50), nth(95)),
                "{len} {span}"
            );
        }
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

    #[test]
    #[ignore]
    fn timing_15000_by_20() {
        for eligible_share in [0.15, 1.0] {
            let s = synth(15_000, 20, 42, eligible_share);
            let mut p = s.profile();
            p.normalisation.winsorize = 0.05;
            let input = s.input();
            let t = Instant::now();
            let prep = Prepared::new(&input, &p).unwrap();
            let t_prep = t.elapsed();
            let r = prep.rank_profile().unwrap();
            let t = Instant::now();
            for _ in 0..10 {
                std::hint::black_box(prep.rank_profile().unwrap());
            }
            let t_rank = t.elapsed() / 10;
            let t = Instant::now();
            let st = stability(&prep, &r, &settings(1000, 1, 50.0)).unwrap();
            let t_mc = t.elapsed();
            let t = Instant::now();
            let mc = MonteCarlo {
                vary_normalisation: true,
                ..settings(1000, 1, 50.0)
            };
            let _ = stability(&prep, &r, &mc).unwrap();
            let t_mc_vary = t.elapsed();
            let threads = worker_count(1000, r.ranked_count() * 20);
            let c = Compact::new(&prep, &r, &[prep.method()]);
            let plan = DrawPlan::generate(&r.weights, &settings(1000, 1, 50.0), 1);
            let t = Instant::now();
            let _ = run::<u16>(&c, &plan, r.top_k, 1);
            let t_single = t.elapsed();
            println!(
                "15000x20, {} eligible: prepare {t_prep:?}, rank {t_rank:?} (mean of 10), \
                 1000 draws {t_mc:?} ({threads} threads; 1 thread {t_single:?}), \
                 1000 draws varying normalisation {t_mc_vary:?}, same shortlist {:.2}",
                r.eligible_count(),
                st.same_shortlist_share
            );
        }
    }
}
