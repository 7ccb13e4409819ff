//! Property-based fuzzing of every reader: random bytes and mutations of
//! the real files (../shared/real) and the committed sample must give Ok or
//! an error, never a panic.
//!
//! The suite runs a fast smoke (64 cases per property). The long run:
//!   BUURTRADAR_FUZZ_CASES=20000 cargo test --release --test fuzz_smoke
//! A failing case is printed by proptest as a minimal byte string.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod fetch_support;

use buurtradar::domain::profile::{Profile, SMARTSTART_TOML};
use buurtradar::domain::teams::{Pool, RoleCatalogue};
use buurtradar::fetch::duo::keep_gemeente;
use buurtradar::fetch::gemeente::Gemeente;
use buurtradar::fetch::{odata, pdok};
use buurtradar::io::boundaries::read_boundaries;
use buurtradar::io::gpkg::read_gpkg;
use buurtradar::io::indicators::read_indicators;
use buurtradar::io::load::{SAMPLE_BOUNDARIES, SAMPLE_INDICATORS, SAMPLE_SCHOOLS};
use buurtradar::io::schools::{read_schools, SchoolOptions};
use buurtradar::io::{load, Inputs, Source};
use proptest::prelude::*;
use std::path::PathBuf;

fn cases() -> u32 {
    std::env::var("BUURTRADAR_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

/// Every reader on the same bytes; results are ignored, panics are not.
fn all_readers(name: &str, bytes: Vec<u8>) {
    let src = Source::from_bytes(name, bytes);
    let _ = read_indicators(&src);
    let _ = read_boundaries(&src, None);
    let _ = read_gpkg(&src, None, None);
    let _ = read_schools(&src, &SchoolOptions::default());
    let text = String::from_utf8_lossy(&src.bytes).into_owned();
    let _ = Profile::parse(&text);
    let _ = RoleCatalogue::parse(&text);
    let _ = Pool::parse(&text);
}

/// Every parser of `fetch` on one answer: Ok or an error, never a panic.
fn fetch_parsers(bytes: &[u8]) {
    let url = "http://127.0.0.1/answer";
    if let Ok((rows, _)) = odata::parse_page(url, bytes) {
        if let Ok(props) = odata::properties(url, &rows) {
            for p in &props {
                let _ = odata::csv_title(p, &props);
            }
        }
    }
    let _ = pdok::parse_page(url, bytes);
    let g = Gemeente {
        code: "GM0785".into(),
        name: "Goirle".into(),
    };
    let _ = keep_gemeente(bytes, &g, url);
}

/// The documented answers the fetch tests serve.
fn fetch_seeds() -> Vec<Vec<u8>> {
    use fetch_support::fixtures::*;
    let mut v: Vec<Vec<u8>> = [
        TABLE_INFOS,
        DATA_PROPERTIES,
        GEMEENTEN,
        REGIONS,
        TYPED_PAGE_1,
        TYPED_PAGE_2,
        PDOK_PAGE_1,
        PDOK_PAGE_2,
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    v.push(fetch_support::duo_national());
    v
}

/// Seed files: the real downloads when present, and the embedded sample.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = vec![
        (SAMPLE_BOUNDARIES.0.into(), SAMPLE_BOUNDARIES.1.to_vec()),
        (SAMPLE_SCHOOLS.0.into(), SAMPLE_SCHOOLS.1.to_vec()),
    ];
    v.extend(
        SAMPLE_INDICATORS
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec())),
    );
    // The sample's binary formats: the GeoPackage (SQLite) and the kwb xlsx.
    for file in [
        "sample-data/wijkenbuurten_denkerveen_2024.gpkg",
        "sample-data/kwb_denkerveen_2024.xlsx",
    ] {
        let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file);
        v.push((p.display().to_string(), std::fs::read(&p).unwrap()));
    }
    let real = common::real_dir();
    if common::require(
        &format!("real-file seeds in {}", real.display()),
        common::REAL_DATA_HOWTO,
        real.is_dir(),
    ) {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&real)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "csv" || e == "geojson"))
            .collect();
        files.sort();
        for p in files {
            v.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    v
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
    Insert { at: usize, text: &'static str },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let anywhere = any::<usize>();
    prop_oneof![
        (anywhere, any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (anywhere, 1usize..200).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (anywhere, 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        anywhere.prop_map(|at| Mutation::Truncate { at }),
        (
            anywhere,
            prop::sample::select(vec![
                "NaN", "-99997", "\"", ";", ",", "\r\n", "null", "[]", "{}", "1e999", "-", ".",
                "\u{feff}", "[[", "]]}",
            ])
        )
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
    ]
}

fn apply(mut b: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        if b.is_empty() {
            break;
        }
        let n = b.len();
        match *m {
            Mutation::Flip { at, byte } => b[at % n] = byte,
            Mutation::Delete { at, len } => {
                let s = at % n;
                b.drain(s..(s + len).min(n));
            }
            Mutation::Duplicate { at, len } => {
                let s = at % n;
                let chunk = b[s..(s + len).min(n)].to_vec();
                b.splice(s..s, chunk);
            }
            Mutation::Truncate { at } => b.truncate(at % n),
            Mutation::Insert { at, text } => {
                let s = at % n;
                b.splice(s..s, text.bytes());
            }
        }
    }
    b
}

/// A `[disclosure]` line: a known key or a stray one, with a value of the
/// right or a wrong kind.
fn disclosure_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "microdata",
        "counts",
        "shares",
        "rates",
        "min_cell",
        "count",
        "min-cell",
        "",
    ]);
    let name = "[ *?a-z_./\\\\\"\u{e9}-]{0,12}";
    let value = prop_oneof![
        prop::collection::vec(name, 0..4).prop_map(|v| format!("{v:?}")),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("0".to_string()),
        Just("10".to_string()),
        Just("1e3".to_string()),
        name.prop_map(|s| format!("{s:?}")),
        Just("{ a = 1 }".to_string()),
        Just("[1, \"a\"]".to_string()),
        "[ -~]{0,10}",
    ];
    (key, value).prop_map(|(k, v)| format!("{k} = {v}"))
}

