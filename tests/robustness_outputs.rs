//! What leaves the binary: the filed hidden-count case (an `aantal_*`
//! column of 6s and 8s next to `n_*` and a share) exports no cell below 10
//! in any format, a file the profile declares microdata is protected the
//! same way, and failures read once, naming the user's path and no
//! temporary one.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use assert_cmd::Command;
use common::leaks::{check_csv, check_html, check_json, check_md, Withheld};
use std::path::{Path, PathBuf};

const COUNT: &str = "aantal_meldingen_veilig_thuis";
const FORMATS: [&str; 6] = ["csv", "json", "md", "geojson", "svg", "html"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/hidden_counts.csv")
}

struct Run {
    code: i32,
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
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!r.stderr.contains("panicked"), "panic: {}", r.stderr);
    r
}

/// A profile that weights the hidden count and the share, so they reach
/// every format's tables, reasons and charts; `extra` is appended.
fn profile(dir: &Path, extra: &str) -> PathBuf {
    let text = format!(
        "name = \"verborgen\"\ntop_k = 10\n\n[eligibility]\nmin_primary_schools = 0\n\n[monte_carlo]\ndraws = 10\n\n[[indicator]]\nid = \"low_income_hh_pct\"\nweight = 1\n\n[[indicator]]\nid = \"{COUNT}\"\nweight = 2\ndirection = \"risk\"\n\n[[indicator]]\nid = \"pct_uithuisplaatsing\"\nweight = 1\ndirection = \"risk\"\n{extra}"
    );
    let p = dir.join("profile.toml");
    std::fs::write(&p, text).unwrap();
    p
}

fn export(dir: &Path, indicators: &Path, profile: &Path, ext: &str) -> String {
    let out = dir.join(format!("out.{ext}"));
    let sample = |f: &str| root().join("sample-data").join(f);
    let boundaries = root().join("boundaries/denkerveen_buurten_2024.geojson");
    let args: Vec<String> = [
        "export".to_string(),
        "--boundaries".into(),
        boundaries.display().to_string(),
        "--indicators".into(),
        sample("kwb_denkerveen_2024.csv").display().to_string(),
        "--indicators".into(),
        indicators.display().to_string(),
        "--schools".into(),
        sample("scholen_denkerveen.geojson").display().to_string(),
        "--profile".into(),
        profile.display().to_string(),
        "--reproducible".into(),
        "--out".into(),
        out.display().to_string(),
    ]
    .into();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = run(&args);
    assert_eq!(r.code, 0, "{ext}: {}", r.stderr);
    std::fs::read_to_string(out).unwrap()
}

/// The fixture's cells of `column` below 10: the ones that must not leave.
fn small_cells(file: &Path, column: &str) -> Vec<Withheld> {
    let mut r = csv::Reader::from_path(file).unwrap();
    let j = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == column)
        .unwrap();
    r.records()
        .map(Result::unwrap)
        .filter_map(|rec| {
            let v: f64 = rec[j].parse().unwrap();
            (v < 10.0).then(|| Withheld {
                code: rec[0].to_string(),
                id: column.to_string(),
                value: v,
            })
        })
        .collect()
}

/// Every format's output of one run, checked for the small cells; csv,
/// json and geojson must have looked at each of them.
fn assert_nothing_small_leaves(dir: &Path, indicators: &Path, profile: &Path, column: &str) {
    let cells = small_cells(indicators, column);
    for ext in FORMATS {
        let text = export(dir, indicators, profile, ext);
        let checked = match ext {
            "csv" => check_csv(&text, &cells),
            "json" => check_json("json", &text, &cells),
            "geojson" => check_json("geojson", &text, &cells),
            "md" => check_md(&text, &cells),
            _ => check_html(&text, &cells),
        };
        if matches!(ext, "csv" | "json" | "geojson") {
            assert!(
                checked >= cells.len(),
                "{ext}: {checked} of {}",
                cells.len()
            );
        }
    }
}

