//! Command-line front end: one file per subcommand, each `Args` + `run`.

pub mod check;
pub mod export;
pub mod indicators;
pub mod inputs;
pub mod profile_args;
pub mod rank;
pub mod teams;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Table,
    Json,
}
