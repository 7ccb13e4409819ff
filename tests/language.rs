//! One language switch for everything: Dutch by default, English on
//! request (flag or the profile's `lang` key), labels instead of ids in
//! every human-facing text, and the labels as extra fields in the machine
//! formats.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{ok, run};

/// The ids of the indicators the sample's profile weighs, and the
/// microdata column a team reason uses: none may show where people read.
const IDS: [&str; 8] = [
    "low_income_hh_pct",
    "social_minimum_hh_pct",
    "bijstand_per_1000",
    "youth_care_pct",
    "divorced_pct",
    "wmo_per_1000",
    "ses_woa_score",
    "pct_kinderbeschermingsmaatregel",
];

fn assert_none(text: &str, words: &[&str], what: &str) {
    for w in words {
        assert!(!text.contains(w), "{what} has {w:?}:\n{text}");
    }
}

#[test]
fn the_memo_reads_dutch_with_labels_and_english_on_request() {
    let md = ok(&["export", "--format", "md", "--out", "-", "--reproducible"]);
    // Up to the method appendix (which maps ids to labels on purpose).
    let body = &md[..md.find("## Methode").expect("Dutch method heading")];
    assert_none(body, &IDS, "the Dutch memo");
    let method = &md[md.find("## Methode").unwrap()..md.find("## Herkomst").unwrap()];
    assert_none(
        method,
        &[
            "Weights:",
            "Sensitivity",
            "weight changes",
            "of draws",
            "(used)",
            " at 2",
            "normalisation",
            "primary schools",
            "Schools:",
            "counted as primary",
            "Microdata indicators",
        ],
        "the Dutch method",
    );
    assert!(body.contains("kinderbeschermingsmaatregel (%)"), "{body}");
    assert!(method.contains("Gewichten: Huishoudens met een laag inkomen 15"));
    assert!(method.contains("Omschrijving afgeleid van de kolomnaam"));

    let en = ok(&["export", "--format", "md", "--out", "-", "--lang", "en"]);
    for expected in [
        "## Method",
        "Weights: Households with a low income 15",
        "Sensitivity:",
        "## Shortlist",
        "chosen by",
    ] {
        assert!(en.contains(expected), "missing {expected:?}:\n{en}");
    }
}

#[test]
fn the_commands_speak_dutch_by_default_and_english_with_the_flag() {
    let rank = ok(&["rank", "--draws", "50"]);
    let head = &rank[..rank.find("Waarom elk").unwrap()];
    assert_none(head, &IDS, "rank");
    assert_none(
        &rank,
        &[
            "Sensitivity",
            "Candidates",
            "NOTE:",
            "more ranked",
            "Weights:",
        ],
        "rank",
    );
    let teams = ok(&["teams", "--explain"]);
    assert_none(&teams, &IDS, "teams");
    assert_none(&teams, &["data gap", "not needed", "rule `"], "teams");
    let dir = tempfile::tempdir().unwrap();
    let pool = dir.path().join("pool.toml");
    std::fs::write(&pool, "[pool]\nfood_bank = 1\n").unwrap();
    let teams = ok(&["teams", "--pool", pool.to_str().unwrap()]);
    assert!(
        teams.contains("Capaciteit\n  Voedselbank: 1 beschikbaar, 1 ingezet, ")
            && teams.contains("Niet beschikbaar: Voedselbank: geen capaciteit meer"),
        "{teams}"
    );
    assert_none(&teams, &["food_bank:", "available", "no capacity"], "teams");
    let check = ok(&["check"]);
    assert_none(
        &check,
        &[
            "Inputs",
            "Warnings",
            "with geometry",
            "missing:",
            "Schools:",
        ],
        "check",
    );
    let compare = ok(&["compare", "BU99990210", "BU99990009"]);
    assert_none(&compare, &IDS, "compare");
    let peers = ok(&["peers", "BU99990210", "BU99990009"]);
    assert_none(&peers, &IDS, "peers");
    assert!(peers.contains("Mahalanobis-afstand op Huishoudens met een laag inkomen"));
    let indicators = ok(&["indicators"]);
    assert!(indicators.contains("richting") && indicators.contains("risico"));

    let rank = ok(&["rank", "--draws", "50", "--lang", "en"]);
    assert!(
        rank.contains("Weights: Households with a low income"),
        "{rank}"
    );
    assert!(rank.contains("Sensitivity (share of draws"), "{rank}");
    let check = ok(&["check", "--lang", "en"]);
    assert!(check.contains("Inputs") && check.contains("Warnings"));
    let keys = ok(&["keys", "--lang", "en"]);
    assert!(keys.contains("description"), "{keys}");
}

