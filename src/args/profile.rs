//! Flags that adjust the profile for one run, shared by rank, teams and export.

use super::choice::error_text;
use crate::domain::pilot::PilotRule;
use crate::domain::profile::Profile;
use crate::io::error::io_said;
use crate::said;
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Clone, Args, Default)]
pub struct ProfileArgs {
    /// Profile TOML (weights, normalisation, eligibility, pilot rule).
    /// Default: the embedded `smartstart` profile.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Limit the scope to these gemeenten (name or GM code). Repeatable.
    #[arg(long, value_name = "NAME|CODE")]
    pub gemeente: Vec<String>,
    /// Minimum number of primary schools per pilot unit.
    #[arg(long, value_name = "N")]
    pub min_schools: Option<u32>,
    /// Size of the shortlist.
    #[arg(long, value_name = "K")]
    pub top: Option<usize>,
    /// Monte Carlo draws over the weights.
    #[arg(long, value_name = "N")]
    pub draws: Option<usize>,
    /// Seed of the Monte Carlo: same seed, same figures.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// What a pilot is run in (and how its schools are counted).
    #[arg(long, value_enum)]
    pub rule: Option<PilotRule>,
    /// Catchment rule: count schools within this many metres of the border.
    #[arg(long, value_name = "METRES")]
    pub catchment_m: Option<f64>,
}

impl ProfileArgs {
    pub fn load(&self) -> anyhow::Result<Profile> {
        let mut p = match &self.profile {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    let (path, why) = (path.display(), io_said(&e));
                    anyhow::anyhow!(error_text(said!(
                        "{path}: kan profiel niet lezen: {why}",
                        "{path}: cannot read profile: {why}";
                        why
                    )))
                })?;
                Profile::parse(&text).with_context(|| {
                    let path = path.display();
                    error_text(said!("{path}: ongeldig profiel", "{path}: invalid profile"))
                })?
            }
            None => Profile::smartstart()?,
        };
        super::choice::note_loaded_profile(&p);
        if !self.gemeente.is_empty() {
            p.eligibility.gemeenten = self.gemeente.clone();
        }
        if let Some(n) = self.min_schools {
            p.eligibility.min_primary_schools = n;
        }
        if let Some(k) = self.top {
            p.top_k = k;
        }
        if let Some(d) = self.draws {
            p.monte_carlo.draws = d;
        }
        if let Some(s) = self.seed {
            p.monte_carlo.seed = s;
        }
        if let Some(r) = self.rule {
            p.pilot.rule = r;
        }
        if let Some(c) = self.catchment_m {
            p.pilot.catchment_m = c;
        }
        p.validate()?;
        Ok(p)
    }
}
