//! Checks on the country-sized layouts that need no files: the blocks set
//! is too large to generate in every test run, so its codes, names and
//! shapes are checked on the layout and on traced samples.

use std::collections::BTreeSet;

use anyhow::{ensure, Result};

use super::grid_layout::{layout, Grid, BLOCKS, NATIONAL};
use super::layout::Layout;

fn digits(code: &str, prefix: &str, n: usize) -> bool {
    code.strip_prefix(prefix)
        .is_some_and(|d| d.len() == n && d.bytes().all(|b| b.is_ascii_digit()))
}

fn check_codes(grid: &Grid, l: &Layout) -> Result<()> {
    ensure!(l.buurten.len() == grid.nx * grid.ny, "one buurt per cell");
    ensure!(l.gemeenten.len() == grid.gemeenten());
    let mut seen = BTreeSet::new();
    for g in &l.gemeenten {
        ensure!(digits(&g.code, "GM", 4), "bad gemeente code {}", g.code);
        ensure!(g.code != "GM0000", "GM0000 is no gemeente");
        ensure!(seen.insert(g.code.clone()), "{} twice", g.code);
    }
    let names: BTreeSet<&str> = l.gemeenten.iter().map(|g| g.name.as_str()).collect();
    ensure!(names.len() == l.gemeenten.len(), "gemeente names repeat");
    for w in &l.wijken {
        let gm = &l.gemeenten[w.gemeente].code[2..];
        ensure!(digits(&w.code, "WK", 6), "bad wijk code {}", w.code);
        ensure!(&w.code[2..6] == gm, "{} is not in GM{gm}", w.code);
        ensure!(seen.insert(w.code.clone()), "{} twice", w.code);
    }
    for b in &l.buurten {
        let wk = &l.wijken[b.wijk].code[2..];
        ensure!(digits(&b.code, "BU", 8), "bad buurt code {}", b.code);
        ensure!(&b.code[2..8] == wk, "{} is not in WK{wk}", b.code);
        ensure!(seen.insert(b.code.clone()), "{} twice", b.code);
    }
    Ok(())
}

#[test]
fn blocks_has_250000_buurten_with_valid_unique_codes() -> Result<()> {
    let l = layout(&BLOCKS, 42);
    check_codes(&BLOCKS, &l)?;
    ensure!(l.buurten.len() == 250_000);
    ensure!(l.gemeenten.len() == 2_500);
    Ok(())
}

#[test]
fn national_codes_stay_valid() -> Result<()> {
    check_codes(&NATIONAL, &layout(&NATIONAL, 42))
}

/// Mean vertices per traced buurt, over every `stride`-th buurt.
fn mean_vertices(l: &Layout, stride: usize) -> Result<f64> {
    let (mut total, mut n) = (0usize, 0usize);
    for b in (0..l.buurten.len()).step_by(stride) {
        let shape = l.lattice.trace(&l.labels, b as u32, &l.buurten[b].cells)?;
        total += shape.iter().flatten().map(|ring| ring.len()).sum::<usize>();
        n += 1;
    }
    Ok(total as f64 / n as f64)
}

#[test]
fn blocks_buurten_have_about_fifty_vertices_and_national_two_hundred() -> Result<()> {
    let blocks = mean_vertices(&layout(&BLOCKS, 42), 997)?;
    ensure!((40.0..=60.0).contains(&blocks), "blocks: {blocks:.1}");
    let national = mean_vertices(&layout(&NATIONAL, 42), 97)?;
    ensure!(
        (180.0..=220.0).contains(&national),
        "national: {national:.1}"
    );
    Ok(())
}

#[test]
fn blocks_cells_are_smaller_in_the_same_extent() -> Result<()> {
    let (b, n) = (layout(&BLOCKS, 42), layout(&NATIONAL, 42));
    let extent = |l: &Layout| {
        let f = l.lattice.frame;
        let lo = f.to_world([0.0, 0.0]);
        let hi = f.to_world([l.lattice.nx as f64, l.lattice.ny as f64]);
        [lo[0], lo[1], hi[0], hi[1]]
    };
    let (eb, en) = (extent(&b), extent(&n));
    for k in 0..4 {
        ensure!(
            (eb[k] - en[k]).abs() < 1_000.0,
            "extent differs: {eb:?} {en:?}"
        );
    }
    let step = b.lattice.frame.step;
    ensure!(step[0] < 600.0 && step[1] < 700.0, "cells of {step:?} m");
    Ok(())
}
