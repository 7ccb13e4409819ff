//! How a unit's place in the ranking reads: its rank interval and status.

use super::numbers::MISSING;
use super::truncate::{fit, TILDE};
use crate::domain::analysis::UnitRow;

/// The 5-95% rank interval from the stability draws as "3-7", or
/// [`MISSING`] without them.
pub fn rank_interval(p05: Option<u32>, p95: Option<u32>) -> String {
    match (p05, p95) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => MISSING.to_string(),
    }
}

/// Shortlisted (with its stability label), eligible, or every reason why
/// not.
pub fn status(r: &UnitRow) -> String {
    if r.shortlisted {
        format!("shortlist ({})", r.label.as_deref().unwrap_or(MISSING))
    } else if r.eligible {
        r.label.clone().unwrap_or_else(|| "eligible".into())
    } else {
        r.reasons.join("; ")
    }
}

/// [`status`] for a narrow column: a star for the shortlist, and only the
/// first reason, shortened to `width` characters.
pub fn status_brief(r: &UnitRow, width: usize) -> String {
    if r.shortlisted {
        format!("* {}", r.label.as_deref().unwrap_or("shortlist"))
    } else if r.eligible {
        r.label.clone().unwrap_or_else(|| "eligible".into())
    } else {
        let first = r.reasons.first().map(String::as_str).unwrap_or("");
        fit(&first.replace(" primary schools", " schools"), width, TILDE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> UnitRow {
        UnitRow {
            rank: Some(4),
            eligible_rank: None,
            code: "BU1".into(),
            name: "Noord".into(),
            gemeente_code: "GM1".into(),
            gemeente: "Stad".into(),
            score: Some(0.5),
            coverage: 1.0,
            eligible: false,
            shortlisted: false,
            reasons: vec![
                "2 primary schools (< 3)".into(),
                "420 inhabitants (< 500)".into(),
            ],
            rank_median: None,
            rank_p05: None,
            rank_p95: None,
            p_top_k: None,
            label: None,
            schools: Some(2),
            inhabitants: Some(420.0),
            children_0_15: None,
            members: vec!["BU1".into()],
            contributions: Vec::new(),
            chosen_by: None,
            removed_by_hand: false,
            rank_range: Some((4, 4)),
            tied: false,
            small_population: false,
        }
    }

    #[test]
    fn interval() {
        assert_eq!(rank_interval(Some(3), Some(7)), "3-7");
        assert_eq!(rank_interval(Some(3), None), "-");
    }

    #[test]
    fn statuses() {
        let mut r = row();
        assert_eq!(
            status(&r),
            "2 primary schools (< 3); 420 inhabitants (< 500)"
        );
        assert_eq!(status_brief(&r, 14), "2 schools (< ~");
        r.eligible = true;
        assert_eq!(status(&r), "eligible");
        assert_eq!(status_brief(&r, 14), "eligible");
        r.shortlisted = true;
        assert_eq!(status(&r), "shortlist (-)");
        assert_eq!(status_brief(&r, 14), "* shortlist");
        r.label = Some("stable".into());
        assert_eq!(status(&r), "shortlist (stable)");
        assert_eq!(status_brief(&r, 14), "* stable");
    }
}
