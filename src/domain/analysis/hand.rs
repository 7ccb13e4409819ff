//! Choices made by hand on top of the rules: units put on the shortlist
//! that the rules did not choose, and units the rules chose that were taken
//! off. The command line (`--include`, `--exclude`) and the app (Enter) set
//! the same state, so every output can say how a unit got on the list.

use super::Analysis;
use crate::domain::dataset::Dataset;
use crate::domain::pilot::PilotRule;
use crate::domain::score::Ranking;
use crate::i18n::{Bilingual, Lang, Said};

use serde::Serialize;
use std::collections::BTreeSet;

/// Scores closer than this are the same score: such units share a rank.
pub const TIE_EPSILON: f64 = 1e-12;

/// Unit indices added and removed by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandChoices {
    pub added: BTreeSet<usize>,
    /// Members of the rules' shortlist that were taken off.
    pub removed: BTreeSet<usize>,
}

impl HandChoices {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// How a unit got on the shortlist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChosenBy {
    Rules,
    Hand,
}

impl ChosenBy {
    pub fn id(self) -> &'static str {
        match self {
            ChosenBy::Rules => "rules",
            ChosenBy::Hand => "hand",
        }
    }
}

/// A code given to `--include` / `--exclude` that cannot be applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HandError {
    #[error("--{flag} {code}: no such code in the data; valid are {valid}")]
    Unknown {
        flag: &'static str,
        code: String,
        /// "the 99 buurten in scope, e.g. …"
        valid: Said,
    },
    #[error("--{flag} {code}: {name} is in the data but outside the scope of this run ({scope}); valid are {valid}")]
    OutsideScope {
        flag: &'static str,
        code: String,
        name: String,
        /// Boxed: two texts in two languages would make every `Result`
        /// of a hand choice carry them.
        scope: Box<Said>,
        valid: Said,
    },
    #[error("--exclude {code}: not on the shortlist the rules chose ({shortlist}), so there is nothing to remove")]
    NotOnShortlist { code: String, shortlist: String },
    #[error("{code}: given to both --include and --exclude")]
    Both { code: String },
}

impl Bilingual for HandError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            HandError::Unknown { flag, code, valid } => format!(
                "--{flag} {code}: deze code staat niet in de gegevens; geldig zijn {}",
                valid.nl
            ),
            HandError::OutsideScope {
                flag,
                code,
                name,
                scope,
                valid,
            } => format!(
                "--{flag} {code}: {name} staat in de gegevens maar valt buiten de selectie van deze run ({}); geldig zijn {}",
                scope.nl, valid.nl
            ),
            HandError::NotOnShortlist { code, shortlist } => format!(
                "--exclude {code}: staat niet op de shortlist die de regels kozen ({shortlist}), dus er valt niets te verwijderen"
            ),
            HandError::Both { code } => {
                format!("{code}: opgegeven bij zowel --include als --exclude")
            }
        }
    }
}

/// The rules' shortlist without what was removed by hand, then what was
/// added by hand, in rank order: the one shortlist every output shows.
pub fn shortlist_with(ranking: &Ranking, hand: &HandChoices) -> Vec<usize> {
    let mut out: Vec<usize> = ranking
        .shortlist
        .iter()
        .copied()
        .filter(|u| !hand.removed.contains(u))
        .collect();
    let mut added: Vec<usize> = hand
        .added
        .iter()
        .copied()
        .filter(|u| !out.contains(u))
        .collect();
    added.sort_by_key(|&u| {
        (
            ranking
                .units
                .get(u)
                .and_then(|r| r.rank)
                .unwrap_or(usize::MAX),
            u,
        )
    });
    out.extend(added);
    out
}

impl Analysis {
    /// Apply choices by hand to the rules' shortlist. `computed` is the
    /// rules' shortlist, which `ranking.shortlist` held before.
    pub fn set_hand(&mut self, computed: Vec<usize>, hand: HandChoices) {
        self.ranking.shortlist = computed;
        let removed = hand
            .removed
            .iter()
            .copied()
            .filter(|u| self.ranking.shortlist.contains(u))
            .collect();
        let added = hand
            .added
            .iter()
            .copied()
            .filter(|u| !self.ranking.shortlist.contains(u))
            .collect();
        self.hand = HandChoices { added, removed };
        self.rules_shortlist = self.ranking.shortlist.clone();
        self.ranking.shortlist = shortlist_with(&self.ranking, &self.hand);
    }

    /// `--include` / `--exclude` codes, checked against the units of this
    /// run, then applied.
    pub fn choose_by_hand(
        &mut self,
        ds: &Dataset,
        include: &[String],
        exclude: &[String],
    ) -> Result<(), HandError> {
        if let Some(code) = include.iter().find(|c| exclude.contains(c)) {
            return Err(HandError::Both { code: code.clone() });
        }
        let computed = self.rules_shortlist.clone();
        let mut hand = HandChoices::default();
        for code in include {
            hand.added.insert(self.unit_for_code(ds, "include", code)?);
        }
        for code in exclude {
            let u = self.unit_for_code(ds, "exclude", code)?;
            if !computed.contains(&u) {
                let shortlist: Vec<&str> = computed
                    .iter()
                    .map(|&i| self.units[i].code.as_str())
                    .collect();
                return Err(HandError::NotOnShortlist {
                    code: code.clone(),
                    shortlist: shortlist.join(", "),
                });
            }
            hand.removed.insert(u);
        }
        self.set_hand(computed, hand);
        Ok(())
    }

