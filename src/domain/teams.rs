//! Team composition: which professionals (and always the school and parents) a
//! selected buurt needs, derived from its figures by an editable rule set.
//!
//! # Rules
//! A role joins when any of its rules holds. A rule's condition is a threshold
//! on one indicator or an `all` / `any` combination of conditions. Thresholds
//! are inclusive (`z_above = 1.0` holds at z = 1.0, `z_below = -1.0` at
//! z = -1.0): a steering group reads "z 1.0" as "at least one standard
//! deviation", and inclusivity makes "holds" coincide with "margin >= 0".
//! `z` and `percentile` describe the raw value (higher value, higher z) whatever
//! the indicator's direction, so protective indicators use `*_below`.
//! A condition needs the buurt's raw value: a missing (suppressed) value never
//! holds, even when a z-score were supplied.
//!
//! # Strength
//! Every condition has a margin in its own unit (z units, percentile points or
//! the indicator's unit) and a *strength* in z-equivalent units, so that rules
//! of different kinds can be ordered on one scale:
//! - z thresholds: `z - t` (above) or `t - z` (below);
//! - percentile thresholds: `probit(p) - probit(t)` (negated for below), with
//!   p and t clamped to 0.5..99.5; percentile 84 then weighs like z 1.0;
//! - raw-value thresholds: the raw margin divided by the reference spread
//!   estimated from the view itself, `(value - overall_value) / z`. When that
//!   cannot be estimated (z missing or within 0.1 of 0), the strength is
//!   unknown and a holding condition counts as 0, the weakest.
//!
//! `all` takes its weakest child (the combination holds only as firmly as its
//! weakest link), `any` its strongest holding child. A role's strength is that
//! of its strongest holding rule. Non-core members are ordered by strength,
//! descending, ties by role id; the size cap counts core roles.
//!
//! # Capacity
//! A pool limits how many professionals of a role exist across all selected
//! buurten (one per buurt team). [`allocate`] hands them out in order of
//! strength over all buurten (ties by buurt code, then role id); a buurt whose
//! role ran out records an unmet need, and its freed seat goes to the next role
//! the size cap had dropped, so a scarce role never leaves a seat empty.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

/// The default catalogue, embedded so the binary works without any file.
pub const DEFAULT_ROLES_TOML: &str = include_str!("../../profiles/roles.toml");

/// Default maximum team size, core roles included.
pub const DEFAULT_MAX_SIZE: usize = 8;

/// Why a catalogue or pool was rejected. Messages name the offending key or id
/// because the reader is editing a TOML file.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("invalid role catalogue: {0}")]
    Catalogue(toml::de::Error),
    #[error("invalid capacity pool: {0}")]
    Pool(toml::de::Error),
    #[error("[[role]] entry {position}: `id` is empty")]
    EmptyRoleId { position: usize },
    #[error("role `{id}` is listed more than once")]
    DuplicateRole { id: String },
    #[error("[[rule]] entry {position}: `id` is empty")]
    EmptyRuleId { position: usize },
    #[error("rule `{id}` is listed more than once")]
    DuplicateRule { id: String },
    #[error("rule `{rule}` names role `{role}`, which is not in the catalogue")]
    UnknownRole { rule: String, role: String },
    #[error(
        "rule `{rule}` targets core role `{role}`, which is in every team anyway; remove the rule"
    )]
    RuleOnCoreRole { rule: String, role: String },
    #[error("rule `{rule}`, condition `{path}`: {problem}")]
    BadCondition {
        rule: String,
        path: String,
        problem: String,
    },
    #[error(
        "the catalogue has no core role of kind `{kind}`; the school and parents are in every team"
    )]
    MissingCore { kind: &'static str },
    #[error("capacity pool names role `{role}`, which is not in the catalogue")]
    PoolUnknownRole { role: String },
    #[error("capacity pool names core role `{role}`; core roles are in every team and are not allocated")]
    PoolCoreRole { role: String },
}

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

/// One indicator as seen from one buurt.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorView {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub value: Option<f64>,
    /// Standardised raw value within the reference set (not direction-adjusted).
    pub z: Option<f64>,
    /// 0-100 within the reference set, higher value -> higher percentile.
    pub percentile: Option<f64>,
    pub gemeente_value: Option<f64>,
    /// The reference-set value; used as the mean when estimating the spread
    /// for raw-value thresholds.
    pub overall_value: Option<f64>,
}

