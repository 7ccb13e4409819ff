//! The texts of the reports and command output (memo, tables, teams), in
//! their own table so the app's catalogue ([`super::Msg`]) stays as it is.
//! Same rules: Dutch first, `{0}`, `{1}` … slots, both forms alike.

use super::{fill, Lang};
use std::fmt::Display;

macro_rules! report_catalogue {
    ($($id:ident => $nl:expr, $en:expr;)*) => {
        /// The id of a report text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rt {
            $($id,)*
        }

        impl Rt {
            pub const ALL: &'static [Rt] = &[$(Rt::$id,)*];

            /// (Dutch, English)
            pub fn forms(self) -> (&'static str, &'static str) {
                match self {
                    $(Rt::$id => ($nl, $en),)*
                }
            }
        }
    };
}

impl Rt {
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = self.forms();
        lang.pick(nl, en)
    }

    pub fn fill(self, lang: Lang, args: &[&dyn Display]) -> String {
        fill(self.text(lang), args)
    }
}

report_catalogue! {
    // Counted nouns: singular, plural
    SchoolOne => "basisschool", "primary school";
    SchoolMany => "basisscholen", "primary schools";
    InhabitantOne => "inwoner", "inhabitant";
    InhabitantMany => "inwoners", "inhabitants";
    ChildOne => "kind 0-15", "child 0-15";
    ChildMany => "kinderen 0-15", "children 0-15";
    BuurtOne => "buurt", "buurt";
    BuurtMany => "buurten", "buurten";
    WijkOne => "wijk", "wijk";
    WijkMany => "wijken", "wijken";
    AreaOne => "pilotgebied", "pilot area";
    AreaMany => "pilotgebieden", "pilot areas";

    // Pilot rules
    RuleBuurt => "scholen in de buurt", "schools inside the buurt";
    RuleCatchment => "scholen binnen het verzorgingsgebied van de buurt", "schools within the catchment of the buurt";
    RuleWijk => "wijken (buurtcijfers opgeteld)", "wijken (buurt figures rolled up)";
    RuleContiguous => "aaneengesloten pilotgebieden van aangrenzende buurten", "contiguous pilot areas of adjacent buurten";

    // Memo
    MemoTitle => "Buurtradar: {0} voor een preventiepilot", "Buurtradar: {0} for a prevention pilot";
    ProfileLine => "Profiel **{0}**{1}; eenheid: {2} ({3}).", "Profile **{0}**{1}; unit: {2} ({3}).";
    ProfileChanged => "gewijzigd: gewichten wijken af van het profiel", "changed: weights differ from the profile";
    Shortlist => "Shortlist", "Shortlist";
    NothingShortlisted => "Geen {0} voldoet aan de regels: er staat niets op de shortlist.", "No {0} meets the rules: nothing is shortlisted.";
    Code => "code", "code";
    Name => "naam", "name";
    Gemeente => "gemeente", "gemeente";
    Score => "score", "score";
    RankInterval => "rang (5-95%)", "rank (5-95%)";
    Rank => "rang", "rank";
    Stability => "stabiliteit", "stability";
    Schools => "scholen", "schools";
    Inhabitants => "inwoners", "inhabitants";
    Children => "kinderen 0-15", "children 0-15";
    ChosenBy => "gekozen door", "chosen by";
    ByRules => "regels", "rules";
    ByHand => "hand", "hand";
    Status => "status", "status";
    WhyChosen => "Waarom elk gekozen is (grootste bijdragen aan de score):", "Why each was chosen (largest contributions to the score):";
    MembersLine => "buurten: {0}", "buurten: {0}";
    AddedByHandFails => "met de hand toegevoegd, niet door de regels gekozen; voldoet niet aan: {0}", "added by hand, not chosen by the rules; fails: {0}";
    AddedByHandEligible => "met de hand toegevoegd, niet door de regels gekozen (voldoet aan de regels, buiten de top {0})", "added by hand, not chosen by the rules (meets the rules, outside the top {0})";
    HandChoices => "Keuzes met de hand", "Choices made by hand";
    RemovedLine => "door de regels gekozen (rang {0}), met de hand verwijderd", "chosen by the rules (rank {0}), removed by hand";
    HandMark => "✋ = met de hand op de shortlist gezet.", "✋ = put on the shortlist by hand.";
    TieMark => "= gelijke score: deze eenheden delen het rangbereik en hebben geen zekere volgorde.", "= equal score: these units share the rank range and have no certain order.";
    SmallMark => "! = minder dan {0} inwoners: de cijfers rusten op weinig mensen.", "! = fewer than {0} inhabitants: the figures rest on few people.";
    WeightsChanged => "Gewichten gewijzigd ten opzichte van profiel {0}", "Weights changed from profile {0}";
    ProfileWeight => "profielgewicht", "profile weight";
    UsedWeight => "gebruikt gewicht", "used weight";
    Teams => "Teams", "Teams";
    NoTeams => "Geen teamvoorstellen (de shortlist is leeg).", "No team proposals (the shortlist is empty).";
    Always => "altijd", "always";
    Because => "omdat", "because";
    OverCap => "Ook nodig, boven de teamgrootte van {0}: {1}", "Also called for, over the size cap of {0}: {1}";
    Unmet => "Niet beschikbaar: {0}: {1}", "Unmet: {0}: {1}";
    NoteLine => "Noot: {0}", "Note: {0}";
    DataGap => "Ontbrekende gegevens: {0}", "Data gap: {0}";
    Note => "Let op", "Note";
    Ranking => "Ranglijst (top {0} van {1} gerangschikt)", "Ranking (top {0} of {1} ranked)";
    Method => "Methode", "Method";
    Indicator => "indicator", "indicator";
    Label => "omschrijving", "label";
    Direction => "richting", "direction";
    Weight => "gewicht", "weight";
    Share => "aandeel", "share";
    Unit => "eenheid", "unit";
    Source => "bron", "source";
    AbsentIndicator => "Niet in de gegevens, gewicht verdeeld over de andere: {0}", "Not in the data, weight spread over the others: {0}";
    Sensitivity => "Gevoeligheid:", "Sensitivity:";
    Candidates => "Kandidaten per pilotregel bij 2 / 3 / 4 basisscholen:", "Candidates per pilot rule at 2 / 3 / 4 primary schools:";
    Sources => "Gegevensbronnen", "Data sources";
    Role => "rol", "role";
    File => "bestand", "file";
    Format => "formaat", "format";
    Records => "records", "records";
    Disclosure => "Onthullingscontrole", "Disclosure control";
    Provenance => "Herkomst", "Provenance";
    Facts => "{0}, {1}, {2}, {3}", "{0}, {1}, {2}, {3}";
    ReasonLine => "{0} {1} (gemeente {2}, alle {3}; z {4}, P{5}; regel: {6})", "{0} {1} (gemeente {2}, all {3}; z {4}, P{5}; rule: {6})";
    ZAbove => "z boven {0}", "z above {0}";
    ZBelow => "z onder {0}", "z below {0}";
    PercentileAbove => "boven percentiel {0}", "above percentile {0}";
    PercentileBelow => "onder percentiel {0}", "below percentile {0}";
    ValueAbove => "waarde boven {0}", "value above {0}";
    ValueBelow => "waarde onder {0}", "value below {0}";
    Tied => "gedeeld", "tied";
    SmallPopulation => "weinig inwoners", "few inhabitants";
    Microdata => "microdata", "microdata";
    Eligible => "geschikt", "eligible";
    ShortlistStatus => "shortlist ({0})", "shortlist ({0})";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slot_is_in_both_languages_and_dutch_differs_where_it_should() {
        for m in Rt::ALL {
            let (nl, en) = m.forms();
            for i in 0..5 {
                let slot = format!("{{{i}}}");
                assert_eq!(nl.contains(&slot), en.contains(&slot), "{m:?} {slot}");
            }
        }
        assert_eq!(Rt::SchoolMany.text(Lang::Nl), "basisscholen");
        assert_eq!(
            Rt::MemoTitle.fill(Lang::En, &[&"3 buurten"]),
            "Buurtradar: 3 buurten for a prevention pilot"
        );
    }
}