/// A profile with a `[disclosure]` section parses or says what is wrong:
/// the line of a TOML error, or the section and key of a rejected value.
/// One that parses loads the sample under it.
fn disclosure_profile(lines: &[String]) {
    let text = format!("{SMARTSTART_TOML}\n[disclosure]\n{}\n", lines.join("\n"));
    match Profile::parse(&text) {
        Ok(p) => {
            let inputs = Inputs {
                disclosure: p.disclosure.clone(),
                ..Inputs::sample()
            };
            let ds = load(&inputs).unwrap();
            assert!(ds
                .indicators
                .iter()
                .all(|i| i.values.len() == ds.areas.len()));
        }
        Err(e) => {
            let msg = buurtradar::present::error_text(&e);
            assert!(
                msg.contains("line") || msg.contains("[disclosure]"),
                "unclear error for {lines:?}: {msg}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        all_readers("random.bin", bytes);
    }

    #[test]
    fn csv_shaped_noise_never_panics(rows in prop::collection::vec(
        prop::collection::vec("[ .,;\"xX0-9A-Za-z\u{e9}-]{0,12}", 1..8), 0..30)
    ) {
        let text: String = rows.iter().map(|r| r.join(";") + "\n").collect();
        all_readers("noise.csv", format!("gwb_code;a_inw;p_hh_li\n{text}").into_bytes());
    }

    #[test]
    fn mutated_real_and_sample_files_never_panic(
        pick in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 1..6)
    ) {
        let seeds = seeds();
        let (name, bytes) = &seeds[pick.index(seeds.len())];
        all_readers(name, apply(bytes.clone(), &muts));
    }

    #[test]
    fn random_and_mutated_fetch_answers_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
        pick in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 1..6)
    ) {
        fetch_parsers(&bytes);
        let seeds = fetch_seeds();
        fetch_parsers(&apply(seeds[pick.index(seeds.len())].clone(), &muts));
    }

    #[test]
    fn mutated_sample_through_the_whole_load_never_panics(
        which in 0usize..5,
        muts in prop::collection::vec(mutation(), 1..4)
    ) {
        let mut inputs = Inputs::sample();
        let mutate = |s: &Source| Source::from_bytes(&s.name, apply(s.bytes.to_vec(), &muts));
        match which {
            0 => inputs.boundaries = inputs.boundaries.as_ref().map(mutate),
            1 => inputs.schools = inputs.schools.as_ref().map(mutate),
            k => inputs.indicators[k - 2] = mutate(&inputs.indicators[k - 2]),
        }
        if let Ok(ds) = load(&inputs) {
            let p = Profile::smartstart().unwrap();
            let _ = buurtradar::domain::analysis::Analysis::run(
                &ds,
                &p,
                buurtradar::domain::analysis::RunOptions { skip_stability: true, skip_candidates: true },
            );
        }
    }

    #[test]
    fn garbled_disclosure_sections_are_clear_errors_never_panics(
        lines in prop::collection::vec(disclosure_line(), 0..5)
    ) {
        disclosure_profile(&lines);
    }

    #[test]
    fn mutated_disclosure_sections_never_panic(muts in prop::collection::vec(mutation(), 1..4)) {
        let section = "[disclosure]\nmicrodata = [\"zorg_*.csv\", \"data/x?.csv\"]\ncounts = [\"dossiers\"]\nshares = [\"bereik\"]\nrates = [\"contacten_gem\"]\nmin_cell = 15\n";
        let text = apply(section.as_bytes().to_vec(), &muts);
        let text = String::from_utf8_lossy(&text);
        let _ = Profile::parse(&format!("{SMARTSTART_TOML}\n{text}"));
    }
}
