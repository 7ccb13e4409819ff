//! The command line and the terminal app show the same numbers: on the
//! embedded sample with the default profile, `export --format json` and
//! the app as `buurtradar` starts it agree on every unit's score and rank,
//! on the shortlist and on the team (role ids) of each shortlisted unit.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use buurtradar::tui::action::Action;
use buurtradar::tui::app::App;
use buurtradar::tui::terminal::start_app;
use buurtradar::tui::update::update;
use buurtradar::tui::TuiArgs;
use clap::Parser;
use serde_json::Value;
use std::collections::HashMap;

fn exported() -> Value {
    // No user keys file can get in the way of either side.
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("buurtradar")
        .unwrap()
        .env("BUURTRADAR_KEYS", dir.path().join("none.toml"))
        .args(["export", "--format", "json", "--out", "-", "--reproducible"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The flags as `buurtradar` without arguments parses them (not
/// `TuiArgs::default()`, which skips clap's defaults).
#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    app: TuiArgs,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    std::env::set_var("BUURTRADAR_KEYS", dir.path().join("none.toml"));
    let args = Cli::parse_from(["buurtradar"]).app;
    start_app(&args).unwrap()
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// serde_json (without its `float_roundtrip` feature) may read the last
/// digit of a printed f64 one unit off, so scores match to 1e-12; any real
/// difference in weights or normalisation is orders larger.
fn same_score(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * x.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// Every difference between the export and the app, as readable lines.
fn differences(doc: &Value, app: &App) -> Vec<String> {
    let mut diffs = Vec::new();
    let index: HashMap<&str, usize> = app
        .analysis
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.code.as_str(), i))
        .collect();
    let units = doc["units"].as_array().unwrap();
    if units.len() != app.analysis.units.len() {
        diffs.push(format!(
            "{} units exported, {} in the app",
            units.len(),
            app.analysis.units.len()
        ));
    }
    for u in units {
        let code = u["code"].as_str().unwrap();
        let Some(&i) = index.get(code) else {
            diffs.push(format!("{code} not in the app"));
            continue;
        };
        let r = &app.analysis.ranking.units[i];
        let rank = u["rank"].as_u64().map(|r| r as usize);
        if rank != r.rank {
            diffs.push(format!("{code}: rank {rank:?} vs {:?}", r.rank));
        }
        let score = u["score"].as_f64();
        if !same_score(score, r.score) {
            diffs.push(format!("{code}: score {score:?} vs {:?}", r.score));
        }
        if u["eligible"].as_bool() != Some(r.eligible) {
            diffs.push(format!("{code}: eligible differs"));
        }
    }
    let code = |u: usize| app.analysis.units[u].code.clone();
    let shortlist: Vec<String> = app.shortlist().into_iter().map(code).collect();
    if strs(&doc["shortlist"]) != shortlist {
        diffs.push(format!(
            "shortlist {:?} vs {shortlist:?}",
            strs(&doc["shortlist"])
        ));
    }
    let proposals = doc["teams"]["proposals"].as_array().unwrap();
    let teams: Vec<String> = proposals
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_string())
        .collect();
    if teams != shortlist {
        diffs.push(format!("teams for {teams:?}, shortlist {shortlist:?}"));
    }
    for p in proposals {
        let code = p["code"].as_str().unwrap();
        let Some(&i) = index.get(code) else { continue };
        let exported: Vec<String> = p["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["role_id"].as_str().unwrap().to_string())
            .collect();
        let shown: Vec<String> = app
            .focus_on(i)
            .team
            .members
            .iter()
            .map(|m| m.role_id.clone())
            .collect();
        if exported != shown {
            diffs.push(format!("{code}: team {exported:?} vs {shown:?}"));
        }
    }
    diffs
}

#[test]
fn export_and_app_agree_on_the_sample() {
    let doc = exported();
    let mut app = app();
    assert!(
        !app.shortlist().is_empty(),
        "a sample without a shortlist proves nothing"
    );
    let diffs = differences(&doc, &app);
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));

    // The comparison sees a difference when there is one: the app
    // re-weighted no longer matches the export of the profile.
    app.weight_cursor = 0;
    update(&mut app, Action::WeightStep(25.0));
    assert!(!differences(&doc, &app).is_empty());
}
