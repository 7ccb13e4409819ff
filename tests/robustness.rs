//! Broken and hostile inputs: every fixture gives a warning in the check
//! report or a clear error naming the file, the place and the value, and a
//! non-zero exit where the result would otherwise be wrong. Never a panic.

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

// The assertions below name the English texts (Dutch is the default;
// `tests/language.rs` checks that bad input is reported in Dutch).
fn check_boundaries(name: &str) -> Run {
    run(&["check", "--lang", "en", "--boundaries", &fixture(name)])
}

fn check_indicators(name: &str) -> Run {
    run(&["check", "--lang", "en", "--indicators", &fixture(name)])
}

/// Fatal: exit 2 and a message on stderr that names the file and the given parts.
fn assert_error(r: &Run, file: &str, parts: &[&str]) {
    assert_eq!(r.code, 2, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(file),
        "stderr does not name {file}: {}",
        r.stderr
    );
    for p in parts {
        assert!(r.stderr.contains(p), "stderr lacks {p:?}: {}", r.stderr);
    }
}

/// Recoverable: exit 0 and a warning line naming the file and the given parts.
fn assert_warning(r: &Run, file: &str, parts: &[&str]) {
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let found = r
        .stdout
        .lines()
        .any(|l| l.contains(file) && parts.iter().all(|p| l.contains(p)));
    assert!(
        found,
        "no warning with {file} and {parts:?} in:\n{}",
        r.stdout
    );
}

#[test]
fn empty_file() {
    assert_error(
        &check_boundaries("empty.geojson"),
        "empty.geojson",
        &["empty"],
    );
}

#[test]
fn truncated_json() {
    assert_error(
        &check_boundaries("truncated.geojson"),
        "truncated.geojson",
        &["line", "column"],
    );
}

#[test]
fn nan_in_coordinates_is_invalid_json_with_its_line() {
    assert_error(
        &check_boundaries("nan_coordinates.geojson"),
        "nan_coordinates.geojson",
        &["line 1"],
    );
}

#[test]
fn not_a_feature_collection() {
    assert_error(
        &check_boundaries("not_a_collection.geojson"),
        "not_a_collection.geojson",
        &["Feature"],
    );
}

#[test]
fn feature_without_code_lists_its_properties() {
    assert_error(
        &check_boundaries("no_code.geojson"),
        "no_code.geojson",
        &["feature 0", "naam, oppervlakte"],
    );
}

#[test]
fn wrong_geometry_types_are_kept_without_shape() {
    // In Dutch, the default, as the rest of the report it is checked with.
    let r = run(&["check", "--boundaries", &fixture("wrong_geometry.geojson")]);
    assert_warning(
        &r,
        "wrong_geometry.geojson",
        &["object 1 (BU00010002)", "LineString", "bewaard zonder vorm"],
    );
    assert_warning(
        &r,
        "wrong_geometry.geojson",
        &["object 2 (BU00010003)", "Point"],
    );
    assert!(
        r.stdout.contains("Buurten zonder geometrie (2"),
        "{}",
        r.stdout
    );
}

#[test]
fn unclosed_and_degenerate_rings() {
    let r = check_boundaries("unclosed_ring.geojson");
    assert_warning(
        &r,
        "unclosed_ring.geojson",
        &["feature 0 (BU00010001)", "not closed"],
    );
    assert_warning(
        &r,
        "unclosed_ring.geojson",
        &["feature 1 (BU00010002)", "fewer than 4"],
    );
}

#[test]
fn self_intersecting_polygon() {
    let r = check_boundaries("self_intersecting.geojson");
    assert_warning(
        &r,
        "self_intersecting.geojson",
        &["feature 0 (BU00010001)", "not valid"],
    );
}

#[test]
fn duplicate_codes_in_boundaries_and_indicators() {
    let r = check_boundaries("duplicate_codes.geojson");
    assert!(
        r.stdout.contains("BU00010001 in") && r.stdout.contains("feature 0, feature 1"),
        "{}",
        r.stdout
    );
    let r = check_indicators("duplicate_codes.csv");
    assert!(r.stdout.contains("line 2, line 4"), "{}", r.stdout);
}

