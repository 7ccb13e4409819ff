//! Exports: a snapshot of every format on the embedded sample, re-parsed
//! maps, a self-contained HTML page, byte-identical reproducible output,
//! disclosure control on small built-in datasets, and atomic writes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use buurtradar::domain::analysis::{Analysis, RunOptions};
use buurtradar::domain::dataset::Dataset;
use buurtradar::domain::profile::Profile;
use buurtradar::domain::teams::{RoleCatalogue, TeamReport, TeamSettings};
use buurtradar::domain::value::{Missing, Value};
use buurtradar::export::{
    export_to_file, render, render_stream, ExportContext, ExportError, ExportOptions, Format,
    Staged,
};
use buurtradar::io::{load, Inputs, Source};
use std::sync::OnceLock;

struct Run {
    inputs: Inputs,
    ds: Dataset,
    a: Analysis,
    teams: TeamReport,
}

impl Run {
    fn new(inputs: Inputs, profile: &Profile, catalogue: &RoleCatalogue) -> Run {
        let ds = load(&inputs).unwrap();
        let a = Analysis::run(&ds, profile, RunOptions::default()).unwrap();
        let teams = a.teams(&ds, catalogue, &TeamSettings::default(), &[]);
        Run {
            inputs,
            ds,
            a,
            teams,
        }
    }

    fn ctx(&self, options: ExportOptions) -> ExportContext<'_> {
        ExportContext {
            ds: &self.ds,
            analysis: &self.a,
            teams: &self.teams,
            inputs: &self.inputs,
            options,
        }
    }

    fn render(&self, format: Format) -> String {
        String::from_utf8(render(&self.ctx(reproducible()), format).unwrap()).unwrap()
    }
}

fn reproducible() -> ExportOptions {
    ExportOptions {
        reproducible: true,
        ..ExportOptions::default()
    }
}

/// The sample as `buurtradar export` sees it without input flags, ranked once
/// for every test in this file.
fn sample() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        Run::new(
            Inputs {
                min_cell: Some(10),
                ..Inputs::sample()
            },
            &Profile::smartstart().unwrap(),
            &RoleCatalogue::default_catalogue().unwrap(),
        )
    })
}

