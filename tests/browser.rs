//! The html report in a real browser: headless Chromium loads the exported
//! page from disk and the test reads the DOM it built. A small probe script
//! (added to a copy of the page; the report itself has none) counts the
//! rendered map, charts and shortlist rows and records any page error, so
//! the checks are on what the browser made of the page, not on our source.
//!
//! Skipped when Chromium is not installed (a failure under `CI=true`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const CHROMIUM: &str = "/usr/bin/chromium";

fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from(CHROMIUM);
    common::require("chromium", common::CHROMIUM_HOWTO, path.is_file()).then_some(path)
}

/// Runs first in the page: any script error or failed load becomes an
/// element the dumped DOM carries.
const ON_ERROR: &str = r#"<script>
window.addEventListener('error', function (e) {
  var p = document.createElement('p');
  p.id = 'page-error';
  p.textContent = 'ERROR ' + (e.message || (e.target && (e.target.src || e.target.href)) || 'load');
  (document.body || document.documentElement).appendChild(p);
}, true);
</script>"#;

/// Runs last: what the browser rendered, counted from the live DOM.
const PROBE: &str = r#"<script>
(function () {
  var q = function (s) { return document.querySelectorAll(s).length; };
  var box = function (s) { var e = document.querySelector(s); if (!e) return 0; var r = e.getBoundingClientRect(); return Math.round(r.width) + 'x' + Math.round(r.height); };
  var p = document.createElement('p');
  p.id = 'probe';
  p.textContent = [
    'map=' + q('figure#map > svg path'),
    'mapbox=' + box('figure#map > svg'),
    'rankchart=' + q('#rank-chart circle.median'),
    'rankbox=' + box('#rank-chart'),
    'shortlisted=' + q('#rank-chart g.rank.shortlisted'),
    'unitcharts=' + q('svg.unit-chart'),
    'bars=' + q('svg.unit-chart rect.bar'),
    'shortlistrows=' + q('table#shortlist tr'),
    'lisa=' + q('figure#lisa > svg path'),
    'lisabox=' + box('figure#lisa > svg'),
    'hotspots=' + q("figure#lisa > svg path[fill='#ff0000']"),
    'heatcells=' + q('figure#correlations g.cell'),
  ].join(' ');
  document.body.appendChild(p);
})();
</script>"#;

fn export_html(dir: &Path) -> String {
    let out = dir.join("rapport.html");
    Command::cargo_bin("buurtradar")
        .unwrap()
        .args(["export", "--format", "html", "--reproducible", "--out"])
        .arg(&out)
        .assert()
        .success();
    std::fs::read_to_string(out).unwrap()
}

/// Dump the DOM Chromium built from `page`, and its stderr log.
fn render(browser: &Path, dir: &Path, page: &Path) -> (String, String) {
    let profile = dir.join("chromium-profile");
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("running chromium");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "chromium failed: {stderr}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// `key=value` from the probe line.
fn probe<'a>(dom: &'a str, key: &str) -> &'a str {
    let start = dom.find("<p id=\"probe\">").expect("probe ran") + 14;
    let line = &dom[start..start + dom[start..].find("</p>").unwrap()];
    line.split(' ')
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("{key} not in {line}"))
}

fn count(dom: &str, key: &str) -> usize {
    probe(dom, key).parse().unwrap()
}

#[test]
fn report_renders_map_charts_and_shortlist_in_chromium() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = export_html(dir.path());
    let shortlisted = html.matches("<tr class=\"shortlisted\">").count();
    assert!(shortlisted > 0, "the sample has a shortlist");
    let probed = html
        .replacen("<head>", &format!("<head>\n{ON_ERROR}"), 1)
        .replacen("</body>", &format!("{PROBE}\n</body>"), 1);
    let page = dir.path().join("probed.html");
    std::fs::write(&page, probed).unwrap();
    let (dom, log) = render(&browser, dir.path(), &page);

    assert!(!dom.contains("id=\"page-error\""), "page error: {dom}");
    for bad in ["Uncaught", "ERROR:CONSOLE", "Failed to load resource"] {
        assert!(!log.contains(bad), "browser log has {bad:?}: {log}");
    }
    assert!(count(&dom, "map") > 10, "map paths: {}", probe(&dom, "map"));
    // The charts have a size on the page, not only elements.
    for b in ["mapbox", "rankbox"] {
        let (w, h) = probe(&dom, b).split_once('x').unwrap();
        assert!(w.parse::<u32>().unwrap() > 300 && h.parse::<u32>().unwrap() > 100);
    }
    assert!(count(&dom, "rankchart") >= shortlisted);
    assert_eq!(count(&dom, "shortlisted"), shortlisted);
    assert_eq!(count(&dom, "unitcharts"), shortlisted);
    assert!(count(&dom, "bars") >= shortlisted * 3);
    // Header row plus one row per shortlisted unit.
    assert_eq!(count(&dom, "shortlistrows"), shortlisted + 1);
    // Dutch headings of the charts made it into the rendered page.
    assert!(dom.contains("Hoe zeker is de rangorde?"));
    assert!(dom.contains("Indicatoren per gekozen eenheid"));
    // The LISA cluster map, with the sample's hot spot, and the heat map:
    // one cell per pair of the profile's indicators present.
    assert_eq!(count(&dom, "lisa"), count(&dom, "map"));
    let (w, h) = probe(&dom, "lisabox").split_once('x').unwrap();
    assert!(w.parse::<u32>().unwrap() > 300 && h.parse::<u32>().unwrap() > 100);
    assert!(count(&dom, "hotspots") > 0, "no high-high unit drawn");
    let n = html.matches("<th class=\"ind\"").count().max(1);
    let cells = count(&dom, "heatcells");
    assert!(
        cells >= 4 && (cells as f64).sqrt().fract() == 0.0,
        "{cells} cells, {n}"
    );
    assert!(dom.contains("Clusters: waar de behoefte zich ophoopt"));
    assert!(dom.contains("Samenhang van de indicatoren"));
}
