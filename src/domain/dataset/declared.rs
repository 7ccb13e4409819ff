//! What a profile's `[disclosure]` section declares, for the cases that
//! column names cannot tell: files that are microdata whatever their
//! columns, counts with a name of their own (`dossiers`), and shares or
//! rates held in whole numbers, which would otherwise be taken for counts.
//!
//! Declarations only ever add protection or name a column's kind; a
//! declaration that matches nothing is reported, since a typo would leave a
//! file unprotected without a word.

use super::codes::custom_id;
use super::types::IndicatorMeta;
use crate::domain::registry;
use crate::domain::report::Issue;
use crate::i18n::{Bilingual, Lang, Said};
use crate::said;
use serde::{Deserialize, Serialize};

/// The `[disclosure]` section of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosureSettings {
    /// Files that are microdata: a file name (`zorg.csv`), a path, or a
    /// pattern with `*` and `?` (`microdata_*.csv`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub microdata: Vec<String>,
    /// Columns that are counts; the file holding one is microdata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<String>,
    /// Columns that are percentages (0-100): withheld when n*p or n*(1-p)
    /// is small, never taken for a count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shares: Vec<String>,
    /// Columns that are rates or means: withheld when their base is small,
    /// never taken for a count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<String>,
    /// Minimum units behind a microdata cell; `--min-cell` wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_cell: Option<u32>,
}

/// A column kind the profile declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclaredKind {
    Count,
    Share,
    Rate,
}

/// Why a `[disclosure]` section is rejected: the key, the value, and what
/// was expected, for someone editing the TOML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("[disclosure] {key} = {value}: {why}")]
pub struct DeclarationError {
    pub key: &'static str,
    pub value: String,
    pub why: Said,
}

impl Bilingual for DeclarationError {
    fn text(&self, lang: Lang) -> String {
        format!(
            "[disclosure] {} = {}: {}",
            self.key,
            self.value,
            self.why.pick(lang)
        )
    }
}

impl DisclosureSettings {
    pub fn is_default(&self) -> bool {
        *self == DisclosureSettings::default()
    }

