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

/// "FILE: cannot read", the context of a file a command reads itself, in
/// the language of the error line.
fn cannot_read(path: &dyn std::fmt::Display) -> String {
    crate::args::choice::error_text(crate::said!(
        "{path}: kan niet lezen",
        "{path}: cannot read"
    ))
}
