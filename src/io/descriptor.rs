//! Columns that describe a region (its code, name, kind, boundary changes)
//! rather than measure it. They are never indicators, even when their
//! values look like numbers: a boundary-change code of 1 is not a figure.

use crate::domain::registry::{normalise_name, unit_from_title};

/// Exact names (normalised) across StatLine, kwb and the GeoPackage.
const DESCRIPTOR_COLUMNS: &[&str] = &[
    "perioden",
    "periode",
    "jaar",
    "recs",
    "ind_wbi",
    "gm_naam",
    "wk_naam",
    "bu_naam",
    "gm_code",
    "wk_code",
    "bu_code",
    "gwb_code",
    "gwb_code_8",
    "gwb_code_10",
    "wijkcode",
    "buurtcode",
    "gemeentecode",
    "gemeentenaam",
    "wijknaam",
    "buurtnaam",
    "regio",
    "soort regio",
    "id",
    "fid",
    "water",
    "postcode",
    "meest_voorkomende_postcode",
    "dek_perc",
    "dekkingspercentage",
    "pst_mvp",
    "pst_dekp",
    "jrstatcode",
    "statcode",
    "statnaam",
    "rubriek",
];

/// Parts of a StatLine title that mark a descriptor, whatever the theme
/// path in front ("Regioaanduiding/Indelingswijziging wijken en buurten",
/// "Indelingswijziging gemeente, wijk, buurt (code)", ".../Soort regio").
const DESCRIPTOR_PARTS: &[&str] = &["indelingswijziging", "soort regio", "codering"];

/// True for a column that describes the region rather than measures it.
pub fn is_descriptor(header: &str) -> bool {
    let n = normalise_name(header);
    if DESCRIPTOR_COLUMNS.contains(&n.as_str()) {
        return true;
    }
    if DESCRIPTOR_PARTS.iter().any(|p| n.contains(p)) {
        return true;
    }
    // StatLine marks codes with the unit "(code)"; names end in "naam".
    let last = n.rsplit('/').next().unwrap_or(&n);
    unit_from_title(header).is_some_and(|u| u.eq_ignore_ascii_case("code"))
        || last.ends_with("naam")
        || last.ends_with("_code")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_descriptors_are_recognised() {
        for h in [
            "Indelingswijziging gemeente, wijk, buurt (code)",
            "Regioaanduiding/Indelingswijziging wijken en buurten (code)",
            "Regioaanduiding/Soort regio (omschrijving)",
            "Regioaanduiding/Codering (code)",
            "Regioaanduiding/Gemeentenaam (naam)",
            "gwb_code_10",
            "gm_naam",
            "recs",
            "ind_wbi",
            "buurtcode",
            "gemeentenaam",
            "water",
            "meest_voorkomende_postcode",
            "BU_CODE",
            "GM_NAAM",
        ] {
            assert!(is_descriptor(h), "{h}");
        }
    }

    #[test]
    fn figures_are_not_descriptors() {
        for h in [
            "Bevolking/Aantal inwoners (aantal)",
            "a_inw",
            "p_hh_li",
            "aantal_inwoners",
            "percentage_huishoudens_met_laag_inkomen",
            "AANT_INW",
            "Opleidingsniveau/Laag/Waarde (%)",
        ] {
            assert!(!is_descriptor(h), "{h}");
        }
    }
}
