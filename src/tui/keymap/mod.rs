//! Keys to actions, as data. The bindings live in `default_keys.toml`
//! (embedded); a user file changes them one by one ([`load`]). Every
//! binding carries its Dutch and English description, from which the
//! footer and the `?` help are generated, so they cannot drift from what
//! the keys do.

mod key;
mod load;
mod names;

pub use key::Key;
pub use load::{user_file, user_file_from, KeymapError, Loaded, DEFAULT_KEYS};
pub use names::{actions, parse_action};

use super::action::{Action, MouseKind, Pane};
use super::app::App;
use crate::i18n::{Lang, Msg};
use crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use serde::Deserialize;

/// Where a binding applies. The focused pane's context is tried before
/// `Global`; help and search take all keys while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Global,
    Table,
    Map,
    /// Detail and team: browse units while reading.
    Browse,
    Weights,
    Search,
    Help,
    /// The unsaved-changes question on quitting takes every key.
    Confirm,
    /// The warnings list takes every key while open.
    Warnings,
    /// The indicator-columns list takes every key while open.
    Columns,
    /// The export dialog: typed characters go into the file name.
    Export,
    /// The distribution overlay.
    Histogram,
    /// The correlation heat map.
    Correlations,
    /// The effect measurement.
    Effect,
    /// Two units side by side.
    Compare,
}

impl Ctx {
    /// Order of the sections in the help.
    pub const HELP_ORDER: [Ctx; 15] = [
        Ctx::Global,
        Ctx::Table,
        Ctx::Map,
        Ctx::Weights,
        Ctx::Browse,
        Ctx::Search,
        Ctx::Help,
        Ctx::Warnings,
        Ctx::Columns,
        Ctx::Export,
        Ctx::Histogram,
        Ctx::Correlations,
        Ctx::Effect,
        Ctx::Compare,
        Ctx::Confirm,
    ];
}

/// A text of a binding in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Described {
    pub nl: String,
    pub en: String,
}

impl Described {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub ctx: Ctx,
    pub keys: Vec<Key>,
    pub action: Action,
    /// The action's name in keys files.
    pub name: String,
    /// The line in the help.
    pub desc: Described,
    /// The short label in the footer; `None`: not in the footer.
    pub footer: Option<Described>,
}

/// One footer entry: keys, label, and whether it must always fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterItem {
    pub keys: String,
    pub label: String,
    pub pinned: bool,
}

