//! One effect measurement from a panel: resolve the pilots, find or take
//! the controls, the balance table and the DiD table.

use super::balance::{balance, BalanceRow};
use super::did::{did_table, DidRow, DidSettings};
use super::error::EffectError;
use super::panel::{Exclusion, Panel, YearView};
use super::peers::{find_peers, Peer, PeerSettings};
use crate::domain::adjacency::Adjacency;
use crate::domain::dataset::{Dataset, Level};
use crate::said;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlsFrom {
    /// Found by `peers` on the baseline.
    Peers,
    /// Named with --controls (or frozen in the snapshot).
    Given,
}

#[derive(Debug, Clone, Serialize)]
pub struct EffectResult {
    pub pilots: Vec<String>,
    pub controls: Vec<String>,
    pub controls_from: ControlsFrom,
    /// Per pilot its peers with distance (when the peers were searched).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub controls_per_pilot: Vec<Peer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub matched_on: Vec<String>,
    /// Units left out as peers: the pilots' direct (queen) neighbours.
    pub spillover_excluded: Vec<String>,
    pub balance: Vec<BalanceRow>,
    pub rows: Vec<DidRow>,
    pub excluded: Vec<Exclusion>,
    /// Units matched through the code map: "old -> new (share)".
    pub mapped: Vec<String>,
    pub not_measured: Vec<String>,
    pub settings: DidSettings,
    pub k: usize,
    /// DiD from an earlier year to the baseline, before any pilot: far
    /// from 0 means the groups did not move alike. Empty with two years.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pretrend: Vec<PretrendRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PretrendRow {
    pub indicator: String,
    pub did: Option<f64>,
}

/// The pre-trend of the same pilots and controls from `earlier` to
/// `baseline`: units missing in the earlier year simply do not count.
pub fn pretrend(
    earlier: &YearView,
    baseline: &YearView,
    r: &EffectResult,
    ids: &[String],
) -> Vec<PretrendRow> {
    let panel = Panel::build(earlier, baseline, None, ids);
    let idx =
        |codes: &[String]| -> Vec<usize> { codes.iter().filter_map(|c| panel.unit(c)).collect() };
    let none = DidSettings {
        draws: 0,
        ..r.settings
    };
    did_table(&panel, &idx(&r.pilots), &idx(&r.controls), &none)
        .into_iter()
        .map(|d| PretrendRow {
            indicator: d.indicator,
            did: d.did,
        })
        .collect()
}

/// Panel indices of the buurten that touch a pilot (queen contiguity),
/// excluding the pilots themselves.
pub fn pilot_neighbours(
    ds: &Dataset,
    tolerance_m: f64,
    panel: &Panel,
    pilots: &[usize],
) -> BTreeSet<usize> {
    let adj = Adjacency::build(&ds.areas, |a| a.level == Level::Buurt, tolerance_m);
    let mut out = BTreeSet::new();
    for &p in pilots {
        let Some(&i) = ds.index.get(&panel.units[p].code) else {
            continue;
        };
        for n in adj.queen(i) {
            if let Some(u) = panel.unit(&ds.areas[n].code) {
                if !pilots.contains(&u) {
                    out.insert(u);
                }
            }
        }
    }
    out
}

/// Panel indices of `codes`, or the reason one is not comparable.
pub fn resolve(panel: &Panel, codes: &[String], control: bool) -> Result<Vec<usize>, EffectError> {
    codes
        .iter()
        .map(|c| {
            panel.unit(c).ok_or_else(|| {
                let reason = panel.why_excluded(c).map(|r| r.label()).unwrap_or_else(|| {
                    said!("geen buurt van de nulmeting", "not a buurt of the baseline")
                });
                if control {
                    EffectError::ControlNotComparable {
                        code: c.clone(),
                        reason,
                    }
                } else {
                    EffectError::PilotNotComparable {
                        code: c.clone(),
                        reason,
                    }
                }
            })
        })
        .collect()
}

pub struct Measure<'a> {
    pub panel: &'a Panel,
    pub pilots: &'a [String],
    /// Given controls; None to search peers.
    pub controls: Option<&'a [String]>,
    /// Panel units that may not be peers (the pilots' neighbours).
    pub spillover: BTreeSet<usize>,
    pub peers: PeerSettings,
    pub did: DidSettings,
}

pub fn measure(m: &Measure<'_>) -> Result<EffectResult, EffectError> {
    if m.pilots.is_empty() {
        return Err(EffectError::NoPilots);
    }
    if m.panel.ids.is_empty() {
        return Err(EffectError::NoIndicators);
    }
    let pilots = resolve(m.panel, m.pilots, false)?;
    let code = |u: &usize| m.panel.units[*u].code.clone();
    // The peers are searched even with given controls: the balance table
    // then compares the given controls with the same candidates.
    let peers = find_peers(m.panel, &pilots, &m.spillover, &m.peers)?;
    let (controls, from, per_pilot) = match m.controls {
        Some(given) => {
            let c = resolve(m.panel, given, true)?;
            if let Some(u) = c.iter().find(|u| pilots.contains(u)) {
                return Err(EffectError::PilotIsControl { code: code(u) });
            }
            (c, ControlsFrom::Given, Vec::new())
        }
        None => (
            peers.controls.clone(),
            ControlsFrom::Peers,
            peers.per_pilot.clone(),
        ),
    };
    let mut matched = peers.clone();
    matched.matched = match m.controls {
        Some(_) => controls.clone(),
        None => peers.matched.clone(),
    };
    Ok(EffectResult {
        pilots: pilots.iter().map(code).collect(),
        controls: controls.iter().map(code).collect(),
        controls_from: from,
        controls_per_pilot: per_pilot,
        matched_on: peers.matched_on.clone(),
        spillover_excluded: m.spillover.iter().map(code).collect(),
        balance: balance(m.panel, &pilots, &matched),
        rows: did_table(m.panel, &pilots, &controls, &m.did),
        excluded: m.panel.excluded.clone(),
        mapped: m
            .panel
            .units
            .iter()
            .filter(|u| !u.mapped_to.is_empty())
            .map(|u| {
                let to: Vec<String> = u
                    .mapped_to
                    .iter()
                    .map(|(c, s)| format!("{c} ({s})"))
                    .collect();
                format!("{} -> {}", u.code, to.join(" + "))
            })
            .collect(),
        not_measured: m.panel.missing_ids.clone(),
        settings: m.did,
        k: m.peers.k,
        pretrend: Vec::new(),
    })
}