#[test]
fn codes_with_letters() {
    let r = run(&[
        "check",
        "--boundaries",
        &fixture("letters_in_codes.geojson"),
        "--indicators",
        &fixture("letters_in_codes.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(j["joins"][0]["matched_buurten"], 1);
    assert_eq!(j["joins"][0]["only_in_boundaries"][0], "BU0363AB02");
}

#[test]
fn nan_and_infinity_cells_are_reported_with_line_and_value() {
    // In Dutch, the default, as the rest of the report it is checked with.
    let r = run(&["check", "--indicators", &fixture("nan_infinity.csv")]);
    assert_warning(
        &r,
        "nan_infinity.csv",
        &["regel 3", "\"NaN\"", "geen getal"],
    );
    assert_warning(&r, "nan_infinity.csv", &["regel 3", "\"Infinity\""]);
    assert_warning(&r, "nan_infinity.csv", &["regel 4", "\"-inf\""]);
    assert!(r.stdout.contains("ongeldige waarde 2"), "{}", r.stdout);
}

#[test]
fn decimal_point_versus_thousands_separator() {
    let r = run(&[
        "check",
        "--indicators",
        &fixture("decimal_vs_thousands.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The coverage alone cannot show the values: read them through the library.
    let src =
        buurtradar::io::Source::read(std::path::Path::new(&fixture("decimal_vs_thousands.csv")))
            .unwrap();
    let t = buurtradar::io::indicators::read_indicators(&src).unwrap();
    use buurtradar::domain::value::Value::Num;
    assert_eq!(t.indicators[0].values, [Num(1_234_567.0), Num(2_000.0)]);
    assert_eq!(t.indicators[1].values, [Num(1.25), Num(312.5)]);
    assert_eq!(t.indicators[2].values, [Num(12.5), Num(8.0)]);
}

#[test]
fn bom_and_crlf() {
    let r = run(&[
        "check",
        "--indicators",
        &fixture("bom_crlf.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(j["indicators"][0]["id"], "inhabitants");
    assert_eq!(j["indicators"][0]["present"], 2);
    assert_eq!(j["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn unbalanced_parentheses_and_double_spaces_in_titles() {
    let r = run(&[
        "check",
        "--indicators",
        &fixture("unbalanced_header.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ind = j["indicators"].as_array().unwrap();
    assert_eq!(ind[0]["unit"], "%");
    assert_eq!(ind[1]["id"], "wonen_woningvoorraad");
}

#[test]
fn column_entirely_suppressed() {
    let r = run(&["check", "--indicators", &fixture("all_dots.csv")]);
    assert!(
        r.stdout.contains("youth_care_pct") && r.stdout.contains("0/2"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("geheim/onbekend 2"), "{}", r.stdout);
}

#[test]
fn binary_garbage_and_missing_code_column() {
    assert_error(
        &check_indicators("binary_garbage.csv"),
        "binary_garbage.csv",
        &["no region code column"],
    );
    assert_error(
        &check_indicators("no_code_column.csv"),
        "no_code_column.csv",
        &["naam, inwoners"],
    );
}

#[test]
fn ragged_rows_are_reported() {
    let r = check_indicators("ragged_rows.csv");
    assert_warning(
        &r,
        "ragged_rows.csv",
        &["line 2", "2 fields where the header has 3"],
    );
    assert_warning(&r, "ragged_rows.csv", &["line 3", "4 fields"]);
}

#[test]
fn duo_list_without_coordinates() {
    let r = run(&[
        "check",
        "--lang",
        "en",
        "--boundaries",
        &fixture("rd_without_crs.geojson"),
        "--schools",
        &fixture("duo_basisonderwijs_cp1252.csv"),
    ]);
    assert_error(
        &r,
        "duo_basisonderwijs_cp1252.csv",
        &["no coordinate columns", "VESTIGINGSNAAM"],
    );
}

#[test]
fn cp1252_school_csv_in_rd() {
    let r = run(&[
        "check",
        "--boundaries",
        &fixture("rd_without_crs.geojson"),
        "--schools",
        &fixture("schools_rd_cp1252.csv"),
    ]);
    assert_warning(&r, "schools_rd_cp1252.csv", &["Windows-1252"]);
    assert!(
        r.stdout.contains("in geen buurt: Verdwaald"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("3 geteld als basisschool"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("De Kr\u{e9}ke") || r.stdout.contains(">=1: 2"),
        "{}",
        r.stdout
    );
}

#[test]
fn rd_file_passed_as_wgs84() {
    let r = run(&[
        "check",
        "--boundaries",
        &fixture("rd_without_crs.geojson"),
        "--crs",
        "wgs84",
    ]);
    assert_error(&r, "rd_without_crs.geojson", &["--crs rd"]);
    let r = check_boundaries("rd_without_crs.geojson");
    assert!(
        r.stdout
            .contains("Rijksdriehoek (EPSG:28992, metres) (detected"),
        "{}",
        r.stdout
    );
}

#[test]
fn unreadable_path() {
    let r = run(&[
        "check",
        "--lang",
        "en",
        "--boundaries",
        "/nonexistent/buurten.geojson",
    ]);
    assert_error(&r, "/nonexistent/buurten.geojson", &["cannot read"]);
}

#[test]
fn very_large_indicator_file() {
    // 200,000 buurt rows (~7 MB): loads, every row counted.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("large.csv");
    let mut text = String::from("gwb_code;a_inw;p_hh_li\n");
    for i in 0..200_000u32 {
        text.push_str(&format!(
            "BU{:04}{:04};{};{}.{}\n",
            i / 10_000,
            i % 10_000,
            i % 5000,
            i % 40,
            i % 10
        ));
    }
    std::fs::write(&p, text).unwrap();
    let r = run(&[
        "check",
        "--indicators",
        p.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(j["buurten"], 200_000);
    assert_eq!(j["indicators"][0]["present"], 200_000);
}

fn rank_with_profile(name: &str) -> Run {
    run(&[
        "rank",
        "--draws",
        "20",
        "--profile",
        &fixture(&format!("profiles/{name}")),
    ])
}

#[test]
fn broken_profiles_are_clear_errors() {
    assert_error(
        &rank_with_profile("unknown_key.toml"),
        "unknown_key.toml",
        &["wieght"],
    );
    assert_error(
        &rank_with_profile("negative_weight.toml"),
        "negative_weight.toml",
        &["youth_care_pct", "-2"],
    );
    assert_error(
        &rank_with_profile("zero_weights.toml"),
        "zero_weights.toml",
        &["0"],
    );
    assert_error(
        &rank_with_profile("bad_method.toml"),
        "bad_method.toml",
        &["zscroe"],
    );
    assert_error(
        &rank_with_profile("truncated.toml"),
        "truncated.toml",
        &["line"],
    );
    let r = rank_with_profile("unknown_indicator.toml");
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("youth_car_pct") && r.stderr.contains("bedoelt u `youth_care_pct`"),
        "{}",
        r.stderr
    );
}
