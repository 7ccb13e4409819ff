//! Phase times on stderr when `BUURTRADAR_TIMINGS` is set, so a slow run on
//! a user's data shows where its time goes without a profiler.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

fn start() -> Option<Instant> {
    *START.get_or_init(|| std::env::var_os("BUURTRADAR_TIMINGS").map(|_| Instant::now()))
}

/// Starts the clock (first call) and, when enabled, prints the time since.
pub fn mark(what: &str) {
    if let Some(t0) = start() {
        eprintln!(
            "timing {:>8.1} ms  {what}",
            t0.elapsed().as_secs_f64() * 1e3
        );
    }
}
