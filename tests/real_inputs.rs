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
    assert!(out.contains("Profiel mijn-profiel"), "{out}");
    assert!(out.contains("Huishoudens met een laag inkomen 1"), "{out}");
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
    assert!(out.contains("SES-WOA totaalscore 1"), "{out}");
}

/// The real Goirle buurten (Rijksdriehoek) with made-up figures, once as
/// GeoJSON + kwb CSV and once as a GeoPackage written per the OGC spec with
/// the figures as wijk- en buurtkaart attributes (sentinel -99997 where the
/// CSV has "."): both must rank byte-identically. (`FID` is left out: the
/// GeoPackage's own `fid` key takes that name.)
#[test]
fn geopackage_ranks_like_geojson_plus_csv() {
    use buurtradar::io::gpkg::binary::encode_multipolygon;
    use buurtradar::io::gpkg::write::{write_gpkg, Attr, Layer};
    use serde_json::Value as Json;

    let Some(geojson) = common::real_file("buurten_goirle_2024_rd.geojson") else {
        return;
    };
    let fc: Json = serde_json::from_slice(&std::fs::read(&geojson).unwrap()).unwrap();
    let ring = |r: &Json| -> Vec<[f64; 2]> {
        r.as_array()
            .unwrap()
            .iter()
            .map(|p| [p[0].as_f64().unwrap(), p[1].as_f64().unwrap()])
            .collect()
    };
    let poly =
        |p: &Json| -> Vec<Vec<[f64; 2]>> { p.as_array().unwrap().iter().map(ring).collect() };
    let text = |s: &str| Attr::Text(s.to_string());
    let mut csv = String::from("gwb_code;regio;a_inw;p_hh_li;p_jz_tn\n");
    let mut rows = Vec::new();
    for (i, f) in fc["features"].as_array().unwrap().iter().enumerate() {
        let g = &f["geometry"];
        let polys = match g["type"].as_str().unwrap() {
            "Polygon" => vec![poly(&g["coordinates"])],
            _ => g["coordinates"]
                .as_array()
                .unwrap()
                .iter()
                .map(poly)
                .collect(),
        };
        let p = &f["properties"];
        let code = p["statcode"].as_str().unwrap();
        let inhabitants = 300 + 97 * i as i64;
        let low_income = ((i * 7) % 23) as f64 / 2.0 + 3.0;
        let youth = ((i * 5) % 13) as f64 / 10.0 + 8.0;
        let secret = i % 9 == 4;
        csv.push_str(&format!(
            "{code};{};{inhabitants};{};{youth}\n",
            p["statnaam"].as_str().unwrap(),
            if secret {
                ".".to_string()
            } else {
                low_income.to_string()
            }
        ));
        rows.push((
            vec![
                text(code),
                text(p["jrstatcode"].as_str().unwrap()),
                text(p["statnaam"].as_str().unwrap()),
                text(p["rubriek"].as_str().unwrap()),
                Attr::Int(p["id"].as_i64().unwrap()),
                Attr::Int(inhabitants),
                if secret {
                    Attr::Int(-99997)
                } else {
                    Attr::Real(low_income)
                },
                Attr::Real(youth),
            ],
            Some(encode_multipolygon(28992, &polys)),
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let gpkg = dir.path().join("wijkenbuurten_2024_goirle.gpkg");
    let columns = [
        "statcode",
        "jrstatcode",
        "statnaam",
        "rubriek",
        "id",
        "aantal_inwoners",
        "percentage_huishoudens_met_laag_inkomen",
        "percentage_jongeren_met_jeugdzorg_in_natura",
    ];
    let types = [
        "TEXT", "TEXT", "TEXT", "TEXT", "INTEGER", "INTEGER", "REAL", "REAL",
    ];
    write_gpkg(
        &gpkg,
        &[Layer {
            name: "buurten".into(),
            columns: columns
                .iter()
                .zip(types)
                .map(|(c, t)| (c.to_string(), t))
                .collect(),
            rows,
        }],
    )
    .unwrap();
    let figures = dir.path().join("kwb-2024.csv");
    std::fs::write(&figures, csv).unwrap();
    let profile = dir.path().join("p.toml");
    std::fs::write(
        &profile,
        "name = \"t\"\ntop_k = 3\n[eligibility]\nmin_primary_schools = 0\n\
         [[indicator]]\nid = \"low_income_hh_pct\"\nweight = 2\n\
         [[indicator]]\nid = \"youth_care_pct\"\nweight = 1\n",
    )
    .unwrap();
    let common_args = ["--profile", p(&profile), "--draws", "50", "--limit", "40"];
    let mut from_csv = vec![
        "rank",
        "--boundaries",
        p(&geojson),
        "--indicators",
        p(&figures),
    ];
    from_csv.extend(common_args);
    let mut from_gpkg = vec!["rank", "--boundaries", p(&gpkg)];
    from_gpkg.extend(common_args);
    let (code, a, err) = run(&from_csv);
    assert_eq!(code, 0, "{err}");
    let (code, b, err) = run(&from_gpkg);
    assert_eq!(code, 0, "{err}");
    assert!(a.contains("BU0785"), "{a}");
    assert_eq!(a, b);
    // `check` names the format and layer, in Dutch unless asked otherwise.
    let (code, out, err) = run(&["check", "--lang", "en", "--boundaries", p(&gpkg)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("[GeoPackage, layer buurten, 31 records]"),
        "{out}"
    );
    let (code, out, err) = run(&["check", "--boundaries", p(&gpkg)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("[GeoPackage, laag buurten, 31 records]"),
        "{out}"
    );
    let (code, _, err) = run(&[
        "check",
        "--lang",
        "en",
        "--boundaries",
        p(&gpkg),
        "--layer",
        "wijken",
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains("wijkenbuurten_2024_goirle.gpkg")
            && err.contains("feature layers are: buurten"),
        "{err}"
    );
}
