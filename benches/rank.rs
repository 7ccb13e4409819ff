#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Ranking the national synthetic set (~15,000 buurten) on 20 indicators:
//! one full ranking, and 1,000 Monte Carlo draws that reuse the normalised
//! matrix. The 20 columns are the registry indicators the synthetic files
//! carry plus derived copies with noise, so every column has real gaps.
//! The Monte Carlo is also measured as `rank` runs it, on the profile's own
//! indicators. Also the local Moran's I of the score with 999 permutations.

use buurtradar::domain::analysis::{Analysis, RunOptions};
use buurtradar::domain::profile::{IndicatorWeight, Profile};
use buurtradar::domain::score::{IndicatorColumn, Prepared, ScoreInput};
use buurtradar::domain::uncertainty::stability;
use buurtradar::domain::value::Direction;
use buurtradar::io::load;
use buurtradar_synth::national_bench_inputs;
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

// Measured with the allocator the binary ships with (see src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench_rank(c: &mut Criterion) {
    let (_, inputs) = national_bench_inputs().unwrap();
    let ds = load(&inputs).unwrap();
    // The units and columns as the analysis builds them.
    let mut profile = Profile::smartstart().unwrap();
    let base = Analysis::run(
        &ds,
        &profile,
        RunOptions {
            skip_stability: true,
            skip_candidates: true,
        },
    )
    .unwrap();
    // The Monte Carlo as `rank` runs it: the profile's own indicators.
    let mut g = c.benchmark_group("stability");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("national_profile_1000_draws", |b| {
        b.iter(|| stability(&base.prepared, &base.ranking, &profile.monte_carlo).unwrap())
    });
    // CPU time of all threads instead of wall time: steadier on a machine
    // that other work shares.
    g.bench_function("national_profile_1000_draws_cpu", |b| {
        b.iter_custom(|iters| {
            let before = process_cpu();
            for _ in 0..iters {
                std::hint::black_box(
                    stability(&base.prepared, &base.ranking, &profile.monte_carlo).unwrap(),
                );
            }
            process_cpu() - before
        })
    });
    g.finish();

    let risk: Vec<(String, Vec<Option<f64>>)> = base
        .column_ids
        .iter()
        .zip(&base.columns)
        .filter(|(id, _)| {
            ds.indicator(id)
                .and_then(|i| i.meta.direction)
                .is_some_and(|d| d != Direction::Neutral)
        })
        .map(|(id, col)| (id.clone(), col.clone()))
        .collect();
    assert!(!risk.is_empty());
    let mut columns: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    let mut k = 0usize;
    while columns.len() < 20 {
        let (id, col) = &risk[k % risk.len()];
        let name = if k < risk.len() {
            id.clone()
        } else {
            format!("{id}_copy{k}")
        };
        // Deterministic noise so copies are not identical columns.
        let noisy = col
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|x| x * (1.0 + ((i * 31 + k * 17) % 13) as f64 / 100.0)))
            .collect();
        columns.push((name, noisy));
        k += 1;
    }
    profile.indicators = columns
        .iter()
        .enumerate()
        .map(|(j, (id, _))| IndicatorWeight {
            id: id.clone(),
            weight: 1.0 + (j % 5) as f64,
            direction: Some(Direction::Risk),
            sensitive: false,
        })
        .collect();
    let input = ScoreInput {
        units: &base.units,
        columns: columns
            .iter()
            .map(|(id, v)| IndicatorColumn {
                id,
                values: v,
                default_direction: Some(Direction::Risk),
            })
            .collect(),
    };
    let prepared = Prepared::new(&input, &profile).unwrap();
    let weights = prepared.profile_weights().to_vec();
    assert_eq!(weights.len(), 20);
    eprintln!(
        "national: {} units x {} indicators",
        base.units.len(),
        weights.len()
    );

    let mut g = c.benchmark_group("rank");
    g.sample_size(30).measurement_time(Duration::from_secs(10));
    g.bench_function("national_20_indicators_one_ranking", |b| {
        b.iter(|| prepared.rank(&weights).unwrap())
    });
    let ranking = prepared.rank(&weights).unwrap();
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("national_20_indicators_1000_draws", |b| {
        b.iter(|| stability(&prepared, &ranking, &profile.monte_carlo).unwrap())
    });
    g.finish();

    // LISA of the composite score: 999 conditional permutations per unit
    // on queen neighbours (built once, as a run does).
    let mut spatial = base.clone();
    spatial.ensure_neighbours(&ds);
    let scores = spatial.score_values();
    let mut g = c.benchmark_group("lisa");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("national_score_999_permutations", |b| {
        b.iter(|| spatial.lisa_of(&scores).unwrap())
    });
    g.finish();
}

/// User plus system time of every thread of the process so far, from
/// Linux's `/proc/self/stat` (fields 14 and 15, in ticks of 10 ms).
fn process_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let ticks: u64 = rest
        .split(' ')
        .skip(11)
        .take(2)
        .map(|f| f.parse::<u64>().unwrap())
        .sum();
    Duration::from_millis(ticks * 10)
}

criterion_group!(benches, bench_rank);
criterion_main!(benches);
