//! The Dutch/English string catalogue shared by every front end.
//!
//! One mechanism: every text has a [`Msg`] id and a Dutch and an English
//! form in one table ([`msg`]); [`Msg::text`] looks it up, and
//! [`Msg::fill`] puts figures into the `{0}`, `{1}` … slots of a template.
//! Domain enums map to ids in [`domain`]; the domain's notes are kinds
//! that `present::notes` says through [`Rt`]. Codes and file names are not
//! translated. The texts of a load, made where the file's figures are
//! known, are [`Said`]: both forms at once, formatted by [`said!`](crate::said).

pub mod bilingual;
pub mod domain;
mod msg;
pub mod report;
pub mod said;

pub use bilingual::Bilingual;
pub use msg::Msg;
pub use report::Rt;
pub use said::Said;
use std::fmt::Display;

/// Interface language; Dutch, the language of the users and of CBS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// One of two forms, for the few texts that are data rather than
    /// catalogue entries (indicator and role names, key descriptions).
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = self.forms();
        lang.pick(nl, en)
    }

    /// The text with `{i}` replaced by `args[i]`. A slot without an
    /// argument stays as written, so a missing figure is visible rather
    /// than silently dropped.
    pub fn fill(self, lang: Lang, args: &[&dyn Display]) -> String {
        fill(self.text(lang), args)
    }
}

pub(crate) fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after
            .find('}')
            .and_then(|close| Some((after[..close].parse::<usize>().ok()?, close)));
        match slot.and_then(|(i, close)| Some((args.get(i)?, close))) {
            Some((arg, close)) => {
                out.push_str(&arg.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_slots_in_any_order() {
        assert_eq!(fill("{1} van {0}", &[&3, &"x"]), "x van 3");
        assert_eq!(fill("{0}×{1}", &[&80, &24]), "80×24");
        assert_eq!(fill("{x} {2}", &[&1]), "{x} {2}");
        assert_eq!(fill("geen", &[]), "geen");
    }

    #[test]
    fn dutch_is_the_default() {
        assert_eq!(Lang::default(), Lang::Nl);
        assert_eq!(Msg::Ranked.text(Lang::default()), "gerangschikt");
        assert_eq!(Msg::Ranked.text(Lang::En), "ranked");
    }

    #[test]
    fn every_template_slot_is_filled_alike_in_both_languages() {
        for m in Msg::ALL {
            let slots = |s: &str| {
                let mut v: Vec<String> = (0..5)
                    .map(|i| format!("{{{i}}}"))
                    .filter(|p| s.contains(p.as_str()))
                    .collect();
                v.sort();
                v
            };
            let (nl, en) = m.forms();
            assert_eq!(slots(nl), slots(en), "{m:?}");
        }
    }
}
