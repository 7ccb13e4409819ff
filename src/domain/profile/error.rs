//! The messages a profile author reads when a profile is rejected.

use crate::i18n::{Bilingual, Lang, Said};

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
        expected: Said,
    },
    #[error(transparent)]
    Disclosure(#[from] crate::domain::dataset::DeclarationError),
    #[error("profile names indicator(s) not in the data: {}", backticked(.ids))]
    UnknownIndicators { ids: Vec<String> },
}

/// The TOML keys (`weight`, `direction`, `"risk"`) stay as written: they
/// are what the reader types into the file.
impl Bilingual for ProfileError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ProfileError::Parse(e) => format!("ongeldig profiel: {e}"),
            ProfileError::Write(e) => format!("kan het profiel niet als TOML schrijven: {e}"),
            ProfileError::NoIndicators => "het profiel heeft geen [[indicator]]-blokken".into(),
            ProfileError::EmptyId { position } => {
                format!("[[indicator]]-blok {position}: `id` is leeg")
            }
            ProfileError::DuplicateIndicator { id } => {
                format!("indicator `{id}` staat er meer dan eens in")
            }
            ProfileError::NegativeWeight { id, weight } => format!(
                "indicator `{id}`: weight = {weight} is negatief; een gewicht moet >= 0 zijn"
            ),
            ProfileError::NonFiniteWeight { id, weight } => {
                format!("indicator `{id}`: weight = {weight} is geen eindig getal")
            }
            ProfileError::AllWeightsZero => {
                "alle gewichten zijn 0; minstens één indicator moet een gewicht groter dan 0 hebben"
                    .into()
            }
            ProfileError::NeutralWeighted { id, weight } => format!(
                "indicator `{id}`: direction = \"neutral\" kan geen weight = {weight} krijgen; \
                 gebruik \"risk\" of \"protective\", of zet het gewicht op 0"
            ),
            ProfileError::OutOfRange {
                key,
                value,
                expected,
            } => format!(
                "`{key}` = {value} valt buiten het bereik: verwacht {}",
                expected.nl
            ),
            ProfileError::Disclosure(e) => e.text(lang),
            ProfileError::UnknownIndicators { ids } => format!(
                "het profiel noemt indicatoren die niet in de gegevens staan: {}",
                backticked(ids)
            ),
        }
    }
}

fn backticked(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::DeclarationError;
    use crate::said;

    #[test]
    fn english_is_the_display_and_dutch_keeps_keys_and_values() {
        let e = ProfileError::NegativeWeight {
            id: "youth_care_pct".into(),
            weight: -2.0,
        };
        assert_eq!(e.text(Lang::En), e.to_string());
        assert_eq!(
            e.text(Lang::En),
            "indicator `youth_care_pct`: weight = -2 is negative; weights must be >= 0"
        );
        assert_eq!(
            e.text(Lang::Nl),
            "indicator `youth_care_pct`: weight = -2 is negatief; een gewicht moet >= 0 zijn"
        );
        let e = ProfileError::OutOfRange {
            key: "top_k",
            value: "0".into(),
            expected: said!("een geheel getal >= 1", "an integer >= 1"),
        };
        assert_eq!(
            e.text(Lang::En),
            "`top_k` = 0 is out of range: expected an integer >= 1"
        );
        assert_eq!(
            e.text(Lang::Nl),
            "`top_k` = 0 valt buiten het bereik: verwacht een geheel getal >= 1"
        );
        let e = ProfileError::Disclosure(DeclarationError {
            key: "min_cell",
            value: "0".into(),
            why: said!("moet minstens 1 zijn", "must be at least 1"),
        });
        assert_eq!(
            e.text(Lang::En),
            "[disclosure] min_cell = 0: must be at least 1"
        );
        assert_eq!(
            e.text(Lang::Nl),
            "[disclosure] min_cell = 0: moet minstens 1 zijn"
        );
    }

    #[test]
    fn a_real_profile_error_says_itself_in_dutch() {
        let e = crate::domain::profile::Profile::parse(
            "name = \"x\"\n[[indicator]]\nid = \"a\"\nweight = 1\n[[indicator]]\nid = \"a\"\nweight = 2\n",
        )
        .unwrap_err();
        assert_eq!(e.text(Lang::Nl), "indicator `a` staat er meer dan eens in");
        assert_eq!(e.text(Lang::En), "indicator `a` is listed more than once");
    }
}