/// One buurt with the indicators the data carries for it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BuurtView {
    pub code: String,
    pub name: String,
    pub indicators: Vec<IndicatorView>,
}

// ---------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdKind {
    ZAbove,
    ZBelow,
    PercentileAbove,
    PercentileBelow,
    ValueAbove,
    ValueBelow,
}

impl ThresholdKind {
    pub fn key(self) -> &'static str {
        match self {
            ThresholdKind::ZAbove => "z_above",
            ThresholdKind::ZBelow => "z_below",
            ThresholdKind::PercentileAbove => "percentile_above",
            ThresholdKind::PercentileBelow => "percentile_below",
            ThresholdKind::ValueAbove => "value_above",
            ThresholdKind::ValueBelow => "value_below",
        }
    }

    fn is_above(self) -> bool {
        matches!(
            self,
            ThresholdKind::ZAbove | ThresholdKind::PercentileAbove | ThresholdKind::ValueAbove
        )
    }

    /// The unit the raw margin is expressed in.
    pub fn margin_unit(self) -> &'static str {
        match self {
            ThresholdKind::ZAbove | ThresholdKind::ZBelow => "z",
            ThresholdKind::PercentileAbove | ThresholdKind::PercentileBelow => "percentile points",
            ThresholdKind::ValueAbove | ThresholdKind::ValueBelow => "indicator unit",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub kind: ThresholdKind,
    pub value: f64,
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {}", self.kind.key(), self.value)
    }
}

/// A condition on one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaf {
    pub indicator: String,
    pub threshold: Threshold,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Leaf(Leaf),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl Condition {
    /// Every leaf, in document order.
    pub fn leaves(&self) -> Vec<&Leaf> {
        let mut out = Vec::new();
        self.collect_leaves(&mut out);
        out
    }

    fn collect_leaves<'a>(&'a self, out: &mut Vec<&'a Leaf>) {
        match self {
            Condition::Leaf(l) => out.push(l),
            Condition::All(cs) | Condition::Any(cs) => {
                for c in cs {
                    c.collect_leaves(out);
                }
            }
        }
    }

    fn to_raw(&self) -> RawCondition {
        let mut raw = RawCondition::default();
        match self {
            Condition::Leaf(l) => {
                raw.indicator = Some(l.indicator.clone());
                let v = Some(l.threshold.value);
                match l.threshold.kind {
                    ThresholdKind::ZAbove => raw.z_above = v,
                    ThresholdKind::ZBelow => raw.z_below = v,
                    ThresholdKind::PercentileAbove => raw.percentile_above = v,
                    ThresholdKind::PercentileBelow => raw.percentile_below = v,
                    ThresholdKind::ValueAbove => raw.value_above = v,
                    ThresholdKind::ValueBelow => raw.value_below = v,
                }
            }
            Condition::All(cs) => raw.all = Some(cs.iter().map(Condition::to_raw).collect()),
            Condition::Any(cs) => raw.any = Some(cs.iter().map(Condition::to_raw).collect()),
        }
        raw
    }
}

// Serialised in the same shape the TOML uses, so a catalogue can be exported
// and read back.
impl Serialize for Condition {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_raw().serialize(s)
    }
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

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    indicator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    z_above: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    z_below: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    percentile_above: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    percentile_below: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value_above: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value_below: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<RawCondition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any: Option<Vec<RawCondition>>,
}

