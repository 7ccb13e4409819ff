//! A ranking profile: which indicators count and how heavily, how they are
//! normalised and aggregated, which buurten may be chosen, and how the choice
//! is stress-tested. Profiles are TOML so that a steering group can read and
//! archive the exact settings behind a shortlist.
//!
//! - `settings`: the tables besides `[[indicator]]`, with their defaults
//! - `validate`: what makes a profile acceptable
//! - `error`: the messages a profile author reads

mod choices;
mod error;
mod settings;
mod validate;

#[cfg(test)]
mod tests;

pub use choices::{HandList, ViewFilters};
pub use error::ProfileError;
pub use settings::{
    Aggregation, AggregationSettings, EligibilityRules, MissingData, MonteCarlo,
    NormalisationMethod, NormalisationSettings, Reference,
};
pub use validate::MAX_DRAWS;

use crate::domain::dataset::DisclosureSettings;
use crate::domain::smoothing::SmoothingSettings;
use crate::domain::value::Direction;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The default profile, embedded so the binary works without any file.
pub const SMARTSTART_TOML: &str = include_str!("../../../profiles/smartstart.toml");

/// A complete ranking profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Size of the shortlist.
    #[serde(default = "default_top_k")]
    pub top_k: usize,
    #[serde(default)]
    pub normalisation: NormalisationSettings,
    #[serde(default)]
    pub aggregation: AggregationSettings,
    #[serde(default)]
    pub missing: MissingData,
    #[serde(default)]
    pub eligibility: EligibilityRules,
    #[serde(default)]
    pub monte_carlo: MonteCarlo,
    /// What a pilot is run in: buurt, catchment, wijk or contiguous area.
    #[serde(default)]
    pub pilot: crate::domain::pilot::PilotSettings,
    /// `[smoothing]`: Empirical Bayes for rate indicators; none by default,
    /// so a profile without it ranks on the published values.
    #[serde(default, skip_serializing_if = "SmoothingSettings::is_none")]
    pub smoothing: SmoothingSettings,
    /// `[[indicator]]` tables, in display order.
    #[serde(rename = "indicator", default)]
    pub indicators: Vec<IndicatorWeight>,
    /// Units with fewer inhabitants than this are flagged wherever they
    /// show: their figures rest on few people.
    #[serde(
        default = "default_small_population",
        skip_serializing_if = "is_default_small_population"
    )]
    pub small_population_below: f64,
    /// Language of the outputs, `nl` or `en`; a `--lang` flag wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// `[shortlist]`: units put on or taken off the shortlist by hand.
    #[serde(default, skip_serializing_if = "HandList::is_empty")]
    pub shortlist: HandList,
    /// `[view]`: the app's table filters, saved with the profile.
    #[serde(default, skip_serializing_if = "ViewFilters::is_default")]
    pub view: ViewFilters,
    /// `[disclosure]`: microdata files and column kinds the names do not
    /// tell, and the minimum cell; read before the data is loaded.
    #[serde(default, skip_serializing_if = "DisclosureSettings::is_default")]
    pub disclosure: DisclosureSettings,
}

/// The small-population threshold when the profile gives none.
pub const SMALL_POPULATION_BELOW: f64 = 100.0;

fn default_small_population() -> f64 {
    SMALL_POPULATION_BELOW
}

fn is_default_small_population(v: &f64) -> bool {
    *v == SMALL_POPULATION_BELOW
}

/// One weighted indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorWeight {
    /// Registry id, or the id of a custom (microdata) indicator.
    pub id: String,
    /// Relative weight, >= 0. Only ratios matter: weights are renormalised.
    pub weight: f64,
    /// Overrides the registry's direction; required for custom indicators
    /// that the registry does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Marks the indicator as sensitive (e.g. migration background) so that
    /// every output using it says so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn default_top_k() -> usize {
    3
}

impl Profile {
    /// Parse and validate a profile.
    pub fn parse(toml_text: &str) -> Result<Profile, ProfileError> {
        let profile: Profile = toml::from_str(toml_text)?;
        profile.validate()?;
        Ok(profile)
    }

    /// The embedded default profile.
    pub fn smartstart() -> Result<Profile, ProfileError> {
        Profile::parse(SMARTSTART_TOML)
    }

    /// Indicators with a positive weight that are sensitive, either because
    /// the profile marks them or because `is_sensitive` (the registry) does.
    /// Outputs list these so no reader is left unaware.
    pub fn sensitive_indicators(&self, is_sensitive: impl Fn(&str) -> bool) -> Vec<String> {
        self.indicators
            .iter()
            .filter(|i| i.weight > 0.0 && (i.sensitive || is_sensitive(&i.id)))
            .map(|i| i.id.clone())
            .collect()
    }

    /// The profile as TOML that [`Profile::parse`] reads back to an equal
    /// profile (comments are not kept). Fails only for a profile that
    /// [`Profile::validate`] would reject.
    pub fn to_toml(&self) -> Result<String, ProfileError> {
        self.validate()?;
        Ok(toml::to_string_pretty(self)?)
    }

    /// The weight of an indicator, if the profile lists it.
    pub fn weight(&self, id: &str) -> Option<f64> {
        self.indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.weight)
    }

    /// Set (or add with `direction`) an indicator weight; the TUI's weight
    /// editor saves through this.
    pub fn set_weight(&mut self, id: &str, weight: f64) {
        match self.indicators.iter_mut().find(|i| i.id == id) {
            Some(ind) => ind.weight = weight,
            None => self.indicators.push(IndicatorWeight {
                id: id.to_string(),
                weight,
                direction: None,
                sensitive: false,
            }),
        }
    }

    /// The direction an indicator counts in, over the registry's; an
    /// indicator the profile lacks joins with weight 0.
    pub fn set_direction(&mut self, id: &str, direction: Direction) {
        match self.indicators.iter_mut().find(|i| i.id == id) {
            Some(ind) => ind.direction = Some(direction),
            None => self.indicators.push(IndicatorWeight {
                id: id.to_string(),
                weight: 0.0,
                direction: Some(direction),
                sensitive: false,
            }),
        }
    }
}

impl FromStr for Profile {
    type Err = ProfileError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Profile::parse(s)
    }
}
