//! Checks on the committed sample: determinism, a clean tessellation, the
//! planted quirks and the school story. Files are read back as a reader
//! would, with helpers of their own rather than the generator's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{ensure, Context, Result};
use serde_json::Value;

use super::lattice::{Frame, Lattice, Style};
use super::out_tables::{KWB_HEADER, MICRODATA_HEADER, STATLINE_HEADER};
use super::{generate, geom, Scale, SynthSpec, SynthSummary};

type P = [i64; 2];
type Rings = Vec<Vec<P>>;

struct Feature {
    code: String,
    water: String,
    /// Polygons (shell first); None for `"geometry": null`.
    polygons: Option<Vec<Rings>>,
}

/// A scratch directory that is removed again when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Result<Self> {
        let dir =
            std::env::temp_dir().join(format!("buurtradar-synth-{}-{tag}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Self(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn sample(tag: &str, seed: u64) -> Result<(Scratch, SynthSummary)> {
    let dir = Scratch::new(tag)?;
    let summary = generate(
        &SynthSpec {
            scale: Scale::Sample,
            seed,
        },
        &dir.0,
    )?;
    Ok((dir, summary))
}

fn micro(v: &Value) -> Result<i64> {
    let x = v.as_f64().context("coordinate is not a number")?;
    Ok((x * 1e6).round() as i64)
}

fn parse_ring(v: &Value) -> Result<Vec<P>> {
    let pts = v.as_array().context("ring is not an array")?;
    pts.iter()
        .map(|p| Ok([micro(&p[0])?, micro(&p[1])?]))
        .collect()
}

fn parse_polygon(v: &Value) -> Result<Rings> {
    v.as_array()
        .context("polygon is not an array")?
        .iter()
        .map(parse_ring)
        .collect()
}

fn read_features(path: &Path) -> Result<Vec<Feature>> {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    ensure!(
        doc.get("crs").is_none(),
        "boundary file must not carry a crs member"
    );
    let features = doc["features"].as_array().context("no features")?;
    features
        .iter()
        .map(|f| {
            let props = &f["properties"];
            let g = &f["geometry"];
            let polygons = match g["type"].as_str() {
                None => None,
                Some("Polygon") => Some(vec![parse_polygon(&g["coordinates"])?]),
                Some(_) => Some(
                    g["coordinates"]
                        .as_array()
                        .context("multipolygon is not an array")?
                        .iter()
                        .map(parse_polygon)
                        .collect::<Result<_>>()?,
                ),
            };
            Ok(Feature {
                code: props["buurtcode"]
                    .as_str()
                    .context("no buurtcode")?
                    .to_string(),
                water: props["water"].as_str().context("no water")?.to_string(),
                polygons,
            })
        })
        .collect()
}

fn area2(ring: &[P]) -> i128 {
    ring.windows(2)
        .map(|w| {
            i128::from(w[0][0]) * i128::from(w[1][1]) - i128::from(w[1][0]) * i128::from(w[0][1])
        })
        .sum()
}

/// Winding-number containment, plus whether the point sits on an edge.
fn locate(p: [f64; 2], polygons: &[Rings]) -> (bool, bool) {
    let mut on_edge = false;
    let inside = polygons.iter().any(|rings| {
        let winding: i32 = rings
            .iter()
            .map(|ring| {
                ring.windows(2)
                    .map(|w| {
                        let (a, b) = (
                            [w[0][0] as f64, w[0][1] as f64],
                            [w[1][0] as f64, w[1][1] as f64],
                        );
                        let cross = (b[0] - a[0]) * (p[1] - a[1]) - (p[0] - a[0]) * (b[1] - a[1]);
                        let within = p[0] >= a[0].min(b[0]) && p[0] <= a[0].max(b[0]);
                        if cross == 0.0
                            && within
                            && p[1] >= a[1].min(b[1])
                            && p[1] <= a[1].max(b[1])
                        {
                            on_edge = true;
                        }
                        match (a[1] <= p[1], b[1] <= p[1]) {
                            (true, false) if cross > 0.0 => 1,
                            (false, true) if cross < 0.0 => -1,
                            _ => 0,
                        }
                    })
                    .sum::<i32>()
            })
            .sum();
        winding != 0
    });
    (inside, on_edge)
}

fn segments(features: &[Feature]) -> Vec<(P, P)> {
    features
        .iter()
        .filter_map(|f| f.polygons.as_ref())
        .flatten()
        .flatten()
        .flat_map(|ring| ring.windows(2).map(|w| (w[0], w[1])))
        .collect()
}

fn orient(a: P, b: P, c: P) -> i128 {
    let cross = i128::from(b[0] - a[0]) * i128::from(c[1] - a[1])
        - i128::from(b[1] - a[1]) * i128::from(c[0] - a[0]);
    cross.signum()
}

fn crosses(s: (P, P), t: (P, P)) -> bool {
    orient(s.0, s.1, t.0) * orient(s.0, s.1, t.1) < 0
        && orient(t.0, t.1, s.0) * orient(t.0, t.1, s.1) < 0
}

#[test]
fn same_seed_gives_identical_bytes() -> Result<()> {
    let (a, sa) = sample("det-a", 42)?;
    let (b, sb) = sample("det-b", 42)?;
    let (c, sc) = sample("det-c", 7)?;
    let pairs = [
        (
            &sa.boundaries_path,
            &sb.boundaries_path,
            &sc.boundaries_path,
        ),
        (
            &sa.kerncijfers_path,
            &sb.kerncijfers_path,
            &sc.kerncijfers_path,
        ),
        (&sa.kwb_path, &sb.kwb_path, &sc.kwb_path),
        (&sa.microdata_path, &sb.microdata_path, &sc.microdata_path),
        (&sa.schools_path, &sb.schools_path, &sc.schools_path),
    ];
    for (pa, pb, pc) in pairs {
        let bytes = std::fs::read(pa)?;
        ensure!(
            bytes == std::fs::read(pb)?,
            "{} differs between runs",
            pa.display()
        );
        ensure!(
            bytes != std::fs::read(pc)?,
            "{} ignores the seed",
            pa.display()
        );
    }
    ensure!(sa.boundaries_path.starts_with(a.0.join("boundaries")));
    ensure!(sa.kwb_path.starts_with(a.0.join("sample-data")));
    drop((b, c));
    Ok(())
}

#[test]
fn sample_counts_and_codes() -> Result<()> {
    let (_dir, s) = sample("counts", 42)?;
    let features = read_features(&s.boundaries_path)?;
    ensure!(
        (90..=110).contains(&features.len()),
        "{} buurten",
        features.len()
    );
    ensure!(s.buurten == features.len() && s.wijken == 10 && s.gemeenten == 1);
    let codes: BTreeSet<&str> = features.iter().map(|f| f.code.as_str()).collect();
    ensure!(codes.len() == features.len(), "buurt codes are not unique");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&s.boundaries_path)?)?;
    let names: BTreeSet<&str> = doc["features"]
        .as_array()
        .context("no features")?
        .iter()
        .filter_map(|f| f["properties"]["buurtnaam"].as_str())
        .collect();
    ensure!(names.len() == features.len(), "buurt names are not unique");
    for code in &codes {
        let wijk: usize = code[6..8].parse()?;
        ensure!(
            code.len() == 10 && code.starts_with("BU9999") && wijk < 10,
            "bad code {code}"
        );
    }
    Ok(())
}

