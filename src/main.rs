//! buurtradar: parse the command line and dispatch; nothing else.

use buurtradar::args::LangArgs;
use buurtradar::cli;
use buurtradar::i18n::{Lang, Msg};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "buurtradar",
    version,
    // The app's flags before a subcommand (`--lang en rank`) would be
    // read by nobody: refused instead of silently ignored.
    args_conflicts_with_subcommands = true,
    about = "Choose buurten for prevention pilots from CBS figures and school locations"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Without a subcommand: open the terminal app on these inputs.
    #[command(flatten)]
    app: buurtradar::tui::TuiArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load the inputs and report what they hold and what did not match.
    Check(cli::check::CheckArgs),
    /// Download a gemeente's KWB figures, buurt boundaries and DUO schools into a folder.
    Fetch(cli::fetch::FetchArgs),
    /// List the registry of known CBS indicators and their aliases.
    Indicators(cli::indicators::IndicatorsArgs),
    /// Rank buurten (or wijken, or pilot areas) by need, with stability.
    Rank(cli::rank::RankArgs),
    /// Propose the team per selected unit, with the reason for each member.
    Teams(cli::teams::TeamsArgs),
    /// Write the ranking, teams and method as csv, json, md, geojson, svg or html.
    Export(cli::export::ExportArgs),
    /// List the terminal app's key bindings (defaults and your keys file).
    Keys(cli::keys::KeysArgs),
    /// Start a profile: `profile init [--from-data] > my.toml`.
    Profile(cli::profile::ProfileCmdArgs),
    /// Why A and not B: two units side by side, the gap split by indicator.
    Compare(cli::compare::CompareArgs),
    /// Comparison buurten per pilot (Mahalanobis on the baseline) and the balance table.
    Peers(cli::peers::PeersArgs),
    /// Freeze the baseline (nulmeting) of the pilots and their comparison buurten.
    Baseline(cli::baseline::BaselineArgs),
    /// Measure the effect: difference-in-differences against comparison buurten.
    Effect(cli::effect::EffectArgs),
}

// The work allocates many buffers at once on every core (features while
// parsing, draws and neighbour pairs while ranking); the system allocator
// hands each big one back and faults it in again, which cost a national
// `rank` about a quarter of its time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

impl Cli {
    /// The `--lang` flag of the command, if it has one and it was given.
    fn lang_flag(&self) -> Option<Lang> {
        match &self.command {
            Some(Command::Check(a)) => a.lang.lang,
            Some(Command::Fetch(a)) => Some(a.lang),
            Some(Command::Indicators(a)) => a.lang.lang,
            Some(Command::Rank(a)) => a.lang.lang,
            Some(Command::Teams(a)) => a.lang.lang,
            Some(Command::Export(a)) => a.lang.lang,
            Some(Command::Keys(a)) => a.lang.lang,
            Some(Command::Profile(a)) => match &a.command {
                cli::profile::ProfileCommand::Init(i) => i.lang.lang,
            },
            Some(Command::Compare(a)) => a.lang.lang,
            Some(Command::Peers(a)) => a.lang.lang,
            Some(Command::Baseline(a)) => a.lang.lang,
            Some(Command::Effect(a)) => a.lang.lang,
            None => self.app.lang.lang,
        }
    }
}

fn main() -> ExitCode {
    buurtradar::timing::mark("start");
    let cli = Cli::parse();
    LangArgs::note_flag(cli.lang_flag());
    let result = match cli.command {
        Some(Command::Check(a)) => cli::check::run(a),
        Some(Command::Fetch(a)) => cli::fetch::run(a),
        Some(Command::Indicators(a)) => cli::indicators::run(a),
        Some(Command::Rank(a)) => cli::rank::run(a),
        Some(Command::Teams(a)) => cli::teams::run(a),
        Some(Command::Export(a)) => cli::export::run(a),
        Some(Command::Keys(a)) => cli::keys::run(a),
        Some(Command::Profile(a)) => cli::profile::run(a),
        Some(Command::Compare(a)) => cli::compare::run(a),
        Some(Command::Peers(a)) => cli::peers::run(a),
        Some(Command::Baseline(a)) => cli::baseline::run(a),
        Some(Command::Effect(a)) => cli::effect::run(a),
        None => buurtradar::tui::run(cli.app),
    };
    buurtradar::timing::mark("done");
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `buurtradar rank --format csv | head` closing the pipe early is
        // the reader's choice, not a failure.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // In the command's language: the flag, else the profile's
            // `lang` if the command loaded one, else Dutch.
            let lang = buurtradar::args::choice::error_lang();
            eprintln!(
                "{}: {}",
                Msg::ErrorPrefix.text(lang),
                buurtradar::present::error_text_in(e.as_ref(), lang)
            );
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
