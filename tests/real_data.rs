//! Loads the real public files in ../shared/real (see its README) and checks
//! the counts that README states. Skips, saying so, when the folder is absent
//! (and fails under `CI=true`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use buurtradar::domain::dataset::{Dataset, Level};
use buurtradar::domain::value::{Missing, Value};
use buurtradar::io::boundaries::read_boundaries;
use buurtradar::io::crs::Crs;
use buurtradar::io::{load, Inputs, Source};
use geo::{Area, Contains, InteriorPoint};
use std::collections::HashMap;

fn real(file: &str) -> Option<Source> {
    let p = common::real_file(file)?;
    Some(Source::read(&p).expect("readable real file"))
}

fn load_with(b: Option<Source>, ind: Vec<Source>, s: Option<Source>) -> Dataset {
    load(&Inputs {
        boundaries: b,
        indicators: ind,
        schools: s,
        ..Inputs::default()
    })
    .expect("real inputs load")
}

#[test]
fn hvb_boundaries_per_gemeente_and_empty_shapes() {
    let Some(b) = real("buurten_hvb_2024.geojson") else {
        return;
    };
    let ds = load_with(Some(b), vec![], None);
    let r = &ds.report;
    assert_eq!(r.buurten, 423);
    let tilburg = &r.gemeenten["GM0855"];
    assert_eq!((tilburg.buurten, tilburg.with_geometry), (254, 252));
    let oisterwijk = &r.gemeenten["GM0824"];
    assert_eq!((oisterwijk.buurten, oisterwijk.with_geometry), (35, 33));
    let mut without = r.without_geometry.clone();
    without.sort();
    assert_eq!(
        without,
        ["BU08240703", "BU08241001", "BU08553206", "BU08556707"]
    );
    assert!(r.crs.en.starts_with("WGS84"), "{}", r.crs);
    assert!(
        r.crs.nl.starts_with("WGS84 (EPSG:4326, lengte/breedte)"),
        "{}",
        r.crs.nl
    );
    // Holes survive: BU07980309 has two.
    let a = ds.area("BU07980309").unwrap();
    let holes: usize = a
        .geometry
        .as_ref()
        .unwrap()
        .0
        .iter()
        .map(|p| p.interiors().len())
        .sum();
    assert_eq!(holes, 2);
}

#[test]
fn goirle_in_rd_equals_goirle_in_wgs84() {
    let (Some(rd), Some(wgs)) = (
        real("buurten_goirle_2024_rd.geojson"),
        real("buurten_hvb_2024.geojson"),
    ) else {
        return;
    };
    let rd = read_boundaries(&rd, None).unwrap();
    assert_eq!(rd.crs.crs, Crs::Rd);
    let wgs = read_boundaries(&wgs, None).unwrap();
    let wgs: HashMap<&str, _> = wgs
        .features
        .iter()
        .filter(|f| f.code.starts_with("BU0785"))
        .map(|f| (f.code.as_str(), f))
        .collect();
    assert_eq!(rd.features.len(), 31);
    assert_eq!(wgs.len(), 31);
    let (mut total_rd, mut total_wgs) = (0.0, 0.0);
    for f in &rd.features {
        let g_rd = f.geometry.as_ref().unwrap();
        let g_wgs = wgs[f.code.as_str()].geometry.as_ref().unwrap();
        total_rd += g_rd.unsigned_area();
        total_wgs += g_wgs.unsigned_area();
        // Same place: a point inside the RD shape lies inside the projected
        // WGS84 shape (both generalised, coordinates rounded to ~100 m).
        let p = g_rd.interior_point().unwrap();
        assert!(
            g_wgs.contains(&p),
            "{}: interior point {:?} not in WGS84 shape",
            f.code,
            p
        );
    }
    let ratio = total_wgs / total_rd;
    assert!((0.99..1.01).contains(&ratio), "total area ratio {ratio}");
}

