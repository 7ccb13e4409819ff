//! Deterministic synthetic data in the real CBS/DUO file formats.
//!
//! Three scales: `Sample` is the fictional municipality Denkerveen
//! (GM9999), small enough to commit and read by eye, with one of every quirk
//! the readers must survive; `National` is a country-sized set for
//! benchmarks, and `Blocks` the same country cut into 250,000 small areas.
//! The same seed always gives byte-identical files.

mod access;
mod figures;
mod followup;
mod geom;
mod grid_layout;
mod grow;
mod lattice;
mod layout;
mod names;
mod out_geojson;
mod out_gpkg;
mod out_postcodes;
mod out_tables;
mod out_xlsx;
mod publish;
mod sample_layout;
mod school_words;
mod schools;

#[cfg(test)]
mod grid_tests;
mod rng;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use anyhow::{ensure, Context, Result};

pub use followup::{EFFECT, PILOTS, RENAMED};

use figures::Truth;
use geom::MultiPolygon;
use layout::{Kind, Layout};
use publish::TableQuirks;
use schools::School;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthSpec {
    pub scale: Scale,
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Denkerveen: ~100 buurten in WGS84, written to `<out>/boundaries/`
    /// and `<out>/sample-data/` (the repository layout).
    Sample,
    /// ~15,000 buurten, ~3 million vertices in Rijksdriehoek metres,
    /// written flat into `<out>/`.
    National,
    /// 250,000 small areas (the count of US block groups), ~13 million
    /// vertices over the same extent, written flat into `<out>/`.
    Blocks,
}

impl Scale {
    /// The lattice of the country-sized scales; None for the sample.
    pub(crate) fn grid(self) -> Option<&'static grid_layout::Grid> {
        match self {
            Scale::Sample => None,
            Scale::National => Some(&grid_layout::NATIONAL),
            Scale::Blocks => Some(&grid_layout::BLOCKS),
        }
    }

    /// The word in the names of the files written flat into `<out>/`.
    pub fn file_tag(self) -> &'static str {
        match self {
            Scale::Sample => "denkerveen",
            Scale::National => "national",
            Scale::Blocks => "blocks",
        }
    }
}

/// What `generate` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthSummary {
    /// Features in the boundary file (including one without geometry in
    /// the sample).
    pub buurten: usize,
    pub wijken: usize,
    pub gemeenten: usize,
    /// Coordinate pairs in the boundary file, closing points included.
    pub vertices: usize,
    pub schools: usize,
    pub boundaries_path: PathBuf,
    pub kerncijfers_path: PathBuf,
    pub kwb_path: PathBuf,
    pub microdata_path: PathBuf,
    pub schools_path: PathBuf,
    /// The sample only: the same buurten and StatLine figures as a wijk- en
    /// buurtkaart GeoPackage, and the kwb file as xlsx.
    pub gpkg_path: Option<PathBuf>,
    pub kwb_xlsx_path: Option<PathBuf>,
    /// The follow-up year's files (sample only): kerncijfers, kwb, code map.
    pub followup_paths: Option<[PathBuf; 3]>,
}

/// Generates all files of `spec` under `out_dir` (created if missing).
pub fn generate(spec: &SynthSpec, out_dir: &Path) -> Result<SynthSummary> {
    let world = build(spec)?;
    let paths = Paths::new(spec.scale, out_dir);
    paths.create_dirs()?;
    let vertices =
        out_geojson::write_boundaries(&paths.boundaries, &world.layout, &world.shapes, spec.scale)?;
    let rows = publish::rows(&world.layout, &world.truths, world.quirks, spec.seed);
    out_tables::write_statline(&paths.kerncijfers, &rows)?;
    out_tables::write_kwb(&paths.kwb, &rows)?;
    out_tables::write_microdata(&paths.microdata, &world.layout, &world.truths)?;
    out_geojson::write_schools(&paths.schools, &world.layout, &world.schools, spec.scale)?;
    if let (Some(gpkg), Some(xlsx)) = (&paths.gpkg, &paths.kwb_xlsx) {
        out_gpkg::write_sample_gpkg(gpkg, &paths.boundaries, &rows, false)?;
        out_xlsx::write_kwb_xlsx(xlsx, &rows)?;
    }
    if let Some(f) = &paths.followup {
        followup::write(&f.kerncijfers, &f.kwb, &f.code_map, &world.layout, &rows)?;
    }
    Ok(SynthSummary {
        buurten: world
            .layout
            .buurten
            .iter()
            .filter(|b| b.kind.on_map())
            .count(),
        wijken: world.layout.wijken.len(),
        gemeenten: world.layout.gemeenten.len(),
        vertices,
        schools: world.schools.len(),
        boundaries_path: paths.boundaries,
        kerncijfers_path: paths.kerncijfers,
        kwb_path: paths.kwb,
        microdata_path: paths.microdata,
        schools_path: paths.schools,
        gpkg_path: paths.gpkg,
        kwb_xlsx_path: paths.kwb_xlsx,
        followup_paths: paths.followup.map(|f| [f.kerncijfers, f.kwb, f.code_map]),
    })
}