fn bin(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::cargo_bin("buurtradar")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Path data is tested by re-parsing; in snapshots it would only be noise.
fn without_path_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(" d=\"") {
        out.push_str(&rest[..i + 4]);
        rest = &rest[i + 4..];
        let end = rest.find('"').unwrap();
        out.push_str("...");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

// --- snapshots ---------------------------------------------------------------

#[test]
fn snapshot_md() {
    insta::assert_snapshot!("sample_md", sample().render(Format::Md));
}

#[test]
fn snapshot_csv_head_and_sidecar() {
    let r = sample();
    let csv = r.render(Format::Csv);
    let head: Vec<&str> = csv.lines().take(6).collect();
    insta::assert_snapshot!("sample_csv_head", head.join("\n"));
    assert_eq!(csv.lines().count(), r.a.units.len() + 1);
    // On stdout the sidecar travels as comment lines in front of the table.
    let stream =
        String::from_utf8(render_stream(&r.ctx(reproducible()), Format::Csv).unwrap()).unwrap();
    assert!(stream.starts_with("# tool = \"buurtradar "), "{stream}");
    assert!(stream.ends_with(&csv));
}

#[test]
fn snapshot_json_summary() {
    let r = sample();
    let j: serde_json::Value = serde_json::from_str(&r.render(Format::Json)).unwrap();
    let keys: Vec<&String> = j.as_object().unwrap().keys().collect();
    let first = &j["units"][0];
    let summary = format!(
        "keys: {keys:?}\nunits: {}\nshortlist: {}\nprovenance: {}\nfirst unit: {}\nteams: {}",
        j["units"].as_array().unwrap().len(),
        j["shortlist"],
        serde_json::to_string_pretty(&j["provenance"]).unwrap(),
        serde_json::to_string_pretty(first).unwrap(),
        j["teams"]["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| format!(
                "{} {:?}",
                p["code"].as_str().unwrap(),
                p["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["role_id"].as_str().unwrap())
                    .collect::<Vec<_>>()
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
    insta::assert_snapshot!("sample_json_summary", summary);
}

#[test]
fn snapshot_geojson_summary() {
    let g: serde_json::Value = serde_json::from_str(&sample().render(Format::Geojson)).unwrap();
    let f = &g["features"][0];
    let summary = format!(
        "features: {}\nfirst properties: {}\nfirst geometry: {} with {} polygon(s), first ring {} points starting {}",
        g["features"].as_array().unwrap().len(),
        serde_json::to_string_pretty(&f["properties"]).unwrap(),
        f["geometry"]["type"],
        f["geometry"]["coordinates"].as_array().unwrap().len(),
        f["geometry"]["coordinates"][0][0].as_array().unwrap().len(),
        f["geometry"]["coordinates"][0][0][0]
    );
    insta::assert_snapshot!("sample_geojson_summary", summary);
}

#[test]
fn snapshot_svg_without_path_data() {
    insta::assert_snapshot!(
        "sample_svg",
        without_path_data(&sample().render(Format::Svg))
    );
}

#[test]
fn snapshot_html_outline() {
    // Headings, notes and the first rows of each table: the page's shape
    // without 99 ranking rows and the map (snapshotted as svg).
    let html = sample().render(Format::Html);
    let mut rows = 0;
    let outline: Vec<&str> = html
        .lines()
        .filter(|l| !l.starts_with("<path") && !l.starts_with("<rect") && !l.starts_with("<text"))
        .filter(|l| {
            if l.starts_with("<tr") {
                rows += 1;
                rows <= 4
            } else {
                if l.starts_with("</table>") {
                    rows = 0;
                }
                true
            }
        })
        .collect();
    insta::assert_snapshot!("sample_html_outline", outline.join("\n"));
}

// --- re-parsed maps ----------------------------------------------------------

fn ring_area(ring: &[serde_json::Value]) -> f64 {
    let pts: Vec<(f64, f64)> = ring
        .iter()
        .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
        .collect();
    pts.windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum::<f64>()
        / 2.0
}

#[test]
fn geojson_has_one_feature_per_unit_in_wgs84() {
    let r = sample();
    let g: serde_json::Value = serde_json::from_str(&r.render(Format::Geojson)).unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    let features = g["features"].as_array().unwrap();
    assert_eq!(features.len(), r.a.units.len());
    let mut codes: Vec<&str> = features
        .iter()
        .map(|f| f["properties"]["code"].as_str().unwrap())
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), r.a.units.len());
    let mut shortlisted = 0;
    for f in features {
        let p = &f["properties"];
        if p["shortlisted"] == true {
            shortlisted += 1;
            assert!(p["team"].as_str().unwrap().contains("Ouders"), "{p}");
            assert!(p["rank"].as_u64().is_some() && p["score"].as_f64().is_some());
        }
        if f["geometry"].is_null() {
            assert_eq!(p["code"], "BU99990510", "only the buurt without a shape");
            continue;
        }
        assert_eq!(f["geometry"]["type"], "MultiPolygon");
        for poly in f["geometry"]["coordinates"].as_array().unwrap() {
            for (k, ring) in poly.as_array().unwrap().iter().enumerate() {
                let ring = ring.as_array().unwrap();
                assert!(ring.len() >= 4);
                assert_eq!(ring.first(), ring.last());
                for c in ring {
                    let (x, y) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
                    assert!(
                        (5.6..5.9).contains(&x) && (51.95..52.1).contains(&y),
                        "{x} {y}"
                    );
                    assert_eq!((x * 1e6).round() / 1e6, x);
                }
                // RFC 7946: outer rings counter-clockwise, holes clockwise.
                assert_eq!(ring_area(ring) > 0.0, k == 0, "{}", p["code"]);
            }
        }
    }
    assert_eq!(shortlisted, 3);
    assert!(
        g["provenance"]["inputs"][0]["sha256"]
            .as_str()
            .unwrap()
            .len()
            == 64
    );
}

#[test]
fn svg_has_one_path_per_unit_and_labels_the_shortlist() {
    let r = sample();
    let svg = r.render(Format::Svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let units: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("path")
                && n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == "unit"))
        })
        .collect();
    let with_shape =
        r.a.members
            .iter()
            .filter(|m| m.iter().any(|&i| r.ds.areas[i].geometry.is_some()))
            .count();
    assert_eq!(units.len(), with_shape);
    let mut codes: Vec<&str> = units
        .iter()
        .map(|n| n.attribute("data-code").unwrap())
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), with_shape);
    let outlined: Vec<&str> = units
        .iter()
        .filter(|n| n.attribute("class").unwrap().contains("shortlisted"))
        .map(|n| n.attribute("data-code").unwrap())
        .collect();
    assert_eq!(outlined.len(), 3);
    for n in &units {
        let d = n.attribute("d").unwrap();
        assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
    }
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("text") && n.parent().and_then(|p| p.attribute("id")) == Some("labels")
        })
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(labels.len(), 3, "{labels:?}");
    assert!(labels[0].starts_with("1. "));
    let meta = doc
        .descendants()
        .find(|n| n.has_tag_name("metadata"))
        .unwrap();
    let prov = meta.text().unwrap();
    assert!(
        prov.contains("sha256 = ") && prov.contains("[[indicator]]"),
        "{prov}"
    );
}