#[test]
fn every_school_lands_in_a_buurt_of_its_own_gemeente() {
    let (Some(b), Some(s), Some(g)) = (
        real("buurten_hvb_2024.geojson"),
        real("scholen_duo_hvb_20241122.geojson"),
        real("gemeenten_hvb_2024.geojson"),
    ) else {
        return;
    };
    let gem = read_boundaries(&g, None).unwrap();
    let names: HashMap<String, String> = gem
        .features
        .iter()
        .map(|f| (f.code.clone(), f.name.clone().unwrap().to_uppercase()))
        .collect();
    let raw: serde_json::Value = serde_json::from_slice(&s.bytes).unwrap();
    let gemeente_of_school: Vec<String> = raw["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["gemeente"].as_str().unwrap().to_string())
        .collect();
    let ds = load_with(Some(b), vec![], Some(s));
    assert_eq!(ds.schools.len(), 188);
    let mut unmatched_waalwijk = 0;
    for (school, gemeente) in ds.schools.iter().zip(&gemeente_of_school) {
        match school.area {
            Some(a) => {
                let code = &ds.areas[a].gemeente_code;
                assert_eq!(
                    &names[code], gemeente,
                    "{} placed in {}",
                    school.name, ds.areas[a].code
                );
            }
            None => {
                assert_eq!(gemeente, "WAALWIJK", "{} in no buurt", school.name);
                unmatched_waalwijk += 1;
            }
        }
    }
    assert_eq!(unmatched_waalwijk, 26);
    let r = &ds.report.schools;
    assert_eq!(r.counted, 148, "primary = basisschool 143 + SBAO 5");
    assert_eq!(r.unmatched.len(), 26);
    // The finding behind the pilot-areas issue: few buurten hold three.
    let tilburg_3plus = ds
        .areas
        .iter()
        .filter(|a| a.gemeente_code == "GM0855" && a.schools.unwrap_or(0) >= 3)
        .count();
    assert_eq!(
        tilburg_3plus, 2,
        "Tilburg buurten with at least 3 primary schools"
    );
}

#[test]
fn statline_ses_csv_with_suppressed_cells() {
    let (Some(b), Some(ses)) = (
        real("buurten_amsterdam_2019.geojson"),
        real("ses_woa_amsterdam_2019.csv"),
    ) else {
        return;
    };
    let ds = load_with(Some(b), vec![ses], None);
    let count = |l: Level| ds.areas.iter().filter(|a| a.level == l).count();
    assert_eq!(
        (
            count(Level::Gemeente),
            count(Level::Wijk),
            count(Level::Buurt)
        ),
        (1, 99, 479)
    );
    let j = &ds.report.joins[0];
    assert_eq!(j.regions_in_file, 579);
    assert_eq!(j.matched_buurten, 479);
    assert!(j.only_in_file.is_empty() && j.only_in_boundaries.is_empty());
    assert_eq!(ds.report.without_geometry.len(), 4);
    // 90 lines have at least one suppressed value; each shows as secret.
    let lines_with_secret = (0..ds.areas.len())
        .filter(|&i| {
            ds.indicators
                .iter()
                .any(|ind| ind.values[i] == Value::Missing(Missing::Secret))
        })
        .count();
    assert_eq!(lines_with_secret, 90);
    let ses = ds.indicator("ses_woa_score").unwrap();
    assert_eq!(ses.values[ds.index["GM0363"]], Value::Num(-0.1));
    assert_eq!(
        ds.value("low_education_pct", ds.index["BU03630000"]),
        Some(Value::Num(12.4))
    );
    assert_eq!(
        ds.value("households", ds.index["BU03630001"]),
        Some(Value::Num(500.0))
    );
}

#[test]
fn transposed_statline_export_is_read() {
    let Some(src) = real("nabijheid_voorzieningen_2021_aa_en_hunze_transposed.csv") else {
        return;
    };
    let ds = load_with(None, vec![src], None);
    assert_eq!(ds.areas.len(), 8);
    assert_eq!(ds.area("NL00").unwrap().level, Level::Land);
    assert_eq!(ds.report.buurten, 4);
    let id = "huisartsenpraktijk_afstand_tot_huisartsenpraktijk";
    assert_eq!(ds.value(id, ds.index["BU16800000"]), Some(Value::Num(0.8)));
    assert_eq!(ds.value(id, ds.index["GM1680"]), Some(Value::Num(2.5)));
    let footer = ds
        .report
        .warnings
        .iter()
        .any(|w| w.message.en.contains("Bron: CBS"));
    assert!(footer, "the footer line is reported as skipped");
}

#[test]
fn rd_file_declared_as_wgs84_is_refused() {
    let Some(rd) = real("buurten_goirle_2024_rd.geojson") else {
        return;
    };
    let e = read_boundaries(&rd, Some(Crs::Wgs84))
        .err()
        .unwrap()
        .to_string();
    assert!(
        e.contains("buurten_goirle_2024_rd.geojson") && e.contains("--crs rd"),
        "{e}"
    );
}

/// The real HVB files carry no figures, so this test adds one synthetic
/// need column per buurt (a fixed hash of the code, clearly not CBS data):
/// what is real here is the boundaries, the schools, the school rule and
/// the pilot-area alternatives.
fn hvb_with_test_need() -> Option<Dataset> {
    let (Some(b), Some(s)) = (
        real("buurten_hvb_2024.geojson"),
        real("scholen_duo_hvb_20241122.geojson"),
    ) else {
        return None;
    };
    let boundaries = read_boundaries(&b, None).unwrap();
    let mut csv = String::from("gwb_code;test_need\n");
    for f in &boundaries.features {
        let h = f
            .code
            .bytes()
            .fold(17u64, |h, c| h.wrapping_mul(31).wrapping_add(u64::from(c)));
        csv.push_str(&format!("{};{}\n", f.code, h % 1000));
    }
    Some(load_with(
        Some(b),
        vec![Source::from_bytes("test_need.csv", csv.into_bytes())],
        Some(s),
    ))
}

fn tilburg_profile(
    rule: buurtradar::domain::pilot::PilotRule,
) -> buurtradar::domain::profile::Profile {
    let mut p = buurtradar::domain::profile::Profile::parse(
        "name = \"test\"\n[[indicator]]\nid = \"test_need\"\nweight = 1\ndirection = \"risk\"\n",
    )
    .unwrap();
    p.eligibility.gemeenten = vec!["Tilburg".into()];
    p.pilot.rule = rule;
    p.monte_carlo.draws = 50;
    p
}

#[test]
fn pilot_rules_on_real_tilburg() {
    use buurtradar::domain::analysis::{Analysis, RunOptions};
    use buurtradar::domain::pilot::PilotRule;
    let Some(ds) = hvb_with_test_need() else {
        return;
    };
    let opts = RunOptions {
        skip_stability: true,
        skip_candidates: true,
    };
    let eligible = |rule| Analysis::run(&ds, &tilburg_profile(rule), opts).unwrap();
    let within = eligible(PilotRule::Buurt);
    // Tilburg's gemeente name came from the school file: the filter by name works.
    assert_eq!(
        within
            .units
            .iter()
            .filter(|u| u.gemeente_name == "Tilburg")
            .count(),
        254
    );
    assert_eq!(
        within.ranking.eligible_count(),
        2,
        "the within-buurt rule finds fewer candidates than the top 3"
    );
    assert!(
        within
            .notes
            .iter()
            .any(|s| s.to_string().contains("fewer than the 3 asked for")),
        "{:?}",
        within.notes
    );
    for (rule, candidates) in [
        (PilotRule::Catchment, 57),
        (PilotRule::Wijk, 4),
        (PilotRule::Contiguous, 8),
    ] {
        let a = eligible(rule);
        assert_eq!(a.ranking.eligible_count(), candidates, "{rule:?}");
        assert_eq!(a.ranking.shortlist.len(), 3, "{rule:?}");
        for &u in &a.ranking.shortlist {
            assert!(a.units[u].primary_schools.unwrap() >= 3);
            assert!(a.units[u].gemeente_code == "GM0855");
        }
    }
    // Pilot areas do not overlap and are made of adjacent Tilburg buurten.
    let areas = eligible(PilotRule::Contiguous);
    let mut seen = std::collections::HashSet::new();
    for m in &areas.members {
        for &i in m {
            assert!(seen.insert(i), "buurt {} in two areas", ds.areas[i].code);
            assert_eq!(ds.areas[i].gemeente_code, "GM0855");
        }
    }
}

#[test]
fn candidate_counts_per_rule_on_real_tilburg() {
    use buurtradar::domain::analysis::candidate_counts;
    use buurtradar::domain::pilot::PilotRule;
    let Some(ds) = hvb_with_test_need() else {
        return;
    };
    let idx: Vec<usize> = ds.buurten().collect();
    let c = candidate_counts(&ds, &tilburg_profile(PilotRule::Buurt), &idx).unwrap();
    let at = |rule: PilotRule, k: u32| {
        c.iter()
            .find(|r| r.rule == rule)
            .unwrap()
            .counts
            .iter()
            .find(|x| x.0 == k)
            .unwrap()
            .1
    };
    // Tilburg buurten (or units) with at least 2, 3, 4 primary schools.
    let table: Vec<(PilotRule, [usize; 3])> = PilotRule::ALL
        .into_iter()
        .map(|r| (r, [at(r, 2), at(r, 3), at(r, 4)]))
        .collect();
    assert_eq!(
        table,
        [
            (PilotRule::Buurt, [8, 2, 0]),
            (PilotRule::Catchment, [127, 57, 21]),
            (PilotRule::Wijk, [19, 4, 1]),
            (PilotRule::Contiguous, [19, 8, 5]),
        ]
    );
    // More schools asked, fewer candidates, for every rule.
    for r in PilotRule::ALL {
        assert!(at(r, 2) >= at(r, 3) && at(r, 3) >= at(r, 4), "{r:?}: {c:?}");
    }
    assert!(at(PilotRule::Buurt, 3) < at(PilotRule::Catchment, 3));
}
