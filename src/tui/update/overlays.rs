//! The distribution overlay (`d`) and the side-by-side comparison (`v`).

use super::{error, info};
use crate::i18n::Msg;
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
                Err(e) => error(app, Msg::CompareFailed.fill(app.lang, &[&e])),
            }
        }
    }
}

pub(super) fn close(app: &mut App) {
    app.compare = Default::default();
}
