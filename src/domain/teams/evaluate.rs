//! Checking a rule's condition against one buurt: whether it holds, by how
//! much (margin and z-equivalent strength), and which leaves decide it.

use super::catalogue::Rule;
use super::condition::{Condition, Leaf, ThresholdKind};
use super::probit::percentile_z;
use super::proposal::{CheckStatus, ConditionCheck};
use super::view::IndicatorView;
use std::cmp::Ordering;
use std::collections::HashMap;

/// Near the mean, (value - mean) / z divides noise by noise: below this |z|
/// the spread estimate for raw-value thresholds is not trusted.
const NO_SIGMA_BELOW_Z: f64 = 0.1;

fn finite(x: Option<f64>) -> Option<f64> {
    x.filter(|v| v.is_finite())
}

/// Outcome of one leaf, with the key used to order outcomes.
#[derive(Debug, Clone)]
pub(super) struct LeafOutcome<'a> {
    leaf: &'a Leaf,
    view: Option<&'a IndicatorView>,
    pub(super) status: CheckStatus,
    margin: Option<f64>,
    strength: Option<f64>,
}

impl LeafOutcome<'_> {
    fn holds(&self) -> bool {
        self.status == CheckStatus::Met
    }

    /// Ordering key in z-equivalent units: a holding condition of unknown
    /// scale counts as 0; a failing one of unknown scale, or a missing value,
    /// sorts below every measurable miss.
    fn key(&self) -> f64 {
        match (self.holds(), self.strength) {
            (true, s) => s.unwrap_or(0.0).max(0.0),
            (false, Some(s)) => s,
            (false, None) => f64::NEG_INFINITY,
        }
    }

    pub(super) fn check(&self, rule: &Rule) -> ConditionCheck {
        let v = self.view;
        ConditionCheck {
            rule_id: rule.id.clone(),
            note: rule.note.clone(),
            indicator: self.leaf.indicator.clone(),
            label: v.map(|v| v.label.clone()).unwrap_or_default(),
            unit: v.map(|v| v.unit.clone()).unwrap_or_default(),
            status: self.status,
            threshold: self.leaf.threshold,
            value: v.and_then(|v| finite(v.value)),
            z: v.and_then(|v| finite(v.z)),
            percentile: v.and_then(|v| finite(v.percentile)),
            gemeente_value: v.and_then(|v| finite(v.gemeente_value)),
            overall_value: v.and_then(|v| finite(v.overall_value)),
            margin: self.margin,
            strength: self.strength,
        }
    }
}

fn eval_leaf<'a>(leaf: &'a Leaf, views: &HashMap<&str, &'a IndicatorView>) -> LeafOutcome<'a> {
    let view = views.get(leaf.indicator.as_str()).copied();
    let mut out = LeafOutcome {
        leaf,
        view,
        status: CheckStatus::NotInData,
        margin: None,
        strength: None,
    };
    let Some(v) = view else {
        return out;
    };
    out.status = CheckStatus::MissingValue;
    let Some(value) = finite(v.value) else {
        return out;
    };
    let t = leaf.threshold.value;
    let sign = if leaf.threshold.kind.is_above() {
        1.0
    } else {
        -1.0
    };
    let (margin, strength) = match leaf.threshold.kind {
        ThresholdKind::ZAbove | ThresholdKind::ZBelow => {
            let Some(z) = finite(v.z) else {
                return out;
            };
            let m = sign * (z - t);
            (m, Some(m))
        }
        ThresholdKind::PercentileAbove | ThresholdKind::PercentileBelow => {
            let Some(p) = finite(v.percentile) else {
                return out;
            };
            (
                sign * (p - t),
                Some(sign * (percentile_z(p) - percentile_z(t))),
            )
        }
        ThresholdKind::ValueAbove | ThresholdKind::ValueBelow => {
            let m = sign * (value - t);
            let sigma = match (finite(v.z), finite(v.overall_value)) {
                (Some(z), Some(mean)) if z.abs() >= NO_SIGMA_BELOW_Z => {
                    Some((value - mean) / z).filter(|s| s.is_finite() && *s > 0.0)
                }
                _ => None,
            };
            (m, sigma.map(|s| m / s))
        }
    };
    out.status = if margin >= 0.0 {
        CheckStatus::Met
    } else {
        CheckStatus::NotMet
    };
    out.margin = Some(margin);
    out.strength = strength;
    out
}

