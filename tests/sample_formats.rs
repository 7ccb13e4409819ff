//! The Denkerveen sample in every format it is published in ranks alike.
//!
//! The four files do not hold the same indicators, so each comparison uses
//! what the two formats share, taken from the committed files themselves:
//! - kwb CSV and kwb xlsx hold the same cells: full byte-identical rankings.
//! - geojson + StatLine CSV against the wijk- en buurtkaart GeoPackage
//!   alone: the StatLine columns the kaart carries (its counts of children,
//!   divorced people and households with children and its Wmo rate have no
//!   kaart attribute), in the kaart's attribute order. The kaart has one
//!   sentinel (-99997) for "secret", "cannot occur" and "no row", so on
//!   exactly the two buurten concerned those labels may read
//!   "secret/unknown"; every other byte is the same.
//! - StatLine CSV against kwb CSV: WOZ and social rent, which both hold
//!   with the same values (their inhabitants differ by a planted revision).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use std::path::Path;

const GEOJSON: &str = "boundaries/denkerveen_buurten_2024.geojson";
const STATLINE: &str = "sample-data/kerncijfers_denkerveen_2024.csv";
const KWB_CSV: &str = "sample-data/kwb_denkerveen_2024.csv";
const KWB_XLSX: &str = "sample-data/kwb_denkerveen_2024.xlsx";
const GPKG: &str = "sample-data/wijkenbuurten_denkerveen_2024.gpkg";
const SCHOOLS: &str = "sample-data/scholen_denkerveen.geojson";

const WOZ_AND_RENT: &str = "name = \"woz-huur\"\n[[indicator]]\nid = \"woz_mean\"\nweight = 1\n[[indicator]]\nid = \"social_rent_pct\"\nweight = 1\n";

fn rank(args: &[&str]) -> String {
    let out = Command::cargo_bin("buurtradar")
        .unwrap()
        .args([
            "rank",
            "--format",
            "csv",
            "--draws",
            "20",
            "--schools",
            SCHOOLS,
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Keeps the given columns (in that order) of a `;`-separated file,
/// leaving its BOM and line ends as they are.
fn columns(path: &str, keep: &[usize], line_end: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.split(line_end)
        .map(|line| {
            if line.is_empty() {
                return String::new();
            }
            let fields: Vec<&str> = line.split(';').collect();
            keep.iter()
                .map(|&i| fields[i])
                .collect::<Vec<_>>()
                .join(";")
        })
        .collect::<Vec<_>>()
        .join(line_end)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn kwb_csv_and_xlsx_rank_byte_identically() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write(dir.path(), "p.toml", WOZ_AND_RENT);
    let csv = rank(&[
        "--boundaries",
        GEOJSON,
        "--indicators",
        KWB_CSV,
        "--profile",
        &profile,
    ]);
    let xlsx = rank(&[
        "--boundaries",
        GEOJSON,
        "--indicators",
        KWB_XLSX,
        "--profile",
        &profile,
    ]);
    assert!(csv.lines().count() > 90, "{csv}");
    assert_eq!(csv, xlsx);
}

#[test]
fn geopackage_alone_ranks_like_geojson_plus_statline() {
    // StatLine columns: 0-4 period, names, kind, code; then the kaart's
    // figures in its (alphabetical) attribute order for the context
    // columns: households 8, inhabitants 5, bijstand 13, schools within
    // 3 km 17, school distance 16; the scored ones (WOZ 10, social rent 11,
    // low income 12, youth care 14) follow the profile's order anyway.
    let keep = [0, 1, 2, 3, 4, 8, 5, 13, 17, 16, 10, 11, 12, 14];
    let dir = tempfile::tempdir().unwrap();
    let statline = write(dir.path(), "kwb.csv", &columns(STATLINE, &keep, "\r\n"));
    let from_csv = rank(&["--boundaries", GEOJSON, "--indicators", &statline]);
    let from_gpkg = rank(&["--boundaries", GPKG]);
    assert!(from_gpkg.lines().count() > 90, "{from_gpkg}");
    let differing: Vec<&str> = from_csv
        .lines()
        .zip(from_gpkg.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.split(',').nth(2).unwrap_or(""))
        .collect();
    // The lake (StatLine: empty = cannot occur) and the buurt without a
    // StatLine row (not in input): the kaart says -99997 or nothing.
    assert_eq!(differing, ["BU99990504", "BU99990907"]);
    // On those two, a field may differ only where the StatLine path says
    // "cannot occur" or "not in input" and the kaart path "secret/unknown".
    for (a, b) in from_csv
        .lines()
        .zip(from_gpkg.lines())
        .filter(|(a, b)| a != b)
    {
        let (fa, fb): (Vec<&str>, Vec<&str>) = (a.split(',').collect(), b.split(',').collect());
        assert_eq!(fa.len(), fb.len(), "{a}\n{b}");
        for (x, y) in fa.iter().zip(&fb).filter(|(x, y)| x != y) {
            assert!(
                matches!(*x, "cannot occur" | "not in input") && *y == "secret/unknown",
                "{x:?} vs {y:?} in\n{a}\n{b}"
            );
        }
    }
    assert_eq!(from_csv.lines().count(), from_gpkg.lines().count());
}

#[test]
fn statline_and_kwb_csv_rank_alike_on_what_both_hold() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write(dir.path(), "p.toml", WOZ_AND_RENT);
    let statline = write(
        dir.path(),
        "statline.csv",
        &columns(STATLINE, &[0, 1, 2, 3, 4, 10, 11], "\r\n"),
    );
    let kwb = write(
        dir.path(),
        "kwb.csv",
        &columns(KWB_CSV, &[0, 1, 2, 3, 10, 11], "\n"),
    );
    let a = rank(&[
        "--boundaries",
        GEOJSON,
        "--indicators",
        &statline,
        "--profile",
        &profile,
    ]);
    let b = rank(&[
        "--boundaries",
        GEOJSON,
        "--indicators",
        &kwb,
        "--profile",
        &profile,
    ]);
    assert!(
        a.contains("value_woz_mean") && a.lines().count() > 90,
        "{a}"
    );
    assert_eq!(a, b);
}
