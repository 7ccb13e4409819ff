//! The method in a few lines, as every output states it: profile and
//! normalisation, weights, unit and eligibility, counts, stability.

use crate::domain::analysis::Analysis;
use crate::domain::profile::Aggregation;

/// The header lines every format repeats: method, rule, scope, counts and,
/// after a Monte Carlo, how stable the shortlist is.
pub fn method_lines(a: &Analysis) -> Vec<String> {
    let p = &a.profile;
    let weights: Vec<String> = a
        .ranking
        .indicators
        .iter()
        .zip(&a.ranking.weights)
        .map(|(i, w)| format!("{i} {w}"))
        .collect();
    let scope = if p.eligibility.gemeenten.is_empty() {
        "all gemeenten".to_string()
    } else {
        p.eligibility.gemeenten.join(", ")
    };
    let mut v = vec![
        format!(
            "Profile {}: {} normalisation, {} mean, reference {:?}, top {}",
            p.name,
            a.ranking.method.label(),
            match a.ranking.aggregation {
                Aggregation::Arithmetic => "arithmetic",
                Aggregation::Geometric => "geometric",
            },
            p.normalisation.reference,
            a.ranking.top_k
        ),
        format!("Weights: {}", weights.join(", ")),
        format!(
            "Unit: {} ({}); scope: {scope}; minimum {} primary schools, {} inhabitants, {} children 0-15",
            a.rule.unit_plural(),
            a.rule,
            p.eligibility.min_primary_schools,
            p.eligibility.min_inhabitants,
            p.eligibility.min_children_0_15
        ),
        format!(
            "{} ranked, {} eligible, shortlist {}",
            a.ranking.ranked_count(),
            a.ranking.eligible_count(),
            a.ranking.shortlist.len()
        ),
    ];
    if let Some(s) = &a.stability {
        v.push(format!(
            "Stability: {} draws, seed {}, concentration {}{}; the shortlist is unchanged in {:.0}% of draws",
            s.draws,
            s.seed,
            s.concentration,
            if s.vary_normalisation { ", normalisation varied" } else { "" },
            s.same_shortlist_share * 100.0
        ));
    }
    v
}
