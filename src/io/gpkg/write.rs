//! A minimal GeoPackage writer (OGC 12-128r18: application id, the
//! `gpkg_spatial_ref_sys`, `gpkg_contents` and `gpkg_geometry_columns`
//! tables, feature tables with GeoPackage binary geometry). The tests and
//! the sample generator write their GeoPackages with it, so what the
//! reader is tested on follows the spec rather than the reader.

use rusqlite::{params_from_iter, Connection};
use std::path::Path;

/// One attribute value.
#[derive(Debug, Clone, PartialEq)]
pub enum Attr {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// A feature layer: attribute columns (name, SQL type) and rows of
/// attributes plus a GeoPackage geometry blob (None = NULL geometry).
#[derive(Debug, Clone)]
pub struct Layer {
    pub name: String,
    pub columns: Vec<(String, &'static str)>,
    pub rows: Vec<(Vec<Attr>, Option<Vec<u8>>)>,
}

/// GeoPackage's application id, "GPKG" as a big-endian integer.
const APPLICATION_ID: i32 = 0x4750_4B47;

const RD_WKT: &str = "PROJCS[\"Amersfoort / RD New\",GEOGCS[\"Amersfoort\",DATUM[\"Amersfoort\",SPHEROID[\"Bessel 1841\",6377397.155,299.1528128]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Oblique_Stereographic\"],PARAMETER[\"latitude_of_origin\",52.1561605555556],PARAMETER[\"central_meridian\",5.38763888888889],PARAMETER[\"scale_factor\",0.9999079],PARAMETER[\"false_easting\",155000],PARAMETER[\"false_northing\",463000],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"28992\"]]";

/// Write `layers` to a new GeoPackage at `path`, all in EPSG:28992.
pub fn write_gpkg(path: &Path, layers: &[Layer]) -> rusqlite::Result<()> {
    let conn = Connection::open(path)?;
    conn.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID};
         PRAGMA user_version = 10200;
         CREATE TABLE gpkg_spatial_ref_sys (
           srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
           organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
           definition TEXT NOT NULL, description TEXT);
         INSERT INTO gpkg_spatial_ref_sys VALUES
           ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
           ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),
           ('Amersfoort / RD New', 28992, 'EPSG', 28992, '{RD_WKT}', NULL);
         CREATE TABLE gpkg_contents (
           table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
           identifier TEXT UNIQUE, description TEXT DEFAULT '',
           last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
           min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
           srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
         CREATE TABLE gpkg_geometry_columns (
           table_name TEXT NOT NULL, column_name TEXT NOT NULL,
           geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
           z TINYINT NOT NULL, m TINYINT NOT NULL,
           CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));"
    ))?;
    for layer in layers {
        let quoted = |n: &str| format!("\"{}\"", n.replace('"', "\"\""));
        let cols: Vec<String> = layer
            .columns
            .iter()
            .map(|(n, t)| format!("{} {t}", quoted(n)))
            .collect();
        conn.execute_batch(&format!(
            "CREATE TABLE {} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON{}{});",
            quoted(&layer.name),
            if cols.is_empty() { "" } else { ", " },
            cols.join(", ")
        ))?;
        conn.execute(
            // A fixed last_change: the same layers give a byte-identical file.
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, srs_id) VALUES (?1, 'features', ?1, '2024-01-01T00:00:00.000Z', 28992)",
            [&layer.name],
        )?;
        conn.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', 'MULTIPOLYGON', 28992, 0, 0)",
            [&layer.name],
        )?;
        let names: Vec<String> = layer.columns.iter().map(|(n, _)| quoted(n)).collect();
        let slots: Vec<String> = (0..=layer.columns.len())
            .map(|i| format!("?{}", i + 1))
            .collect();
        let sql = format!(
            "INSERT INTO {} (geom{}{}) VALUES ({})",
            quoted(&layer.name),
            if names.is_empty() { "" } else { ", " },
            names.join(", "),
            slots.join(", ")
        );
        let tx = conn.unchecked_transaction()?;
        {
            let mut stmt = tx.prepare(&sql)?;
            for (attrs, geom) in &layer.rows {
                let mut values: Vec<rusqlite::types::Value> = Vec::with_capacity(attrs.len() + 1);
                values.push(match geom {
                    Some(b) => rusqlite::types::Value::Blob(b.clone()),
                    None => rusqlite::types::Value::Null,
                });
                for a in attrs {
                    values.push(match a {
                        Attr::Null => rusqlite::types::Value::Null,
                        Attr::Int(n) => rusqlite::types::Value::Integer(*n),
                        Attr::Real(f) => rusqlite::types::Value::Real(*f),
                        Attr::Text(t) => rusqlite::types::Value::Text(t.clone()),
                    });
                }
                stmt.execute(params_from_iter(values))?;
            }
        }
        tx.commit()?;
    }
    Ok(())
}
