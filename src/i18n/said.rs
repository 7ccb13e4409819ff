//! A text said in both languages at the place it was made: the warnings
//! and errors of a load carry figures and values of the file (a line, a
//! code, a cell), so they are formatted where those are known, once in
//! Dutch and once in English, and the front end picks one.
//!
//! [`said!`](crate::said) formats both forms from one set of arguments, so a
//! call site keeps its figures in one place; it checks while compiling
//! that both templates use the same `{placeholders}`.

use super::{Lang, Msg};
use std::fmt::{self, Display};

/// One text in Dutch and in English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said {
    pub nl: String,
    pub en: String,
}

impl Said {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Said {
        Said {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// A text that is the same in both languages: a name, a code, a value
    /// quoted from a file, or a library's own message.
    pub fn same(text: impl Into<String>) -> Said {
        let text = text.into();
        Said {
            nl: text.clone(),
            en: text,
        }
    }

    /// A catalogue text with its figures, in both languages.
    pub fn msg(m: Msg, args: &[&dyn Display]) -> Said {
        Said {
            nl: m.fill(Lang::Nl, args),
            en: m.fill(Lang::En, args),
        }
    }

    pub fn pick(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }

    pub fn is_empty(&self) -> bool {
        self.nl.is_empty() && self.en.is_empty()
    }

    /// Each form with the same form of `other` after `sep`.
    pub fn join(&self, sep: &str, other: &Said) -> Said {
        Said {
            nl: format!("{}{sep}{}", self.nl, other.nl),
            en: format!("{}{sep}{}", self.en, other.en),
        }
    }
}

/// A name that reads the same in both languages ("GeoJSON", "CSV").
impl From<&str> for Said {
    fn from(text: &str) -> Said {
        Said::same(text)
    }
}

/// English, the form logs and machine formats keep.
impl Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// `said!("regel {n}: ...", "line {n}: ...", args...)`: a [`Said`] whose
/// Dutch and English forms are formatted from the same arguments (named
/// captures work as in `format!`). Both templates must name the same
/// placeholders; a pair that does not fails to compile. The arguments are
/// evaluated for each form: pass values and cheap expressions (a moved
/// value does not compile, so nothing is lost silently).
#[macro_export]
macro_rules! said {
    ($nl:literal, $en:literal $(,)?) => {{
        const _: () = assert!(
            $crate::i18n::said::same_slots($nl, $en),
            "said!: the Dutch and English templates differ in their placeholders"
        );
        $crate::i18n::Said {
            nl: format!($nl),
            en: format!($en),
        }
    }};
    // `said!(nl, en; part, ...)` or `said!(nl, en; part, ...; args...)`:
    // each named part is a `Said` put in as its own form, for a message
    // built from a part that is itself said in both languages.
    ($nl:literal, $en:literal; $($part:ident),+ $(; $($arg:tt)+)?) => {{
        const _: () = assert!(
            $crate::i18n::said::same_slots($nl, $en),
            "said!: the Dutch and English templates differ in their placeholders"
        );
        $crate::i18n::Said {
            nl: {
                $(let $part = &$part.nl;)+
                format!($nl $(, $($arg)+)?)
            },
            en: {
                $(let $part = &$part.en;)+
                format!($en $(, $($arg)+)?)
            },
        }
    }};
    ($nl:literal, $en:literal, $($arg:tt)+) => {{
        const _: () = assert!(
            $crate::i18n::said::same_slots($nl, $en),
            "said!: the Dutch and English templates differ in their placeholders"
        );
        $crate::i18n::Said {
            nl: format!($nl, $($arg)+),
            en: format!($en, $($arg)+),
        }
    }};
}

/// Whether two format templates hold the same placeholders: every `{...}`
/// of one occurs in the other, and both have as many (`{{` is a brace, not
/// a placeholder). Positional `{}` must come in the same order anyway, as
/// both forms take the same arguments.
pub const fn same_slots(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    count_slots(a) == count_slots(b) && all_slots_in(a, b) && all_slots_in(b, a)
}

/// The end (exclusive) of the placeholder opening at `i`, or `None` when
/// `i` is no placeholder start.
const fn slot_end(s: &[u8], i: usize) -> Option<usize> {
    if s[i] != b'{' || (i + 1 < s.len() && s[i + 1] == b'{') {
        return None;
    }
    let mut j = i + 1;
    while j < s.len() {
        if s[j] == b'}' {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

/// Step past `{{` and `}}` so they are not read as placeholders.
const fn skip_escape(s: &[u8], i: usize) -> usize {
    if i + 1 < s.len() && ((s[i] == b'{' && s[i + 1] == b'{') || (s[i] == b'}' && s[i + 1] == b'}'))
    {
        i + 2
    } else {
        i + 1
    }
}

const fn count_slots(s: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        match slot_end(s, i) {
            Some(end) => {
                n += 1;
                i = end;
            }
            None => i = skip_escape(s, i),
        }
    }
    n
}

const fn all_slots_in(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() {
        match slot_end(a, i) {
            Some(end) => {
                if !has_slot(b, a, i, end) {
                    return false;
                }
                i = end;
            }
            None => i = skip_escape(a, i),
        }
    }
    true
}

/// Whether `s` holds the placeholder `slot[from..to]`.
const fn has_slot(s: &[u8], slot: &[u8], from: usize, to: usize) -> bool {
    let mut i = 0;
    while i < s.len() {
        match slot_end(s, i) {
            Some(end) => {
                if end - i == to - from {
                    let mut k = 0;
                    while k < to - from && s[i + k] == slot[from + k] {
                        k += 1;
                    }
                    if k == to - from {
                        return true;
                    }
                }
                i = end;
            }
            None => i = skip_escape(s, i),
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_take_the_same_figures() {
        let n = 12;
        let s = crate::said!("regel {n}: {} velden", "line {n}: {} fields", 3);
        assert_eq!(s.nl, "regel 12: 3 velden");
        assert_eq!(s.en, "line 12: 3 fields");
        assert_eq!(s.pick(Lang::Nl), "regel 12: 3 velden");
        assert_eq!(s.pick(Lang::En), "line 12: 3 fields");
        assert_eq!(s.to_string(), "line 12: 3 fields");
        let part = crate::said!("gat {n}", "hole {n}");
        let s = crate::said!("{part} heeft {} posities", "{part} has {} positions"; part; 3);
        assert_eq!(s.nl, "gat 12 heeft 3 posities");
        assert_eq!(s.en, "hole 12 has 3 positions");
    }

    #[test]
    fn placeholders_are_compared_by_name_and_count() {
        assert!(same_slots("regel {n}", "line {n}"));
        assert!(same_slots("{b} van {a}", "{a} of {b}"));
        assert!(same_slots("{{letterlijk}} {x:?}", "{x:?} {{literal}}"));
        assert!(same_slots("geen", "none"));
        assert!(!same_slots("regel {n}", "line {m}"));
        assert!(!same_slots("regel {n}", "line"));
        assert!(!same_slots("{} en {}", "{}"));
        assert!(!same_slots("{x:?}", "{x}"));
        assert!(!same_slots("{{x}}", "{x}"));
    }

    /// Every `said!` pair in the sources, read as text: the compile-time
    /// check guards each one, this shows the pairs it guards are all found
    /// and agree (a pair split over lines with a comment between would
    /// escape the reading here, not the compiler).
    #[test]
    fn every_said_pair_in_the_sources_has_the_same_placeholders() {
        let mut pairs = 0;
        let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("said!(") {
                    let rest = text[at + 6..].trim_start();
                    if !rest.starts_with('"') {
                        continue;
                    }
                    let (nl, rest) = literal(rest);
                    let rest = rest.trim_start().trim_start_matches(',').trim_start();
                    if !rest.starts_with('"') {
                        continue;
                    }
                    let (en, _) = literal(rest);
                    assert!(same_slots(&nl, &en), "{}: {nl:?} / {en:?}", path.display());
                    pairs += 1;
                }
            }
        }
        assert!(pairs > 80, "only {pairs} said! pairs found");
    }

    /// The string literal at the start of `s` (a `"` first) and the rest.
    fn literal(s: &str) -> (String, &str) {
        let mut out = String::new();
        let mut chars = s.char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, e)) = chars.next() {
                        out.push('\\');
                        out.push(e);
                    }
                }
                '"' => return (out, &s[i + 1..]),
                c => out.push(c),
            }
        }
        (out, "")
    }
}
