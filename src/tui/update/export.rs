//! The export dialog: `e` opens it; ←→ or ↑↓ choose the format, typing
//! edits the file name, Enter writes. An existing file is never
//! overwritten silently: the loop reports it and a second Enter confirms.

use super::{error, info, say};
use crate::i18n::Msg;
use crate::tui::action::Effect;
use crate::tui::app::App;
use crate::tui::dialogs::ExportDialog;
use std::path::PathBuf;

pub(super) fn open(app: &mut App) {
    app.export = match app.export.take() {
        Some(_) => None,
        // The last choice stays, so a second export of the same kind is
        // two keys.
        None => Some(app.last_export.clone().unwrap_or_default()),
    };
}

pub(super) fn format(app: &mut App, d: i32) {
    if let Some(dlg) = &mut app.export {
        dlg.step_format(d);
    }
}

pub(super) fn input(app: &mut App, c: Option<char>) {
    if let Some(dlg) = &mut app.export {
        dlg.input(c);
    }
}

pub(super) fn cancel(app: &mut App) {
    app.export = None;
}

pub(super) fn confirm(app: &mut App) -> Option<Effect> {
    let dlg = app.export.clone()?;
    let name = dlg.name.trim();
    if name.is_empty() {
        super::say_error(app, Msg::ExportNoName);
        return None;
    }
    let path = PathBuf::from(name);
    let format = dlg.chosen();
    if let Some(asked) = crate::export::Format::from_path(&path) {
        if asked != format {
            // A .html file holding markdown would mislead whoever opens it.
            error(
                app,
                Msg::ExportExtensionMismatch.fill(app.lang, &[&name, &asked, &format]),
            );
            return None;
        }
    }
    app.last_export = Some(ExportDialog {
        overwrite: false,
        ..dlg.clone()
    });
    app.export = None;
    say(app, Msg::Exporting);
    Some(Effect::Export {
        path,
        format,
        overwrite: dlg.overwrite,
    })
}

/// The loop found the file there: reopen the dialog, armed to overwrite.
pub(super) fn exists(app: &mut App, path: PathBuf) {
    let mut dlg = app.last_export.clone().unwrap_or_default();
    dlg.overwrite = true;
    app.export = Some(dlg);
    info(app, Msg::ExportExists.fill(app.lang, &[&path.display()]));
}
