//! Writes the synthetic Denkerveen sample or a country-sized benchmark set.

use std::io::{ErrorKind, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use buurtradar_synth::{generate, generate_formats, Scale, SynthSpec, SynthSummary};
use clap::{Parser, ValueEnum};

/// Generate synthetic CBS-style boundaries, statistics and schools.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// sample: the fictional municipality Denkerveen (files go to
    /// OUT/boundaries/ and OUT/sample-data/); national: ~15,000 buurten for
    /// benchmarks; blocks: 250,000 small areas of ~50 vertices over the same
    /// country, the count of US block groups (national and blocks files go
    /// straight into OUT/).
    #[arg(long, value_enum, default_value_t = ScaleArg::Sample)]
    scale: ScaleArg,
    /// Output directory; for the committed sample, the repository root.
    #[arg(long)]
    out: PathBuf,
    /// Same seed, byte-identical files.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Also the GeoPackage, the CBS postcode table (~9 million rows) and a
    /// DUO address list without coordinates (national scale only).
    #[arg(long)]
    formats: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ScaleArg {
    Sample,
    National,
    Blocks,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let scale = match args.scale {
        ScaleArg::Sample => Scale::Sample,
        ScaleArg::National => Scale::National,
        ScaleArg::Blocks => Scale::Blocks,
    };
    let started = Instant::now();
    let spec = SynthSpec {
        scale,
        seed: args.seed,
    };
    let summary = if args.formats {
        let (summary, f) = generate_formats(&spec, &args.out)?;
        eprintln!(
            "also {} (GeoPackage), {} ({} rows), {} (DUO list)",
            f.gpkg.display(),
            f.postcode_table.display(),
            f.postcode_rows,
            f.duo.display()
        );
        summary
    } else {
        generate(&spec, &args.out)?
    };
    let seconds = started.elapsed().as_secs_f64();
    match report(&summary, seconds) {
        // `| head` closing the pipe early is not a failure of the generator.
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn report(s: &SynthSummary, seconds: f64) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} gemeenten, {} wijken, {} buurten, {} vertices, {} schools in {seconds:.2} s",
        s.gemeenten, s.wijken, s.buurten, s.vertices, s.schools
    )?;
    for path in [
        &s.boundaries_path,
        &s.kerncijfers_path,
        &s.kwb_path,
        &s.microdata_path,
        &s.schools_path,
    ]
    .into_iter()
    .chain(s.gpkg_path.iter())
    .chain(s.kwb_xlsx_path.iter())
    {
        writeln!(out, "  {}", path.display())?;
    }
    for path in s.followup_paths.iter().flatten() {
        writeln!(out, "  {}", path.display())?;
    }
    Ok(())
}
