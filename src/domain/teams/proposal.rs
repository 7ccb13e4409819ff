//! What a team proposal reports: members with the figures behind them, roles
//! dropped by the size cap or left unmet by the pool, and data gaps.

use super::catalogue::OrgKind;
use super::condition::Threshold;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Default maximum team size, core roles included.
pub const DEFAULT_MAX_SIZE: usize = 8;

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
    /// threshold's own unit (see [`ThresholdKind::margin_unit`](super::ThresholdKind::margin_unit)).
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
    /// Filled by [`allocate`](super::allocate).
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
    /// The role's name, so a reader sees "Voedselbank", not `food_bank`.
    #[serde(default)]
    pub role_nl: String,
    #[serde(default)]
    pub role_en: String,
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
