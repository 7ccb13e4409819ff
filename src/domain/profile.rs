//! A ranking profile: which indicators count and how heavily, how they are
//! normalised and aggregated, which buurten may be chosen, and how the choice
//! is stress-tested. Profiles are TOML so that a steering group can read and
//! archive the exact settings behind a shortlist.

use crate::domain::value::Direction;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::str::FromStr;

/// The default profile, embedded so the binary works without any file.
pub const SMARTSTART_TOML: &str = include_str!("../../profiles/smartstart.toml");

/// Why a profile was rejected. Every message names the offending key and value
/// because the person reading it is editing a TOML file, not Rust.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("invalid profile: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("could not write profile as TOML: {0}")]
    Write(#[from] toml::ser::Error),
    #[error("profile has no [[indicator]] entries")]
    NoIndicators,
    #[error("[[indicator]] entry {position}: `id` is empty")]
    EmptyId { position: usize },
    #[error("indicator `{id}` is listed more than once")]
    DuplicateIndicator { id: String },
    #[error("indicator `{id}`: weight = {weight} is negative; weights must be >= 0")]
    NegativeWeight { id: String, weight: f64 },
    #[error("indicator `{id}`: weight = {weight} is not a finite number")]
    NonFiniteWeight { id: String, weight: f64 },
    #[error("all indicator weights are 0; at least one must be positive")]
    AllWeightsZero,
    #[error(
        "indicator `{id}`: direction = \"neutral\" cannot carry weight = {weight}; \
         use \"risk\" or \"protective\", or set the weight to 0"
    )]
    NeutralWeighted { id: String, weight: f64 },
    #[error("`{key}` = {value} is out of range: expected {expected}")]
    OutOfRange {
        key: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("profile names indicator(s) not in the data: {}", backticked(.ids))]
    UnknownIndicators { ids: Vec<String> },
}

fn backticked(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

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
    /// `[[indicator]]` tables, in display order.
    #[serde(rename = "indicator", default)]
    pub indicators: Vec<IndicatorWeight>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NormalisationMethod {
    /// (x - mean) / population standard deviation of the reference set.
    #[default]
    #[serde(alias = "zscore", alias = "z-score", alias = "z")]
    ZScore,
    /// (x - min) / (max - min) of the reference set.
    #[serde(alias = "minmax", alias = "min-max")]
    MinMax,
    /// Mid-distribution percentile: (#below + #equal / 2) / n, in (0, 1).
    #[serde(alias = "percentile_rank", alias = "rank")]
    Percentile,
}

impl NormalisationMethod {
    pub const ALL: [NormalisationMethod; 3] = [
        NormalisationMethod::ZScore,
        NormalisationMethod::MinMax,
        NormalisationMethod::Percentile,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NormalisationMethod::ZScore => "z_score",
            NormalisationMethod::MinMax => "min_max",
            NormalisationMethod::Percentile => "percentile",
        }
    }
}

/// Which units define mean/spread/percentiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// Units in the selected gemeenten, without water and uninhabited units
    /// (when those are excluded): "high" then means high for this region.
    #[default]
    Scope,
    /// Every loaded unit: "high" means high for the whole file (e.g. national).
    All,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormalisationSettings {
    #[serde(default)]
    pub method: NormalisationMethod,
    /// Clip at the `winsorize` and `1 - winsorize` quantiles of the reference
    /// set before normalising; 0 = off. Must be in [0, 0.5).
    #[serde(default)]
    pub winsorize: f64,
    #[serde(default)]
    pub reference: Reference,
}

