//! The method in a few lines, as every output states it: profile and
//! normalisation, weights, unit and eligibility, counts, stability.

use super::human::{label, num, plain, rule_text, unit_plural};
use crate::domain::analysis::Analysis;
use crate::domain::dataset::Dataset;
use crate::domain::pilot::PilotRule;
use crate::domain::profile::{Aggregation, NormalisationMethod, Reference};
use crate::i18n::{Lang, Rt};

pub fn normalisation(m: NormalisationMethod, lang: Lang) -> &'static str {
    match m {
        NormalisationMethod::ZScore => Rt::NormZ,
        NormalisationMethod::MinMax => Rt::NormMinMax,
        NormalisationMethod::Percentile => Rt::NormPercentile,
    }
    .text(lang)
}

pub fn aggregation(m: Aggregation, lang: Lang) -> &'static str {
    match m {
        Aggregation::Arithmetic => Rt::AggArithmetic,
        Aggregation::Geometric => Rt::AggGeometric,
    }
    .text(lang)
}

pub fn reference(r: Reference, lang: Lang) -> &'static str {
    match r {
        Reference::Scope => Rt::RefScope,
        Reference::All => Rt::RefAll,
    }
    .text(lang)
}

/// The header lines every format repeats: method, rule, scope, counts and,
/// after a Monte Carlo, how stable the shortlist is. Indicators by label.
pub fn method_lines(a: &Analysis, ds: &Dataset, lang: Lang) -> Vec<String> {
    let p = &a.profile;
    let weights: Vec<String> = a
        .ranking
        .indicators
        .iter()
        .zip(&a.ranking.weights)
        .map(|(i, w)| format!("{} {}", label(ds, i, lang), plain(*w, lang)))
        .collect();
    let scope = if p.eligibility.gemeenten.is_empty() {
        Rt::AllGemeenten.text(lang).to_string()
    } else {
        p.eligibility.gemeenten.join(", ")
    };
    let mut v = vec![
        Rt::MethodProfile.fill(
            lang,
            &[
                &p.name,
                &normalisation(a.ranking.method, lang),
                &aggregation(a.ranking.aggregation, lang),
                &reference(p.normalisation.reference, lang),
                &a.ranking.top_k,
            ],
        ),
        Rt::MethodWeights.fill(lang, &[&weights.join("; ")]),
        Rt::MethodUnit.fill(
            lang,
            &[
                &unit_plural(a.rule, lang),
                &rule_text(a.rule, lang),
                &scope,
                &Rt::MethodMinimum.fill(
                    lang,
                    &[
                        &p.eligibility.min_primary_schools,
                        &plain(p.eligibility.min_inhabitants, lang),
                        &plain(p.eligibility.min_children_0_15, lang),
                    ],
                ),
            ],
        ),
        Rt::MethodCounts.fill(
            lang,
            &[
                &a.ranking.ranked_count(),
                &a.ranking.eligible_count(),
                &a.ranking.shortlist.len(),
            ],
        ),
    ];
    if let Some(s) = &a.stability {
        v.push(Rt::MethodStability.fill(
            lang,
            &[
                &num(Some(s.draws as f64), 0, lang),
                &s.seed,
                &plain(s.concentration, lang),
                &if s.vary_normalisation {
                    Rt::MethodVaryNorm.text(lang)
                } else {
                    ""
                },
                &num(Some(s.same_shortlist_share * 100.0), 0, lang),
            ],
        ));
    }
    v
}

/// The sensitivity lines: per indicator, how often +50% weight changes
/// the shortlist, the largest first.
pub fn sensitivity_lines(a: &Analysis, ds: &Dataset, n: usize, lang: Lang) -> Vec<String> {
    let Some(s) = &a.stability else {
        return Vec::new();
    };
    let mut v = s.sensitivity.clone();
    v.sort_by(|x, y| {
        y.share_changed
            .total_cmp(&x.share_changed)
            .then_with(|| x.id.cmp(&y.id))
    });
    v.into_iter()
        .take(n)
        .map(|x| {
            Rt::SensitivityLine.fill(
                lang,
                &[
                    &label(ds, &x.id, lang),
                    &num(Some(x.share_changed * 100.0), 1, lang),
                    &if x.changes_at_base {
                        Rt::SensitivityAtBase.text(lang)
                    } else {
                        ""
                    },
                ],
            )
        })
        .collect()
}

/// The name of a pilot rule in `lang`.
pub fn rule_name(r: PilotRule, lang: Lang) -> &'static str {
    match r {
        PilotRule::Buurt => Rt::RuleNameBuurt,
        PilotRule::Catchment => Rt::RuleNameCatchment,
        PilotRule::Wijk => Rt::RuleNameWijk,
        PilotRule::Contiguous => Rt::RuleNameContiguous,
    }
    .text(lang)
}

pub fn candidate_lines(a: &Analysis, lang: Lang) -> Vec<String> {
    a.candidates
        .iter()
        .map(|c| {
            let counts: Vec<String> = c
                .counts
                .iter()
                .map(|(k, n)| Rt::CandidateAt.fill(lang, &[n, k]))
                .collect();
            format!(
                "{}: {}{}",
                rule_name(c.rule, lang),
                counts.join(", "),
                if c.rule == a.rule {
                    Rt::CandidateUsed.text(lang)
                } else {
                    ""
                }
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::analysis::RunOptions;
    use crate::domain::profile::Profile;
    use crate::io::{load, Inputs};

    #[test]
    fn method_lines_read_in_dutch_with_labels() {
        let ds = load(&Inputs::sample()).unwrap();
        let p = Profile::smartstart().unwrap();
        let opts = RunOptions {
            skip_stability: true,
            skip_candidates: true,
        };
        let a = Analysis::run(&ds, &p, opts).unwrap();
        let nl = method_lines(&a, &ds, Lang::Nl).join("\n");
        assert!(nl.contains("Jongeren met jeugdzorg in natura 20"), "{nl}");
        assert!(
            !nl.contains("youth_care_pct") && !nl.contains("Weights"),
            "{nl}"
        );
        let en = method_lines(&a, &ds, Lang::En).join("\n");
        assert!(en.contains("Weights:") && en.contains("arithmetic"), "{en}");
    }
}
