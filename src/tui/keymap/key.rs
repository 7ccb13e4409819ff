//! One key as a binding names it ("k", "G", "ctrl-c", "pagedown"), how
//! it matches a terminal event and how the help and footer show it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// Names of the keys that are not one character, as written in a keys file.
const NAMED: [(&str, KeyCode); 14] = [
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
];

impl Key {
    pub const fn new(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub const fn ch(c: char) -> Key {
        Key::new(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// Parse a key as written in a keys file; `None` when it names no key.
    /// One character is that character, case and all ('G' is shift-g);
    /// names are case-insensitive; `ctrl-` takes one character.
    pub fn parse(s: &str) -> Option<Key> {
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Some(Key::ch(c));
        }
        let lower = s.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("ctrl-") {
            let mut cs = rest.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) if !c.is_whitespace() => Some(Key::ctrl(c)),
                _ => None,
            };
        }
        if lower == "space" {
            return Some(Key::ch(' '));
        }
        if lower == "insert" {
            return Some(Key::new(KeyCode::Insert));
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            return (1..=12).contains(&n).then_some(Key::new(KeyCode::F(n)));
        }
        NAMED
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|&(_, code)| Key::new(code))
    }

    pub fn matches(&self, ev: &KeyEvent) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_and_control_keys() {
        let ev = |code, m| KeyEvent::new(code, m);
        assert!(Key::ch('G').matches(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(Key::ctrl('c').matches(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert!(!Key::ch('c').matches(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    }

    #[test]
    fn parses_what_a_keys_file_writes() {
        assert_eq!(Key::parse("k"), Some(Key::ch('k')));
        assert_eq!(Key::parse("G"), Some(Key::ch('G')));
        assert_eq!(Key::parse("-"), Some(Key::ch('-')));
        assert_eq!(Key::parse("ctrl-c"), Some(Key::ctrl('c')));
        assert_eq!(Key::parse("Ctrl-C"), Some(Key::ctrl('c')));
        assert_eq!(Key::parse("PageDown"), Some(Key::new(KeyCode::PageDown)));
        assert_eq!(Key::parse("space"), Some(Key::ch(' ')));
        assert_eq!(Key::parse("f5"), Some(Key::new(KeyCode::F(5))));
        for bad in ["", "ctrl-shift-foo", "ctrl-", "f13", "pgdn", "kk"] {
            assert_eq!(Key::parse(bad), None, "{bad}");
        }
    }
}
