//! The property names boundary files use for codes, names and flags, and
//! the ones that are bookkeeping rather than figures.

use serde_json::{Map, Value as Json};

pub(super) const CODE_KEYS: &[&str] = &[
    "buurtcode",
    "statcode",
    "BU_CODE",
    "bu_code",
    "BUURTCODE",
    "gwb_code",
    "CBS_CODE",
    "code",
];
pub(super) const NAME_KEYS: &[&str] = &[
    "buurtnaam",
    "statnaam",
    "BU_NAAM",
    "bu_naam",
    "BUURTNAAM",
    "regio",
    "naam",
    "name",
];
pub(super) const GM_CODE_KEYS: &[&str] = &[
    "gemeentecode",
    "GM_CODE",
    "gm_code",
    "gmCode",
    "GEMEENTECODE",
];
pub(super) const GM_NAME_KEYS: &[&str] = &["gemeentenaam", "GM_NAAM", "gm_naam", "GEMEENTENAAM"];
pub(super) const WK_CODE_KEYS: &[&str] = &["wijkcode", "WK_CODE", "wk_code", "WIJKCODE"];
pub(super) const WATER_KEYS: &[&str] = &["water", "WATER"];
/// Properties that are identifiers or geometry bookkeeping, not figures.
pub(super) const NOT_FIGURES: &[&str] = &[
    "id",
    "fid",
    "objectid",
    "shape_area",
    "shape_length",
    "shape_leng",
    "rubriek",
    "jrstatcode",
    "ind_wbi",
    "h2o",
    "oad",
    "gmcode",
    "wijknaam",
    "wk_naam",
];

/// The first non-empty text property among `keys`.
pub(super) fn str_prop<'a>(props: &'a Map<String, Json>, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| props.get(*k))
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A property that says what a feature is rather than a figure about it.
pub(super) fn is_attribute_key(k: &str) -> bool {
    let lower = k.to_ascii_lowercase();
    CODE_KEYS.contains(&k)
        || NAME_KEYS.contains(&k)
        || GM_CODE_KEYS.contains(&k)
        || GM_NAME_KEYS.contains(&k)
        || WK_CODE_KEYS.contains(&k)
        || WATER_KEYS.contains(&k)
        || NOT_FIGURES.contains(&lower.as_str())
}
