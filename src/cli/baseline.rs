//! `buurtradar baseline --pilots ... --out FILE`: the nulmeting frozen.
//! The pilots and their comparison buurten with every indicator as
//! loaded (withheld cells stay withheld), the profile and the inputs'
//! SHA-256, written atomically as json for `effect --baseline-snapshot`.

use super::years::{baseline_hashes, baseline_panel, no_did, prepare, run_measure};
use crate::args::choice::error_text;
use crate::args::years::MatchArgs;
use crate::args::{InputArgs, LangArgs, ProfileArgs, YearArgs};
use crate::domain::effect::{Snapshot, SnapshotInput, SnapshotUnit, SNAPSHOT_VERSION};
use crate::export::provenance::now_utc;
use crate::export::write_atomic;
use crate::i18n::Msg;
use crate::said;
use clap::Args;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Pilot buurt codes, comma separated.
    #[arg(long, required = true, value_delimiter = ',', value_name = "CODE,...")]
    pub pilots: Vec<String>,
    /// Comparison buurten, comma separated (default: the peers).
    #[arg(long, value_delimiter = ',', value_name = "CODE,...")]
    pub controls: Vec<String>,
    /// The snapshot file (json), written atomically.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Leave out the creation time, so the same inputs give the same file.
    #[arg(long)]
    pub reproducible: bool,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub years: YearArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[command(flatten)]
    pub lang: LangArgs,
}

pub fn run(args: BaselineArgs) -> anyhow::Result<()> {
    let p = prepare(&args.inputs, &args.years, &args.profile)?;
    let panel = baseline_panel(&p);
    let given = (!args.controls.is_empty()).then_some(args.controls.as_slice());
    let r = run_measure(&p, &panel, &args.pilots, given, &args.matching, no_did())?;
    // A control's distance: to the nearest pilot it was matched to.
    let distance = |code: &str| {
        r.controls_per_pilot
            .iter()
            .flat_map(|pp| pp.controls.iter())
            .filter(|(c, _)| c == code)
            .map(|(_, d)| *d)
            .min_by(f64::total_cmp)
    };
    let unit = |code: &String, role: &str| -> anyhow::Result<SnapshotUnit> {
        let i = *p.before.index.get(code).ok_or_else(|| {
            anyhow::anyhow!(error_text(said!(
                "{code}: geen buurt van de nulmeting",
                "{code}: not a buurt of the baseline"
            )))
        })?;
        let (_, name, gemeente) = &p.before.units[i];
        let values: BTreeMap<_, _> = p
            .before
            .values
            .iter()
            .map(|(id, col)| (id.clone(), col[i]))
            .collect();
        Ok(SnapshotUnit {
            code: code.clone(),
            name: name.clone(),
            gemeente: gemeente.clone(),
            role: role.to_string(),
            distance: if role == "control" {
                distance(code)
            } else {
                None
            },
            values,
        })
    };
    let mut units = Vec::new();
    for c in &r.pilots {
        units.push(unit(c, "pilot")?);
    }
    for c in &r.controls {
        units.push(unit(c, "control")?);
    }
    let snap = Snapshot {
        version: SNAPSHOT_VERSION,
        tool: format!("buurtradar {}", env!("CARGO_PKG_VERSION")),
        created: if args.reproducible {
            None
        } else {
            Some(now_utc()?)
        },
        profile_name: p.profile.name.clone(),
        profile: p.profile.to_toml()?,
        inputs: baseline_hashes(&p.base)
            .into_iter()
            .map(|h| SnapshotInput {
                file: h.file,
                sha256: h.sha256,
            })
            .collect(),
        counts: p.before.counts.iter().cloned().collect(),
        units,
    };
    write_atomic(&args.out, snap.to_json()?.as_bytes())?;
    let line = Msg::BaselineWritten.fill(
        args.lang.resolve(Some(&p.profile)),
        &[
            &args.out.display(),
            &r.pilots.len(),
            &r.controls.len(),
            &p.before.values.len(),
        ],
    );
    super::write_stdout(&(line + "\n"))
}
