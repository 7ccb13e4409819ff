//! One error, said once: the chain of causes joined with ": ", leaving out
//! a cause whose text the line already holds (an error that prints its
//! source and also returns it would otherwise read "X: e: e"). Every
//! command and the app's status line print errors through this.
//!
//! Every error of ours in the chain (load, fetch, profile, score, teams,
//! effect, export, hand choice, comparison, keys file) is said in the asked
//! language through [`Bilingual`]: one list of the types below, so a new
//! error type is added in one place. Other errors (a library's, anyhow's
//! context) keep their own text.

use crate::domain::analysis::HandError;
use crate::domain::compare::CompareError;
use crate::domain::dataset::DeclarationError;
use crate::domain::effect::EffectError;
use crate::domain::profile::ProfileError;
use crate::domain::score::ScoreError;
use crate::domain::teams::TeamError;
use crate::export::ExportError;
use crate::fetch::error::FetchError;
use crate::i18n::{Bilingual, Lang};
use crate::io::LoadError;
use crate::tui::keymap::KeymapError;
use std::error::Error;

impl Bilingual for LoadError {
    fn text(&self, lang: Lang) -> String {
        LoadError::text(self, lang)
    }
}

/// The error as one of ours, if it is.
fn bilingual<'a>(e: &'a (dyn Error + 'static)) -> Option<&'a dyn Bilingual> {
    macro_rules! first_of {
        ($($t:ty),+ $(,)?) => {
            $(if let Some(b) = e.downcast_ref::<$t>() {
                return Some(b);
            })+
        };
    }
    first_of!(
        LoadError,
        FetchError,
        ProfileError,
        DeclarationError,
        ScoreError,
        HandError,
        CompareError,
        TeamError,
        EffectError,
        ExportError,
        KeymapError,
    );
    None
}

/// The error and its causes as one line, in English.
pub fn error_text(e: &(dyn Error + 'static)) -> String {
    error_text_in(e, Lang::En)
}

/// The error and its causes as one line, each of our errors in `lang`. A
/// load error's text already holds its cause (a file's read error), so the
/// chain ends there; another error's cause that its text already quotes
/// is left out by [`join_causes`].
pub fn error_text_in(e: &(dyn Error + 'static), lang: Lang) -> String {
    let mut parts = Vec::new();
    let mut cause = Some(e);
    while let Some(c) = cause {
        match bilingual(c) {
            Some(b) => parts.push(b.text(lang)),
            None => parts.push(c.to_string()),
        }
        if c.is::<LoadError>() {
            break;
        }
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
    fn every_error_of_ours_in_the_chain_is_said_in_the_language_asked() {
        use crate::domain::profile::ProfileError;
        let e = anyhow::Error::new(ProfileError::DuplicateIndicator { id: "a".into() })
            .context("p.toml: invalid profile");
        assert_eq!(
            error_text_in(e.as_ref(), Lang::En),
            "p.toml: invalid profile: indicator `a` is listed more than once"
        );
        assert_eq!(
            error_text_in(e.as_ref(), Lang::Nl),
            "p.toml: invalid profile: indicator `a` staat er meer dan eens in"
        );
        let e = anyhow::Error::new(CompareError::Same { code: "BU1".into() });
        assert_eq!(
            error_text_in(e.as_ref(), Lang::Nl),
            "een eenheid met zichzelf vergelijken (BU1) zegt niets"
        );
        assert_eq!(error_text(e.as_ref()), e.to_string());
    }

    #[test]
    fn a_system_reason_is_framed_in_dutch_and_said_once() {
        let e = ExportError::Io {
            path: "/x/kaart.svg".into(),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "Permission denied"),
        };
        assert_eq!(error_text(&e), "/x/kaart.svg: Permission denied");
        assert_eq!(
            error_text_in(&e, Lang::Nl),
            "/x/kaart.svg: geen toegang (Permission denied)"
        );
        let e = ExportError::NoFolder {
            path: "/x/y/kaart.svg".into(),
            folder: "/x/y".into(),
            exists: false,
        };
        assert_eq!(
            error_text_in(&e, Lang::Nl),
            "/x/y/kaart.svg: map /x/y bestaat niet"
        );
        assert_eq!(
            error_text_in(&e, Lang::En),
            "/x/y/kaart.svg: folder /x/y does not exist"
        );
    }

    #[test]
    fn distinct_causes_are_all_kept() {
        let s = join_causes(["a".to_string(), "b".into(), "".into(), "c".into()]);
        assert_eq!(s, "a: b: c");
    }
}
