//! Why a ranking could not be made. Messages name the indicator or setting
//! because the reader is editing a profile.

use crate::domain::profile::ProfileError;
use crate::i18n::{Bilingual, Lang, Said};

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(
        "indicator `{id}` has no direction: set direction = \"risk\" or \"protective\" \
         for it in the profile"
    )]
    NoDirection { id: String },
    #[error(
        "indicator `{id}` is neutral (context only) and cannot carry weight = {weight}; \
         give it direction = \"risk\" or \"protective\" in the profile"
    )]
    NeutralWeighted { id: String, weight: f64 },
    #[error("indicator column `{id}` has {got} values for {expected} units")]
    ColumnLength {
        id: String,
        got: usize,
        expected: usize,
    },
    #[error("indicator column `{id}` appears more than once in the input")]
    DuplicateColumn { id: String },
    #[error("none of the profile's weighted indicators has data: {}", .absent.join(", "))]
    NoIndicatorPresent { absent: Vec<String> },
    #[error("no units to rank")]
    NoUnits,
    #[error("the gemeente selection {gemeenten:?} leaves no units to normalise against")]
    EmptyScope { gemeenten: Vec<String> },
    #[error("expected {expected} weights (one per indicator present), got {got}")]
    WeightCount { expected: usize, got: usize },
    #[error("weight for `{id}` = {weight} must be a finite number >= 0")]
    InvalidWeight { id: String, weight: f64 },
    #[error("all indicators present have weight 0")]
    AllWeightsZero,
    #[error("`{key}` = {value}: expected {expected}")]
    InvalidSetting {
        key: &'static str,
        value: String,
        expected: Said,
    },
    #[error("the ranking was not produced from this prepared data")]
    RankingMismatch,
    #[error(
        "profile indicator `{id}` is neither a known CBS indicator nor a column of the data{hint}"
    )]
    UnknownIndicator { id: String, hint: Said },
    #[error(
        "none of the profile's weighted indicators is in the data ({}). {held}",
        .absent.join(", ")
    )]
    ProfileIndicatorsAbsent { absent: Vec<String>, held: Said },
}

impl Bilingual for ScoreError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ScoreError::Profile(e) => e.text(lang),
            ScoreError::NoDirection { id } => format!(
                "indicator `{id}` heeft geen richting: zet direction = \"risk\" of \"protective\" \
                 bij deze indicator in het profiel"
            ),
            ScoreError::NeutralWeighted { id, weight } => format!(
                "indicator `{id}` is neutraal (alleen context) en kan geen weight = {weight} krijgen; \
                 geef hem direction = \"risk\" of \"protective\" in het profiel"
            ),
            ScoreError::ColumnLength { id, got, expected } => format!(
                "indicatorkolom `{id}` heeft {got} waarden voor {expected} eenheden"
            ),
            ScoreError::DuplicateColumn { id } => {
                format!("indicatorkolom `{id}` komt meer dan eens voor in de invoer")
            }
            ScoreError::NoIndicatorPresent { absent } => format!(
                "geen van de gewogen indicatoren van het profiel heeft gegevens: {}",
                absent.join(", ")
            ),
            ScoreError::NoUnits => "geen eenheden om te rangschikken".into(),
            ScoreError::EmptyScope { gemeenten } => format!(
                "de gemeentekeuze {gemeenten:?} laat geen eenheden over om tegen te normaliseren"
            ),
            ScoreError::WeightCount { expected, got } => format!(
                "{expected} gewichten verwacht (één per aanwezige indicator), {got} gekregen"
            ),
            ScoreError::InvalidWeight { id, weight } => format!(
                "gewicht voor `{id}` = {weight} moet een eindig getal >= 0 zijn"
            ),
            ScoreError::AllWeightsZero => "alle aanwezige indicatoren hebben gewicht 0".into(),
            ScoreError::InvalidSetting {
                key,
                value,
                expected,
            } => format!("`{key}` = {value}: verwacht {}", expected.nl),
            ScoreError::RankingMismatch => {
                "de rangorde is niet uit deze voorbereide gegevens gemaakt".into()
            }
            ScoreError::UnknownIndicator { id, hint } => format!(
                "profielindicator `{id}` is geen bekende CBS-indicator en geen kolom van de gegevens{}",
                hint.nl
            ),
            ScoreError::ProfileIndicatorsAbsent { absent, held } => format!(
                "geen van de gewogen indicatoren van het profiel staat in de gegevens ({}). {}",
                absent.join(", "),
                held.nl
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::said;

    #[test]
    fn english_is_the_display_and_dutch_keeps_ids_and_hints_in_dutch() {
        let e = ScoreError::UnknownIndicator {
            id: "youth_car_pct".into(),
            hint: said!(
                " (bedoelt u `youth_care_pct`?)",
                " (did you mean `youth_care_pct`?)"
            ),
        };
        assert_eq!(e.text(Lang::En), e.to_string());
        assert_eq!(
            e.text(Lang::En),
            "profile indicator `youth_car_pct` is neither a known CBS indicator nor a column of the data (did you mean `youth_care_pct`?)"
        );
        assert_eq!(
            e.text(Lang::Nl),
            "profielindicator `youth_car_pct` is geen bekende CBS-indicator en geen kolom van de gegevens (bedoelt u `youth_care_pct`?)"
        );
        let e = ScoreError::WeightCount {
            expected: 3,
            got: 2,
        };
        assert_eq!(
            e.text(Lang::En),
            "expected 3 weights (one per indicator present), got 2"
        );
        assert_eq!(
            e.text(Lang::Nl),
            "3 gewichten verwacht (één per aanwezige indicator), 2 gekregen"
        );
        // A profile error inside a score error is said as the profile error.
        let e = ScoreError::Profile(ProfileError::AllWeightsZero);
        assert_eq!(
            e.text(Lang::Nl),
            ProfileError::AllWeightsZero.text(Lang::Nl)
        );
        assert_eq!(e.text(Lang::En), ProfileError::AllWeightsZero.to_string());
    }
}
