//! Proposing a team per buurt: core roles, then the triggered roles by
//! strength up to the size cap; and the data gaps across all buurten.

use super::catalogue::{Role, RoleCatalogue, Rule};
use super::evaluate::{cmp_key, eval, Outcome};
use super::proposal::{
    CheckStatus, ConditionCheck, DataGap, Member, NotTriggered, TeamProposal, TeamReport,
    TeamSettings,
};
use super::view::{BuurtView, IndicatorView};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

fn member_of(role: &Role, strength: Option<f64>, reasons: Vec<ConditionCheck>) -> Member {
    Member {
        role_id: role.id.clone(),
        name_nl: role.name_nl.clone(),
        name_en: role.name_en.clone(),
        kind: role.kind,
        core: role.core,
        strength,
        reasons,
    }
}

fn by_strength_then_id(a: &Member, b: &Member) -> Ordering {
    let sa = a.strength.unwrap_or(0.0);
    let sb = b.strength.unwrap_or(0.0);
    cmp_key(sb, sa).then_with(|| a.role_id.cmp(&b.role_id))
}

/// Proposes the team for one buurt. Never fails: indicators the buurt lacks
/// simply do not trigger (see [`data_gaps`] for reporting them).
pub fn propose(
    catalogue: &RoleCatalogue,
    buurt: &BuurtView,
    settings: &TeamSettings,
) -> TeamProposal {
    let mut views: HashMap<&str, &IndicatorView> = HashMap::new();
    for v in &buurt.indicators {
        views.entry(v.id.as_str()).or_insert(v);
    }

    let mut core = Vec::new();
    let mut triggered = Vec::new();
    let mut not_triggered: Vec<(f64, NotTriggered)> = Vec::new();
    for role in catalogue.roles() {
        if role.core {
            core.push(member_of(role, None, Vec::new()));
            continue;
        }
        match judge(catalogue, role, &views) {
            Verdict::Triggered(member) => triggered.push(member),
            Verdict::Missed(closest) => {
                if settings.explain {
                    not_triggered.push(explain_miss(role, closest));
                }
            }
        }
    }

    triggered.sort_by(by_strength_then_id);
    let mut notes = Vec::new();
    let seats = settings.max_size.saturating_sub(core.len());
    if settings.max_size < core.len() {
        notes.push(format!(
            "max_size {} is below the {} core roles; the core roles are kept and no others added",
            settings.max_size,
            core.len()
        ));
    }
    let dropped = if triggered.len() > seats {
        triggered.split_off(seats)
    } else {
        Vec::new()
    };
    let mut members = core;
    members.extend(triggered);

    let not_triggered = settings.explain.then(|| {
        not_triggered.sort_by(|a, b| cmp_key(b.0, a.0).then_with(|| a.1.role_id.cmp(&b.1.role_id)));
        not_triggered.into_iter().map(|(_, n)| n).collect()
    });

    TeamProposal {
        buurt_code: buurt.code.clone(),
        buurt_name: buurt.name.clone(),
        max_size: settings.max_size,
        members,
        dropped_by_cap: dropped,
        unmet: Vec::new(),
        not_triggered,
        notes,
    }
}

/// A rule's outcome with its ordering key.
type Judged<'a> = (f64, &'a Rule, Outcome<'a>);

enum Verdict<'a> {
    Triggered(Member),
    /// No rule holds; the one closest to holding, if the role has rules.
    Missed(Option<Judged<'a>>),
}