#[test]
fn html_is_self_contained_and_well_formed() {
    let html = sample().render(Format::Html);
    for needle in [
        "http", "src=", "href=", "url(", "<script", "<link", "@import", "<img",
    ] {
        assert!(!html.contains(needle), "found {needle:?}");
    }
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .unwrap();
    let has = |tag: &str| doc.descendants().any(|n| n.has_tag_name(tag));
    assert!(has("svg") && has("table") && has("details"));
    assert!(html.contains("<h2>Teams</h2>") && html.contains("omdat "));
    assert!(html.contains("sha256 = "));
}

// --- provenance and reproducibility -------------------------------------------

#[test]
fn reproducible_output_is_byte_identical_and_the_timestamp_is_utc() {
    let r = sample();
    for f in Format::ALL {
        let a = render(&r.ctx(reproducible()), f).unwrap();
        let b = render(&r.ctx(reproducible()), f).unwrap();
        assert!(a == b, "{f} differs between two runs");
    }
    let md =
        String::from_utf8(render(&r.ctx(ExportOptions::default()), Format::Md).unwrap()).unwrap();
    let line = md.lines().find(|l| l.starts_with("created = ")).unwrap();
    let ts = line.trim_start_matches("created = ").trim_matches('"');
    assert_eq!(ts.len(), 20, "{ts}");
    assert!(
        ts.starts_with("20") && ts.ends_with('Z') && &ts[10..11] == "T",
        "{ts}"
    );
    assert!(!r.render(Format::Md).contains("created = "));
}

#[test]
fn the_binary_writes_byte_identical_files_and_the_library_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let path = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    for name in ["a.html", "b.html", "a.csv"] {
        let (code, _, err) = bin(&["export", "--out", &path(name), "--reproducible"]);
        assert_eq!(code, 0, "{err}");
    }
    let a = std::fs::read(path("a.html")).unwrap();
    assert!(a == std::fs::read(path("b.html")).unwrap());
    // The CLI and the library (which the TUI calls) write the same bytes.
    assert!(a == render(&sample().ctx(reproducible()), Format::Html).unwrap());
    let csv = std::fs::read(path("a.csv")).unwrap();
    assert!(csv == render(&sample().ctx(reproducible()), Format::Csv).unwrap());
    let side = std::fs::read_to_string(path("a.csv.provenance.toml")).unwrap();
    let t: toml::Table = side.parse().unwrap();
    assert_eq!(t["draws"].as_integer(), Some(1000));
    assert_eq!(t["seed"].as_integer(), Some(20_240_501));
    assert_eq!(t["inputs"].as_array().unwrap().len(), 5);
    assert!(Profile::parse(t["profile"].as_str().unwrap()).is_ok());
    // `rank --format csv` is the same table.
    let (code, out, _) = bin(&["rank", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out == csv);
    // Nothing but the two files: no temporary left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["a.csv", "a.csv.provenance.toml", "a.html", "b.html"]
    );
}

#[test]
fn rank_csv_and_json_are_stable() {
    for format in ["csv", "json"] {
        let args = ["rank", "--format", format, "--draws", "200"];
        let (c1, a, e1) = bin(&args);
        let (c2, b, _) = bin(&args);
        assert_eq!((c1, c2), (0, 0), "{e1}");
        assert!(
            !a.is_empty() && a == b,
            "rank --format {format} differs between runs"
        );
    }
}

