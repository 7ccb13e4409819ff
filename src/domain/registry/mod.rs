//! The indicator registry: every CBS indicator we know, with the names it goes
//! by across years and products.
//!
//! Column names are matched after [`normalise_name`], so a StatLine title
//! (`"Bevolking/Aantal inwoners (aantal)"`), an OData key with its positional
//! suffix (`AantalInwoners_5`), a kwb short name (`a_inw `) and a GeoPackage
//! attribute (`aantal_inwoners`) all find the same entry. Different
//! definitions (the 2024 poverty line vs. the older "laag inkomen") are
//! different entries on purpose: merging them would compare unlike figures.
//!
//! - `table`: the entries themselves, as data
//! - `names`: how a column name is reduced before it is looked up

mod names;
mod table;

pub use names::{normalise_name, unit_from_title};
pub use table::{DERIVED, REGISTRY};

use super::value::Direction;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    Percent,
    PerThousand,
    Km,
    ThousandEuro,
    Score,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "%",
            Unit::PerThousand => "per 1,000",
            Unit::Km => "km",
            Unit::ThousandEuro => "x 1,000 euro",
            Unit::Score => "score",
        }
    }
}

/// One known indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorDef {
    pub id: &'static str,
    pub label_nl: &'static str,
    pub label_en: &'static str,
    pub unit: Unit,
    /// The indicator whose value this one is a share or rate of, when known.
    pub denominator: Option<&'static str>,
    pub direction: Direction,
    /// Ethnicity / migration background: never weighted by default, and any
    /// output that weights it says so.
    pub sensitive: bool,
    /// Names across products, already normalised: StatLine title paths, OData
    /// keys without suffix, kwb short names, GeoPackage attributes.
    pub aliases: &'static [&'static str],
}

/// Find the registry entry a column name refers to.
pub fn lookup(raw_name: &str) -> Option<&'static IndicatorDef> {
    let n = normalise_name(raw_name);
    if n.is_empty() {
        return None;
    }
    REGISTRY
        .iter()
        .find(|d| d.id == n || d.aliases.contains(&n.as_str()))
}

pub fn by_id(id: &str) -> Option<&'static IndicatorDef> {
    REGISTRY.iter().find(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_across_products_find_one_entry() {
        for name in [
            "Bevolking/Aantal inwoners (aantal)",
            "AantalInwoners_5",
            "a_inw",
            "a_inw ",
            "aantal_inwoners",
        ] {
            assert_eq!(lookup(name).map(|d| d.id), Some("inhabitants"), "{name}");
        }
        for name in [
            "PercentageJongerenMetJeugdzorg_88",
            "PercentageJongerenMetJeugdzorg_97",
            "p_jz_tn",
            "Zorg/Jongeren met jeugdzorg in natura (%)",
        ] {
            assert_eq!(lookup(name).map(|d| d.id), Some("youth_care_pct"), "{name}");
        }
        assert_eq!(lookup("a_00_14").map(|d| d.id), Some("children_0_14"));
        assert_eq!(
            lookup("Zorg/Wmo-cliënten relatief (per 1 000 inwoners)").map(|d| d.id),
            Some("wmo_per_1000")
        );
    }

    #[test]
    fn poverty_definitions_stay_apart() {
        assert_eq!(lookup("p_hh_li").map(|d| d.id), Some("low_income_hh_pct"));
        assert_eq!(
            lookup("PersonenInArmoede_81").map(|d| d.id),
            Some("poverty_persons_pct")
        );
    }

    #[test]
    fn registry_ids_and_aliases_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for d in REGISTRY {
            assert!(seen.insert(d.id.to_string()), "duplicate id {}", d.id);
            for a in d.aliases {
                assert_eq!(normalise_name(a), *a, "alias not normalised: {a}");
                assert!(seen.insert(a.to_string()), "duplicate alias {a}");
            }
        }
    }

    #[test]
    fn unknown_names_are_custom() {
        assert!(lookup("pct_kinderbeschermingsmaatregel").is_none());
        assert!(lookup("").is_none());
    }
}
