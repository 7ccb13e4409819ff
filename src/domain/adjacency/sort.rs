//! The sort of the packed adjacency keys: millions of `u64` that use only
//! their low bits. One counting pass spreads them into buckets by their top
//! bits, then each bucket, a few dozen keys that stay in cache, is sorted
//! on its own, half the buckets on each core. On the national set this
//! beats the library's parallel sort and an LSD radix sort alike: the keys
//! arrive area by area, so the spreading pass writes to few buckets at a
//! time, where every LSD pass scatters over the whole buffer.

use rayon::prelude::*;

/// Below this many keys the library's sort does as well without the
/// bucket counters.
const SMALL: usize = 1 << 12;

/// Keys per bucket aimed at, as a power of two.
const BUCKET_BITS: u32 = 6;

/// Sorts `keys` ascending. `width` is the number of low bits the keys use:
/// it picks the buckets. A key above it is still sorted right, only slower
/// (it lands in the last bucket, which is sorted whole like the others).
pub(super) fn sort_keys(keys: &mut Vec<u64>, width: u32) {
    if keys.len() < SMALL || width == 0 {
        keys.par_sort_unstable();
        return;
    }
    let len_bits = u64::BITS - (keys.len() as u64).leading_zeros();
    let top = width
        .min(u64::BITS)
        .min(len_bits.saturating_sub(BUCKET_BITS))
        .max(1);
    let shift = width.min(u64::BITS) - top;
    let last = (1usize << top) - 1;
    let bucket = |k: u64| usize::try_from(k >> shift).map_or(last, |b| b.min(last));
    let mut start = vec![0usize; last + 2];
    for &k in keys.iter() {
        start[bucket(k) + 1] += 1;
    }
    for b in 1..start.len() {
        start[b] += start[b - 1];
    }
    let mut next = start.clone();
    let mut spread = vec![0u64; keys.len()];
    for &k in keys.iter() {
        let slot = &mut next[bucket(k)];
        spread[*slot] = k;
        *slot += 1;
    }
    // The buckets split where half the keys are, one side per core.
    let mid = start.partition_point(|&s| s < keys.len() / 2);
    let cut = start[mid];
    let (low, high) = spread.split_at_mut(cut);
    rayon::join(
        || sort_buckets(low, &start[..=mid], 0),
        || sort_buckets(high, &start[mid..], cut),
    );
    *keys = spread;
}

/// Sorts each bucket of `part`, whose bounds `start` gives counted from
/// `offset` before `part`.
fn sort_buckets(part: &mut [u64], start: &[usize], offset: usize) {
    for w in start.windows(2) {
        if let Some(b) = part.get_mut(w[0] - offset..w[1] - offset) {
            b.sort_unstable();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    #[test]
    fn sorts_like_sort_unstable() {
        let mut rng = StdRng::seed_from_u64(17);
        for (len, width) in [
            (0, 10),
            (1, 10),
            (100, 9),
            (5_000, 1),
            (5_000, 3),
            (20_000, 58),
            (100_000, 58),
            (100_000, 28),
            (30_000, 64),
            (30_000, 0),
        ] {
            let keys: Vec<u64> = (0..len)
                .map(|_| rng.random::<u64>() >> (64 - width.max(1)))
                .collect();
            let mut got = keys.clone();
            sort_keys(&mut got, width);
            let mut want = keys;
            want.sort_unstable();
            assert_eq!(got, want, "{len} keys of {width} bits");
        }
    }

    #[test]
    fn keys_wider_than_said_still_sort() {
        let mut rng = StdRng::seed_from_u64(3);
        // Mostly 20-bit keys, some far larger, runs of equal ones.
        let keys: Vec<u64> = (0..50_000)
            .map(|k| match k % 7 {
                0 => rng.random::<u64>(),
                1 => 12_345,
                _ => rng.random_range(0..1 << 20),
            })
            .collect();
        let mut got = keys.clone();
        sort_keys(&mut got, 20);
        let mut want = keys;
        want.sort_unstable();
        assert_eq!(got, want);
    }
}