/// Evaluates every rule for a non-core role. A role that joins takes the
/// strength of its strongest holding rule, and the holding conditions of all
/// its holding rules as reasons, strongest rule first.
fn judge<'a>(
    catalogue: &'a RoleCatalogue,
    role: &'a Role,
    views: &HashMap<&str, &'a IndicatorView>,
) -> Verdict<'a> {
    let mut holding: Vec<Judged<'a>> = Vec::new();
    let mut closest: Option<Judged<'a>> = None;
    for rule in catalogue.rules_for(&role.id) {
        let o = eval(&rule.when, views);
        if o.holds {
            holding.push((o.key, rule, o));
        } else if closest
            .as_ref()
            .is_none_or(|(k, _, _)| cmp_key(o.key, *k).is_gt())
        {
            closest = Some((o.key, rule, o));
        }
    }
    if holding.is_empty() {
        return Verdict::Missed(closest);
    }
    holding.sort_by(|a, b| cmp_key(b.0, a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let strength = holding[0].0;
    let reasons = holding
        .iter()
        .flat_map(|(_, rule, o)| o.support.iter().map(|l| l.check(rule)))
        .collect();
    Verdict::Triggered(member_of(role, Some(strength), reasons))
}

/// Explain mode: the role with the condition that kept it out, keyed for
/// ordering (closest first).
fn explain_miss(role: &Role, closest: Option<Judged<'_>>) -> (f64, NotTriggered) {
    let (key, closest, note) = match closest {
        Some((key, rule, o)) => {
            let note = match o.decisive.status {
                CheckStatus::NotInData => "indicator not in the data",
                CheckStatus::MissingValue => "value missing for this buurt",
                _ => "threshold not reached",
            };
            (key, Some(o.decisive.check(rule)), note)
        }
        None => (f64::NEG_INFINITY, None, "no rule in the catalogue"),
    };
    (
        key,
        NotTriggered {
            role_id: role.id.clone(),
            name_nl: role.name_nl.clone(),
            name_en: role.name_en.clone(),
            closest,
            note: note.to_string(),
        },
    )
}

/// Rules whose indicators none of the buurten has, one entry per rule and
/// indicator. Empty when there are no buurten.
pub fn data_gaps(catalogue: &RoleCatalogue, buurten: &[BuurtView]) -> Vec<DataGap> {
    if buurten.is_empty() {
        return Vec::new();
    }
    let present: HashSet<&str> = buurten
        .iter()
        .flat_map(|b| b.indicators.iter().map(|v| v.id.as_str()))
        .collect();
    let mut gaps = Vec::new();
    for rule in catalogue.rules() {
        let mut seen = HashSet::new();
        for leaf in rule.when.leaves() {
            if !present.contains(leaf.indicator.as_str()) && seen.insert(leaf.indicator.as_str()) {
                let role = catalogue.role(&rule.role);
                gaps.push(DataGap {
                    rule_id: rule.id.clone(),
                    role_id: rule.role.clone(),
                    indicator: leaf.indicator.clone(),
                    role_nl: role.map(|r| r.name_nl.clone()).unwrap_or_default(),
                    role_en: role.map(|r| r.name_en.clone()).unwrap_or_default(),
                });
            }
        }
    }
    gaps
}

/// Proposes a team for every buurt and reports data gaps once.
pub fn propose_all(
    catalogue: &RoleCatalogue,
    buurten: &[BuurtView],
    settings: &TeamSettings,
) -> TeamReport {
    TeamReport {
        proposals: buurten
            .iter()
            .map(|b| propose(catalogue, b, settings))
            .collect(),
        data_gaps: data_gaps(catalogue, buurten),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::teams::fixtures::*;

    #[test]
    fn size_cap_keeps_strongest_and_reports_dropped() {
        let cat = catalogue(&[
            ("r_a", r#"{ indicator = "a", z_above = 1.0 }"#),
            ("r_b", r#"{ indicator = "b", z_above = 1.0 }"#),
            ("r_c", r#"{ indicator = "c", z_above = 1.0 }"#),
            ("r_d", r#"{ indicator = "d", z_above = 1.0 }"#),
            ("r_e", r#"{ indicator = "e", z_above = 1.0 }"#),
        ]);
        let b = buurt(
            "1",
            vec![
                zi("a", 1.1),
                zi("b", 2.5),
                zi("c", 1.8),
                zi("d", 3.0),
                zi("e", 0.0),
            ],
        );
        let settings = TeamSettings {
            max_size: 4,
            explain: true,
        };
        let p = propose(&cat, &b, &settings);
        assert_eq!(ids(&p), ["school", "parents", "r_d", "r_b"]);
        let dropped: Vec<&str> = p
            .dropped_by_cap
            .iter()
            .map(|m| m.role_id.as_str())
            .collect();
        assert_eq!(dropped, ["r_c", "r_a"]);
        let nt: Vec<&str> = p
            .not_triggered
            .as_ref()
            .unwrap()
            .iter()
            .map(|n| n.role_id.as_str())
            .collect();
        assert_eq!(nt, ["r_e"]);
        // Core roles survive any cap.
        let p = propose(
            &cat,
            &b,
            &TeamSettings {
                max_size: 0,
                explain: false,
            },
        );
        assert_eq!(ids(&p), ["school", "parents"]);
        assert_eq!(p.dropped_by_cap.len(), 4);
        assert_eq!(p.notes.len(), 1);
        assert!(p.not_triggered.is_none());
    }

    #[test]
    fn ties_break_by_role_id() {
        // Declared in reverse order; equal strength 0.5 each.
        let cat = catalogue(&[
            ("zeta", r#"{ indicator = "a", z_above = 1.0 }"#),
            ("beta", r#"{ indicator = "b", z_above = 1.0 }"#),
            ("alpha", r#"{ indicator = "c", percentile_above = 50.0 }"#),
        ]);
        let p50 = 100.0 * 0.5 * (1.0 + erf(0.5 / std::f64::consts::SQRT_2));
        let mut c = zi("c", 0.5);
        c.percentile = Some(p50);
        let b = buurt("1", vec![zi("a", 1.5), zi("b", 1.5), c]);
        let settings = TeamSettings {
            max_size: 4,
            explain: false,
        };
        let p = propose(&cat, &b, &settings);
        assert_eq!(ids(&p), ["school", "parents", "alpha", "beta"]);
        assert_eq!(p.dropped_by_cap[0].role_id, "zeta");
    }

    #[test]
    fn contrasting_buurten_get_different_teams() {
        let cat = RoleCatalogue::default_catalogue().unwrap();
        let s = TeamSettings::default();
        // Poverty and debt, little else.
        let poor = buurt(
            "P",
            default_indicators(&[
                ("low_income_hh_pct", 1.8),
                ("poverty_persons_pct", 1.6),
                ("social_minimum_hh_pct", 1.7),
                ("bijstand_per_1000", 1.2),
                ("wmo_per_1000", 0.8),
            ]),
        );
        // Youth care, divorce and language risk; income about average.
        let strained = buurt(
            "S",
            default_indicators(&[
                ("youth_care_pct", 1.9),
                ("divorced_pct", 1.1),
                ("low_education_pct", 1.3),
                ("children_0_14_pct", 1.0),
            ]),
        );
        let p = propose(&cat, &poor, &s);
        let q = propose(&cat, &strained, &s);
        assert_eq!(
            ids(&p),
            [
                "school",
                "parents",
                "food_bank",
                "debt_counsellor",
                "wijkteam"
            ]
        );
        assert_eq!(
            ids(&q),
            [
                "school",
                "parents",
                "ggd_youth_health",
                "youth_care_access",
                "library_reading",
                "behaviour_coach",
                "childcare_vve",
                "orthopedagogue"
            ]
        );
        // Speech therapy (low education 0.3 over its threshold) is the weakest.
        let dropped: Vec<&str> = q
            .dropped_by_cap
            .iter()
            .map(|m| m.role_id.as_str())
            .collect();
        assert_eq!(dropped, ["speech_therapist"]);
        // A similar profile gives the same team.
        let poor2 = buurt(
            "P2",
            default_indicators(&[
                ("low_income_hh_pct", 1.7),
                ("poverty_persons_pct", 1.5),
                ("social_minimum_hh_pct", 1.8),
                ("bijstand_per_1000", 1.1),
                ("wmo_per_1000", 0.7),
            ]),
        );
        assert_eq!(ids(&propose(&cat, &poor2, &s)), ids(&p));
        // An average buurt gets only the core.
        let avg = buurt("A", default_indicators(&[]));
        assert_eq!(ids(&propose(&cat, &avg, &s)), ["school", "parents"]);
        // Explain lists every other role with a reason.
        let e = propose(&cat, &avg, &explain());
        let nt = e.not_triggered.unwrap();
        assert_eq!(nt.len(), cat.roles().len() - 2);
        let police = nt
            .iter()
            .find(|n| n.role_id == "neighbourhood_police")
            .unwrap();
        assert!(police.closest.is_none());
        assert_eq!(police.note, "no rule in the catalogue");
        // Results serialise to JSON.
        let json = serde_json::to_string(&q).unwrap();
        assert!(json.contains("\"z_above\""));
    }
}
