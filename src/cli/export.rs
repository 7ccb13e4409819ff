//! `buurtradar export`: the ranking, teams and method as csv, json, md,
//! geojson, svg or html, with provenance, written atomically. Disclosure
//! control is checked on exactly what is about to be written.

use super::teams::load_catalogue;
use crate::args::choice::error_text;
use crate::args::InputArgs;
use crate::args::ProfileArgs;
use crate::args::{HandArgs, LangArgs};
use crate::domain::analysis::{Analysis, RunOptions};
use crate::domain::teams::TeamSettings;
use crate::export::{
    export_to_file_paths, render_stream, ExportContext, ExportOptions, Format, MapLayer,
};
use crate::i18n::{Msg, Rt};
use crate::io::{load, Source};
use crate::said;
use anyhow::anyhow;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[command(flatten)]
    pub hand: HandArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    /// Output format; default: from the extension of --out.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Output file, or `-` for stdout. A csv file gets its provenance in
    /// `<out>.provenance.toml`; on stdout as leading `#` lines.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Leave out the timestamp: the same inputs and profile give
    /// byte-identical output.
    #[arg(long)]
    pub reproducible: bool,
    /// Write microdata cells below --min-cell anyway (not for publication).
    /// Nothing is suppressed at load; the provenance records the flag and
    /// lists the small cells.
    #[arg(long)]
    pub allow_small_cells: bool,
    /// Role catalogue and rules (TOML); default: the embedded catalogue.
    #[arg(long, value_name = "FILE")]
    pub roles: Option<PathBuf>,
    /// Maximum team size, core roles included.
    #[arg(long, default_value_t = 8)]
    pub max_size: usize,
    /// The map of the svg: score (quantile classes) or lisa (the clusters
    /// of the score, as in the html report).
    #[arg(long, value_enum, default_value_t)]
    pub map: MapLayer,
}

/// Steps on stderr when it is a terminal; nothing when piped, so scripts
/// and logs stay clean.
struct Steps(ProgressBar);

impl Steps {
    fn new(total: u64) -> Steps {
        if !std::io::stderr().is_terminal() {
            return Steps(ProgressBar::hidden());
        }
        let pb = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        pb.set_style(
            ProgressStyle::with_template("{spinner} [{pos}/{len}] {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        // The Monte Carlo gives no callbacks: a ticking spinner shows it is
        // still at work.
        pb.enable_steady_tick(Duration::from_millis(120));
        Steps(pb)
    }

    fn step(&self, msg: String) {
        self.0.inc(1);
        self.0.set_message(msg);
    }
}

impl Steps {
    /// Replace the bar by one line that stays, on a terminal only.
    fn done(self, msg: String) {
        if !self.0.is_hidden() {
            self.0.finish_and_clear();
            eprintln!("{msg}");
        }
    }
}

impl Drop for Steps {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

fn is_stdout(p: &Path) -> bool {
    p.as_os_str() == "-"
}

pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    let format = match args.format {
        Some(f) => f,
        None if is_stdout(&args.out) => {
            return Err(anyhow!(error_text(said!(
                "--out -: geef --format csv|json|md|geojson|svg|html",
                "--out -: give --format csv|json|md|geojson|svg|html"
            ))))
        }
        None => Format::from_path(&args.out).ok_or_else(|| {
            let out = args.out.display();
            anyhow!(error_text(said!(
                "--out {out}: het formaat volgt niet uit de extensie; geef --format csv|json|md|geojson|svg|html",
                "--out {out}: cannot tell the format from the extension; give --format csv|json|md|geojson|svg|html"
            )))
        })?,
    };
    let profile = args.profile.load()?;
    let lang = args.lang.resolve(Some(&profile));
    let steps = Steps::new(5);
    steps.step(Msg::ExportStepLoad.text(lang).into());
    if args.map != MapLayer::Score && format != Format::Svg {
        let map = args
            .map
            .to_possible_value()
            .map(|v| v.get_name().to_string());
        anyhow::bail!(Rt::MapOnlySvg.fill(lang, &[&map.unwrap_or_default()]));
    }
    let mut inputs = args.inputs.to_inputs_for(&profile)?;
    // The threshold the export checks at, before load is told to keep
    // every cell.
    let min_cell = inputs.min_cell();
    if args.allow_small_cells {
        inputs.min_cell = Some(0);
    }
    let ds = load(&inputs)?;
    steps.step(Msg::ExportStepRank.fill(lang, &[&profile.monte_carlo.draws]));
    let mut a = Analysis::run(&ds, &profile, RunOptions::default())?;
    args.hand.apply(&ds, &mut a)?;
    steps.step(Msg::ExportStepTeams.text(lang).into());
    let catalogue = load_catalogue(args.roles.as_ref())?;
    let teams = a.teams(
        &ds,
        &catalogue,
        &TeamSettings {
            max_size: args.max_size,
            explain: false,
        },
        &[],
    );
    let mut extra_inputs = Vec::new();
    if let Some(p) = &args.profile.profile {
        extra_inputs.push(("profile".to_string(), Source::read(p)?));
    }
    if let Some(r) = &args.roles {
        extra_inputs.push(("roles".to_string(), Source::read(r)?));
    }
    let ctx = ExportContext {
        ds: &ds,
        analysis: &a,
        teams: &teams,
        inputs: &inputs,
        options: ExportOptions {
            reproducible: args.reproducible,
            allow_small_cells: args.allow_small_cells,
            min_cell: Some(min_cell),
            extra_inputs,
            lang,
            map: args.map,
        },
    };
    steps.step(Msg::ExportStepRender.fill(lang, &[&format]));
    if is_stdout(&args.out) {
        let bytes = render_stream(&ctx, format)?;
        let mut out = std::io::stdout().lock();
        out.write_all(&bytes)?;
        out.flush()?;
        return Ok(());
    }
    let written = export_to_file_paths(&ctx, format, &args.out)?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    let names = names.join(Msg::ExportStepAnd.text(lang));
    steps.done(Msg::ExportStepWrote.fill(lang, &[&names]));
    Ok(())
}
