//! Catalogues, buurten and settings the team tests build on.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use std::collections::HashSet;

pub(super) const CORE: &str = r#"
[[role]]
id = "school"
core = true
kind = "school"
name_nl = "Intern begeleider"
name_en = "Internal care coordinator"
description_nl = "-"
description_en = "-"

[[role]]
id = "parents"
core = true
kind = "parents"
name_nl = "Ouders"
name_en = "Parents"
description_nl = "-"
description_en = "-"
"#;

pub(super) fn role_toml(id: &str) -> String {
    format!(
        "[[role]]\nid = \"{id}\"\nkind = \"other\"\nname_nl = \"{id}\"\nname_en = \"{id}\"\n\
         description_nl = \"-\"\ndescription_en = \"-\"\n"
    )
}

/// A catalogue with the core roles plus one role per (role, condition).
pub(super) fn catalogue(rules: &[(&str, &str)]) -> RoleCatalogue {
    let mut text = CORE.to_string();
    let mut seen = HashSet::new();
    for (role, _) in rules {
        if seen.insert(*role) {
            text.push_str(&role_toml(role));
        }
    }
    for (i, (role, when)) in rules.iter().enumerate() {
        text.push_str(&format!(
            "[[rule]]\nid = \"r{i}_{role}\"\nrole = \"{role}\"\nwhen = {when}\n"
        ));
    }
    RoleCatalogue::parse(&text).unwrap()
}

pub(super) fn ind(id: &str, value: Option<f64>, z: Option<f64>, pct: Option<f64>) -> IndicatorView {
    IndicatorView {
        id: id.into(),
        label: id.into(),
        unit: "%".into(),
        value,
        z,
        percentile: pct,
        gemeente_value: Some(10.0),
        overall_value: Some(10.0),
    }
}

/// An indicator with z and percentile derived from z (normal), value
/// 10 + 5z so that overall 10 is the mean and 5 the spread.
pub(super) fn zi(id: &str, z: f64) -> IndicatorView {
    let p = 100.0 * (0.5 * (1.0 + erf(z / std::f64::consts::SQRT_2)));
    ind(id, Some(10.0 + 5.0 * z), Some(z), Some(p))
}

// Abramowitz-Stegun 7.1.26, enough for test fixtures.
pub(super) fn erf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.3275911 * x.abs());
    let y = 1.0
        - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
            + 0.254829592)
            * t
            * (-x * x).exp();
    y.copysign(x)
}

pub(super) fn buurt(code: &str, indicators: Vec<IndicatorView>) -> BuurtView {
    BuurtView {
        code: code.into(),
        name: format!("Buurt {code}"),
        indicators,
    }
}

pub(super) fn ids(p: &TeamProposal) -> Vec<&str> {
    p.member_ids()
}

pub(super) fn explain() -> TeamSettings {
    TeamSettings {
        explain: true,
        ..TeamSettings::default()
    }
}

pub(super) fn joins(cat: &RoleCatalogue, b: &BuurtView, role: &str) -> bool {
    propose(cat, b, &TeamSettings::default())
        .members
        .iter()
        .any(|m| m.role_id == role)
}

pub(super) fn default_indicators(z: &[(&str, f64)]) -> Vec<IndicatorView> {
    [
        "low_income_hh_pct",
        "poverty_persons_pct",
        "social_minimum_hh_pct",
        "bijstand_per_1000",
        "youth_care_pct",
        "divorced_pct",
        "social_rent_pct",
        "low_education_pct",
        "wmo_per_1000",
        "woz_mean",
        "children_0_14_pct",
        "households_with_children_pct",
        "ses_woa_score",
    ]
    .iter()
    .map(|id| {
        let v = z
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| *v)
            .unwrap_or(0.0);
        zi(id, v)
    })
    .collect()
}