#[test]
fn tessellation_shares_every_interior_edge() -> Result<()> {
    let (_dir, s) = sample("tess", 42)?;
    let features = read_features(&s.boundaries_path)?;
    let mut uses: BTreeMap<(P, P), usize> = BTreeMap::new();
    for (a, b) in segments(&features) {
        *uses.entry((a.min(b), a.max(b))).or_default() += 1;
    }
    ensure!(
        uses.values().all(|&n| n <= 2),
        "an edge is used by more than two polygons"
    );
    // The edges used once form the municipality outline: one closed loop
    // whose area equals the sum of the buurt areas.
    let outline: Vec<(P, P)> = uses
        .iter()
        .filter(|(_, &n)| n == 1)
        .map(|(&e, _)| e)
        .collect();
    let mut degree: BTreeMap<P, usize> = BTreeMap::new();
    for (a, b) in &outline {
        *degree.entry(*a).or_default() += 1;
        *degree.entry(*b).or_default() += 1;
    }
    ensure!(
        degree.values().all(|&d| d % 2 == 0),
        "the outline is not closed"
    );
    let total: i128 = features
        .iter()
        .filter_map(|f| f.polygons.as_ref())
        .flatten()
        .flatten()
        .map(|r| area2(r))
        .sum();
    ensure!(total > 0, "non-positive total area");
    let directed: i128 = segments(&features)
        .iter()
        .filter(|(a, b)| uses.get(&((*a).min(*b), (*a).max(*b))) == Some(&1))
        .map(|(a, b)| area2(&[*a, *b]))
        .sum();
    ensure!(
        directed == total,
        "buurt areas {total} != outline area {directed}"
    );
    Ok(())
}