/// The national set in the other forms users download, for the format
/// benchmarks: the GeoPackage of the boundaries with their figures, the
/// CBS postcode table (about 9 million rows) and a DUO address list of the
/// schools without coordinates.
#[derive(Debug, Clone)]
pub struct FormatPaths {
    pub gpkg: PathBuf,
    pub postcode_table: PathBuf,
    pub postcode_rows: u64,
    pub duo: PathBuf,
}

/// Writes the national set ([`generate`]) and its [`FormatPaths`] files.
pub fn generate_formats(spec: &SynthSpec, out_dir: &Path) -> Result<(SynthSummary, FormatPaths)> {
    // The postcode table's codes and filler postcodes are sized for the
    // national set's 15,120 buurten.
    ensure!(
        spec.scale == Scale::National,
        "--formats is for the national set only, not for the {} set",
        spec.scale.file_tag()
    );
    let summary = generate(spec, out_dir)?;
    let world = build(spec)?;
    let rows = publish::rows(&world.layout, &world.truths, world.quirks, spec.seed);
    let paths = FormatPaths {
        gpkg: out_dir.join("wijkenbuurten_national_2024.gpkg"),
        postcode_table: out_dir.join("pc6hnr_national_2024.csv"),
        postcode_rows: 0,
        duo: out_dir.join("duo_vestigingen_bo_national.csv"),
    };
    // The GeoPackage writer refuses to overwrite a table: start afresh.
    let _ = std::fs::remove_file(&paths.gpkg);
    out_gpkg::write_sample_gpkg(&paths.gpkg, &summary.boundaries_path, &rows, true)?;
    let postcode_rows =
        out_postcodes::write_table(&paths.postcode_table, &world.layout, &world.schools)?;
    out_postcodes::write_duo(&paths.duo, &world.schools)?;
    Ok((
        summary,
        FormatPaths {
            postcode_rows,
            ..paths
        },
    ))
}

/// Everything generated, before it is written.
pub(crate) struct World {
    pub layout: Layout,
    /// Per buurt; None for buurten without a published shape.
    pub shapes: Vec<Option<MultiPolygon>>,
    pub truths: Vec<Truth>,
    pub schools: Vec<School>,
    pub quirks: TableQuirks,
}

pub(crate) fn build(spec: &SynthSpec) -> Result<World> {
    let layout = match spec.scale.grid() {
        None => sample_layout::layout(spec.seed)?,
        Some(grid) => grid_layout::layout(grid, spec.seed),
    };
    let shapes = trace_all(&layout)?;
    let mut truths = figures::truths(&layout, spec.seed);
    let schools = schools::place(&layout, &shapes, &truths, spec.scale, spec.seed)?;
    access::fill_access(&layout, &schools, &mut truths);
    let quirks = table_quirks(&layout, &truths, &schools);
    Ok(World {
        layout,
        shapes,
        truths,
        schools,
        quirks,
    })
}

fn trace_all(layout: &Layout) -> Result<Vec<Option<MultiPolygon>>> {
    layout
        .buurten
        .iter()
        .enumerate()
        .map(|(b, buurt)| {
            if buurt.kind.has_shape() {
                let shape = layout.lattice.trace(&layout.labels, b as u32, &buurt.cells);
                shape
                    .map(Some)
                    .with_context(|| format!("tracing {}", buurt.code))
            } else {
                Ok(None)
            }
        })
        .collect()
}

/// Picks the buurt left out of the tables (a populated one without
/// schools, so the school story stays intact) and the one whose kwb
/// inhabitants were revised.
fn table_quirks(layout: &Layout, truths: &[Truth], schools: &[School]) -> TableQuirks {
    let plain = |b: usize| {
        layout.buurten[b].kind == Kind::Regular
            && truths[b].inhabitants >= 500.0
            && schools.iter().all(|s| s.buurt != Some(b))
    };
    let left_out = (0..layout.buurten.len()).rev().find(|&b| plain(b));
    let revised = (0..layout.buurten.len()).find(|&b| plain(b) && Some(b) != left_out);
    TableQuirks { left_out, revised }
}

