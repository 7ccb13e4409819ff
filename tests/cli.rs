//! The real binary on the embedded sample: what the README promises.

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

#[test]
fn check_on_the_sample_reports_every_planted_quirk() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 0, "{err}");
    for expected in [
        "GM9999   Denkerveen",
        "Buurten zonder geometrie (1, behouden, niet op de kaart): BU99990510",
        "alleen in dit bestand (1): BU99990999",
        "alleen in de grenzen (1): BU99990907",
        "in geen buurt: IBS De Zonnewijzer",
        "BU99990001 780 vs 785",
        "onthullingscontrole:",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    let (code, out, err) = run(&["check", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    for expected in [
        "Buurten without geometry (1, kept, not on the map): BU99990510",
        "only in this file (1): BU99990999",
        "in no buurt: IBS De Zonnewijzer",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    let (code, out, _) = run(&["check", "--format", "json"]);
    assert_eq!(code, 0);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["schools"]["counted"], 35);
}

#[test]
fn indicators_lists_the_registry() {
    let (code, out, _) = run(&["indicators"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("youth_care_pct")
            && out.contains("PercentageJongerenMetJeugdzorg".to_lowercase().as_str())
    );
    assert!(out.contains("migration_background_pct") && out.contains("gevoelig"));
    let (code, out, _) = run(&["indicators", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("sensitive") && out.contains("aliases"),
        "{out}"
    );
}

#[test]
fn rank_on_the_sample_explains_and_measures_stability() {
    let (code, out, err) = run(&["rank", "--draws", "200"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Waarom elk gekozen is"), "{out}");
    assert!(
        out.contains("Kandidaten per regel bij 2 / 3 / 4 basisscholen"),
        "{out}"
    );
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("rang code"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(table.len() > 3, "{out}");
    for l in table {
        assert!(l.chars().count() <= 100, "wider than 100 columns: {l}");
    }
    let (code, out, _) = run(&["rank", "--draws", "200", "--format", "json"]);
    assert_eq!(code, 0);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    let shortlist = j["shortlist"].as_array().unwrap();
    assert_eq!(shortlist.len(), 3);
    // Every shortlisted unit is eligible and has >= 3 schools.
    for u in j["units"].as_array().unwrap() {
        if u["shortlisted"] == true {
            assert_eq!(u["eligible"], true);
            assert!(u["schools"].as_u64().unwrap() >= 3);
            // Contributions add up to the score (arithmetic mean).
            let sum: f64 = u["contributions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_f64().unwrap())
                .sum();
            assert!((sum - u["score"].as_f64().unwrap()).abs() < 1e-9);
        }
    }
}

#[test]
fn teams_for_the_shortlist_give_a_reason_for_every_member() {
    let (code, out, err) = run(&["teams", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    let proposals = j["teams"]["proposals"].as_array().unwrap();
    assert_eq!(proposals.len(), 3);
    let mut teams = Vec::new();
    for p in proposals {
        let members = p["members"].as_array().unwrap();
        assert!(members.len() <= 8);
        let roles: Vec<&str> = members
            .iter()
            .map(|m| m["role_id"].as_str().unwrap())
            .collect();
        assert!(
            roles.contains(&"parents"),
            "parents are in every team: {roles:?}"
        );
        for m in members {
            if m["core"] == false {
                let met = m["reasons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| r["status"] == "met")
                    .count();
                assert!(met > 0, "{} has no reason", m["role_id"]);
            }
        }
        teams.push(roles.join(","));
    }
    // No copy-paste: the shortlisted buurten do not all get the same team.
    teams.dedup();
    assert!(teams.len() > 1, "{teams:?}");
}

#[test]
fn teams_for_a_named_buurt_and_an_unknown_code() {
    let (code, out, _) = run(&["teams", "--buurt", "BU99990101", "--explain"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Vlasakker") && out.contains("niet nodig:"),
        "{out}"
    );
    let (code, _, err) = run(&["teams", "--buurt", "BU00000000"]);
    assert_eq!(code, 2);
    assert!(err.contains("BU00000000"), "{err}");
}

#[test]
fn bad_profile_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    std::fs::write(&p, "name = \"x\"\nwieght = 1\n").unwrap();
    let (code, _, err) = run(&["rank", "--profile", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("p.toml") && err.contains("wieght"), "{err}");
    std::fs::write(
        &p,
        "name = \"x\"\n[[indicator]]\nid = \"youth_care_pct\"\nweight = -1\n",
    )
    .unwrap();
    let (code, _, err) = run(&["rank", "--profile", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("youth_care_pct") && err.contains("-1"),
        "{err}"
    );
    std::fs::write(
        &p,
        "name = \"x\"\n[[indicator]]\nid = \"youth_care_pct\"\nweight = 0\n",
    )
    .unwrap();
    let (code, _, err) = run(&["rank", "--profile", p.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn every_rule_runs_on_the_sample() {
    for rule in ["buurt", "catchment", "wijk", "contiguous"] {
        let (code, out, err) = run(&["rank", "--rule", rule, "--draws", "50", "--format", "csv"]);
        assert_eq!(code, 0, "{rule}: {err}");
        assert!(out.starts_with("rank,eligible_rank,code"), "{rule}");
    }
}

#[test]
fn rank_as_markdown_is_the_export_memo() {
    let (code, rank, err) = run(&["rank", "--draws", "50", "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    let (code, export, err) = run(&[
        "export",
        "--draws",
        "50",
        "--reproducible",
        "--format",
        "md",
        "--out",
        "-",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(rank, export);
    assert!(rank.contains("## Herkomst"), "{rank}");
}

#[test]
fn the_memo_is_dutch_by_default_and_english_on_request() {
    let memo = |lang: &[&str]| {
        let mut args = vec!["rank", "--draws", "20", "--format", "md"];
        args.extend_from_slice(lang);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let nl = memo(&[]);
    assert!(
        nl.starts_with("# Buurtradar: 3 buurten voor een preventiepilot"),
        "{nl}"
    );
    for want in [
        "Jongeren met jeugdzorg in natura 16,3 %",
        "4 basisscholen",
        "2.770 inwoners",
        "(altijd)",
        "regel: z boven 0,5",
    ] {
        assert!(nl.contains(want), "missing {want:?}:\n{nl}");
    }
    for gone in [
        "youth_care_pct 16",
        "Ouders / Parents",
        "z_above",
        "[per 1,000]",
    ] {
        assert!(!nl.contains(gone), "still {gone:?}:\n{nl}");
    }
    let en = memo(&["--lang", "en"]);
    assert!(
        en.starts_with("# Buurtradar: 3 buurten for a prevention pilot"),
        "{en}"
    );
    assert!(
        en.contains("4 primary schools") && en.contains("2,770 inhabitants"),
        "{en}"
    );
    assert!(en.contains("- **Parents** (always)"), "{en}");
    assert!(
        !en.contains("basisscholen") && !en.contains("Ouders"),
        "{en}"
    );
}

#[test]
fn choices_by_hand_are_recorded_in_json_and_declared_in_the_memo() {
    let hand = ["--include", "BU99990001", "--exclude", "BU99990009"];
    let mut args = vec![
        "export",
        "--draws",
        "20",
        "--reproducible",
        "--format",
        "json",
        "--out",
        "-",
    ];
    args.extend_from_slice(&hand);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    let unit = |code: &str| {
        j["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["code"] == code)
            .unwrap()
            .clone()
    };
    let added = unit("BU99990001");
    assert_eq!(added["chosen_by"], "hand");
    assert!(added["shortlisted"].as_bool().unwrap());
    let failed = added["failed_rules"].as_array().unwrap();
    assert!(
        failed
            .iter()
            .any(|f| f.as_str().unwrap().contains("primary schools")),
        "{added}"
    );
    assert_eq!(unit("BU99990210")["chosen_by"], "rules");
    let removed = unit("BU99990009");
    assert!(removed["removed_by_hand"].as_bool().unwrap() && removed["chosen_by"].is_null());
    let shortlist: Vec<&str> = j["shortlist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(shortlist.contains(&"BU99990001") && !shortlist.contains(&"BU99990009"));
    assert_eq!(j["provenance"]["chosen_by_hand"][0], "BU99990001");
    assert_eq!(j["provenance"]["removed_by_hand"][0], "BU99990009");

    let mut args = vec!["rank", "--draws", "20", "--format", "md"];
    args.extend_from_slice(&hand);
    let (code, md, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("| \u{270b} hand |"), "{md}");
    assert!(md.contains("BU99990001 Oude Haven: met de hand toegevoegd, niet door de regels gekozen; voldoet niet aan: 0 van 3 basisscholen"), "{md}");
    assert!(
        md.contains(
            "BU99990009 Emmabuurt: door de regels gekozen (rang 8), met de hand verwijderd"
        ),
        "{md}"
    );
}

#[test]
fn bad_codes_and_languages_name_the_value_and_the_choices() {
    let (code, _, err) = run(&[
        "rank",
        "--draws",
        "20",
        "--include",
        "BU00000000",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--include BU00000000") && err.contains("buurten in scope, e.g. BU"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "teams",
        "--rule",
        "wijk",
        "--exclude",
        "BU99990009",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("outside the scope") && err.contains("wijken in scope, e.g. WK"),
        "{err}"
    );
    let (code, _, err) = run(&["export", "--lang", "xx", "--format", "md", "--out", "-"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("'xx'") && err.contains("nl") && err.contains("en"),
        "{err}"
    );
}

#[test]
fn the_apps_flags_before_a_subcommand_are_refused_not_ignored() {
    // `--lang en rank` used to print Dutch, and `--boundaries F rank` to
    // rank the sample: the flags belonged to the app, which did not run.
    for args in [
        &["--lang", "en", "rank"][..],
        &["--boundaries", "mine.geojson", "check"][..],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains(args[0]), "{args:?}: {err}");
    }
    // After the subcommand the same flag works.
    let (code, out, _) = run(&["rank", "--lang", "en", "--limit", "1"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Profile"), "{out}");
}
