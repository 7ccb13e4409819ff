//! The role catalogue: which roles exist and the rules that call for them,
//! read from TOML and validated.

use super::condition::{Condition, RawCondition};
use super::error::TeamError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The default catalogue, embedded so the binary works without any file.
pub const DEFAULT_ROLES_TOML: &str = include_str!("../../../profiles/roles.toml");

/// Kind of organisation a role comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    School,
    Parents,
    Municipality,
    YouthCare,
    /// Including the GGD.
    Health,
    Police,
    Housing,
    Welfare,
    Childcare,
    Library,
    Voluntary,
    Other,
}

/// One role a team can draw on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name_nl: String,
    pub name_en: String,
    pub kind: OrgKind,
    pub description_nl: String,
    pub description_en: String,
    /// In every team, regardless of the figures.
    #[serde(default)]
    pub core: bool,
}

/// When `when` holds, `role` joins the team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    pub id: String,
    pub role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub when: Condition,
}

/// Roles and the rules that call for them, validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleCatalogue {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(rename = "role")]
    roles: Vec<Role>,
    #[serde(rename = "rule")]
    rules: Vec<Rule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    role: Vec<Role>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    role: String,
    #[serde(default)]
    note: Option<String>,
    when: RawCondition,
}

impl RoleCatalogue {
    /// The embedded default (`profiles/roles.toml`).
    pub fn default_catalogue() -> Result<RoleCatalogue, TeamError> {
        RoleCatalogue::parse(DEFAULT_ROLES_TOML)
    }

    /// Parses and validates a catalogue. Unknown keys, unknown role ids,
    /// duplicate ids and malformed conditions are errors naming the culprit.
    pub fn parse(toml_text: &str) -> Result<RoleCatalogue, TeamError> {
        let raw: RawCatalogue = toml::from_str(toml_text).map_err(TeamError::Catalogue)?;
        let rules = {
            let core_by_id = check_roles(&raw.role)?;
            check_rules(raw.rule, &core_by_id)?
        };
        Ok(RoleCatalogue {
            description: raw.description,
            roles: raw.role,
            rules,
        })
    }

    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn rules_for<'a>(&'a self, role: &'a str) -> impl Iterator<Item = &'a Rule> + 'a {
        self.rules.iter().filter(move |r| r.role == role)
    }

    /// Every indicator id a rule refers to, sorted.
    pub fn indicators(&self) -> BTreeSet<&str> {
        self.rules
            .iter()
            .flat_map(|r| r.when.leaves())
            .map(|l| l.indicator.as_str())
            .collect()
    }
}

/// Role ids are non-empty and unique, and the school and parents are core
/// roles. Returns whether each role id is core.
fn check_roles(roles: &[Role]) -> Result<HashMap<&str, bool>, TeamError> {
    let mut core_by_id: HashMap<&str, bool> = HashMap::new();
    for (i, role) in roles.iter().enumerate() {
        if role.id.trim().is_empty() {
            return Err(TeamError::EmptyRoleId { position: i + 1 });
        }
        if core_by_id.insert(role.id.as_str(), role.core).is_some() {
            return Err(TeamError::DuplicateRole {
                id: role.id.clone(),
            });
        }
    }
    for (kind, name) in [(OrgKind::School, "school"), (OrgKind::Parents, "parents")] {
        if !roles.iter().any(|r| r.core && r.kind == kind) {
            return Err(TeamError::MissingCore { kind: name });
        }
    }
    Ok(core_by_id)
}