struct Paths {
    boundaries: PathBuf,
    kerncijfers: PathBuf,
    kwb: PathBuf,
    microdata: PathBuf,
    schools: PathBuf,
    gpkg: Option<PathBuf>,
    kwb_xlsx: Option<PathBuf>,
    followup: Option<FollowupPaths>,
}

struct FollowupPaths {
    kerncijfers: PathBuf,
    kwb: PathBuf,
    code_map: PathBuf,
}

impl Paths {
    fn new(scale: Scale, out: &Path) -> Self {
        match scale {
            Scale::Sample => {
                let data = out.join("sample-data");
                Paths {
                    boundaries: out
                        .join("boundaries")
                        .join("denkerveen_buurten_2024.geojson"),
                    kerncijfers: data.join("kerncijfers_denkerveen_2024.csv"),
                    kwb: data.join("kwb_denkerveen_2024.csv"),
                    microdata: data.join("microdata_denkerveen.csv"),
                    schools: data.join("scholen_denkerveen.geojson"),
                    gpkg: Some(data.join("wijkenbuurten_denkerveen_2024.gpkg")),
                    kwb_xlsx: Some(data.join("kwb_denkerveen_2024.xlsx")),
                    followup: Some(FollowupPaths {
                        kerncijfers: data.join("kerncijfers_denkerveen_2026.csv"),
                        kwb: data.join("kwb_denkerveen_2026.csv"),
                        code_map: data.join("codes_denkerveen_2024_2026.csv"),
                    }),
                }
            }
            Scale::National | Scale::Blocks => {
                let tag = scale.file_tag();
                Paths {
                    boundaries: out.join(format!("buurten_{tag}_2024.geojson")),
                    kerncijfers: out.join(format!("kerncijfers_{tag}_2024.csv")),
                    kwb: out.join(format!("kwb_{tag}_2024.csv")),
                    microdata: out.join(format!("microdata_{tag}.csv")),
                    schools: out.join(format!("scholen_{tag}.geojson")),
                    gpkg: None,
                    kwb_xlsx: None,
                    followup: None,
                }
            }
        }
    }

    fn create_dirs(&self) -> Result<()> {
        for file in [
            &self.boundaries,
            &self.kerncijfers,
            &self.kwb,
            &self.microdata,
            &self.schools,
        ] {
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
        }
        Ok(())
    }
}

/// The national benchmark set ([`bench_inputs`]).
pub fn national_bench_inputs() -> Result<(SynthSummary, buurtradar::io::Inputs)> {
    bench_inputs(Scale::National)
}

/// The set `$BUURTRADAR_BENCH_SET` names: `national` (also when unset) or
/// `blocks`.
pub fn bench_scale() -> Result<Scale> {
    match std::env::var("BUURTRADAR_BENCH_SET").as_deref() {
        Err(_) | Ok("national") => Ok(Scale::National),
        Ok("blocks") => Ok(Scale::Blocks),
        Ok(other) => {
            anyhow::bail!("BUURTRADAR_BENCH_SET is {other:?}; it can be \"national\" or \"blocks\"")
        }
    }
}

/// A benchmark set (national or blocks, seed 42), generated into
/// `$BUURTRADAR_NATIONAL` / `$BUURTRADAR_BLOCKS` or
/// `$CARGO_TARGET_DIR/<national|blocks>-42` and read back as load inputs.
/// Every benchmark starts here, so they all measure the same files.
pub fn bench_inputs(scale: Scale) -> Result<(SynthSummary, buurtradar::io::Inputs)> {
    ensure!(scale != Scale::Sample, "the sample is no benchmark set");
    let tag = scale.file_tag();
    let dir = match std::env::var(format!("BUURTRADAR_{}", tag.to_uppercase())) {
        Ok(d) => PathBuf::from(d),
        Err(_) => {
            let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
            PathBuf::from(target).join(format!("{tag}-42"))
        }
    };
    let summary = generate(&SynthSpec { scale, seed: 42 }, &dir)
        .with_context(|| format!("generating the {tag} set in {}", dir.display()))?;
    let read = |p: &PathBuf| buurtradar::io::Source::read(p).map_err(anyhow::Error::from);
    let inputs = buurtradar::io::Inputs {
        boundaries: Some(read(&summary.boundaries_path)?),
        indicators: vec![read(&summary.kerncijfers_path)?, read(&summary.kwb_path)?],
        schools: Some(read(&summary.schools_path)?),
        ..buurtradar::io::Inputs::default()
    };
    Ok((summary, inputs))
}