#[test]
fn export_to_stdout_and_format_from_the_extension() {
    let (code, out, err) = bin(&["export", "--format", "md", "--out", "-", "--reproducible"]);
    assert_eq!(code, 0, "{err}");
    assert!(out == sample().render(Format::Md).into_bytes());
    let (code, _, err) = bin(&["export", "--out", "report.docx"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("report.docx") && err.contains("--format"),
        "{err}"
    );
}

#[test]
fn allow_small_cells_is_recorded_and_min_cell_0_alone_is_refused() {
    let (code, out, err) = bin(&[
        "export",
        "--format",
        "md",
        "--out",
        "-",
        "--reproducible",
        "--allow-small-cells",
    ]);
    assert_eq!(code, 0, "{err}");
    let md = String::from_utf8(out).unwrap();
    for expected in [
        "allow_small_cells = true",
        "load_min_cell = 0",
        "LET OP: geschreven met --allow-small-cells",
        // A hamlet of the sample with 4 children (sample-data/README.md).
        "n_kinderen_4_12 BU99990209: based on 4 units",
    ] {
        assert!(md.contains(expected), "missing {expected:?}");
    }
    let (code, out, err) = bin(&["export", "--format", "csv", "--out", "-", "--min-cell", "0"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("geweigerd") && err.contains("BU99990209"),
        "{err}"
    );
}

// --- disclosure control -------------------------------------------------------

/// Four buurten of 1 km² in one wijk, in Rijksdriehoek metres.
fn boundaries() -> Source {
    let features: Vec<String> = (1..=4)
        .map(|i| {
            let x0 = 150_000 + (i - 1) * 1000;
            let (x1, y0, y1) = (x0 + 1000, 450_000, 451_000);
            format!(
                r#"{{"type":"Feature","properties":{{"buurtcode":"BU0001000{i}","buurtnaam":"Buurt {i}","wijkcode":"WK000100","gemeentecode":"GM0001","gemeentenaam":"Testdorp","water":"NEE"}},"geometry":{{"type":"Polygon","coordinates":[[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]]}}}}"#
            )
        })
        .collect();
    Source::from_bytes(
        "test_buurten.geojson",
        format!(
            "{{\"type\":\"FeatureCollection\",\"features\":[{}]}}",
            features.join(",")
        )
        .into_bytes(),
    )
}

fn kwb() -> Source {
    Source::from_bytes(
        "test_kwb.csv",
        b"gwb_code,regio,a_inw,p_hh_li\nBU00010001,Buurt 1,1000,16.0\nBU00010002,Buurt 2,1200,14.0\nBU00010003,Buurt 3,900,12.0\nBU00010004,Buurt 4,1100,11.0\n"
            .to_vec(),
    )
}

/// n = 100, 30% (fine); n = 5 (too few); 95% of 100 (complement 5); 4% of
/// 100 (4 cases). `extra` adds rows, e.g. a gemeente total.
fn microdata(extra: &str) -> Source {
    Source::from_bytes(
        "test_microdata.csv",
        format!(
            "buurtcode,n_kinderen,pct_maatregel\nBU00010001,100,30.0\nBU00010002,5,40.0\nBU00010003,100,95.0\nBU00010004,100,4.0\n{extra}"
        )
        .into_bytes(),
    )
}

fn test_profile(rule: &str) -> Profile {
    Profile::parse(&format!(
        r#"
name = "test"
top_k = 1
[eligibility]
min_primary_schools = 0
min_inhabitants = 0
[missing]
min_coverage = 0.1
[monte_carlo]
draws = 20
[pilot]
rule = "{rule}"
[[indicator]]
id = "low_income_hh_pct"
weight = 1
direction = "risk"
[[indicator]]
id = "pct_maatregel"
weight = 1
direction = "risk"
"#
    ))
    .unwrap()
}

/// Every shortlisted unit gets a role that quotes the microdata figure, and
/// with it the gemeente's figure.
fn test_catalogue() -> RoleCatalogue {
    RoleCatalogue::parse(
        r#"
[[role]]
id = "school"
core = true
kind = "school"
name_nl = "Intern begeleider"
name_en = "Care coordinator"
description_nl = "-"
description_en = "-"

[[role]]
id = "parents"
core = true
kind = "parents"
name_nl = "Ouders"
name_en = "Parents"
description_nl = "-"
description_en = "-"

[[role]]
id = "youth_care_access"
kind = "youth_care"
name_nl = "Toegang"
name_en = "Access"
description_nl = "-"
description_en = "-"

[[rule]]
id = "protection"
role = "youth_care_access"
when = { indicator = "pct_maatregel", value_above = 0.0 }
"#,
    )
    .unwrap()
}

fn small_run(min_cell: u32, extra: &str, rule: &str) -> Run {
    Run::new(
        Inputs {
            boundaries: Some(boundaries()),
            indicators: vec![kwb(), microdata(extra)],
            min_cell: Some(min_cell),
            ..Inputs::default()
        },
        &test_profile(rule),
        &test_catalogue(),
    )
}

#[test]
fn small_cells_and_complements_show_as_suppressed_in_every_export() {
    let r = small_run(10, "", "buurt");
    let csv = r.render(Format::Csv);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (code, pct, n) = (
        col("code"),
        col("value_pct_maatregel"),
        col("value_n_kinderen"),
    );
    let mut seen = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let expect = match &rec[code] {
            "BU00010001" => "30",
            _ => "suppressed",
        };
        assert_eq!(&rec[pct], expect, "{}", &rec[code]);
        if &rec[code] == "BU00010002" {
            assert_eq!(&rec[n], "suppressed");
        }
        seen += 1;
    }
    assert_eq!(seen, 4);

    let j: serde_json::Value = serde_json::from_str(&r.render(Format::Json)).unwrap();
    for u in j["units"].as_array().unwrap() {
        if u["code"] != "BU00010001" {
            assert_eq!(u["values"]["pct_maatregel"], "suppressed", "{u}");
        }
    }
    let g: serde_json::Value = serde_json::from_str(&r.render(Format::Geojson)).unwrap();
    let suppressed = g["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["properties"]["value_pct_maatregel"] == "suppressed")
        .count();
    assert_eq!(suppressed, 3);
    let html = r.render(Format::Html);
    assert_eq!(html.matches(">suppressed</td>").count(), 3);
    for f in Format::ALL {
        assert!(r.render(f).contains("suppressed"), "{f}");
    }
}

#[test]
fn small_cells_fail_the_export_naming_them_unless_allowed() {
    // What --allow-small-cells does at load: nothing suppressed.
    let r = small_run(0, "", "buurt");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.csv");
    let err = export_to_file(&r.ctx(reproducible()), Format::Csv, &out).unwrap_err();
    let msg = err.to_string();
    for cell in [
        "pct_maatregel BU00010002: based on 5 units",
        "n_kinderen BU00010002: based on 5 units",
        "pct_maatregel BU00010003: complement n*(1-p) = 5",
        "pct_maatregel BU00010004: n*p = 4 cases",
        "--allow-small-cells",
    ] {
        assert!(msg.contains(cell), "missing {cell:?} in {msg}");
    }
    assert!(!msg.contains("BU00010001"), "{msg}");
    assert!(matches!(err, ExportError::SmallCells { threshold: 10, .. }));
    // Nothing written, not even a temporary file.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    let allowed = ExportOptions {
        allow_small_cells: true,
        min_cell: Some(10),
        ..reproducible()
    };
    export_to_file(&r.ctx(allowed), Format::Csv, &out).unwrap();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(!csv.contains("suppressed"));
    let side = std::fs::read_to_string(dir.path().join("report.csv.provenance.toml")).unwrap();
    let t: toml::Table = side.parse().unwrap();
    let d = t["disclosure"].as_table().unwrap();
    assert_eq!(d["allow_small_cells"].as_bool(), Some(true));
    assert_eq!(d["load_min_cell"].as_integer(), Some(0));
    assert_eq!(d["small_cells_written"].as_integer(), Some(4));
    assert!(
        side.contains("pct_maatregel BU00010004: n*p = 4 cases"),
        "{side}"
    );
}

#[test]
fn a_published_total_next_to_a_suppressed_cell_is_withheld_at_load() {
    // The gemeente row of the microdata file includes buurt 2's children;
    // quoted next to the gemeente's visible buurten it would give buurt 2
    // away, so load withholds it (secondary suppression) and no format
    // writes it.
    let r = small_run(10, "GM0001,305,17.4\n", "buurt");
    assert!(!r.teams.proposals.is_empty());
    let gm = r.ds.index["GM0001"];
    assert_eq!(
        r.ds.indicator("pct_maatregel").unwrap().values[gm],
        Value::Missing(Missing::Suppressed)
    );
    for f in [Format::Md, Format::Csv, Format::Json, Format::Html] {
        let out = String::from_utf8(render(&r.ctx(reproducible()), f).unwrap()).unwrap();
        assert!(!out.contains("17.4"), "{f}: gemeente total written");
    }
}

#[test]
fn roll_ups_only_use_visible_members_and_pass() {
    let r = small_run(10, "", "wijk");
    assert_eq!(r.a.units.len(), 1);
    let j: serde_json::Value = serde_json::from_str(&r.render(Format::Json)).unwrap();
    let u = &j["units"][0];
    assert_eq!(u["code"], "WK000100");
    // Only buurt 1 is visible: the wijk figure is its figure, not a mix
    // that would let buurt 2..4 be worked out.
    assert_eq!(u["values"]["pct_maatregel"], 30.0);
    assert_eq!(u["members"].as_array().unwrap().len(), 4);
    let g: serde_json::Value = serde_json::from_str(&r.render(Format::Geojson)).unwrap();
    assert_eq!(g["features"].as_array().unwrap().len(), 1);
    let svg = r.render(Format::Svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("path") && n.attribute("data-code") == Some("WK000100"))
            .count(),
        1
    );
}

