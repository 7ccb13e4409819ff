use super::validate::MAX_SEED;
use super::*;

const MINIMAL: &str = r#"
name = "t"

[[indicator]]
id = "a"
weight = 2

[[indicator]]
id = "b"
weight = 1.5
direction = "protective"
"#;

fn err_of(text: &str) -> String {
    match Profile::parse(text) {
        Ok(p) => panic!("expected an error, parsed {p:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn minimal_profile_gets_documented_defaults() {
    let p = Profile::parse(MINIMAL).unwrap();
    assert_eq!(p.top_k, 3);
    assert_eq!(p.normalisation.method, NormalisationMethod::ZScore);
    assert_eq!(p.normalisation.winsorize, 0.0);
    assert_eq!(p.normalisation.reference, Reference::Scope);
    assert_eq!(p.aggregation.method, Aggregation::Arithmetic);
    assert_eq!(p.missing.min_coverage, 0.7);
    assert_eq!(p.eligibility.min_primary_schools, 3);
    assert!(p.eligibility.exclude_water && p.eligibility.exclude_zero_population);
    assert_eq!(p.monte_carlo.draws, 1000);
    assert_eq!(p.monte_carlo.concentration, 50.0);
    assert!(!p.monte_carlo.vary_normalisation);
    assert_eq!(p.indicators[0].weight, 2.0);
    assert_eq!(p.indicators[1].direction, Some(Direction::Protective));
}

#[test]
fn smartstart_parses_and_leaves_out_migration_background() {
    let p = Profile::smartstart().unwrap();
    assert_eq!(p.name, "smartstart");
    assert_eq!(p.top_k, 3);
    assert_eq!(p.eligibility.min_primary_schools, 3);
    assert!(p.weight("migration_background_pct").is_none());
    assert!(p
        .sensitive_indicators(|id| id == "migration_background_pct")
        .is_empty());
    for id in [
        "low_income_hh_pct",
        "social_minimum_hh_pct",
        "bijstand_per_1000",
        "youth_care_pct",
        "divorced_pct",
        "social_rent_pct",
        "low_education_pct",
        "wmo_per_1000",
        "woz_mean",
    ] {
        assert!(p.weight(id).is_some_and(|w| w > 0.0), "{id}");
    }
}

#[test]
fn unknown_key_is_named() {
    let msg = err_of("name = \"t\"\ntopk = 3\n[[indicator]]\nid = \"a\"\nweight = 1\n");
    assert!(msg.contains("topk"), "{msg}");
    let msg = err_of("name = \"t\"\n[[indicator]]\nid = \"a\"\nwieght = 1\n");
    assert!(msg.contains("wieght"), "{msg}");
    let msg = err_of(&format!("{MINIMAL}\n[normalisation]\nwinsorise = 0.05\n"));
    assert!(msg.contains("winsorise"), "{msg}");
}

#[test]
fn unknown_normalisation_is_named() {
    let msg = err_of(&format!(
        "{MINIMAL}\n[normalisation]\nmethod = \"robust\"\n"
    ));
    assert!(msg.contains("robust") && msg.contains("z_score"), "{msg}");
    let msg = err_of(&format!(
        "{MINIMAL}\n[aggregation]\nmethod = \"harmonic\"\n"
    ));
    assert!(msg.contains("harmonic"), "{msg}");
}

#[test]
fn normalisation_aliases_are_accepted() {
    let p = Profile::parse(&format!(
        "{MINIMAL}\n[normalisation]\nmethod = \"min-max\"\n"
    ))
    .unwrap();
    assert_eq!(p.normalisation.method, NormalisationMethod::MinMax);
}

#[test]
fn negative_weight_names_indicator_and_value() {
    let msg = err_of(&MINIMAL.replace("weight = 2", "weight = -2"));
    assert!(msg.contains("`a`") && msg.contains("-2"), "{msg}");
}

#[test]
fn all_zero_weights_rejected() {
    let text = MINIMAL
        .replace("weight = 2", "weight = 0")
        .replace("weight = 1.5", "weight = 0");
    assert!(err_of(&text).contains("all indicator weights are 0"));
}

#[test]
fn threshold_out_of_range_names_key_and_value() {
    let msg = err_of(&format!("{MINIMAL}\n[missing]\nmin_coverage = 1.5\n"));
    assert!(
        msg.contains("missing.min_coverage") && msg.contains("1.5"),
        "{msg}"
    );
    let msg = err_of(&format!("{MINIMAL}\n[normalisation]\nwinsorize = 0.6\n"));
    assert!(
        msg.contains("normalisation.winsorize") && msg.contains("0.6"),
        "{msg}"
    );
    let msg = err_of(&format!("{MINIMAL}\n[monte_carlo]\nconcentration = 0\n"));
    assert!(msg.contains("monte_carlo.concentration"), "{msg}");
    let msg = err_of(&format!("{MINIMAL}\n[monte_carlo]\ndraws = 20000\n"));
    assert!(
        msg.contains("monte_carlo.draws") && msg.contains("20000"),
        "{msg}"
    );
    let msg = err_of(&format!("{MINIMAL}\n[eligibility]\nmin_inhabitants = -5\n"));
    assert!(msg.contains("eligibility.min_inhabitants"), "{msg}");
    let msg = err_of(&format!("top_k = 0\n{MINIMAL}"));
    assert!(msg.contains("`top_k` = 0"), "{msg}");
}

#[test]
fn duplicate_indicator_named() {
    let msg = err_of(&format!(
        "{MINIMAL}\n[[indicator]]\nid = \"a\"\nweight = 1\n"
    ));
    assert!(
        msg.contains("`a`") && msg.contains("more than once"),
        "{msg}"
    );
}

#[test]
fn neutral_with_weight_rejected() {
    let msg = err_of(&MINIMAL.replace("\"protective\"", "\"neutral\""));
    assert!(msg.contains("`b`") && msg.contains("neutral"), "{msg}");
}

#[test]
fn validate_against_names_unknown() {
    let p = Profile::parse(MINIMAL).unwrap();
    assert!(p.validate_against(&["a", "b", "c"]).is_ok());
    let msg = p.validate_against(&["a"]).unwrap_err().to_string();
    assert!(msg.contains("`b`") && !msg.contains("`a`"), "{msg}");
}

#[test]
fn sensitive_from_profile_or_registry() {
    let mut p = Profile::parse(MINIMAL).unwrap();
    p.indicators[1].sensitive = true;
    p.set_weight("migration_background_pct", 1.0);
    p.set_weight("c", 0.0);
    let s = p.sensitive_indicators(|id| id == "migration_background_pct" || id == "c");
    assert_eq!(
        s,
        vec!["b".to_string(), "migration_background_pct".to_string()]
    );
}

#[test]
fn to_toml_round_trips() {
    let mut p = Profile::smartstart().unwrap();
    p.set_weight("youth_care_pct", 0.123_456_789);
    p.indicators[0].sensitive = true;
    p.eligibility.gemeenten = vec!["Tilburg".into(), "GM0785".into()];
    p.normalisation.method = NormalisationMethod::Percentile;
    p.aggregation.method = Aggregation::Geometric;
    p.monte_carlo.seed = MAX_SEED;
    let text = p.to_toml().unwrap();
    assert_eq!(Profile::parse(&text).unwrap(), p, "{text}");
    let minimal = Profile::parse(MINIMAL).unwrap();
    assert_eq!(
        Profile::parse(&minimal.to_toml().unwrap()).unwrap(),
        minimal
    );
}

#[test]
fn lang_and_small_population_keys() {
    let p = Profile::parse(MINIMAL).unwrap();
    assert_eq!(p.lang, None);
    assert_eq!(p.small_population_below, SMALL_POPULATION_BELOW);
    let text = format!("lang = \"en\"\nsmall_population_below = 250\n{MINIMAL}");
    let p = Profile::parse(&text).unwrap();
    assert_eq!(p.lang.as_deref(), Some("en"));
    assert_eq!(p.small_population_below, 250.0);
    let e = err_of(&format!("lang = \"de\"\n{MINIMAL}"));
    assert!(
        e.contains("lang") && e.contains("\"de\"") && e.contains("\"nl\" or \"en\""),
        "{e}"
    );
}

#[test]
fn disclosure_section_parses_round_trips_and_rejects_nonsense() {
    let text = format!(
        "{MINIMAL}\n[disclosure]\nmicrodata = [\"zorg_*.csv\"]\ncounts = [\"dossiers\"]\nshares = [\"bereik\"]\nrates = [\"contacten_gem\"]\nmin_cell = 15\n"
    );
    let p = Profile::parse(&text).unwrap();
    assert_eq!(p.disclosure.microdata, ["zorg_*.csv"]);
    assert_eq!(p.disclosure.counts, ["dossiers"]);
    assert_eq!(p.disclosure.min_cell, Some(15));
    assert_eq!(Profile::parse(&p.to_toml().unwrap()).unwrap(), p);
    // a profile without the section saves without it
    let plain = Profile::parse(MINIMAL).unwrap();
    assert!(!plain.to_toml().unwrap().contains("disclosure"));

    let typo = err_of(&format!("{MINIMAL}\n[disclosure]\ncount = [\"x\"]\n"));
    assert!(typo.contains("unknown field `count`"), "{typo}");
    let zero = err_of(&format!("{MINIMAL}\n[disclosure]\nmin_cell = 0\n"));
    assert!(zero.contains("[disclosure] min_cell = 0"), "{zero}");
    let negative = err_of(&format!("{MINIMAL}\n[disclosure]\nmin_cell = -3\n"));
    assert!(negative.contains("min_cell"), "{negative}");
    let not_a_list = err_of(&format!("{MINIMAL}\n[disclosure]\nmicrodata = \"a.csv\"\n"));
    assert!(not_a_list.contains("microdata"), "{not_a_list}");
    let twice = err_of(&format!(
        "{MINIMAL}\n[disclosure]\ncounts = [\"x\"]\nshares = [\"x\"]\n"
    ));
    assert!(twice.contains("also listed in `shares`"), "{twice}");
}
