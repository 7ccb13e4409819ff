//! Exports: one trait, one file per format.
//!
//! Every format is rendered from one [`Document`]: the unit rows, the table
//! of cells (each unit's value per indicator, with the reason when it is
//! absent), the disclosure check over exactly those cells, and the
//! provenance. Building the document is where an export that would disclose
//! a small cell fails, so no format can skip the check, and every format
//! shows the same numbers.
//!
//! Provenance per format: json and geojson carry a `provenance` object, md a
//! section with a TOML block, svg a `<metadata>` element, html a
//! `<details id="provenance">` block. csv stays a plain rectangular table: its
//! provenance goes to a sidecar `<out>.provenance.toml`, and on stdout, where
//! there is no sidecar, to leading `# ` comment lines.

mod atomic;
mod cells;
mod charts;
mod csv;
mod disclosure;
pub mod effect_page;
mod escape;
mod exact;
mod geojson;
mod geometry;
mod html;
mod json;
mod md;
pub mod provenance;
mod report;
mod spatial;
mod svg;
pub use svg::MapLayer;

pub use atomic::{write_all_atomic, write_atomic, Staged};
pub use cells::{missing_text, Cell, Cells, IndicatorInfo};
pub use disclosure::{DisclosureSummary, Finding};
pub use provenance::Provenance;

use crate::domain::analysis::{Analysis, UnitRow};
use crate::domain::dataset::Dataset;
use crate::domain::teams::{TeamProposal, TeamReport};
use crate::i18n::bilingual::io_reason;
use crate::i18n::{Bilingual, Lang, Said};
use crate::io::{Inputs, Source};
use crate::said;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
    Md,
    Geojson,
    Svg,
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Csv,
        Format::Json,
        Format::Md,
        Format::Geojson,
        Format::Svg,
        Format::Html,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Md => "md",
            Format::Geojson => "geojson",
            Format::Svg => "svg",
            Format::Html => "html",
        }
    }

    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "json" => Format::Json,
            "md" | "markdown" => Format::Md,
            "geojson" => Format::Geojson,
            "svg" => Format::Svg,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// No timestamp: identical inputs give byte-identical output.
    pub reproducible: bool,
    /// Write cells below the disclosure threshold instead of failing; the
    /// provenance then says so and lists them.
    pub allow_small_cells: bool,
    /// Threshold of the export-time disclosure check. `None`: the load
    /// threshold (`Inputs::min_cell`), or 10 when that is unset or 0 (a load
    /// without suppression is exactly what the check must catch).
    pub min_cell: Option<u32>,
    /// Files besides the data inputs that shaped the export (profile, role
    /// catalogue), as (role, source): hashed into the provenance.
    pub extra_inputs: Vec<(String, Source)>,
    /// Language of the human formats (md, html, svg); csv, json and
    /// geojson keep ids and add labels in it.
    pub lang: crate::i18n::Lang,
    /// The map of a standalone svg.
    pub map: MapLayer,
}

/// Everything an exporter may read.
pub struct ExportContext<'a> {
    pub ds: &'a Dataset,
    pub analysis: &'a Analysis,
    pub teams: &'a TeamReport,
    pub inputs: &'a Inputs,
    pub options: ExportOptions,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Other(Said),
    /// The export would show cells based on too few units, or let a reader
    /// recompute a suppressed one.
    #[error("{}", disclosure::message(*.threshold, .findings))]
    SmallCells {
        threshold: u32,
        findings: Vec<Finding>,
    },
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing into a folder that is not there: said plainly.
    #[error("{}: folder {} {}", .path.display(), .folder.display(), if *.exists { "is not a folder" } else { "does not exist" })]
    NoFolder {
        path: PathBuf,
        folder: PathBuf,
        exists: bool,
    },
}

impl ExportError {
    /// A library's or the formatter's own message, quoted as it is.
    fn other(e: impl std::fmt::Display) -> ExportError {
        ExportError::Other(Said::same(e.to_string()))
    }
}

impl Bilingual for ExportError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ExportError::Other(message) => message.nl.clone(),
            ExportError::SmallCells {
                threshold,
                findings,
            } => disclosure::message_nl(*threshold, findings),
            ExportError::Io { path, source } => {
                format!("{}: {}", path.display(), io_reason(source, lang))
            }
            ExportError::NoFolder {
                path,
                folder,
                exists,
            } => format!(
                "{}: map {} {}",
                path.display(),
                folder.display(),
                if *exists {
                    "is geen map"
                } else {
                    "bestaat niet"
                }
            ),
        }
    }
}

/// One format. `render` gives the bytes of the main output; a format whose
/// provenance cannot live inside its own syntax names a sidecar.
pub trait Exporter {
    fn format(&self) -> Format;
    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError>;
    /// (suffix appended to the output path, bytes)
    fn sidecar(&self, _doc: &Document) -> Result<Option<(&'static str, Vec<u8>)>, ExportError> {
        Ok(None)
    }
    /// Whether `render` reads the provenance: hashing the inputs (tens of
    /// megabytes nationally) is skipped for a main output without it, and so
    /// is any failure to make it (an unreadable postcode table), which only
    /// the outputs that show the provenance report.
    fn render_reads_provenance(&self) -> bool {
        true
    }
}

pub fn exporter(format: Format) -> Box<dyn Exporter> {
    match format {
        Format::Csv => Box::new(csv::Csv),
        Format::Json => Box::new(json::Json),
        Format::Md => Box::new(md::Markdown),
        Format::Geojson => Box::new(geojson::GeoJson),
        Format::Svg => Box::new(svg::Svg),
        Format::Html => Box::new(html::Html),
    }
}

