//! Difference-in-differences per indicator: (pilot after - pilot before)
//! minus (control after - control before), over the units with a figure
//! in both years, with an interval from placebo-in-space permutations: the
//! pilot label goes to random sets of control units, the rest stay
//! controls, and the spread of those placebo effects is what chance alone
//! gives with these units.

use super::panel::Panel;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DidSettings {
    /// Placebo permutations; 0 for none.
    pub draws: usize,
    pub seed: u64,
    /// Two-sided coverage of the interval, e.g. 0.95.
    pub level: f64,
}

impl Default for DidSettings {
    fn default() -> Self {
        DidSettings {
            draws: 999,
            seed: 20260101,
            level: 0.95,
        }
    }
}

/// One indicator's line; `None` where a group has no unit with a figure
/// in both years (withheld cells stay withheld: they are never filled in).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DidRow {
    pub indicator: String,
    pub pilot_before: Option<f64>,
    pub pilot_after: Option<f64>,
    pub control_before: Option<f64>,
    pub control_after: Option<f64>,
    pub did: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// Units with a figure in both years.
    pub n_pilots: usize,
    pub n_controls: usize,
}

/// `pilots`, `controls`: indices into `panel.units`.
pub fn did_table(
    panel: &Panel,
    pilots: &[usize],
    controls: &[usize],
    s: &DidSettings,
) -> Vec<DidRow> {
    (0..panel.ids.len())
        .map(|k| did_row(panel, k, pilots, controls, s))
        .collect()
}

fn did_row(
    panel: &Panel,
    k: usize,
    pilots: &[usize],
    controls: &[usize],
    s: &DidSettings,
) -> DidRow {
    let pairs = |set: &[usize]| -> Vec<(f64, f64)> {
        set.iter()
            .filter_map(|&u| {
                let unit = &panel.units[u];
                Some((unit.before.get(k)?.num()?, unit.after.get(k)?.num()?))
            })
            .collect()
    };
    let p = pairs(pilots);
    let c = pairs(controls);
    let mean = |v: &[(f64, f64)], f: fn(&(f64, f64)) -> f64| {
        (!v.is_empty()).then(|| v.iter().map(f).sum::<f64>() / v.len() as f64)
    };
    // The mean of per-unit changes, so unchanged controls give exactly 0.
    let change = |v: &[(f64, f64)]| mean(v, |(b, a)| a - b);
    let did = match (change(&p), change(&c)) {
        (Some(dp), Some(dc)) => Some(dp - dc),
        _ => None,
    };
    let (ci_low, ci_high) = match did {
        Some(d) => placebo_interval(&c, p.len(), d, s, k),
        None => (None, None),
    };
    DidRow {
        indicator: panel.ids[k].clone(),
        pilot_before: mean(&p, |(b, _)| *b),
        pilot_after: mean(&p, |(_, a)| *a),
        control_before: mean(&c, |(b, _)| *b),
        control_after: mean(&c, |(_, a)| *a),
        did,
        ci_low,
        ci_high,
        n_pilots: p.len(),
        n_controls: c.len(),
    }
}

