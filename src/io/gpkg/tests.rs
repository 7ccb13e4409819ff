use super::binary::encode_multipolygon;
use super::write::{write_gpkg, Attr, Layer};
use super::*;
use crate::domain::value::{Missing, Value};

fn square(x: f64, y: f64) -> Vec<u8> {
    encode_multipolygon(
        28992,
        &[vec![vec![
            [x, y],
            [x + 100.0, y],
            [x + 100.0, y + 100.0],
            [x, y + 100.0],
            [x, y],
        ]]],
    )
}

fn buurten() -> Layer {
    let t = |s: &str| Attr::Text(s.into());
    Layer {
        name: "buurten".into(),
        columns: vec![
            ("buurtcode".into(), "TEXT"),
            ("buurtnaam".into(), "TEXT"),
            ("gemeentecode".into(), "TEXT"),
            ("water".into(), "TEXT"),
            ("aantal_inwoners".into(), "INTEGER"),
            ("percentage_huishoudens_met_laag_inkomen".into(), "REAL"),
        ],
        rows: vec![
            (
                vec![
                    t("BU00010001"),
                    t("Oost"),
                    t("GM0001"),
                    t("NEE"),
                    Attr::Int(1200),
                    Attr::Real(8.5),
                ],
                Some(square(120_000.0, 400_000.0)),
            ),
            (
                vec![
                    t("BU00010002"),
                    t("Plas"),
                    t("GM0001"),
                    t("JA"),
                    Attr::Int(-99997),
                    Attr::Int(-99995),
                ],
                Some(square(120_100.0, 400_000.0)),
            ),
            (
                vec![
                    t("BU00010003"),
                    t("Leeg"),
                    t("GM0001"),
                    t("NEE"),
                    Attr::Int(-99999999),
                    Attr::Int(-99991),
                ],
                None,
            ),
        ],
    }
}

fn write(layers: &[Layer]) -> (tempfile::TempDir, Source) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wijkenbuurten_2024_v1.gpkg");
    write_gpkg(&path, layers).unwrap();
    let src = Source::read(&path).unwrap();
    (dir, src)
}

#[test]
fn buurten_layer_with_sentinels_water_and_rd_geometry() {
    let wijken = Layer {
        name: "wijken".into(),
        columns: vec![("wijkcode".into(), "TEXT")],
        rows: vec![],
    };
    let (_d, src) = write(&[buurten(), wijken]);
    assert!(looks_like_sqlite(&src));
    let b = read_gpkg(&src, None, None).unwrap();
    assert_eq!(b.format.en, "GeoPackage, layer buurten");
    assert_eq!(b.format.nl, "GeoPackage, laag buurten");
    assert_eq!(b.crs.crs, Crs::Rd);
    assert_eq!(b.features.len(), 3);
    assert_eq!(b.features[0].name.as_deref(), Some("Oost"));
    assert_eq!(b.features[1].water, Some(true));
    assert_eq!(b.features[0].water, Some(false));
    assert!(b.features[2].geometry.is_none());
    let x = b.features[0].geometry.as_ref().unwrap().0[0].exterior().0[1].x;
    assert_eq!(x, 120_100.0, "RD coordinates are kept, not reprojected");
    let t = b.properties.unwrap();
    let headers: Vec<&str> = t.indicators.iter().map(|i| i.header.as_str()).collect();
    assert_eq!(
        headers,
        ["aantal_inwoners", "percentage_huishoudens_met_laag_inkomen"]
    );
    assert_eq!(
        t.indicators[0].values,
        vec![
            Value::Num(1200.0),
            Value::Missing(Missing::Secret),
            Value::Missing(Missing::Secret)
        ]
    );
    assert_eq!(
        t.indicators[1].values,
        vec![
            Value::Num(8.5),
            Value::Missing(Missing::NotYetPublished),
            Value::Missing(Missing::Discontinued)
        ]
    );
    let msgs: Vec<String> = b.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("BU00010003") && m.contains("null")),
        "{msgs:?}"
    );
}

#[test]
fn missing_layer_lists_the_layers() {
    let (_d, src) = write(&[buurten()]);
    let e = read_gpkg(&src, Some("wijken"), None)
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("wijkenbuurten_2024_v1.gpkg"), "{e}");
    assert!(
        e.contains("\"wijken\"") && e.contains("feature layers are: buurten"),
        "{e}"
    );
}

#[test]
fn corrupt_sqlite_and_non_geopackage_are_clear_errors() {
    let (_d, src) = write(&[buurten()]);
    let mut bytes = src.bytes.to_vec();
    let keep = bytes.len() / 3;
    for b in bytes.iter_mut().skip(100).take(keep) {
        *b = 0xA5;
    }
    let e = read_gpkg(&Source::from_bytes("kapot.gpkg", bytes), None, None)
        .err()
        .unwrap()
        .to_string();
    assert!(e.starts_with("kapot.gpkg: "), "{e}");
    let e = read_gpkg(
        &Source::from_bytes("x.gpkg", b"PK\x03\x04".to_vec()),
        None,
        None,
    )
    .err()
    .unwrap()
    .to_string();
    assert!(e.contains("x.gpkg") && e.contains("SQLite header"), "{e}");
    // A plain SQLite database without the GeoPackage tables.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.sqlite");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (a INTEGER);")
        .unwrap();
    let e = read_gpkg(&Source::read(&path).unwrap(), None, None)
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("gpkg_contents"), "{e}");
}

#[test]
fn wrong_geometry_names_layer_feature_and_column() {
    let mut layer = buurten();
    layer.rows[1].1 = Some(b"not a geometry".to_vec());
    let (_d, src) = write(&[layer]);
    let e = read_gpkg(&src, None, None).err().unwrap().to_string();
    assert!(
        e.contains("layer buurten, feature 1, column geom") && e.contains("GP"),
        "{e}"
    );
}
