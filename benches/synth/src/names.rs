//! Invented Dutch place names. Any resemblance to a real buurt is a
//! coincidence of how Dutch names are built, not a reference.

use std::collections::BTreeSet;

/// Names for central, dense buurten.
pub(crate) const URBAN: &[&str] = &[
    "Kerkbuurt Noord",
    "Kerkbuurt Zuid",
    "Marktkwartier",
    "Stationskwartier",
    "Havenkwartier",
    "Brinkzijde",
    "Molenstraat-Oost",
    "Raadhuisbuurt",
    "Oude Haven",
    "Vestingbuurt",
    "Poortwijk",
    "Gasthuisbuurt",
    "Lindenplein",
    "Kloosterhof",
    "Schoolbuurt",
    "Spoorzijde",
    "Burgemeesterswijk",
    "Schildersbuurt",
    "Bloemenbuurt",
    "Vogelbuurt",
    "Componistenbuurt",
    "Sterrenbuurt",
    "Bomenbuurt",
    "Rivierenbuurt",
    "Zeeheldenbuurt",
    "Professorenbuurt",
    "Dichtersbuurt",
    "Vaartkwartier",
    "Kanaalzijde",
    "Stadsweide",
    "Wevershof",
    "Ambachtsbuurt",
    "Koningsplein",
    "Julianapark",
    "Emmabuurt",
    "Oranjebuurt",
    "Watertorenbuurt",
    "Kerkeplein",
    "Veerstraat-West",
    "Turfmarkt",
];

/// Names for suburban and village buurten.
pub(crate) const GENERAL: &[&str] = &[
    "Molenakker",
    "De Horst",
    "Hoge Veld",
    "Lage Weide",
    "Eikenhorst",
    "Berkenkamp",
    "Heidekamp",
    "Zandakker",
    "Beekdal",
    "Esdonk",
    "Kampakkers",
    "Hooilanden",
    "De Maten",
    "Brakeleer",
    "Rietveld",
    "Wilgenhoek",
    "Elzenhof",
    "Dennenrode",
    "Hazelaarhof",
    "Meidoornlaan",
    "Vlierhof",
    "Klaverweide",
    "Boterbloem",
    "De Klinken",
    "Hessenhof",
    "De Bongerd",
    "Kersenhof",
    "Appelgaard",
    "Hulsbeek",
    "Drieslag",
    "Vijverhof",
    "Kruisakker",
    "Groenewoud",
    "Nieuwe Erven",
    "Oude Erven",
    "Schapendrift",
    "De Schans",
    "Kouwenhoven",
    "Ravenhorst",
    "Valkenkamp",
    "Kievitsveld",
    "Leeuweriksveld",
    "Roerdompweide",
    "Zwanenwater",
    "Eendenkooi",
    "Reigersbos",
    "Hertenkamp",
    "Vossenberg",
    "Dassenburcht",
    "Egelshoek",
    "Bosrand",
    "Heiderand",
    "Veenrand",
    "Turfakker",
    "Ganzenweide",
    "Koeweide",
    "Paardenwei",
    "Hoefslag",
    "De Smidse",
    "Tiendschuur",
    "Korenmaat",
    "Haverkamp",
    "Rogveld",
    "Vlasakker",
    "Hennepkamp",
    "Beukenhage",
    "Lindeveld",
    "Het Hoog",
    "Het Laag",
    "De Kamp",
    "Aan de Vaart",
    "Achter de Kerk",
    "De Wielen",
    "De Brand",
    "Hooge Boekel",
    "Ter Weide",
    "Ter Horst",
    "Ten Velde",
    "Zevenhuizen-Oost",
    "Hoevenbroek",
    "Laarakker",
    "Steenakker",
    "Kleiakker",
    "Slagenveld",
    "Dijkzicht",
    "Broekzijde",
    "Overbroek",
    "Nederhorst",
    "Bovenkamp",
    "Middelveld",
    "Rozendaal-Zuid",
    "Lisdodde",
    "Kalkoven",
    "Ketelveld",
    "De Peel",
    "Gagelveld",
    "Moerasvaren",
];

/// Sample wijk names (index = wijk number).
pub(crate) const SAMPLE_WIJKEN: [&str; 10] = [
    "Centrum",
    "Molenwijk",
    "Veenhoven",
    "Het Broek",
    "Kerkeveld",
    "De Hoeven",
    "Noorderpark",
    "Zuiderkwartier",
    "Oostermaat",
    "Westerbroek",
];

/// The eight compass directions, counter-clockwise from east.
pub(crate) const DIRECTIONS: [&str; 8] = [
    "Oost",
    "Noordoost",
    "Noord",
    "Noordwest",
    "West",
    "Zuidwest",
    "Zuid",
    "Zuidoost",
];

pub(crate) const GM_PREFIX: &[&str] = &[
    "Wester", "Ooster", "Noorder", "Zuider", "Hoog", "Laag", "Groot", "Klein", "Nieuw", "Oud",
    "Zand", "Veen", "Klei", "Heide", "Beek", "Berken", "Eiken", "Linde", "Molen", "Kerk", "Brug",
    "Dijk", "Riet", "Wilgen",
];
pub(crate) const GM_SUFFIX: &[&str] = &[
    "dam", "dijk", "veen", "broek", "hoven", "horst", "hem", "wold", "zande", "loo", "rade",
    "beek", "donk", "sluis", "meer", "waarde", "werf", "kamp", "wijk", "burg",
];

/// Behind a gemeente name once the plain names run out (the blocks set).
pub(crate) const GM_QUALIFIER: &[&str] = &[
    "aan Zee",
    "aan de Maas",
    "aan den Rijn",
    "aan den IJssel",
    "aan de Vecht",
    "aan de Lek",
    "aan de Amstel",
];

pub(crate) const BU_FIRST: &[&str] = &[
    "Molen", "Kerk", "Hoog", "Laag", "Eiken", "Berken", "Linden", "Wilgen", "Heide", "Zand",
    "Veen", "Klei", "Beek", "Brink", "Hof", "Kamp", "Steen", "Koren", "Haver", "Rogge", "Vlas",
    "Appel", "Peren", "Kersen", "Vogel", "Valken", "Raven", "Zwanen", "Ganzen", "Vossen",
];
pub(crate) const BU_SECOND: &[&str] = &[
    "akker", "veld", "hof", "kamp", "horst", "weide", "hoek", "laan", "park", "dreef", "rode",
    "donk", "laar", "hage", "wijk", "buurt", "erf", "maat", "dal", "bos", "hoven", "dries",
    "straat", "singel",
];
pub(crate) const NATIONAL_WIJKEN: &[&str] = &[
    "Centrum",
    "Noord",
    "Oost",
    "Zuid",
    "West",
    "Buitengebied",
    "Dorp",
    "Haven",
    "Park",
    "Kern",
    "Polder",
    "Bosrand",
];
pub(crate) const LAKES: &[&str] = &[
    "Grote Plas",
    "Kleine Plas",
    "Zwarte Meer",
    "Witte Veen",
    "Diepe Put",
    "Zandwinplas",
    "Hoge Meer",
    "Lage Plas",
];

/// Returns `name`, or `name 2`, `name 3`, ... whichever is still free, and
/// records it as used.
pub(crate) fn unique(name: &str, used: &mut BTreeSet<String>) -> String {
    let mut candidate = name.to_string();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{name} {n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

/// The compass direction of a vector (counter-clockwise from east).
pub(crate) fn direction(dx: f64, dy: f64) -> usize {
    let sector = (dy.atan2(dx) / (std::f64::consts::TAU / 8.0)).round();
    sector.rem_euclid(8.0) as usize
}
