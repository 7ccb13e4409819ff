//! `buurtradar fetch` against a local HTTP server on 127.0.0.1 whose
//! answers follow the public documentation (tests/fetch_support): the
//! files and their provenance, paging, `--data DIR`, and failures that end
//! fast, name the URL and leave nothing behind. Never the real services.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fetch_support;

use assert_cmd::Command;
use fetch_support::server::{self, Reply};
use fetch_support::{fixtures, routes, TABLE};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DUO_PATH: &str = "/duo/03.-alle-vestigingen-basisonderwijs.csv";

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
    took: Duration,
}

fn fetch_args(base: &str, gemeente: &str, out: &Path) -> Vec<String> {
    [
        "fetch",
        "--gemeente",
        gemeente,
        "--year",
        "2022",
        "--out",
        &out.display().to_string(),
        "--cbs-url",
        &format!("{base}/odata"),
        "--pdok-url",
        &format!("{base}/pdok/ogc/v1"),
        "--duo-url",
        &format!("{base}{DUO_PATH}"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn run(args: &[String]) -> Run {
    let start = Instant::now();
    let out = Command::cargo_bin("buurtradar")
        .unwrap()
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: start.elapsed(),
    }
}

fn en(mut args: Vec<String>) -> Vec<String> {
    args.extend(["--lang".to_string(), "en".to_string()]);
    args
}

fn sha256(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A complete fetch into a fresh folder; the folder and the server.
fn fetched(gemeente: &str) -> (tempfile::TempDir, PathBuf, server::Server) {
    let srv = server::start(routes);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("goirle");
    let r = run(&en(fetch_args(&srv.base, gemeente, &out)));
    assert!(r.ok, "fetch failed: {}", r.stderr);
    (tmp, out, srv)
}

#[test]
fn fetch_writes_the_three_files_and_their_provenance_following_every_page() {
    // By name: the gemeente is looked up in the table's region list.
    let (_tmp, out, srv) = fetched("goirle");
    assert_eq!(
        listing(&out),
        [
            "buurten_2022_GM0785.geojson",
            "fetch.toml",
            "kwb_2022_GM0785.csv",
            "scholen_bo_GM0785.csv"
        ]
    );

    // Provenance: every file's SHA-256 recomputed, every page's URL listed.
    let m: toml::Value =
        toml::from_str(&std::fs::read_to_string(out.join("fetch.toml")).unwrap()).unwrap();
    assert_eq!(m["gemeente"].as_str(), Some("GM0785"));
    assert_eq!(m["gemeente_name"].as_str(), Some("Goirle"));
    for part in ["indicators", "boundaries", "schools"] {
        let e = &m[part];
        let file = out.join(e["file"].as_str().unwrap());
        assert_eq!(e["sha256"].as_str().unwrap(), sha256(&file), "{part}");
        let when = e["fetched_utc"].as_str().unwrap();
        assert!(when.ends_with('Z') && when.len() == 20, "{when}");
        assert!(!e["urls"].as_array().unwrap().is_empty(), "{part}");
    }
    let urls = |part: &str| -> Vec<String> {
        m[part]["urls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| server::decode(u.as_str().unwrap()))
            .collect()
    };
    let cbs = urls("indicators");
    assert!(cbs.iter().any(|u| u.ends_with("&$skip=3")), "{cbs:?}");
    assert!(cbs.iter().any(|u| u.ends_with("DataProperties")), "{cbs:?}");
    let pdok = urls("boundaries");
    assert_eq!(pdok.len(), 2, "{pdok:?}");
    assert!(pdok[1].ends_with("cursor=Dv4|NrBx"), "{pdok:?}");
    assert_eq!(urls("schools"), [format!("{}{DUO_PATH}", srv.base)]);
    let duo_download = fetch_support::duo_national();
    assert_eq!(
        m["schools"]["downloaded_sha256"].as_str().unwrap(),
        format!("{:x}", Sha256::digest(&duo_download))
    );
    // The server saw both second pages.
    let log = srv.log.lock().unwrap().clone();
    assert!(log.iter().any(|u| u.ends_with("&$skip=3")), "{log:?}");
    assert!(
        log.iter().any(|u| u.ends_with("cursor=Dv4|NrBx")),
        "{log:?}"
    );

    // Figures: the StatLine CSV download, titles from DataProperties,
    // names from the region list, rows of both pages, `.` for null.
    let csv = std::fs::read_to_string(out.join("kwb_2022_GM0785.csv")).unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("\u{feff}\"Wijken en buurten\";\"Regioaanduiding/Gemeentenaam (naam)\""),
        "{header}"
    );
    for title in [
        "\"Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)\"",
        "\"Inkomen/Inkomen van huishoudens/Huishoudens met een laag inkomen (%)\"",
        "\"Zorg/Wmo-cliënten relatief (per 1 000 inwoners)\"",
    ] {
        assert!(header.contains(title), "{title} in {header}");
    }
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 6, "{csv}");
    let riel = rows.iter().find(|r| r.contains("BU07850201")).unwrap();
    assert!(
        riel.starts_with("\"Riel-Dorp\";\"Goirle\";\"Buurt\";\"BU07850201\""),
        "{riel}"
    );
    assert!(
        riel.contains(";\".\";"),
        "null written as the StatLine symbol: {riel}"
    );
    assert!(csv.contains("\r\n"));

    // Boundaries: the features of both pages as one collection.
    let gj: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("buurten_2022_GM0785.geojson")).unwrap())
            .unwrap();
    let codes: Vec<&str> = gj["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["buurtcode"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["BU07850101", "BU07850102", "BU07850201"]);

    // Schools: the Goirle lines of the national list, byte for byte.
    let goirle = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/duo_goirle_cp1252.csv"),
    )
    .unwrap();
    assert_eq!(
        std::fs::read(out.join("scholen_bo_GM0785.csv")).unwrap(),
        goirle
    );
}

