//! Effect measurement end to end on the sample: select (rank) -> baseline
//! snapshot -> effect, the planted youth-care effect of the 2026 sample
//! recovered, code changes reported or mapped.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;

mod common;

use common::{ok, run};

/// The csv as indicator -> the seven figures (None for an empty cell).
fn csv_rows(text: &str) -> Vec<(String, Vec<Option<f64>>)> {
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("indicator,pilot_before,pilot_after,control_before,control_after,did,ci_low,ci_high")
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 8, "{l}");
            (
                f[0].to_string(),
                f[1..].iter().map(|c| c.parse().ok()).collect(),
            )
        })
        .collect()
}

fn assert_planted_effect(csv: &str) {
    let rows = csv_rows(csv);
    assert!(rows.len() >= 8, "{csv}");
    for (id, v) in rows {
        let (did, lo, hi) = (v[4].unwrap(), v[5].unwrap(), v[6].unwrap());
        let want = if id == "youth_care_pct" { -2.0 } else { 0.0 };
        assert!((did - want).abs() < 1e-9, "{id}: did {did}");
        // The controls do not change, so no placebo set moves either.
        assert!(
            (lo - want).abs() < 1e-9 && (hi - want).abs() < 1e-9,
            "{id}: {lo}..{hi}"
        );
        assert!(
            (v[2].unwrap() - v[3].unwrap()).abs() < 1e-9,
            "{id}: controls changed"
        );
    }
}

#[test]
fn select_then_baseline_then_effect_recovers_the_planted_effect() {
    let rank: Value = serde_json::from_str(&ok(&["rank", "--format", "json"])).unwrap();
    let pilots: Vec<&str> = rank["shortlist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(pilots, ["BU99990210", "BU99990009", "BU99990808"]);
    let pilots = pilots.join(",");
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("nulmeting.json");
    let snap_s = snap.to_str().unwrap();
    let said = ok(&[
        "baseline",
        "--pilots",
        &pilots,
        "--out",
        snap_s,
        "--reproducible",
    ]);
    assert!(
        said.contains("Nulmeting geschreven") && said.contains("3 pilots"),
        "{said}"
    );
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&snap).unwrap()).unwrap();
    assert_eq!(s["version"], 1);
    assert!(s.get("created").is_none());
    assert!(s["profile"].as_str().unwrap().contains("youth_care_pct"));
    let inputs = s["inputs"].as_array().unwrap();
    assert!(inputs
        .iter()
        .all(|i| i["sha256"].as_str().unwrap().len() == 64));
    let units = s["units"].as_array().unwrap();
    assert_eq!(units.iter().filter(|u| u["role"] == "pilot").count(), 3);
    assert!(units.iter().filter(|u| u["role"] == "control").count() >= 5);
    // Every indicator, microdata too, with withheld cells kept as such.
    assert!(units[0]["values"].as_object().unwrap().len() > 15);
    assert!(units
        .iter()
        .any(|u| u["values"]["pct_kinderbeschermingsmaatregel"] == "suppressed"));

    let csv = ok(&["effect", "--baseline-snapshot", snap_s, "--format", "csv"]);
    assert_planted_effect(&csv);
    // Straight from the files, with the peers searched anew: the same.
    let direct = ok(&["effect", "--pilots", &pilots, "--format", "csv"]);
    assert_planted_effect(&direct);
}

