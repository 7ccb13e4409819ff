//! Keys to actions. Every binding carries a description key (the text is in
//! `i18n.rs`); the footer and the `?` help are generated from this table,
//! so they cannot drift from what the keys do.

use super::action::{Action, MouseKind, Pane};
use super::app::App;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

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
}

impl Ctx {
    /// Order of the sections in the help.
    pub const HELP_ORDER: [Ctx; 7] = [
        Ctx::Global,
        Ctx::Table,
        Ctx::Map,
        Ctx::Weights,
        Ctx::Browse,
        Ctx::Search,
        Ctx::Help,
    ];
}

/// What a binding does, for the footer and the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desc {
    Quit,
    Help,
    NextPane,
    PrevPane,
    Focus(Pane),
    Shortlist,
    Save,
    Export,
    Move,
    Page,
    First,
    Last,
    Column,
    Sort,
    Search,
    SearchNext,
    SearchPrev,
    FilterGemeente,
    FilterSchools,
    FilterInhabitants,
    FilterClear,
    Pan,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    Schools,
    /// Switch the pilot unit: buurt, catchment, wijk, contiguous area.
    Rule,
    WeightCursor,
    WeightStep,
    WeightStep5,
    WeightZero,
    WeightReset,
    WeightResetAll,
    Scroll,
    SearchType,
    SearchConfirm,
    SearchCancel,
    SearchBackspace,
    HelpClose,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    const fn new(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    const fn ch(c: char) -> Key {
        Key::new(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl || ev.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self.code, ev.code) {
            // Shift is already in the character ('G', '?', '{').
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a == b || (self.ctrl && a == b.to_ascii_lowercase())
            }
            (a, b) => a == b,
        }
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Char(' ') => "Space".into(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub ctx: Ctx,
    pub keys: Vec<Key>,
    pub action: Action,
    pub desc: Desc,
    /// Shown in the footer (first key only).
    pub footer: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::embedded()
    }
}

fn b(ctx: Ctx, keys: &[Key], action: Action, desc: Desc, footer: bool) -> Binding {
    Binding {
        ctx,
        keys: keys.to_vec(),
        action,
        desc,
        footer,
    }
}

