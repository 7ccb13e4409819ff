//! The catalogue: one line per text, Dutch first. Templates take their
//! figures in `{0}`, `{1}` … (see [`Msg::fill`]).

macro_rules! catalogue {
    ($($id:ident => $nl:expr, $en:expr;)*) => {
        /// The id of a text in the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($id,)*
        }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$id,)*];

            /// (Dutch, English)
            pub fn forms(self) -> (&'static str, &'static str) {
                match self {
                    $(Msg::$id => ($nl, $en),)*
                }
            }
        }
    };
}

catalogue! {
    // Title, notes, status and filter bars
    Profile => "profiel", "profile";
    UnitRule => "eenheid: {0}", "unit: {0}";
    Ranked => "gerangschikt", "ranked";
    Eligible => "geschikt", "eligible";
    Shortlist => "shortlist", "shortlist";
    ShortlistSize => "shortlist {0}", "shortlist {0}";
    Notes => "Let op", "Note";
    Filter => "Filter", "Filter";
    AllGemeenten => "alle gemeenten", "all gemeenten";
    MinSchools => "≥{0} scholen", "≥{0} schools";
    MinInhabitants => "≥{0} inw.", "≥{0} inh.";
    RowsShown => "{0}/{1} rijen", "{0}/{1} rows";
    Search => "zoek", "search";
    NoMatch => "geen treffer", "no match";
    OneMatch => "1 treffer", "1 match";
    Matches => "{0} treffers", "{0} matches";
    TooSmall => "Terminal te klein: {0}×{1}. Minimaal {2}×{3} nodig. (q stopt)",
        "Terminal too small: {0}×{1}. Needs at least {2}×{3}. (q quits)";

    // Panes
    PaneTable => "Ranglijst", "Ranking";
    PaneMap => "Kaart", "Map";
    PaneDetail => "Detail", "Detail";
    PaneWeights => "Gewichten", "Weights";
    PaneTeam => "Team", "Team";

    // Table columns that are words, not symbols
    ColumnName => "naam", "name";
    ColumnSchools => "sch", "sch";
    ColumnInhabitants => "inw", "inh";
    NoRows => "geen rijen: pas het filter aan (x wist)", "no rows: change the filter (x clears)";

    // Help overlay: section titles and the rows that are not bindings
    HelpTitle => " Toetsen (? of Esc sluit) ", " Keys (? or Esc closes) ";
    ContextGlobal => "Overal", "Everywhere";
    ContextTable => "Ranglijst", "Ranking";
    ContextMap => "Kaart", "Map";
    ContextBrowse => "Detail en team", "Detail and team";
    ContextWeights => "Gewichten", "Weights";
    ContextSearch => "Zoeken", "Search";
    ContextHelp => "Help", "Help";
    HelpMouseKeys => "muis", "mouse";
    HelpMouse => "wiel zoomt, slepen schuift, klik kiest", "wheel zooms, drag pans, click selects";
    HelpTypeKeys => "a-z…", "a-z…";
    HelpType => "typen: zoekterm", "type: search text";

    // Map
    LegendTitle => "score (kwantielen)", "score (quantiles)";
    NotRanked => "niet gerangschikt", "not ranked";
    Selected => "selectie", "selected";
    School => "school", "school";
    Zoom => "zoom {0}×", "zoom {0}×";

    // Detail and weights
    Indicator => "indicator", "indicator";
    Value => "waarde", "value";
    Gemeente => "gemeente", "gemeente";
    All => "alle", "all";
    Contribution => "bijdr.", "contrib";
    Weight => "gewicht", "weight";
    WeightShort => "gew.", "weight";
    Share => "aandeel", "share";
    Rank => "rang", "rank";
    Score => "score", "score";
    Schools => "scholen", "schools";
    Inhabitants => "inwoners", "inhabitants";
    Children => "kinderen 0-15", "children 0-15";
    Stability => "stabiliteit", "stability";
    Computing => "wordt berekend", "computing";
    EligibleYes => "geschikt", "eligible";
    NotEligible => "niet geschikt", "not eligible";
    OnShortlist => "op de shortlist", "on the shortlist";
    UserAdded => "door u toegevoegd", "added by you";
    OnShortlistByRules => "op de shortlist, gekozen door de regels", "on the shortlist, chosen by the rules";
    TieSentence => "{0}= gelijke score: deelt rang {0}-{1} met {2} andere, zonder zekere volgorde",
        "{0}= equal score: shares ranks {0}-{1} with {2} other(s), in no certain order";
    SmallSentence => "! minder dan {0} inwoners: de cijfers rusten op weinig mensen",
        "! fewer than {0} inhabitants: the figures rest on few people";
    UserRemoved => "door u verwijderd", "removed by you";
    Risk => "risico", "risk";
    Protective => "beschermend", "protective";
    Neutral => "neutraal", "neutral";
    NoValue => "geen waarde", "no value";
    NotWeighted => "niet gewogen", "not weighted";
    Members => "buurten", "buurten";
    DataGap => "ontbrekende gegevens", "data gap";
    RankOf => "rang {0} van {1}", "rank {0} of {1}";
    RankOfEligible => "rang {0} van {1} (geschikt: {2})", "rank {0} of {1} (eligible: {2})";
    RankUp => "↑{0} t.o.v. profiel", "↑{0} vs profile";
    RankDown => "↓{0} t.o.v. profiel", "↓{0} vs profile";
    RankSame => "gelijk aan profiel", "same as profile";

    // Team
    NoUnit => "geen eenheid geselecteerd", "no unit selected";
    TeamTitle => "Voorgesteld team voor {0} ({1} leden)", "Proposed team for {0} ({1} members)";
    Always => "altijd", "always";
    Because => "omdat", "because";
    OverCap => "boven de teamgrootte", "over the size cap";
    Unmet => "niet beschikbaar", "unmet";
    Note => "noot", "note";

    // Status messages
    HiddenByFilter => "{0}: verborgen door het filter", "{0}: hidden by the filter";
    PickedOn => "{0} staat op uw shortlist", "{0} is on your shortlist";
    PickedOff => "{0} is van uw shortlist gehaald", "{0} was taken off your shortlist";
    WeightSet => "Gewicht {0}: {1}", "Weight {0}: {1}";
    WeightsReset => "Alle gewichten terug naar het profiel", "All weights back to the profile";
    WeightNeutral => "een neutrale indicator kan geen gewicht krijgen", "a neutral indicator cannot be weighted";
    WeightAllZero => "minstens één gewicht moet boven 0 blijven", "at least one weight must stay above 0";
    RuleSet => "Pilot-eenheid: {0}", "Pilot unit: {0}";
    Saved => "Profiel opgeslagen in {0}", "Profile saved to {0}";
    SaveFailed => "Opslaan mislukt: {0}", "Saving failed: {0}";
    Exporting => "Shortlist wordt geëxporteerd…", "Exporting the shortlist…";
    Exported => "Shortlist geëxporteerd naar {0}", "Shortlist exported to {0}";
    ExportFailed => "Exporteren mislukt: {0}", "Export failed: {0}";
    StabilityFailed => "Stabiliteit niet berekend: {0}", "Stability not computed: {0}";
    RerankFailed => "Opnieuw rangschikken mislukt: {0}", "Re-ranking failed: {0}";
    KeysIgnored => "{0} (standaardtoetsen in gebruik)", "{0} (default keys in use)";

    // `buurtradar keys`
    KeysContext => "context", "context";
    KeysKeys => "toetsen", "keys";
    KeysAction => "actie", "action";
    KeysDescription => "omschrijving", "description";
    KeysUserFile => "Eigen toetsenbestand: {0} ({1})", "User keys file: {0} ({1})";
    KeysNoUserFile => "Eigen toetsenbestand: geen locatie (HOME en XDG_CONFIG_HOME niet gezet)",
        "User keys file: no location (HOME and XDG_CONFIG_HOME not set)";
    Found => "gevonden", "found";
    NotFound => "niet gevonden", "not found";

    // Why a unit was missing a value (domain `Missing`)
    MissingSecret => "geheim/onbekend", "secret/unknown";
    MissingCannotOccur => "kan niet voorkomen", "cannot occur";
    MissingNotYetPublished => "nog niet gepubliceerd", "not yet published";
    MissingDiscontinued => "niet meer gepubliceerd", "no longer published";
    MissingOtherSentinel => "onbekende code", "sentinel code";
    MissingNotInInput => "niet in de invoer", "not in input";
    MissingInvalid => "ongeldige waarde", "invalid value";
    MissingSuppressed => "onderdrukt (te weinig eenheden)", "suppressed (disclosure control)";

    // Stability labels (domain `StabilityLabel`)
    RobustIn => "zeker erin", "robust-in";
    Borderline => "twijfelgeval", "borderline";
    Out => "erbuiten", "out";

    // Why a unit is not eligible (domain `IneligibleReason`)
    OutsideGemeenten => "gemeente {0} niet gekozen", "gemeente {0} is not selected";
    Water => "water", "water";
    ZeroPopulation => "geen inwoners", "no inhabitants";
    SchoolsUnknown => "aantal basisscholen onbekend (minimaal {0})", "number of primary schools unknown (need {0})";
    TooFewSchools => "{0} van {1} basisscholen", "{0} of {1} primary schools";
    InhabitantsUnknown => "inwoners onbekend (minimaal {0})", "inhabitants unknown (need {0})";
    TooFewInhabitants => "{0} inwoners, minimaal {1}", "{0} inhabitants, need {1}";
    ChildrenUnknown => "kinderen 0-15 onbekend (minimaal {0})", "children 0-15 unknown (need {0})";
    TooFewChildren => "{0} kinderen 0-15, minimaal {1}", "{0} children 0-15, need {1}";
    CoverageTooLow => "indicatoren dekken {0}% van het gewicht, minimaal {1}%",
        "indicators present carry {0}% of the weight, need {1}%";

    // `buurtradar profile init`
    ProfileInitHeader => "Startprofiel van buurtradar (`buurtradar profile init`). Pas de gewichten aan en geef het mee met --profile BESTAND.",
        "Starter profile from buurtradar (`buurtradar profile init`). Adjust the weights and pass it with --profile FILE.";
    ProfileInitFromData => "De indicatoren hieronder zijn de bekende CBS-indicatoren die deze invoer bevat: {0}.",
        "The indicators below are the known CBS indicators these inputs hold: {0}.";
    ProfileInitFromDefault => "De indicatoren hieronder zijn die van het standaardprofiel smartstart; met --from-data en invoervlaggen komen ze uit uw eigen bestanden.",
        "The indicators below are those of the default smartstart profile; with --from-data and input flags they come from your own files.";
    ProfileInitWeights => "Gelijke gewichten en de richting uit het register (risico: hoger = meer nood; beschermend: hoger = minder nood). Alleen de verhoudingen tellen.",
        "Equal weights and the direction from the registry (risk: higher = more need; protective: higher = less need). Only the ratios matter.";
    ProfileInitSensitive => "Gevoelig (etniciteit / migratieachtergrond), daarom niet gewogen. Haal de # weg om het bewust mee te wegen.",
        "Sensitive (ethnicity / migration background), hence not weighted. Remove the # to weight it on purpose.";
    ProfileInitContext => "Alleen context (geen richting, of een aantal in plaats van een aandeel), niet gewogen: {0}",
        "Context only (no direction, or a count rather than a rate), not weighted: {0}";
    ProfileInitNone => "de invoer bevat geen bekende CBS-indicator met waarden om een profiel mee te beginnen (`buurtradar check` toont de kolommen, `buurtradar indicators` de bekende namen)",
        "the inputs hold no known CBS indicator with values to start a profile from (`buurtradar check` lists the columns, `buurtradar indicators` the known names)";
    // Report charts (html)
    ChartRankHeading => "Hoe zeker is de rangorde?", "How certain is the ranking?";
    ChartRankCaption => "Per eenheid de mediane rang (punt) en het 5-95%-interval (balk) over {0} trekkingen met andere gewichten; de shortlist is oranje. Een smalle balk is een zekere plaats, een brede balk een plaats die van de gewichten afhangt.",
        "Per unit the median rank (dot) and the 5-95% interval (band) over {0} draws with other weights; the shortlist in orange. A narrow band is a certain place, a wide one a place that depends on the weights.";
    ChartRankNoDraws => "Zonder stabiliteitsanalyse: de punt is de rang bij de gewichten van het profiel, er zijn geen intervallen.",
        "Without a stability run: the dot is the rank at the profile's weights; there are no intervals.";
    ChartRankAxis => "rang (1 = grootste behoefte)", "rank (1 = greatest need)";
    ChartRankKey => "punt: mediane rang · balk: 5-95%", "dot: median rank · band: 5-95%";
    ChartShortlisted => "shortlist", "shortlist";
    ChartOthers => "overige", "others";
    ChartUnitsHeading => "Indicatoren per gekozen eenheid", "Indicators per shortlisted unit";
    ChartUnitsCaption => "Per gewogen indicator de waarde van de eenheid naast die van haar gemeente en het gemiddelde van alle eenheden. Elke rij heeft een eigen schaal: vergelijk binnen een rij, niet tussen rijen.",
        "Per weighted indicator the unit's value next to its gemeente's and the mean of all units. Each row has its own scale: compare within a row, not between rows.";
    ChartUnitTitle => "Indicatoren van {0} ({1})", "Indicators of {0} ({1})";
    ChartGemeente => "gemeente", "gemeente";
    ChartOverall => "alle eenheden", "all units";
    ChartNoValue => "geen waarde", "no value";
    ChartRefsWithheld => "referenties weggelaten (microdata)", "references left out (microdata)";
    // Terminal app: quitting with unsaved changes, warnings list, language
    // switch, rule advice, detail figures
    ContextConfirm => "Stoppen met wijzigingen", "Quitting with changes";
    ContextWarnings => "Waarschuwingen", "Warnings";
    ConfirmQuit => "Niet opgeslagen. Profiel opslaan en stoppen? y ja, n nee, Esc blijven",
        "Not saved. Save the profile and quit? y yes, n no, Esc stay";
    ConfirmQuitPicks => "Shortlist niet in profiel: e exporteert.", "Shortlist not in the profile: e exports it.";
    RuleFailed => "Pilot-eenheid {0} niet mogelijk: {1}", "Pilot unit {0} not possible: {1}";
    WarningsTitle => " Waarschuwingen en noten ({0}) · w of Esc sluit ", " Warnings and notes ({0}) · w or Esc closes ";
    WarningsNone => "geen waarschuwingen", "no warnings";
    // The prefix of the line an error that ends a command is printed on
    ErrorPrefix => "fout", "error";
    WarningsMore => "(+{0}, w toont alles)", "(+{0}, w shows all)";
    LangSet => "Taal: Nederlands", "Language: English";
    FewEligible => "slechts {0} {1} voldoen aan de regels, minder dan de {2} gevraagd: u wisselt de pilot-eenheid ({3})",
        "only {0} {1} meet the rules, fewer than the {2} asked for: u switches the pilot unit ({3})";
    FewEligibleNoSchools => "slechts {0} {1} voldoen aan de regels, minder dan de {2} gevraagd: zonder schoolgegevens helpt geen andere pilot-eenheid (geef een scholenbestand)",
        "only {0} {1} meet the rules, fewer than the {2} asked for: without school data no other pilot unit helps (give a schools file)";
    WarningsNotes => "Let op", "Notes";
    WarningsLoad => "Bij het inlezen", "While loading";
    WarningsDuplicates => "Dubbele codes", "Duplicate codes";
    WarningsOnlyInFile => "{0}: {1} regio's zonder grens (niet gekoppeld)", "{0}: {1} regions without a boundary (not joined)";
    WarningsOnlyInBoundaries => "{0}: {1} buurten zonder gegevens", "{0}: {1} buurten without data";
    WarningsNoGeometry => "Buurten zonder geometrie: {0}", "Buurten without geometry: {0}";
    WarningsUnmatchedSchools => "Scholen buiten elke buurt: {0}", "Schools outside every buurt: {0}";
    // Correlations between indicators (check, rank)
    CorrelationsTitle => "Samenhang tussen de profielindicatoren (Pearson / Spearman over de referentieset, paarsgewijs compleet)",
        "Correlations between the profile's indicators (Pearson / Spearman over the reference set, pairwise complete)";
    RedundantPair => "LET OP: {0} en {1} hangen sterk samen (Pearson {2}, Spearman {3}); samen {4}% van het gewicht, dus grotendeels één factor dubbel geteld",
        "WARNING: {0} and {1} correlate strongly (Pearson {2}, Spearman {3}); together {4}% of the weight, so largely one factor counted twice";
    NoRedundancy => "geen twee gewogen indicatoren met |r| > 0,9", "no two weighted indicators with |r| > 0.9";
    CorrelationsUnavailable => "samenhang niet te berekenen: {0}", "correlations not available: {0}";

    // buurtradar compare
    CompareTitle => "{0} ({1}) tegenover {2} ({3})", "{0} ({1}) against {2} ({3})";
    CompareScores => "score {0} (rang {1}) tegenover {2} (rang {3}); verschil {4}",
        "score {0} (rank {1}) against {2} (rank {3}); gap {4}";
    CompareLogGap => "meetkundig gemiddelde: verschil en aandelen in ln(score)",
        "geometric mean: gap and shares in ln(score)";
    CompareColumns => "indicator|gewicht|waarde A|waarde B|norm. A|norm. B|bijdr. A|bijdr. B|aandeel",
        "indicator|weight|value A|value B|norm. A|norm. B|contr. A|contr. B|share";
    CompareSum => "som van de aandelen: {0} (= het verschil)", "sum of the shares: {0} (= the gap)";
    CompareSmoothed => "gladgestreken ({0}); de gepubliceerde waarde staat tussen haakjes",
        "smoothed ({0}); the published value in brackets";
    CompareFlips => "De volgorde draait om bij (andere gewichten gelijk):",
        "The order flips at (other weights unchanged):";
    CompareFlipAt => "{0}: gewicht {1} -> {2}", "{0}: weight {1} -> {2}";
    CompareNoFlip => "geen enkel gewicht op zichzelf draait de volgorde om",
        "no single weight on its own flips the order";

    // Effect measurement: peers, baseline, effect
    EffectTitle => "Effectmeting", "Effect measurement";
    EffectUnits => "Pilots: {0}. Vergelijkingsbuurten ({1}): {2}.", "Pilots: {0}. Comparison buurten ({1}): {2}.";
    EffectControlsPeers => "de {0} meest gelijkende per pilot op de nulmeting", "the {0} most similar per pilot at baseline";
    EffectControlsGiven => "opgegeven", "given";
    EffectColumns => "indicator|pilots voor|pilots na|vergelijking voor|vergelijking na|verschil-in-verschil|interval laag|interval hoog",
        "indicator|pilots before|pilots after|comparison before|comparison after|difference-in-differences|interval low|interval high";
    EffectInterval => "Interval: {0}% van {1} placebo-toewijzingen (seed {2}): het pilotlabel gaat naar willekeurige sets vergelijkingsbuurten, zo ver beweegt toeval alleen.",
        "Interval: {0}% of {1} placebo assignments (seed {2}): the pilot label goes to random sets of comparison buurten, this is how far chance alone moves.";
    EffectHonesty => "Wat dit wel en niet laat zien. Een verschil-in-verschil op CBS-buurtcijfers vergelijkt de verandering in de pilotbuurten met die in vergelijkbare buurten zonder pilot. CBS rondt aantallen af op vijftallen en schermt kleine aantallen af, dus een verschil van enkele procentpunten in een kleine buurt kan afronding of ruis zijn. Het gaat om weinig eenheden: het interval komt uit placebo-toewijzingen, niet uit een steekproefmodel, en is met een handvol buurten breed. Een oorzakelijke uitspraak (de pilot deed dit) vraagt dat pilot- en vergelijkingsbuurten zonder pilot gelijk zouden zijn opgelopen (parallelle trends); dat bewijzen deze cijfers niet.",
        "What this can and cannot show. A difference-in-differences on CBS buurt figures compares the change in the pilot buurten with the change in similar buurten without a pilot. CBS rounds counts to multiples of five and withholds small numbers, so a difference of a few points in a small buurt may be rounding or noise. There are few units: the interval comes from placebo assignments, not from a sampling model, and with a handful of buurten it is wide. A causal claim (the pilot did this) needs pilot and comparison buurten to have moved alike without the pilot (parallel trends); these figures do not prove that.";
    EffectNoPretrend => "Met twee jaren is geen pre-trend te tonen: of pilots en vergelijkingsbuurten vóór de pilot gelijk opliepen blijft een aanname. Laad een derde, eerder jaar om het na te gaan.",
        "With two years no pre-trend can be shown: whether pilots and comparison buurten moved alike before the pilot remains an assumption. Load a third, earlier year to check it.";
    EffectWithheld => "Cellen die de onthullingscontrole afschermt tellen niet mee en worden nooit ingevuld; n per groep staat in de json.",
        "Cells withheld by disclosure control do not count and are never filled in; n per group is in the json.";
    EffectExcluded => "Niet vergelijkbaar tussen de jaren en weggelaten ({0}): {1}", "Not comparable between the years and left out ({0}): {1}";
    EffectNotMeasured => "Niet in beide jaren, dus niet gemeten: {0}", "Not in both years, so not measured: {0}";
    EffectReasonAbsent => "niet in het vervolgjaar", "not in the follow-up year";
    EffectReasonNew => "nieuw in het vervolgjaar", "new in the follow-up year";
    EffectReasonChanged => "code gewijzigd (indelingswijziging) zonder koppeling", "code changed (indelingswijziging) without a mapping";
    EffectReasonMapMissing => "koppeling wijst naar een onbekende code", "mapping points to an unknown code";
    EffectSpillover => "Geen vergelijkingsbuurt: de andere pilots en hun directe buren ({0}), om overloop uit te sluiten.",
        "Never a comparison buurt: the other pilots and their direct neighbours ({0}), to rule out spill-over.";
    PeersTitle => "Vergelijkingsbuurten (Mahalanobis-afstand op {0})", "Comparison buurten (Mahalanobis distance on {0})";
    PeersOf => "{0}: {1}", "{0}: {1}";
    BalanceTitle => "Balans: gestandaardiseerd verschil in gemiddelden (pilots min vergelijking)", "Balance: standardised mean differences (pilots minus comparison)";
    BalanceColumns => "indicator|vóór matching|na matching", "indicator|before matching|after matching";
    BaselineWritten => "Nulmeting geschreven: {0} ({1} pilots, {2} vergelijkingsbuurten, {3} indicatoren)",
        "Baseline written: {0} ({1} pilots, {2} comparison buurten, {3} indicators)";
    EffectMapped => "Gekoppeld via de codetabel (aandeel): {0}", "Matched through the code map (share): {0}";
    EffectPretrend => "Pre-trend: hetzelfde verschil-in-verschil van het eerdere jaar naar de nulmeting, vóór de pilot. Ver van 0 betekent dat pilots en vergelijkingsbuurten al verschillend bewogen: dan zegt het effect hierboven weinig.",
        "Pre-trend: the same difference-in-differences from the earlier year to the baseline, before the pilot. Far from 0 means pilots and comparison buurten already moved differently: then the effect above says little.";
    EffectPretrendColumns => "indicator|pre-trend (verschil-in-verschil)", "indicator|pre-trend (difference-in-differences)";
    EffectFromSnapshot => "Nulmeting uit {0} ({1}).", "Baseline from {0} ({1}).";
    // Terminal app: undo/redo, saved shortlist and filters, indicator
    // columns, map colourings, compare, histogram, export, correlations
    Undone => "Laatste wijziging ongedaan gemaakt", "Last edit undone";
    Redone => "Wijziging opnieuw gedaan", "Edit redone";
    NothingToUndo => "Niets om ongedaan te maken", "Nothing to undo";
    NothingToRedo => "Niets om opnieuw te doen", "Nothing to redo";
    SavedChoiceSkipped => "Uit het profiel niet toegepast (niet in deze gegevens of niet door de regels gekozen): {0}",
        "Not applied from the profile (not in this data or not chosen by the rules): {0}";
    ContextColumns => "Indicatorkolommen", "Indicator columns";
    ColumnsTitle => " Indicatoren als kolom · Spatie toont/verbergt · c of Esc sluit ",
        " Indicators as columns · Space shows/hides · c or Esc closes ";
    ColumnShown => "Kolom getoond: {0} (o sorteert erop)", "Column shown: {0} (o sorts on it)";
    ColumnHidden => "Kolom verborgen: {0}", "Column hidden: {0}";
    NoIndicatorColumns => "De gegevens hebben geen indicatoren om als kolom te tonen", "The data has no indicators to show as columns";
    MapColouredBy => "Kaart gekleurd naar: {0}", "Map coloured by: {0}";
    LegendIndicator => "{0} (kwantielen)", "{0} (quantiles)";
    // Terminal app: export dialog, distribution, comparison
    ContextExport => "Exporteren", "Export";
    HelpQuitDesc => "stoppen", "quit";
    DirectionSet => "{0} telt nu als {1}", "{0} now counts as {1}";
    DirectionRisk => "risico (hoger = meer nood)", "risk (higher = more need)";
    DirectionProtective => "beschermend (hoger = minder nood)", "protective (higher = less need)";
    ProfileStandIn => "Geen van de profielindicatoren zit in de gegevens ({0}): gestart met gewicht 1 op alle {1} indicatoren die de gegevens hebben. Pas ze aan in paneel 4 (i draait een richting om) en sla op met s",
        "None of the profile's indicators is in the data ({0}): started with weight 1 on all {1} indicators the data holds. Adjust them in pane 4 (i flips a direction) and save with s";
    LisaOn => "Clusters (LISA, 999 permutaties, p < 0,05) van {0}; globale Moran's I {1} (p {2})",
        "Clusters (LISA, 999 permutations, p < 0.05) of {0}; global Moran's I {1} (p {2})";
    LisaNone => "Geen clusters te berekenen voor {0} (geen buren of geen waarden)", "No clusters to compute for {0} (no neighbours or no values)";
    LisaOff => "Kaart weer in klassen", "Map back in classes";
    LisaLegend => "LISA {0}:", "LISA {0}:";
    LisaHighHigh => "hoog-hoog", "high-high";
    LisaLowLow => "laag-laag", "low-low";
    LisaLowHigh => "laag-hoog", "low-high";
    LisaHighLow => "hoog-laag", "high-low";
    LisaNs => "n.s.", "n.s.";
    NoNeighbour => "Geen buurman in die richting", "No neighbour in that direction";
    DetailSchools => "Scholen in deze eenheid ({0})", "Schools in this unit ({0})";
    ContextHistogram => "Verdeling", "Distribution";
    ContextCompare => "Vergelijken", "Compare";
    ContextCorrelations => "Correlaties", "Correlations";
    ContextEffect => "Effectmeting", "Effect measurement";
    SobolTitle => "Gevoeligheid van de rang per gekozen eenheid (Sobol-indices, gewichten elk binnen ±50%): totale index (eerste orde)",
        "Sensitivity of each chosen unit's rank (Sobol indices, each weight within ±50%): total index (first order)";
    SobolIndex => "{0} {1} ({2})", "{0} {1} ({2})";
    SobolVariance => "rangvariantie {0}", "rank variance {0}";
    SobolStill => "de rang verandert bij geen enkele gewichtskeuze", "the rank does not change under any weight draw";
    DidChartTitle => "Voor en na: pilots en vergelijkingsbuurten per indicator", "Before and after: pilots and comparison buurten per indicator";
    DidChartPilots => "pilots (gemiddelde)", "pilots (mean)";
    DidChartControls => "vergelijkingsbuurten (gemiddelde)", "comparison buurten (mean)";
    DidChartBefore => "nulmeting", "baseline";
    DidChartAfter => "vervolg", "follow-up";
    DidChartCaption => "verschil-in-verschil {0} (95%: {1} tot {2})", "difference-in-differences {0} (95%: {1} to {2})";
    DidChartNone => "niet te meten", "not measurable";
    EffectNoFollowup => "Geen vervolgjaar: start met --followup BESTAND (en --code-map) om het effect op de shortlist te meten",
        "No follow-up year: start with --followup FILE (and --code-map) to measure the effect on the shortlist";
    EffectOverlayTitle => " Effectmeting van de shortlist (verschil-in-verschil) · ↑↓ scroll · E of Esc sluit ",
        " Effect measurement of the shortlist (difference-in-differences) · ↑↓ scroll · E or Esc closes ";
    EffectFailed => "Geen effectmeting: {0}", "No effect measurement: {0}";
    CorrelationsOverlayTitle => " Correlaties van de profielindicatoren (referentieset) · C of Esc sluit ",
        " Correlations of the profile's indicators (reference set) · C or Esc closes ";
    CorrelationsKey => "Boven de diagonaal Pearson, eronder Spearman; rood positief, blauw negatief",
        "Pearson above the diagonal, Spearman below; red positive, blue negative";
    ExportTitle => " Exporteren · ↑↓ formaat · typ de bestandsnaam · Enter schrijft · Esc annuleert ",
        " Export · ↑↓ format · type the file name · Enter writes · Esc cancels ";
    ExportFormatLabel => "Formaat", "Format";
    ExportNameLabel => "Bestand", "File";
    ExportFolderNote => "in de map waar buurtradar is gestart, tenzij de naam een pad is",
        "in the folder buurtradar was started in, unless the name is a path";
    ExportOverwriteNote => "Het bestand bestaat al: Enter overschrijft het, een andere naam of Esc niet.",
        "The file exists: Enter overwrites it, another name or Esc does not.";
    ExportNoName => "Geef een bestandsnaam", "Give a file name";
    ExportExtensionMismatch => "{0} is een .{1}-naam, maar het gekozen formaat is {2}: kies het formaat of pas de naam aan",
        "{0} is a .{1} name but the chosen format is {2}: choose that format or change the name";
    ExportExists => "{0} bestaat al: Enter overschrijft, Esc annuleert", "{0} exists: Enter overwrites, Esc cancels";
    FormatCsv => "CSV (tabel, ids en punten, voor Excel)", "CSV (table, ids and decimal points, for Excel)";
    FormatJson => "JSON (alles, voor scripts)", "JSON (everything, for scripts)";
    FormatMd => "Markdown (memo)", "Markdown (memo)";
    FormatGeojson => "GeoJSON (kaartlaag voor GIS)", "GeoJSON (map layer for GIS)";
    FormatSvg => "SVG (kaart als afbeelding)", "SVG (map as a picture)";
    FormatHtml => "HTML (rapport met kaart en grafieken)", "HTML (report with map and charts)";
    HistogramTitle => " Verdeling: {0} · m/M andere indicator · d of Esc sluit ",
        " Distribution: {0} · m/M other indicator · d or Esc closes ";
    HistogramStats => "n = {0} (de rijen van de ranglijst na filter) · zonder waarde: {1} · min {2} · mediaan {3} · max {4}",
        "n = {0} (the ranking's rows after the filter) · without a value: {1} · min {2} · median {3} · max {4}";
    HistogramSelected => "▲ {0}: {1}", "▲ {0}: {1}";
    HistogramNoValue => "{0} heeft geen waarde", "{0} has no value";
    HistogramEmpty => "Geen waarden om te tonen", "No values to show";
    ComparePinned => "A = {0}. Kies een andere buurt en druk v om te vergelijken (v op A laat los)",
        "A = {0}. Choose another unit and press v to compare (v on A lets go)";
    CompareUnpinned => "Vergelijking losgelaten", "Comparison released";
    CompareFailed => "Vergelijken kan niet: {0}", "Cannot compare: {0}";
    CompareOverlayTitle => " Vergelijken · waarom A en niet B? · ↑↓ scroll · v of Esc sluit ",
        " Compare · why A and not B? · ↑↓ scroll · v or Esc closes ";

    // `buurtradar fetch` and `--data DIR`
    FetchHttp => "{0}: HTTP {1} {2}. Download het bestand met de hand via {3}",
        "{0}: HTTP {1} {2}. Download the file by hand from {3}";
    FetchNetwork => "{0}: geen antwoord ({1}). Offline? Download het bestand met de hand via {2}",
        "{0}: no answer ({1}). Offline? Download the file by hand from {2}";
    FetchAnswer => "{0}: het antwoord is niet wat de API documenteert: {1}",
        "{0}: the answer is not what the API documents: {1}";
    FetchNotJson => "geen geldige JSON ({0})", "not valid JSON ({0})";
    FetchMissingMember => "\"{0}\" ontbreekt of heeft het verkeerde type", "\"{0}\" is missing or of the wrong type";
    FetchUnknownColumn => "kolom {0} staat niet in DataProperties", "column {0} is not in DataProperties";
    FetchNoRegionDimension => "DataProperties heeft geen GeoDimension (wijken en buurten)",
        "DataProperties has no GeoDimension (wijken en buurten)";
    FetchNotFeatureCollection => "geen GeoJSON FeatureCollection (type: {0})", "not a GeoJSON FeatureCollection (type: {0})";
    FetchNoRows => "niets voor gemeente {0}", "nothing for gemeente {0}";
    FetchNoColumn => "geen kolom {0} (kolommen: {1})", "no column {0} (columns: {1})";
    FetchPageLoop => "de volgende pagina is een pagina die al gelezen is", "the next page is one already read";
    FetchNotText => "geen CSV-tekst (HTML, JSON of binair)", "not CSV text (HTML, JSON or binary)";
    FetchUnknownYear => "geen KWB-tabel bekend voor {0} (bekend: {1}); geef de tabel met --cbs-table ID",
        "no KWB table known for {0} (known: {1}); give the table with --cbs-table ID";
    FetchBadGemeente => "{0} is geen gemeentecode (GM0855, 0855) of gemeentenaam", "{0} is not a gemeente code (GM0855, 0855) or name";
    FetchUnknownGemeente => "gemeente {0} staat niet in {1}; lijkt op: {2}", "gemeente {0} is not in {1}; close: {2}";
    FetchWrite => "{0}: schrijven mislukt: {1}", "{0}: writing failed: {1}";
    FetchStepCbs => "CBS-kerncijfers", "CBS figures";
    FetchStepPdok => "PDOK-buurtgrenzen", "PDOK boundaries";
    FetchStepDuo => "DUO-scholen", "DUO schools";
    FetchStepWrite => "schrijven", "writing";
    ExportStepLoad => "invoer laden", "loading inputs";
    ExportStepRank => "rangschikken, {0} stabiliteitstrekkingen", "ranking, {0} stability draws";
    ExportStepTeams => "teams samenstellen", "composing teams";
    ExportStepRender => "onthullingscontrole, {0} maken", "checking disclosure, rendering {0}";
    ExportStepWrote => "geschreven: {0}", "wrote {0}";
    ExportStepAnd => " en ", " and ";
    FetchProgress => "{0}: pagina {1}, {2} records", "{0}: page {1}, {2} records";
    FetchDone => "{0} ({1}), {2}: opgehaald in {3}", "{0} ({1}), {2}: fetched into {3}";
    FetchFileLine => "  {0}: {1} ({2} records)", "  {0}: {1} ({2} records)";
    FetchNext => "Verder: buurtradar rank --data {0} (scholen plaatsen: --postcode-table BESTAND)",
        "Next: buurtradar rank --data {0} (to place the schools: --postcode-table FILE)";
    DataNoManifest => "geen fetch.toml om de bestanden te vinden ({0}); haal ze op met `buurtradar fetch --out {1}`",
        "no fetch.toml to find the files ({0}); fetch them with `buurtradar fetch --out {1}`";
    DataBadManifest => "geen geldig fetch.toml: {0}", "not a valid fetch.toml: {0}";
    DataChanged => "anders dan wat fetch schreef (SHA-256 {0}, verwacht {1})",
        "differs from what fetch wrote (SHA-256 {0}, expected {1})";
    DataSchoolsSkipped => "DUO-lijst zonder coördinaten niet gebruikt; geef --postcode-table BESTAND (CBS-tabel buurt, wijk en gemeente per postcode en huisnummer) om de scholen te plaatsen",
        "DUO list without coordinates not used; give --postcode-table FILE (CBS table buurt, wijk en gemeente per postcode en huisnummer) to place the schools";
}