    fn unit_for_code(
        &self,
        ds: &Dataset,
        flag: &'static str,
        code: &str,
    ) -> Result<usize, HandError> {
        let code = code.trim();
        if let Some(u) = self
            .units
            .iter()
            .position(|f| f.code.eq_ignore_ascii_case(code))
        {
            return Ok(u);
        }
        let examples: Vec<&str> = self
            .display_order()
            .into_iter()
            .take(3)
            .map(|u| self.units[u].code.as_str())
            .collect();
        let units = self.rule.unit_plural();
        let units_nl = match self.rule {
            PilotRule::Contiguous => "pilotgebieden",
            _ => units,
        };
        let (n, examples) = (self.units.len(), examples.join(", "));
        let valid = Said::new(
            format!("de {n} {units_nl} binnen de selectie, bijv. {examples}"),
            format!("the {n} {units} in scope, e.g. {examples}"),
        );
        match ds.areas.iter().find(|a| a.code.eq_ignore_ascii_case(code)) {
            Some(area) => Err(HandError::OutsideScope {
                flag,
                code: code.to_string(),
                name: area.name.clone(),
                scope: {
                    let g = &self.profile.eligibility.gemeenten;
                    let (all_nl, all_en) = if g.is_empty() {
                        ("alle".to_string(), "all".to_string())
                    } else {
                        (g.join(", "), g.join(", "))
                    };
                    Box::new(Said::new(
                        format!("gemeenten: {all_nl}; eenheid: {units_nl}"),
                        format!("gemeenten: {all_en}; unit: {units}"),
                    ))
                },
                valid,
            }),
            None => Err(HandError::Unknown {
                flag,
                code: code.to_string(),
                valid,
            }),
        }
    }

    /// How a shortlisted unit got there; `None` off the shortlist.
    pub fn chosen_by(&self, u: usize) -> Option<ChosenBy> {
        if !self.ranking.shortlist.contains(&u) {
            None
        } else if self.hand.added.contains(&u) {
            Some(ChosenBy::Hand)
        } else {
            Some(ChosenBy::Rules)
        }
    }

    /// The ranks a unit shares with every unit of the same score (within
    /// [`TIE_EPSILON`]); one rank when it has no tie.
    pub fn rank_range(&self, u: usize) -> Option<(usize, usize)> {
        let r = &self.ranking;
        let rank = r.units.get(u)?.rank?;
        let score = r.units[u].score?;
        let pos = match r.order.get(rank - 1) {
            Some(&p) if p == u => rank - 1,
            _ => r.order.iter().position(|&x| x == u)?,
        };
        let same = |i: usize| {
            r.units[r.order[i]]
                .score
                .is_some_and(|s| (s - score).abs() <= TIE_EPSILON)
        };
        let mut lo = pos;
        while lo > 0 && same(lo - 1) {
            lo -= 1;
        }
        let mut hi = pos;
        while hi + 1 < r.order.len() && same(hi + 1) {
            hi += 1;
        }
        Some((lo + 1, hi + 1))
    }

    /// Whether a unit's figures rest on fewer inhabitants than the
    /// profile's threshold.
    pub fn small_population(&self, u: usize) -> bool {
        self.units[u]
            .inhabitants
            .is_some_and(|n| n < self.profile.small_population_below)
    }