impl Default for NormalisationSettings {
    fn default() -> Self {
        NormalisationSettings {
            method: NormalisationMethod::ZScore,
            winsorize: 0.0,
            reference: Reference::Scope,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Weighted arithmetic mean: a high value on one indicator can make up
    /// for a low value on another.
    #[default]
    #[serde(alias = "arithmetic_mean")]
    Arithmetic,
    /// Weighted geometric mean: a unit must score on all indicators at once.
    #[serde(alias = "geometric_mean")]
    Geometric,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AggregationSettings {
    #[serde(default)]
    pub method: Aggregation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingData {
    /// A unit is ranked only if the indicators it has carry at least this
    /// share of the total weight; weights are then renormalised over them.
    #[serde(default = "default_min_coverage")]
    pub min_coverage: f64,
}

impl Default for MissingData {
    fn default() -> Self {
        MissingData {
            min_coverage: default_min_coverage(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityRules {
    /// Gemeente names ("Tilburg") or codes ("GM0855", "0855"); empty = all.
    #[serde(default)]
    pub gemeenten: Vec<String>,
    #[serde(default = "default_min_schools")]
    pub min_primary_schools: u32,
    #[serde(default)]
    pub min_inhabitants: f64,
    #[serde(default)]
    pub min_children_0_15: f64,
    #[serde(default = "yes")]
    pub exclude_water: bool,
    #[serde(default = "yes")]
    pub exclude_zero_population: bool,
}

impl Default for EligibilityRules {
    fn default() -> Self {
        EligibilityRules {
            gemeenten: Vec::new(),
            min_primary_schools: default_min_schools(),
            min_inhabitants: 0.0,
            min_children_0_15: 0.0,
            exclude_water: true,
            exclude_zero_population: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonteCarlo {
    #[serde(default = "default_draws")]
    pub draws: usize,
    /// Same seed, same inputs: identical stability figures.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Dirichlet concentration: alpha_i = concentration * w_i / sum(w).
    /// Higher = draws stay closer to the profile weights.
    #[serde(default = "default_concentration")]
    pub concentration: f64,
    /// Also pick z-score, min-max or percentile at random per draw.
    #[serde(default)]
    pub vary_normalisation: bool,
}

impl Default for MonteCarlo {
    fn default() -> Self {
        MonteCarlo {
            draws: default_draws(),
            seed: default_seed(),
            concentration: default_concentration(),
            vary_normalisation: false,
        }
    }
}

fn default_top_k() -> usize {
    3
}
fn default_min_coverage() -> f64 {
    0.7
}
fn default_min_schools() -> u32 {
    3
}
fn yes() -> bool {
    true
}
fn default_draws() -> usize {
    1000
}
fn default_seed() -> u64 {
    20_240_501
}
fn default_concentration() -> f64 {
    50.0
}

/// Every draw keeps a rank per unit (2 bytes each at national scale: 30 MB
/// per 1,000 draws); beyond 10,000 draws the Monte Carlo error on a
/// probability (< 0.005) no longer justifies the memory.
pub const MAX_DRAWS: usize = 10_000;

/// TOML integers are signed 64-bit; a larger seed could not be saved.
const MAX_SEED: u64 = i64::MAX as u64;

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

    /// Checks that do not need the data. Called by [`Profile::parse`]; call it
    /// again after editing a profile in code.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if self.indicators.is_empty() {
            return Err(ProfileError::NoIndicators);
        }
        let mut seen = HashSet::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            if ind.id.trim().is_empty() {
                return Err(ProfileError::EmptyId { position: i + 1 });
            }
            if !seen.insert(ind.id.as_str()) {
                return Err(ProfileError::DuplicateIndicator { id: ind.id.clone() });
            }
            if !ind.weight.is_finite() {
                return Err(ProfileError::NonFiniteWeight {
                    id: ind.id.clone(),
                    weight: ind.weight,
                });
            }
            if ind.weight < 0.0 {
                return Err(ProfileError::NegativeWeight {
                    id: ind.id.clone(),
                    weight: ind.weight,
                });
            }
            if ind.direction == Some(Direction::Neutral) && ind.weight > 0.0 {
                return Err(ProfileError::NeutralWeighted {
                    id: ind.id.clone(),
                    weight: ind.weight,
                });
            }
        }
        if self.indicators.iter().all(|i| i.weight == 0.0) {
            return Err(ProfileError::AllWeightsZero);
        }
        if self.top_k == 0 {
            return Err(out_of_range("top_k", 0, "an integer >= 1"));
        }
        let c = self.missing.min_coverage;
        if !(0.0..=1.0).contains(&c) {
            return Err(out_of_range(
                "missing.min_coverage",
                c,
                "a number in [0, 1]",
            ));
        }
        let w = self.normalisation.winsorize;
        if !(0.0..0.5).contains(&w) {
            return Err(out_of_range(
                "normalisation.winsorize",
                w,
                "a number in [0, 0.5), e.g. 0.05 for the 5th/95th percentile",
            ));
        }
        let e = &self.eligibility;
        if !(e.min_inhabitants.is_finite() && e.min_inhabitants >= 0.0) {
            return Err(out_of_range(
                "eligibility.min_inhabitants",
                e.min_inhabitants,
                "a number >= 0",
            ));
        }
        if !(e.min_children_0_15.is_finite() && e.min_children_0_15 >= 0.0) {
            return Err(out_of_range(
                "eligibility.min_children_0_15",
                e.min_children_0_15,
                "a number >= 0",
            ));
        }
        if let Some(g) = e.gemeenten.iter().find(|g| g.trim().is_empty()) {
            return Err(out_of_range(
                "eligibility.gemeenten",
                format!("{g:?}"),
                "gemeente names or GM codes, not empty strings",
            ));
        }
        let mc = &self.monte_carlo;
        if !(1..=MAX_DRAWS).contains(&mc.draws) {
            return Err(out_of_range(
                "monte_carlo.draws",
                mc.draws,
                "an integer in [1, 10000]",
            ));
        }
        if !(mc.concentration.is_finite() && mc.concentration > 0.0) {
            return Err(out_of_range(
                "monte_carlo.concentration",
                mc.concentration,
                "a number > 0",
            ));
        }
        if mc.seed > MAX_SEED {
            return Err(out_of_range(
                "monte_carlo.seed",
                mc.seed,
                "an integer in [0, 9223372036854775807]",
            ));
        }
        Ok(())
    }

    /// Checks the indicator ids against those the dataset (or registry)
    /// knows, naming every unknown one.
    pub fn validate_against(&self, known: &[&str]) -> Result<(), ProfileError> {
        let known: HashSet<&str> = known.iter().copied().collect();
        let ids: Vec<String> = self
            .indicators
            .iter()
            .filter(|i| !known.contains(i.id.as_str()))
            .map(|i| i.id.clone())
            .collect();
        if ids.is_empty() {
            Ok(())
        } else {
            Err(ProfileError::UnknownIndicators { ids })
        }
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
}

impl FromStr for Profile {
    type Err = ProfileError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Profile::parse(s)
    }
}

fn out_of_range(
    key: &'static str,
    value: impl std::fmt::Display,
    expected: &'static str,
) -> ProfileError {
    ProfileError::OutOfRange {
        key,
        value: value.to_string(),
        expected,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
name = "t"

[[indicator]]
id = "a"
weight = 2

[[indicator]]
id = "b"
weight = 1.5
direction = "protective"
"#;

    fn err_of(text: &str) -> String {
        match Profile::parse(text) {
            Ok(p) => panic!("expected an error, parsed {p:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn minimal_profile_gets_documented_defaults() {
        let p = Profile::parse(MINIMAL).unwrap();
        assert_eq!(p.top_k, 3);
        assert_eq!(p.normalisation.method, NormalisationMethod::ZScore);
        assert_eq!(p.normalisation.winsorize, 0.0);
        assert_eq!(p.normalisation.reference, Reference::Scope);
        assert_eq!(p.aggregation.method, Aggregation::Arithmetic);
        assert_eq!(p.missing.min_coverage, 0.7);
        assert_eq!(p.eligibility.min_primary_schools, 3);
        assert!(p.eligibility.exclude_water && p.eligibility.exclude_zero_population);
        assert_eq!(p.monte_carlo.draws, 1000);
        assert_eq!(p.monte_carlo.concentration, 50.0);
        assert!(!p.monte_carlo.vary_normalisation);
        assert_eq!(p.indicators[0].weight, 2.0);
        assert_eq!(p.indicators[1].direction, Some(Direction::Protective));
    }

    #[test]
    fn smartstart_parses_and_leaves_out_migration_background() {
        let p = Profile::smartstart().unwrap();
        assert_eq!(p.name, "smartstart");
        assert_eq!(p.top_k, 3);
        assert_eq!(p.eligibility.min_primary_schools, 3);
        assert!(p.weight("migration_background_pct").is_none());
        assert!(p
            .sensitive_indicators(|id| id == "migration_background_pct")
            .is_empty());
        for id in [
            "low_income_hh_pct",
            "social_minimum_hh_pct",
            "bijstand_per_1000",
            "youth_care_pct",
            "divorced_pct",
            "social_rent_pct",
            "low_education_pct",
            "wmo_per_1000",
            "woz_mean",
        ] {
            assert!(p.weight(id).is_some_and(|w| w > 0.0), "{id}");
        }
    }

    #[test]
    fn unknown_key_is_named() {
        let msg = err_of("name = \"t\"\ntopk = 3\n[[indicator]]\nid = \"a\"\nweight = 1\n");
        assert!(msg.contains("topk"), "{msg}");
        let msg = err_of("name = \"t\"\n[[indicator]]\nid = \"a\"\nwieght = 1\n");
        assert!(msg.contains("wieght"), "{msg}");
        let msg = err_of(&format!("{MINIMAL}\n[normalisation]\nwinsorise = 0.05\n"));
        assert!(msg.contains("winsorise"), "{msg}");
    }

    #[test]
    fn unknown_normalisation_is_named() {
        let msg = err_of(&format!(
            "{MINIMAL}\n[normalisation]\nmethod = \"robust\"\n"
        ));
        assert!(msg.contains("robust") && msg.contains("z_score"), "{msg}");
        let msg = err_of(&format!(
            "{MINIMAL}\n[aggregation]\nmethod = \"harmonic\"\n"
        ));
        assert!(msg.contains("harmonic"), "{msg}");
    }

    #[test]
    fn normalisation_aliases_are_accepted() {
        let p = Profile::parse(&format!(
            "{MINIMAL}\n[normalisation]\nmethod = \"min-max\"\n"
        ))
        .unwrap();
        assert_eq!(p.normalisation.method, NormalisationMethod::MinMax);
    }

    #[test]
    fn negative_weight_names_indicator_and_value() {
        let msg = err_of(&MINIMAL.replace("weight = 2", "weight = -2"));
        assert!(msg.contains("`a`") && msg.contains("-2"), "{msg}");
    }

    #[test]
    fn all_zero_weights_rejected() {
        let text = MINIMAL
            .replace("weight = 2", "weight = 0")
            .replace("weight = 1.5", "weight = 0");
        assert!(err_of(&text).contains("all indicator weights are 0"));
    }

    #[test]
    fn threshold_out_of_range_names_key_and_value() {
        let msg = err_of(&format!("{MINIMAL}\n[missing]\nmin_coverage = 1.5\n"));
        assert!(
            msg.contains("missing.min_coverage") && msg.contains("1.5"),
            "{msg}"
        );
        let msg = err_of(&format!("{MINIMAL}\n[normalisation]\nwinsorize = 0.6\n"));
        assert!(
            msg.contains("normalisation.winsorize") && msg.contains("0.6"),
            "{msg}"
        );
        let msg = err_of(&format!("{MINIMAL}\n[monte_carlo]\nconcentration = 0\n"));
        assert!(msg.contains("monte_carlo.concentration"), "{msg}");
        let msg = err_of(&format!("{MINIMAL}\n[monte_carlo]\ndraws = 20000\n"));
        assert!(
            msg.contains("monte_carlo.draws") && msg.contains("20000"),
            "{msg}"
        );
        let msg = err_of(&format!("{MINIMAL}\n[eligibility]\nmin_inhabitants = -5\n"));
        assert!(msg.contains("eligibility.min_inhabitants"), "{msg}");
        let msg = err_of(&format!("top_k = 0\n{MINIMAL}"));
        assert!(msg.contains("`top_k` = 0"), "{msg}");
    }

    #[test]
    fn duplicate_indicator_named() {
        let msg = err_of(&format!(
            "{MINIMAL}\n[[indicator]]\nid = \"a\"\nweight = 1\n"
        ));
        assert!(
            msg.contains("`a`") && msg.contains("more than once"),
            "{msg}"
        );
    }

    #[test]
    fn neutral_with_weight_rejected() {
        let msg = err_of(&MINIMAL.replace("\"protective\"", "\"neutral\""));
        assert!(msg.contains("`b`") && msg.contains("neutral"), "{msg}");
    }

    #[test]
    fn validate_against_names_unknown() {
        let p = Profile::parse(MINIMAL).unwrap();
        assert!(p.validate_against(&["a", "b", "c"]).is_ok());
        let msg = p.validate_against(&["a"]).unwrap_err().to_string();
        assert!(msg.contains("`b`") && !msg.contains("`a`"), "{msg}");
    }

    #[test]
    fn sensitive_from_profile_or_registry() {
        let mut p = Profile::parse(MINIMAL).unwrap();
        p.indicators[1].sensitive = true;
        p.set_weight("migration_background_pct", 1.0);
        p.set_weight("c", 0.0);
        let s = p.sensitive_indicators(|id| id == "migration_background_pct" || id == "c");
        assert_eq!(
            s,
            vec!["b".to_string(), "migration_background_pct".to_string()]
        );
    }

    #[test]
    fn to_toml_round_trips() {
        let mut p = Profile::smartstart().unwrap();
        p.set_weight("youth_care_pct", 0.123_456_789);
        p.indicators[0].sensitive = true;
        p.eligibility.gemeenten = vec!["Tilburg".into(), "GM0785".into()];
        p.normalisation.method = NormalisationMethod::Percentile;
        p.aggregation.method = Aggregation::Geometric;
        p.monte_carlo.seed = MAX_SEED;
        let text = p.to_toml().unwrap();
        assert_eq!(Profile::parse(&text).unwrap(), p, "{text}");
        let minimal = Profile::parse(MINIMAL).unwrap();
        assert_eq!(
            Profile::parse(&minimal.to_toml().unwrap()).unwrap(),
            minimal
        );
    }
}
