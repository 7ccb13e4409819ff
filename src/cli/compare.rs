//! `buurtradar compare A B`: why A ranks where it does against B: values,
//! normalised values and contributions side by side, the score gap split by
//! indicator, and the weights at which their order flips.

use super::ReportFormat;
use crate::args::{InputArgs, LangArgs, ProfileArgs};
use crate::domain::analysis::{Analysis, RunOptions};
use crate::domain::compare::Comparison;
use crate::io::load;
use crate::present::compare_lines;
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Code of the first unit (buurt, wijk or pilot area under --rule).
    pub a: String,
    /// Code of the second unit.
    pub b: String,
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub lang: LangArgs,
}

#[derive(Serialize)]
struct CompareOut<'a> {
    a_code: &'a str,
    b_code: &'a str,
    smoothing: &'static str,
    #[serde(flatten)]
    comparison: &'a Comparison,
}

pub fn run(args: CompareArgs) -> anyhow::Result<()> {
    let profile = args.profile.load()?;
    let inputs = args.inputs.to_inputs_for(&profile)?;
    let ds = load(&inputs)?;
    let lang = args.lang.resolve(Some(&profile));
    let opts = RunOptions {
        skip_stability: true,
        skip_candidates: true,
    };
    let a = Analysis::run(&ds, &profile, opts)?;
    let c = a.compare(&args.a, &args.b)?;
    let out = match args.format {
        ReportFormat::Json => {
            serde_json::to_string_pretty(&CompareOut {
                a_code: &args.a,
                b_code: &args.b,
                smoothing: a.profile.smoothing.method.id(),
                comparison: &c,
            })? + "\n"
        }
        ReportFormat::Table => compare_lines(&a, &ds, &c, lang).join("\n") + "\n",
    };
    super::write_stdout(&out)
}
