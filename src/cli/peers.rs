//! `buurtradar peers CODE...`: per pilot the k most similar buurten on the
//! baseline, the other pilots and their direct neighbours excluded, and
//! the balance table before and after matching.

use super::years::{baseline_panel, no_did, prepare, run_measure};
use super::ReportFormat;
use crate::args::years::MatchArgs;
use crate::args::{InputArgs, LangArgs, ProfileArgs, YearArgs};
use crate::present::effect::peers_lines;
use clap::Args;

#[derive(Debug, Args)]
pub struct PeersArgs {
    /// Pilot buurt codes.
    #[arg(required = true, value_delimiter = ',')]
    pub pilots: Vec<String>,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub years: YearArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub lang: LangArgs,
}

pub fn run(args: PeersArgs) -> anyhow::Result<()> {
    let p = prepare(&args.inputs, &args.years, &args.profile)?;
    let panel = baseline_panel(&p);
    let r = run_measure(&p, &panel, &args.pilots, None, &args.matching, no_did())?;
    let out = match args.format {
        ReportFormat::Json => {
            serde_json::to_string_pretty(&serde_json::json!({
                "pilots": r.pilots,
                "matched_on": r.matched_on,
                "controls_per_pilot": r.controls_per_pilot,
                "spillover_excluded": r.spillover_excluded,
                "balance": r.balance,
            }))? + "\n"
        }
        ReportFormat::Table => {
            peers_lines(&r, args.lang.resolve(Some(&p.profile))).join("\n") + "\n"
        }
    };
    super::write_stdout(&out)
}
