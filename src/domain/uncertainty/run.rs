//! Scoring every draw: runs of consecutive draws go to scoped threads, each
//! filling its own rows of the rank matrices and its own integer counters,
//! so the result does not depend on the number of threads.

use super::compact::Compact;
use super::draws::DrawPlan;
use super::engine::{weighted_sums, Worker, GROUP};
use super::result::RankSpread;
use super::spread::spreads;
use std::ops::Range;

/// Storage for per-draw ranks: u16 halves the memory for realistic sizes
/// (the Netherlands has ~14,500 buurten).
pub(super) trait RankCell: Copy + Ord + Default + Send + Sync {
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
pub(super) struct RunOutput {
    pub(super) spread: Vec<RankSpread>,
    pub(super) elig_spread: Vec<RankSpread>,
    pub(super) topk_count: Vec<u32>,
    pub(super) sens_changed: Vec<u32>,
    pub(super) same_shortlist: u32,
}

/// Counters accumulated over draws.
struct Counts {
    topk: Vec<u32>,
    sens: Vec<u32>,
    same_shortlist: u32,
}

impl Counts {
    fn new(n_r: usize, m: usize) -> Counts {
        Counts {
            topk: vec![0; n_r],
            sens: vec![0; m],
            same_shortlist: 0,
        }
    }

    fn add(&mut self, other: &Counts) {
        self.topk
            .iter_mut()
            .zip(&other.topk)
            .for_each(|(a, b)| *a += b);
        self.sens
            .iter_mut()
            .zip(&other.sens)
            .for_each(|(a, b)| *a += b);
        self.same_shortlist += other.same_shortlist;
    }
}

/// A run of consecutive draws and the rows of the draw-major rank matrices
/// they fill.
struct DrawChunk<'a, T> {
    draws: Range<usize>,
    ranks: &'a mut [T],
    elig_ranks: &'a mut [T],
}

pub(super) fn run<T: RankCell>(
    c: &Compact,
    plan: &DrawPlan,
    k: usize,
    threads: usize,
) -> RunOutput {
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

    let chunks = split_draws(draws, per, (&mut ranks, c.n_r), (&mut elig_ranks, n_e));
    let parts: Vec<Counts> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || draw_chunk(c, plan, k, chunk, n_e)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut counts = Counts::new(c.n_r, c.m);
    for part in &parts {
        counts.add(part);
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
        topk_count: counts.topk,
        sens_changed: counts.sens,
        same_shortlist: counts.same_shortlist,
    }
}

/// Threads worth starting: one per ~2 million multiply-adds, at most the
/// machine's parallelism.
pub(super) fn worker_count(draws: usize, cells: usize) -> usize {
    let work = draws.saturating_mul(cells);
    let wanted = (work / 2_000_000).max(1);
    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    wanted.min(available).min(draws).max(1)
}

/// Cuts `0..draws` into runs of `per` draws, each with its own rows of the
/// two rank matrices (given with their row width).
fn split_draws<'a, T>(
    draws: usize,
    per: usize,
    (ranks, n_r): (&'a mut [T], usize),
    (elig_ranks, n_e): (&'a mut [T], usize),
) -> Vec<DrawChunk<'a, T>> {
    let per = per.max(1);
    (0..draws)
        .step_by(per)
        .map(|start| start..(start + per).min(draws))
        .zip(row_runs(ranks, per * n_r))
        .zip(row_runs(elig_ranks, per * n_e))
        .map(|((draws, ranks), elig_ranks)| DrawChunk {
            draws,
            ranks,
            elig_ranks,
        })
        .collect()
}

/// `cells` in pieces of `len`, then empty pieces without end: a matrix with
/// zero-width rows still gives every run of draws its (empty) piece.
fn row_runs<T>(cells: &mut [T], len: usize) -> impl Iterator<Item = &mut [T]> {
    cells
        .chunks_mut(len.max(1))
        .chain(std::iter::repeat_with(<&mut [T]>::default))
}

fn draw_chunk<T: RankCell>(
    c: &Compact,
    plan: &DrawPlan,
    k: usize,
    chunk: DrawChunk<'_, T>,
    n_e: usize,
) -> Counts {
    let n_r = c.n_r;
    let range = chunk.draws;
    let mut worker = Worker::new(c, k);
    let mut nums: Vec<Vec<f64>> = (0..GROUP).map(|_| vec![0.0; n_r]).collect();
    let mut top_locals: Vec<u32> = Vec::with_capacity(k);
    let mut counts = Counts::new(n_r, c.m);
    let mut d = range.start;
    while d < range.end {
        // Consecutive draws sharing a method are summed in one pass.
        let (method, _) = plan.draw(d);
        let mut group_end = d + 1;
        while group_end < range.end && group_end - d < GROUP && plan.draw(group_end).0 == method {
            group_end += 1;
        }
        let ws: Vec<&[f64]> = (d..group_end).map(|g| plan.draw(g).1).collect();
        weighted_sums(c, method, &ws, &mut nums[..ws.len()]);

        for (g, w) in ws.iter().enumerate() {
            let i = d + g - range.start;
            std::mem::swap(&mut worker.num, &mut nums[g]);
            worker.finish(c, w, &mut chunk.ranks[i * n_r..(i + 1) * n_r]);
            std::mem::swap(&mut worker.num, &mut nums[g]);

            if n_e > 0 {
                record_eligible_ranks(&worker, &mut chunk.elig_ranks[i * n_e..(i + 1) * n_e]);
            }
            count_draw(c, &worker, method, w, &mut top_locals, &mut counts);
        }
        d = group_end;
    }
    counts
}

fn record_eligible_ranks<T: RankCell>(worker: &Worker, row: &mut [T]) {
    for (pos, &e) in worker.elig_order.iter().enumerate() {
        row[e as usize] = T::from_rank(pos + 1);
    }
}

/// Top-k membership, same-shortlist and sensitivity counts of the draw the
/// worker has just evaluated. `top_locals` is scratch space.
fn count_draw(
    c: &Compact,
    worker: &Worker,
    method: usize,
    w: &[f64],
    top_locals: &mut Vec<u32>,
    counts: &mut Counts,
) {
    top_locals.clear();
    top_locals.extend(worker.top().iter().map(|&e| c.elig[e as usize]));
    for &l in top_locals.iter() {
        counts.topk[l as usize] += 1;
    }
    top_locals.sort_unstable();
    if *top_locals == c.shortlist {
        counts.same_shortlist += 1;
    }
    for (j, &wj) in w.iter().enumerate() {
        if worker.top_changes(c, method, j, 0.5 * wj) {
            counts.sens[j] += 1;
        }
    }
}