/// What every format renders from: built once, checked once.
pub struct Document<'a> {
    pub ctx: &'a ExportContext<'a>,
    pub format: Format,
    /// Unit indices in output order ([`Analysis::display_order`]: ranked
    /// units by rank, then the rest by code).
    pub order: Vec<usize>,
    /// `rows[i]` describes unit `order[i]`.
    pub rows: Vec<UnitRow>,
    pub cells: Cells,
    pub disclosure: DisclosureSummary,
    /// `None` when built for a main output that does not show it.
    provenance: Option<Provenance>,
    team_index: HashMap<String, usize>,
}

impl<'a> Document<'a> {
    /// Gather the cells, run the disclosure check (fails here) and stamp
    /// the provenance.
    pub fn build(ctx: &'a ExportContext<'a>, format: Format) -> Result<Document<'a>, ExportError> {
        Self::make(ctx, format, true)
    }

    /// [`Document::build`] for a main output that shows no provenance.
    fn without_provenance(
        ctx: &'a ExportContext<'a>,
        format: Format,
    ) -> Result<Document<'a>, ExportError> {
        Self::make(ctx, format, false)
    }

    fn make(
        ctx: &'a ExportContext<'a>,
        format: Format,
        with_provenance: bool,
    ) -> Result<Document<'a>, ExportError> {
        let a = ctx.analysis;
        let order = a.display_order();
        // Hashing the inputs needs nothing of the rows, so it runs beside
        // them.
        let (inputs, (rows, cells)) = rayon::join(
            || with_provenance.then(|| provenance::input_records(ctx)),
            || {
                let rows: Vec<UnitRow> = order.par_iter().map(|&u| a.row(ctx.ds, u)).collect();
                (rows, Cells::build(ctx.ds, a))
            },
        );
        crate::timing::mark("rows, cells and input hashes");
        let disclosure = disclosure::check(ctx, &cells)?;
        let provenance = match inputs {
            Some(inputs) => Some(Provenance::new(ctx, format, &disclosure, inputs?)?),
            None => None,
        };
        crate::timing::mark("provenance");
        let team_index = ctx
            .teams
            .proposals
            .iter()
            .enumerate()
            .map(|(i, p)| (p.buurt_code.clone(), i))
            .collect();
        Ok(Document {
            ctx,
            format,
            order,
            rows,
            cells,
            disclosure,
            provenance,
            team_index,
        })
    }

    pub fn ds(&self) -> &Dataset {
        self.ctx.ds
    }

    /// The provenance; an error for a document built without it (a main
    /// output that said it does not read it).
    pub fn provenance(&self) -> Result<&Provenance, ExportError> {
        self.provenance.as_ref().ok_or_else(|| {
            ExportError::Other(said!(
                "dit document is zonder herkomstgegevens gemaakt",
                "this document was built without its provenance"
            ))
        })
    }

    pub fn analysis(&self) -> &Analysis {
        self.ctx.analysis
    }

    /// The team proposed for a unit, when it has one.
    pub fn team(&self, code: &str) -> Option<&TeamProposal> {
        self.team_index
            .get(code)
            .map(|&i| &self.ctx.teams.proposals[i])
    }

    /// Role names of a unit's team, in proposal order.
    pub fn team_names(&self, code: &str) -> Vec<String> {
        self.team(code)
            .map(|p| p.members.iter().map(|m| m.name_nl.clone()).collect())
            .unwrap_or_default()
    }
}

/// Render `format` to bytes (for csv: the table alone; see the module docs).
pub fn render(ctx: &ExportContext, format: Format) -> Result<Vec<u8>, ExportError> {
    let e = exporter(format);
    let doc = if e.render_reads_provenance() {
        Document::build(ctx, format)?
    } else {
        Document::without_provenance(ctx, format)?
    };
    e.render(&doc)
}

/// Render for a single stream (stdout): a sidecar, which cannot travel
/// there, is put in front as `# ` comment lines.
pub fn render_stream(ctx: &ExportContext, format: Format) -> Result<Vec<u8>, ExportError> {
    let doc = Document::build(ctx, format)?;
    let e = exporter(format);
    let body = e.render(&doc)?;
    let Some((_, side)) = e.sidecar(&doc)? else {
        return Ok(body);
    };
    let mut out = Vec::with_capacity(side.len() + body.len() + 64);
    for line in String::from_utf8_lossy(&side).lines() {
        out.extend_from_slice(if line.is_empty() { b"#" } else { b"# " });
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }
    out.extend_from_slice(&body);
    Ok(out)
}

/// The sidecar path of a format that has one (`out.csv` ->
/// `out.csv.provenance.toml`).
pub fn sidecar_path(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Render and write atomically (temporary file + rename); nothing is
/// written when rendering or the disclosure check fails.
pub fn export_to_file(ctx: &ExportContext, format: Format, path: &Path) -> Result<(), ExportError> {
    export_to_file_paths(ctx, format, path).map(|_| ())
}

/// [`export_to_file`], returning every path written (main output first).
pub fn export_to_file_paths(
    ctx: &ExportContext,
    format: Format,
    path: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    let doc = Document::build(ctx, format)?;
    let e = exporter(format);
    let mut files = vec![(path.to_path_buf(), e.render(&doc)?)];
    if let Some((suffix, bytes)) = e.sidecar(&doc)? {
        files.push((sidecar_path(path, suffix), bytes));
    }
    write_all_atomic(&files)?;
    Ok(files.into_iter().map(|(p, _)| p).collect())
}