impl RawCondition {
    fn into_condition(self, rule: &str, path: &str) -> Result<Condition, TeamError> {
        let bad = |problem: String| TeamError::BadCondition {
            rule: rule.to_string(),
            path: path.to_string(),
            problem,
        };
        let thresholds: Vec<Threshold> = [
            (ThresholdKind::ZAbove, self.z_above),
            (ThresholdKind::ZBelow, self.z_below),
            (ThresholdKind::PercentileAbove, self.percentile_above),
            (ThresholdKind::PercentileBelow, self.percentile_below),
            (ThresholdKind::ValueAbove, self.value_above),
            (ThresholdKind::ValueBelow, self.value_below),
        ]
        .into_iter()
        .filter_map(|(kind, v)| v.map(|value| Threshold { kind, value }))
        .collect();
        let combinators = usize::from(self.all.is_some()) + usize::from(self.any.is_some());
        if combinators > 0 {
            if self.indicator.is_some() || !thresholds.is_empty() {
                return Err(bad(
                    "`all`/`any` cannot be mixed with `indicator` or a threshold in the same table"
                        .into(),
                ));
            }
            if combinators > 1 {
                return Err(bad(
                    "use either `all` or `any`; nest one inside the other to combine them".into(),
                ));
            }
            let (key, children) = match (self.all, self.any) {
                (Some(c), _) => ("all", c),
                (None, Some(c)) => ("any", c),
                (None, None) => return Err(bad("empty condition".into())),
            };
            if children.is_empty() {
                return Err(bad(format!("`{key}` is empty")));
            }
            let children = children
                .into_iter()
                .enumerate()
                .map(|(i, c)| c.into_condition(rule, &format!("{path}.{key}[{i}]")))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(if key == "all" {
                Condition::All(children)
            } else {
                Condition::Any(children)
            });
        }
        let indicator = match self.indicator {
            Some(i) if !i.trim().is_empty() => i,
            Some(_) => return Err(bad("`indicator` is empty".into())),
            None => {
                return Err(bad(
                    "needs `indicator` with one threshold, or `all`/`any`".into()
                ))
            }
        };
        let threshold = match thresholds.as_slice() {
            [t] => *t,
            [] => {
                return Err(bad(format!(
                "indicator `{indicator}` needs one of `z_above`, `z_below`, `percentile_above`, \
                     `percentile_below`, `value_above`, `value_below`"
            )))
            }
            many => {
                let keys: Vec<String> =
                    many.iter().map(|t| format!("`{}`", t.kind.key())).collect();
                return Err(bad(format!(
                    "indicator `{indicator}` has {} thresholds ({}); use `all`/`any` to combine them",
                    many.len(),
                    keys.join(", ")
                )));
            }
        };
        if !threshold.value.is_finite() {
            return Err(bad(format!(
                "`{}` = {} is not a finite number",
                threshold.kind.key(),
                threshold.value
            )));
        }
        if matches!(
            threshold.kind,
            ThresholdKind::PercentileAbove | ThresholdKind::PercentileBelow
        ) && !(0.0..=100.0).contains(&threshold.value)
        {
            return Err(bad(format!(
                "`{}` = {} is out of range: expected 0 to 100",
                threshold.kind.key(),
                threshold.value
            )));
        }
        Ok(Condition::Leaf(Leaf {
            indicator,
            threshold,
        }))
    }
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
        let mut role_ids: HashMap<&str, bool> = HashMap::new();
        for (i, role) in raw.role.iter().enumerate() {
            if role.id.trim().is_empty() {
                return Err(TeamError::EmptyRoleId { position: i + 1 });
            }
            if role_ids.insert(role.id.as_str(), role.core).is_some() {
                return Err(TeamError::DuplicateRole {
                    id: role.id.clone(),
                });
            }
        }
        for (kind, name) in [(OrgKind::School, "school"), (OrgKind::Parents, "parents")] {
            if !raw.role.iter().any(|r| r.core && r.kind == kind) {
                return Err(TeamError::MissingCore { kind: name });
            }
        }
        let mut rule_ids = HashSet::new();
        let mut rules = Vec::with_capacity(raw.rule.len());
        for (i, rule) in raw.rule.into_iter().enumerate() {
            if rule.id.trim().is_empty() {
                return Err(TeamError::EmptyRuleId { position: i + 1 });
            }
            if !rule_ids.insert(rule.id.clone()) {
                return Err(TeamError::DuplicateRule { id: rule.id });
            }
            match role_ids.get(rule.role.as_str()) {
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

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSettings {
    /// Maximum team size, core roles included. Core roles are never dropped,
    /// even when they alone exceed it.
    pub max_size: usize,
    /// Also list roles that were considered and not triggered.
    pub explain: bool,
}

impl Default for TeamSettings {
    fn default() -> Self {
        TeamSettings {
            max_size: DEFAULT_MAX_SIZE,
            explain: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Met,
    NotMet,
    /// The buurt has the indicator but no usable value (suppressed, missing).
    MissingValue,
    /// The data has no such indicator for this buurt.
    NotInData,
}

/// One condition checked against one buurt: the figures behind a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConditionCheck {
    pub rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub indicator: String,
    pub label: String,
    pub unit: String,
    pub status: CheckStatus,
    pub threshold: Threshold,
    pub value: Option<f64>,
    pub z: Option<f64>,
    pub percentile: Option<f64>,
    pub gemeente_value: Option<f64>,
    pub overall_value: Option<f64>,
    /// By how much the condition is exceeded (negative: missed), in the
    /// threshold's own unit (see [`ThresholdKind::margin_unit`]).
    pub margin: Option<f64>,
    /// The margin in z-equivalent units (module docs); None when unknown.
    pub strength: Option<f64>,
}

/// A proposed team member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub role_id: String,
    pub name_nl: String,
    pub name_en: String,
    pub kind: OrgKind,
    pub core: bool,
    /// z-equivalent strength of the strongest holding rule; None for core roles.
    pub strength: Option<f64>,
    /// The holding conditions, strongest rule first.
    pub reasons: Vec<ConditionCheck>,
}

/// A role with rules that did not hold (explain mode).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotTriggered {
    pub role_id: String,
    pub name_nl: String,
    pub name_en: String,
    /// The condition that decides the rule closest to holding (for `all`, the
    /// weakest failing part); None when the role has no rules.
    pub closest: Option<ConditionCheck>,
    pub note: String,
}

/// A triggered role that did not get a professional from the pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnmetNeed {
    pub buurt_code: String,
    pub buurt_name: String,
    #[serde(flatten)]
    pub member: Member,
    pub note: String,
}

/// The team proposed for one buurt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamProposal {
    pub buurt_code: String,
    pub buurt_name: String,
    pub max_size: usize,
    /// Core roles (catalogue order), then others by strength.
    pub members: Vec<Member>,
    /// Triggered roles that did not fit under `max_size`, strongest first.
    pub dropped_by_cap: Vec<Member>,
    /// Filled by [`allocate`].
    pub unmet: Vec<UnmetNeed>,
    /// Explain mode only: roles considered and not triggered, closest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_triggered: Option<Vec<NotTriggered>>,
    pub notes: Vec<String>,
}

