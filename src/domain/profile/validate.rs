//! Checks on a profile: those that need no data, and the indicator ids
//! against the data.

use super::{Profile, ProfileError};
use crate::domain::value::Direction;
use crate::i18n::Said;
use crate::said;
use std::collections::HashSet;

/// Every draw keeps a rank per unit (2 bytes each at national scale: 30 MB
/// per 1,000 draws); beyond 10,000 draws the Monte Carlo error on a
/// probability (< 0.005) no longer justifies the memory.
pub const MAX_DRAWS: usize = 10_000;

/// TOML integers are signed 64-bit; a larger seed could not be saved.
pub(super) const MAX_SEED: u64 = i64::MAX as u64;

impl Profile {
    /// Checks that do not need the data. Called by [`Profile::parse`]; call it
    /// again after editing a profile in code.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if self.indicators.is_empty() {
            return Err(ProfileError::NoIndicators);
        }
        if let Some(lang) = &self.lang {
            if lang != "nl" && lang != "en" {
                return Err(ProfileError::OutOfRange {
                    key: "lang",
                    value: format!("{lang:?}"),
                    expected: said!("\"nl\" of \"en\"", "\"nl\" or \"en\""),
                });
            }
        }
        if !(self.small_population_below.is_finite() && self.small_population_below >= 0.0) {
            return Err(ProfileError::OutOfRange {
                key: "small_population_below",
                value: self.small_population_below.to_string(),
                expected: said!("een aantal inwoners >= 0", "a number of inhabitants >= 0"),
            });
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
            return Err(out_of_range(
                "top_k",
                0,
                said!("een geheel getal >= 1", "an integer >= 1"),
            ));
        }
        let c = self.missing.min_coverage;
        if !(0.0..=1.0).contains(&c) {
            return Err(out_of_range(
                "missing.min_coverage",
                c,
                said!("een getal in [0, 1]", "a number in [0, 1]"),
            ));
        }
        let w = self.normalisation.winsorize;
        if !(0.0..0.5).contains(&w) {
            return Err(out_of_range(
                "normalisation.winsorize",
                w,
                said!(
                    "een getal in [0, 0.5), bijv. 0.05 voor het 5e/95e percentiel",
                    "a number in [0, 0.5), e.g. 0.05 for the 5th/95th percentile"
                ),
            ));
        }
        let e = &self.eligibility;
        if !(e.min_inhabitants.is_finite() && e.min_inhabitants >= 0.0) {
            return Err(out_of_range(
                "eligibility.min_inhabitants",
                e.min_inhabitants,
                said!("een getal >= 0", "a number >= 0"),
            ));
        }
        if !(e.min_children_0_15.is_finite() && e.min_children_0_15 >= 0.0) {
            return Err(out_of_range(
                "eligibility.min_children_0_15",
                e.min_children_0_15,
                said!("een getal >= 0", "a number >= 0"),
            ));
        }
        if let Some(g) = e.gemeenten.iter().find(|g| g.trim().is_empty()) {
            return Err(out_of_range(
                "eligibility.gemeenten",
                format!("{g:?}"),
                said!(
                    "gemeentenamen of GM-codes, geen lege teksten",
                    "gemeente names or GM codes, not empty strings"
                ),
            ));
        }
        let mc = &self.monte_carlo;
        if !(1..=MAX_DRAWS).contains(&mc.draws) {
            return Err(out_of_range(
                "monte_carlo.draws",
                mc.draws,
                said!("een geheel getal in [1, 10000]", "an integer in [1, 10000]"),
            ));
        }
        if !(mc.concentration.is_finite() && mc.concentration > 0.0) {
            return Err(out_of_range(
                "monte_carlo.concentration",
                mc.concentration,
                said!("een getal > 0", "a number > 0"),
            ));
        }
        if mc.seed > MAX_SEED {
            return Err(out_of_range(
                "monte_carlo.seed",
                mc.seed,
                said!(
                    "een geheel getal in [0, 9223372036854775807]",
                    "an integer in [0, 9223372036854775807]"
                ),
            ));
        }
        self.disclosure.validate()?;
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
}

fn out_of_range(key: &'static str, value: impl std::fmt::Display, expected: Said) -> ProfileError {
    ProfileError::OutOfRange {
        key,
        value: value.to_string(),
        expected,
    }
}
