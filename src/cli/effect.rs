//! `buurtradar effect --pilots CODE,... [--controls CODE,...]`: per
//! indicator the pilots' and the comparison buurten' means before and
//! after, the difference-in-differences and a placebo-in-space interval;
//! as the "Effectmeting" section (md), csv or json.

use super::years::{baseline_hashes, hashes, prepare, run_measure, InputHash};
use crate::args::choice::error_text;
use crate::args::years::{MatchArgs, YearRules};
use crate::args::{InputArgs, LangArgs, ProfileArgs, YearArgs};
use crate::domain::effect::{
    measure, pretrend, DidSettings, EffectResult, Measure, Panel, Snapshot,
};
use crate::domain::profile::Profile;
use crate::export::write_atomic;
use crate::i18n::Msg;
use crate::present::effect::effect_section;
use crate::present::numbers::{number, DecimalMark};
use crate::said;
use anyhow::Context;
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum EffectFormat {
    #[default]
    Md,
    Csv,
    Json,
    /// A self-contained page with the before/after chart.
    Html,
}

#[derive(Debug, Args)]
pub struct EffectArgs {
    /// Pilot buurt codes, comma separated (default with
    /// --baseline-snapshot: the snapshot's pilots).
    #[arg(long, value_delimiter = ',', value_name = "CODE,...")]
    pub pilots: Vec<String>,
    /// Comparison buurten, comma separated (default: the peers, or the
    /// snapshot's comparison buurten).
    #[arg(long, value_delimiter = ',', value_name = "CODE,...")]
    pub controls: Vec<String>,
    /// Read the baseline from a snapshot written by `baseline` instead of
    /// the baseline files.
    #[arg(long, value_name = "FILE")]
    pub baseline_snapshot: Option<PathBuf>,
    /// Placebo permutations for the interval.
    #[arg(long, value_name = "N", default_value_t = 999)]
    pub permutations: usize,
    /// Seed of the permutations: same seed, same interval.
    #[arg(long, value_name = "S", default_value_t = 20260101)]
    pub placebo_seed: u64,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub years: YearArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: EffectFormat,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub lang: LangArgs,
}

#[derive(Serialize)]
struct EffectOut<'a> {
    #[serde(flatten)]
    effect: &'a EffectResult,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_snapshot: Option<String>,
    baseline_inputs: Vec<InputHash>,
    followup_inputs: Vec<InputHash>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code_map: Option<InputHash>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    earlier_inputs: Vec<InputHash>,
}

