//! The flags of effect measurement: which files hold the baseline and the
//! follow-up year, and how codes correspond between them. Both years go
//! through the same readers and dataset building as `--indicators`, so
//! disclosure control withholds the same cells in effect tables as in
//! every export.

use super::choice::error_text;
use super::InputArgs;
use crate::domain::dataset::{Dataset, DisclosureSettings};
use crate::domain::effect::{CodeMap, YearView};
use crate::domain::profile::Profile;
use crate::i18n::Said;
use crate::io::years::{read_change_flags, sample_code_map, sample_followup};
use crate::io::{load, Inputs, Source};
use crate::said;
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Clone, Args, Default)]
pub struct YearArgs {
    /// Baseline-year indicator file (read like --indicators, joined to
    /// --boundaries). Repeatable. Without it the --indicators files are the
    /// baseline.
    #[arg(long, value_name = "FILE")]
    pub baseline: Vec<PathBuf>,
    /// Follow-up-year indicator file (read like --indicators). Repeatable.
    /// Default on the built-in sample: its 2026 files.
    #[arg(long, value_name = "FILE")]
    pub followup: Vec<PathBuf>,
    /// Code correspondence between the years: lines `old;new;share`, share
    /// = the part of the new unit that comes from the old one.
    #[arg(long, value_name = "FILE")]
    pub code_map: Option<PathBuf>,
    /// A year before the baseline (read like --indicators, repeatable):
    /// `effect` then shows the pre-trend, baseline codes as they are.
    #[arg(long, value_name = "FILE")]
    pub earlier: Vec<PathBuf>,
    /// The baseline's rows of a StatLine export whose Perioden column
    /// holds several years (e.g. 2022 or 2022JJ00); the same file may then
    /// also be the follow-up with --followup-period.
    #[arg(long, value_name = "PERIOD")]
    pub baseline_period: Option<String>,
    /// The follow-up's rows of a file with several Perioden.
    #[arg(long, value_name = "PERIOD")]
    pub followup_period: Option<String>,
    /// The earlier year's rows of a file with several Perioden.
    #[arg(long, value_name = "PERIOD")]
    pub earlier_period: Option<String>,
}

/// One year's rows of each file: with a period, the rows of that period of
/// files that have a Perioden column; without one, a file holding several
/// periods is an error that names them, never a silent mix of years.
fn one_period(
    sources: Vec<Source>,
    period: Option<&str>,
    flag: &str,
) -> anyhow::Result<Vec<Source>> {
    use crate::io::periods::{periods, select_period};
    sources
        .into_iter()
        .map(|src| {
            let held = periods(&src);
            match period {
                Some(p) if !held.is_empty() => Ok(select_period(&src, p)?),
                _ if held.len() > 1 => {
                    let (name, held) = (&src.name, held.into_iter().collect::<Vec<_>>().join(", "));
                    anyhow::bail!(error_text(said!(
                        "{name}: de kolom Perioden bevat meerdere jaren ({held}); kies er een met --{flag} PERIODE",
                        "{name}: its Perioden column holds several years ({held}); choose one with --{flag} PERIOD"
                    )))
                }
                _ => Ok(src),
            }
        })
        .collect()
}

/// The disclosure rules the other years are loaded under: the baseline's,
/// so a cell withheld in one year is not shown in another.
pub struct YearRules {
    /// `--min-cell`, when given.
    pub min_cell: Option<u32>,
    /// The profile's `[disclosure]` section.
    pub disclosure: DisclosureSettings,
}

impl YearRules {
    pub fn new(inputs: &InputArgs, profile: &Profile) -> YearRules {
        YearRules {
            min_cell: inputs.min_cell,
            disclosure: profile.disclosure.clone(),
        }
    }
}

/// The baseline dataset and the sources it was read from.
pub struct Baseline {
    pub dataset: Dataset,
    pub inputs: Inputs,
    /// True on the built-in sample (no input flag at all).
    pub sample: bool,
}

/// The follow-up year, ready for the panel.
pub struct Followup {
    pub view: YearView,
    pub sources: Vec<Source>,
    pub code_map: Option<(Source, CodeMap)>,
}

impl YearArgs {
    pub fn load_baseline(&self, inputs: &InputArgs, profile: &Profile) -> anyhow::Result<Baseline> {
        let mut args = inputs.clone();
        args.indicators.extend(self.baseline.iter().cloned());
        let mut inputs = args.to_inputs_for(profile)?;
        inputs.indicators = one_period(
            std::mem::take(&mut inputs.indicators),
            self.baseline_period.as_deref(),
            "baseline-period",
        )?;
        let sample = inputs
            .indicators
            .iter()
            .all(|s| s.name.starts_with("sample:"));
        let dataset = load(&inputs)?;
        Ok(Baseline {
            dataset,
            inputs,
            sample,
        })
    }

