//! The user's picks on top of the computed shortlist.

use super::info;
use super::navigation::refresh_rows;
use crate::i18n::Msg;
use crate::tui::action::Column;
use crate::tui::app::App;

pub(super) fn toggle(app: &mut App) {
    let u = app.selected;
    if u >= app.analysis.units.len() {
        return;
    }
    let before = super::history::before(app);
    let on = if app.picks.added.remove(&u) {
        app.in_computed(u) && !app.picks.removed.contains(&u)
    } else if app.in_computed(u) {
        if !app.picks.removed.remove(&u) {
            app.picks.removed.insert(u);
            false
        } else {
            true
        }
    } else {
        app.picks.added.insert(u);
        true
    };
    super::history::push(app, before);
    let name = app.unit_name(u).to_string();
    let msg = if on { Msg::PickedOn } else { Msg::PickedOff };
    info(app, msg.fill(app.lang, &[&name]));
    if app.table.sort.column == Column::Mark {
        refresh_rows(app);
    }
}