/// Outcome of a (sub)condition: whether it holds, its key, the leaf that
/// decides it, and the holding leaves that justify it.
pub(super) struct Outcome<'a> {
    pub(super) holds: bool,
    pub(super) key: f64,
    pub(super) decisive: LeafOutcome<'a>,
    pub(super) support: Vec<LeafOutcome<'a>>,
}

pub(super) fn cmp_key(a: f64, b: f64) -> Ordering {
    a.total_cmp(&b)
}

pub(super) fn eval<'a>(
    cond: &'a Condition,
    views: &HashMap<&str, &'a IndicatorView>,
) -> Outcome<'a> {
    match cond {
        Condition::Leaf(leaf) => {
            let o = eval_leaf(leaf, views);
            let holds = o.holds();
            Outcome {
                holds,
                key: o.key(),
                support: if holds { vec![o.clone()] } else { Vec::new() },
                decisive: o,
            }
        }
        Condition::All(children) | Condition::Any(children) => {
            let is_all = matches!(cond, Condition::All(_));
            let outs: Vec<Outcome<'a>> = children.iter().map(|c| eval(c, views)).collect();
            let holds = if is_all {
                outs.iter().all(|o| o.holds)
            } else {
                outs.iter().any(|o| o.holds)
            };
            // all: the weakest part decides (among failing parts when it
            // fails); any: the strongest part (among holding parts when it holds).
            let candidates = outs.iter().enumerate().filter(|(_, o)| o.holds == holds);
            let pick = if is_all {
                candidates.min_by(|a, b| cmp_key(a.1.key, b.1.key).then(a.0.cmp(&b.0)))
            } else {
                candidates.max_by(|a, b| cmp_key(a.1.key, b.1.key).then(b.0.cmp(&a.0)))
            };
            let idx = pick.map(|(i, _)| i).unwrap_or(0);
            let mut outs = outs;
            let mut support = Vec::new();
            if holds {
                for o in outs.iter_mut().filter(|o| o.holds) {
                    support.append(&mut o.support);
                }
            }
            let chosen = outs.swap_remove(idx);
            Outcome {
                holds,
                key: chosen.key,
                decisive: chosen.decisive,
                support,
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::teams::fixtures::*;
    use crate::domain::teams::*;

    #[test]
    fn z_above_and_below() {
        let cat = catalogue(&[
            ("hi", r#"{ indicator = "a", z_above = 1.0 }"#),
            ("lo", r#"{ indicator = "b", z_below = -1.0 }"#),
        ]);
        let b = buurt("1", vec![zi("a", 1.4), zi("b", -0.5)]);
        assert!(joins(&cat, &b, "hi"));
        assert!(!joins(&cat, &b, "lo"));
        let b = buurt("2", vec![zi("a", 0.9), zi("b", -1.2)]);
        assert!(!joins(&cat, &b, "hi"));
        assert!(joins(&cat, &b, "lo"));
        let p = propose(&cat, &b, &TeamSettings::default());
        let lo = &p.members[2];
        assert!((lo.strength.unwrap() - 0.2).abs() < 1e-9);
        let r = &lo.reasons[0];
        assert_eq!(r.indicator, "b");
        assert_eq!(r.threshold.kind, ThresholdKind::ZBelow);
        assert_eq!(r.gemeente_value, Some(10.0));
        assert_eq!(r.overall_value, Some(10.0));
        assert_eq!(r.status, CheckStatus::Met);
    }

    #[test]
    fn percentile_above_and_below_with_z_equivalent_strength() {
        let cat = catalogue(&[
            ("hi", r#"{ indicator = "a", percentile_above = 75.0 }"#),
            ("lo", r#"{ indicator = "b", percentile_below = 20.0 }"#),
        ]);
        let b = buurt(
            "1",
            vec![
                ind("a", Some(1.0), None, Some(90.0)),
                ind("b", Some(1.0), None, Some(10.0)),
            ],
        );
        let p = propose(&cat, &b, &TeamSettings::default());
        let hi = p.members.iter().find(|m| m.role_id == "hi").unwrap();
        // probit(0.90) - probit(0.75) = 1.2816 - 0.6745
        assert!((hi.strength.unwrap() - 0.6071).abs() < 1e-3);
        assert!((hi.reasons[0].margin.unwrap() - 15.0).abs() < 1e-12);
        let lo = p.members.iter().find(|m| m.role_id == "lo").unwrap();
        // probit(0.20) - probit(0.10) = -0.8416 + 1.2816
        assert!((lo.strength.unwrap() - 0.4399).abs() < 1e-3);
        let b = buurt(
            "2",
            vec![
                ind("a", Some(1.0), None, Some(74.9)),
                ind("b", Some(1.0), None, Some(20.1)),
            ],
        );
        assert_eq!(ids(&propose(&cat, &b, &TeamSettings::default())).len(), 2);
    }

    #[test]
    fn absolute_value_thresholds() {
        let cat = catalogue(&[
            ("hi", r#"{ indicator = "a", value_above = 12.0 }"#),
            ("lo", r#"{ indicator = "b", value_below = 5.0 }"#),
        ]);
        // a: value 20 = mean 10 + 2 * spread 5, so 8 over the norm is 1.6 z.
        let b = buurt("1", vec![zi("a", 2.0), ind("b", Some(6.0), None, None)]);
        let p = propose(&cat, &b, &TeamSettings::default());
        assert_eq!(ids(&p), ["school", "parents", "hi"]);
        let hi = &p.members[2];
        assert!((hi.strength.unwrap() - 1.6).abs() < 1e-9);
        assert_eq!(hi.reasons[0].margin, Some(8.0));
        // No z to estimate the spread: holds, but with strength 0.
        let b = buurt("2", vec![ind("b", Some(4.0), None, None)]);
        let p = propose(&cat, &b, &TeamSettings::default());
        assert_eq!(ids(&p), ["school", "parents", "lo"]);
        assert_eq!(p.members[2].strength, Some(0.0));
        assert_eq!(p.members[2].reasons[0].strength, None);
        assert_eq!(p.members[2].reasons[0].margin, Some(1.0));
    }

    #[test]
    fn boundaries_are_inclusive() {
        let cat = catalogue(&[
            ("za", r#"{ indicator = "a", z_above = 1.0 }"#),
            ("zb", r#"{ indicator = "a", z_below = 1.0 }"#),
            ("pa", r#"{ indicator = "a", percentile_above = 75.0 }"#),
            ("pb", r#"{ indicator = "a", percentile_below = 75.0 }"#),
            ("va", r#"{ indicator = "a", value_above = 15.0 }"#),
            ("vb", r#"{ indicator = "a", value_below = 15.0 }"#),
        ]);
        let b = buurt("1", vec![ind("a", Some(15.0), Some(1.0), Some(75.0))]);
        let p = propose(&cat, &b, &TeamSettings::default());
        assert_eq!(p.members.len(), 8);
        for m in &p.members[2..] {
            assert_eq!(m.strength, Some(0.0), "{}", m.role_id);
        }
    }

    #[test]
    fn all_any_and_nested() {
        let cat = catalogue(&[
            (
                "both",
                r#"{ all = [{ indicator = "a", z_above = 1.0 }, { indicator = "b", z_above = 1.0 }] }"#,
            ),
            (
                "either",
                r#"{ any = [{ indicator = "a", z_above = 1.0 }, { indicator = "b", z_above = 1.0 }] }"#,
            ),
            (
                "nested",
                r#"{ all = [{ indicator = "c", percentile_above = 50.0 }, { any = [{ indicator = "a", z_above = 2.0 }, { indicator = "b", z_below = 0.0 }] }] }"#,
            ),
        ]);
        let b = buurt("1", vec![zi("a", 1.5), zi("b", 1.2), zi("c", 0.0)]);
        let p = propose(&cat, &b, &TeamSettings::default());
        let both = p.members.iter().find(|m| m.role_id == "both").unwrap();
        // all: weakest link, 1.2 - 1.0.
        assert!((both.strength.unwrap() - 0.2).abs() < 1e-9);
        assert_eq!(both.reasons.len(), 2);
        let either = p.members.iter().find(|m| m.role_id == "either").unwrap();
        // any: strongest holding part, 1.5 - 1.0; both parts are reasons.
        assert!((either.strength.unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(either.reasons.len(), 2);
        // nested: c at the median holds, but neither a >= 2 nor b <= 0.
        assert!(!p.members.iter().any(|m| m.role_id == "nested"));

        let b = buurt("2", vec![zi("a", 0.2), zi("b", -0.3), zi("c", 0.5)]);
        let p = propose(&cat, &b, &explain());
        assert_eq!(ids(&p), ["school", "parents", "nested"]);
        let reasons: Vec<&str> = p.members[2]
            .reasons
            .iter()
            .map(|r| r.indicator.as_str())
            .collect();
        assert_eq!(reasons, ["c", "b"]);
        // Explain: `both` is decided by its weakest failing part, b at -0.3.
        let nt = p.not_triggered.unwrap();
        let both = nt.iter().find(|n| n.role_id == "both").unwrap();
        let closest = both.closest.as_ref().unwrap();
        assert_eq!(closest.indicator, "b");
        assert_eq!(closest.status, CheckStatus::NotMet);
        assert!((closest.margin.unwrap() + 1.3).abs() < 1e-9);
        // `either` is closer (a at 0.2 misses by 0.8) and listed first.
        assert_eq!(nt[0].role_id, "either");
        assert_eq!(nt[0].closest.as_ref().unwrap().indicator, "a");
    }

    #[test]
    fn missing_values_never_trigger() {
        let cat = catalogue(&[
            ("z", r#"{ indicator = "a", z_above = 1.0 }"#),
            ("p", r#"{ indicator = "a", percentile_below = 90.0 }"#),
            ("v", r#"{ indicator = "a", value_below = 100.0 }"#),
            (
                "any",
                r#"{ any = [{ indicator = "gone", z_below = 5.0 }, { indicator = "a", value_below = 100.0 }] }"#,
            ),
            ("gone", r#"{ indicator = "gone", z_below = 5.0 }"#),
        ]);
        // Suppressed value: even a supplied z or percentile does not count.
        let b = buurt("1", vec![ind("a", None, Some(3.0), Some(10.0))]);
        let p = propose(&cat, &b, &explain());
        assert_eq!(ids(&p), ["school", "parents"]);
        let nt = p.not_triggered.unwrap();
        let gone = nt.iter().find(|n| n.role_id == "gone").unwrap();
        assert_eq!(
            gone.closest.as_ref().unwrap().status,
            CheckStatus::NotInData
        );
        assert_eq!(gone.note, "indicator not in the data");
        let z = nt.iter().find(|n| n.role_id == "z").unwrap();
        assert_eq!(
            z.closest.as_ref().unwrap().status,
            CheckStatus::MissingValue
        );
        // NaN is missing too.
        let b = buurt("2", vec![ind("a", Some(f64::NAN), Some(3.0), Some(10.0))]);
        assert_eq!(ids(&propose(&cat, &b, &TeamSettings::default())).len(), 2);
        // The absent indicator is reported once per rule, not per buurt.
        let bs = vec![
            buurt("1", vec![zi("a", 0.0)]),
            buurt("2", vec![zi("a", 0.0)]),
        ];
        let report = propose_all(&cat, &bs, &TeamSettings::default());
        let gaps: Vec<String> = report.data_gaps.iter().map(|g| g.to_string()).collect();
        assert_eq!(
            gaps,
            [
                "rule `r3_any` for role `any` uses indicator `gone` which the data does not have",
                "rule `r4_gone` for role `gone` uses indicator `gone` which the data does not have",
            ]
        );
    }
}
