//! A small deterministic random source.
//!
//! We do not use `rand::rngs::StdRng`: rand documents that its algorithm may
//! change between releases, and the committed sample files must stay
//! byte-identical for a given seed across dependency upgrades. SplitMix64 is
//! tiny, fast and fully specified here.

/// Mixes one 64-bit value into a well-spread hash (the SplitMix64 finaliser).
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hashes a seed with a salt and a key. Used where a value must be a pure
/// function of *what* it belongs to (a lattice edge, a buurt), so that both
/// neighbours of an edge compute the same coordinates independently.
pub(crate) fn key_hash(seed: u64, salt: u64, key: u64) -> u64 {
    mix(mix(seed ^ mix(salt)) ^ key.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

#[derive(Debug, Clone)]
pub(crate) struct Rng {
    state: u64,
}

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// An independent stream per purpose: adding a draw for one purpose must
    /// not shift the draws of all others (which would churn the sample files).
    pub(crate) fn stream(seed: u64, salt: u64, key: u64) -> Self {
        Self::new(key_hash(seed, salt, key))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.state)
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub(crate) fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform in 0..n; n must be positive. The modulo bias is below 1e-15
    /// for the small n used here.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform integer in lo..=hi.
    pub(crate) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1).max(1) as u64) as i64
    }

    /// Standard normal (Box-Muller; one of the pair is discarded to keep the
    /// stream stateless apart from `state`).
    pub(crate) fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-300);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `k` distinct items chosen uniformly, in random order.
    pub(crate) fn sample<T: Clone>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut pool = items.to_vec();
        self.shuffle(&mut pool);
        pool.truncate(k);
        pool
    }
}