impl Keymap {
    pub fn embedded() -> Keymap {
        use Action as A;
        use Ctx::*;
        use KeyCode as K;
        let up = [Key::new(K::Up), Key::ch('k')];
        let down = [Key::new(K::Down), Key::ch('j')];
        let left = [Key::new(K::Left), Key::ch('h')];
        let right = [Key::new(K::Right), Key::ch('l')];
        let mut v = vec![
            // Table
            b(Table, &up, A::Move(-1), Desc::Move, true),
            b(Table, &down, A::Move(1), Desc::Move, false),
            b(
                Table,
                &[Key::new(K::PageUp)],
                A::Page(-1),
                Desc::Page,
                false,
            ),
            b(
                Table,
                &[Key::new(K::PageDown)],
                A::Page(1),
                Desc::Page,
                false,
            ),
            b(
                Table,
                &[Key::ch('g'), Key::new(K::Home)],
                A::MoveFirst,
                Desc::First,
                false,
            ),
            b(
                Table,
                &[Key::ch('G'), Key::new(K::End)],
                A::MoveLast,
                Desc::Last,
                false,
            ),
            b(Table, &left, A::ColumnLeft, Desc::Column, true),
            b(Table, &right, A::ColumnRight, Desc::Column, false),
            b(Table, &[Key::ch('o')], A::Sort, Desc::Sort, true),
            // Map
            b(Map, &left, A::Pan { dx: -1, dy: 0 }, Desc::Pan, true),
            b(Map, &right, A::Pan { dx: 1, dy: 0 }, Desc::Pan, false),
            b(Map, &up, A::Pan { dx: 0, dy: 1 }, Desc::Pan, false),
            b(Map, &down, A::Pan { dx: 0, dy: -1 }, Desc::Pan, false),
            b(
                Map,
                &[Key::ch('+'), Key::ch('=')],
                A::Zoom(1),
                Desc::ZoomIn,
                true,
            ),
            b(Map, &[Key::ch('-')], A::Zoom(-1), Desc::ZoomOut, true),
            b(Map, &[Key::ch('0')], A::ZoomReset, Desc::ZoomReset, false),
            b(Map, &[Key::ch('p')], A::ToggleSchools, Desc::Schools, true),
            // Weights
            b(Weights, &up, A::WeightCursor(-1), Desc::WeightCursor, true),
            b(
                Weights,
                &down,
                A::WeightCursor(1),
                Desc::WeightCursor,
                false,
            ),
            b(Weights, &left, A::WeightStep(-1.0), Desc::WeightStep, true),
            b(Weights, &right, A::WeightStep(1.0), Desc::WeightStep, false),
            b(
                Weights,
                &[Key::ch('H')],
                A::WeightStep(-5.0),
                Desc::WeightStep5,
                true,
            ),
            b(
                Weights,
                &[Key::ch('L')],
                A::WeightStep(5.0),
                Desc::WeightStep5,
                false,
            ),
            b(
                Weights,
                &[Key::ch('0')],
                A::WeightZero,
                Desc::WeightZero,
                false,
            ),
            b(
                Weights,
                &[Key::ch('r')],
                A::WeightReset,
                Desc::WeightReset,
                true,
            ),
            b(
                Weights,
                &[Key::ch('R')],
                A::WeightResetAll,
                Desc::WeightResetAll,
                false,
            ),
            // Detail and team
            b(Browse, &up, A::Move(-1), Desc::Move, true),
            b(Browse, &down, A::Move(1), Desc::Move, false),
            b(
                Browse,
                &[Key::new(K::PageUp)],
                A::Scroll(-10),
                Desc::Scroll,
                true,
            ),
            b(
                Browse,
                &[Key::new(K::PageDown)],
                A::Scroll(10),
                Desc::Scroll,
                false,
            ),
            // Search line
            b(
                Search,
                &[Key::new(K::Enter)],
                A::SearchConfirm,
                Desc::SearchConfirm,
                true,
            ),
            b(
                Search,
                &[Key::new(K::Esc)],
                A::SearchCancel,
                Desc::SearchCancel,
                true,
            ),
            b(
                Search,
                &[Key::new(K::Backspace)],
                A::SearchBackspace,
                Desc::SearchBackspace,
                false,
            ),
            b(Search, &[Key::ctrl('c')], A::Quit, Desc::Quit, false),
            // Help
            b(
                Help,
                &[Key::ch('?'), Key::new(K::Esc), Key::ch('q')],
                A::ToggleHelp,
                Desc::HelpClose,
                true,
            ),
            b(Help, &up, A::Scroll(-1), Desc::Scroll, true),
            b(Help, &down, A::Scroll(1), Desc::Scroll, false),
            b(
                Help,
                &[Key::new(K::PageUp)],
                A::Scroll(-10),
                Desc::Scroll,
                false,
            ),
            b(
                Help,
                &[Key::new(K::PageDown)],
                A::Scroll(10),
                Desc::Scroll,
                false,
            ),
            b(Help, &[Key::ctrl('c')], A::Quit, Desc::Quit, false),
            // Everywhere
            b(
                Global,
                &[Key::new(K::Enter), Key::ch(' ')],
                A::ToggleShortlist,
                Desc::Shortlist,
                true,
            ),
            b(Global, &[Key::ch('/')], A::SearchStart, Desc::Search, true),
            b(
                Global,
                &[Key::ch('n')],
                A::SearchNext,
                Desc::SearchNext,
                false,
            ),
            b(
                Global,
                &[Key::ch('N')],
                A::SearchPrev,
                Desc::SearchPrev,
                false,
            ),
            b(
                Global,
                &[Key::ch('f')],
                A::FilterGemeente,
                Desc::FilterGemeente,
                false,
            ),
            b(
                Global,
                &[Key::ch('[')],
                A::FilterSchools(-1),
                Desc::FilterSchools,
                false,
            ),
            b(
                Global,
                &[Key::ch(']')],
                A::FilterSchools(1),
                Desc::FilterSchools,
                false,
            ),
            b(
                Global,
                &[Key::ch('{')],
                A::FilterInhabitants(-1),
                Desc::FilterInhabitants,
                false,
            ),
            b(
                Global,
                &[Key::ch('}')],
                A::FilterInhabitants(1),
                Desc::FilterInhabitants,
                false,
            ),
            b(
                Global,
                &[Key::ch('x')],
                A::FilterClear,
                Desc::FilterClear,
                false,
            ),
            b(
                Global,
                &[Key::new(K::Tab)],
                A::FocusNext,
                Desc::NextPane,
                true,
            ),
            b(
                Global,
                &[Key::new(K::BackTab)],
                A::FocusPrev,
                Desc::PrevPane,
                false,
            ),
        ];
        for p in Pane::ALL {
            let digit = char::from_digit(p.number() as u32, 10).unwrap_or('1');
            v.push(b(
                Global,
                &[Key::ch(digit)],
                A::Focus(p),
                Desc::Focus(p),
                false,
            ));
        }
        v.extend([
            b(Global, &[Key::ch('u')], A::CycleRule, Desc::Rule, false),
            b(Global, &[Key::ch('s')], A::SaveProfile, Desc::Save, true),
            b(Global, &[Key::ch('e')], A::Export, Desc::Export, true),
            b(Global, &[Key::ch('?')], A::ToggleHelp, Desc::Help, true),
            b(
                Global,
                &[Key::ch('q'), Key::new(K::Esc)],
                A::Quit,
                Desc::Quit,
                true,
            ),
            b(Global, &[Key::ctrl('c')], A::Quit, Desc::Quit, false),
        ]);
        Keymap { bindings: v }
    }

