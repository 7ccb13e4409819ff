//! The balance table: how far the pilots and their comparison group lie
//! apart on each matched indicator, as a standardised mean difference,
//! before matching (pilots against every candidate) and after (against
//! the matched peers). The scale is the same both times (pilots' and
//! candidates' variances pooled), so a smaller number after is closer
//! means, not a different ruler.

use super::panel::Panel;
use super::peers::Peers;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BalanceRow {
    pub indicator: String,
    pub smd_before: Option<f64>,
    pub smd_after: Option<f64>,
}

pub fn balance(panel: &Panel, pilots: &[usize], peers: &Peers) -> Vec<BalanceRow> {
    peers
        .features
        .iter()
        .map(|&k| {
            let vals = |set: &[usize]| -> Vec<f64> {
                set.iter()
                    .filter_map(|&u| panel.units[u].before.get(k).and_then(|v| v.num()))
                    .collect()
            };
            let p = vals(pilots);
            let cand = vals(&peers.candidates);
            let matched = vals(&peers.matched);
            let sd = ((variance(&p) + variance(&cand)) / 2.0).sqrt();
            let smd = |c: &[f64]| match (mean(&p), mean(c)) {
                (Some(a), Some(b)) if sd > 0.0 => Some((a - b) / sd),
                _ => None,
            };
            BalanceRow {
                indicator: panel.ids[k].clone(),
                smd_before: smd(&cand),
                smd_after: smd(&matched),
            }
        })
        .collect()
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn variance(v: &[f64]) -> f64 {
    match mean(v) {
        Some(m) if v.len() > 1 => {
            v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64
        }
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::view;
    use super::super::peers::{find_peers, PeerSettings};
    use super::*;

    #[test]
    fn matching_shrinks_the_difference() {
        let units: Vec<(String, f64)> = (0..20).map(|i| (format!("BU{i}"), i as f64)).collect();
        let u: Vec<(&str, f64)> = units.iter().map(|(c, v)| (c.as_str(), *v)).collect();
        let v = view("b", &u, &[]);
        let p = Panel::build(&v, &v, None, &["x".into()]);
        let peers = find_peers(
            &p,
            &[18, 19],
            &Default::default(),
            &PeerSettings {
                k: 2,
                same_gemeente: false,
                same_urbanity: false,
            },
        )
        .unwrap();
        let b = balance(&p, &[18, 19], &peers);
        let (before, after) = (b[0].smd_before.unwrap(), b[0].smd_after.unwrap());
        assert!(
            before > 1.0 && after.abs() < before / 2.0,
            "{before} {after}"
        );
    }
}