#[test]
fn rings_are_closed_oriented_and_never_cross() -> Result<()> {
    let (_dir, s) = sample("rings", 42)?;
    let features = read_features(&s.boundaries_path)?;
    for f in &features {
        for rings in f.polygons.iter().flatten() {
            for (k, ring) in rings.iter().enumerate() {
                ensure!(
                    ring.len() >= 4 && ring.first() == ring.last(),
                    "{}: open ring",
                    f.code
                );
                let distinct: BTreeSet<&P> = ring[1..].iter().collect();
                ensure!(
                    distinct.len() == ring.len() - 1,
                    "{}: ring passes a vertex twice",
                    f.code
                );
                ensure!(
                    (area2(ring) > 0) == (k == 0),
                    "{}: wrong orientation of ring {k}",
                    f.code
                );
                for p in ring {
                    ensure!(
                        (5_700_000..=5_850_000).contains(&p[0])
                            && (52_000_000..=52_080_000).contains(&p[1])
                    );
                }
            }
        }
    }
    let segs = segments(&features);
    for (i, &s1) in segs.iter().enumerate() {
        for &s2 in &segs[i + 1..] {
            ensure!(!crosses(s1, s2), "segments cross: {s1:?} {s2:?}");
        }
    }
    Ok(())
}

#[test]
fn planted_shapes_are_present() -> Result<()> {
    let (_dir, s) = sample("shapes", 42)?;
    let features = read_features(&s.boundaries_path)?;
    let multi: Vec<&Feature> = features
        .iter()
        .filter(|f| f.polygons.as_ref().is_some_and(|p| p.len() > 1))
        .collect();
    ensure!(multi.len() == 1 && multi[0].polygons.as_ref().is_some_and(|p| p.len() == 2));
    let holed: Vec<&Rings> = features
        .iter()
        .filter_map(|f| f.polygons.as_ref())
        .flatten()
        .filter(|r| r.len() > 1)
        .collect();
    ensure!(
        holed.len() == 1 && holed[0].len() == 2,
        "expected exactly one polygon with one hole"
    );
    let hole: BTreeSet<P> = holed[0][1].iter().copied().collect();
    let island = features
        .iter()
        .filter_map(|f| f.polygons.as_ref())
        .find(|p| {
            p.len() == 1
                && p[0].len() == 1
                && p[0][0].iter().copied().collect::<BTreeSet<P>>() == hole
        });
    ensure!(island.is_some(), "no buurt fills the hole exactly");
    ensure!(
        features.iter().filter(|f| f.polygons.is_none()).count() == 1,
        "expected one null geometry"
    );
    ensure!(
        features.iter().filter(|f| f.water == "JA").count() == 1,
        "expected one lake"
    );
    Ok(())
}

fn schools(path: &Path) -> Result<Vec<(String, [f64; 2])>> {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    ensure!(doc["crs"]["properties"]["name"] == "urn:ogc:def:crs:OGC:1.3:CRS84");
    doc["features"]
        .as_array()
        .context("no features")?
        .iter()
        .map(|f| {
            let c = &f["geometry"]["coordinates"];
            let p = [micro(&c[0])? as f64, micro(&c[1])? as f64];
            Ok((
                f["properties"]["type"]
                    .as_str()
                    .context("no type")?
                    .to_string(),
                p,
            ))
        })
        .collect()
}

