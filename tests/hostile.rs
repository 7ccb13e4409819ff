//! Hostile names in the inputs stay inert in every export format: no
//! spreadsheet formula in csv, no markup in md/svg/html, valid json and
//! geojson that give the name back unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const FORMULA: &str = "=HYPERLINK(\"http://x\",\"y\")";
const SCRIPT: &str = "<script>alert(1)</script>";
const LINK: &str = "@Plein | [klik](http://e) <img src=x>";
const MINUS: &str = "-2+3 Noord";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample boundaries with every buurt renamed to one of the hostile
/// names (numbered), so the shortlist carries them too.
fn hostile_boundaries(dir: &Path) -> PathBuf {
    let text =
        std::fs::read_to_string(root().join("boundaries/denkerveen_buurten_2024.geojson")).unwrap();
    let mut gj: serde_json::Value = serde_json::from_str(&text).unwrap();
    let features = gj["features"].as_array_mut().unwrap();
    let names = [FORMULA, SCRIPT, LINK, MINUS];
    for (i, f) in features.iter_mut().enumerate() {
        let name = format!("{} {i}", names[i % names.len()]);
        f["properties"]["buurtnaam"] = serde_json::Value::String(name);
    }
    let p = dir.join("hostile.geojson");
    std::fs::write(&p, serde_json::to_string(&gj).unwrap()).unwrap();
    p
}

fn export(dir: &Path, boundaries: &Path, ext: &str) -> String {
    let out = dir.join(format!("out.{ext}"));
    let mut cmd = Command::cargo_bin("buurtradar").unwrap();
    cmd.arg("export")
        .arg("--boundaries")
        .arg(boundaries)
        .arg("--schools")
        .arg(root().join("sample-data/scholen_denkerveen.geojson"))
        .arg("--reproducible")
        .arg("--top")
        .arg("40")
        .arg("--draws")
        .arg("20")
        .arg("--out")
        .arg(&out);
    for f in [
        "kerncijfers_denkerveen_2024.csv",
        "kwb_denkerveen_2024.csv",
        "microdata_denkerveen.csv",
    ] {
        cmd.arg("--indicators")
            .arg(root().join("sample-data").join(f));
    }
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "{ext}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn hostile_names_are_inert_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let b = hostile_boundaries(dir.path());

    // csv: a cell that a spreadsheet would run is prefixed with `'`;
    // numbers stay numbers.
    let csv = export(dir.path(), &b, "csv");
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let mut names = Vec::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        for cell in rec.iter() {
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert!(cell.parse::<f64>().is_ok(), "formula cell {cell:?}");
            }
        }
        names.push(rec[3].to_string());
    }
    for n in [FORMULA, LINK, MINUS] {
        assert!(
            names.iter().any(|x| x.starts_with(&format!("'{n} "))),
            "{n} not neutralised"
        );
    }
    assert!(names.iter().any(|n| n.starts_with(SCRIPT)));

    // json and geojson: valid, and the name comes back exactly.
    for ext in ["json", "geojson"] {
        let text = export(dir.path(), &b, ext);
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
        for n in [FORMULA, SCRIPT, LINK] {
            let quoted = serde_json::to_string(n).unwrap();
            let open = &quoted[..quoted.len() - 1];
            assert!(text.contains(open), "{ext}: {n} not written as a string");
        }
    }

    // svg and html: no markup from a name survives unescaped.
    for ext in ["svg", "html"] {
        let text = export(dir.path(), &b, ext);
        for raw in ["<script", "<img", "alert(1)</"] {
            assert!(!text.contains(raw), "{ext} holds raw {raw}");
        }
    }
    let html = export(dir.path(), &b, "html");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    // md: no raw HTML, no link, no extra table column from a name.
    let md = export(dir.path(), &b, "md");
    for raw in ["<script", "<img", "@Plein | "] {
        assert!(!md.contains(raw), "md holds raw {raw}");
    }
    assert_eq!(
        md.matches("[klik](").count(),
        md.matches("\\[klik](").count(),
        "md holds a live link"
    );
    assert!(md.contains("@Plein \\| \\[klik](http://e) &lt;img src=x&gt;"));
}