#[test]
fn the_profiles_lang_key_sets_the_language_and_the_flag_wins() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("en.toml");
    let text = format!(
        "lang = \"en\"\n{}",
        buurtradar::domain::profile::SMARTSTART_TOML
    );
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    for cmd in [
        vec!["rank", "--draws", "20", "--profile", f],
        vec!["check", "--profile", f],
        vec!["compare", "BU99990210", "BU99990009", "--profile", f],
    ] {
        let out = ok(&cmd);
        assert!(
            out.contains("Weights:") || out.contains("Inputs") || out.contains("against"),
            "{cmd:?} is not English:\n{out}"
        );
    }
    let out = ok(&["rank", "--draws", "20", "--profile", f, "--lang", "nl"]);
    assert!(out.contains("Gewichten:"), "{out}");
}

#[test]
fn an_unknown_language_names_the_valid_ones_on_every_command() {
    for cmd in [
        vec!["--lang", "xx"],
        vec!["check", "--lang", "xx"],
        vec!["indicators", "--lang", "xx"],
        vec!["rank", "--lang", "xx"],
        vec!["teams", "--lang", "xx"],
        vec!["export", "--format", "md", "--lang", "xx"],
        vec!["keys", "--lang", "xx"],
        vec!["profile", "init", "--lang", "xx"],
        vec!["compare", "A", "B", "--lang", "xx"],
        vec!["peers", "--lang", "xx"],
        vec!["baseline", "--lang", "xx"],
        vec!["effect", "--lang", "xx"],
    ] {
        let (code, _, err) = run(&cmd);
        assert_eq!(code, 2, "{cmd:?}");
        assert!(
            err.contains("'xx'") && err.contains("nl") && err.contains("en"),
            "{cmd:?}: {err}"
        );
    }
}

