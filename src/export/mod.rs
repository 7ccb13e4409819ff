//! Exports: one trait, one file per format. (Skeleton: the API below is the
//! contract the TUI and the CLI call; the formats are being filled in.)

use crate::domain::analysis::Analysis;
use crate::domain::dataset::Dataset;
use crate::domain::teams::TeamReport;
use crate::io::Inputs;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
    Md,
    Geojson,
    Svg,
    Html,
}

#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// No timestamp: identical inputs give byte-identical output.
    pub reproducible: bool,
    /// Written into the provenance when set.
    pub allow_small_cells: bool,
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
    Other(String),
}

/// Render `format` to bytes.
pub fn render(_ctx: &ExportContext, _format: Format) -> Result<Vec<u8>, ExportError> {
    Err(ExportError::Other("export is not built yet".into()))
}

/// Render and write atomically (temporary file + rename).
pub fn export_to_file(ctx: &ExportContext, format: Format, path: &Path) -> Result<(), ExportError> {
    let bytes = render(ctx, format)?;
    std::fs::write(path, bytes).map_err(|e| ExportError::Other(format!("{}: {e}", path.display())))
}
