//! One flat row per unit, in the order every output lists them.

use super::Analysis;
use crate::domain::dataset::Dataset;
use serde::Serialize;

/// One unit's result, flat, as every export and table shows it.
#[derive(Debug, Clone, Serialize)]
pub struct UnitRow {
    pub rank: Option<usize>,
    pub eligible_rank: Option<usize>,
    pub code: String,
    pub name: String,
    pub gemeente_code: String,
    pub gemeente: String,
    pub score: Option<f64>,
    pub coverage: f64,
    pub eligible: bool,
    pub shortlisted: bool,
    /// Why not eligible / not ranked; empty when eligible.
    pub reasons: Vec<String>,
    pub rank_median: Option<u32>,
    pub rank_p05: Option<u32>,
    pub rank_p95: Option<u32>,
    pub p_top_k: Option<f64>,
    pub label: Option<String>,
    pub schools: Option<u32>,
    pub inhabitants: Option<f64>,
    pub children_0_15: Option<f64>,
    /// Buurt codes of a wijk or pilot area (the unit itself for a buurt).
    pub members: Vec<String>,
    /// Aligned with the ranking's indicators; they add up to the score
    /// (arithmetic) or to ln(score) (geometric).
    pub contributions: Vec<f64>,
    /// On the shortlist: by the rules or by hand.
    pub chosen_by: Option<super::ChosenBy>,
    /// Chosen by the rules and taken off by hand.
    pub removed_by_hand: bool,
    /// The ranks shared with units of the same score ("3-5"); one rank
    /// when there is no tie.
    pub rank_range: Option<(usize, usize)>,
    /// Shares its score with another unit.
    pub tied: bool,
    /// Fewer inhabitants than the profile's small-population threshold.
    pub small_population: bool,
}

impl Analysis {
    pub fn row(&self, ds: &Dataset, u: usize) -> UnitRow {
        let f = &self.units[u];
        let r = &self.ranking.units[u];
        let st = self
            .stability
            .as_ref()
            .and_then(|s| s.units.get(u).cloned().flatten());
        let mut reasons: Vec<String> = r.reasons.iter().map(|x| x.to_string()).collect();
        if let Some(nr) = &r.not_ranked {
            reasons.push(nr.to_string());
        }
        let rank_range = self.rank_range(u);
        let (p05, p95) =
            self.tied_interval(u, rank_range, st.as_ref().map(|s| (s.rank.p05, s.rank.p95)));
        UnitRow {
            rank: r.rank,
            eligible_rank: r.eligible_rank,
            code: f.code.clone(),
            name: f.name.clone(),
            gemeente_code: f.gemeente_code.clone(),
            gemeente: f.gemeente_name.clone(),
            score: r.score,
            coverage: r.coverage,
            eligible: r.eligible,
            shortlisted: self.ranking.shortlist.contains(&u),
            reasons,
            rank_median: st.as_ref().map(|s| s.rank.median),
            rank_p05: p05,
            rank_p95: p95,
            p_top_k: st
                .as_ref()
                .and_then(|s| s.eligible.as_ref().map(|e| e.p_top_k)),
            label: st
                .as_ref()
                .and_then(|s| s.eligible.as_ref().map(|e| e.label.label().to_string())),
            schools: f.primary_schools,
            inhabitants: f.inhabitants,
            children_0_15: f.children_0_15,
            members: self.members[u]
                .iter()
                .map(|&m| ds.areas[m].code.clone())
                .collect(),
            contributions: self.ranking.contributions(u).to_vec(),
            chosen_by: self.chosen_by(u),
            removed_by_hand: self.hand.removed.contains(&u),
            rank_range,
            tied: rank_range.is_some_and(|(lo, hi)| lo < hi),
            small_population: self.small_population(u),
        }
    }