#[test]
fn rank_and_check_run_on_the_fetched_folder() {
    let (_tmp, out, _srv) = fetched("GM0785");
    let dir = out.display().to_string();
    let r = run(&[
        "rank".into(),
        "--data".into(),
        dir.clone(),
        "--format".into(),
        "csv".into(),
    ]);
    assert!(r.ok, "rank --data failed: {}", r.stderr);
    for code in ["BU07850101", "BU07850102", "BU07850201"] {
        assert!(r.stdout.contains(code), "{code} in {}", r.stdout);
    }
    // Without the postcode table the DUO list is left out, and check says so.
    let r = run(&[
        "check".into(),
        "--data".into(),
        dir.clone(),
        "--lang".into(),
        "en".into(),
    ]);
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stdout.contains("DUO list without coordinates not used"),
        "{}",
        r.stdout
    );
    // With it, the fetched list is placed by postcode and house number.
    let table = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postcode_table.csv");
    let r = run(&[
        "check".into(),
        "--data".into(),
        dir.clone(),
        "--postcode-table".into(),
        table.display().to_string(),
        "--format".into(),
        "json".into(),
    ]);
    assert!(r.ok, "{}", r.stderr);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let inputs = j["inputs"].to_string();
    assert!(inputs.contains("scholen_bo_GM0785.csv"), "{inputs}");
    assert!(inputs.contains("DUO + postcode table"), "{inputs}");

    // An --indicators file adds to the fetched figures, read first.
    let extra = out.parent().unwrap().join("extra.csv");
    std::fs::write(&extra, "gwb_code_10;p_hh_li\nBU07850101;50.0\n").unwrap();
    let r = run(&[
        "check".into(),
        "--data".into(),
        dir.clone(),
        "--indicators".into(),
        extra.display().to_string(),
        "--format".into(),
        "json".into(),
    ]);
    assert!(r.ok, "{}", r.stderr);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let files: Vec<String> = j["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["role"] == "indicators")
        .map(|i| i["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files[0].ends_with("extra.csv") && files[1].ends_with("kwb_2022_GM0785.csv"),
        "{files:?}"
    );

    // A fetched file changed afterwards is reported, not trusted silently.
    let csv = out.join("kwb_2022_GM0785.csv");
    let mut bytes = std::fs::read(&csv).unwrap();
    bytes.extend_from_slice(b"\r\n");
    std::fs::write(&csv, bytes).unwrap();
    let r = run(&[
        "check".into(),
        "--data".into(),
        dir,
        "--lang".into(),
        "en".into(),
    ]);
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stdout.contains("differs from what fetch wrote"),
        "{}",
        r.stdout
    );
}

#[test]
fn data_without_a_manifest_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(&[
        "rank".into(),
        "--data".into(),
        tmp.path().display().to_string(),
    ]);
    assert!(!r.ok);
    assert!(r.stderr.contains("fetch.toml"), "{}", r.stderr);
    assert!(r.stderr.contains("buurtradar fetch --out"), "{}", r.stderr);

    std::fs::write(tmp.path().join("fetch.toml"), "gemeente = \"GM0785\"\n").unwrap();
    let r = run(&[
        "check".into(),
        "--data".into(),
        tmp.path().display().to_string(),
    ]);
    assert!(!r.ok);
    assert!(
        r.stderr.contains("fetch.toml: geen geldig fetch.toml"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("missing field"), "{}", r.stderr);
}

