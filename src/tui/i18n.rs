//! Every string the app shows, in Dutch and English. Figures, codes and the
//! domain's own notes (which every front end shares) are not translated.

use super::action::{Column, Pane};
use super::keymap::{Ctx, Desc};
use super::Lang;
use crate::domain::select::IneligibleReason;
use crate::domain::uncertainty::StabilityLabel;
use crate::domain::value::Missing;
use std::path::Path;

/// Fixed strings; the formatting ones are methods below.
pub struct Texts {
    pub lang: Lang,
    pub ranked: &'static str,
    pub eligible: &'static str,
    pub shortlist: &'static str,
    pub notes: &'static str,
    pub all_gemeenten: &'static str,
    pub filter: &'static str,
    pub search: &'static str,
    pub no_match: &'static str,
    pub help_title: &'static str,
    pub help_mouse_keys: &'static str,
    pub help_mouse: &'static str,
    pub legend_title: &'static str,
    pub not_ranked: &'static str,
    pub selected: &'static str,
    pub school: &'static str,
    pub indicator: &'static str,
    pub value: &'static str,
    pub gemeente: &'static str,
    pub all: &'static str,
    pub contribution: &'static str,
    pub weight: &'static str,
    pub weight_short: &'static str,
    pub profile: &'static str,
    pub share: &'static str,
    pub rank: &'static str,
    pub score: &'static str,
    pub schools: &'static str,
    pub inhabitants: &'static str,
    pub children: &'static str,
    pub stability: &'static str,
    pub computing: &'static str,
    pub eligible_yes: &'static str,
    pub not_eligible: &'static str,
    pub on_shortlist: &'static str,
    pub user_added: &'static str,
    pub user_removed: &'static str,
    pub always: &'static str,
    pub because: &'static str,
    pub over_cap: &'static str,
    pub unmet: &'static str,
    pub note: &'static str,
    pub no_unit: &'static str,
    pub risk: &'static str,
    pub protective: &'static str,
    pub neutral: &'static str,
    pub weight_neutral: &'static str,
    pub weight_all_zero: &'static str,
    pub no_value: &'static str,
    pub hidden_by_filter: &'static str,
    pub no_rows: &'static str,
    pub not_weighted: &'static str,
    pub members: &'static str,
    pub data_gap: &'static str,
}

const NL: Texts = Texts {
    lang: Lang::Nl,
    ranked: "gerangschikt",
    eligible: "geschikt",
    shortlist: "shortlist",
    notes: "Let op",
    all_gemeenten: "alle gemeenten",
    filter: "Filter",
    search: "zoek",
    no_match: "geen treffer",
    help_title: " Toetsen (? of Esc sluit) ",
    help_mouse_keys: "muis",
    help_mouse: "wiel zoomt, slepen schuift, klik kiest",
    legend_title: "score (kwantielen)",
    not_ranked: "niet gerangschikt",
    selected: "selectie",
    school: "school",
    indicator: "indicator",
    value: "waarde",
    gemeente: "gemeente",
    all: "alle",
    contribution: "bijdr.",
    weight: "gewicht",
    weight_short: "gew.",
    profile: "profiel",
    share: "aandeel",
    rank: "rang",
    score: "score",
    schools: "scholen",
    inhabitants: "inwoners",
    children: "kinderen 0-15",
    stability: "stabiliteit",
    computing: "wordt berekend",
    eligible_yes: "geschikt",
    not_eligible: "niet geschikt",
    on_shortlist: "op de shortlist",
    user_added: "door u toegevoegd",
    user_removed: "door u verwijderd",
    always: "altijd",
    because: "omdat",
    over_cap: "boven de teamgrootte",
    unmet: "niet beschikbaar",
    note: "noot",
    no_unit: "geen eenheid geselecteerd",
    risk: "risico",
    protective: "beschermend",
    neutral: "neutraal",
    weight_neutral: "een neutrale indicator kan geen gewicht krijgen",
    weight_all_zero: "minstens één gewicht moet boven 0 blijven",
    no_value: "geen waarde",
    hidden_by_filter: "verborgen door het filter",
    no_rows: "geen rijen: pas het filter aan (x wist)",
    not_weighted: "niet gewogen",
    members: "buurten",
    data_gap: "ontbrekende gegevens",
};

