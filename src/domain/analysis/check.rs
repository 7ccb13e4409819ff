//! Profile indicator ids checked against the registry and the data before
//! anything is computed.

use super::{Analysis, RunOptions};
use crate::domain::dataset::Dataset;
use crate::domain::profile::Profile;
use crate::domain::registry::REGISTRY;
use crate::domain::score::ScoreError;
use crate::said;

/// Ids further than this many edits from every known id get no suggestion:
/// a guess that far off misleads more than it helps.
const MAX_SUGGESTION_DISTANCE: usize = 3;

/// A profile indicator that neither the registry nor the data knows is a
/// typo far more often than an intention: refuse it, with the nearest id.
pub(super) fn check_profile_indicators(ds: &Dataset, profile: &Profile) -> Result<(), ScoreError> {
    let known: Vec<&str> = REGISTRY
        .iter()
        .map(|d| d.id)
        .chain(ds.indicators.iter().map(|i| i.meta.id.as_str()))
        .collect();
    for ind in &profile.indicators {
        if known.contains(&ind.id.as_str()) {
            continue;
        }
        return Err(ScoreError::UnknownIndicator {
            id: ind.id.clone(),
            hint: nearest(&known, &ind.id)
                .map(|k| said!(" (bedoelt u `{k}`?)", " (did you mean `{k}`?)"))
                .unwrap_or_else(|| {
                    said!(
                        " (`buurtradar indicators` toont de bekende ids; `check` die van de gegevens)",
                        " (`buurtradar indicators` lists the known ids; `check` lists the data's)"
                    )
                }),
        });
    }
    Ok(())
}

/// When none of the profile's weighted indicators is in the data, say
/// which known indicators the data does hold and how to start a profile
/// from them: a first run on one's own files should not end at "absent".
pub(super) fn check_profile_has_data(ds: &Dataset, profile: &Profile) -> Result<(), ScoreError> {
    let weighted: Vec<&str> = profile
        .indicators
        .iter()
        .filter(|i| i.weight > 0.0)
        .map(|i| i.id.as_str())
        .collect();
    let with_values = |id: &str| {
        ds.indicator(id)
            .is_some_and(|i| i.values.iter().any(|v| v.num().is_some()))
    };
    if weighted.is_empty() || weighted.iter().any(|id| with_values(id)) {
        return Ok(());
    }
    let held = held_known_indicators(ds);
    let held = if held.is_empty() {
        said!(
            "De gegevens bevatten geen bekende CBS-indicator met waarden (`buurtradar check` toont de kolommen, `buurtradar indicators` de bekende namen).",
            "The data holds no known CBS indicator with values (`buurtradar check` lists its columns, `buurtradar indicators` the known names)."
        )
    } else {
        let held = held.join(", ");
        said!(
            "De gegevens bevatten deze bekende indicatoren: {held}. Begin een profiel daarmee met `buurtradar profile init --from-data` plus dezelfde invoeropties, omgeleid naar een bestand (bijv. `> mijn-profiel.toml`), en draai met `--profile mijn-profiel.toml`.",
            "The data holds these known indicators: {held}. Start a profile from them with `buurtradar profile init --from-data` plus the same input flags, redirected to a file (e.g. `> mijn-profiel.toml`), and run with `--profile mijn-profiel.toml`."
        )
    };
    Err(ScoreError::ProfileIndicatorsAbsent {
        absent: weighted.iter().map(|s| s.to_string()).collect(),
        held,
    })
}

/// Registry indicators of the dataset (derived ones too) with at least one
/// value, in dataset order.
pub fn held_known_indicators(ds: &Dataset) -> Vec<String> {
    ds.indicators
        .iter()
        .filter(|i| i.meta.known && i.values.iter().any(|v| v.num().is_some()))
        .map(|i| i.meta.id.clone())
        .collect()
}