    /// `sample`: the baseline is the built-in sample, so the sample's
    /// follow-up year and code map are the defaults.
    pub fn load_followup(&self, sample: bool, rules: &YearRules) -> anyhow::Result<Followup> {
        let sources: Vec<Source> = if self.followup.is_empty() {
            if !sample {
                anyhow::bail!(error_text(said!(
                    "geen vervolgjaar: geef --followup BESTAND (herhaalbaar)",
                    "no follow-up year: give --followup FILE (repeatable)"
                )));
            }
            sample_followup()
        } else {
            one_period(
                self.followup
                    .iter()
                    .map(|p| Source::read(p))
                    .collect::<Result<_, _>>()?,
                self.followup_period.as_deref(),
                "followup-period",
            )?
        };
        let map_source = match &self.code_map {
            Some(p) => Some(Source::read(p)?),
            None if sample && self.followup.is_empty() => Some(sample_code_map()),
            None => None,
        };
        let code_map = match map_source {
            Some(src) => {
                let text = String::from_utf8_lossy(&src.bytes).into_owned();
                let map = CodeMap::parse(&src.name, &text)?;
                Some((src, map))
            }
            None => None,
        };
        Ok(Followup {
            view: year_view("followup", &sources, rules)?,
            sources,
            code_map,
        })
    }

    /// The earlier year for the pre-trend, when given.
    pub fn load_earlier(
        &self,
        rules: &YearRules,
    ) -> anyhow::Result<Option<(YearView, Vec<Source>)>> {
        if self.earlier.is_empty() {
            return Ok(None);
        }
        let sources: Vec<Source> = one_period(
            self.earlier
                .iter()
                .map(|p| Source::read(p))
                .collect::<Result<_, _>>()?,
            self.earlier_period.as_deref(),
            "earlier-period",
        )?;
        Ok(Some((year_view("earlier", &sources, rules)?, sources)))
    }
}

/// One year's files through the ordinary loader (so disclosure control
/// applies), as a year view with the codes its files mark as changed.
fn year_view(label: &str, sources: &[Source], rules: &YearRules) -> anyhow::Result<YearView> {
    let changed = sources.iter().flat_map(read_change_flags).collect();
    let ds = load(&Inputs {
        indicators: sources.to_vec(),
        min_cell: rules.min_cell,
        disclosure: rules.disclosure.clone(),
        ..Inputs::default()
    })
    .with_context(|| {
        let label_nl = match label {
            "followup" => "vervolgjaar",
            "earlier" => "eerdere jaar",
            other => other,
        };
        error_text(Said::new(
            format!("bij het lezen van het {label_nl}"),
            format!("reading the {label} year"),
        ))
    })?;
    Ok(YearView::from_dataset(label, &ds, changed))
}

/// Which units are pilots and how comparison units are chosen: shared by
/// `peers`, `baseline` and `effect`.
#[derive(Debug, Clone, Args, Default)]
pub struct MatchArgs {
    /// Comparison units per pilot (Mahalanobis nearest on the baseline).
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub k: usize,
    /// Only comparison units in the pilot's own gemeente.
    #[arg(long)]
    pub same_gemeente: bool,
    /// Only comparison units of the pilot's degree of urbanisation (CBS
    /// "mate van stedelijkheid"), matched exactly.
    #[arg(long)]
    pub same_urbanity: bool,
}

impl MatchArgs {
    pub fn settings(&self) -> crate::domain::effect::PeerSettings {
        crate::domain::effect::PeerSettings {
            k: self.k,
            same_gemeente: self.same_gemeente,
            same_urbanity: self.same_urbanity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::{Missing, Value};

    #[test]
    fn later_years_are_loaded_under_the_profiles_declarations() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("zorg_2026.csv");
        std::fs::write(
            &file,
            "buurtcode,meldingen,gem_contacten\nBU99990001,6,2.5\nBU99990002,40,3.5\n",
        )
        .unwrap();
        let years = YearArgs {
            followup: vec![file],
            ..YearArgs::default()
        };
        let view = |rules: &YearRules| {
            let f = years.load_followup(false, rules).unwrap();
            f.view.values["meldingen"].clone()
        };
        let public = YearRules {
            min_cell: None,
            disclosure: DisclosureSettings::default(),
        };
        assert_eq!(view(&public), [Value::Num(6.0), Value::Num(40.0)]);
        let mut profile = Profile::smartstart().unwrap();
        profile.disclosure.microdata = vec!["zorg_*.csv".into()];
        let declared = YearRules::new(&InputArgs::default(), &profile);
        assert_eq!(
            view(&declared),
            [Value::Missing(Missing::Suppressed), Value::Num(40.0)]
        );
        // --min-cell wins over the profile's threshold here too
        profile.disclosure.min_cell = Some(50);
        let flag = InputArgs {
            min_cell: Some(5),
            ..InputArgs::default()
        };
        assert_eq!(
            view(&YearRules::new(&flag, &profile)),
            [Value::Num(6.0), Value::Num(40.0)]
        );
    }
}
