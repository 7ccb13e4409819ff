//! The method-depth features through the real binary on the embedded
//! sample: pairwise comparison, correlations, LISA columns and smoothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

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

fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn compare_splits_the_gap_exactly_and_its_flips_hold_in_the_ranking() {
    let j = json(&["compare", "BU99990210", "BU99990009", "--format", "json"]);
    let rows = j["rows"].as_array().unwrap();
    let split: f64 = rows.iter().map(|r| r["gap"].as_f64().unwrap()).sum();
    let gap = j["score_a"].as_f64().unwrap() - j["score_b"].as_f64().unwrap();
    assert!((split - gap).abs() < 1e-12, "{split} vs {gap}");
    assert!(gap > 0.0);
    // Take one reported flip and re-rank the sample with that weight moved
    // a little past it: the order of the two must now be reversed.
    let flip = rows
        .iter()
        .find(|r| r["flip_weight"].is_number())
        .expect("the sample has a flipping weight");
    let id = flip["id"].as_str().unwrap();
    let t = flip["flip_weight"].as_f64().unwrap();
    let w = flip["weight"].as_f64().unwrap();
    let past = if t > w { t * 1.01 } else { t * 0.99 };
    let profile = buurtradar::domain::profile::SMARTSTART_TOML.replace(
        &format!("id = \"{id}\"\nweight = {w}\n"),
        &format!("id = \"{id}\"\nweight = {past}\n"),
    );
    assert_ne!(
        profile,
        buurtradar::domain::profile::SMARTSTART_TOML,
        "weight line found"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, profile).unwrap();
    let p = path.to_str().unwrap();
    let j2 = json(&[
        "compare",
        "BU99990210",
        "BU99990009",
        "--format",
        "json",
        "--profile",
        p,
    ]);
    let gap2 = j2["score_a"].as_f64().unwrap() - j2["score_b"].as_f64().unwrap();
    assert!(gap2 < 0.0, "order flipped past {id} = {t}: gap {gap2}");
}