#[test]
fn effect_md_is_dutch_with_the_honesty_text_and_english_on_request() {
    let md = ok(&["effect", "--pilots", "BU99990210,BU99990009,BU99990808"]);
    for want in [
        "## Effectmeting",
        "verschil-in-verschil",
        "vijftallen",
        "parallelle trends",
        "pre-trend",
        "Gekoppeld via de codetabel (aandeel): BU99990302 -> BU99990320 (1)",
        "BU99990999 (niet in het vervolgjaar)",
        "| Jongeren met jeugdzorg in natura | 15,00 | 13,00 | 11,08 | 11,08 | -2,00 | -2,00 | -2,00 |",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
    let en = ok(&[
        "effect",
        "--pilots",
        "BU99990210,BU99990009,BU99990808",
        "--lang",
        "en",
    ]);
    assert!(
        en.contains("## Effect measurement") && en.contains("parallel trends"),
        "{en}"
    );
}

#[test]
fn a_code_change_without_mapping_is_reported_and_left_out() {
    let base = [
        "--boundaries",
        "boundaries/denkerveen_buurten_2024.geojson",
        "--indicators",
        "sample-data/kerncijfers_denkerveen_2024.csv",
        "--indicators",
        "sample-data/kwb_denkerveen_2024.csv",
        "--followup",
        "sample-data/kerncijfers_denkerveen_2026.csv",
        "--followup",
        "sample-data/kwb_denkerveen_2026.csv",
    ];
    let mut args = vec![
        "effect",
        "--pilots",
        "BU99990210,BU99990009,BU99990808",
        "--format",
        "json",
    ];
    args.extend(base);
    let j: Value = serde_json::from_str(&ok(&args)).unwrap();
    let excluded = j["excluded"].as_array().unwrap();
    let has = |code: &str, reason: &str| {
        excluded
            .iter()
            .any(|e| e["code"] == code && e["reason"] == reason)
    };
    assert!(has("BU99990302", "absent_in_followup"), "{excluded:?}");
    assert!(has("BU99990320", "new_in_followup"), "{excluded:?}");
    assert!(j["mapped"].as_array().unwrap().is_empty());
    // Naming the unit as a control is refused with the reason.
    let mut bad = args.clone();
    bad.extend(["--controls", "BU99990302"]);
    let (code, _, err) = run(&bad);
    assert_eq!(code, 2);
    assert!(
        err.contains("vergelijkingsbuurt BU99990302")
            && err.contains("niet in het vervolgjaar en niet in de codekoppeling"),
        "{err}"
    );
    bad.extend(["--lang", "en"]);
    let (code, _, err) = run(&bad);
    assert_eq!(code, 2);
    assert!(
        err.contains("BU99990302") && err.contains("not in the follow-up year"),
        "{err}"
    );
    // With the code map the unit is back.
    let mut mapped = args.clone();
    mapped.extend(["--code-map", "sample-data/codes_denkerveen_2024_2026.csv"]);
    let j: Value = serde_json::from_str(&ok(&mapped)).unwrap();
    assert_eq!(j["mapped"][0], "BU99990302 -> BU99990320 (1)");
    assert!(!j["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["code"] == "BU99990302"));
}

#[test]
fn peers_exclude_pilot_neighbours_and_matching_improves_balance() {
    let j: Value = serde_json::from_str(&ok(&[
        "peers",
        "BU99990210",
        "BU99990009",
        "BU99990808",
        "--format",
        "json",
        "--k",
        "4",
    ]))
    .unwrap();
    let spill: Vec<&str> = j["spillover_excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(!spill.is_empty());
    for p in j["controls_per_pilot"].as_array().unwrap() {
        let c = p["controls"].as_array().unwrap();
        assert_eq!(c.len(), 4);
        let d: Vec<f64> = c.iter().map(|x| x[1].as_f64().unwrap()).collect();
        assert!(d.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
        for x in c {
            let code = x[0].as_str().unwrap();
            assert!(!spill.contains(&code), "{code} is a pilot neighbour");
            assert!(!["BU99990210", "BU99990009", "BU99990808"].contains(&code));
        }
    }
    let bal = j["balance"].as_array().unwrap();
    let mean_abs = |k: &str| {
        bal.iter()
            .map(|b| b[k].as_f64().unwrap().abs())
            .sum::<f64>()
            / bal.len() as f64
    };
    assert!(mean_abs("smd_after") < mean_abs("smd_before"), "{bal:?}");
}

#[test]
fn unknown_pilot_and_bad_code_map_are_clear_errors() {
    let (code, _, err) = run(&["effect", "--pilots", "BU00000000"]);
    assert_eq!(code, 2);
    assert!(err.contains("BU00000000"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.csv");
    std::fs::write(&map, "old;new;share\nBU99990302;BU99990320;veel\n").unwrap();
    let (code, _, err) = run(&[
        "effect",
        "--pilots",
        "BU99990210",
        "--followup",
        "sample-data/kerncijfers_denkerveen_2026.csv",
        "--code-map",
        map.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("map.csv") && err.contains("line 2") && err.contains("veel"),
        "{err}"
    );
}

#[test]
fn a_third_year_shows_the_pre_trend() {
    let pilots = "BU99990210,BU99990009,BU99990808";
    let two: Value =
        serde_json::from_str(&ok(&["effect", "--pilots", pilots, "--format", "json"])).unwrap();
    assert!(two.get("pretrend").is_none());
    // The 2026 file stands in for an earlier year: from it to the
    // baseline the pilots rise by 2 points and nothing else moves.
    let earlier = ["--earlier", "sample-data/kerncijfers_denkerveen_2026.csv"];
    let mut args = vec!["effect", "--pilots", pilots, "--format", "json"];
    args.extend(earlier);
    let j: Value = serde_json::from_str(&ok(&args)).unwrap();
    let pre = j["pretrend"].as_array().unwrap();
    let youth = pre
        .iter()
        .find(|p| p["indicator"] == "youth_care_pct")
        .unwrap();
    assert!(
        (youth["did"].as_f64().unwrap() - 2.0).abs() < 1e-9,
        "{youth}"
    );
    assert!(j["earlier_inputs"][0]["sha256"].as_str().unwrap().len() == 64);
    let mut md_args = vec!["effect", "--pilots", pilots];
    md_args.extend(earlier);
    let md = ok(&md_args);
    assert!(
        md.contains("Pre-trend") && md.contains("| Jongeren met jeugdzorg in natura | 2,00 |"),
        "{md}"
    );
    assert!(!md.contains("Met twee jaren"), "{md}");
}

#[test]
fn one_statline_download_with_two_perioden_is_both_years() {
    let root = env!("CARGO_MANIFEST_DIR");
    let f = |p: &str| format!("{root}/{p}");
    // CBS lets a StatLine table be downloaded with several Perioden: the
    // 2024 and the 2026 rows in one file, the header once.
    let y2024 = std::fs::read_to_string(f("sample-data/kerncijfers_denkerveen_2024.csv")).unwrap();
    let y2026 = std::fs::read_to_string(f("sample-data/kerncijfers_denkerveen_2026.csv")).unwrap();
    let body_2026 = y2026.split_once('\n').unwrap().1;
    let dir = tempfile::tempdir().unwrap();
    let both = dir.path().join("kerncijfers_2024_2026.csv");
    std::fs::write(&both, format!("{y2024}{body_2026}")).unwrap();
    let both = both.to_str().unwrap();
    let common = [
        "--boundaries",
        &f("boundaries/denkerveen_buurten_2024.geojson"),
        "--indicators",
        &f("sample-data/kwb_denkerveen_2024.csv"),
        "--microdata",
        &f("sample-data/microdata_denkerveen.csv"),
        "--code-map",
        &f("sample-data/codes_denkerveen_2024_2026.csv"),
        "--followup",
        &f("sample-data/kwb_denkerveen_2026.csv"),
        "--pilots",
        "BU99990210,BU99990009,BU99990808",
        "--format",
        "csv",
    ];
    let mut split = common.to_vec();
    split.extend([
        "--baseline",
        both,
        "--baseline-period",
        "2024",
        "--followup",
        both,
        "--followup-period",
        "2026",
    ]);
    let mut apart = common.to_vec();
    let (k24, k26) = (
        f("sample-data/kerncijfers_denkerveen_2024.csv"),
        f("sample-data/kerncijfers_denkerveen_2026.csv"),
    );
    apart.extend(["--baseline", &k24, "--followup", &k26]);
    let mut with = vec!["effect"];
    with.extend(&split);
    let mut without = vec!["effect"];
    without.extend(&apart);
    let from_one = ok(&with);
    assert_planted_effect(&from_one);
    assert_eq!(from_one, ok(&without));
    // Without a period the mix of years is refused, naming them.
    let mut mixed = vec!["effect", "--lang", "en"];
    mixed.extend(&common);
    mixed.extend(["--baseline", both, "--followup", both]);
    let (code, _, err) = run(&mixed);
    assert_ne!(code, 0);
    assert!(
        err.contains("several years") && err.contains("2024") && err.contains("2026"),
        "{err}"
    );
    assert!(err.contains("--baseline-period"), "{err}");
    // In Dutch by default.
    mixed.drain(1..3);
    let (code, _, err) = run(&mixed);
    assert_ne!(code, 0);
    assert!(
        err.contains("meerdere jaren") && err.contains("2024") && err.contains("2026"),
        "{err}"
    );
    assert!(err.contains("--baseline-period PERIODE"), "{err}");
}

#[test]
fn effect_html_is_a_dutch_page_with_the_before_after_chart() {
    let html = ok(&[
        "effect",
        "--pilots",
        "BU99990210,BU99990009,BU99990808",
        "--format",
        "html",
    ]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("<h1>Effectmeting</h1>"));
    // Self-contained: nothing fetched from elsewhere.
    for external in ["<script", "src=\"http", "href=\"http", "<link"] {
        assert!(!html.contains(external), "{external}");
    }
    let start = html.find("<svg class=\"chart did\"").expect("the chart");
    let end = html[start..].find("</svg>").unwrap() + start + 6;
    let svg = roxmltree::Document::parse(&html[start..end]).unwrap();
    let youth = svg
        .descendants()
        .find(|n| n.attribute("data-indicator") == Some("youth_care_pct"))
        .expect("a panel per indicator");
    let pilot = youth
        .descendants()
        .find(|n| n.attribute("class") == Some("pilots"))
        .unwrap()
        .first_element_child()
        .unwrap();
    let (y1, y2): (f64, f64) = (
        pilot.attribute("y1").unwrap().parse().unwrap(),
        pilot.attribute("y2").unwrap().parse().unwrap(),
    );
    assert!(y2 > y1, "the planted fall is drawn falling");
    assert!(html.contains("<table>") && html.contains("Jongeren met jeugdzorg"));
}