/// The effect minus the placebo quantiles: if chance alone moves a set
/// of this size by q, the effect is did - q. Needs more controls than
/// pilots, so that a placebo set leaves controls to compare with.
fn placebo_interval(
    controls: &[(f64, f64)],
    n_pilots: usize,
    did: f64,
    s: &DidSettings,
    indicator: usize,
) -> (Option<f64>, Option<f64>) {
    let n = controls.len();
    if s.draws == 0 || n_pilots == 0 || n <= n_pilots {
        return (None, None);
    }
    let changes: Vec<f64> = controls.iter().map(|(b, a)| a - b).collect();
    // One stream per indicator, so adding an indicator leaves the others'
    // intervals as they were.
    let mut rng =
        StdRng::seed_from_u64(s.seed ^ (indicator as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut order: Vec<usize> = (0..n).collect();
    let mut placebo = Vec::with_capacity(s.draws);
    for _ in 0..s.draws {
        // Partial Fisher-Yates: the first n_pilots become the placebo set.
        for i in 0..n_pilots {
            let j = rng.random_range(i..n);
            order.swap(i, j);
        }
        let fake: f64 =
            order[..n_pilots].iter().map(|&i| changes[i]).sum::<f64>() / n_pilots as f64;
        let rest: f64 =
            order[n_pilots..].iter().map(|&i| changes[i]).sum::<f64>() / (n - n_pilots) as f64;
        placebo.push(fake - rest);
    }
    placebo.sort_by(f64::total_cmp);
    let tail = (1.0 - s.level) / 2.0;
    (
        Some(did - quantile(&placebo, 1.0 - tail)),
        Some(did - quantile(&placebo, tail)),
    )
}

/// Linear interpolation between order statistics; `v` sorted, not empty.
fn quantile(v: &[f64], q: f64) -> f64 {
    let pos = q.clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    v[lo] + (v[hi] - v[lo]) * (pos - lo as f64)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::view;
    use super::*;

    fn panel(changes: &[f64]) -> Panel {
        let before: Vec<(String, f64)> = (0..changes.len())
            .map(|i| (format!("BU{i}"), 10.0 + i as f64))
            .collect();
        let after: Vec<(String, f64)> = before
            .iter()
            .zip(changes)
            .map(|((c, v), d)| (c.clone(), v + d))
            .collect();
        let b: Vec<(&str, f64)> = before.iter().map(|(c, v)| (c.as_str(), *v)).collect();
        let a: Vec<(&str, f64)> = after.iter().map(|(c, v)| (c.as_str(), *v)).collect();
        Panel::build(
            &view("b", &b, &[]),
            &view("a", &a, &[]),
            None,
            &["x".into()],
        )
    }

    #[test]
    fn a_planted_effect_is_recovered_when_controls_do_not_change() {
        let p = panel(&[-2.0, -2.0, -2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        let rows = did_table(&p, &[0, 1, 2], &[3, 4, 5, 6, 7, 8], &DidSettings::default());
        let r = &rows[0];
        assert_eq!(r.did, Some(-2.0));
        assert_eq!((r.ci_low, r.ci_high), (Some(-2.0), Some(-2.0)));
        assert_eq!(r.pilot_before, Some(11.0));
        assert_eq!(r.pilot_after, Some(9.0));
        assert_eq!((r.n_pilots, r.n_controls), (3, 6));
    }

    #[test]
    fn a_common_trend_is_differenced_away() {
        let p = panel(&[-1.0, -1.0, 1.0, 1.0, 1.0]);
        let r = &did_table(&p, &[0, 1], &[2, 3, 4], &DidSettings::default())[0];
        assert_eq!(r.did, Some(-2.0));
    }

    #[test]
    fn permutations_are_reproducible_for_a_seed_and_differ_between_seeds() {
        let p = panel(&[-3.0, -1.0, 0.5, -0.7, 1.2, 0.1, -0.4, 2.0, 0.9, -1.5, 0.3]);
        let s = DidSettings {
            draws: 199,
            seed: 7,
            level: 0.9,
        };
        let a = did_table(&p, &[0, 1], &(2..11).collect::<Vec<_>>(), &s);
        let b = did_table(&p, &[0, 1], &(2..11).collect::<Vec<_>>(), &s);
        assert_eq!(a, b);
        let c = did_table(
            &p,
            &[0, 1],
            &(2..11).collect::<Vec<_>>(),
            &DidSettings { seed: 8, ..s },
        );
        assert_ne!(a[0].ci_low, c[0].ci_low);
        let r = &a[0];
        let (lo, hi, d) = (r.ci_low.unwrap(), r.ci_high.unwrap(), r.did.unwrap());
        assert!(lo < d && d < hi, "{lo} {d} {hi}");
    }

    #[test]
    fn too_few_controls_give_no_interval() {
        let p = panel(&[-2.0, -2.0, 0.0]);
        let r = &did_table(&p, &[0, 1], &[2], &DidSettings::default())[0];
        assert_eq!(r.did, Some(-2.0));
        assert_eq!((r.ci_low, r.ci_high), (None, None));
    }
}
