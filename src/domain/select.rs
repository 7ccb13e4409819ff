//! Which units may be chosen for a pilot, and why the others may not.
//!
//! Two notions are kept apart on purpose:
//! - *scope* (gemeente filter plus the structural exclusions water and
//!   uninhabited) decides which units form the normalisation reference set;
//! - *eligibility* adds the pilot thresholds (schools, inhabitants, children)
//!   and decides who can be shortlisted. Thresholds do not move the reference
//!   set, so raising "min schools" never changes anyone's score.

use crate::domain::profile::EligibilityRules;
use crate::domain::score::UnitFacts;
use serde::Serialize;
use std::fmt;

/// Why a unit cannot be shortlisted. A unit collects every reason that applies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum IneligibleReason {
    OutsideGemeenten {
        gemeente: String,
    },
    Water,
    ZeroPopulation,
    /// `have: None` = school count unknown.
    TooFewSchools {
        have: Option<u32>,
        min: u32,
    },
    TooFewInhabitants {
        have: Option<f64>,
        min: f64,
    },
    TooFewChildren {
        have: Option<f64>,
        min: f64,
    },
    /// The indicators present carry too little of the weight to rank the unit.
    CoverageTooLow {
        coverage: f64,
        min: f64,
    },
}

impl fmt::Display for IneligibleReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IneligibleReason::OutsideGemeenten { gemeente } => {
                write!(f, "gemeente {gemeente} is not selected")
            }
            IneligibleReason::Water => f.write_str("water"),
            IneligibleReason::ZeroPopulation => f.write_str("no inhabitants"),
            IneligibleReason::TooFewSchools { have: None, min } => {
                write!(f, "number of primary schools unknown (need {min})")
            }
            IneligibleReason::TooFewSchools { have: Some(h), min } => {
                write!(f, "{h} of {min} primary schools")
            }
            IneligibleReason::TooFewInhabitants { have: None, min } => {
                write!(f, "inhabitants unknown (need {min})")
            }
            IneligibleReason::TooFewInhabitants { have: Some(h), min } => {
                write!(f, "{h} inhabitants, need {min}")
            }
            IneligibleReason::TooFewChildren { have: None, min } => {
                write!(f, "children 0-15 unknown (need {min})")
            }
            IneligibleReason::TooFewChildren { have: Some(h), min } => {
                write!(f, "{h} children 0-15, need {min}")
            }
            IneligibleReason::CoverageTooLow { coverage, min } => write!(
                f,
                "indicators present carry {:.0}% of the weight, need {:.0}%",
                coverage * 100.0,
                min * 100.0
            ),
        }
    }
}

/// The gemeente filter, compiled once. Entries match a unit's gemeente code
/// ("GM0855", or "0855"/"855" as a bare number) or its name, ignoring case
/// and surrounding spaces.
#[derive(Debug, Clone)]
pub struct GemeenteFilter {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    original: String,
    code: Option<String>,
    name: String,
}