    /// Checks that need no data.
    pub fn validate(&self) -> Result<(), DeclarationError> {
        if self.min_cell == Some(0) {
            return Err(DeclarationError {
                key: "min_cell",
                value: "0".into(),
                why: said!(
                    "moet minstens 1 zijn (de regel van het CBS is 10); 0 zou de onthullingscontrole uitzetten",
                    "must be at least 1 (CBS's rule is 10); 0 would switch disclosure control off"
                ),
            });
        }
        let lists = [
            ("microdata", &self.microdata),
            ("counts", &self.counts),
            ("shares", &self.shares),
            ("rates", &self.rates),
        ];
        for (key, list) in lists {
            if let Some(v) = list.iter().find(|v| v.trim().is_empty()) {
                return Err(DeclarationError {
                    key,
                    value: format!("{v:?}"),
                    why: said!(
                        "een lege naam verklaart niets",
                        "an empty name declares nothing"
                    ),
                });
            }
        }
        let kinds = [
            ("counts", &self.counts),
            ("shares", &self.shares),
            ("rates", &self.rates),
        ];
        for (i, (a, first)) in kinds.iter().enumerate() {
            for (b, second) in &kinds[i + 1..] {
                if let Some(c) = first.iter().find(|c| second.contains(c)) {
                    return Err(DeclarationError {
                        key: a,
                        value: format!("{c:?}"),
                        why: said!(
                            "staat ook in `{b}`; een kolom is van één soort",
                            "also listed in `{b}`; a column is one kind"
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    /// Whether a source (by the name it is quoted by) is declared microdata.
    /// A pattern without `/` is matched against the file name alone.
    pub fn declares_file(&self, source: &str) -> bool {
        self.microdata.iter().any(|p| file_matches(p, source))
    }

    /// The kind the profile declares for a column, if any.
    pub fn kind_of(&self, meta: &IndicatorMeta) -> Option<DeclaredKind> {
        let named = |list: &[String]| list.iter().any(|d| names_column(d, meta));
        if named(&self.counts) {
            Some(DeclaredKind::Count)
        } else if named(&self.shares) {
            Some(DeclaredKind::Share)
        } else if named(&self.rates) {
            Some(DeclaredKind::Rate)
        } else {
            None
        }
    }

    /// Declarations that match no file or column of this load.
    pub fn unmatched(&self, sources: &[&str], columns: &[&IndicatorMeta]) -> Vec<Issue> {
        let mut out = Vec::new();
        for p in &self.microdata {
            if !sources.iter().any(|s| file_matches(p, s)) {
                out.push(Issue::file(
                    "profile [disclosure]",
                    said!(
                        "microdata = {p:?} past bij geen invoerbestand",
                        "microdata = {p:?} matches no input file"
                    ),
                ));
            }
        }
        for (key, list) in [
            ("counts", &self.counts),
            ("shares", &self.shares),
            ("rates", &self.rates),
        ] {
            for c in list {
                if !columns.iter().any(|m| names_column(c, m)) {
                    out.push(Issue::file(
                        "profile [disclosure]",
                        said!(
                            "{key} = {c:?} past bij geen kolom van de invoer",
                            "{key} = {c:?} matches no column of the inputs"
                        ),
                    ));
                }
            }
        }
        out
    }
}

/// A declared name matches a column by its header as in the file, its id,
/// or the id the registry gives that name.
fn names_column(declared: &str, meta: &IndicatorMeta) -> bool {
    let d = declared.trim();
    d == meta.id
        || d.eq_ignore_ascii_case(meta.header.trim())
        || custom_id(d) == meta.id
        || registry::lookup(d).is_some_and(|r| r.id == meta.id)
}

fn file_matches(pattern: &str, source: &str) -> bool {
    let name = source.strip_prefix("sample:").unwrap_or(source);
    if pattern.contains('/') || pattern.contains('\\') {
        glob(pattern.as_bytes(), name.as_bytes())
    } else {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        glob(pattern.as_bytes(), file.as_bytes())
    }
}

/// `*` is any run of characters, `?` any one; nothing else is special.
fn glob(p: &[u8], s: &[u8]) -> bool {
    let (mut pi, mut si) = (0, 0);
    // Where the last `*` was, and the text position it now stands for.
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, si));
                pi += 1;
            }
            Some(&c) if c == b'?' || c == s[si] => {
                pi += 1;
                si += 1;
            }
            _ => match star {
                Some((sp, ss)) => {
                    pi = sp + 1;
                    si = ss + 1;
                    star = Some((sp, ss + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str, header: &str) -> IndicatorMeta {
        IndicatorMeta {
            id: id.into(),
            label_nl: header.into(),
            label_en: header.into(),
            unit: String::new(),
            direction: None,
            sensitive: false,
            known: false,
            derived: false,
            source: "x.csv".into(),
            header: header.into(),
            micro: None,
        }
    }

    #[test]
    fn patterns_match_the_file_name_or_the_whole_path() {
        let s = DisclosureSettings {
            microdata: vec!["microdata_*.csv".into(), "data/zorg?.csv".into()],
            ..Default::default()
        };
        assert!(s.declares_file("/home/a/microdata_2024.csv"));
        assert!(s.declares_file("sample:sample-data/microdata_denkerveen.csv"));
        assert!(!s.declares_file("/home/a/microdata_2024.csv.bak"));
        assert!(!s.declares_file("kwb_2024.csv"));
        assert!(s.declares_file("data/zorg1.csv"));
        assert!(!s.declares_file("other/zorg1.csv"));
        assert!(!s.declares_file("data/zorg12.csv"));
        assert!(glob(b"*a*b", b"xaab"));
        assert!(!glob(b"*a*b", b"xaabc"));
        assert!(glob(b"**", b""));
    }

    #[test]
    fn a_column_is_named_by_header_or_id() {
        let s = DisclosureSettings {
            counts: vec!["Aantal dossiers".into()],
            shares: vec!["score".into()],
            ..Default::default()
        };
        assert_eq!(
            s.kind_of(&meta("aantal_dossiers", "Aantal dossiers")),
            Some(DeclaredKind::Count)
        );
        assert_eq!(
            s.kind_of(&meta("score", "Score ")),
            Some(DeclaredKind::Share)
        );
        assert_eq!(s.kind_of(&meta("scores", "scores")), None);
    }

    #[test]
    fn bad_declarations_name_key_and_value() {
        let both = DisclosureSettings {
            counts: vec!["x".into()],
            rates: vec!["x".into()],
            ..Default::default()
        };
        assert_eq!(
            both.validate().unwrap_err().to_string(),
            "[disclosure] counts = \"x\": also listed in `rates`; a column is one kind"
        );
        let zero = DisclosureSettings {
            min_cell: Some(0),
            ..Default::default()
        };
        assert!(zero
            .validate()
            .unwrap_err()
            .to_string()
            .contains("min_cell = 0"));
        let empty = DisclosureSettings {
            microdata: vec![" ".into()],
            ..Default::default()
        };
        assert!(empty
            .validate()
            .unwrap_err()
            .to_string()
            .starts_with("[disclosure] microdata = \" \""));
    }

    #[test]
    fn declarations_that_match_nothing_are_reported() {
        let s = DisclosureSettings {
            microdata: vec!["zorg.csv".into(), "kwb*.csv".into()],
            counts: vec!["dosiers".into()],
            ..Default::default()
        };
        let m = meta("dossiers", "dossiers");
        let issues = s.unmatched(&["/d/kwb_2024.csv"], &[&m]);
        let texts: Vec<String> = issues.iter().map(|i| i.message.en.clone()).collect();
        assert_eq!(
            texts,
            [
                "microdata = \"zorg.csv\" matches no input file",
                "counts = \"dosiers\" matches no column of the inputs"
            ]
        );
    }
}
