#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Loading the national synthetic set (~15,000 buurten, ~3 million vertices,
//! ~7,000 schools): boundaries + indicators + schools into one dataset.
//!
//! The set is generated once into target/national-<seed> (or the directory
//! in BUURTRADAR_NATIONAL) and reused.

use buurtradar::io::{load, Inputs};
use buurtradar_synth::national_bench_inputs;
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

// Measured with the allocator the binary ships with (see src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn national_inputs() -> Inputs {
    let (summary, inputs) = national_bench_inputs().unwrap_or_else(|e| panic!("{e:#}"));
    eprintln!(
        "national set: {} buurten, {} vertices, {} schools",
        summary.buurten, summary.vertices, summary.schools
    );
    inputs
}

fn bench_load(c: &mut Criterion) {
    let inputs = national_inputs();
    let mut g = c.benchmark_group("load");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("national_boundaries_indicators_schools", |b| {
        b.iter(|| load(&inputs).unwrap_or_else(|e| panic!("{e}")))
    });
    g.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