/// One section of the help: a context and its rows of (keys, description).
pub type HelpSection = (Ctx, Vec<(String, String)>);

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Keymap {
    fn find(&self, ctxs: &[Ctx], ev: &crossterm::event::KeyEvent) -> Option<&Binding> {
        ctxs.iter().find_map(|c| {
            self.bindings
                .iter()
                .find(|b| b.ctx == *c && b.keys.iter().any(|k| k.matches(ev)))
        })
    }

    /// The action for a terminal event in the app's current state.
    pub fn action(&self, app: &App, ev: &Event) -> Option<Action> {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let ctxs = contexts(app);
                if let Some(b) = self.find(&ctxs, k) {
                    return Some(b.action.clone());
                }
                let typed = !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                match (ctxs.first(), k.code) {
                    (Some(Ctx::Search), KeyCode::Char(c)) if typed => Some(Action::SearchInput(c)),
                    (Some(Ctx::Export), KeyCode::Char(c)) if typed => Some(Action::ExportInput(c)),
                    _ => None,
                }
            }
            Event::Mouse(m) => mouse(m),
            Event::Resize(w, h) => Some(Action::Resize {
                width: *w,
                height: *h,
            }),
            _ => None,
        }
    }

    /// Footer entries for the contexts, in binding order.
    pub fn footer(&self, ctxs: &[Ctx], lang: Lang) -> Vec<FooterItem> {
        let mut out: Vec<FooterItem> = Vec::new();
        let mut shown: Vec<&Described> = Vec::new();
        for c in ctxs {
            for b in self.bindings.iter().filter(|b| b.ctx == *c) {
                let Some(label) = &b.footer else { continue };
                if shown.contains(&&b.desc) {
                    continue;
                }
                shown.push(&b.desc);
                // Pairs such as up/down show both first keys: "↑↓"; a
                // second way to do the same thing is left to the help.
                let mut seen: Vec<&Action> = Vec::new();
                let mut labels: Vec<String> = Vec::new();
                for o in self
                    .bindings
                    .iter()
                    .filter(|o| o.ctx == *c && o.desc == b.desc)
                {
                    if seen.contains(&&o.action) || labels.len() == 2 {
                        continue;
                    }
                    seen.push(&o.action);
                    if let Some(k) = o.keys.first() {
                        labels.push(k.label());
                    }
                }
                let glyphs = labels.iter().all(|l| l.chars().count() == 1);
                out.push(FooterItem {
                    keys: labels.join(if glyphs { "" } else { "/" }),
                    label: label.get(lang).to_string(),
                    // Help and quit must always fit: they are how to learn
                    // everything else.
                    pinned: matches!(
                        b.action,
                        Action::Quit | Action::ToggleHelp | Action::SearchCancel
                    ),
                });
            }
        }
        out
    }

    /// Help sections: per context, rows of (all keys, description).
    /// Bindings with the same description share a row.
    pub fn help(&self, lang: Lang) -> Vec<HelpSection> {
        Ctx::HELP_ORDER
            .iter()
            .map(|&c| {
                let mut rows: Vec<(String, &Described)> = Vec::new();
                for b in self.bindings.iter().filter(|b| b.ctx == c) {
                    let keys = b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/");
                    match rows.iter_mut().find(|(_, d)| **d == b.desc) {
                        Some((k, _)) => {
                            k.push(' ');
                            k.push_str(&keys);
                        }
                        None => rows.push((keys, &b.desc)),
                    }
                }
                let mut rows: Vec<(String, String)> = rows
                    .into_iter()
                    .map(|(k, d)| (k, d.get(lang).to_string()))
                    .collect();
                if c == Ctx::Search {
                    rows.insert(
                        0,
                        (
                            Msg::HelpTypeKeys.text(lang).into(),
                            Msg::HelpType.text(lang).into(),
                        ),
                    );
                }
                (c, rows)
            })
            .collect()
    }
}

/// Contexts in lookup order for the app's state.
pub fn contexts(app: &App) -> Vec<Ctx> {
    if app.confirm_quit {
        return vec![Ctx::Confirm];
    }
    if app.help {
        return vec![Ctx::Help];
    }
    if app.search.editing {
        return vec![Ctx::Search];
    }
    if app.warnings {
        return vec![Ctx::Warnings];
    }
    if app.picker.is_some() {
        return vec![Ctx::Columns];
    }
    if app.export.is_some() {
        return vec![Ctx::Export];
    }
    if app.compare.open.is_some() {
        return vec![Ctx::Compare];
    }
    if app.effect.is_some() {
        return vec![Ctx::Effect];
    }
    if app.correlations.is_some() {
        return vec![Ctx::Correlations];
    }
    if app.histogram {
        return vec![Ctx::Histogram];
    }
    let pane = match app.focus {
        Pane::Table => Ctx::Table,
        Pane::Map => Ctx::Map,
        Pane::Detail | Pane::Team => Ctx::Browse,
        Pane::Weights => Ctx::Weights,
    };
    vec![pane, Ctx::Global]
}

fn mouse(m: &MouseEvent) -> Option<Action> {
    let kind = match m.kind {
        MouseEventKind::Down(MouseButton::Left) => MouseKind::Down,
        MouseEventKind::Drag(MouseButton::Left) => MouseKind::Drag,
        MouseEventKind::Up(MouseButton::Left) => MouseKind::Up,
        MouseEventKind::ScrollUp => MouseKind::ScrollUp,
        MouseEventKind::ScrollDown => MouseKind::ScrollDown,
        _ => return None,
    };
    Some(Action::Mouse {
        kind,
        column: m.column,
        row: m.row,
    })
}

#[cfg(test)]
mod tests;