impl TeamProposal {
    pub fn member_ids(&self) -> Vec<&str> {
        self.members.iter().map(|m| m.role_id.as_str()).collect()
    }
}

/// A rule that refers to an indicator the data does not have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataGap {
    pub rule_id: String,
    pub role_id: String,
    pub indicator: String,
}

impl fmt::Display for DataGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "rule `{}` for role `{}` uses indicator `{}` which the data does not have",
            self.rule_id, self.role_id, self.indicator
        )
    }
}

/// Teams for several buurten plus the data gaps, reported once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamReport {
    pub proposals: Vec<TeamProposal>,
    pub data_gaps: Vec<DataGap>,
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

/// Near the mean, (value - mean) / z divides noise by noise: below this |z|
/// the spread estimate for raw-value thresholds is not trusted.
const NO_SIGMA_BELOW_Z: f64 = 0.1;
/// Percentiles 0 and 100 would map to infinite z; one rank in a few hundred
/// buurten is not worth more than about 2.6 z.
const PERCENTILE_CLAMP: (f64, f64) = (0.5, 99.5);

/// Inverse standard normal CDF (Acklam's rational approximation, relative
/// error < 1.2e-9), for 0 < p < 1.
fn probit(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    const P_LOW: f64 = 0.02425;
    if p < P_LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p <= 1.0 - P_LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    }
}

fn percentile_z(p: f64) -> f64 {
    probit(p.clamp(PERCENTILE_CLAMP.0, PERCENTILE_CLAMP.1) / 100.0)
}

fn finite(x: Option<f64>) -> Option<f64> {
    x.filter(|v| v.is_finite())
}

/// Outcome of one leaf, with the key used to order outcomes.
#[derive(Debug, Clone)]
struct LeafOutcome<'a> {
    leaf: &'a Leaf,
    view: Option<&'a IndicatorView>,
    status: CheckStatus,
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

    fn check(&self, rule: &Rule) -> ConditionCheck {
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
struct Outcome<'a> {
    holds: bool,
    key: f64,
    decisive: LeafOutcome<'a>,
    support: Vec<LeafOutcome<'a>>,
}