#[test]
fn compare_reads_in_dutch_by_default_and_names_an_unknown_code() {
    let (code, out, err) = run(&["compare", "BU99990210", "BU99990009"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("tegenover") && out.contains("som van de aandelen"),
        "{out}"
    );
    let (_, en, _) = run(&["compare", "BU99990210", "BU99990009", "--lang", "en"]);
    assert!(
        en.contains("sum of the shares") && en.contains("flips"),
        "{en}"
    );
    let (code, _, err) = run(&["compare", "BU99990210", "BU00000000"]);
    assert_eq!(code, 2);
    assert!(err.contains("BU00000000"), "{err}");
}

#[test]
fn check_reports_correlations_and_warns_about_the_poverty_measures() {
    let (code, out, err) = run(&["check", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "Households with a low income and Households at or below the social minimum correlate strongly"
        ),
        "{out}"
    );
    let j = json(&["check", "--format", "json"]);
    let c = &j["correlations"];
    let ids = c["ids"].as_array().unwrap();
    assert_eq!(c["pearson"].as_array().unwrap().len(), ids.len());
    for r in c["redundant"].as_array().unwrap() {
        let p = r["pearson"].as_f64().unwrap_or(0.0).abs();
        let s = r["spearman"].as_f64().unwrap_or(0.0).abs();
        assert!(p > 0.9 || s > 0.9, "{r}");
    }
}

#[test]
fn rank_json_and_csv_carry_lisa_and_global_moran() {
    let j = json(&["rank", "--format", "json", "--draws", "50"]);
    let g = &j["global_moran"];
    assert!(g["i"].is_number() && g["p"].is_number(), "{g}");
    assert_eq!(g["permutations"], 999);
    let classes: Vec<&str> = j["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["lisa_class"].as_str().unwrap_or(""))
        .collect();
    for c in &classes {
        assert!(
            ["HH", "LL", "HL", "LH", "ns", "island", "missing"].contains(c),
            "{c}"
        );
    }
    assert!(
        classes.contains(&"HH"),
        "the sample's need clusters: {classes:?}"
    );
    assert!(j["correlations"]["ids"].is_array());
    // Same seed, same classes.
    let again = json(&["rank", "--format", "json", "--draws", "50"]);
    assert_eq!(j["units"], again["units"]);

    let (code, csv, err) = run(&["rank", "--format", "csv", "--draws", "50"]);
    assert_eq!(code, 0, "{err}");
    let header = csv.lines().find(|l| !l.starts_with('#')).unwrap();
    assert!(header.ends_with("lisa_i,lisa_p,lisa_class"), "{header}");
}

#[test]
fn eb_smoothing_adds_smoothed_columns_and_none_leaves_results_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let base = buurtradar::domain::profile::SMARTSTART_TOML;
    let eb = format!("{base}\n[smoothing]\nmethod = \"eb\"\n");
    let none = format!("{base}\n[smoothing]\nmethod = \"none\"\n");
    let (pe, pn) = (dir.path().join("eb.toml"), dir.path().join("none.toml"));
    std::fs::write(&pe, eb).unwrap();
    std::fs::write(&pn, none).unwrap();
    let args = |p: &std::path::Path| {
        vec![
            "rank".to_string(),
            "--format".into(),
            "csv".into(),
            "--draws".into(),
            "50".into(),
            "--profile".into(),
            p.to_str().unwrap().to_string(),
        ]
    };
    let strs = |v: &[String]| -> (i32, String, String) {
        run(&v.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (_, default_csv, _) = run(&["rank", "--format", "csv", "--draws", "50"]);
    let (_, none_csv, _) = strs(&args(&pn));
    let body = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&default_csv), body(&none_csv), "none changes nothing");

    let (code, eb_csv, err) = strs(&args(&pe));
    assert_eq!(code, 0, "{err}");
    let header = eb_csv.lines().find(|l| !l.starts_with('#')).unwrap();
    for id in ["divorced_pct", "bijstand_per_1000", "low_income_hh_pct"] {
        assert!(header.contains(&format!("smoothed_{id}")), "{header}");
    }
    assert!(!header.contains("smoothed_woz_mean"), "not a rate");
    assert_ne!(body(&default_csv), body(&eb_csv));
}

#[test]
fn sobol_indices_explain_each_shortlisted_rank_in_json_and_table() {
    let out = assert_cmd::Command::cargo_bin("buurtradar")
        .unwrap()
        .args(["rank", "--format", "json", "--sobol", "256"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let short: Vec<&str> = v["shortlist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let sobol = v["sobol"].as_array().unwrap();
    let codes: Vec<&str> = sobol.iter().map(|u| u["code"].as_str().unwrap()).collect();
    assert_eq!(codes, short);
    // One index per indicator that takes part in the ranking.
    let ranked: Vec<&str> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap())
        .collect();
    assert!(!ranked.is_empty());
    for u in sobol {
        let idx = u["indices"].as_array().unwrap();
        let ids: Vec<&str> = idx
            .iter()
            .map(|i| i["indicator"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ranked);
        for i in idx {
            assert!(i["total"].as_f64().unwrap() >= 0.0, "{i}");
        }
        if u["rank_variance"].as_f64().unwrap() > 0.0 {
            assert!(idx.iter().any(|i| i["total"].as_f64().unwrap() > 0.05));
        }
    }
    // The same seed gives the same indices; csv has no place for them.
    let again = assert_cmd::Command::cargo_bin("buurtradar")
        .unwrap()
        .args(["rank", "--format", "json", "--sobol", "256"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, again.stdout);
    let csv = assert_cmd::Command::cargo_bin("buurtradar")
        .unwrap()
        .args(["rank", "--format", "csv", "--sobol", "64"])
        .output()
        .unwrap();
    assert!(!csv.status.success());
    assert!(String::from_utf8_lossy(&csv.stderr).contains("--sobol"));
}
