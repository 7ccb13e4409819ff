//! Domain enums to catalogue ids, so every front end names a missing
//! value, a stability label or an ineligibility reason the same way.

use super::{Lang, Msg};
use crate::domain::select::IneligibleReason;
use crate::domain::uncertainty::StabilityLabel;
use crate::domain::value::Missing;

pub fn missing(m: Missing) -> Msg {
    match m {
        Missing::Secret => Msg::MissingSecret,
        Missing::CannotOccur => Msg::MissingCannotOccur,
        Missing::NotYetPublished => Msg::MissingNotYetPublished,
        Missing::Discontinued => Msg::MissingDiscontinued,
        Missing::OtherSentinel => Msg::MissingOtherSentinel,
        Missing::NotInInput => Msg::MissingNotInInput,
        Missing::Invalid => Msg::MissingInvalid,
        Missing::Suppressed => Msg::MissingSuppressed,
    }
}

pub fn stability_label(l: StabilityLabel) -> Msg {
    match l {
        StabilityLabel::RobustIn => Msg::RobustIn,
        StabilityLabel::Borderline => Msg::Borderline,
        StabilityLabel::Out => Msg::Out,
    }
}

pub fn reason(r: &IneligibleReason, lang: Lang) -> String {
    use IneligibleReason as R;
    match r {
        R::OutsideGemeenten { gemeente } => Msg::OutsideGemeenten.fill(lang, &[gemeente]),
        R::Water => Msg::Water.text(lang).into(),
        R::ZeroPopulation => Msg::ZeroPopulation.text(lang).into(),
        R::TooFewSchools { have: None, min } => Msg::SchoolsUnknown.fill(lang, &[min]),
        R::TooFewSchools { have: Some(h), min } => Msg::TooFewSchools.fill(lang, &[h, min]),
        R::TooFewInhabitants { have: None, min } => Msg::InhabitantsUnknown.fill(lang, &[min]),
        R::TooFewInhabitants { have: Some(h), min } => Msg::TooFewInhabitants.fill(lang, &[h, min]),
        R::TooFewChildren { have: None, min } => Msg::ChildrenUnknown.fill(lang, &[min]),
        R::TooFewChildren { have: Some(h), min } => Msg::TooFewChildren.fill(lang, &[h, min]),
        R::CoverageTooLow { coverage, min } => Msg::CoverageTooLow.fill(
            lang,
            &[
                &format!("{:.0}", coverage * 100.0),
                &format!("{:.0}", min * 100.0),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The English forms are the domain's own labels, which the command
    // line and the exports print: the catalogue must not drift from them.

    #[test]
    fn english_missing_and_stability_match_the_domain() {
        for m in [
            Missing::Secret,
            Missing::CannotOccur,
            Missing::NotYetPublished,
            Missing::Discontinued,
            Missing::OtherSentinel,
            Missing::NotInInput,
            Missing::Invalid,
            Missing::Suppressed,
        ] {
            assert_eq!(missing(m).text(Lang::En), m.label());
        }
        for l in [
            StabilityLabel::RobustIn,
            StabilityLabel::Borderline,
            StabilityLabel::Out,
        ] {
            assert_eq!(stability_label(l).text(Lang::En), l.label());
        }
    }

    #[test]
    fn english_reasons_match_the_domain() {
        let all = [
            IneligibleReason::OutsideGemeenten {
                gemeente: "GM0001".into(),
            },
            IneligibleReason::Water,
            IneligibleReason::ZeroPopulation,
            IneligibleReason::TooFewSchools { have: None, min: 2 },
            IneligibleReason::TooFewSchools {
                have: Some(1),
                min: 2,
            },
            IneligibleReason::TooFewInhabitants {
                have: None,
                min: 500.0,
            },
            IneligibleReason::TooFewInhabitants {
                have: Some(120.0),
                min: 500.0,
            },
            IneligibleReason::TooFewChildren {
                have: None,
                min: 50.0,
            },
            IneligibleReason::TooFewChildren {
                have: Some(12.5),
                min: 50.0,
            },
            IneligibleReason::CoverageTooLow {
                coverage: 0.456,
                min: 0.6,
            },
        ];
        for r in &all {
            assert_eq!(reason(r, Lang::En), r.to_string());
            assert!(!reason(r, Lang::Nl).contains('{'), "{r:?}");
        }
    }
}