pub fn run(args: EffectArgs) -> anyhow::Result<()> {
    let lang = args.lang.resolve(args.profile.load().ok().as_ref());
    let did = DidSettings {
        draws: args.permutations,
        seed: args.placebo_seed,
        ..DidSettings::default()
    };
    let given = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
    let (r, base_hashes, snapshot_note, f, before, rules) = match &args.baseline_snapshot {
        Some(path) => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| super::cannot_read(&name, &e))?;
            let snap = Snapshot::from_json(&name, &text)?;
            let profile = Profile::parse(&snap.profile).with_context(|| {
                error_text(said!("{name}: ongeldig profiel", "{name}: invalid profile"))
            })?;
            let ids: Vec<String> = profile.indicators.iter().map(|i| i.id.clone()).collect();
            let sample = snap.inputs.iter().all(|i| i.file.starts_with("sample:"));
            let rules = YearRules::new(&args.inputs, &profile);
            let f = args.years.load_followup(sample, &rules)?;
            let panel = Panel::build(
                &snap.year_view(),
                &f.view,
                f.code_map.as_ref().map(|m| &m.1),
                &ids,
            );
            let pilots = given(&args.pilots).unwrap_or_else(|| snap.codes("pilot"));
            // A frozen control that is not comparable in the follow-up is
            // dropped; the panel's exclusion list says why.
            let controls: Vec<String> = given(&args.controls)
                .unwrap_or_else(|| snap.codes("control"))
                .into_iter()
                .filter(|c| args.controls.contains(c) || panel.unit(c).is_some())
                .collect();
            let r = measure(&Measure {
                panel: &panel,
                pilots: &pilots,
                controls: Some(&controls),
                spillover: Default::default(),
                peers: args.matching.settings(),
                did,
            })?;
            let hashes = snap
                .inputs
                .iter()
                .map(|i| InputHash {
                    file: i.file.clone(),
                    sha256: i.sha256.clone(),
                })
                .collect();
            let note = Msg::EffectFromSnapshot.fill(lang, &[&name, &snap.tool]);
            (r, hashes, Some((name, note)), f, snap.year_view(), rules)
        }
        None => {
            if args.pilots.is_empty() {
                anyhow::bail!(error_text(said!(
                    "geef --pilots CODE,... (of --baseline-snapshot BESTAND)",
                    "give --pilots CODE,... (or --baseline-snapshot FILE)"
                )));
            }
            let p = prepare(&args.inputs, &args.years, &args.profile)?;
            let rules = YearRules::new(&args.inputs, &p.profile);
            let f = args.years.load_followup(p.base.sample, &rules)?;
            let panel = Panel::build(
                &p.before,
                &f.view,
                f.code_map.as_ref().map(|m| &m.1),
                &p.ids,
            );
            let controls = given(&args.controls);
            let r = run_measure(
                &p,
                &panel,
                &args.pilots,
                controls.as_deref(),
                &args.matching,
                did,
            )?;
            (r, baseline_hashes(&p.base), None, f, p.before, rules)
        }
    };
    let mut r = r;
    let earlier = args.years.load_earlier(&rules)?;
    if let Some((view, _)) = &earlier {
        let ids: Vec<String> = r.rows.iter().map(|d| d.indicator.clone()).collect();
        r.pretrend = pretrend(view, &before, &r, &ids);
    }
    let text = match args.format {
        EffectFormat::Csv => csv_text(&r),
        EffectFormat::Md => {
            let mut lines = effect_section(&r, lang, true);
            if let Some((_, note)) = &snapshot_note {
                lines.insert(2, note.clone());
                lines.insert(3, String::new());
            }
            lines.join("\n") + "\n"
        }
        EffectFormat::Html => crate::export::effect_page::page(
            &r,
            lang,
            snapshot_note.as_ref().map(|(_, n)| n.as_str()),
        ),
        EffectFormat::Json => {
            serde_json::to_string_pretty(&EffectOut {
                effect: &r,
                baseline_snapshot: snapshot_note.map(|(n, _)| n),
                baseline_inputs: base_hashes,
                followup_inputs: hashes(&f.sources),
                code_map: f.code_map.as_ref().and_then(|(s, _)| hashes([s]).pop()),
                earlier_inputs: earlier.as_ref().map(|(_, s)| hashes(s)).unwrap_or_default(),
            })? + "\n"
        }
    };
    match &args.out {
        Some(path) => Ok(write_atomic(path, text.as_bytes())?),
        None => super::write_stdout(&text),
    }
}

/// The csv: exactly these columns; an empty cell where a group has no
/// unit with a figure in both years.
fn csv_text(r: &EffectResult) -> String {
    let cell = |v: Option<f64>| match v {
        Some(_) => number(v, 4, DecimalMark::Point),
        None => String::new(),
    };
    let mut out = String::from(
        "indicator,pilot_before,pilot_after,control_before,control_after,did,ci_low,ci_high\n",
    );
    for d in &r.rows {
        let cells = [
            d.pilot_before,
            d.pilot_after,
            d.control_before,
            d.control_after,
            d.did,
            d.ci_low,
            d.ci_high,
        ]
        .map(cell);
        out.push_str(&format!("{},{}\n", d.indicator, cells.join(",")));
    }
    out
}