const EN: Texts = Texts {
    lang: Lang::En,
    ranked: "ranked",
    eligible: "eligible",
    shortlist: "shortlist",
    notes: "Note",
    all_gemeenten: "all gemeenten",
    filter: "Filter",
    search: "search",
    no_match: "no match",
    help_title: " Keys (? or Esc closes) ",
    help_mouse_keys: "mouse",
    help_mouse: "wheel zooms, drag pans, click selects",
    legend_title: "score (quantiles)",
    not_ranked: "not ranked",
    selected: "selected",
    school: "school",
    indicator: "indicator",
    value: "value",
    gemeente: "gemeente",
    all: "all",
    contribution: "contrib",
    weight: "weight",
    weight_short: "weight",
    profile: "profile",
    share: "share",
    rank: "rank",
    score: "score",
    schools: "schools",
    inhabitants: "inhabitants",
    children: "children 0-15",
    stability: "stability",
    computing: "computing",
    eligible_yes: "eligible",
    not_eligible: "not eligible",
    on_shortlist: "on the shortlist",
    user_added: "added by you",
    user_removed: "removed by you",
    always: "always",
    because: "because",
    over_cap: "over the size cap",
    unmet: "unmet",
    note: "note",
    no_unit: "no unit selected",
    risk: "risk",
    protective: "protective",
    neutral: "neutral",
    weight_neutral: "a neutral indicator cannot be weighted",
    weight_all_zero: "at least one weight must stay above 0",
    no_value: "no value",
    hidden_by_filter: "hidden by the filter",
    no_rows: "no rows: change the filter (x clears)",
    not_weighted: "not weighted",
    members: "buurten",
    data_gap: "data gap",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

impl Texts {
    fn pick<'a>(&self, nl: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    pub fn pane(&self, p: Pane) -> &'static str {
        match p {
            Pane::Table => self.pick("Ranglijst", "Ranking"),
            Pane::Map => self.pick("Kaart", "Map"),
            Pane::Detail => self.pick("Detail", "Detail"),
            Pane::Weights => self.pick("Gewichten", "Weights"),
            Pane::Team => self.pick("Team", "Team"),
        }
    }

    pub fn column(&self, c: Column, top_k: usize) -> String {
        match c {
            Column::Mark => " ".into(),
            Column::Rank => "#".into(),
            Column::Delta => "Δ".into(),
            Column::Code => "code".into(),
            Column::Name => self.pick("naam", "name").into(),
            Column::Gemeente => "gemeente".into(),
            Column::Score => "score".into(),
            Column::Interval => "5-95%".into(),
            Column::PTop => format!("P(t{top_k})"),
            Column::Schools => self.pick("sch", "sch").into(),
            Column::Inhabitants => self.pick("inw", "inh").into(),
            Column::Children => "0-15".into(),
        }
    }

    pub fn ctx(&self, c: Ctx) -> &'static str {
        match c {
            Ctx::Global => self.pick("Overal", "Everywhere"),
            Ctx::Table => self.pick("Ranglijst", "Ranking"),
            Ctx::Map => self.pick("Kaart", "Map"),
            Ctx::Browse => self.pick("Detail en team", "Detail and team"),
            Ctx::Weights => self.pick("Gewichten", "Weights"),
            Ctx::Search => self.pick("Zoeken", "Search"),
            Ctx::Help => self.pick("Help", "Help"),
        }
    }

    /// (short label for the footer, full description for the help)
    pub fn desc(&self, d: Desc) -> (&'static str, &'static str) {
        let nl = self.lang == Lang::Nl;
        let (s_nl, l_nl, s_en, l_en) = match d {
            Desc::Quit => ("stop", "stoppen", "quit", "quit"),
            Desc::Help => ("help", "deze hulp", "help", "this help"),
            Desc::NextPane => ("paneel", "volgend paneel", "pane", "next pane"),
            Desc::PrevPane => ("", "vorig paneel", "", "previous pane"),
            Desc::Focus(p) => {
                return match (p, nl) {
                    (Pane::Table, true) => ("", "naar de ranglijst"),
                    (Pane::Map, true) => ("", "naar de kaart"),
                    (Pane::Detail, true) => ("", "naar het detail"),
                    (Pane::Weights, true) => ("", "naar de gewichten"),
                    (Pane::Team, true) => ("", "naar het team"),
                    (Pane::Table, false) => ("", "go to the ranking"),
                    (Pane::Map, false) => ("", "go to the map"),
                    (Pane::Detail, false) => ("", "go to the detail"),
                    (Pane::Weights, false) => ("", "go to the weights"),
                    (Pane::Team, false) => ("", "go to the team"),
                }
            }
            Desc::Shortlist => (
                "shortlist",
                "uw shortlist: erop of eraf",
                "shortlist",
                "your shortlist: add or remove",
            ),
            Desc::Save => (
                "opslaan",
                "profiel opslaan als TOML",
                "save",
                "save the profile as TOML",
            ),
            Desc::Export => (
                "export",
                "shortlist exporteren (markdown)",
                "export",
                "export the shortlist (markdown)",
            ),
            Desc::Move => (
                "kies",
                "vorige/volgende buurt",
                "move",
                "previous/next unit",
            ),
            Desc::Page => ("", "pagina omhoog/omlaag", "", "page up/down"),
            Desc::First => ("", "naar de eerste rij", "", "first row"),
            Desc::Last => ("", "naar de laatste rij", "", "last row"),
            Desc::Column => ("kolom", "kolom kiezen", "column", "choose a column"),
            Desc::Sort => (
                "sorteer",
                "sorteer op kolom (nog eens: omkeren)",
                "sort",
                "sort by the column (again: reverse)",
            ),
            Desc::Search => (
                "zoek",
                "zoeken op naam of code",
                "search",
                "search by name or code",
            ),
            Desc::SearchNext => ("", "volgende treffer", "", "next match"),
            Desc::SearchPrev => ("", "vorige treffer", "", "previous match"),
            Desc::FilterGemeente => (
                "gemeente",
                "filter op gemeente (wisselt)",
                "gemeente",
                "filter by gemeente (cycles)",
            ),
            Desc::FilterSchools => (
                "",
                "minimum aantal scholen -1/+1",
                "",
                "minimum schools -1/+1",
            ),
            Desc::FilterInhabitants => (
                "",
                "minimum inwoners -500/+500",
                "",
                "minimum inhabitants -500/+500",
            ),
            Desc::FilterClear => ("", "filters wissen", "", "clear the filters"),
            Desc::Pan => ("schuif", "kaart schuiven", "pan", "pan the map"),
            Desc::ZoomIn => ("in", "inzoomen", "in", "zoom in"),
            Desc::ZoomOut => ("uit", "uitzoomen", "out", "zoom out"),
            Desc::ZoomReset => ("", "hele kaart", "", "whole map"),
            Desc::Rule => (
                "eenheid",
                "pilot-eenheid wisselen (buurt/wijk/gebied)",
                "unit",
                "switch pilot unit (buurt/wijk/area)",
            ),
            Desc::Schools => (
                "scholen",
                "scholen tonen/verbergen",
                "schools",
                "show/hide schools",
            ),
            Desc::WeightCursor => ("kies", "indicator kiezen", "choose", "choose an indicator"),
            Desc::WeightStep => ("-/+1", "gewicht -1/+1", "-/+1", "weight -1/+1"),
            Desc::WeightStep5 => ("-/+5", "gewicht -5/+5", "-/+5", "weight -5/+5"),
            Desc::WeightZero => ("", "gewicht op 0", "", "weight to 0"),
            Desc::WeightReset => (
                "terug",
                "gewicht terug naar het profiel",
                "reset",
                "weight back to the profile",
            ),
            Desc::WeightResetAll => (
                "",
                "alle gewichten terug naar het profiel",
                "",
                "all weights back to the profile",
            ),
            Desc::Scroll => ("scroll", "tekst scrollen", "scroll", "scroll the text"),
            Desc::SearchType => ("", "typen: zoekterm", "", "type: search text"),
            Desc::SearchConfirm => ("klaar", "zoeken afronden", "done", "finish searching"),
            Desc::SearchCancel => ("annuleer", "zoeken annuleren", "cancel", "cancel searching"),
            Desc::SearchBackspace => ("", "teken wissen", "", "delete a character"),
            Desc::HelpClose => ("sluit", "help sluiten", "close", "close the help"),
        };
        if nl {
            (s_nl, l_nl)
        } else {
            (s_en, l_en)
        }
    }

    pub fn missing(&self, m: Missing) -> &'static str {
        match (m, self.lang) {
            (Missing::Secret, Lang::Nl) => "geheim/onbekend",
            (Missing::CannotOccur, Lang::Nl) => "kan niet voorkomen",
            (Missing::NotYetPublished, Lang::Nl) => "nog niet gepubliceerd",
            (Missing::Discontinued, Lang::Nl) => "niet meer gepubliceerd",
            (Missing::OtherSentinel, Lang::Nl) => "onbekende code",
            (Missing::NotInInput, Lang::Nl) => "niet in de invoer",
            (Missing::Invalid, Lang::Nl) => "ongeldige waarde",
            (Missing::Suppressed, Lang::Nl) => "onderdrukt (te weinig eenheden)",
            (m, Lang::En) => m.label(),
        }
    }

    pub fn stability_label(&self, l: StabilityLabel) -> &'static str {
        match (l, self.lang) {
            (StabilityLabel::RobustIn, Lang::Nl) => "zeker erin",
            (StabilityLabel::Borderline, Lang::Nl) => "twijfelgeval",
            (StabilityLabel::Out, Lang::Nl) => "erbuiten",
            (l, Lang::En) => l.label(),
        }
    }

    pub fn reason(&self, r: &IneligibleReason) -> String {
        if self.lang == Lang::En {
            return r.to_string();
        }
        match r {
            IneligibleReason::OutsideGemeenten { gemeente } => {
                format!("gemeente {gemeente} niet gekozen")
            }
            IneligibleReason::Water => "water".into(),
            IneligibleReason::ZeroPopulation => "geen inwoners".into(),
            IneligibleReason::TooFewSchools { have: None, min } => {
                format!("aantal basisscholen onbekend (minimaal {min})")
            }
            IneligibleReason::TooFewSchools { have: Some(h), min } => {
                format!("{h} van {min} basisscholen")
            }
            IneligibleReason::TooFewInhabitants { have: None, min } => {
                format!("inwoners onbekend (minimaal {min})")
            }
            IneligibleReason::TooFewInhabitants { have: Some(h), min } => {
                format!("{h} inwoners, minimaal {min}")
            }
            IneligibleReason::TooFewChildren { have: None, min } => {
                format!("kinderen 0-15 onbekend (minimaal {min})")
            }
            IneligibleReason::TooFewChildren { have: Some(h), min } => {
                format!("{h} kinderen 0-15, minimaal {min}")
            }
            IneligibleReason::CoverageTooLow { coverage, min } => format!(
                "indicatoren dekken {:.0}% van het gewicht, minimaal {:.0}%",
                coverage * 100.0,
                min * 100.0
            ),
        }
    }

    pub fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
        match self.lang {
            Lang::Nl => {
                format!("Terminal te klein: {w}×{h}. Minimaal {min_w}×{min_h} nodig. (q stopt)")
            }
            Lang::En => {
                format!("Terminal too small: {w}×{h}. Needs at least {min_w}×{min_h}. (q quits)")
            }
        }
    }

    pub fn min_schools(&self, n: u32) -> String {
        self.pick(&format!("≥{n} scholen"), &format!("≥{n} schools"))
            .to_string()
    }

    pub fn min_inhabitants(&self, n: f64) -> String {
        self.pick(&format!("≥{n:.0} inw."), &format!("≥{n:.0} inh."))
            .to_string()
    }

    pub fn rows(&self, shown: usize, total: usize) -> String {
        self.pick(
            &format!("{shown}/{total} rijen"),
            &format!("{shown}/{total} rows"),
        )
        .to_string()
    }

    pub fn matches(&self, n: usize) -> String {
        match (self.lang, n) {
            (_, 0) => self.no_match.to_string(),
            (Lang::Nl, 1) => "1 treffer".into(),
            (Lang::Nl, n) => format!("{n} treffers"),
            (Lang::En, 1) => "1 match".into(),
            (Lang::En, n) => format!("{n} matches"),
        }
    }

    pub fn saved(&self, path: &Path) -> String {
        match self.lang {
            Lang::Nl => format!("Profiel opgeslagen in {}", path.display()),
            Lang::En => format!("Profile saved to {}", path.display()),
        }
    }

    pub fn save_failed(&self, e: &str) -> String {
        match self.lang {
            Lang::Nl => format!("Opslaan mislukt: {e}"),
            Lang::En => format!("Saving failed: {e}"),
        }
    }

    pub fn exported(&self, path: &Path) -> String {
        match self.lang {
            Lang::Nl => format!("Shortlist geëxporteerd naar {}", path.display()),
            Lang::En => format!("Shortlist exported to {}", path.display()),
        }
    }

    pub fn export_failed(&self, e: &str) -> String {
        match self.lang {
            Lang::Nl => format!("Exporteren mislukt: {e}"),
            Lang::En => format!("Export failed: {e}"),
        }
    }

    pub fn rule_label(&self) -> &'static str {
        self.pick("Pilot-eenheid", "Pilot unit")
    }

    pub fn exporting(&self) -> &'static str {
        self.pick("Shortlist wordt geëxporteerd…", "Exporting the shortlist…")
    }

    pub fn stability_failed(&self, e: &str) -> String {
        match self.lang {
            Lang::Nl => format!("Stabiliteit niet berekend: {e}"),
            Lang::En => format!("Stability not computed: {e}"),
        }
    }

    pub fn rerank_failed(&self, e: &str) -> String {
        match self.lang {
            Lang::Nl => format!("Opnieuw rangschikken mislukt: {e}"),
            Lang::En => format!("Re-ranking failed: {e}"),
        }
    }

    pub fn weight_set(&self, label: &str, w: f64) -> String {
        match self.lang {
            Lang::Nl => format!("Gewicht {label}: {w}"),
            Lang::En => format!("Weight {label}: {w}"),
        }
    }

    pub fn weights_reset(&self) -> &'static str {
        self.pick(
            "Alle gewichten terug naar het profiel",
            "All weights back to the profile",
        )
    }

    pub fn picked(&self, name: &str, on: bool) -> String {
        match (self.lang, on) {
            (Lang::Nl, true) => format!("{name} staat op uw shortlist"),
            (Lang::Nl, false) => format!("{name} is van uw shortlist gehaald"),
            (Lang::En, true) => format!("{name} is on your shortlist"),
            (Lang::En, false) => format!("{name} was taken off your shortlist"),
        }
    }

    pub fn selected_hidden(&self, name: &str) -> String {
        format!("{name}: {}", self.hidden_by_filter)
    }

    pub fn team_title(&self, name: &str, n: usize) -> String {
        match self.lang {
            Lang::Nl => format!("Voorgesteld team voor {name} ({n} leden)"),
            Lang::En => format!("Proposed team for {name} ({n} members)"),
        }
    }

    pub fn shortlist_size(&self, n: usize) -> String {
        format!("{} {n}", self.shortlist)
    }

    pub fn unit_rule(&self, plural: &str) -> String {
        match self.lang {
            Lang::Nl => format!("eenheid: {plural}"),
            Lang::En => format!("unit: {plural}"),
        }
    }

    pub fn rank_line(
        &self,
        rank: Option<usize>,
        of: usize,
        eligible_rank: Option<usize>,
    ) -> String {
        let r = rank.map(|r| r.to_string()).unwrap_or_else(|| "-".into());
        match (self.lang, eligible_rank) {
            (Lang::Nl, Some(e)) => format!("rang {r} van {of} (geschikt: {e})"),
            (Lang::Nl, None) => format!("rang {r} van {of}"),
            (Lang::En, Some(e)) => format!("rank {r} of {of} (eligible: {e})"),
            (Lang::En, None) => format!("rank {r} of {of}"),
        }
    }

    pub fn baseline_delta(&self, delta: i64) -> String {
        match (self.lang, delta.signum()) {
            (Lang::Nl, 1) => format!("↑{delta} t.o.v. profiel"),
            (Lang::Nl, -1) => format!("↓{} t.o.v. profiel", -delta),
            (Lang::Nl, _) => "gelijk aan profiel".into(),
            (Lang::En, 1) => format!("↑{delta} vs profile"),
            (Lang::En, -1) => format!("↓{} vs profile", -delta),
            (Lang::En, _) => "same as profile".into(),
        }
    }

    pub fn zoom(&self, zoom: f64) -> String {
        format!("zoom {}×", super::fmt::num(Some(zoom), 1, self.lang))
    }
}
