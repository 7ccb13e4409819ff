//! One GeoJSON feature read as a boundary: its code, names, water flag and
//! shape.

use super::geometry::to_multipolygon;
use super::keys::{
    str_prop, CODE_KEYS, GM_CODE_KEYS, GM_NAME_KEYS, NAME_KEYS, WATER_KEYS, WK_CODE_KEYS,
};
use super::raw_geometry::RawGeometry;
use crate::domain::dataset::BoundaryFeature;
use crate::domain::report::Issue;
use crate::io::error::LoadError;
use crate::io::table::looks_like_code;
use crate::said;
use serde::Deserialize;
use serde_json::{Map, Value as Json};

/// A feature as read; `G` is how its geometry is read (see `strict`).
#[derive(Deserialize)]
pub(crate) struct RawFeature<G = RawGeometry> {
    // A plain `default` would ask `G: Default` of the geometry types.
    #[serde(default = "no_geometry")]
    pub(super) geometry: Option<G>,
    #[serde(default)]
    pub(super) properties: Option<Map<String, Json>>,
    #[serde(default)]
    pub(super) id: Option<Json>,
}

fn no_geometry<G>() -> Option<G> {
    None
}

impl RawFeature {
    /// A feature from another container (a GeoPackage row).
    pub(crate) fn new(
        geometry: Option<geojson::Geometry>,
        properties: Map<String, Json>,
    ) -> RawFeature {
        RawFeature {
            geometry: geometry.map(|g| RawGeometry::from(&g.value)),
            properties: Some(properties),
            id: None,
        }
    }
}

fn feature_code<G>(f: &RawFeature<G>) -> Option<String> {
    let from_props = f.properties.as_ref().and_then(|p| str_prop(p, CODE_KEYS));
    let from_id =
        f.id.as_ref()
            .and_then(|v| v.as_str())
            .filter(|s| looks_like_code(s));
    from_props.or(from_id).map(|c| c.to_ascii_uppercase())
}

/// The feature as the dataset takes it, its shape built from `geometry`
/// (the feature's own, handed over so its rings are moved, not copied). A
/// feature without a code is an error: nothing could be joined to it.
pub(super) fn boundary_feature<G>(
    file: &str,
    i: usize,
    f: &RawFeature<G>,
    geometry: Option<RawGeometry>,
    warnings: &mut Vec<Issue>,
) -> Result<BoundaryFeature, LoadError> {
    let Some(code) = feature_code(f) else {
        let found = f
            .properties
            .as_ref()
            .map(|p| p.keys().cloned().collect::<Vec<_>>().join(", "))
            .unwrap_or_else(|| "none".into());
        return Err(LoadError::NoCode {
            file: file.to_string(),
            feature: i,
            looked_for: CODE_KEYS.join(", "),
            found,
        });
    };
    let props = f.properties.as_ref();
    let geometry = match geometry {
        None => {
            warnings.push(Issue::feature(
                file,
                i,
                Some(&code),
                said!(
                    "geometrie is null: bewaard zonder vorm",
                    "geometry is null: kept without a shape"
                ),
            ));
            None
        }
        Some(g) => to_multipolygon(g, file, i, &code, warnings),
    };
    let water = props
        .and_then(|p| str_prop(p, WATER_KEYS))
        .map(|w| w.eq_ignore_ascii_case("JA"));
    Ok(BoundaryFeature {
        index: i,
        name: props
            .and_then(|p| str_prop(p, NAME_KEYS))
            .map(str::to_string),
        gemeente_code: props
            .and_then(|p| str_prop(p, GM_CODE_KEYS))
            .map(|s| s.to_ascii_uppercase()),
        gemeente_name: props
            .and_then(|p| str_prop(p, GM_NAME_KEYS))
            .map(str::to_string),
        wijk_code: props
            .and_then(|p| str_prop(p, WK_CODE_KEYS))
            .map(|s| s.to_ascii_uppercase()),
        water,
        geometry,
        code,
    })
}
