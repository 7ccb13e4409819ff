//! Command-line front end: one file per subcommand, each `Args` + `run`.

pub mod baseline;
pub mod check;
pub mod compare;
pub mod effect;
pub mod export;
pub mod fetch;
pub mod indicators;
pub mod keys;
pub mod peers;
pub mod profile;
pub mod rank;
pub mod teams;
mod years;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Table,
    Json,
}

/// Write a command's output to stdout. Unlike `print!`, a closed pipe
/// (`| head`) comes back as an error for `main` to treat as a normal end,
/// not a panic.
pub fn write_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// "FILE: cannot read: why", for a file a command reads itself, in the
/// language of the error line.
fn cannot_read(path: &dyn std::fmt::Display, e: &std::io::Error) -> anyhow::Error {
    let why = crate::io::error::io_said(e);
    anyhow::anyhow!(crate::args::choice::error_text(crate::said!(
        "{path}: kan niet lezen: {why}",
        "{path}: cannot read: {why}";
        why
    )))
}