// --- atomic writes ------------------------------------------------------------

#[test]
fn a_failed_write_leaves_the_old_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.svg");
    std::fs::write(&path, "old").unwrap();
    let res = Staged::new(&path, |w| {
        w.write_all(b"half a ma")?;
        Err(std::io::Error::other("disk full"))
    });
    let err = res.err().unwrap().to_string();
    assert!(
        err.contains("map.svg") && err.contains("disk full"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    let missing = dir.path().join("no/such/dir/map.svg");
    let err = export_to_file(&sample().ctx(reproducible()), Format::Svg, &missing).unwrap_err();
    assert!(err.to_string().contains("no/such/dir"), "{err}");

    export_to_file(&sample().ctx(reproducible()), Format::Svg, &path).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("<?xml"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    #[cfg(unix)]
    {
        // Rights as for any new file (umask), not the temporary's 0600.
        use std::os::unix::fs::PermissionsExt;
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "x").unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode();
        std::fs::remove_file(&path).unwrap();
        export_to_file(&sample().ctx(reproducible()), Format::Svg, &path).unwrap();
        assert_eq!(mode(&path), mode(&plain));
    }
}

#[test]
fn the_svg_draws_the_cluster_map_on_request() {
    let svg = |extra: &[&str]| {
        let args = [
            &["export", "--format", "svg", "--out", "-", "--reproducible"],
            extra,
        ]
        .concat();
        let (code, out, err) = bin(&args);
        assert_eq!(code, 0, "{err}");
        String::from_utf8(out).unwrap()
    };
    let score = svg(&[]);
    let lisa = svg(&["--map", "lisa"]);
    assert!(
        score.contains("<title>Behoeftescore per eenheid"),
        "score title"
    );
    assert!(
        lisa.contains("<title>Clusters van de behoeftescore (LISA)"),
        "lisa title"
    );
    assert!(
        lisa.contains("Lokale Moran&#39;s I, p &lt; 0,05"),
        "lisa legend"
    );
    // Not significant units in GeoDa's grey: the cluster map's own fills.
    assert!(lisa.contains("fill=\"#eeeeee\""), "lisa fills");
    assert!(!score.contains("fill=\"#eeeeee\""), "score fills");
    assert_eq!(svg(&["--map", "score"]), score);
    assert!(svg(&["--map", "lisa", "--lang", "en"]).contains("<title>Clusters of the need score"));

    // Another format does not silently ignore it.
    let (code, out, err) = bin(&["export", "--format", "md", "--out", "-", "--map", "lisa"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("--map lisa geldt alleen voor --format svg"),
        "{err}"
    );
}
