//! Undo and redo of weight and shortlist edits. Each edit pushes the state
//! before it; undo swaps that state back in (re-ranking if the weights
//! differ), redo the other way.

use super::navigation::refresh_rows;
use super::weights::rerank;
use super::{say, say_error};
use crate::i18n::Msg;
use crate::tui::action::{Column, Effect};
use crate::tui::app::{App, Edit};

/// Enough for an afternoon of edits, small next to the data.
const LIMIT: usize = 200;

/// The state an edit is about to change.
pub(super) fn before(app: &App) -> Edit {
    Edit {
        weights: app.weights.clone(),
        picks: app.picks.clone(),
    }
}

/// Remember the state before an edit that went through; a new edit ends
/// what redo could bring back.
pub(super) fn push(app: &mut App, edit: Edit) {
    app.history.undo.push(edit);
    if app.history.undo.len() > LIMIT {
        app.history.undo.remove(0);
    }
    app.history.redo.clear();
}

pub(super) fn undo(app: &mut App) -> Option<Effect> {
    let Some(edit) = app.history.undo.pop() else {
        say_error(app, Msg::NothingToUndo);
        return None;
    };
    let now = before(app);
    let effect = restore(app, edit);
    app.history.redo.push(now);
    say(app, Msg::Undone);
    effect
}

pub(super) fn redo(app: &mut App) -> Option<Effect> {
    let Some(edit) = app.history.redo.pop() else {
        say_error(app, Msg::NothingToRedo);
        return None;
    };
    let now = before(app);
    let effect = restore(app, edit);
    app.history.undo.push(now);
    say(app, Msg::Redone);
    effect
}

fn restore(app: &mut App, edit: Edit) -> Option<Effect> {
    app.picks = edit.picks;
    let effect = if edit.weights != app.weights {
        rerank(app, edit.weights)
    } else {
        None
    };
    if effect.is_none() && app.table.sort.column == Column::Mark {
        refresh_rows(app);
    }
    effect
}