#[test]
fn primary_schools_cluster_in_six_to_nine_buurten() -> Result<()> {
    let (_dir, s) = sample("schools", 42)?;
    let features = read_features(&s.boundaries_path)?;
    let schools = schools(&s.schools_path)?;
    ensure!(
        (36..=44).contains(&schools.len()),
        "{} schools",
        schools.len()
    );
    let mut primary: BTreeMap<&str, usize> = BTreeMap::new();
    let mut nowhere = 0;
    for (kind, p) in &schools {
        let mut homes = Vec::new();
        for f in &features {
            let Some(polys) = &f.polygons else { continue };
            let (inside, on_edge) = locate(*p, polys);
            ensure!(!on_edge, "school on the border of {}", f.code);
            if inside {
                homes.push(f.code.as_str());
            }
        }
        ensure!(homes.len() <= 1, "school in several buurten: {homes:?}");
        let is_primary = kind == "basisschool" || kind == "SBAO";
        match homes.first() {
            Some(code) if is_primary => *primary.entry(code).or_default() += 1,
            None => {
                ensure!(is_primary, "only a primary school may lie outside");
                nowhere += 1;
            }
            _ => {}
        }
    }
    let clusters = primary.values().filter(|&&n| n >= 3).count();
    ensure!(
        (6..=9).contains(&clusters),
        "{clusters} buurten with >= 3 primary schools"
    );
    ensure!(nowhere == 1, "{nowhere} schools outside the municipality");
    Ok(())
}

#[test]
fn clusters_mix_needy_and_other_buurten() -> Result<()> {
    let world = super::build(&SynthSpec {
        scale: Scale::Sample,
        seed: 42,
    })?;
    let mut order: Vec<usize> = (0..world.truths.len())
        .filter(|&b| world.truths[b].inhabitants > 0.0)
        .collect();
    order.sort_by(|&a, &b| world.truths[b].need.total_cmp(&world.truths[a].need));
    let needy: BTreeSet<usize> = order.iter().take(12).copied().collect();
    let mut count: BTreeMap<usize, usize> = BTreeMap::new();
    for s in world
        .schools
        .iter()
        .filter(|s| super::schools::is_primary(s.kind))
    {
        if let Some(b) = s.buurt {
            *count.entry(b).or_default() += 1;
        }
    }
    let clusters: Vec<usize> = count
        .iter()
        .filter(|(_, &n)| n >= 3)
        .map(|(&b, _)| b)
        .collect();
    let needy_clusters = clusters.iter().filter(|b| needy.contains(b)).count();
    ensure!(
        needy_clusters >= 2,
        "too few needy buurten have >= 3 schools"
    );
    ensure!(needy_clusters < clusters.len(), "every cluster is needy");
    ensure!(
        needy.len() - needy_clusters >= 4,
        "too few needy buurten lack schools"
    );
    Ok(())
}

fn statline(path: &Path) -> Result<(String, Vec<Vec<String>>)> {
    let text = std::fs::read_to_string(path)?;
    let body = text.strip_prefix('\u{feff}').context("no BOM")?;
    ensure!(
        body.ends_with("\r\n") && !body.replace("\r\n", "").contains('\n'),
        "not CRLF throughout"
    );
    let rows = body
        .split_terminator("\r\n")
        .map(|l| {
            l.split(';')
                .map(|f| f.trim_matches('"').to_string())
                .collect()
        })
        .collect();
    Ok((body.to_string(), rows))
}

