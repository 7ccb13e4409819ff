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
                let mut block = vec![T::default(); BLOCK * draws];
                let mut counts = Vec::new();
                for (b, outs) in chunk.chunks_mut(BLOCK).enumerate() {
                    let c0 = first + b * BLOCK;
                    transpose(ranks, (width, draws), (c0, outs.len()), &mut block);
                    for (i, o) in outs.iter_mut().enumerate() {
                        *o = spread_of(&block[i * draws..(i + 1) * draws], &mut counts);
                    }
                }
            });
        }
    });
    out
}

/// Columns `c0..c0 + len` of the draw-major `ranks` (`draws` rows of
/// `width`) into `block`, one column after another. Sixteen draws at a
/// time, so each column gets a run of sixteen ranks in one go: writing one
/// rank per column and draw touches a different cache line every time.
fn transpose<T: RankCell>(
    ranks: &[T],
    (width, draws): (usize, usize),
    (c0, len): (usize, usize),
    block: &mut [T],
) {
    const TILE: usize = 16;
    let mut d0 = 0;
    while d0 < draws {
        let d1 = (d0 + TILE).min(draws);
        for i in 0..len {
            let column = &mut block[i * draws + d0..i * draws + d1];
            for (k, cell) in column.iter_mut().enumerate() {
                *cell = ranks[(d0 + k) * width + c0 + i];
            }
        }
        d0 = d1;
    }
}

/// Rank spans up to this many ranks are counted in one histogram with a
/// slot per rank; wider ones in two rounds (see [`spread_wide`]).
const FULL_SPAN: usize = 8192;

/// Nearest-rank quantiles of one unit's ranks. A unit's ranks usually span
/// a narrow range, so counting beats selection: one count per rank in the
/// span, then a walk up to the 95th percentile. `counts` is scratch space.
fn spread_of<T: RankCell>(v: &[T], counts: &mut Vec<u32>) -> RankSpread {
    let draws = v.len();
    let (lo, hi) = v.iter().fold((u32::MAX, 0), |(lo, hi), &r| {
        (lo.min(r.get()), hi.max(r.get()))
    });
    let span = hi.saturating_sub(lo) as usize + 1;
    if span > FULL_SPAN {
        return spread_wide(v, lo, span, counts);
    }
    counts.clear();
    counts.resize(span, 0);
    for &r in v {
        counts[(r.get() - lo) as usize] += 1;
    }
    let targets = targets(draws);
    let mut found = [lo; 3];
    let mut seen = 0;
    let mut t = 0;
    for (off, &cnt) in counts.iter().enumerate() {
        seen += cnt as usize;
        while t < 3 && seen > targets[t] {
            found[t] = lo + off as u32;
            t += 1;
        }
        if t == 3 {
            break;
        }
    }
    RankSpread {
        p05: found[0],
        median: found[1],
        p95: found[2],
    }
}

/// Zero-based positions of the 5th, 50th and 95th percentile among
/// `draws` sorted values: the ceil(q * D)-th smallest.
fn targets(draws: usize) -> [usize; 3] {
    let at = |pct: usize| (pct * draws).div_ceil(100).max(1) - 1;
    [at(5), at(50), at(95)]
}

/// [`spread_of`] for ranks spanning `span` ranks from `lo`, too many for a
/// slot each: a coarse histogram finds the bins holding the three
/// quantiles, a second pass counts within those bins.
fn spread_wide<T: RankCell>(v: &[T], lo: u32, span: usize, counts: &mut Vec<u32>) -> RankSpread {
    const COARSE: usize = 64;
    let targets = targets(v.len());
    let mut shift = 0;
    while span >> shift > COARSE {
        shift += 1;
    }
    let width = 1usize << shift;
    counts.clear();
    counts.resize(COARSE + 1 + 3 * width, 0);
    let (coarse, fine) = counts.split_at_mut(COARSE + 1);
    for &r in v {
        coarse[((r.get() - lo) as usize) >> shift] += 1;
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
        let off = (r.get() - lo) as usize;
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

    /// Quantiles by sorting, as the definition reads.
    fn by_sorting(v: &[u32]) -> (u32, u32, u32) {
        let mut sorted = v.to_vec();
        sorted.sort_unstable();
        let nth = |pct: usize| sorted[(pct * v.len()).div_ceil(100).max(1) - 1];
        (nth(5), nth(50), nth(95))
    }

    #[test]
    fn spreads_of_every_column_match_sorting() {
        let mut rng = StdRng::seed_from_u64(5);
        // Widths and draw counts that leave partial blocks and tiles.
        for (width, draws, threads) in [(1, 1, 1), (70, 33, 2), (130, 100, 3), (200, 17, 1)] {
            let ranks: Vec<u16> = (0..width * draws)
                .map(|i| {
                    let col = (i % width) as u16;
                    // Narrow spans for most columns, a wide one for some.
                    if col.is_multiple_of(7) {
                        1 + rng.random_range(0..20_000)
                    } else {
                        1 + col * 3 + rng.random_range(0..40)
                    }
                })
                .collect();
            let got = spreads(&ranks, width, draws, threads);
            for (c, g) in got.iter().enumerate() {
                let column: Vec<u32> = (0..draws)
                    .map(|d| u32::from(ranks[d * width + c]))
                    .collect();
                assert_eq!(
                    (g.p05, g.median, g.p95),
                    by_sorting(&column),
                    "{width} {draws} {threads} column {c}"
                );
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
            (3000, FULL_SPAN as u32),
            (3000, FULL_SPAN as u32 + 1),
        ] {
            let mut v: Vec<u32> = (0..len).map(|_| 7 + rng.random_range(0..span)).collect();
            // Both ends of the span present, so it is exactly `span` wide.
            if len > 2 {
                v[0] = 7;
                v[1] = 7 + span - 1;
            }
            let got = spread_of(&v, &mut counts);
            assert_eq!(
                (got.p05, got.median, got.p95),
                by_sorting(&v),
                "{len} {span}"
            );
        }
    }
}