#[test]
fn the_hidden_count_case_exports_no_cell_below_ten_in_any_format() {
    let cells = small_cells(&fixture(), COUNT);
    // The filed case: counts of 6 and 8 in 38 buurten.
    assert_eq!(cells.len(), 38);
    assert!(cells.iter().all(|c| c.value == 6.0 || c.value == 8.0));
    let dir = tempfile::tempdir().unwrap();
    let p = profile(dir.path(), "");
    assert_nothing_small_leaves(dir.path(), &fixture(), &p, COUNT);
}

#[test]
fn a_file_the_profile_declares_microdata_is_protected_in_every_format() {
    // The same figures under names that say nothing: without the profile's
    // declaration they are published figures and pass as they are.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture()).unwrap().replacen(
        "n_kinderen,pct_uithuisplaatsing,aantal_meldingen_veilig_thuis",
        "kinderen,pct_uithuisplaatsing,meldingen",
        1,
    );
    let file = dir.path().join("zorg_2024.csv");
    std::fs::write(&file, text).unwrap();
    let weights = |p: &str| p.replace(COUNT, "meldingen");

    let plain = profile(dir.path(), "");
    std::fs::write(&plain, weights(&std::fs::read_to_string(&plain).unwrap())).unwrap();
    let csv = export(dir.path(), &file, &plain, "csv");
    assert!(csv.lines().next().unwrap().contains("value_meldingen"));
    let public = small_cells(&file, "meldingen");
    assert_eq!(check_csv_values(&csv, "meldingen", &public), public.len());

    let declared = profile(dir.path(), "\n[disclosure]\nmicrodata = [\"zorg_*.csv\"]\n");
    std::fs::write(
        &declared,
        weights(&std::fs::read_to_string(&declared).unwrap()),
    )
    .unwrap();
    assert_nothing_small_leaves(dir.path(), &file, &declared, "meldingen");
}

/// How many of `cells` the csv writes with their own value (a public file
/// keeps its figures).
fn check_csv_values(csv: &str, column: &str, cells: &[Withheld]) -> usize {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (code, value) = (col("code"), col(&format!("value_{column}")));
    r.records()
        .map(Result::unwrap)
        .filter(|rec| {
            cells
                .iter()
                .any(|c| c.code == rec[code] && rec[value].parse::<f64>().ok() == Some(c.value))
        })
        .count()
}

/// One error line: the user's path once, no temporary file, no cause
/// said twice.
fn assert_said_once(r: &Run, path: &str, why: &str) {
    assert_eq!(r.code, 2, "{}", r.stderr);
    let text = r.stderr.trim();
    assert!(text.starts_with("error: "), "{text}");
    assert_eq!(text.matches(path).count(), 1, "{path} not once: {text}");
    assert_eq!(text.matches(why).count(), 1, "{why} not once: {text}");
    assert!(
        !text.contains(".buurtradar-"),
        "temporary file named: {text}"
    );
    let parts: Vec<&str> = text.trim_start_matches("error: ").split(": ").collect();
    for (i, p) in parts.iter().enumerate() {
        assert!(!parts[i + 1..].contains(p), "{p:?} repeated: {text}");
    }
}

#[test]
fn failures_read_once_naming_the_users_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing_in = "/nonexistent/dir/meldingen.csv";
    let never = dir.path().join("x.csv").display().to_string();
    // English: the error texts below are checked word for word.
    let r = run(&[
        "export",
        "--lang",
        "en",
        "--indicators",
        missing_in,
        "--out",
        &never,
    ]);
    assert_said_once(&r, missing_in, "No such file or directory");
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);

    let missing_out = dir.path().join("nowhere").join("x.csv");
    let out = missing_out.display().to_string();
    let r = run(&["export", "--lang", "en", "--draws", "10", "--out", &out]);
    assert_said_once(&r, &out, "does not exist");
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "name = \"b\"\n[[indicator]]\nid = \"youth_care_pct\"\nweight = 1\n[disclosure]\ncount = [\"meldingen\"]\n",
    )
    .unwrap();
    let bad_path = bad.display().to_string();
    let r = run(&["rank", "--lang", "en", "--profile", &bad_path]);
    assert_said_once(&r, &bad_path, "invalid profile");
    assert!(r.stderr.contains("unknown field `count`"), "{}", r.stderr);
}
