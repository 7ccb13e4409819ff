//! The CBS Wijk- en buurtkaart as GeoPackage (`wijkenbuurten_YYYY_vN.gpkg`):
//! one file that is both boundaries and figures. A feature layer is read
//! with SQLite (bundled, no system GDAL), each row becomes a feature with
//! its attributes as properties, and the boundary reader takes it from
//! there: the same code, name and water keys, the same geometry repairs,
//! and attributes through the registry with sentinels <= -99990 as
//! missing values with their reason.
//!
//! - `binary`: the GeoPackage geometry header and WKB
//! - `level`: a wijk or gemeente layer is refused with what to do instead
//! - `write`: a minimal writer for tests and the sample generator

pub mod binary;
mod level;
pub mod write;

use super::boundaries::{from_features, Boundaries, RawFeature};
use super::crs::Crs;
use super::error::LoadError;
use super::source::Source;
use crate::i18n::Said;
use crate::said;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::{Map, Number, Value as Json};

/// The layer read when none is chosen: the buurten of the wijk- en buurtkaart.
pub const DEFAULT_LAYER: &str = "buurten";

/// True when the bytes are an SQLite database (a GeoPackage is one).
pub fn looks_like_sqlite(src: &Source) -> bool {
    src.bytes.starts_with(b"SQLite format 3\0")
}

fn err(file: &str, message: Said) -> LoadError {
    LoadError::Format {
        file: file.to_string(),
        message,
    }
}

/// SQLite reads files, not memory: an embedded or in-memory source goes to
/// a temporary copy that is removed when the handle drops.
struct Opened {
    conn: Connection,
    _tmp: Option<tempfile::NamedTempFile>,
}

fn open(src: &Source) -> Result<Opened, LoadError> {
    if !looks_like_sqlite(src) {
        return Err(err(
            &src.name,
            said!(
                "geen GeoPackage: het bestand begint niet met de SQLite-kop \"SQLite format 3\"",
                "not a GeoPackage: the file does not start with the SQLite header \"SQLite format 3\""
            ),
        ));
    }
    let no_copy = |e: std::io::Error| {
        err(
            &src.name,
            said!(
                "kan geen tijdelijke kopie maken om te openen: {e}",
                "cannot make a temporary copy to open: {e}"
            ),
        )
    };
    let mut tmp = tempfile::NamedTempFile::new().map_err(no_copy)?;
    std::io::Write::write_all(&mut tmp, &src.bytes).map_err(no_copy)?;
    let conn = Connection::open_with_flags(
        tmp.path(),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| {
        err(
            &src.name,
            said!(
                "kan niet als SQLite openen: {e}",
                "cannot open as SQLite: {e}"
            ),
        )
    })?;
    Ok(Opened {
        conn,
        _tmp: Some(tmp),
    })
}

/// A SQLite error after what was being read (said in both languages);
/// SQLite's own text as it is.
fn sql_err(file: &str, what: Said) -> impl Fn(rusqlite::Error) -> LoadError {
    let file = file.to_string();
    move |e| err(&file, said!("{what}: {e}", "{what}: {e}"; what))
}

/// The feature layers the file lists in `gpkg_contents`.
pub fn feature_layers(conn: &Connection, file: &str) -> Result<Vec<String>, LoadError> {
    let mut stmt = conn
        .prepare(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name",
        )
        .map_err(sql_err(
            file,
            said!(
                "geen GeoPackage (geen leesbare tabel gpkg_contents)",
                "not a GeoPackage (no readable gpkg_contents table)"
            ),
        ))?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(sql_err(file, reading_contents()))?;
    rows.collect::<Result<Vec<_>, _>>()
        .map_err(sql_err(file, reading_contents()))
}

fn reading_contents() -> Said {
    said!("bij het lezen van gpkg_contents", "reading gpkg_contents")
}

