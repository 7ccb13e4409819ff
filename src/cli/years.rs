//! What `peers`, `baseline` and `effect` share: the baseline year loaded
//! and made a year view, and the peer search on it.

use crate::args::years::{Baseline, MatchArgs};
use crate::args::{InputArgs, ProfileArgs, YearArgs};
use crate::domain::effect::{
    measure, pilot_neighbours, resolve, DidSettings, EffectResult, Measure, Panel, YearView,
};
use crate::domain::profile::Profile;
use crate::export::provenance::sha256_hex;
use crate::io::Source;
use serde::Serialize;

pub(crate) struct Prepared {
    pub base: Baseline,
    pub before: YearView,
    pub profile: Profile,
    /// The profile's indicators, in its order.
    pub ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct InputHash {
    pub file: String,
    pub sha256: String,
}

pub(crate) fn hashes<'a>(sources: impl IntoIterator<Item = &'a Source>) -> Vec<InputHash> {
    sources
        .into_iter()
        .map(|s| InputHash {
            file: s.name.clone(),
            sha256: sha256_hex(&s.bytes),
        })
        .collect()
}

pub(crate) fn baseline_hashes(b: &Baseline) -> Vec<InputHash> {
    hashes(
        b.inputs
            .boundaries
            .iter()
            .chain(&b.inputs.indicators)
            .chain(&b.inputs.schools),
    )
}

pub(crate) fn prepare(
    inputs: &InputArgs,
    years: &YearArgs,
    profile: &ProfileArgs,
) -> anyhow::Result<Prepared> {
    let profile = profile.load()?;
    let base = years.load_baseline(inputs, &profile)?;
    let before = YearView::from_dataset("baseline", &base.dataset, Default::default());
    let ids = profile.indicators.iter().map(|i| i.id.clone()).collect();
    Ok(Prepared {
        base,
        before,
        profile,
        ids,
    })
}

/// Peers of `pilots` on `panel`, neighbours of the pilots excluded.
pub(crate) fn run_measure(
    p: &Prepared,
    panel: &Panel,
    pilots: &[String],
    controls: Option<&[String]>,
    m: &MatchArgs,
    did: DidSettings,
) -> anyhow::Result<EffectResult> {
    let idx = resolve(panel, pilots, false)?;
    let spillover = pilot_neighbours(
        &p.base.dataset,
        p.profile.pilot.adjacency_tolerance_m,
        panel,
        &idx,
    );
    Ok(measure(&Measure {
        panel,
        pilots,
        controls,
        spillover,
        peers: m.settings(),
        did,
    })?)
}

/// The baseline alone as a panel (follow-up = baseline): what the peer
/// search needs before any follow-up exists.
pub(crate) fn baseline_panel(p: &Prepared) -> Panel {
    Panel::build(&p.before, &p.before, None, &p.ids)
}

/// Peers only: no DiD to compute.
pub(crate) fn no_did() -> DidSettings {
    DidSettings {
        draws: 0,
        ..DidSettings::default()
    }
}
