#![allow(clippy::unwrap_used, clippy::expect_used)]

//! The terminal app on the national synthetic set (~15,000 buurten, ~3
//! million vertices) at 200 x 60 cells: one full frame with the map, and a
//! weight change (re-rank + redraw). Budget: 16 ms each (60 frames/s).
//! `BUURTRADAR_BENCH_SET=blocks` runs the same on the blocks set (250,000
//! small areas, ~13 million vertices).
//!
//! The set is generated into target/<national|blocks>-42 (or the directory
//! in BUURTRADAR_NATIONAL / BUURTRADAR_BLOCKS), as in `benches/load.rs`.

use buurtradar::domain::profile::Profile;
use buurtradar::io::load;
use buurtradar::tui::action::{Action, Pane};
use buurtradar::tui::app::App;
use buurtradar::tui::theme::Theme;
use buurtradar::tui::update::update;
use buurtradar::tui::Lang;
use buurtradar_synth::{bench_inputs, bench_scale};
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::{Duration, Instant};

// Measured with the allocator the binary ships with (see src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn bench_app(inputs: &buurtradar::io::Inputs, set: &str) -> App {
    let ds = load(inputs).unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let mut app = App::new(
        ds,
        inputs.clone(),
        Profile::smartstart().unwrap(),
        Lang::Nl,
        Theme { color: true },
    )
    .unwrap();
    // The app makes the finer levels on another thread after its first
    // frame; the frames measured here use all of them.
    app.geo.finish_levels(&app.analysis.members);
    let levels: Vec<String> = app
        .geo
        .levels
        .iter()
        .map(|l| format!("{:.0} m: {}", l.tol, l.vertex_count()))
        .collect();
    eprintln!(
        "{set} app: {} units, prepared in {:.2} s; levels {}",
        app.analysis.units.len(),
        started.elapsed().as_secs_f64(),
        levels.join(", ")
    );
    update(
        &mut app,
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap()
}

fn bench_tui(c: &mut Criterion) {
    let scale = bench_scale().unwrap_or_else(|e| panic!("{e:#}"));
    let set = scale.file_tag();
    let mut g = c.benchmark_group(format!("tui_{set}_200x60"));
    // What the user waits for at start: files read, ranked, the map's
    // coarse levels prepared and the first frame drawn (the finer levels
    // follow on another thread).
    let (_, inputs) = bench_inputs(scale).unwrap_or_else(|e| panic!("{e:#}"));
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("first_frame_with_load", |b| {
        b.iter(|| {
            let ds = load(&inputs).unwrap();
            let mut app = App::new(
                ds,
                inputs.clone(),
                Profile::smartstart().unwrap(),
                Lang::Nl,
                Theme { color: true },
            )
            .unwrap();
            update(
                &mut app,
                Action::Resize {
                    width: WIDTH,
                    height: HEIGHT,
                },
            );
            let mut t = terminal();
            t.draw(|f| f.render_widget(&app, f.area())).unwrap();
        })
    });
    let mut app = bench_app(&inputs, set);
    let mut term = terminal();
    g.sample_size(50).measurement_time(Duration::from_secs(10));

    g.bench_function("full_frame", |b| {
        b.iter(|| {
            // A fresh backend each time would measure allocation; clearing
            // forces every cell to be drawn again instead of diffed away.
            term.clear().unwrap();
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        })
    });

    update(&mut app, Action::Focus(Pane::Weights));
    let mut up = true;
    g.bench_function("weight_change_rerank_and_redraw", |b| {
        b.iter(|| {
            let step = if up { 1.0 } else { -1.0 };
            up = !up;
            // The Monte Carlo it asks for runs on a worker in the app.
            let _effect = update(&mut app, Action::WeightStep(step));
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        })
    });

    // Zoomed in on the selection: finer geometry, fewer areas on screen.
    update(&mut app, Action::Focus(Pane::Map));
    for _ in 0..8 {
        update(&mut app, Action::Zoom(1));
    }
    g.bench_function("full_frame_zoomed_25x", |b| {
        b.iter(|| {
            term.clear().unwrap();
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, bench_tui);
criterion_main!(benches);
