//! Quitting: at once without unsaved edits, otherwise after asking
//! whether to save the profile first.

use super::error;
use super::weights::save_profile;
use crate::i18n::Msg;
use crate::tui::action::Effect;
use crate::tui::app::App;

/// `q`, `Esc` or Ctrl-C. A second quit while the question shows (Ctrl-C
/// there) leaves without saving.
pub(super) fn request(app: &mut App) {
    if app.confirm_quit || !app.unsaved() {
        app.quit = true;
        return;
    }
    app.confirm_quit = true;
    app.help = false;
    app.warnings = false;
    // The profile saves the shortlist picks too (`[shortlist]`).
    let text = Msg::ConfirmQuit.text(app.lang).to_string();
    error(app, text);
}

/// Save the profile, then quit when the save is reported done.
pub(super) fn yes(app: &mut App) -> Option<Effect> {
    app.confirm_quit = false;
    let effect = save_profile(app);
    if effect.is_some() {
        app.quit_after_save = true;
    }
    effect
}

pub(super) fn no(app: &mut App) {
    app.confirm_quit = false;
    app.quit = true;
}

pub(super) fn cancel(app: &mut App) {
    app.confirm_quit = false;
    app.status = None;
}

/// The loop reports a save: a quit waiting for it goes ahead only if it
/// worked, so a failed save never loses the edits.
pub(super) fn saved(app: &mut App, ok: bool) {
    if ok {
        if let Some(w) = app.saving_weights.take() {
            app.saved_weights = w;
        }
        if let Some(p) = app.saving_picks.take() {
            app.saved_picks = p;
        }
        app.directions_changed = false;
        if app.quit_after_save {
            app.quit = true;
        }
    } else {
        app.saving_weights = None;
        app.saving_picks = None;
    }
    app.quit_after_save = false;
}