/// Start the server with one route replaced, fetch into a folder that
/// holds one earlier file, and return the run and the folder's listing.
fn failing(
    change: impl FnOnce(&mut HashMap<String, Reply>),
    lang_en: bool,
) -> (Run, Vec<String>, String) {
    failing_for("GM0785", change, lang_en)
}

fn failing_for(
    gemeente: &str,
    change: impl FnOnce(&mut HashMap<String, Reply>),
    lang_en: bool,
) -> (Run, Vec<String>, String) {
    let mut change = Some(change);
    let srv = server::start(|base| {
        let mut r = routes(base);
        if let Some(c) = change.take() {
            c(&mut r);
        }
        r
    });
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("earlier.txt"), b"kept").unwrap();
    let args = fetch_args(&srv.base, gemeente, tmp.path());
    let r = run(&if lang_en { en(args) } else { args });
    let left = listing(tmp.path());
    (r, left, srv.base)
}

fn assert_fails_fast_and_clean(r: &Run, left: &[String]) {
    assert!(!r.ok, "should fail: {}", r.stdout);
    assert!(r.took < Duration::from_secs(5), "took {:?}", r.took);
    assert_eq!(left, ["earlier.txt"], "nothing new, nothing half-written");
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[test]
fn an_http_500_names_the_url_the_status_and_the_page_to_download_by_hand() {
    let (r, left, base) = failing(
        |routes| {
            routes.insert(
                format!("/odata/{TABLE}/DataProperties"),
                Reply {
                    status: 500,
                    content_type: "text/plain",
                    body: b"boom".to_vec(),
                },
            );
        },
        false,
    );
    assert_fails_fast_and_clean(&r, &left);
    let e = &r.stderr;
    assert!(
        e.contains(&format!("{base}/odata/{TABLE}/DataProperties")),
        "{e}"
    );
    assert!(e.contains("HTTP 500 Internal Server Error"), "{e}");
    assert!(
        e.contains(&format!(
            "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{TABLE}/table"
        )),
        "{e}"
    );
    // Dutch by default.
    assert!(e.contains("Download het bestand met de hand"), "{e}");
}

#[test]
fn a_closed_port_fails_within_seconds_naming_the_url() {
    // Bind, note the port, close it again: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let tmp = tempfile::tempdir().unwrap();
    let base = format!("http://127.0.0.1:{port}");
    std::fs::write(tmp.path().join("earlier.txt"), b"kept").unwrap();
    let r = run(&en(fetch_args(&base, "GM0785", tmp.path())));
    assert_fails_fast_and_clean(&r, &listing(tmp.path()));
    let e = &r.stderr;
    assert!(
        e.contains(&format!("{base}/odata/{TABLE}/TableInfos: no answer")),
        "{e}"
    );
    assert!(
        e.contains("Download the file by hand from https://opendata.cbs.nl/"),
        "{e}"
    );
}

#[test]
fn a_server_that_never_answers_times_out_as_asked() {
    // Accepts the connection, then says nothing.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming().flatten() {
            held.push(s);
        }
    });
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("earlier.txt"), b"kept").unwrap();
    let mut args = en(fetch_args(&base, "GM0785", tmp.path()));
    args.extend(["--timeout".to_string(), "1".to_string()]);
    let r = run(&args);
    assert_fails_fast_and_clean(&r, &listing(tmp.path()));
    assert!(r.took >= Duration::from_millis(900), "took {:?}", r.took);
    let e = &r.stderr;
    assert!(
        e.contains(&format!(
            "{base}/odata/{TABLE}/TableInfos: no answer (timeout"
        )),
        "{e}"
    );
}