#[test]
fn machine_formats_keep_ids_and_carry_the_labels() {
    let j: serde_json::Value =
        serde_json::from_str(&ok(&["export", "--format", "json", "--out", "-"])).unwrap();
    let info = j["indicator_info"].as_array().unwrap();
    let youth = info.iter().find(|i| i["id"] == "youth_care_pct").unwrap();
    assert_eq!(youth["label_nl"], "Jongeren met jeugdzorg in natura");
    assert_eq!(youth["label_en"], "Young people with youth care");
    let micro = info
        .iter()
        .find(|i| i["id"] == "pct_kinderbeschermingsmaatregel")
        .unwrap();
    assert_eq!(micro["label_nl"], "kinderbeschermingsmaatregel (%)");
    assert_eq!(micro["label_from_name"], true);

    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("out.csv");
    ok(&["export", "--format", "csv", "--out", csv.to_str().unwrap()]);
    let header = std::fs::read_to_string(&csv).unwrap();
    let header = header.lines().next().unwrap();
    assert!(header.contains("value_youth_care_pct"), "{header}");
    assert!(!header.contains("Jongeren"), "the csv header keeps ids");
    let side = std::fs::read_to_string(dir.path().join("out.csv.provenance.toml")).unwrap();
    let side: toml::Value = toml::from_str(&side).unwrap();
    let cols = side["columns"].as_array().unwrap();
    let youth = cols
        .iter()
        .find(|c| c["id"].as_str() == Some("youth_care_pct"))
        .unwrap();
    assert_eq!(
        youth["label_nl"].as_str(),
        Some("Jongeren met jeugdzorg in natura")
    );
    assert_eq!(youth["unit"].as_str(), Some("%"));
    assert!(youth["csv_columns"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c.as_str() == Some("contribution_youth_care_pct")));

    let g: serde_json::Value = serde_json::from_str(&ok(&[
        "export",
        "--format",
        "geojson",
        "--out",
        "-",
        "--include",
        "BU99990101",
        "--exclude",
        "BU99990210",
    ]))
    .unwrap();
    assert_eq!(
        g["indicators"]["youth_care_pct"]["label_en"],
        "Young people with youth care"
    );
    let feature = |code: &str| {
        g["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == code)
            .unwrap()["properties"]
            .clone()
    };
    let added = feature("BU99990101");
    assert_eq!(added["chosen_by"], "hand");
    assert!(added["failed_rules"]
        .as_str()
        .unwrap()
        .contains("primary schools"));
    assert_eq!(added["rank_range"], serde_json::json!([1, 2]));
    assert_eq!(added["tied"], true);
    assert_eq!(added["small_population"], false);
    assert_eq!(feature("BU99990210")["removed_by_hand"], true);
    assert_eq!(feature("BU99990009")["chosen_by"], "rules");
}

#[test]
fn the_map_and_the_report_speak_the_language() {
    let svg = ok(&["export", "--format", "svg", "--out", "-"]);
    assert_none(
        &svg,
        &[
            "Need score",
            "not ranked",
            "shortlisted (labelled)",
            "draws, seed",
        ],
        "the Dutch svg",
    );
    assert!(svg.contains("Behoeftescore"), "{svg}");
    let html = ok(&["export", "--format", "html", "--out", "-"]);
    assert_none(
        &html,
        &[
            "<h2>Map</h2>",
            "<h2>Method</h2>",
            "<h2>Ranking</h2>",
            "Data gap",
            "<th>inhabitants</th>",
            "Need score",
        ],
        "the Dutch html",
    );
    assert!(html.contains("<h2>Kaart</h2>") && html.contains("gekozen door"));
    let html = ok(&["export", "--format", "html", "--out", "-", "--lang", "en"]);
    assert!(html.contains("<h2>Map</h2>") && html.contains("Need score"));
}

fn fixture(name: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn load_warnings_are_dutch_by_default_and_english_with_the_flag() {
    let geo = fixture("wrong_geometry.geojson");
    let csv = fixture("nan_infinity.csv");
    let args = ["check", "--boundaries", &geo, "--indicators", &csv];
    let nl = ok(&args);
    assert!(
        nl.lines().any(|l| l.contains("wrong_geometry.geojson: object 2 (BU00010003): geometrietype Point is geen Polygon of MultiPolygon: bewaard zonder vorm")),
        "{nl}"
    );
    assert!(
        nl.lines().any(|l| l.contains("nan_infinity.csv: regel 3:")
            && l.contains("\"NaN\" is geen getal: als ontbrekend gelezen")),
        "{nl}"
    );
    assert_none(
        &nl,
        &["feature 2", "kept without a shape", "line 3:"],
        "the Dutch check",
    );
    let en = ok(&[&args[..], &["--lang", "en"]].concat());
    assert!(
        en.lines().any(|l| l.contains("wrong_geometry.geojson: feature 2 (BU00010003): geometry type Point is not a Polygon or MultiPolygon: kept without a shape")),
        "{en}"
    );
    assert_none(
        &en,
        &["object 2", "bewaard zonder vorm", "regel 3"],
        "the English check",
    );
    // The machine format keeps the English fields and adds the Dutch.
    let json = ok(&[&args[..], &["--format", "json"]].concat());
    let j: serde_json::Value = serde_json::from_str(&json).unwrap();
    let w = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["location"] == "feature 2 (BU00010003)")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(w["location_nl"], "object 2 (BU00010003)");
    assert!(w["message"]
        .as_str()
        .unwrap()
        .ends_with("kept without a shape"));
    assert!(w["message_nl"]
        .as_str()
        .unwrap()
        .ends_with("bewaard zonder vorm"));
}

#[test]
fn load_errors_are_dutch_by_default_and_english_with_the_flag_or_the_profile() {
    let geo = fixture("no_code.geojson");
    let (code, _, err) = run(&["check", "--boundaries", &geo]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("fout: ")
            && err.contains("no_code.geojson: object 0: geen buurtcode gevonden (gezocht naar ")
            && err.contains("aanwezige eigenschappen: naam, oppervlakte)"),
        "{err}"
    );
    let (code, _, err) = run(&["check", "--boundaries", &geo, "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: ")
            && err.contains("no_code.geojson: feature 0: no buurt code property (looked for ")
            && err.contains("properties are: naam, oppervlakte)"),
        "{err}"
    );
    // The profile's `lang` holds for an error the load stops on, before
    // the command has used the profile for anything else.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("en.toml");
    let text = format!(
        "lang = \"en\"\n{}",
        buurtradar::domain::profile::SMARTSTART_TOML
    );
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    let missing = dir.path().join("nergens.geojson");
    let m = missing.to_str().unwrap();
    for cmd in [
        vec!["check", "--profile", f, "--boundaries", m],
        vec!["rank", "--profile", f, "--boundaries", m],
    ] {
        let (code, _, err) = run(&cmd);
        assert_eq!(code, 2, "{cmd:?}");
        assert!(
            err.starts_with("error: ") && err.contains("nergens.geojson: cannot read file: "),
            "{cmd:?}: {err}"
        );
    }
    let (code, _, err) = run(&["check", "--profile", f, "--boundaries", m, "--lang", "nl"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("fout: ")
            && err.contains("nergens.geojson: kan bestand niet lezen: bestand of map bestaat niet"),
        "{err}"
    );
}

#[test]
fn the_load_report_names_crs_formats_and_school_method_in_the_language() {
    let geo = fixture("rd_without_crs.geojson");
    let dir = tempfile::tempdir().unwrap();
    // No kind column: every school counted, and the report says so.
    let schools = dir.path().join("scholen.csv");
    std::fs::write(&schools, "naam;x;y\nDe Kreek;132100;392100\n").unwrap();
    let s = schools.to_str().unwrap();
    let args = ["check", "--boundaries", &geo, "--schools", s];
    let nl = ok(&args);
    for want in [
        "Coördinatenstelsel: Rijksdriehoek (EPSG:28992, meter) (bepaald uit het coördinatenbereik); opgeslagen als Rijksdriehoek",
        "[CSV met coördinaten, Rijksdriehoek (EPSG:28992, meter) (bepaald uit het coördinatenbereik), 1 records]",
        "Scholen: punten in vlakken",
        "(soorten: alle (geen soortkolom))",
    ] {
        assert!(nl.contains(want), "{want:?} not in:\n{nl}");
    }
    assert_none(
        &nl,
        &[
            "detected",
            "stored as",
            "metres",
            "with coordinates",
            "points in polygons",
            "no kind column",
        ],
        "the Dutch check",
    );
    let en = ok(&[&args[..], &["--lang", "en"]].concat());
    for want in [
        "CRS: Rijksdriehoek (EPSG:28992, metres) (detected from coordinate range); stored as Rijksdriehoek",
        "[CSV with coordinates, Rijksdriehoek (EPSG:28992, metres) (detected from coordinate range), 1 records]",
        "Schools: points in polygons",
        "all (no kind column)",
    ] {
        assert!(en.contains(want), "{want:?} not in:\n{en}");
    }
    assert_none(
        &en,
        &[
            "bepaald uit",
            "opgeslagen",
            "coördinaten,",
            "punten in vlakken",
            "soortkolom",
        ],
        "the English check",
    );
    // json keeps the English values and adds the Dutch beside them.
    let json = ok(&[&args[..], &["--format", "json"]].concat());
    let j: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        j["crs"]
            .as_str()
            .unwrap()
            .starts_with("Rijksdriehoek (EPSG:28992, metres) (detected"),
        "{json}"
    );
    assert!(
        j["crs_nl"]
            .as_str()
            .unwrap()
            .ends_with("; opgeslagen als Rijksdriehoek"),
        "{json}"
    );
    let school_input = &j["inputs"][1];
    assert!(
        school_input["format"]
            .as_str()
            .unwrap()
            .starts_with("CSV with coordinates, "),
        "{json}"
    );
    assert!(
        school_input["format_nl"]
            .as_str()
            .unwrap()
            .starts_with("CSV met coördinaten, "),
        "{json}"
    );
    assert_eq!(j["schools"]["method"], "points in polygons");
    assert_eq!(j["schools"]["method_nl"], "punten in vlakken");
    assert_eq!(j["schools"]["kinds_counted"][0], "all (no kind column)");
    assert_eq!(
        j["schools"]["kinds_counted_nl"][0],
        "alle (geen soortkolom)"
    );
}

/// The error line of a command: exit 2 and stderr.
fn failed(args: &[&str]) -> String {
    let (code, _, err) = run(args);
    assert_eq!(code, 2, "{args:?}: {err}");
    err
}

#[test]
fn command_line_errors_are_dutch_by_default_and_english_with_the_flag_or_the_profile() {
    let sobol = ["rank", "--sobol", "5", "--format", "csv"];
    assert_eq!(
        failed(&sobol).trim_end(),
        "fout: --sobol 5 staat in --format table of json, niet in csv of md"
    );
    assert_eq!(
        failed(&[&sobol[..], &["--lang", "en"]].concat()).trim_end(),
        "error: --sobol 5 shows in --format table or json, not csv or md"
    );
    let err = failed(&["export", "--out", "x.onbekend"]);
    assert!(
        err.starts_with(
            "fout: --out x.onbekend: het formaat volgt niet uit de extensie; geef --format "
        ),
        "{err}"
    );
    let err = failed(&["effect"]);
    assert_eq!(
        err.trim_end(),
        "fout: geef --pilots CODE,... (of --baseline-snapshot BESTAND)"
    );
    let err = failed(&["teams", "--buurt", "BU123"]);
    assert!(
        err.starts_with("fout: --buurt BU123: zulke buurten zijn er niet (regel 'buurt')"),
        "{err}"
    );
    let err = failed(&["teams", "--buurt", "BU123", "--lang", "en"]);
    assert!(
        err.starts_with("error: --buurt BU123: no such buurten unit (rule 'buurt')"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("weg.toml");
    let m = missing.to_str().unwrap();
    let err = failed(&["check", "--profile", m]);
    assert!(
        err.starts_with("fout: ")
            && err.contains("weg.toml: kan profiel niet lezen: bestand of map bestaat niet ("),
        "{err}"
    );
    let err = failed(&["check", "--profile", m, "--lang", "en"]);
    assert!(
        err.starts_with("error: ") && err.contains("weg.toml: cannot read profile: "),
        "{err}"
    );
    // A profile that says English makes the command's own errors English.
    let en = dir.path().join("en.toml");
    let text = format!(
        "lang = \"en\"\n{}",
        buurtradar::domain::profile::SMARTSTART_TOML
    );
    std::fs::write(&en, text).unwrap();
    let err = failed(&[
        "rank",
        "--profile",
        en.to_str().unwrap(),
        "--sobol",
        "5",
        "--format",
        "csv",
    ]);
    assert_eq!(
        err.trim_end(),
        "error: --sobol 5 shows in --format table or json, not csv or md"
    );
    // The app without a terminal says so in its start language.
    let err = failed(&[]);
    assert!(
        err.starts_with("fout: de app heeft een interactieve terminal nodig"),
        "{err}"
    );
    assert!(failed(&["--lang", "en"]).starts_with("error: the app needs an interactive terminal"));
}

#[test]
fn profile_and_score_errors_are_dutch_by_default_and_english_with_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    std::fs::write(
        &file,
        "name = \"x\"\n[[indicator]]\nid = \"youth_care_pct\"\nweight = -1\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (code, _, err) = run(&["rank", "--draws", "10", "--profile", f]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("fout: ")
            && err.contains("p.toml: ")
            && err.contains(
                "indicator `youth_care_pct`: weight = -1 is negatief; een gewicht moet >= 0 zijn"
            ),
        "{err}"
    );
    assert_none(
        &err,
        &["is negative", "weights must"],
        "the Dutch profile error",
    );
    let (code, _, err) = run(&["rank", "--draws", "10", "--profile", f, "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: ")
            && err.contains(
                "indicator `youth_care_pct`: weight = -1 is negative; weights must be >= 0"
            ),
        "{err}"
    );
    assert_none(&err, &["negatief", "gewicht"], "the English profile error");

    // An id that is neither known nor in the data: a score error.
    std::fs::write(
        &file,
        "name = \"x\"\n[[indicator]]\nid = \"youth_car_pct\"\nweight = 1\n",
    )
    .unwrap();
    let (code, _, err) = run(&["rank", "--draws", "10", "--profile", f]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "fout: profielindicator `youth_car_pct` is geen bekende CBS-indicator en geen kolom van de gegevens (bedoelt u `youth_care_pct`?)"
    );
    let (code, _, err) = run(&["rank", "--draws", "10", "--profile", f, "--lang", "en"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "error: profile indicator `youth_car_pct` is neither a known CBS indicator nor a column of the data (did you mean `youth_care_pct`?)"
    );
}