/// Rule ids are non-empty and unique, every rule names a non-core role of the
/// catalogue, and its condition is well formed.
fn check_rules(
    raw: Vec<RawRule>,
    core_by_id: &HashMap<&str, bool>,
) -> Result<Vec<Rule>, TeamError> {
    let mut rule_ids = HashSet::new();
    let mut rules = Vec::with_capacity(raw.len());
    for (i, rule) in raw.into_iter().enumerate() {
        if rule.id.trim().is_empty() {
            return Err(TeamError::EmptyRuleId { position: i + 1 });
        }
        if !rule_ids.insert(rule.id.clone()) {
            return Err(TeamError::DuplicateRule { id: rule.id });
        }
        match core_by_id.get(rule.role.as_str()) {
            None => {
                return Err(TeamError::UnknownRole {
                    rule: rule.id,
                    role: rule.role,
                })
            }
            Some(true) => {
                return Err(TeamError::RuleOnCoreRole {
                    rule: rule.id,
                    role: rule.role,
                })
            }
            Some(false) => {}
        }
        let when = rule.when.into_condition(&rule.id, "when")?;
        rules.push(Rule {
            id: rule.id,
            role: rule.role,
            note: rule.note,
            when,
        });
    }
    Ok(rules)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::teams::fixtures::*;

    #[test]
    fn default_catalogue_has_every_domain_role() {
        let cat = RoleCatalogue::default_catalogue().unwrap();
        let want = [
            ("school", OrgKind::School),
            ("parents", OrgKind::Parents),
            ("school_social_worker", OrgKind::Welfare),
            ("behaviour_coach", OrgKind::YouthCare),
            ("youth_care_access", OrgKind::Municipality),
            ("ggd_youth_health", OrgKind::Health),
            ("speech_therapist", OrgKind::Health),
            ("neighbourhood_police", OrgKind::Police),
            ("housing_corporation", OrgKind::Housing),
            ("youth_welfare_worker", OrgKind::Welfare),
            ("debt_counsellor", OrgKind::Municipality),
            ("orthopedagogue", OrgKind::YouthCare),
            ("childcare_vve", OrgKind::Childcare),
            ("library_reading", OrgKind::Library),
            ("midwife_maternity", OrgKind::Health),
            ("food_bank", OrgKind::Voluntary),
            ("wijkteam", OrgKind::Municipality),
            ("veilig_thuis", OrgKind::Municipality),
        ];
        assert_eq!(cat.roles().len(), want.len());
        for (id, kind) in want {
            let r = cat.role(id).unwrap_or_else(|| panic!("missing role {id}"));
            assert_eq!(r.kind, kind, "{id}");
            assert!(!r.name_nl.is_empty() && !r.description_en.is_empty());
            let has_rule = cat.rules_for(id).next().is_some();
            let expect_rule = !r.core && id != "neighbourhood_police";
            assert_eq!(has_rule, expect_rule, "{id}");
        }
        let core: Vec<&str> = cat
            .roles()
            .iter()
            .filter(|r| r.core)
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(core, ["school", "parents"]);
        let known = [
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
            "children_0_14",
            "children_0_14_pct",
            "households_with_children_pct",
            "inhabitants",
            "ses_woa_score",
            "school_distance_km",
            "pct_kinderbeschermingsmaatregel",
            "pct_schuldhulp_huishoudens",
        ];
        for id in cat.indicators() {
            assert!(known.contains(&id), "unknown indicator {id}");
        }
        // Protective indicators only trigger on low values.
        for leaf in cat.rules().iter().flat_map(|r| r.when.leaves()) {
            if ["woz_mean", "ses_woa_score"].contains(&leaf.indicator.as_str()) {
                assert!(!leaf.threshold.kind.is_above(), "{}", leaf.indicator);
            }
        }
    }

    #[test]
    fn catalogue_round_trips_through_toml() {
        let cat = RoleCatalogue::default_catalogue().unwrap();
        let text = toml::to_string(&cat).unwrap();
        assert_eq!(RoleCatalogue::parse(&text).unwrap(), cat);
    }

    #[test]
    fn unknown_keys_and_roles_are_errors_naming_them() {
        let bad = |text: &str| RoleCatalogue::parse(text).unwrap_err().to_string();
        let with_role = |extra: &str| format!("{CORE}{}{extra}", role_toml("coach"));

        let e = bad(&format!("{CORE}colour = \"red\"\n"));
        assert!(e.contains("colour"), "{e}");
        let e = bad(&format!("{}shoe_size = 3\n", with_role("")));
        assert!(e.contains("shoe_size"), "{e}");
        let e = bad(&with_role(
            "[[rule]]\nid = \"r\"\nrole = \"coach\"\nwhen = { indicator = \"a\", z_abov = 1.0 }\n",
        ));
        assert!(e.contains("z_abov"), "{e}");
        let e = bad(&with_role(
            "[[rule]]\nid = \"r\"\nrole = \"coach\"\nwhy = \"x\"\nwhen = { indicator = \"a\", z_above = 1.0 }\n",
        ));
        assert!(e.contains("why"), "{e}");
        let e = bad(&with_role(
            "[[rule]]\nid = \"r\"\nrole = \"coatch\"\nwhen = { indicator = \"a\", z_above = 1.0 }\n",
        ));
        assert!(e.contains("`coatch`") && e.contains("`r`"), "{e}");
        let e = bad(&with_role(
            "[[rule]]\nid = \"r\"\nrole = \"parents\"\nwhen = { indicator = \"a\", z_above = 1.0 }\n",
        ));
        assert!(e.contains("core role `parents`"), "{e}");
        let e = bad(&with_role("").replace("kind = \"other\"", "kind = \"circus\""));
        assert!(e.contains("circus"), "{e}");
        let e = bad(&format!("{}{}", with_role(""), role_toml("coach")));
        assert!(e.contains("role `coach` is listed more than once"), "{e}");
        let e = bad(&role_toml("coach"));
        assert!(e.contains("core role of kind `school`"), "{e}");
    }
}
