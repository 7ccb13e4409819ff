//! The entry point: check the settings, run the draws, and turn the counts
//! into shares, labels and rank intervals.

use super::compact::{Compact, NONE};
use super::draws::DrawPlan;
use super::result::{
    EligibleStability, IndicatorSensitivity, Stability, StabilityLabel, UnitStability,
};
use super::run::{run, worker_count, RunOutput};
use crate::domain::profile::{MonteCarlo, NormalisationMethod, MAX_DRAWS};
use crate::domain::score::{Prepared, Ranking, ScoreError};
use crate::said;
use std::fmt;

/// Run the Monte Carlo around `ranking`'s weights. `ranking` must come from
/// `prepared` (any weights).
pub fn stability(
    prepared: &Prepared,
    ranking: &Ranking,
    settings: &MonteCarlo,
) -> Result<Stability, ScoreError> {
    check_settings(settings)?;
    check_ranking(prepared, ranking)?;

    let methods: Vec<NormalisationMethod> = if settings.vary_normalisation {
        NormalisationMethod::ALL.to_vec()
    } else {
        vec![prepared.method()]
    };
    let compact = Compact::new(prepared, ranking, &methods);
    let plan = DrawPlan::generate(&ranking.weights, settings, methods.len());

    let threads = worker_count(settings.draws, compact.n_r * compact.m);
    let out = if compact.n_r <= u16::MAX as usize {
        run::<u16>(&compact, &plan, ranking.top_k, threads)
    } else {
        run::<u32>(&compact, &plan, ranking.top_k, threads)
    };

    let base_method = methods
        .iter()
        .position(|&m| m == prepared.method())
        .unwrap_or(0);
    let changes_at_base = compact.changes_at_base(&ranking.weights, base_method, ranking.top_k);
    let d = settings.draws as f64;
    let sensitivity = ranking
        .indicators
        .iter()
        .enumerate()
        .map(|(j, id)| IndicatorSensitivity {
            id: id.clone(),
            share_changed: out.sens_changed[j] as f64 / d,
            changes_at_base: changes_at_base[j],
        })
        .collect();

    Ok(Stability {
        draws: settings.draws,
        seed: settings.seed,
        concentration: settings.concentration,
        vary_normalisation: settings.vary_normalisation,
        top_k: ranking.top_k,
        units: unit_results(&compact, &out, ranking.units.len(), d),
        sensitivity,
        same_shortlist_share: out.same_shortlist as f64 / d,
    })
}

fn check_settings(settings: &MonteCarlo) -> Result<(), ScoreError> {
    if !(1..=MAX_DRAWS).contains(&settings.draws) {
        return Err(invalid(
            "monte_carlo.draws",
            settings.draws,
            said!("een geheel getal in [1, 10000]", "an integer in [1, 10000]"),
        ));
    }
    if !(settings.concentration.is_finite() && settings.concentration > 0.0) {
        return Err(invalid(
            "monte_carlo.concentration",
            settings.concentration,
            said!("een getal > 0", "a number > 0"),
        ));
    }
    Ok(())
}

/// The draws re-rank `prepared`'s matrices, so the ranking must describe them.
fn check_ranking(prepared: &Prepared, ranking: &Ranking) -> Result<(), ScoreError> {
    if ranking.units.len() != prepared.unit_count()
        || ranking.indicators != prepared.indicators()
        || ranking.method != prepared.method()
        || ranking.aggregation != prepared.aggregation()
    {
        return Err(ScoreError::RankingMismatch);
    }
    prepared.check_weights(&ranking.weights)
}

/// One entry per input unit: the compact (base-ranked) units get their
/// spreads back, every other unit stays `None`.
fn unit_results(
    compact: &Compact,
    out: &RunOutput,
    unit_count: usize,
    draws: f64,
) -> Vec<Option<UnitStability>> {
    let mut units = vec![None; unit_count];
    for (l, &u) in compact.units.iter().enumerate() {
        let eligible = match compact.elig_pos[l] {
            NONE => None,
            e => {
                let p = out.topk_count[l] as f64 / draws;
                Some(EligibleStability {
                    rank: out.elig_spread[e as usize],
                    p_top_k: p,
                    label: StabilityLabel::from_probability(p),
                })
            }
        };
        units[u] = Some(UnitStability {
            rank: out.spread[l],
            eligible,
        });
    }
    units
}

fn invalid(key: &'static str, value: impl fmt::Display, expected: crate::i18n::Said) -> ScoreError {
    ScoreError::InvalidSetting {
        key,
        value: value.to_string(),
        expected,
    }
}
