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
    SchoolAnyOne => "school", "school";
    SchoolAnyMany => "scholen", "schools";
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
    FetchedFrom => "{0}: {1}, opgehaald op {2} van {3}", "{0}: {1}, fetched on {2} from {3}";
    OneMoreAddress => "{0} en nog 1 adres", "{0} and 1 more address";
    MoreAddresses => "{0} en nog {1} adressen", "{0} and {1} more addresses";
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

    // Notes of an analysis (domain `Note`)
    NoteSchoolProxy => "het aantal scholen is een BENADERING: CBS 'basisscholen binnen 3 km' (een gemiddelde per adres), niet de scholen in de buurt",
        "school counts are a PROXY: CBS 'primary schools within 3 km' (an average per address), not schools inside the buurt";
    NoteNoSchools => "geen schoolgegevens: aan de scholenregel kan niets voldoen (geef --schools)",
        "no school data: the school rule cannot be met (give --schools)";
    NoteSensitive => "dit profiel weegt gevoelige indicatoren (etniciteit / migratieachtergrond): {0}",
        "this profile weights sensitive indicators (ethnicity / migration background): {0}";
    NoteFewEligible => "slechts {0} {1} voldoen aan de regels, minder dan de {2} gevraagd: overweeg --rule catchment, wijk of contiguous",
        "only {0} {1} meet the rules, fewer than the {2} asked for: consider --rule catchment, wijk or contiguous";
    NoteSmoothed => "de scores gebruiken met Empirical Bayes gladgestreken cijfers ({0}): {1}",
        "scores use Empirical Bayes smoothed rates ({0}): {1}";
    NoteAbsent => "profielindicator {0} staat niet in de gegevens: het gewicht is over de andere verdeeld",
        "profile indicator {0} is not in the data: its weight is spread over the others";
    NoteUnweighted => "opgeteld als gewone gemiddelden (de gegevens hebben geen inwoners of huishoudens om mee te wegen): {0}",
        "rolled up as plain means (the data has no inhabitants or households to weight by): {0}";

    // Method lines
    NormZ => "z-score", "z-score";
    NormMinMax => "min-max", "min-max";
    NormPercentile => "percentielrang", "percentile rank";
    AggArithmetic => "rekenkundig", "arithmetic";
    AggGeometric => "meetkundig", "geometric";
    RefScope => "de eenheden in de selectie", "the units in scope";
    RefAll => "alle geladen eenheden", "all loaded units";
    AllGemeenten => "alle gemeenten", "all gemeenten";
    MethodProfile => "Profiel {0}: normalisatie {1}, {2} gemiddelde, referentie {3}, top {4}",
        "Profile {0}: {1} normalisation, {2} mean, reference {3}, top {4}";
    MethodWeights => "Gewichten: {0}", "Weights: {0}";
    MethodUnit => "Eenheid: {0} ({1}); selectie: {2}; {3}", "Unit: {0} ({1}); scope: {2}; {3}";
    MethodMinimum => "minimaal {0} basisscholen, {1} inwoners, {2} kinderen 0-15", "minimum {0} primary schools, {1} inhabitants, {2} children 0-15";
    MethodCounts => "{0} gerangschikt, {1} geschikt, shortlist {2}", "{0} ranked, {1} eligible, shortlist {2}";
    MethodStability => "Stabiliteit: {0} trekkingen, seed {1}, concentratie {2}{3}; de shortlist blijft gelijk in {4}% van de trekkingen",
        "Stability: {0} draws, seed {1}, concentration {2}{3}; the shortlist is unchanged in {4}% of draws";
    MethodVaryNorm => ", normalisatie gevarieerd", ", normalisation varied";
    MethodDetails => "Normalisatie {0} (afgekapt op {1} / {2}), referentie {3}, aggregatie {4}; een eenheid wordt gerangschikt als haar indicatoren minstens {5}% van het gewicht dragen",
        "Normalisation {0} (winsorised at {1} / {2}), reference {3}, {4} aggregation, units ranked when their indicators carry at least {5}% of the weight";
    SensitivityLine => "{0}: +50% gewicht verandert de shortlist in {1}% van de trekkingen{2}", "{0}: +50% weight changes the shortlist in {1}% of draws{2}";
    SensitivityAtBase => " (en bij de profielgewichten)", " (and at the profile weights)";
    SensitivityTitle => "Gevoeligheid (aandeel trekkingen waarin +50% gewicht de top {0} verandert):", "Sensitivity (share of draws where +50% weight changes the top {0}):";
    CandidateAt => "{0} bij {1}", "{0} at {1}";
    CandidateUsed => " (gebruikt)", " (used)";
    CandidatesTitle => "Kandidaten per regel bij 2 / 3 / 4 basisscholen:", "Candidates per rule at 2 / 3 / 4 primary schools:";
    RuleNameBuurt => "buurt", "buurt";
    RuleNameCatchment => "verzorgingsgebied", "catchment";
    RuleNameWijk => "wijk", "wijk";
    RuleNameContiguous => "aaneengesloten", "contiguous";
    NoMicrodata => "Geen microdata-indicatoren (geen bestand met een telkolom `n`, `n_*` of `*_n`, geen gegeven met --microdata of aangewezen in [disclosure] van het profiel).",
        "No microdata indicators (no file with a count column `n`, `n_*` or `*_n`, none given with --microdata or declared in the profile's [disclosure]).";
    Suppressed => "{0} ({1} afgeschermd)", "{0} ({1} suppressed)";
    MicrodataLine => "Microdata-indicatoren: {0}. Een cel op minder dan {1} eenheden (bij aandelen ook n*p of n*(1-p)) staat er als \"afgeschermd\", nooit als 0{2}.",
        "Microdata indicators: {0}. A cell based on fewer than {1} units (for shares also n*p or n*(1-p)) is shown as \"suppressed\", never as 0{2}.";
    MicrodataNoRecompute => "; geen cijfer in deze export laat het terugrekenen", "; no figure in this export lets it be recomputed";
    SmallCellsWarning => "LET OP: geschreven met --allow-small-cells (drempel bij inlezen {0}): {1} cel(len) onder {2} eenheden staan erin. Niet om te publiceren.",
        "WARNING: written with --allow-small-cells (load threshold {0}): {1} cell(s) below {2} units are shown. Not for publication.";
    SchoolsLine => "Scholen: {0}{1}; {2} geteld als basisschool ({3}).", "Schools: {0}{1}; {2} counted as primary ({3}).";
    FromFile => " uit {0}", " from {0}";
    LabelsFromNames => "Omschrijving afgeleid van de kolomnaam (niet uit het register): {0}", "Label made from the column name (not from the registry): {0}";
    DataGapLine => "regel {0} voor {1} gebruikt {2}, dat niet in de gegevens staat", "rule {0} for {1} uses {2}, which the data does not have";

    TeamNoteNotInData => "indicator niet in de gegevens", "indicator not in the data";
    TeamNoteMissing => "waarde ontbreekt voor deze buurt", "value missing for this buurt";
    TeamNoteThreshold => "drempel niet gehaald", "threshold not reached";
    TeamNoteNoRule => "geen regel in de catalogus", "no rule in the catalogue";
    TeamNoteNoCapacity => "geen capaciteit meer", "no capacity left";
    NotNeeded => "niet nodig", "not needed";
    NotNeededClosest => "{0} {1} tegenover {2}", "{0} {1} against {2}";
    Capacity => "Capaciteit", "Capacity";
    CapacityLine => "{0}: {1} beschikbaar, {2} ingezet, {3} tekort", "{0}: {1} available, {2} assigned, {3} unmet";
    MoreRows => "... nog {0} gerangschikt en {1} niet gerangschikt (--limit, of --format csv/json voor alle)", "... {0} more ranked and {1} not ranked (--limit, or --format csv/json for all)";
    FailedSeeds => "{0} startbuurten konden niet tot een gebied groeien (zie --format json)", "{0} seed buurten could not grow into an area (see --format json)";

    MapHeading => "Kaart", "Map";
    WhyShort => "waarom (grootste bijdragen)", "why (largest contributions)";
    RankingAll => "Ranglijst", "Ranking";
    RankingAllLine => "Alle {0} eenheden; waarden van de gewogen indicatoren zoals gebruikt (\"suppressed\": afgeschermd door de onthullingscontrole).",
        "All {0} units; values of the weighted indicators as used (\"suppressed\": withheld by disclosure control).";

    // The svg map
    SvgTitle => "Behoeftescore per eenheid ({0}), profiel {1}", "Need score per unit ({0}), profile {1}";
    SvgLegendTitle => "Behoeftescore ({0})", "Need score ({0})";
    SvgLisaTitle => "Clusters van de behoeftescore (LISA) per eenheid ({0}), profiel {1}", "Clusters of the need score (LISA) per unit ({0}), profile {1}";
    SvgLisaLegend => "Lokale Moran's I, p < 0,05", "Local Moran's I, p < 0.05";
    SvgNoLisa => "geen clusterkaart: deze run heeft geen LISA (geen grenzen, of de stabiliteit is overgeslagen)", "no cluster map: this run has no LISA (no boundaries, or stability skipped)";
    MapOnlySvg => "--map {0} geldt alleen voor --format svg", "--map {0} applies to --format svg only";
    LisaHighHigh => "hoog-hoog (hot spot)", "high-high (hot spot)";
    LisaLowLow => "laag-laag (cold spot)", "low-low (cold spot)";
    LisaLowHigh => "laag tussen hoog", "low among high";
    LisaHighLow => "hoog tussen laag", "high among low";
    LisaNotSignificant => "niet significant", "not significant";
    LisaHeading => "Clusters: waar de behoefte zich ophoopt", "Clusters: where need builds up";
    LisaCaption => "Lokale Moran's I van de score met queen-buren, 999 permutaties; globale Moran's I {0} (pseudo-p {1}). Een hot spot is een eenheid met een hoge score tussen buren met hoge scores.",
        "Local Moran's I of the score on queen neighbours, 999 permutations; global Moran's I {0} (pseudo p {1}). A hot spot is a unit with a high score among neighbours with high scores.";
    HeatmapHeading => "Samenhang van de indicatoren", "How the indicators correlate";
    HeatmapTitle => "Samenhang van de indicatoren: Pearson boven, Spearman onder de diagonaal",
        "How the indicators correlate: Pearson above, Spearman below the diagonal";
    HeatmapCaption => "Over de referentieset, paarsgewijs volledig. Rood: samen hoog; blauw: tegengesteld. Twee gewogen indicatoren boven 0,9 meten grotendeels hetzelfde.",
        "Over the reference set, pairwise complete. Red: high together; blue: opposite. Two weighted indicators above 0.9 largely measure the same thing.";
    SvgQuantiles => "kwantielklassen", "quantile classes";
    SvgOneClass => "één klasse", "one class";
    SvgRange => "{0} tot {1}", "{0} to {1}";
    SvgNotRanked => "niet gerangschikt (te weinig gegevens)", "not ranked (too little data)";
    SvgNotRankedShort => "niet gerangschikt", "not ranked";
    SvgWater => "water", "water";
    SvgBackground => "geen deel van een eenheid", "not part of any unit";
    SvgShortlisted => "op de shortlist (met naam)", "shortlisted (labelled)";
    SvgNotEligible => "niet geschikt", "not eligible";
    SvgNoShape => "niet getekend, geen vorm: {0}", "not drawn, no shape: {0}";
    SvgNoUnit => "Geen eenheid in de selectie heeft een vorm om te tekenen.", "No unit in scope has a shape to draw.";
    SvgTip => "rang {0}, score {1}", "rank {0}, score {1}";
    SvgFooter => "{0}{1}; profiel {2}; {3} trekkingen, seed {4}", "{0}{1}; profile {2}; {3} draws, seed {4}";

    LoadNoteWithheld => "onthullingscontrole: {0} cellen van {1} afgeschermd (microdata: aantallen onder {2}, aandelen met n*p of n*(1-p) onder {2}, cijfers op minder dan {2} eenheden in {3}, en cellen die een rij- of gebiedstotaal zou verraden)",
        "disclosure control: {0} cells of {1} withheld (microdata: counts below {2}, shares with n*p or n*(1-p) below {2}, figures on fewer than {2} units in {3}, and cells that a row or region total would give away)";
    LoadNoteNoBase => "(geen basistelling: elk cijfer afgeschermd)", "(no base count: every figure withheld)";
    LoadNoteNames => "gemeentenamen uit het scholenbestand (de grenzen hebben er geen): {0}", "gemeente names taken from the school file (the boundaries have none): {0}";

    // `buurtradar check`
    CkInputs => "Invoer", "Inputs";
    CkInputLine => "{0} {1}  [{2}, {3} records]", "{0} {1}  [{2}, {3} records]";
    CkRoleBoundaries => "grenzen", "boundaries";
    CkRoleIndicators => "indicatoren", "indicators";
    CkRoleSchools => "scholen", "schools";
    CkCrs => "Coördinatenstelsel: {0}", "CRS: {0}";
    CkPerGemeente => "Buurten per gemeente ({0} in totaal)", "Buurten per gemeente ({0} in all)";
    CkWithGeometry => "{0} met geometrie", "{0} with geometry";
    CkNoGeometryNone => "Buurten zonder geometrie: geen", "Buurten without geometry: none";
    CkNoGeometry => "Buurten zonder geometrie ({0}, behouden, niet op de kaart): {1}", "Buurten without geometry ({0}, kept, not on the map): {1}";
    CkDuplicatesNone => "Dubbele codes: geen", "Duplicate codes: none";
    CkDuplicates => "Dubbele codes ({0}; de eerste is behouden):", "Duplicate codes ({0}; the first is kept):";
    CkJoin => "Koppeling op buurtcode", "Join on buurt code";
    CkJoinLine => "{0}: {1} rijen, {2}, {3} gekoppeld", "{0}: {1} rows, {2}, {3} matched";
    CkOnlyInFile => "alleen in dit bestand ({0}): {1}", "only in this file ({0}): {1}";
    CkOnlyInBoundaries => "alleen in de grenzen ({0}): {1}", "only in the boundaries ({0}): {1}";
    CkMore => "{0}, ... en nog {1} (--all of --format json toont ze)", "{0}, ... and {1} more (--all or --format json lists them)";
    CkIndicators => "Indicatoren (dekking over {0})", "Indicators (coverage over {0})";
    CkNone => "geen", "none";
    CkComplete => "compleet", "complete";
    CkMissing => "ontbreekt: {0}", "missing: {0}";
    CkCustom => "eigen", "custom";
    CkDerived => "afgeleid", "derived";
    CkSensitive => "GEVOELIG", "SENSITIVE";
    CkFrom => "{0}; uit {1}", "{0}; from {1}";
    CkSchools => "Scholen: {0}", "Schools: {0}";
    CkSchoolsLine => "{0} in {1}; {2} geteld als basisschool (soorten: {3}); {4} in een buurt geplaatst, {5} in geen",
        "{0} in {1}; {2} counted as primary (kinds: {3}); {4} placed in a buurt, {5} in none";
    CkNoKind => "(geen soort)", "(no kind)";
    CkByKind => "per soort: {0}", "by kind: {0}";
    CkWithSchools => "buurten met basisscholen {0}", "buurten with primary schools {0}";
    CkInNoBuurt => "in geen buurt: {0} ({1}, {2}) {3}", "in no buurt: {0} ({1}, {2}) {3}";
    CkWarningsNone => "Waarschuwingen: geen", "Warnings: none";
    CkWarnings => "Waarschuwingen ({0})", "Warnings ({0})";

    // `buurtradar indicators`
    CountUnit => "aantal", "count";
    DirRisk => "risico", "risk";
    DirProtective => "beschermend", "protective";
    DirContext => "context", "context";
    SensitiveFlag => "gevoelig: standaard nooit gewogen", "sensitive: never weighted by default";
    Aliases => "ook bekend als", "aliases";
    CustomColumns => "Kolommen die niet in deze lijst staan worden eigen indicatoren (richting in het profiel).",
        "Columns not in this list become custom indicators (direction set in the profile).";
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
