//! Comparison buurten: per pilot the k units most like it at baseline,
//! by Mahalanobis distance on the indicators (so two indicators that
//! measure one thing do not count twice). Pilots and the units the caller
//! excludes (their neighbours: spill-over) are never peers.

use super::error::EffectError;
use super::matrix::{covariance, invert, quadratic_distance};
use super::panel::Panel;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PeerSettings {
    pub k: usize,
    /// Only peers in the pilot's own gemeente.
    pub same_gemeente: bool,
    /// Only peers of the pilot's degree of urbanisation (CBS "mate van
    /// stedelijkheid", 1-5), matched exactly.
    #[serde(default)]
    pub same_urbanity: bool,
}

impl Default for PeerSettings {
    fn default() -> Self {
        PeerSettings {
            k: 5,
            same_gemeente: false,
            same_urbanity: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Peer {
    pub pilot: String,
    /// (code, distance), nearest first.
    pub controls: Vec<(String, f64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Peers {
    /// Panel indicator positions matched on.
    #[serde(skip)]
    pub features: Vec<usize>,
    pub matched_on: Vec<String>,
    pub per_pilot: Vec<Peer>,
    /// The distinct control units (panel indices), in first-seen order.
    #[serde(skip)]
    pub controls: Vec<usize>,
    /// Every peer of every pilot, repeats kept (for the balance table).
    #[serde(skip)]
    pub matched: Vec<usize>,
    /// Units that could have been peers.
    #[serde(skip)]
    pub candidates: Vec<usize>,
}

/// `exclude`: panel indices that may not be peers (besides the pilots).
pub fn find_peers(
    panel: &Panel,
    pilots: &[usize],
    exclude: &BTreeSet<usize>,
    s: &PeerSettings,
) -> Result<Peers, EffectError> {
    let value = |u: usize, k: usize| panel.units[u].before.get(k).and_then(|v| v.num());
    // Match on what every pilot has; an indicator withheld for a pilot
    // cannot be matched on.
    let features: Vec<usize> = (0..panel.ids.len())
        .filter(|&k| pilots.iter().all(|&p| value(p, k).is_some()))
        .collect();
    let candidates: Vec<usize> = (0..panel.units.len())
        .filter(|u| !pilots.contains(u) && !exclude.contains(u))
        .filter(|&u| features.iter().all(|&k| value(u, k).is_some()))
        .collect();
    let row = |u: usize| -> Vec<f64> {
        features
            .iter()
            .map(|&k| value(u, k).unwrap_or(0.0))
            .collect()
    };
    let all: Vec<Vec<f64>> = candidates.iter().chain(pilots).map(|&u| row(u)).collect();
    let cov = covariance(&all);
    // Singular (e.g. an indicator constant, or two identical): fall back
    // to the variances alone, and to 1 where even those are 0.
    let weights = invert(&cov).unwrap_or_else(|| {
        (0..cov.len())
            .map(|i| {
                (0..cov.len())
                    .map(|j| {
                        if i == j && cov[i][i] > 0.0 {
                            1.0 / cov[i][i]
                        } else if i == j {
                            1.0
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect()
    });
    let mut per_pilot = Vec::new();
    let mut controls = Vec::new();
    let mut matched = Vec::new();
    for &p in pilots {
        let pilot = &panel.units[p];
        if s.same_urbanity && pilot.urbanity.is_none() {
            return Err(EffectError::NoUrbanity {
                code: pilot.code.clone(),
            });
        }
        let x = row(p);
        let mut near: Vec<(usize, f64)> = candidates
            .iter()
            .filter(|&&u| !s.same_gemeente || panel.units[u].gemeente == pilot.gemeente)
            .filter(|&&u| !s.same_urbanity || panel.units[u].urbanity == pilot.urbanity)
            .map(|&u| {
                let d: Vec<f64> = row(u).iter().zip(&x).map(|(a, b)| a - b).collect();
                (u, quadratic_distance(&weights, &d))
            })
            .collect();
        if near.is_empty() {
            return Err(EffectError::NoCandidates {
                code: pilot.code.clone(),
            });
        }
        near.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        near.truncate(s.k.max(1));
        for (u, _) in &near {
            matched.push(*u);
            if !controls.contains(u) {
                controls.push(*u);
            }
        }
        per_pilot.push(Peer {
            pilot: pilot.code.clone(),
            controls: near
                .iter()
                .map(|(u, d)| (panel.units[*u].code.clone(), *d))
                .collect(),
        });
    }
    Ok(Peers {
        matched_on: features.iter().map(|&k| panel.ids[k].clone()).collect(),
        features,
        per_pilot,
        controls,
        matched,
        candidates,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::view;
    use super::*;

    #[test]
    fn nearest_units_excluding_pilots_and_neighbours() {
        let units = [
            ("BU0", 10.0),
            ("BU1", 10.5),
            ("BU2", 11.0),
            ("BU3", 30.0),
            ("BU4", 9.0),
            ("BU5", 50.0),
        ];
        let v = view("b", &units, &[]);
        let p = Panel::build(&v, &v, None, &["x".into()]);
        let exclude: BTreeSet<usize> = [1].into();
        let peers = find_peers(
            &p,
            &[0],
            &exclude,
            &PeerSettings {
                k: 2,
                ..PeerSettings::default()
            },
        )
        .unwrap();
        let codes: Vec<&str> = peers.per_pilot[0]
            .controls
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(codes, ["BU2", "BU4"]);
        assert_eq!(peers.controls, [2, 4]);
        assert_eq!(peers.candidates, [2, 3, 4, 5]);
    }

    #[test]
    fn exact_urbanity_keeps_only_peers_of_the_pilots_class() {
        let v = view(
            "b",
            &[
                ("BU0", 10.0),
                ("BU1", 10.1),
                ("BU2", 10.2),
                ("BU3", 30.0),
                ("BU4", 40.0),
            ],
            &[],
        );
        let mut p = Panel::build(&v, &v, None, &["x".into()]);
        for (u, class) in [1.0, 1.0, 2.0, 2.0, 1.0].into_iter().enumerate() {
            p.units[u].urbanity = Some(class);
        }
        let s = PeerSettings {
            k: 2,
            same_urbanity: true,
            ..PeerSettings::default()
        };
        let peers = find_peers(&p, &[0], &BTreeSet::new(), &s).unwrap();
        let codes: Vec<&str> = peers.per_pilot[0]
            .controls
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        // BU2 is nearer than BU4 but of another class.
        assert_eq!(codes, ["BU1", "BU4"]);
        p.units[0].urbanity = None;
        let e = find_peers(&p, &[0], &BTreeSet::new(), &s).unwrap_err();
        assert!(e.to_string().contains("BU0") && e.to_string().contains("stedelijkheid"));
    }

    #[test]
    fn no_candidate_is_an_error_naming_the_pilot() {
        let v = view("b", &[("BU0", 1.0), ("BU1", 2.0)], &[]);
        let p = Panel::build(&v, &v, None, &["x".into()]);
        let e = find_peers(&p, &[0], &[1].into(), &PeerSettings::default()).unwrap_err();
        assert!(e.to_string().contains("BU0"));
    }
}