/// A run of `profile`; when the data holds none of its indicators, a run
/// on every indicator the data does hold ([`data_profile`]), with the ids
/// the profile asked for - so a stray profile still opens in the app.
pub fn run_or_stand_in(
    ds: &Dataset,
    profile: &Profile,
    opts: RunOptions,
) -> Result<(Analysis, Option<Vec<String>>), ScoreError> {
    match Analysis::run(ds, profile, opts) {
        Ok(a) => Ok((a, None)),
        Err(
            e
            @ (ScoreError::ProfileIndicatorsAbsent { .. } | ScoreError::NoIndicatorPresent { .. }),
        ) => {
            let absent = profile.indicators.iter().map(|i| i.id.clone()).collect();
            let Some(p) = data_profile(profile, ds) else {
                return Err(e);
            };
            Ok((Analysis::run(ds, &p, opts)?, Some(absent)))
        }
        Err(e) => Err(e),
    }
}

/// A stand-in for a profile none of whose indicators the data holds: its
/// settings, with every known indicator of the data that has a direction
/// and is not a head count at weight 1 (sensitive ones at weight 0, so
/// they can be weighed but never are by default), as `profile init
/// --from-data` would write. `None` when the data holds none.
pub fn data_profile(base: &Profile, ds: &Dataset) -> Option<Profile> {
    use crate::domain::profile::IndicatorWeight;
    use crate::domain::value::Direction;
    let indicators: Vec<IndicatorWeight> = held_known_indicators(ds)
        .into_iter()
        .filter_map(|id| ds.indicator(&id))
        .filter(|i| {
            matches!(
                i.meta.direction,
                Some(Direction::Risk | Direction::Protective)
            ) && i.meta.unit != crate::domain::registry::Unit::Count.label()
        })
        .map(|i| IndicatorWeight {
            id: i.meta.id.clone(),
            weight: if i.meta.sensitive { 0.0 } else { 1.0 },
            direction: i.meta.direction,
            sensitive: i.meta.sensitive,
        })
        .collect();
    if indicators.iter().all(|i| i.weight == 0.0) {
        return None;
    }
    let mut p = base.clone();
    p.indicators = indicators;
    Some(p)
}

/// The known id with the fewest edits from `id` (alphabetically first on a
/// tie), if it is close enough to be the intended one.
fn nearest<'a>(known: &[&'a str], id: &str) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(k, id), *k))
        .min()
        .filter(|(d, _)| *d <= MAX_SUGGESTION_DISTANCE)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{dataset, profile};
    use super::*;

    #[test]
    fn a_typo_gets_the_nearest_id() {
        let ds = dataset();
        let mut p = profile("buurt");
        p.indicators[0].id = "low_income_hh_pc".into();
        let e = check_profile_indicators(&ds, &p).unwrap_err().to_string();
        assert!(e.contains("did you mean `low_income_hh_pct`"), "{e}");
    }

    #[test]
    fn a_far_off_id_gets_the_listing_hint() {
        let ds = dataset();
        let mut p = profile("buurt");
        p.indicators[0].id = "completely_unknown_figure".into();
        let e = check_profile_indicators(&ds, &p).unwrap_err().to_string();
        assert!(
            e.contains("completely_unknown_figure") && e.contains("buurtradar indicators"),
            "{e}"
        );
        assert!(check_profile_indicators(&ds, &profile("buurt")).is_ok());
    }

    #[test]
    fn absent_profile_indicators_list_what_the_data_holds() {
        let ds = dataset();
        let mut p = profile("buurt");
        assert!(check_profile_has_data(&ds, &p).is_ok());
        for ind in p.indicators.iter_mut() {
            ind.id = "ses_woa_score".into();
        }
        p.indicators.truncate(1);
        let e = check_profile_has_data(&ds, &p).unwrap_err().to_string();
        let held = held_known_indicators(&ds);
        assert!(!held.is_empty());
        assert!(e.contains("ses_woa_score"), "{e}");
        for id in &held {
            assert!(e.contains(id.as_str()), "{id} in {e}");
        }
        assert!(e.contains("profile init --from-data"), "{e}");
    }

    #[test]
    fn nearest_counts_characters_and_breaks_ties_alphabetically() {
        let known = ["bbc", "abc"];
        assert_eq!(nearest(&known, "xbc"), Some("abc"));
        // Two edits in characters, four in bytes.
        assert_eq!(nearest(&["ab"], "éé"), Some("ab"));
        assert_eq!(nearest(&known, "abcdefg"), None, "four edits away");
        assert_eq!(nearest(&known, "abcdef"), Some("abc"));
    }
}
