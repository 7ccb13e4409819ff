//! The distribution overlay (`d`) and the side-by-side comparison (`v`).

use super::{error, info};
use crate::i18n::{Bilingual, Msg};
use crate::tui::app::App;

pub(super) fn histogram(app: &mut App) {
    app.histogram = !app.histogram;
}

/// First `v` chooses A; `v` on another unit opens A beside it; `v` on A
/// again lets go of A.
pub(super) fn compare(app: &mut App) {
    if app.compare.open.is_some() {
        close(app);
        return;
    }
    let b = app.selected;
    match app.compare.pin {
        None => {
            app.compare.pin = Some(b);
            let name = app.unit_name(b).to_string();
            info(app, Msg::ComparePinned.fill(app.lang, &[&name]));
        }
        Some(a) if a == b => {
            app.compare.pin = None;
            info(app, Msg::CompareUnpinned.text(app.lang).to_string());
        }
        Some(a) => {
            let (ca, cb) = (
                app.analysis.units[a].code.clone(),
                app.analysis.units[b].code.clone(),
            );
            match app.analysis.compare(&ca, &cb) {
                Ok(_) => {
                    app.compare.open = Some((a, b));
                    app.scroll.compare = 0;
                }
                // Say why (a unit without a score) and keep A chosen.
                Err(e) => error(app, Msg::CompareFailed.fill(app.lang, &[&e.text(app.lang)])),
            }
        }
    }
}

/// `E`: the difference-in-differences of the shortlist (its buurten as
/// pilots) against comparison buurten found on the baseline, as `effect`
/// computes it; again: close.
pub(super) fn effect(app: &mut App) {
    use crate::domain::effect::{
        measure, pilot_neighbours, resolve, DidSettings, Measure, Panel, PeerSettings, YearView,
    };
    if app.effect.take().is_some() {
        return;
    }
    let Some((after, map)) = &app.followup else {
        super::say_error(app, Msg::EffectNoFollowup);
        return;
    };
    let before = YearView::from_dataset("baseline", &app.ds, Default::default());
    let ids = app.analysis.prepared.indicators().to_vec();
    let panel = Panel::build(&before, after, map.as_ref(), &ids);
    // A shortlisted wijk or area stands for its buurten.
    let mut pilots: Vec<String> = app
        .shortlist()
        .iter()
        .flat_map(|&u| app.analysis.members[u].iter())
        .map(|&a| app.ds.areas[a].code.clone())
        .collect();
    pilots.dedup();
    let lang = app.lang;
    let result = resolve(&panel, &pilots, false)
        .map_err(|e| e.text(lang))
        .and_then(|idx| {
            let spillover = pilot_neighbours(
                &app.ds,
                app.analysis.profile.pilot.adjacency_tolerance_m,
                &panel,
                &idx,
            );
            measure(&Measure {
                panel: &panel,
                pilots: &pilots,
                controls: None,
                spillover,
                peers: PeerSettings::default(),
                did: DidSettings::default(),
            })
            .map_err(|e| e.text(lang))
        });
    app.scroll.effect = 0;
    app.effect = Some(result);
}

pub(super) fn close(app: &mut App) {
    app.compare = Default::default();
}
