//! The interactive terminal app (work in progress).

use crate::cli::inputs::InputArgs;
use crate::cli::profile_args::ProfileArgs;
use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

#[derive(Debug, Clone, Args, Default)]
pub struct TuiArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// Interface language.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

pub fn run(_args: TuiArgs) -> anyhow::Result<()> {
    anyhow::bail!("the terminal app is not built yet: use `buurtradar rank` or `buurtradar teams`")
}
