//! A correspondence between the codes of two years: `old;new;share` per
//! line, `;` or `,` separated, an optional header. `share` is the part of
//! the NEW unit that comes from the old one (1 for a renumbering; for a
//! merge of two halves 0.5 each; for a split each part of the old unit has
//! share 1). With that meaning one rule serves both: the old unit's
//! follow-up count is the share-weighted sum of the new units' counts, its
//! rate the share-weighted mean of their rates.

use super::error::EffectError;
use crate::i18n::Said;
use crate::said;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapEntry {
    pub old: String,
    pub new: String,
    pub share: f64,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CodeMap {
    pub file: String,
    pub entries: Vec<MapEntry>,
}

impl CodeMap {
    pub fn parse(file: &str, text: &str) -> Result<CodeMap, EffectError> {
        let err = |line: usize, message: Said, value: &str| EffectError::CodeMap {
            file: file.to_string(),
            line,
            message,
            value: value.to_string(),
        };
        let mut entries = Vec::new();
        for (i, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
            let line = i + 1;
            let l = raw.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let sep = if l.contains(';') { ';' } else { ',' };
            let fields: Vec<&str> = l.split(sep).map(|f| f.trim().trim_matches('"')).collect();
            if entries.is_empty()
                && fields
                    .first()
                    .is_some_and(|f| f.eq_ignore_ascii_case("old"))
            {
                continue;
            }
            let [old, new, share] = fields.as_slice() else {
                return Err(err(
                    line,
                    said!(
                        "drie velden old;new;share verwacht",
                        "expected three fields old;new;share"
                    ),
                    raw,
                ));
            };
            if old.is_empty() || new.is_empty() {
                return Err(err(line, said!("lege code", "empty code"), raw));
            }
            let share: f64 = share.replace(',', ".").parse().map_err(|_| {
                err(
                    line,
                    said!("share is geen getal", "share is not a number"),
                    share,
                )
            })?;
            if !(share > 0.0 && share <= 1.0) {
                return Err(err(
                    line,
                    said!("share moet in (0, 1] liggen", "share must be in (0, 1]"),
                    raw,
                ));
            }
            entries.push(MapEntry {
                old: old.to_string(),
                new: new.to_string(),
                share,
                line,
            });
        }
        if entries.is_empty() {
            return Err(EffectError::EmptyCodeMap {
                file: file.to_string(),
            });
        }
        Ok(CodeMap {
            file: file.to_string(),
            entries,
        })
    }

    /// The new codes and shares of an old code (empty when not mapped).
    pub fn targets(&self, old: &str) -> Vec<(&str, f64)> {
        self.entries
            .iter()
            .filter(|e| e.old == old)
            .map(|e| (e.new.as_str(), e.share))
            .collect()
    }

    pub fn is_target(&self, new: &str) -> bool {
        self.entries.iter().any(|e| e.new == new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Bilingual, Lang};

    #[test]
    fn a_bad_line_is_said_in_both_languages_with_the_value_as_written() {
        let e = CodeMap::parse("m.csv", "old;new;share\nBU1;BU2;veel\n").unwrap_err();
        assert_eq!(
            e.text(Lang::En),
            "m.csv, line 2: share is not a number (\"veel\")"
        );
        assert_eq!(e.text(Lang::En), e.to_string());
        assert_eq!(
            e.text(Lang::Nl),
            "m.csv, regel 2: share is geen getal (\"veel\")"
        );
    }

    #[test]
    fn parses_header_splits_and_decimal_commas() {
        let m = CodeMap::parse(
            "m.csv",
            "old;new;share\nBU1;BU2;1\nBU3;BU4;0,5\nBU3;BU5;0.5\n",
        )
        .unwrap();
        assert_eq!(m.entries.len(), 3);
        assert_eq!(m.targets("BU3"), vec![("BU4", 0.5), ("BU5", 0.5)]);
        assert!(m.is_target("BU2") && !m.is_target("BU1"));
    }

    #[test]
    fn bad_lines_name_file_line_and_value() {
        let e = CodeMap::parse("m.csv", "old;new;share\nBU1;BU2;veel\n").unwrap_err();
        let t = e.to_string();
        assert!(
            t.contains("m.csv") && t.contains("line 2") && t.contains("veel"),
            "{t}"
        );
        let e = CodeMap::parse("m.csv", "BU1;BU2;1.5\n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
        assert!(CodeMap::parse("m.csv", "old;new;share\n").is_err());
        assert!(CodeMap::parse("m.csv", "BU1;BU2\n").is_err());
    }
}
