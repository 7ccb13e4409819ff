//! The notes the app shows above the table: the analysis's, with its
//! advice on the pilot rule said the app's way (the `u` key, only rules
//! that can help) and in the app's language.

use super::app::App;
use crate::domain::analysis::Note;
use crate::domain::dataset::SchoolMethod;
use crate::domain::pilot::PilotRule;
use crate::i18n::Msg;
use crate::present::notes::note_text;

pub fn notes(app: &App) -> Vec<String> {
    // The analysis's rule advice names a command line flag and every rule,
    // the current one included: the app gives its own below.
    let mut out: Vec<String> = app
        .analysis
        .notes
        .iter()
        .filter(|n| !matches!(n, Note::FewEligible { .. }))
        .map(|n| note_text(n, &app.ds, app.lang))
        .collect();
    let r = &app.analysis.ranking;
    let eligible = r.eligible_count();
    if eligible < r.top_k {
        let unit = app.analysis.rule.unit_plural();
        let note = if app.ds.school_method == SchoolMethod::None {
            // Every rule counts schools: none can help without them.
            Msg::FewEligibleNoSchools.fill(app.lang, &[&eligible, &unit, &r.top_k])
        } else {
            let others: Vec<String> = PilotRule::ALL
                .iter()
                .filter(|x| **x != app.analysis.rule)
                .map(|x| x.id().to_string())
                .collect();
            Msg::FewEligible.fill(app.lang, &[&eligible, &unit, &r.top_k, &others.join(", ")])
        };
        out.push(note);
    }
    out
}

/// Lines the notes bar takes: one per note, and one to point at the `w`
/// list when only load warnings are there.
pub fn rows(app: &App) -> usize {
    let n = notes(app).len();
    if n == 0 && super::widgets::warnings::count(app) > 0 {
        1
    } else {
        n
    }
}