/// The layer's geometry column and the EPSG code of its srs.
fn geometry_column(conn: &Connection, file: &str, layer: &str) -> Result<(String, Crs), LoadError> {
    let (column, srs_id): (String, i64) = conn
        .query_row(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?1",
            [layer],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(sql_err(
            file,
            said!(
                "laag {layer}: geen regel in gpkg_geometry_columns",
                "layer {layer}: no entry in gpkg_geometry_columns"
            ),
        ))?;
    let (org, code): (String, i64) = conn
        .query_row(
            "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?1",
            [srs_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(sql_err(
            file,
            said!(
                "laag {layer}: srs_id {srs_id} staat niet in gpkg_spatial_ref_sys",
                "layer {layer}: srs_id {srs_id} is not in gpkg_spatial_ref_sys"
            ),
        ))?;
    let crs = match (org.to_ascii_uppercase().as_str(), code) {
        ("EPSG", 28992) => Crs::Rd,
        ("EPSG", 4326) => Crs::Wgs84,
        _ => {
            return Err(err(
                file,
                said!(
                    "laag {layer}: coördinaten in {org}:{code}; buurtradar leest EPSG:28992 (Rijksdriehoek) of EPSG:4326 (WGS84)",
                    "layer {layer}: coordinates in {org}:{code}; buurtradar reads EPSG:28992 (Rijksdriehoek) or EPSG:4326 (WGS84)"
                ),
            ))
        }
    };
    Ok((column, crs))
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Read one feature layer as boundaries with its attributes as figures.
pub fn read_gpkg(
    src: &Source,
    layer: Option<&str>,
    explicit: Option<Crs>,
) -> Result<Boundaries, LoadError> {
    let file = src.name.as_str();
    let opened = open(src)?;
    let conn = &opened.conn;
    let layers = feature_layers(conn, file)?;
    let layer = layer.unwrap_or(DEFAULT_LAYER);
    if !layers.iter().any(|l| l == layer) {
        return Err(err(
            file,
            if layers.is_empty() {
                said!(
                    "geen objectlaag {layer:?} (het bestand heeft geen objectlagen); kies er een met --layer",
                    "no feature layer {layer:?} (the feature layers are: none); choose one with --layer"
                )
            } else {
                said!(
                    "geen objectlaag {layer:?} (de objectlagen zijn: {}); kies er een met --layer",
                    "no feature layer {layer:?} (the feature layers are: {}); choose one with --layer",
                    layers.join(", ")
                )
            },
        ));
    }
    let (geom_col, crs) = geometry_column(conn, file, layer)?;
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {}", quote_ident(layer)))
        .map_err(sql_err(file, said!("laag {layer}", "layer {layer}")))?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let Some(gi) = names.iter().position(|n| n.eq_ignore_ascii_case(&geom_col)) else {
        return Err(err(
            file,
            said!(
                "laag {layer}: geometriekolom {geom_col:?} hoort niet bij de kolommen ({})",
                "layer {layer}: geometry column {geom_col:?} is not among its columns ({})",
                names.join(", ")
            ),
        ));
    };
    let mut rows = stmt
        .query([])
        .map_err(sql_err(file, said!("laag {layer}", "layer {layer}")))?;
    let mut features = Vec::new();
    // Kept to explain a layer of wijken or gemeenten by an example code.
    let mut first_props: Option<Map<String, Json>> = None;
    while let Some(row) = rows
        .next()
        .map_err(sql_err(file, said!("laag {layer}", "layer {layer}")))?
    {
        let i = features.len();
        let mut props = Map::new();
        let mut geometry = None;
        for (c, name) in names.iter().enumerate() {
            let v = row.get_ref(c).map_err(sql_err(
                file,
                said!(
                    "laag {layer}, object {i}, kolom {name}",
                    "layer {layer}, feature {i}, column {name}"
                ),
            ))?;
            if c == gi {
                geometry = feature_geometry(v).map_err(|m| {
                    err(
                        file,
                        said!(
                            "laag {layer}, object {i}, kolom {name}: {m}",
                            "layer {layer}, feature {i}, column {name}: {m}"
                        ),
                    )
                })?;
                continue;
            }
            let json = match v {
                ValueRef::Null => Json::Null,
                ValueRef::Integer(n) => Json::Number(n.into()),
                ValueRef::Real(f) => Number::from_f64(f).map(Json::Number).unwrap_or(Json::Null),
                ValueRef::Text(t) => Json::String(String::from_utf8_lossy(t).into_owned()),
                // Blobs other than the geometry carry no figures.
                ValueRef::Blob(_) => continue,
            };
            props.insert(name.clone(), json);
        }
        if first_props.is_none() {
            first_props = Some(props.clone());
        }
        features.push(RawFeature::new(geometry, props));
    }
    let mut b = match from_features(file, &features, Some(Ok(crs)), explicit) {
        Err(e @ LoadError::NoCode { .. }) => {
            return Err(first_props
                .and_then(|p| level::explain_missing_code(file, layer, &names, &p))
                .unwrap_or(e));
        }
        other => other?,
    };
    level::check_codes(file, layer, &b.features)?;
    b.format = said!("GeoPackage, laag {layer}", "GeoPackage, layer {layer}");
    Ok(b)
}

/// The geometry of one row; `None` for NULL or an empty geometry (the
/// boundary reader reports those and keeps the feature without a shape).
fn feature_geometry(v: ValueRef<'_>) -> Result<Option<geojson::Geometry>, String> {
    let blob = match v {
        ValueRef::Null => return Ok(None),
        ValueRef::Blob(b) => b,
        other => return Err(format!("geometry is {:?}, not a blob", other.data_type())),
    };
    let h = binary::header(blob).map_err(|e| e.0)?;
    if h.empty {
        return Ok(Some(geojson::Geometry::new(
            geojson::GeometryValue::MultiPolygon {
                coordinates: Vec::new(),
            },
        )));
    }
    let value = binary::wkb(&blob[h.wkb_offset..]).map_err(|e| e.0)?;
    Ok(Some(geojson::Geometry::new(value)))
}

#[cfg(test)]
mod tests;
