//! The interactive terminal app: ranked table, map, detail, weights and
//! team in one linked view.
//!
//! Shape: key and mouse events become [`action::Action`]s through the
//! [`keymap`]; [`update::update`] applies an action to the [`app::App`] and
//! may hand back an [`action::Effect`] (file writes, the Monte Carlo) that the
//! loop in [`terminal`] runs; the [`widgets`] only read the app.
//!
//! The bindings are data (`keymap/default_keys.toml`, overridable by a
//! user file); every other text comes from the catalogue in
//! [`crate::i18n`].

use crate::args::ProfileArgs;
use crate::args::{InputArgs, LangArgs};
use clap::Args;

pub use crate::i18n::Lang;

pub mod action;
pub mod app;
pub mod dialogs;
pub mod effects;
pub mod fmt;
pub mod geometry;
pub mod keymap;
pub mod labels;
pub mod layout;
pub mod notes;
pub mod picks;
pub mod rows;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod widgets;

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Args, Default)]
pub struct TuiArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// The start language (the language key switches it while running).
    #[command(flatten)]
    pub lang: LangArgs,
    /// Follow-up-year indicator file (repeatable): `E` then measures the
    /// effect on the shortlist. On the built-in sample: its 2026 files.
    #[arg(long, value_name = "FILE")]
    pub followup: Vec<std::path::PathBuf>,
    /// Code correspondence between the years (as for `effect`).
    #[arg(long, value_name = "FILE")]
    pub code_map: Option<std::path::PathBuf>,
    /// The follow-up's rows of a file with several Perioden.
    #[arg(long, value_name = "PERIOD")]
    pub followup_period: Option<String>,
}

/// Load the inputs, build the app and run it until the user quits.
pub fn run(args: TuiArgs) -> anyhow::Result<()> {
    terminal::run(args)
}
