//! A DUO address list without coordinates, placed in buurten through the
//! CBS table "buurt, wijk en gemeente per postcode en huisnummer"
//! (`--postcode-table`): placed schools are counted per buurt, every
//! address not in the table is reported with name and address, and a
//! table with other columns is a clear error.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn check(table: &str, schools: &str) -> (i32, String, String) {
    let out = Command::cargo_bin("buurtradar")
        .unwrap()
        .args([
            "check",
            "--lang",
            "en",
            "--boundaries",
            &fixture("rd_without_crs.geojson"),
            "--schools",
            &fixture(schools),
            "--postcode-table",
            &fixture(table),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

#[test]
fn duo_list_is_placed_through_the_postcode_table() {
    let (code, out, err) = check("postcode_table.csv", "duo_goirle_cp1252.csv");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("[DUO + postcode table (") && out.contains("6 rows read), 4 records]"),
        "{out}"
    );
    assert!(
        out.contains("Schools: DUO addresses via the postcode table"),
        "{out}"
    );
    // 12a and 7-2 are house numbers 12 and 7; 5051AD without a space too.
    assert!(out.contains("3 placed in a buurt, 1 in none"), "{out}");
    assert!(out.contains(">=1: 2, >=2: 1, >=3: 0"), "{out}");
    let unplaced = out
        .lines()
        .find(|l| l.contains("in no buurt:"))
        .unwrap_or_default();
    for part in [
        "Nieuwbouwschool",
        "line 5",
        "Nieuweweg 99, 5051 ZZ GOIRLE",
        "not in",
        "postcode_table.csv",
    ] {
        assert!(unplaced.contains(part), "{part:?} in {unplaced}");
    }
}

#[test]
fn postcode_table_with_other_columns_is_a_clear_error() {
    let (code, _, err) = check("postcode_table_other_columns.csv", "duo_goirle_cp1252.csv");
    assert_eq!(code, 2, "{err}");
    for part in [
        "postcode_table_other_columns.csv",
        "not a CBS postcode table",
        "no buurt code",
        "columns are: postcode, huisnummer, straat, woonplaats",
    ] {
        assert!(err.contains(part), "{part:?} in {err}");
    }
}

#[test]
fn postcode_table_unused_for_a_list_with_coordinates_is_said() {
    let (code, out, err) = check("postcode_table.csv", "schools_rd_cp1252.csv");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.lines()
            .any(|l| l.contains("--postcode-table") && l.contains("not used")),
        "{out}"
    );
}

#[test]
fn duo_list_without_a_table_says_how_to_place_it() {
    let out = Command::cargo_bin("buurtradar")
        .unwrap()
        .args([
            "check",
            "--boundaries",
            &fixture("rd_without_crs.geojson"),
            "--schools",
            &fixture("duo_goirle_cp1252.csv"),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    // Dutch, the default language of every message.
    assert!(err.contains("met --postcode-table BESTAND"), "{err}");
}

#[test]
fn the_postcode_table_is_in_the_exports_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.json");
    // Figures for the fixture's two Goirle buurten, as a kwb file.
    let figures = dir.path().join("kwb.csv");
    std::fs::write(
        &figures,
        "gwb_code_10;regio;recs;a_inw;p_hh_li;p_jz_tn\n\
         BU07850101;Noord;Buurt;1000;12,0;10,0\n\
         BU07850102;Zuid;Buurt;1200;15,0;11,0\n",
    )
    .unwrap();
    let status = Command::cargo_bin("buurtradar")
        .unwrap()
        .args([
            "export",
            "--format",
            "json",
            "--boundaries",
            &fixture("rd_without_crs.geojson"),
            "--indicators",
            figures.to_str().unwrap(),
            "--schools",
            &fixture("duo_goirle_cp1252.csv"),
            "--postcode-table",
            &fixture("postcode_table.csv"),
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&status.stderr);
    assert!(status.status.success(), "{err}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let inputs = json["provenance"]["inputs"].as_array().unwrap();
    let table = inputs
        .iter()
        .find(|i| i["role"] == "postcode_table")
        .unwrap_or_else(|| panic!("{inputs:?}"));
    use sha2::Digest;
    let bytes = std::fs::read(fixture("postcode_table.csv")).unwrap();
    assert_eq!(
        table["sha256"].as_str().unwrap(),
        format!("{:x}", sha2::Sha256::digest(&bytes))
    );
    assert_eq!(table["bytes"].as_u64().unwrap(), bytes.len() as u64);
}