fn cmp_key(a: f64, b: f64) -> Ordering {
    a.total_cmp(&b)
}

fn eval<'a>(cond: &'a Condition, views: &HashMap<&str, &'a IndicatorView>) -> Outcome<'a> {
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

    for role in &catalogue.roles {
        if role.core {
            core.push(member_of(role, None, Vec::new()));
            continue;
        }
        let mut holding: Vec<(f64, &Rule, Outcome<'_>)> = Vec::new();
        let mut closest: Option<(f64, &Rule, Outcome<'_>)> = None;
        for rule in catalogue.rules_for(&role.id) {
            let o = eval(&rule.when, &views);
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
            if settings.explain {
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
                not_triggered.push((
                    key,
                    NotTriggered {
                        role_id: role.id.clone(),
                        name_nl: role.name_nl.clone(),
                        name_en: role.name_en.clone(),
                        closest,
                        note: note.to_string(),
                    },
                ));
            }
            continue;
        }
        holding.sort_by(|a, b| cmp_key(b.0, a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        let strength = holding[0].0;
        let reasons = holding
            .iter()
            .flat_map(|(_, rule, o)| o.support.iter().map(|l| l.check(rule)))
            .collect();
        triggered.push(member_of(role, Some(strength), reasons));
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
    for rule in &catalogue.rules {
        let mut seen = HashSet::new();
        for leaf in rule.when.leaves() {
            if !present.contains(leaf.indicator.as_str()) && seen.insert(leaf.indicator.as_str()) {
                gaps.push(DataGap {
                    rule_id: rule.id.clone(),
                    role_id: rule.role.clone(),
                    indicator: leaf.indicator.clone(),
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

// ---------------------------------------------------------------------------
// Capacity
// ---------------------------------------------------------------------------

/// Available professionals per role across all selected buurten. Roles not in
/// the pool are unlimited.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pool {
    #[serde(default)]
    pub pool: BTreeMap<String, u32>,
}

impl Pool {
    /// Parses `[pool]\nrole_id = count`. Role ids are checked by [`Pool::validate`].
    pub fn parse(toml_text: &str) -> Result<Pool, TeamError> {
        toml::from_str(toml_text).map_err(TeamError::Pool)
    }

    pub fn new(counts: BTreeMap<String, u32>) -> Pool {
        Pool { pool: counts }
    }

    pub fn available(&self, role: &str) -> Option<u32> {
        self.pool.get(role).copied()
    }

    /// Every pool role must be a non-core role of the catalogue.
    pub fn validate(&self, catalogue: &RoleCatalogue) -> Result<(), TeamError> {
        for id in self.pool.keys() {
            match catalogue.role(id) {
                None => return Err(TeamError::PoolUnknownRole { role: id.clone() }),
                Some(r) if r.core => return Err(TeamError::PoolCoreRole { role: id.clone() }),
                Some(_) => {}
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleUsage {
    pub role_id: String,
    pub available: u32,
    pub assigned: u32,
    pub unmet: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    /// Every unmet need, strongest first.
    pub unmet: Vec<UnmetNeed>,
    /// One entry per pool role, in role-id order.
    pub usage: Vec<RoleUsage>,
}

pub const NO_CAPACITY_LEFT: &str = "no capacity left";

/// Hands out limited roles to the buurten with the strongest need and backfills
/// freed seats from roles the size cap dropped (module docs). Updates each
/// proposal's `members`, `dropped_by_cap` and `unmet`; calling it again with
/// the same pool gives the same result. Core roles are never limited.
pub fn allocate(proposals: &mut [TeamProposal], pool: &Pool) -> Allocation {
    struct Candidate {
        strength: f64,
        buurt: usize,
        member: Member,
    }
    let mut candidates = Vec::new();
    let mut seats = Vec::with_capacity(proposals.len());
    for (b, p) in proposals.iter_mut().enumerate() {
        let (core, others): (Vec<Member>, Vec<Member>) = std::mem::take(&mut p.members)
            .into_iter()
            .partition(|m| m.core);
        seats.push(p.max_size.saturating_sub(core.len()));
        p.members = core;
        let unmet = std::mem::take(&mut p.unmet).into_iter().map(|u| u.member);
        let dropped = std::mem::take(&mut p.dropped_by_cap);
        for member in others.into_iter().chain(dropped).chain(unmet) {
            candidates.push(Candidate {
                strength: member.strength.unwrap_or(0.0),
                buurt: b,
                member,
            });
        }
    }
    candidates.sort_by(|a, b| {
        cmp_key(b.strength, a.strength)
            .then_with(|| {
                proposals[a.buurt]
                    .buurt_code
                    .cmp(&proposals[b.buurt].buurt_code)
            })
            .then_with(|| a.buurt.cmp(&b.buurt))
            .then_with(|| a.member.role_id.cmp(&b.member.role_id))
    });

    let mut left: BTreeMap<&str, u32> = pool.pool.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let mut unmet_count: BTreeMap<String, u32> = BTreeMap::new();
    let mut all_unmet = Vec::new();
    for c in candidates {
        let p = &mut proposals[c.buurt];
        if seats[c.buurt] == 0 {
            p.dropped_by_cap.push(c.member);
            continue;
        }
        match left.get_mut(c.member.role_id.as_str()) {
            Some(0) => {
                *unmet_count.entry(c.member.role_id.clone()).or_default() += 1;
                let need = UnmetNeed {
                    buurt_code: p.buurt_code.clone(),
                    buurt_name: p.buurt_name.clone(),
                    member: c.member,
                    note: NO_CAPACITY_LEFT.to_string(),
                };
                all_unmet.push(need.clone());
                p.unmet.push(need);
            }
            remaining => {
                if let Some(n) = remaining {
                    *n -= 1;
                }
                seats[c.buurt] -= 1;
                p.members.push(c.member);
            }
        }
    }

    let usage = pool
        .pool
        .iter()
        .map(|(id, &available)| RoleUsage {
            role_id: id.clone(),
            available,
            assigned: available - left.get(id.as_str()).copied().unwrap_or(available),
            unmet: unmet_count.get(id).copied().unwrap_or(0),
        })
        .collect();
    Allocation {
        unmet: all_unmet,
        usage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORE: &str = r#"
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

    fn role_toml(id: &str) -> String {
        format!(
            "[[role]]\nid = \"{id}\"\nkind = \"other\"\nname_nl = \"{id}\"\nname_en = \"{id}\"\n\
             description_nl = \"-\"\ndescription_en = \"-\"\n"
        )
    }

    /// A catalogue with the core roles plus one role per (role, condition).
    fn catalogue(rules: &[(&str, &str)]) -> RoleCatalogue {
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

    fn ind(id: &str, value: Option<f64>, z: Option<f64>, pct: Option<f64>) -> IndicatorView {
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
    fn zi(id: &str, z: f64) -> IndicatorView {
        let p = 100.0 * (0.5 * (1.0 + erf(z / std::f64::consts::SQRT_2)));
        ind(id, Some(10.0 + 5.0 * z), Some(z), Some(p))
    }

    // Abramowitz-Stegun 7.1.26, enough for test fixtures.
    fn erf(x: f64) -> f64 {
        let t = 1.0 / (1.0 + 0.3275911 * x.abs());
        let y = 1.0
            - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592)
                * t
                * (-x * x).exp();
        y.copysign(x)
    }

    fn buurt(code: &str, indicators: Vec<IndicatorView>) -> BuurtView {
        BuurtView {
            code: code.into(),
            name: format!("Buurt {code}"),
            indicators,
        }
    }

    fn ids(p: &TeamProposal) -> Vec<&str> {
        p.member_ids()
    }

    fn explain() -> TeamSettings {
        TeamSettings {
            explain: true,
            ..TeamSettings::default()
        }
    }

    fn joins(cat: &RoleCatalogue, b: &BuurtView, role: &str) -> bool {
        propose(cat, b, &TeamSettings::default())
            .members
            .iter()
            .any(|m| m.role_id == role)
    }

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
    fn scarce_capacity_goes_to_strongest_need() {
        let cat = catalogue(&[
            ("behaviour_coach", r#"{ indicator = "a", z_above = 1.0 }"#),
            ("other", r#"{ indicator = "b", z_above = 1.0 }"#),
            ("spare", r#"{ indicator = "c", z_above = 0.0 }"#),
        ]);
        let settings = TeamSettings {
            max_size: 4,
            explain: false,
        };
        let b1 = buurt("B1", vec![zi("a", 1.5), zi("b", 1.2), zi("c", 0.1)]);
        let b2 = buurt("B2", vec![zi("a", 2.5), zi("b", 1.2), zi("c", 0.1)]);
        let b3 = buurt("B3", vec![zi("a", 2.0), zi("b", 1.2), zi("c", 0.1)]);
        let mut ps: Vec<TeamProposal> = [&b1, &b2, &b3]
            .iter()
            .map(|b| propose(&cat, b, &settings))
            .collect();
        assert!(ps
            .iter()
            .all(|p| p.member_ids().contains(&"behaviour_coach")));
        let pool = Pool::parse("[pool]\nbehaviour_coach = 2\n").unwrap();
        pool.validate(&cat).unwrap();
        let alloc = allocate(&mut ps, &pool);
        assert!(ps[1].member_ids().contains(&"behaviour_coach"));
        assert!(ps[2].member_ids().contains(&"behaviour_coach"));
        assert!(!ps[0].member_ids().contains(&"behaviour_coach"));
        assert_eq!(alloc.unmet.len(), 1);
        let need = &alloc.unmet[0];
        assert_eq!(need.buurt_code, "B1");
        assert_eq!(need.member.role_id, "behaviour_coach");
        assert!((need.member.strength.unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(need.note, NO_CAPACITY_LEFT);
        assert_eq!(ps[0].unmet, alloc.unmet);
        // The freed seat goes to the role the cap had dropped.
        assert_eq!(ids(&ps[0]), ["school", "parents", "other", "spare"]);
        assert!(ps[0].dropped_by_cap.is_empty());
        assert_eq!(
            alloc.usage,
            [RoleUsage {
                role_id: "behaviour_coach".into(),
                available: 2,
                assigned: 2,
                unmet: 1
            }]
        );
        // Idempotent.
        let before = ps.clone();
        let again = allocate(&mut ps, &pool);
        assert_eq!(ps, before);
        assert_eq!(again, alloc);
        // An empty pool changes nothing.
        let fresh: Vec<TeamProposal> = [&b1, &b2, &b3]
            .iter()
            .map(|b| propose(&cat, b, &settings))
            .collect();
        let mut same = fresh.clone();
        let none = allocate(&mut same, &Pool::default());
        assert_eq!(same, fresh);
        assert!(none.unmet.is_empty());
    }

    #[test]
    fn pool_errors_name_the_culprit() {
        let cat = catalogue(&[("coach", r#"{ indicator = "a", z_above = 1.0 }"#)]);
        let e = Pool::parse("[pool]\ncoach = 2\n[extra]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("extra"), "{e}");
        let e = Pool::parse("[pool]\ncoach = -1\n").unwrap_err().to_string();
        assert!(e.contains("invalid capacity pool"), "{e}");
        let e = Pool::parse("[pool]\nghost = 1\n")
            .unwrap()
            .validate(&cat)
            .unwrap_err()
            .to_string();
        assert!(e.contains("`ghost`"), "{e}");
        let e = Pool::parse("[pool]\nparents = 1\n")
            .unwrap()
            .validate(&cat)
            .unwrap_err()
            .to_string();
        assert!(e.contains("core role `parents`"), "{e}");
    }

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

    fn default_indicators(z: &[(&str, f64)]) -> Vec<IndicatorView> {
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

    #[test]
    fn malformed_conditions_are_errors_with_a_path() {
        let bad = |when: &str| {
            RoleCatalogue::parse(&format!(
                "{CORE}{}[[rule]]\nid = \"r\"\nrole = \"coach\"\nwhen = {when}\n",
                role_toml("coach")
            ))
            .unwrap_err()
            .to_string()
        };
        let e = bad(r#"{ indicator = "a", z_above = 1.0, z_below = -1.0 }"#);
        assert!(
            e.contains("`z_above`, `z_below`") && e.contains("`when`"),
            "{e}"
        );
        let e = bad(r#"{ indicator = "a" }"#);
        assert!(e.contains("needs one of"), "{e}");
        let e = bad(r#"{ all = [{ indicator = "a", z_above = 1.0 }, { any = [] }] }"#);
        assert!(
            e.contains("`when.all[1]`") && e.contains("`any` is empty"),
            "{e}"
        );
        let e = bad(r#"{ all = [{ indicator = "a", percentile_above = 120.0 }] }"#);
        assert!(e.contains("when.all[0]") && e.contains("0 to 100"), "{e}");
        let e = bad(r#"{ indicator = "a", z_above = 1.0, all = [] }"#);
        assert!(e.contains("cannot be mixed"), "{e}");
        let e = bad(r#"{ z_above = 1.0 }"#);
        assert!(e.contains("needs `indicator`"), "{e}");
        let e = bad(r#"{ indicator = "a", z_above = nan }"#);
        assert!(e.contains("finite"), "{e}");
    }

    #[test]
    fn probit_matches_known_quantiles() {
        assert!(probit(0.5).abs() < 1e-12);
        assert!((probit(0.975) - 1.959_964).abs() < 1e-6);
        assert!((probit(0.01) + 2.326_348).abs() < 1e-6);
        assert!((percentile_z(84.134_47) - 1.0).abs() < 1e-5);
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    const IDS: [&str; 8] = [
        "low_income_hh_pct",
        "poverty_persons_pct",
        "social_minimum_hh_pct",
        "youth_care_pct",
        "divorced_pct",
        "social_rent_pct",
        "low_education_pct",
        "woz_mean",
    ];

    fn view(id: &str, z: Option<f64>) -> IndicatorView {
        IndicatorView {
            id: id.into(),
            label: id.into(),
            unit: "%".into(),
            value: z.map(|z| 10.0 + 3.0 * z),
            z,
            percentile: z.map(|z| (50.0 + 30.0 * z).clamp(0.0, 100.0)),
            gemeente_value: Some(10.0),
            overall_value: Some(10.0),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn teams_respect_invariants(
            zs in proptest::collection::vec(
                proptest::collection::vec(proptest::option::weighted(0.8, -3.0f64..3.0), IDS.len()),
                1..5,
            ),
            max_size in 0usize..10,
            coaches in 0u32..3,
        ) {
            let cat = RoleCatalogue::default_catalogue().unwrap();
            let settings = TeamSettings { max_size, explain: true };
            let buurten: Vec<BuurtView> = zs.iter().enumerate().map(|(i, z)| BuurtView {
                code: format!("BU{i}"),
                name: String::new(),
                indicators: IDS.iter().zip(z).map(|(id, z)| view(id, *z)).collect(),
            }).collect();
            let mut report = propose_all(&cat, &buurten, &settings);
            for p in &report.proposals {
                prop_assert_eq!(&p.member_ids()[..2], &["school", "parents"]);
                prop_assert!(p.members.len() <= max_size.max(2));
                let others = &p.members[2..];
                for w in others.windows(2) {
                    prop_assert!(w[0].strength >= w[1].strength);
                }
                for m in others.iter().chain(&p.dropped_by_cap) {
                    prop_assert!(m.strength.unwrap() >= 0.0);
                    prop_assert!(!m.reasons.is_empty());
                    prop_assert!(m.reasons.iter().all(|r| r.status == CheckStatus::Met));
                }
                let listed = p.members.len() + p.dropped_by_cap.len()
                    + p.not_triggered.as_ref().unwrap().len();
                prop_assert_eq!(listed, cat.roles().len());
            }
            let pool = Pool::new(BTreeMap::from([("debt_counsellor".to_string(), coaches)]));
            let alloc = allocate(&mut report.proposals, &pool);
            let with_debt = report.proposals.iter()
                .filter(|p| p.member_ids().contains(&"debt_counsellor")).count();
            prop_assert!(with_debt <= coaches as usize);
            prop_assert_eq!(alloc.usage[0].assigned as usize, with_debt);
            // No seat stays empty while a dropped role waits.
            for p in &report.proposals {
                if !p.dropped_by_cap.is_empty() {
                    prop_assert_eq!(p.members.len(), max_size.max(2));
                }
            }
        }
    }
}
