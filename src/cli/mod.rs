//! Command-line front end: one file per subcommand, each `Args` + `run`.

pub mod check;
pub mod indicators;
pub mod inputs;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Table,
    Json,
}