#[test]
fn malformed_json_on_a_second_page_names_the_url_and_writes_nothing() {
    let (r, left, base) = failing(
        |routes| {
            let next = "/pdok/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0785&limit=1000&cursor=Dv4|NrBx";
            routes.insert(
                next.to_string(),
                Reply::json(r#"{"type":"FeatureCollection","features":[{"type":"Feat"#.into()),
            );
        },
        true,
    );
    assert_fails_fast_and_clean(&r, &left);
    let e = &r.stderr;
    assert!(e.contains(&format!("{base}/pdok/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0785&limit=1000&cursor=Dv4%7CNrBx")), "{e}");
    assert!(
        e.contains("the answer is not what the API documents: not valid JSON"),
        "{e}"
    );
}

#[test]
fn an_unknown_column_key_or_a_missing_value_member_is_named() {
    let (r, left, _) = failing(
        |routes| {
            let key = format!(
                "/odata/{TABLE}/TypedDataSet?$filter={}&$skip=3",
                fixtures::REGION_FILTER
            );
            let page =
                fixtures::TYPED_PAGE_2.replacen("\"ID\": 3,", "\"ID\": 3, \"Onbekend_999\": 1,", 1);
            assert_ne!(page, fixtures::TYPED_PAGE_2);
            routes.insert(key, Reply::json(page));
        },
        true,
    );
    assert_fails_fast_and_clean(&r, &left);
    assert!(
        r.stderr
            .contains("column Onbekend_999 is not in DataProperties"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("TypedDataSet?$filter="), "{}", r.stderr);

    let (r, left, base) = failing(
        |routes| {
            routes.insert(
                format!("/odata/{TABLE}/DataProperties"),
                Reply::json(r#"{"odata.metadata":"x","values":[]}"#.into()),
            );
        },
        true,
    );
    assert_fails_fast_and_clean(&r, &left);
    assert!(
        r.stderr.contains(&format!("{base}/odata/{TABLE}/DataProperties: the answer is not what the API documents: \"value\" is missing")),
        "{}",
        r.stderr
    );
}

#[test]
fn an_unknown_gemeente_name_suggests_close_ones() {
    let (r, left, _) = failing_for("Goirel", |_| {}, true);
    assert_fails_fast_and_clean(&r, &left);
    assert!(
        r.stderr.contains("gemeente Goirel is not in"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("Goirle (GM0785)"), "{}", r.stderr);
}

#[test]
fn exports_of_a_fetched_folder_say_where_each_file_came_from() {
    let (tmp, out, _srv) = fetched("GM0785");
    let m: toml::Value =
        toml::from_str(&std::fs::read_to_string(out.join("fetch.toml")).unwrap()).unwrap();
    let export = |format: &str, lang: &str| {
        let file = tmp.path().join(format!("memo-{lang}.{format}"));
        let r = run(&[
            "export".into(),
            "--data".into(),
            out.display().to_string(),
            "--format".into(),
            format.into(),
            "--out".into(),
            file.display().to_string(),
            "--lang".into(),
            lang.into(),
            "--reproducible".into(),
        ]);
        assert!(r.ok, "export {format}: {}", r.stderr);
        std::fs::read_to_string(file).unwrap()
    };
    // json: each fetched input carries its source, every address and when.
    let j: serde_json::Value = serde_json::from_str(&export("json", "en")).unwrap();
    let inputs = j["provenance"]["inputs"].as_array().unwrap();
    for part in ["indicators", "boundaries"] {
        let rec = inputs.iter().find(|i| i["role"] == part).unwrap();
        let origin = &rec["origin"];
        assert_eq!(
            origin["source"].as_str(),
            m[part]["source"].as_str(),
            "{part}"
        );
        assert_eq!(
            origin["fetched_utc"].as_str(),
            m[part]["fetched_utc"].as_str()
        );
        let urls: Vec<&str> = origin["urls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_str().unwrap())
            .collect();
        let want: Vec<&str> = m[part]["urls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_str().unwrap())
            .collect();
        assert_eq!(urls, want, "{part}");
    }
    // The memo names them in the reader's language, first address first.
    let nl = export("md", "nl");
    for part in ["indicators", "boundaries"] {
        let source = m[part]["source"].as_str().unwrap();
        let line = nl
            .lines()
            .find(|l| l.starts_with("- ") && l.contains(source))
            .unwrap_or_else(|| panic!("no fetched line for {part}:\n{nl}"));
        assert!(line.contains("opgehaald op"), "{line}");
        assert!(
            line.contains(m[part]["urls"][0].as_str().unwrap()),
            "{line}"
        );
        let more = match m[part]["urls"].as_array().unwrap().len() {
            1 => None,
            2 => Some("en nog 1 adres".to_string()),
            n => Some(format!("en nog {} adressen", n - 1)),
        };
        match more {
            Some(more) => assert!(line.ends_with(&more), "{line}"),
            None => assert!(!line.contains("en nog"), "{line}"),
        }
    }
    let en = export("html", "en");
    assert!(en.contains("fetched on"), "html");
    assert!(!en.contains("opgehaald op"), "html");
}
