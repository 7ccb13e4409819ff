//! Which kind of unit a GeoPackage layer holds. The wijk- en buurtkaart
//! has `buurten`, `wijken` and `gemeenten` layers; buurtradar counts
//! schools and ranks on buurt shapes (wijken are ranked by rolling buurten
//! up), so a wijk or gemeente layer gets an error that says what to do
//! instead of being taken for buurten.

use super::err;
use crate::domain::dataset::BoundaryFeature;
use crate::io::error::LoadError;
use crate::said;

/// The level a set of region codes is at when none of them is a buurt.
fn level_of<'a>(codes: impl Iterator<Item = &'a str>) -> Option<(&'static str, String)> {
    let mut first = None;
    let mut level = None;
    for c in codes {
        let upper = c.trim().to_ascii_uppercase();
        let this = if upper.starts_with("WK") {
            "wijken"
        } else if upper.starts_with("GM") {
            "gemeenten"
        } else {
            return None;
        };
        if level.is_some_and(|l| l != this) {
            return None;
        }
        level = Some(this);
        first.get_or_insert_with(|| c.trim().to_string());
    }
    level.zip(first)
}

fn unsupported(file: &str, layer: &str, level: &str, example: &str) -> LoadError {
    let instead = if level == "wijken" {
        said!(
            "om wijken te rangschikken: lees de buurten en geef --rule wijk, dat de buurtcijfers optelt tot hun wijk",
            "to rank wijken, read the buurten and add --rule wijk, which rolls the buurt figures up to their wijk"
        )
    } else {
        said!(
            "om de rangschikking tot gemeenten te beperken: lees de buurten en geef --gemeente NAAM|CODE",
            "to limit the ranking to gemeenten, read the buurten and add --gemeente NAME|CODE"
        )
    };
    err(
        file,
        said!(
            "laag {layer} bevat {level} (codes zoals {example}), geen buurten: buurtradar telt scholen en rangschikt op buurtvormen. Gebruik --layer buurten (de standaard); {instead}",
            "layer {layer} holds {level} (codes such as {example}), not buurten: buurtradar counts schools and ranks on buurt shapes. Use --layer buurten (the default); {instead}";
            instead
        ),
    )
}

/// After the features are read: every code a WK or GM code is an error.
pub(super) fn check_codes(
    file: &str,
    layer: &str,
    features: &[BoundaryFeature],
) -> Result<(), LoadError> {
    match level_of(features.iter().map(|f| f.code.as_str())) {
        Some((level, example)) => Err(unsupported(file, layer, level, &example)),
        None => Ok(()),
    }
}

/// When no buurt code column was found: a layer with wijk or gemeente code
/// columns gets the level error instead of "no buurt code".
pub(super) fn explain_missing_code(
    file: &str,
    layer: &str,
    columns: &[String],
    first_row: &serde_json::Map<String, serde_json::Value>,
) -> Option<LoadError> {
    let has = |keys: &[&str]| {
        columns
            .iter()
            .find(|c| keys.iter().any(|k| c.eq_ignore_ascii_case(k)))
            .cloned()
    };
    let (level, column) = if let Some(c) = has(&["wijkcode", "wk_code"]) {
        ("wijken", c)
    } else if let Some(c) = has(&["gemeentecode", "gm_code"]) {
        ("gemeenten", c)
    } else {
        return None;
    };
    let example = first_row
        .get(&column)
        .and_then(|v| v.as_str())
        .unwrap_or("?")
        .trim()
        .to_string();
    Some(unsupported(file, layer, level, &example))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_from_codes() {
        assert_eq!(
            level_of(["WK000100", "wk000101"].into_iter()),
            Some(("wijken", "WK000100".to_string()))
        );
        assert_eq!(
            level_of(["GM0001"].into_iter()),
            Some(("gemeenten", "GM0001".to_string()))
        );
        assert_eq!(level_of(["WK000100", "BU00010001"].into_iter()), None);
        assert_eq!(level_of(["WK000100", "GM0001"].into_iter()), None);
        assert_eq!(level_of(std::iter::empty()), None);
    }
}
