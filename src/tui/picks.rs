//! The user's shortlist picks in a form that outlives a re-analysis.

/// The user's picks by unit code, which outlive a re-analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Picked {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl Picked {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

use super::app::App;

/// The profile's `[shortlist]` and `[view]` onto a fresh app. Returns what
/// could not be applied (a code these units lack, a removal the rules did
/// not choose, an unknown gemeente), so the app can say so.
pub fn restore_saved(app: &mut App) -> Vec<String> {
    let mut skipped = Vec::new();
    let saved = app.analysis.profile.shortlist.clone();
    let find = |code: &str| {
        app.analysis
            .units
            .iter()
            .position(|u| u.code.eq_ignore_ascii_case(code.trim()))
    };
    for code in &saved.include {
        match find(code) {
            Some(u) if !app.in_computed(u) => {
                app.picks.added.insert(u);
            }
            // Already chosen by the rules: nothing to add.
            Some(_) => {}
            None => skipped.push(code.clone()),
        }
    }
    for code in &saved.exclude {
        match find(code) {
            Some(u) if app.in_computed(u) => {
                app.picks.removed.insert(u);
            }
            _ => skipped.push(code.clone()),
        }
    }
    let view = app.analysis.profile.view.clone();
    app.filter.min_schools = view.min_schools;
    app.filter.min_inhabitants = view.min_inhabitants.max(0.0);
    if let Some(g) = view.gemeente {
        if app.gemeenten.iter().any(|(c, _)| *c == g) {
            app.filter.gemeente = Some(g);
        } else {
            skipped.push(g);
        }
    }
    skipped
}