    /// Weights that differ from the profile's as loaded:
    /// (indicator, profile weight, used weight).
    pub fn weight_changes(&self) -> Vec<(String, f64, f64)> {
        let used: Vec<(&str, f64)> = self
            .profile
            .indicators
            .iter()
            .map(|w| (w.id.as_str(), w.weight))
            .collect();
        let mut out = Vec::new();
        for (id, before) in &self.profile_weights {
            let now = used.iter().find(|(i, _)| i == id).map_or(0.0, |x| x.1);
            if (now - before).abs() > TIE_EPSILON {
                out.push((id.clone(), *before, now));
            }
        }
        for (id, now) in used {
            if !self.profile_weights.iter().any(|(i, _)| i == id) && now != 0.0 {
                out.push((id.to_string(), 0.0, now));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{dataset, profile};
    use super::super::RunOptions;
    use super::*;

    const FAST: RunOptions = RunOptions {
        skip_stability: true,
        skip_candidates: true,
    };

    fn run(rule: &str) -> (Dataset, Analysis) {
        let ds = dataset();
        let a = Analysis::run(&ds, &profile(rule), FAST).unwrap();
        (ds, a)
    }

    fn at(a: &Analysis, code: &str) -> usize {
        a.units.iter().position(|u| u.code == code).unwrap()
    }

    fn codes(a: &Analysis) -> Vec<&str> {
        a.ranking
            .shortlist
            .iter()
            .map(|&u| a.units[u].code.as_str())
            .collect()
    }

    #[test]
    fn included_units_are_chosen_by_hand_and_keep_their_failed_rules() {
        let (ds, mut a) = run("buurt");
        assert_eq!(codes(&a), ["BU00010101"]);
        a.choose_by_hand(&ds, &["BU00010102".into()], &[]).unwrap();
        assert_eq!(codes(&a), ["BU00010101", "BU00010102"]);
        let rows = a.rows(&ds);
        let by = |c: &str| rows.iter().find(|r| r.code == c).unwrap();
        assert_eq!(by("BU00010101").chosen_by, Some(ChosenBy::Rules));
        assert_eq!(by("BU00010102").chosen_by, Some(ChosenBy::Hand));
        assert!(by("BU00010102").shortlisted);
        assert!(
            by("BU00010102")
                .reasons
                .iter()
                .any(|r| r.contains("school")),
            "{:?}",
            by("BU00010102").reasons
        );
        assert_eq!(by("BU00010104").chosen_by, None);
    }

    #[test]
    fn excluded_units_leave_the_shortlist_and_say_so() {
        let (ds, mut a) = run("buurt");
        a.choose_by_hand(&ds, &[], &["bu00010101".into()]).unwrap();
        assert!(a.ranking.shortlist.is_empty());
        assert_eq!(a.rules_shortlist, [at(&a, "BU00010101")]);
        let row = a.row(&ds, at(&a, "BU00010101"));
        assert!(row.removed_by_hand && !row.shortlisted && row.chosen_by.is_none());
    }

    #[test]
    fn bad_codes_name_the_value_and_the_valid_choices() {
        let (ds, mut a) = run("buurt");
        let e = a
            .choose_by_hand(&ds, &["BU12345678".into()], &[])
            .unwrap_err();
        let text = e.to_string();
        assert!(matches!(e, HandError::Unknown { .. }), "{text}");
        assert!(
            text.contains("--include BU12345678")
                && text.contains("5 buurten")
                && text.contains("BU00010101"),
            "{text}"
        );
        assert_eq!(e.text(Lang::En), text);
        let nl = e.text(Lang::Nl);
        assert!(
            nl.starts_with("--include BU12345678: deze code staat niet in de gegevens; geldig zijn de 5 buurten binnen de selectie, bijv. ")
                && nl.contains("BU00010101"),
            "{nl}"
        );
        let e = a
            .choose_by_hand(&ds, &[], &["BU00010102".into()])
            .unwrap_err();
        assert!(matches!(e, HandError::NotOnShortlist { .. }), "{e}");
        assert!(e.to_string().contains("BU00010101"), "{e}");
        let e = a
            .choose_by_hand(&ds, &["BU00010102".into()], &["BU00010102".into()])
            .unwrap_err();
        assert!(matches!(e, HandError::Both { .. }), "{e}");
        assert!(a.hand.is_empty(), "a failed call changes nothing");

        let (ds, mut w) = run("wijk");
        let e = w
            .choose_by_hand(&ds, &["BU00010101".into()], &[])
            .unwrap_err();
        assert!(matches!(e, HandError::OutsideScope { .. }), "{e}");
        assert!(e.to_string().contains("WK000101"), "{e}");
        let nl = e.text(Lang::Nl);
        assert!(
            nl.contains("valt buiten de selectie van deze run (gemeenten: alle; eenheid: wijken)")
                && nl.contains("WK000101"),
            "{nl}"
        );
    }

    #[test]
    fn equal_scores_share_a_rank_range() {
        let (ds, mut a) = run("buurt");
        let first = a.ranking.order[0];
        let second = a.ranking.order[1];
        let third = a.ranking.order[2];
        assert_eq!(a.rank_range(first), Some((1, 1)));
        let s = a.ranking.units[first].score;
        a.ranking.units[second].score = s.map(|x| x + TIE_EPSILON / 2.0);
        assert_eq!(a.rank_range(first), Some((1, 2)));
        assert_eq!(a.rank_range(second), Some((1, 2)));
        assert_eq!(a.rank_range(third), Some((3, 3)));
        assert!(a.row(&ds, first).tied && !a.row(&ds, third).tied);
        assert_eq!(a.rank_range(at(&a, "BU00010105")), None, "not ranked");
    }

    #[test]
    fn small_population_follows_the_profile_threshold() {
        let (_, mut a) = run("buurt");
        assert!(!a.small_population(0), "1000 inhabitants, threshold 100");
        a.profile.small_population_below = 1001.0;
        assert!(a.small_population(0));
    }

    #[test]
    fn weight_changes_list_profile_and_used_weight() {
        let (_, mut a) = run("buurt");
        assert!(a.weight_changes().is_empty());
        let id = a.profile.indicators[0].id.clone();
        let before = a.profile.indicators[0].weight;
        a.profile.set_weight(&id, before + 1.0);
        assert_eq!(a.weight_changes(), [(id, before, before + 1.0)]);
    }
}
