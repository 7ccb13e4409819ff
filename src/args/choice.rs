//! The output language and the choices by hand that rank, teams and export
//! share (the app has its own `--lang` and makes its choices with Enter).

use crate::domain::analysis::{Analysis, HandError};
use crate::domain::dataset::Dataset;
use crate::domain::profile::Profile;
use crate::i18n::Lang;
use clap::Args;

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
        self.lang
            .unwrap_or_else(|| match profile.and_then(|p| p.lang.as_deref()) {
                Some("en") => Lang::En,
                _ => Lang::Nl,
            })
    }
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
    pub fn apply(&self, ds: &Dataset, a: &mut Analysis) -> Result<(), HandError> {
        if self.include.is_empty() && self.exclude.is_empty() {
            return Ok(());
        }
        a.choose_by_hand(ds, &self.include, &self.exclude)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
