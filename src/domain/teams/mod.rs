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
//!
//! # Layout
//! `view` is what a buurt looks like to the rules; `catalogue` and
//! `condition` read and validate the role catalogue; `evaluate` (with
//! `probit`) checks a condition against one buurt; `propose` builds the team
//! per buurt into the types of `proposal`; `pool` shares out scarce roles.

mod catalogue;
mod condition;
mod error;
mod evaluate;
#[cfg(test)]
mod fixtures;
mod pool;
mod probit;
#[cfg(test)]
mod properties;
mod proposal;
mod propose;
mod view;

pub use catalogue::{OrgKind, Role, RoleCatalogue, Rule, DEFAULT_ROLES_TOML};
pub use condition::{Condition, Leaf, Threshold, ThresholdKind};
pub use error::TeamError;
pub use pool::{allocate, Allocation, Pool, RoleUsage, NO_CAPACITY_LEFT};
pub use proposal::{
    CheckStatus, ConditionCheck, DataGap, Member, NotTriggered, TeamProposal, TeamReport,
    TeamSettings, UnmetNeed, DEFAULT_MAX_SIZE,
};
pub use propose::{data_gaps, propose, propose_all};
pub use view::{BuurtView, IndicatorView};
