//! Errors of the role catalogue and the capacity pool.

use crate::i18n::{Bilingual, Lang, Said};

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
        problem: Said,
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

/// The TOML keys and ids stay as written: the reader types them.
impl Bilingual for TeamError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            TeamError::Catalogue(e) => format!("ongeldige rollencatalogus: {e}"),
            TeamError::Pool(e) => format!("ongeldige capaciteitspool: {e}"),
            TeamError::EmptyRoleId { position } => {
                format!("[[role]]-blok {position}: `id` is leeg")
            }
            TeamError::DuplicateRole { id } => format!("rol `{id}` staat er meer dan eens in"),
            TeamError::EmptyRuleId { position } => {
                format!("[[rule]]-blok {position}: `id` is leeg")
            }
            TeamError::DuplicateRule { id } => format!("regel `{id}` staat er meer dan eens in"),
            TeamError::UnknownRole { rule, role } => format!(
                "regel `{rule}` noemt rol `{role}`, maar die staat niet in de catalogus"
            ),
            TeamError::RuleOnCoreRole { rule, role } => format!(
                "regel `{rule}` gaat over kernrol `{role}`, die al in elk team zit; verwijder de regel"
            ),
            TeamError::BadCondition {
                rule,
                path,
                problem,
            } => format!("regel `{rule}`, voorwaarde `{path}`: {}", problem.nl),
            TeamError::MissingCore { kind } => format!(
                "de catalogus heeft geen kernrol van soort `{kind}`; de school en de ouders zitten in elk team"
            ),
            TeamError::PoolUnknownRole { role } => format!(
                "de capaciteitspool noemt rol `{role}`, maar die staat niet in de catalogus"
            ),
            TeamError::PoolCoreRole { role } => format!(
                "de capaciteitspool noemt kernrol `{role}`; kernrollen zitten in elk team en worden niet verdeeld"
            ),
        }
    }
}
