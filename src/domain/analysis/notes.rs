//! What an analysis wants its reader to know, as kinds with their figures,
//! so each front end can say it in its own language. `Display` gives the
//! English form that machine formats (json, provenance) record.

use crate::domain::pilot::PilotRule;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// School counts are CBS "primary schools within 3 km", not schools inside.
    SchoolProxy,
    /// No school data at all: the school rule cannot be met.
    NoSchools,
    /// The profile weights ethnicity / migration background indicators.
    Sensitive { ids: Vec<String> },
    /// Fewer units meet the rules than the shortlist asks for.
    FewEligible {
        eligible: usize,
        rule: PilotRule,
        top_k: usize,
    },
    /// Scores use Empirical Bayes smoothed rates.
    Smoothed { method: String, ids: Vec<String> },
    /// A profile indicator the data does not hold.
    Absent { id: String },
    /// Rolled up as plain means: no inhabitants or households to weight by.
    Unweighted { ids: Vec<String> },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::SchoolProxy => f.write_str(
                "school counts are a PROXY: CBS 'primary schools within 3 km' (an average per address), not schools inside the buurt",
            ),
            Note::NoSchools => {
                f.write_str("no school data: the school rule cannot be met (give --schools)")
            }
            Note::Sensitive { ids } => write!(
                f,
                "this profile weights sensitive indicators (ethnicity / migration background): {}",
                ids.join(", ")
            ),
            Note::FewEligible {
                eligible,
                rule,
                top_k,
            } => write!(
                f,
                "only {eligible} {} meet the rules, fewer than the {top_k} asked for: consider --rule catchment, wijk or contiguous",
                rule.unit_plural()
            ),
            Note::Smoothed { method, ids } => write!(
                f,
                "scores use Empirical Bayes smoothed rates ({method}): {}",
                ids.join(", ")
            ),
            Note::Absent { id } => write!(
                f,
                "profile indicator '{id}' is not in the data: its weight is spread over the others"
            ),
            Note::Unweighted { ids } => write!(
                f,
                "rolled up as plain means (the data has no inhabitants or households to weight by): {}",
                ids.join(", ")
            ),
        }
    }
}
