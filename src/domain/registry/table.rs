//! The registry as data: every known indicator with its names across
//! products, and the rates derived from a count and its denominator.

use super::{IndicatorDef, Unit};
use crate::domain::value::Direction;

macro_rules! def {
    ($id:literal, $nl:literal, $en:literal, $unit:ident, $den:expr, $dir:ident, [$($a:literal),* $(,)?]) => {
        IndicatorDef {
            id: $id,
            label_nl: $nl,
            label_en: $en,
            unit: Unit::$unit,
            denominator: $den,
            direction: Direction::$dir,
            sensitive: false,
            aliases: &[$($a),*],
        }
    };
}

/// The registry. Derived indicators (`*_per_1000`, `divorced_pct`) are
/// computed by the dataset from a count and its denominator.
pub static REGISTRY: &[IndicatorDef] = &[
    def!(
        "inhabitants",
        "Aantal inwoners",
        "Inhabitants",
        Count,
        None,
        Neutral,
        [
            "bevolking/aantal inwoners",
            "aantal inwoners",
            "aantalinwoners",
            "a_inw",
            "aantal_inwoners",
            "aant_inw",
            "inwoners"
        ]
    ),
    def!(
        "children_0_14",
        "Inwoners 0 tot 15 jaar",
        "Children 0-14",
        Count,
        Some("inhabitants"),
        Neutral,
        [
            "bevolking/leeftijdsgroepen/0 tot 15 jaar",
            "k_0tot15jaar",
            "a_00_14"
        ]
    ),
    def!(
        "children_0_14_pct",
        "Inwoners 0 tot 15 jaar (%)",
        "Children 0-14 (%)",
        Percent,
        Some("inhabitants"),
        Neutral,
        ["percentage_personen_0_tot_15_jaar", "p_00_14_jr", "p_00_14"]
    ),
    def!(
        "divorced",
        "Gescheiden",
        "Divorced persons",
        Count,
        Some("inhabitants"),
        Risk,
        [
            "bevolking/burgerlijke staat/gescheiden",
            "gescheiden",
            "a_gesch"
        ]
    ),
    def!(
        "divorced_pct",
        "Gescheiden (%)",
        "Divorced (%)",
        Percent,
        Some("inhabitants"),
        Risk,
        ["percentage_gescheid", "percentage_gescheiden", "p_gesch"]
    ),
    def!(
        "households",
        "Huishoudens totaal",
        "Households",
        Count,
        None,
        Neutral,
        [
            "huishoudens/huishoudens totaal",
            "huishoudenstotaal",
            "a_hh",
            "aantal_huishoudens",
            "particuliere huishoudens",
            "particulierehuishoudens"
        ]
    ),
    def!(
        "households_with_children",
        "Huishoudens met kinderen",
        "Households with children",
        Count,
        Some("households"),
        Neutral,
        [
            "huishoudens/huishoudens met kinderen",
            "huishoudensmetkinderen",
            "a_hh_m_k"
        ]
    ),
    def!(
        "households_with_children_pct",
        "Huishoudens met kinderen (%)",
        "Households with children (%)",
        Percent,
        Some("households"),
        Neutral,
        ["percentage_huishoudens_met_kinderen", "p_hh_m_k"]
    ),
    def!(
        "woz_mean",
        "Gemiddelde WOZ-waarde",
        "Mean home value (WOZ)",
        ThousandEuro,
        None,
        Protective,
        [
            "wonen/gemiddelde woz-waarde van woningen",
            "gemiddeldewozwaardevanwoningen",
            "g_wozbag",
            "gemiddelde_woningwaarde",
            "g_woz"
        ]
    ),
    def!(
        "social_rent_pct",
        "Huurwoningen in bezit woningcorporatie",
        "Social-rental homes",
        Percent,
        None,
        Risk,
        [
            "wonen/eigendom/huurwoningen/in bezit woningcorporatie",
            "inbezitwoningcorporatie",
            "p_wcorpw",
            "perc_huurwoningen_in_bezit_woningcorporaties",
            "percentage_huurwoningen_in_bezit_woningcorporaties"
        ]
    ),
    def!(
        "low_education",
        "Opleidingsniveau laag",
        "Low education level",
        Count,
        Some("inhabitants"),
        Risk,
        [
            "onderwijs/opleidingsniveau/laag",
            "basisonderwijsvmbombo1",
            "opleidingsniveaulaag",
            "a_opl_lg",
            "a_opl_bvm"
        ]
    ),
    def!(
        "low_education_pct",
        "Opleidingsniveau laag (%)",
        "Low education level (%)",
        Percent,
        None,
        Risk,
        ["opleidingsniveau/laag/waarde", "p_opl_lg"]
    ),
    def!(
        "mid_education_pct",
        "Opleidingsniveau middelbaar (%)",
        "Middle education level (%)",
        Percent,
        None,
        Neutral,
        ["opleidingsniveau/middelbaar/waarde"]
    ),
    def!(
        "high_education_pct",
        "Opleidingsniveau hoog (%)",
        "High education level (%)",
        Percent,
        None,
        Protective,
        ["opleidingsniveau/hoog/waarde"]
    ),
    def!(
        "low_income_hh_pct",
        "Huishoudens met een laag inkomen",
        "Households with a low income",
        Percent,
        Some("households"),
        Risk,
        [
            "inkomen/inkomen van huishoudens/huishoudens met een laag inkomen",
            "huishoudensmeteenlaaginkomen",
            "p_hh_li",
            "percentage_huishoudens_met_laag_inkomen"
        ]
    ),
    def!(
        "poverty_persons_pct",
        "Personen in armoede (armoedegrens 2024)",
        "Persons below the poverty line (2024 definition)",
        Percent,
        Some("inhabitants"),
        Risk,
        [
            "inkomen/personen in armoede",
            "personeninarmoede",
            "p_ink_ar"
        ]
    ),
    def!(
        "social_minimum_hh_pct",
        "Huishoudens onder of rond sociaal minimum",
        "Households at or below the social minimum",
        Percent,
        Some("households"),
        Risk,
        [
            "inkomen/inkomen van huishoudens/huishoudens onder of rond sociaal minimum",
            "huishonderofrondsociaalminimum",
            "p_hh_osm"
        ]
    ),
    def!(
        "bijstand",
        "Personen met bijstand",
        "Persons on social assistance",
        Count,
        Some("inhabitants"),
        Risk,
        [
            "sociale zekerheid/personen per soort uitkering/bijstand",
            "personenpersoortuitkeringbijstand",
            "a_soz_wb",
            "aantal_personen_met_een_alg_bijstandsuitkering_tot"
        ]
    ),
    def!(
        "bijstand_per_1000",
        "Personen met bijstand per 1.000 inwoners",
        "Social assistance per 1,000 inhabitants",
        PerThousand,
        Some("inhabitants"),
        Risk,
        []
    ),
    def!(
        "ao_benefit",
        "Personen met AO-uitkering",
        "Persons on disability benefit",
        Count,
        Some("inhabitants"),
        Risk,
        [
            "sociale zekerheid/personen per soort uitkering/ao",
            "personenpersoortuitkeringao",
            "a_soz_ao"
        ]
    ),
    def!(
        "ww_benefit",
        "Personen met WW-uitkering",
        "Persons on unemployment benefit",
        Count,
        Some("inhabitants"),
        Risk,
        [
            "sociale zekerheid/personen per soort uitkering/ww",
            "personenpersoortuitkeringww",
            "a_soz_ww"
        ]
    ),
    def!(
        "youth_care_pct",
        "Jongeren met jeugdzorg in natura",
        "Young people with youth care",
        Percent,
        None,
        Risk,
        [
            "zorg/jongeren met jeugdzorg in natura",
            "percentagejongerenmetjeugdzorg",
            "p_jz_tn",
            "percentage_jongeren_met_jeugdzorg_in_natura"
        ]
    ),
    def!(
        "youth_care",
        "Jongeren met jeugdzorg in natura (aantal)",
        "Young people with youth care (count)",
        Count,
        None,
        Risk,
        ["jongerenmetjeugdzorginnatura", "a_jz_tn"]
    ),
    def!(
        "wmo_per_1000",
        "Wmo-clienten per 1.000 inwoners",
        "Wmo clients per 1,000 inhabitants",
        PerThousand,
        Some("inhabitants"),
        Risk,
        [
            "zorg/wmo-clienten relatief",
            "wmoclientenrelatief",
            "p_wmo_t"
        ]
    ),
    def!(
        "wmo",
        "Wmo-clienten",
        "Wmo clients",
        Count,
        Some("inhabitants"),
        Risk,
        ["zorg/wmo-clienten", "wmoclienten", "a_wmo_t"]
    ),
    def!(
        "school_distance_km",
        "Afstand tot basisschool",
        "Distance to primary school",
        Km,
        None,
        Neutral,
        [
            "onderwijs/basisonderwijs/afstand tot school",
            "nabijheid voorzieningen/afstand tot school",
            "afstandtotschool",
            "g_afs_sc",
            "basisonderwijs_gemiddelde_afstand_in_km"
        ]
    ),
    def!(
        "schools_within_3km",
        "Basisscholen binnen 3 km",
        "Primary schools within 3 km",
        Count,
        None,
        Neutral,
        [
            "onderwijs/basisonderwijs/scholen binnen 3 km",
            "scholenbinnen3km",
            "g_3km_sc",
            "basisonderwijs_binnen_3_km"
        ]
    ),
    def!(
        "urbanity",
        "Mate van stedelijkheid",
        "Degree of urbanisation",
        Score,
        None,
        Neutral,
        [
            "stedelijkheid/mate van stedelijkheid",
            "matevanstedelijkheid",
            "ste_mvs"
        ]
    ),
    def!(
        "address_density",
        "Omgevingsadressendichtheid",
        "Address density",
        Count,
        None,
        Neutral,
        [
            "stedelijkheid/omgevingsadressendichtheid",
            "omgevingsadressendichtheid",
            "ste_oad"
        ]
    ),
    def!(
        "ses_woa_score",
        "SES-WOA totaalscore",
        "SES-WOA total score",
        Score,
        None,
        Protective,
        [
            "ses-woa/totaalscore/gemiddelde score",
            "totaalscore/gemiddelde score"
        ]
    ),
    def!(
        "ses_woa_spread",
        "SES-WOA spreiding",
        "SES-WOA spread",
        Score,
        None,
        Neutral,
        ["spreiding/spreiding totaal/waarde"]
    ),
    IndicatorDef {
        id: "migration_background_pct",
        label_nl: "Inwoners met migratieachtergrond",
        label_en: "Inhabitants with a migration background",
        unit: Unit::Percent,
        denominator: Some("inhabitants"),
        direction: Direction::Neutral,
        sensitive: true,
        aliases: &[
            "bevolking/migratieachtergrond",
            "migratieachtergrond",
            "p_migr",
            "p_west",
            "p_n_w_al",
            "herkomst",
        ],
    },
];

/// Derived rates: (id, numerator count, denominator count, factor).
pub static DERIVED: &[(&str, &str, &str, f64)] = &[
    ("bijstand_per_1000", "bijstand", "inhabitants", 1000.0),
    ("divorced_pct", "divorced", "inhabitants", 100.0),
    ("low_education_pct", "low_education", "inhabitants", 100.0),
    ("children_0_14_pct", "children_0_14", "inhabitants", 100.0),
    (
        "households_with_children_pct",
        "households_with_children",
        "households",
        100.0,
    ),
];