#[test]
fn statline_export_looks_like_statline() -> Result<()> {
    let (_dir, s) = sample("statline", 42)?;
    let (body, rows) = statline(&s.kerncijfers_path)?;
    let header: Vec<String> = STATLINE_HEADER.iter().map(|h| format!("\"{h}\"")).collect();
    ensure!(
        body.starts_with(&(header.join(";") + "\r\n")),
        "header differs"
    );
    ensure!(rows[1][3] == "Gemeente" && rows[1][4] == "GM9999    " && rows[2][4] == "WK999900  ");
    let mut gm_total = 0;
    let mut bu_total = 0;
    for row in &rows[1..] {
        ensure!(row.len() == 18 && row[0] == "2024" && row[4].len() == 10);
        for cell in &row[5..] {
            ensure!(
                cell.is_empty() || cell.len() == 8,
                "unpadded number {cell:?}"
            );
        }
        let inhabitants: i64 = row[5].trim().parse()?;
        ensure!(inhabitants % 5 == 0, "unrounded count {inhabitants}");
        match row[3].as_str() {
            "Gemeente" => gm_total += inhabitants,
            "Buurt" => bu_total += inhabitants,
            _ => {}
        }
    }
    ensure!(
        gm_total == bu_total,
        "gemeente {gm_total} != sum of buurten {bu_total}"
    );
    ensure!(
        rows.iter().any(|r| r[12] == "       ."),
        "no suppressed income"
    );
    ensure!(
        rows.iter().any(|r| r[14] == "       ."),
        "no suppressed youth care"
    );
    ensure!(
        rows.iter().any(|r| r[10].is_empty()),
        "no empty (cannot occur) cell"
    );
    // The unpublished new buurt and the castle island (few dwellings).
    let secret_woz = rows.iter().filter(|r| r[10] == "       .").count();
    ensure!(secret_woz == 2, "{secret_woz} suppressed WOZ values");
    // One code only in the tables, one only on the map.
    let features = read_features(&s.boundaries_path)?;
    let mapped: BTreeSet<&str> = features.iter().map(|f| f.code.as_str()).collect();
    let tabled: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r[3] == "Buurt")
        .map(|r| r[4].as_str())
        .collect();
    ensure!(tabled.difference(&mapped).copied().collect::<Vec<_>>() == ["BU99990999"]);
    ensure!(
        mapped.difference(&tabled).count() == 1,
        "expected one unmatched boundary"
    );
    Ok(())
}

#[test]
fn kwb_disagrees_once_and_has_lone_commas() -> Result<()> {
    let (_dir, s) = sample("kwb", 42)?;
    let (_, statline) = statline(&s.kerncijfers_path)?;
    let text = std::fs::read_to_string(&s.kwb_path)?;
    ensure!(!text.starts_with('\u{feff}') && !text.contains('\r'));
    let mut lines = text.lines();
    ensure!(lines.next() == Some(KWB_HEADER));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
    ensure!(rows.iter().all(|r| r.len() == 12));
    let official: BTreeMap<&str, &str> = statline
        .iter()
        .map(|r| (r[4].trim(), r[5].trim()))
        .collect();
    let mut differ = 0;
    for r in rows.iter().filter(|r| r[3] == "Buurt") {
        let a: i64 = r[5].parse()?;
        let b: i64 = official
            .get(r[0])
            .context("kwb code missing in StatLine")?
            .parse()?;
        if a != b {
            ensure!((a - b).abs() == 5);
            differ += 1;
        }
    }
    ensure!(differ == 1, "{differ} buurten disagree");
    ensure!(
        rows.iter().filter(|r| r.contains(&",")).count() == 2,
        "expected two lone commas"
    );
    ensure!(
        rows.iter().any(|r| r[7].contains(',') && r[7].len() > 1),
        "no decimal comma in p_hh_osm"
    );
    ensure!(
        rows.iter().any(|r| r[10].contains('.') && r[10].len() > 1),
        "no decimal point in g_wozbag"
    );
    ensure!(
        rows.iter().any(|r| r[7] == "       ."),
        "no dotted missing value"
    );
    ensure!(rows.iter().any(|r| r[10].is_empty()), "no empty cell");
    Ok(())
}

