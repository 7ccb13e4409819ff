//! Rank intervals: the nearest-rank median and 5th/95th percentiles of each
//! unit's ranks over the draws.

use super::result::RankSpread;
use super::run::RankCell;

/// Nearest-rank median and 5th/95th percentiles per column of a draw-major
/// rank matrix (`draws` rows of `width` ranks).
pub(super) fn spreads<T: RankCell>(
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
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

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
}
