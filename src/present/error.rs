//! One error, said once: the chain of causes joined with ": ", leaving out
//! a cause whose text the line already holds (an error that prints its
//! source and also returns it would otherwise read "X: e: e"). Every
//! command and the app's status line print errors through this.
//!
//! A load error in the chain is said in the asked language; other errors
//! (profile, score, teams, export) have English texts only.

use crate::i18n::Lang;
use crate::io::LoadError;
use std::error::Error;

/// The error and its causes as one line, in English.
pub fn error_text(e: &(dyn Error + 'static)) -> String {
    error_text_in(e, Lang::En)
}

/// The error and its causes as one line, a load error in `lang`. A load
/// error's text already holds its cause (a file's read error), so the
/// chain ends there.
pub fn error_text_in(e: &(dyn Error + 'static), lang: Lang) -> String {
    let mut parts = Vec::new();
    let mut cause = Some(e);
    while let Some(c) = cause {
        if let Some(load) = c.downcast_ref::<LoadError>() {
            parts.push(load.text(lang));
            break;
        }
        parts.push(c.to_string());
        cause = c.source();
    }
    join_causes(parts)
}

/// Join the texts of an error chain, outermost first, skipping empty ones
/// and any the line so far already contains. A cause that starts with what
/// the line ends with ("x: invalid profile" + "invalid profile: why") adds
/// only the rest.
pub fn join_causes(parts: impl IntoIterator<Item = String>) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() || out.contains(p) {
            continue;
        }
        let p = p
            .match_indices(": ")
            .map(|(k, _)| k)
            .filter(|&k| {
                out.strip_suffix(&p[..k])
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with(": "))
            })
            .last()
            .map_or(p, |k| &p[k + 2..]);
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("{path}: {source}")]
    struct Doubled {
        path: String,
        source: std::io::Error,
    }

    #[derive(Debug, thiserror::Error)]
    #[error("cannot export")]
    struct Outer(#[source] Doubled);

    #[test]
    fn a_cause_already_in_the_line_is_said_once() {
        let e = Outer(Doubled {
            path: "/x/y.csv".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not there"),
        });
        assert_eq!(error_text(&e), "cannot export: /x/y.csv: not there");
    }

    #[test]
    fn a_cause_repeating_the_end_of_the_line_adds_only_the_rest() {
        let s = join_causes([
            "p.toml: invalid profile".to_string(),
            "invalid profile: TOML parse error at line 6".into(),
        ]);
        assert_eq!(s, "p.toml: invalid profile: TOML parse error at line 6");
        // only whole parts count
        let s = join_causes(["x: abad".to_string(), "bad: d".into()]);
        assert_eq!(s, "x: abad: bad: d");
    }

    #[test]
    fn a_load_error_in_the_chain_is_said_in_the_language_asked() {
        let e = anyhow::Error::new(LoadError::Read {
            path: "x/b.geojson".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "No such file"),
        });
        assert_eq!(
            error_text(e.as_ref()),
            "x/b.geojson: cannot read file: No such file"
        );
        assert_eq!(
            error_text_in(e.as_ref(), Lang::Nl),
            "x/b.geojson: kan bestand niet lezen: bestand of map bestaat niet (No such file)"
        );
        let e = e.context("cannot load");
        assert_eq!(
            error_text_in(e.as_ref(), Lang::Nl),
            "cannot load: x/b.geojson: kan bestand niet lezen: bestand of map bestaat niet (No such file)"
        );
    }

    #[test]
    fn distinct_causes_are_all_kept() {
        let s = join_causes(["a".to_string(), "b".into(), "".into(), "c".into()]);
        assert_eq!(s, "a: b: c");
    }
}
