//! The sample as the CBS wijk- en buurtkaart GeoPackage: a `buurten` layer
//! in Rijksdriehoek with the kaart's attribute names (`buurtcode`,
//! `water`, `aantal_inwoners`, `percentage_huishoudens_met_laag_inkomen`,
//! ...) and sentinel -99997 where the StatLine file has `.`.
//!
//! The shapes are the GeoJSON's, read back and projected with buurtradar's
//! own projection, so the GeoPackage holds exactly the coordinates the
//! GeoJSON reader arrives at: the two boundary files differ in format
//! only, and a ranking from either can be compared byte for byte.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{anyhow, Context, Result};
use buurtradar::io::crs::Projector;
use buurtradar::io::gpkg::binary::encode_multipolygon;
use buurtradar::io::gpkg::write::{write_gpkg, Attr, Layer};
use serde_json::Value as Json;

use super::publish::{Level, Row, Val};

/// CBS's sentinel for "secret or not present" in the kaart's attributes.
const SECRET: i64 = -99997;

/// The kaart attribute and the StatLine figure it carries. Only concepts
/// the kaart publishes under a name of its own are here; StatLine's counts
/// of children, divorced people and households with children and its Wmo
/// rate have no kaart attribute in this form.
fn figures(r: &Row) -> [(&'static str, Val); 9] {
    [
        ("aantal_inwoners", r.inhabitants),
        ("aantal_huishoudens", r.households),
        ("gemiddelde_woningwaarde", r.woz),
        (
            "perc_huurwoningen_in_bezit_woningcorporaties",
            r.social_rent,
        ),
        ("percentage_huishoudens_met_laag_inkomen", r.low_income),
        (
            "aantal_personen_met_een_alg_bijstandsuitkering_tot",
            r.bijstand,
        ),
        (
            "percentage_jongeren_met_jeugdzorg_in_natura",
            r.youth_care_pct,
        ),
        ("basisonderwijs_gemiddelde_afstand_in_km", r.school_km),
        ("basisonderwijs_binnen_3_km", r.schools_3km),
    ]
}

const TEXT_ATTRS: [&str; 6] = [
    "buurtcode",
    "buurtnaam",
    "wijkcode",
    "gemeentecode",
    "gemeentenaam",
    "water",
];

/// Writes `gpkg` from the boundary GeoJSON just written and the table rows;
/// `rd`: the GeoJSON is already in RD metres (the national set).
pub(crate) fn write_sample_gpkg(gpkg: &Path, geojson: &Path, rows: &[Row], rd: bool) -> Result<()> {
    let text = std::fs::read(geojson).with_context(|| format!("reading {}", geojson.display()))?;
    let fc: Json = serde_json::from_slice(&text)?;
    let features = fc["features"]
        .as_array()
        .ok_or_else(|| anyhow!("{}: no features", geojson.display()))?;
    let by_code: HashMap<&str, &Row> = rows
        .iter()
        .filter(|r| r.level == Level::Buurt)
        .map(|r| (r.code.as_str(), r))
        .collect();
    let projector = if rd {
        None
    } else {
        Some(Projector::new().map_err(|e| anyhow!(e))?)
    };
    let mut columns: Vec<(String, &'static str)> =
        TEXT_ATTRS.iter().map(|n| (n.to_string(), "TEXT")).collect();
    if let Some(r) = rows.first() {
        columns.extend(figures(r).iter().map(|(n, _)| (n.to_string(), "REAL")));
    }
    let mut layer_rows = Vec::with_capacity(features.len());
    for f in features {
        let props = &f["properties"];
        let mut attrs: Vec<Attr> = TEXT_ATTRS
            .iter()
            .map(|n| match props[*n].as_str() {
                Some(s) => Attr::Text(s.to_string()),
                None => Attr::Null,
            })
            .collect();
        let code = props["buurtcode"].as_str().unwrap_or_default();
        match by_code.get(code) {
            Some(r) => attrs.extend(figures(r).iter().map(|(_, v)| attr(*v))),
            // Not in the tables: the kaart has no figures either.
            None => attrs.extend(std::iter::repeat_n(Attr::Null, columns.len() - attrs.len())),
        }
        let geom = geometry(&f["geometry"], projector.as_ref())
            .with_context(|| format!("{}: feature {code}", geojson.display()))?;
        layer_rows.push((attrs, geom));
    }
    if gpkg.exists() {
        std::fs::remove_file(gpkg).with_context(|| format!("replacing {}", gpkg.display()))?;
    }
    write_gpkg(
        gpkg,
        &[Layer {
            name: "buurten".to_string(),
            columns,
            rows: layer_rows,
        }],
    )
    .with_context(|| format!("writing {}", gpkg.display()))
}

fn attr(v: Val) -> Attr {
    match v {
        Val::Num(x, d) => Attr::Real(format!("{x:.d$}").parse().unwrap_or(x)),
        Val::Secret => Attr::Int(SECRET),
        Val::Empty => Attr::Null,
    }
}

type Polygon = Vec<Vec<[f64; 2]>>;

/// A Polygon or MultiPolygon in lon/lat (or already in RD metres, as the
/// national set is written) as GeoPackage binary in RD.
fn geometry(g: &Json, projector: Option<&Projector>) -> Result<Option<Vec<u8>>> {
    let polygons: Vec<&Json> = match g["type"].as_str() {
        None => return Ok(None),
        Some("Polygon") => vec![&g["coordinates"]],
        Some("MultiPolygon") => g["coordinates"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        Some(other) => return Err(anyhow!("unexpected geometry {other}")),
    };
    let mut out: Vec<Polygon> = Vec::with_capacity(polygons.len());
    for p in polygons {
        let mut rings = Vec::new();
        for ring in p.as_array().into_iter().flatten() {
            let mut coords: Vec<geo::Coord<f64>> = ring
                .as_array()
                .into_iter()
                .flatten()
                .map(|pt| geo::Coord {
                    x: pt[0].as_f64().unwrap_or(f64::NAN),
                    y: pt[1].as_f64().unwrap_or(f64::NAN),
                })
                .collect();
            if let Some(projector) = projector {
                projector.wgs84_to_rd(&mut coords).map_err(|e| anyhow!(e))?;
            }
            rings.push(coords.iter().map(|c| [c.x, c.y]).collect());
        }
        out.push(rings);
    }
    Ok(Some(encode_multipolygon(28992, &out)))
}