impl GemeenteFilter {
    pub fn new(gemeenten: &[String]) -> GemeenteFilter {
        let entries = gemeenten
            .iter()
            .map(|g| {
                let t = g.trim();
                let upper = t.to_uppercase();
                let digits = upper.strip_prefix("GM").unwrap_or(&upper);
                let code = (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
                    .then(|| format!("GM{digits:0>4}"));
                Entry {
                    original: g.clone(),
                    code,
                    name: t.to_lowercase(),
                }
            })
            .collect();
        GemeenteFilter { entries }
    }

    /// True when no gemeente is selected, i.e. every unit is in scope.
    pub fn is_all(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn matches(&self, unit: &UnitFacts) -> bool {
        self.is_all() || self.entries.iter().any(|e| e.matches(unit))
    }

    /// Filter entries that match no unit: most likely a typo, which would
    /// otherwise silently shrink the scope.
    pub fn unmatched(&self, units: &[UnitFacts]) -> Vec<String> {
        self.entries
            .iter()
            .filter(|e| !units.iter().any(|u| e.matches(u)))
            .map(|e| e.original.clone())
            .collect()
    }
}

impl Entry {
    fn matches(&self, unit: &UnitFacts) -> bool {
        match &self.code {
            Some(code) => unit.gemeente_code.trim().eq_ignore_ascii_case(code),
            None => unit.gemeente_name.trim().to_lowercase() == self.name,
        }
    }
}

fn is_zero_population(unit: &UnitFacts) -> bool {
    unit.inhabitants.is_some_and(|n| n <= 0.0)
}

/// Whether a unit belongs to the normalisation reference set when the
/// profile's reference is "scope".
pub fn in_scope(unit: &UnitFacts, rules: &EligibilityRules, filter: &GemeenteFilter) -> bool {
    filter.matches(unit)
        && !(rules.exclude_water && unit.water)
        && !(rules.exclude_zero_population && is_zero_population(unit))
}

/// Every reason, other than coverage, why `unit` cannot be shortlisted.
/// Empty = eligible.
pub fn ineligibility(
    unit: &UnitFacts,
    rules: &EligibilityRules,
    filter: &GemeenteFilter,
) -> Vec<IneligibleReason> {
    let mut reasons = Vec::new();
    if !filter.matches(unit) {
        let gemeente = if unit.gemeente_name.is_empty() {
            unit.gemeente_code.clone()
        } else {
            unit.gemeente_name.clone()
        };
        reasons.push(IneligibleReason::OutsideGemeenten { gemeente });
    }
    if rules.exclude_water && unit.water {
        reasons.push(IneligibleReason::Water);
    }
    let empty = rules.exclude_zero_population && is_zero_population(unit);
    if empty {
        reasons.push(IneligibleReason::ZeroPopulation);
    }
    if rules.min_primary_schools > 0 {
        match unit.primary_schools {
            Some(n) if n >= rules.min_primary_schools => {}
            have => reasons.push(IneligibleReason::TooFewSchools {
                have,
                min: rules.min_primary_schools,
            }),
        }
    }
    // An uninhabited unit already says why; "0 inhabitants, need 200" adds nothing.
    if !empty {
        if let Some(r) = below(unit.inhabitants, rules.min_inhabitants) {
            reasons.push(IneligibleReason::TooFewInhabitants {
                have: r,
                min: rules.min_inhabitants,
            });
        }
        if let Some(r) = below(unit.children_0_15, rules.min_children_0_15) {
            reasons.push(IneligibleReason::TooFewChildren {
                have: r,
                min: rules.min_children_0_15,
            });
        }
    }
    reasons
}

/// `Some(have)` when a positive minimum is not met; unknown counts fail a
/// positive minimum because a pilot cannot be defended on a guess.
fn below(have: Option<f64>, min: f64) -> Option<Option<f64>> {
    if min <= 0.0 {
        return None;
    }
    match have {
        Some(h) if h >= min => None,
        other => Some(other),
    }
}

/// The first `k` eligible units of an order (best first).
pub fn shortlist(order: &[usize], eligible: impl Fn(usize) -> bool, k: usize) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|&u| eligible(u))
        .take(k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(gm: &str, name: &str) -> UnitFacts {
        UnitFacts {
            code: "BU08550101".into(),
            name: "Korvel".into(),
            gemeente_code: gm.into(),
            gemeente_name: name.into(),
            primary_schools: Some(4),
            inhabitants: Some(3000.0),
            children_0_15: Some(500.0),
            water: false,
        }
    }

    fn rules() -> EligibilityRules {
        EligibilityRules {
            min_inhabitants: 200.0,
            min_children_0_15: 50.0,
            ..EligibilityRules::default()
        }
    }

    #[test]
    fn gemeente_filter_accepts_names_and_codes() {
        let u = unit("GM0855", "Tilburg");
        for g in ["Tilburg", " tilburg ", "GM0855", "gm0855", "0855", "855"] {
            assert!(GemeenteFilter::new(&[g.to_string()]).matches(&u), "{g}");
        }
        let f = GemeenteFilter::new(&["Goirle".into(), "GM0785".into()]);
        assert!(!f.matches(&u));
        assert_eq!(
            f.unmatched(std::slice::from_ref(&u)),
            vec!["Goirle", "GM0785"]
        );
        assert!(GemeenteFilter::new(&[]).matches(&u));
    }

    #[test]
    fn eligible_unit_has_no_reasons() {
        let f = GemeenteFilter::new(&["Tilburg".into()]);
        assert!(ineligibility(&unit("GM0855", "Tilburg"), &rules(), &f).is_empty());
    }

    #[test]
    fn every_reason_is_reported() {
        let f = GemeenteFilter::new(&["Tilburg".into()]);
        let mut u = unit("GM0785", "Goirle");
        u.water = true;
        u.primary_schools = Some(2);
        u.inhabitants = Some(150.0);
        u.children_0_15 = None;
        let r = ineligibility(&u, &rules(), &f);
        assert_eq!(
            r,
            vec![
                IneligibleReason::OutsideGemeenten {
                    gemeente: "Goirle".into()
                },
                IneligibleReason::Water,
                IneligibleReason::TooFewSchools {
                    have: Some(2),
                    min: 3
                },
                IneligibleReason::TooFewInhabitants {
                    have: Some(150.0),
                    min: 200.0
                },
                IneligibleReason::TooFewChildren {
                    have: None,
                    min: 50.0
                },
            ]
        );
        assert!(!in_scope(&u, &rules(), &f));
        assert_eq!(r[2].to_string(), "2 of 3 primary schools");
    }

    #[test]
    fn unknown_school_count_is_not_eligible() {
        let mut u = unit("GM0855", "Tilburg");
        u.primary_schools = None;
        let r = ineligibility(&u, &rules(), &GemeenteFilter::new(&[]));
        assert_eq!(
            r,
            vec![IneligibleReason::TooFewSchools { have: None, min: 3 }]
        );
        assert!(r[0].to_string().contains("unknown"));
    }

    #[test]
    fn zero_population_reported_once_and_out_of_scope() {
        let mut u = unit("GM0855", "Tilburg");
        u.inhabitants = Some(0.0);
        u.children_0_15 = Some(0.0);
        let f = GemeenteFilter::new(&[]);
        assert_eq!(
            ineligibility(&u, &rules(), &f),
            vec![IneligibleReason::ZeroPopulation]
        );
        assert!(!in_scope(&u, &rules(), &f));
        let keep = EligibilityRules {
            exclude_zero_population: false,
            ..EligibilityRules::default()
        };
        assert!(in_scope(&u, &keep, &f));
    }

    #[test]
    fn shortlist_takes_first_eligible() {
        assert_eq!(shortlist(&[5, 1, 4, 2, 3], |u| u != 1, 3), vec![5, 4, 2]);
        assert_eq!(shortlist(&[5, 1], |_| true, 3), vec![5, 1]);
    }
}