    /// The 5-95% rank interval, for a tied unit widened to cover every
    /// unit of its tie: the draws order equal scores arbitrarily, and a
    /// tie must never read as distinct certain ranks.
    fn tied_interval(
        &self,
        u: usize,
        range: Option<(usize, usize)>,
        own: Option<(u32, u32)>,
    ) -> (Option<u32>, Option<u32>) {
        let Some((mut lo, mut hi)) = own else {
            return (None, None);
        };
        if let (Some((a, b)), Some(s)) = (range, &self.stability) {
            for &v in self.ranking.order.get(a - 1..b).unwrap_or(&[]) {
                if let Some(Some(x)) = s.units.get(v).filter(|_| v != u) {
                    lo = lo.min(x.rank.p05);
                    hi = hi.max(x.rank.p95);
                }
            }
            lo = lo.min(a as u32);
            hi = hi.max(b as u32);
        }
        (Some(lo), Some(hi))
    }

    /// Every unit index in the order all outputs list them: ranked units by
    /// rank, then the unranked by code.
    pub fn display_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = self.ranking.order.clone();
        let mut rest: Vec<usize> = (0..self.units.len())
            .filter(|u| self.ranking.units[*u].rank.is_none())
            .collect();
        rest.sort_by(|a, b| self.units[*a].code.cmp(&self.units[*b].code));
        order.extend(rest);
        order
    }

    /// All units, in `display_order`.
    pub fn rows(&self, ds: &Dataset) -> Vec<UnitRow> {
        self.display_order()
            .into_iter()
            .map(|u| self.row(ds, u))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{at, dataset, profile};
    use super::super::{Analysis, RunOptions};

    const FAST: RunOptions = RunOptions {
        skip_stability: true,
        skip_candidates: true,
    };

    #[test]
    fn display_order_is_ranked_by_rank_then_unranked_by_code() {
        let ds = dataset();
        let a = Analysis::run(&ds, &profile("buurt"), FAST).unwrap();
        let codes: Vec<&str> = a
            .display_order()
            .into_iter()
            .map(|u| a.units[u].code.as_str())
            .collect();
        // Low income 30 > 20 > 10 ranks first to third; the two buurten
        // without a figure follow by code, not in input order.
        assert_eq!(
            codes,
            [
                "BU00010101",
                "BU00010104",
                "BU00010102",
                "BU00010103",
                "BU00010105"
            ]
        );
    }

    #[test]
    fn rows_follow_display_order_and_carry_the_ranking() {
        let ds = dataset();
        let a = Analysis::run(&ds, &profile("buurt"), FAST).unwrap();
        let rows = a.rows(&ds);
        let order = a.display_order();
        assert_eq!(rows.len(), a.units.len());
        for (row, &u) in rows.iter().zip(&order) {
            assert_eq!(row.code, a.units[u].code);
            assert_eq!(row.rank, a.ranking.units[u].rank);
        }
        let ranks: Vec<Option<usize>> = rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [Some(1), Some(2), Some(3), None, None]);
        // Only the first has the three schools the profile asks for.
        assert!(rows[0].eligible && rows[0].shortlisted);
        assert_eq!(rows[0].eligible_rank, Some(1));
        assert!(!rows[1].eligible && !rows[1].shortlisted);
        assert!(rows[1].reasons.iter().any(|r| r.contains("school")));
        assert!(
            rows[3]
                .reasons
                .iter()
                .any(|r| r.starts_with("not ranked") && r.contains("low_income_hh_pct")),
            "{:?}",
            rows[3].reasons
        );
        assert_eq!(rows[0].members, ["BU00010101"]);
        assert_eq!(rows[0].schools, Some(4));
        assert_eq!(rows[0].rank_median, None, "stability was skipped");
    }

    #[test]
    fn wijk_rows_list_their_buurten() {
        let ds = dataset();
        let a = Analysis::run(&ds, &profile("wijk"), FAST).unwrap();
        let rows = a.rows(&ds);
        assert_eq!(rows.len(), 2);
        let wk1 = rows.iter().find(|r| r.code == "WK000101").unwrap();
        assert_eq!(wk1.members, ["BU00010105", "BU00010103", "BU00010101"]);
        assert_eq!(wk1.schools, Some(12));
        assert_eq!(
            a.members[a.units.iter().position(|u| u.code == "WK000102").unwrap()],
            [at(&ds, "BU00010102"), at(&ds, "BU00010104")]
        );
    }
}