#[test]
fn microdata_has_cells_to_suppress() -> Result<()> {
    let (_dir, s) = sample("micro", 42)?;
    let text = std::fs::read_to_string(&s.microdata_path)?;
    let mut lines = text.lines();
    ensure!(lines.next() == Some(MICRODATA_HEADER));
    // Per percentage cell: too few units, too few cases, or publishable.
    let (mut small_n, mut small_np, mut fine) = (0, 0, 0);
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        ensure!(f.len() == 4 && f[0].starts_with("BU"));
        let n: f64 = f[1].parse()?;
        for cell in &f[2..] {
            let p: f64 = cell.parse()?;
            if n < 10.0 {
                small_n += 1;
            } else if n * p / 100.0 < 10.0 {
                small_np += 1;
            } else {
                fine += 1;
            }
        }
    }
    ensure!(
        small_n >= 3 && small_np >= 3 && fine >= 3,
        "{small_n} / {small_np} / {fine}"
    );
    Ok(())
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum::<f64>().sqrt();
    let sy: f64 = y.iter().map(|b| (b - my).powi(2)).sum::<f64>().sqrt();
    cov / (sx * sy)
}

#[test]
fn indicators_move_with_need() -> Result<()> {
    let world = super::build(&SynthSpec {
        scale: Scale::Sample,
        seed: 42,
    })?;
    let t: Vec<&super::figures::Truth> = world
        .truths
        .iter()
        .filter(|t| t.inhabitants >= 200.0)
        .collect();
    let need: Vec<f64> = t.iter().map(|t| t.need).collect();
    let col =
        |f: &dyn Fn(&super::figures::Truth) -> f64| t.iter().map(|t| f(t)).collect::<Vec<f64>>();
    ensure!(pearson(&need, &col(&|t| t.low_income_pct)) > 0.6);
    ensure!(pearson(&need, &col(&|t| t.bijstand / t.inhabitants)) > 0.5);
    ensure!(pearson(&need, &col(&|t| t.youth_care_pct)) > 0.5);
    ensure!(pearson(&need, &col(&|t| t.social_rent_pct)) > 0.5);
    ensure!(pearson(&need, &col(&|t| t.woz)) < -0.5);
    Ok(())
}

/// The national shape generator on a tiny lattice, with a checkerboard
/// corner and a ring: areas add up exactly and rings keep their orientation.
#[test]
fn lattice_traces_add_up_on_a_tiny_grid() -> Result<()> {
    let frame = Frame {
        origin: [0.0, 0.0],
        step: [1000.0, 1000.0],
        decimals: 0,
        km_per_unit: [0.001, 0.001],
    };
    let style = Style {
        jitter: 0.15,
        wiggle: 0.05,
        points: (35, 63),
    };
    let lattice = Lattice::new(4, 4, frame, style, 1);
    // Region 0 is a ring around region 1; regions 2 and 3 meet at a corner.
    #[rustfmt::skip]
    let labels: Vec<u32> = vec![
        2, 3, 4, 4,
        3, 2, 0, 0,
        0, 0, 1, 0,
        0, 0, 0, 0,
    ];
    let mut total = 0;
    for label in 0..5 {
        let cells: Vec<usize> = (0..16).filter(|&c| labels[c] == label).collect();
        let shape = lattice.trace(&labels, label, &cells)?;
        for rings in &shape {
            ensure!(geom::ring_area2(&rings[0]) > 0);
            ensure!(rings[1..].iter().all(|h| geom::ring_area2(h) < 0));
        }
        total += geom::multipolygon_area2(&shape);
    }
    let all = vec![0u32; 16];
    let outline = lattice.trace(&all, 0, &(0..16).collect::<Vec<_>>())?;
    ensure!(
        total == geom::multipolygon_area2(&outline),
        "areas do not add up"
    );
    let ring_shape = lattice.trace(
        &labels,
        0,
        &(0..16).filter(|&c| labels[c] == 0).collect::<Vec<_>>(),
    )?;
    ensure!(
        ring_shape.len() == 1 && ring_shape[0].len() == 2,
        "region 0 should have one hole"
    );
    ensure!(
        lattice.trace(&labels, 2, &[0, 5])?.len() == 2,
        "diagonal cells are two parts"
    );
    Ok(())
}
