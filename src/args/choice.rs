//! The output language and the choices by hand that rank, teams and export
//! share (the app has its own `--lang` and makes its choices with Enter).

use crate::domain::analysis::{Analysis, HandError};
use crate::domain::dataset::Dataset;
use crate::domain::profile::Profile;
use crate::i18n::{Lang, Said};
use clap::Args;
use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Args, Default)]
pub struct LangArgs {
    /// Language of every human-facing text (default: the profile's `lang`,
    /// else nl).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

impl LangArgs {
    /// The flag, else the profile's `lang` key, else Dutch.
    pub fn resolve(&self, profile: Option<&Profile>) -> Lang {
        self.lang.unwrap_or_else(|| profile_lang(profile))
    }

    /// Remember the command's `--lang` flag, so that a text an error
    /// carries is made in the language `main` will print it in.
    pub fn note_flag(flag: Option<Lang>) {
        FLAG_LANG.store(encode(flag), Ordering::Relaxed);
    }
}

/// The language of the error that ends a command: the noted flag, else the
/// `lang` of the profile the command loaded (when it got that far), else
/// Dutch - the rule of [`LangArgs::resolve`], for a command that may have
/// failed before it resolved its language.
pub fn error_lang() -> Lang {
    decode(FLAG_LANG.load(Ordering::Relaxed))
        .or(decode(LOADED_PROFILE_LANG.load(Ordering::Relaxed)))
        .unwrap_or(Lang::Nl)
}

/// A text for the error line that ends a command, in [`error_lang`]: an
/// error can arise before the command resolved its language (a profile
/// that cannot be read), and one line reads in one language.
pub fn error_text(text: Said) -> String {
    text.pick(error_lang()).to_string()
}

fn profile_lang(profile: Option<&Profile>) -> Lang {
    match profile.and_then(|p| p.lang.as_deref()) {
        Some("en") => Lang::En,
        _ => Lang::Nl,
    }
}

/// The `lang` of the last profile a command loaded, for the error line
/// `main` prints after the command returned (0: none loaded).
static LOADED_PROFILE_LANG: AtomicU8 = AtomicU8::new(0);
/// The command's `--lang` flag as `main` noted it (0: not given).
static FLAG_LANG: AtomicU8 = AtomicU8::new(0);

fn encode(lang: Option<Lang>) -> u8 {
    match lang {
        None => 0,
        Some(Lang::Nl) => 1,
        Some(Lang::En) => 2,
    }
}

fn decode(v: u8) -> Option<Lang> {
    match v {
        1 => Some(Lang::Nl),
        2 => Some(Lang::En),
        _ => None,
    }
}

/// Remember the language of a profile the command just read.
pub(crate) fn note_loaded_profile(p: &Profile) {
    LOADED_PROFILE_LANG.store(encode(Some(profile_lang(Some(p)))), Ordering::Relaxed);
}

#[derive(Debug, Clone, Args, Default)]
pub struct HandArgs {
    /// Put this unit on the shortlist by hand, whatever the rules say
    /// (code, repeatable); outputs mark it as chosen by hand.
    #[arg(long, value_name = "CODE")]
    pub include: Vec<String>,
    /// Take this unit off the rules' shortlist by hand (code, repeatable);
    /// outputs list it as removed by hand.
    #[arg(long, value_name = "CODE")]
    pub exclude: Vec<String>,
}

impl HandArgs {
    /// The profile's `[shortlist]` choices, then the flags: a flag wins
    /// over the profile for the same code.
    pub fn apply(&self, ds: &Dataset, a: &mut Analysis) -> Result<(), HandError> {
        let saved = &a.profile.shortlist;
        let merge = |from_profile: &[String], flags: &[String], other: &[String]| {
            let mut out: Vec<String> = from_profile
                .iter()
                .filter(|c| !other.iter().any(|o| o.eq_ignore_ascii_case(c)))
                .cloned()
                .collect();
            for c in flags {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(c)) {
                    out.push(c.clone());
                }
            }
            out
        };
        let include = merge(&saved.include, &self.include, &self.exclude);
        // `--exclude` of a unit the profile put on by hand only cancels that.
        let flags: Vec<String> = self
            .exclude
            .iter()
            .filter(|c| !saved.include.iter().any(|o| o.eq_ignore_ascii_case(c)))
            .cloned()
            .collect();
        let exclude = merge(&saved.exclude, &flags, &self.include);
        if include.is_empty() && exclude.is_empty() {
            return Ok(());
        }
        a.choose_by_hand(ds, &include, &exclude)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::analysis::RunOptions;
    use crate::io::{load, Inputs};

    #[test]
    fn the_profiles_shortlist_applies_and_a_flag_overrides_it() {
        let ds = load(&Inputs::sample()).unwrap();
        let mut p = Profile::smartstart().unwrap();
        let fast = RunOptions {
            skip_stability: true,
            skip_candidates: true,
        };
        let plain = Analysis::run(&ds, &p, fast).unwrap();
        let outside = *plain
            .ranking
            .order
            .iter()
            .find(|u| !plain.ranking.shortlist.contains(u))
            .unwrap();
        let first = plain.ranking.shortlist[0];
        let code = |u: usize| plain.units[u].code.clone();
        p.shortlist.include = vec![code(outside)];
        p.shortlist.exclude = vec![code(first)];
        let mut a = Analysis::run(&ds, &p, fast).unwrap();
        HandArgs::default().apply(&ds, &mut a).unwrap();
        assert!(a.ranking.shortlist.contains(&outside));
        assert!(!a.ranking.shortlist.contains(&first));
        let mut a = Analysis::run(&ds, &p, fast).unwrap();
        let flags = HandArgs {
            include: vec![code(first)],
            exclude: vec![code(outside)],
        };
        flags.apply(&ds, &mut a).unwrap();
        assert!(!a.ranking.shortlist.contains(&outside));
        assert!(a.ranking.shortlist.contains(&first));
    }

    #[test]
    fn the_flag_wins_over_the_profile_and_dutch_is_the_default() {
        let mut p = Profile::smartstart().unwrap();
        assert_eq!(LangArgs::default().resolve(Some(&p)), Lang::Nl);
        assert_eq!(LangArgs::default().resolve(None), Lang::Nl);
        p.lang = Some("en".into());
        assert_eq!(LangArgs::default().resolve(Some(&p)), Lang::En);
        let nl = LangArgs {
            lang: Some(Lang::Nl),
        };
        assert_eq!(nl.resolve(Some(&p)), Lang::Nl);
    }
}
