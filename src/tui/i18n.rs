//! The team pane's view of the string catalogue, kept until that pane
//! reads [`crate::i18n::Msg`] directly like the others. Every text here
//! comes from the catalogue.

use crate::i18n::{Lang, Msg};

pub struct TeamTexts {
    lang: Lang,
    pub no_unit: &'static str,
    pub always: &'static str,
    pub because: &'static str,
    pub over_cap: &'static str,
    pub unmet: &'static str,
    pub note: &'static str,
}

pub fn texts(lang: Lang) -> TeamTexts {
    TeamTexts {
        lang,
        no_unit: Msg::NoUnit.text(lang),
        always: Msg::Always.text(lang),
        because: Msg::Because.text(lang),
        over_cap: Msg::OverCap.text(lang),
        unmet: Msg::Unmet.text(lang),
        note: Msg::Note.text(lang),
    }
}

impl TeamTexts {
    pub fn team_title(&self, name: &str, n: usize) -> String {
        Msg::TeamTitle.fill(self.lang, &[&name, &n])
    }
}
