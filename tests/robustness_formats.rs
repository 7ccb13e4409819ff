//! Broken GeoPackage and xlsx inputs: a clear error naming the file, the
//! layer or sheet, the column and the value; never a panic. The binary
//! fixtures are written here with the spec-following GeoPackage writer and
//! rust_xlsxwriter, so each shows exactly the one flaw it is about.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use buurtradar::io::gpkg::binary::encode_multipolygon;
use buurtradar::io::gpkg::write::{write_gpkg, Attr, Layer};
use std::path::{Path, PathBuf};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = Command::cargo_bin("buurtradar")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!r.stderr.contains("panicked"), "panic: {}", r.stderr);
    r
}

fn assert_error(r: &Run, parts: &[&str]) {
    assert_eq!(r.code, 2, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    for p in parts {
        assert!(r.stderr.contains(p), "stderr lacks {p:?}: {}", r.stderr);
    }
}

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

/// A layer of two squares with the given text columns and values.
fn layer(name: &str, columns: &[&str], rows: &[&[&str]]) -> Layer {
    Layer {
        name: name.into(),
        columns: columns.iter().map(|c| (c.to_string(), "TEXT")).collect(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    r.iter().map(|v| Attr::Text(v.to_string())).collect(),
                    Some(square(120_000.0 + 100.0 * i as f64, 400_000.0)),
                )
            })
            .collect(),
    }
}

fn kaart(dir: &Path, layers: &[Layer]) -> String {
    let p = dir.join("wijkenbuurten_2024_v1.gpkg");
    write_gpkg(&p, layers).unwrap();
    p.display().to_string()
}

fn wijken() -> Layer {
    layer(
        "wijken",
        &["wijkcode", "wijknaam", "gemeentecode", "gemeentenaam"],
        &[
            &["WK000100", "Noord", "GM0001", "Testgem"],
            &["WK000101", "Zuid", "GM0001", "Testgem"],
        ],
    )
}

fn gemeenten() -> Layer {
    layer(
        "gemeenten",
        &["gemeentecode", "gemeentenaam"],
        &[&["GM0001", "Testgem"], &["GM0002", "Anderdorp"]],
    )
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn geopackage_without_the_buurten_layer_lists_its_layers() {
    let dir = tempfile::tempdir().unwrap();
    let file = kaart(dir.path(), &[wijken(), gemeenten()]);
    let r = run(&["check", "--lang", "en", "--boundaries", &file]);
    assert_error(
        &r,
        &[
            "wijkenbuurten_2024_v1.gpkg",
            "no feature layer \"buurten\"",
            "gemeenten, wijken",
            "--layer",
        ],
    );
}

#[test]
fn wijken_and_gemeenten_layers_say_what_is_supported() {
    let dir = tempfile::tempdir().unwrap();
    let file = kaart(dir.path(), &[wijken(), gemeenten()]);
    for (name, codes, instead) in [
        ("wijken", "WK000100", "--rule wijk"),
        ("gemeenten", "GM0001", "--gemeente"),
    ] {
        let r = run(&[
            "check",
            "--lang",
            "en",
            "--boundaries",
            &file,
            "--layer",
            name,
        ]);
        assert_error(
            &r,
            &[
                "wijkenbuurten_2024_v1.gpkg",
                &format!("layer {name}"),
                codes,
                "--layer buurten",
                instead,
            ],
        );
    }
}

#[test]
fn wijk_codes_under_a_buurt_code_column_are_caught_too() {
    let dir = tempfile::tempdir().unwrap();
    let odd = layer(
        "buurten",
        &["statcode", "statnaam"],
        &[&["WK000100", "Noord"], &["WK000101", "Zuid"]],
    );
    let file = kaart(dir.path(), &[odd]);
    let r = run(&["check", "--lang", "en", "--boundaries", &file]);
    assert_error(&r, &["layer buurten", "WK000100", "--rule wijk"]);
}

#[test]
fn corrupt_sqlite_file_is_a_clear_error() {
    let r = run(&[
        "check",
        "--lang",
        "en",
        "--boundaries",
        &fixture("corrupt_sqlite.gpkg"),
    ]);
    assert_error(&r, &["corrupt_sqlite.gpkg", "not a GeoPackage"]);
}

#[test]
fn truncated_geopackage_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = kaart(dir.path(), &[wijken()]);
    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.path().join("afgebroken.gpkg");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let r = run(&[
        "check",
        "--lang",
        "en",
        "--boundaries",
        cut.to_str().unwrap(),
    ]);
    assert_error(&r, &["afgebroken.gpkg"]);
    assert!(r.stderr.lines().count() <= 3, "{}", r.stderr);
}

#[test]
fn xlsx_without_a_code_column_names_sheet_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("KWB2024").unwrap();
    for (c, h) in ["regio", "a_inw", "p_hh_li"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Oost").unwrap();
    ws.write_number(1, 1, 1200.0).unwrap();
    ws.write_number(1, 2, 8.5).unwrap();
    let file = dir.path().join("kwb-2024.xlsx");
    wb.save(&file).unwrap();
    let r = run(&[
        "check",
        "--lang",
        "en",
        "--indicators",
        file.to_str().unwrap(),
    ]);
    assert_error(
        &r,
        &[
            "kwb-2024.xlsx (sheet \"KWB2024\")",
            "no region code column",
            "regio, a_inw, p_hh_li",
        ],
    );
}
