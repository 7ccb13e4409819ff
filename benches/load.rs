#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Loading the national synthetic set (~15,000 buurten, ~3 million vertices,
//! ~7,000 schools): boundaries + indicators + schools into one dataset.
//!
//! The set is generated once into target/national-<seed> (or the directory
//! in BUURTRADAR_NATIONAL) and reused.

use buurtradar::io::{load, Inputs, Source};
use buurtradar::synth::{generate, Scale, SynthSpec};
use criterion::{criterion_group, criterion_main, Criterion};
use std::path::PathBuf;
use std::time::Duration;

pub fn national_dir() -> PathBuf {
    if let Ok(d) = std::env::var("BUURTRADAR_NATIONAL") {
        return PathBuf::from(d);
    }
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    PathBuf::from(target).join("national-42")
}

fn national_inputs() -> Inputs {
    let dir = national_dir();
    let summary = generate(
        &SynthSpec {
            scale: Scale::National,
            seed: 42,
        },
        &dir,
    )
    .unwrap_or_else(|e| panic!("generating the national set in {}: {e:#}", dir.display()));
    let read = |p: &PathBuf| Source::read(p).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "national set: {} buurten, {} vertices, {} schools in {}",
        summary.buurten,
        summary.vertices,
        summary.schools,
        dir.display()
    );
    Inputs {
        boundaries: Some(read(&summary.boundaries_path)),
        indicators: vec![read(&summary.kerncijfers_path), read(&summary.kwb_path)],
        schools: Some(read(&summary.schools_path)),
        ..Inputs::default()
    }
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