    fn find(&self, ctxs: &[Ctx], ev: &KeyEvent) -> Option<&Binding> {
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
                match (ctxs.first(), k.code) {
                    (Some(Ctx::Search), KeyCode::Char(c))
                        if !k
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                    {
                        Some(Action::SearchInput(c))
                    }
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

    /// Footer entries for the contexts: (first key, short label).
    pub fn footer(&self, ctxs: &[Ctx]) -> Vec<(String, Desc)> {
        let mut out: Vec<(String, Desc)> = Vec::new();
        for c in ctxs {
            for b in self.bindings.iter().filter(|b| b.ctx == *c && b.footer) {
                if out.iter().any(|(_, d)| *d == b.desc) {
                    continue;
                }
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
                let keys = labels.join(if glyphs { "" } else { "/" });
                out.push((keys, b.desc));
            }
        }
        out
    }

    /// Help sections: per context, rows of (all keys, description).
    pub fn help(&self) -> Vec<(Ctx, Vec<(String, Desc)>)> {
        Ctx::HELP_ORDER
            .iter()
            .map(|&c| {
                let mut rows: Vec<(String, Desc)> = Vec::new();
                for b in self.bindings.iter().filter(|b| b.ctx == c) {
                    let keys = b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/");
                    match rows.iter_mut().find(|(_, d)| *d == b.desc) {
                        Some((k, _)) => {
                            k.push(' ');
                            k.push_str(&keys);
                        }
                        None => rows.push((keys, b.desc)),
                    }
                }
                if c == Ctx::Search {
                    rows.insert(0, ("a-z…".into(), Desc::SearchType));
                }
                (c, rows)
            })
            .collect()
    }
}

/// Contexts in lookup order for the app's state.
pub fn contexts(app: &App) -> Vec<Ctx> {
    if app.help {
        return vec![Ctx::Help];
    }
    if app.search.editing {
        return vec![Ctx::Search];
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
mod tests {
    use super::*;

    #[test]
    fn every_binding_has_a_unique_key_per_context() {
        let km = Keymap::embedded();
        for (i, a) in km.bindings.iter().enumerate() {
            for bnd in &km.bindings[i + 1..] {
                if a.ctx == bnd.ctx {
                    for k in &a.keys {
                        assert!(!bnd.keys.contains(k), "{:?} bound twice in {:?}", k, a.ctx);
                    }
                }
            }
        }
    }

    #[test]
    fn shifted_and_control_keys() {
        let ev = |code, m| KeyEvent::new(code, m);
        assert!(Key::ch('G').matches(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(Key::ctrl('c').matches(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert!(!Key::ch('c').matches(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    }
}
