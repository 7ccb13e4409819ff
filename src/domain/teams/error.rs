//! Errors of the role catalogue and the capacity pool.

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
