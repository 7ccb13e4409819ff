//! `buurtradar export` (work in progress).

use clap::Args;

#[derive(Debug, Args)]
pub struct ExportArgs {}

pub fn run(_args: ExportArgs) -> anyhow::Result<()> {
    anyhow::bail!("export is not built yet")
}
