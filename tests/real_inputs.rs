//! A first run on one's own data: starter profiles, the message when a
//! profile's indicators are absent, and the formats `check` names.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use assert_cmd::Command;
use std::path::Path;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("buurtradar")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn starter_profile_from_the_sample_ranks() {
    let (code, out, err) = run(&["profile", "init", "--from-data"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Startprofiel"), "{out}");
    assert!(out.contains("id = \"low_income_hh_pct\""), "{out}");
    // Counts are context, the rate derived from them is weighted.
    assert!(out.contains("id = \"bijstand_per_1000\""), "{out}");
    assert!(!out.contains("id = \"bijstand\"\n"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("start.toml");
    std::fs::write(&file, &out).unwrap();
    let (code, out, err) = run(&["rank", "--profile", p(&file), "--draws", "20"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Profile mijn-profiel"), "{out}");
    assert!(out.contains("low_income_hh_pct 1"), "{out}");
}

#[test]
fn starter_profile_without_data_is_the_default_with_equal_weights() {
    let (code, out, err) = run(&["profile", "init", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Starter profile"), "{out}");
    assert!(out.contains("id = \"ses_woa_score\""), "{out}");
    assert!(!out.contains("weight = 10"), "{out}");
}

#[test]
fn absent_profile_indicators_name_what_the_real_file_holds() {
    let Some(ses) = common::real_file("ses_woa_amsterdam_2019.csv") else {
        return;
    };
    let Some(bu) = common::real_file("buurten_amsterdam_2019.geojson") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("youth.toml");
    std::fs::write(
        &profile,
        "name = \"youth\"\n[[indicator]]\nid = \"youth_care_pct\"\nweight = 1\n",
    )
    .unwrap();
    let (code, _, err) = run(&[
        "rank",
        "--boundaries",
        p(&bu),
        "--indicators",
        p(&ses),
        "--profile",
        p(&profile),
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("youth_care_pct"), "{err}");
    for held in ["ses_woa_score", "low_education_pct"] {
        assert!(err.contains(held), "{held} in {err}");
    }
    assert!(err.contains("profile init --from-data"), "{err}");
    // And the starter made from the same files ranks them.
    let (code, out, err) = run(&[
        "profile",
        "init",
        "--from-data",
        "--boundaries",
        p(&bu),
        "--indicators",
        p(&ses),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("id = \"ses_woa_score\""), "{out}");
    std::fs::write(&profile, &out).unwrap();
    let (code, out, err) = run(&[
        "rank",
        "--boundaries",
        p(&bu),
        "--indicators",
        p(&ses),
        "--profile",
        p(&profile),
        "--draws",
        "20",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ses_woa_score 1"), "{out}");
}
