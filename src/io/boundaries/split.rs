//! The whole-file read split over every core: one quick pass (`scan`) finds
//! where each feature's text lies, then each feature is parsed where it is
//! checked (`feature_text`, which reads the coordinates of areas by hand).
//! Its raw rings go straight into the shape and are freed with the
//! feature, instead of a national file's millions of positions all being
//! held at once.
//!
//! This is only a faster way to the same result. A file it cannot read in
//! full (invalid JSON, a feature that does not parse, not a
//! FeatureCollection, anything `feature_text` or `strict` refuses) gets
//! `None`, and the reader reads it the one-pass way, which gives the
//! errors and warnings, with line and column in the file, as before.

use super::feature::boundary_feature;
use super::feature_text::feature;
use super::scan::scan;
use crate::domain::dataset::BoundaryFeature;
use crate::domain::report::Issue;
use crate::io::error::LoadError;
use rayon::prelude::*;
use serde_json::{Map, Value as Json};

/// One feature after its checks: the boundary (or the error it gives), its
/// warnings, and its properties for the figures.
pub(super) type Checked = (
    Result<BoundaryFeature, LoadError>,
    Vec<Issue>,
    Option<Map<String, Json>>,
);

/// A parsed and checked FeatureCollection: its `crs` member and features.
pub(super) struct Split {
    pub(super) crs: Option<Json>,
    pub(super) features: Vec<Checked>,
}

pub(super) fn read_split(file: &str, bytes: &[u8]) -> Option<Split> {
    let collection = scan(bytes)?;
    crate::timing::mark("geojson split into features");
    if collection.kind.as_deref() != Some("FeatureCollection") {
        return None;
    }
    let features = collection
        .features?
        .par_iter()
        .enumerate()
        .map(|(i, text)| check(file, i, text))
        .collect::<Option<Vec<Checked>>>()?;
    Some(Split {
        crs: collection.crs,
        features,
    })
}

fn check(file: &str, i: usize, text: &[u8]) -> Option<Checked> {
    let mut f = feature(text)?;
    let shallow = |v: &Json| json_depth(v) <= MAX_DEPTH;
    if !(f
        .properties
        .as_ref()
        .is_none_or(|p| p.values().all(shallow))
        && f.id.as_ref().is_none_or(shallow))
    {
        return None;
    }
    let geometry = f.geometry.take();
    let mut warnings = Vec::new();
    let feature = boundary_feature(file, i, &f, geometry, &mut warnings);
    Some((feature, warnings, f.properties))
}

/// Property values (and ids) nested deeper than this go the one-pass way:
/// together with the bounds in `strict` this keeps a feature far from the
/// parser's depth limit, which the one-pass read reaches two levels sooner
/// (inside the collection and its `features`).
const MAX_DEPTH: usize = 32;

fn json_depth(v: &Json) -> usize {
    match v {
        Json::Array(a) => 1 + a.iter().map(json_depth).max().unwrap_or(0),
        Json::Object(o) => 1 + o.values().map(json_depth).max().unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::number::generate::Rng;
    use super::super::{read_boundaries, read_one_pass, Boundaries};
    use super::*;
    use crate::io::crs::Crs;
    use crate::io::source::Source;

    fn src(text: &str) -> Source {
        Source::from_bytes("b.geojson", text.as_bytes().to_vec())
    }

    fn outcome(r: Result<Boundaries, LoadError>) -> String {
        match r {
            Ok(b) => format!(
                "{:?}\n{:?}\n{:?}\n{:?}",
                b.features,
                b.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
                b.crs,
                b.properties
                    .map(|p| format!("{:?} {:?}", p.regions, p.indicators)),
            ),
            Err(e) => format!("error: {e}"),
        }
    }

    /// The split read gives what the one-pass read gives; `split` says
    /// whether the split read took the file itself.
    fn same(text: &str, split: bool) {
        let s = src(text);
        assert_eq!(
            outcome(read_boundaries(&s, Some(Crs::Rd))),
            outcome(read_one_pass(&s, Some(Crs::Rd))),
            "{text}"
        );
        assert_eq!(
            read_split("b.geojson", text.as_bytes()).is_some(),
            split,
            "{text}"
        );
    }

    fn collection(features: &[String]) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    fn feature(code: &str, geometry: &str) -> String {
        format!(
            r#"{{"type":"Feature","properties":{{"statcode":"{code}","statnaam":"N {code}","aantal_inwoners":12}},"geometry":{geometry}}}"#
        )
    }

    // Rijksdriehoek metres.
    const RING: &str = "[[1e5,4e5],[100010,4e5],[100010,400010],[1e5,400010],[1e5,4e5]]";
    const OPEN: &str = "[[1e5,4e5],[100010,4e5],[100010,400010],[1e5,400010]]";
    const HOLE: &str = "[[100002,400002],[100004,400002],[100004,400004],[100002,400002]]";
    const BOWTIE: &str = "[[1e5,4e5],[100010,400010],[100010,4e5],[1e5,400010],[1e5,4e5]]";

    #[test]
    fn both_key_orders_and_every_repair_read_alike() {
        let geometries = [
            format!(r#"{{"type":"Polygon","coordinates":[{RING},{HOLE}]}}"#),
            format!(r#"{{"coordinates":[{RING},{HOLE}],"type":"Polygon"}}"#),
            format!(r#"{{"type":"MultiPolygon","coordinates":[[{OPEN}],[{BOWTIE}]]}}"#),
            format!(r#"{{"coordinates":[[{OPEN}],[{BOWTIE}]],"type":"MultiPolygon"}}"#),
            r#"{"type":"Polygon","bbox":[0,0,1,1],"coordinates":[[[100000.5,4.0001e5,3],[100002.25,4e5,7],[100001,400001]]]}"#
                .to_string(),
            r#"{"type":"Polygon","coordinates":[[],[[1e5,4e5],[100001,4e5],[100001,400001],[1e5,4e5]]]}"#.to_string(),
            r#"{"type":"MultiPolygon","coordinates":[[[]],[]]}"#.to_string(),
            r#"{"type":"LineString","coordinates":[[1e5,4e5],[100001,400001]]}"#.to_string(),
            format!(
                r#"{{"type":"GeometryCollection","geometries":[{{"type":"Polygon","coordinates":[{RING}]}},{{"type":"Point","coordinates":[1e5,4e5]}}]}}"#
            ),
            "null".to_string(),
        ];
        let features: Vec<String> = geometries
            .iter()
            .enumerate()
            .map(|(i, g)| feature(&format!("BU0001{i:04}"), g))
            .collect();
        let text = collection(&features);
        same(&text, true);
        let b = read_boundaries(&src(&text), Some(Crs::Rd)).unwrap();
        assert_eq!(b.features.len(), geometries.len());
        assert!(b.warnings.len() >= 6, "{:?}", b.warnings);
        // Each feature alone too, so a warning cannot hide in another's.
        for f in &features {
            same(&collection(std::slice::from_ref(f)), true);
        }
    }

    #[test]
    fn what_only_the_one_pass_read_takes_goes_that_way() {
        // A short position: a warning from the general reader.
        let short = feature(
            "BU00010001",
            r#"{"type":"Polygon","coordinates":[[[1],[0,0],[1,0],[1,1],[0,0]]]}"#,
        );
        same(&collection(&[short]), false);
        // Property nested deeper than the split read takes.
        let deep = format!(
            r#"{{"type":"Feature","properties":{{"statcode":"BU00010001","x":{}1{}}},"geometry":null}}"#,
            "[".repeat(40),
            "]".repeat(40)
        );
        same(&collection(&[deep]), false);
        // Nested past the parser's limit in the one-pass read only (which
        // spends two levels on the collection and its features).
        let limit = format!(
            r#"{{"type":"Feature","properties":{{"statcode":"BU00010001","x":{}1{}}},"geometry":null}}"#,
            "[".repeat(124),
            "]".repeat(124)
        );
        let text = collection(&[limit]);
        same(&text, false);
        let e = outcome(read_boundaries(&src(&text), Some(Crs::Rd)));
        assert!(e.contains("recursion limit"), "{e}");
    }

    /// One number of a vertex, written in one of the ways files write it.
    fn written(r: &mut Rng, v: f64) -> String {
        match r.below(10) {
            0 => format!("{v:e}"),
            1 => format!("{v}.0"),
            2 => format!("{v:.3}"),
            3 => format!("{}", v + 0.1),
            4 => format!("{v}E0"),
            _ => format!("{v}"),
        }
    }

    /// A ring around a random place in Rijksdriehoek metres: mostly a
    /// square, now and then open, crossing or with a height.
    fn random_ring(r: &mut Rng) -> String {
        let (x, y) = (
            (100_000 + r.below(10_000)) as f64,
            (400_000 + r.below(10_000)) as f64,
        );
        let d = (1 + r.below(500)) as f64;
        let mut corners = vec![(x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y)];
        match r.below(8) {
            0 => {
                corners.pop();
            }
            1 => corners.swap(1, 2),
            _ => {}
        }
        let height = r.below(6) == 0;
        let positions: Vec<String> = corners
            .iter()
            .map(|&(px, py)| {
                let z = if height { ",3.5" } else { "" };
                format!("[{},{}{z}]", written(r, px), written(r, py))
            })
            .collect();
        format!("[{}]", positions.join(", "))
    }

    fn random_geometry(r: &mut Rng) -> String {
        let polygon = |r: &mut Rng| {
            let n = 1 + r.below(3);
            let rings: Vec<String> = (0..n).map(|_| random_ring(r)).collect();
            format!("[{}]", rings.join(","))
        };
        match r.below(10) {
            0 => "null".to_string(),
            1 => r#"{"type":"LineString","coordinates":[[1e5,4e5],[100001,400001]]}"#.to_string(),
            2 => {
                let p = polygon(r);
                format!(
                    r#"{{"type":"GeometryCollection","geometries":[{{"type":"Polygon","coordinates":{p}}}]}}"#
                )
            }
            3 | 4 => {
                let n = 1 + r.below(3);
                let ps: Vec<String> = (0..n).map(|_| polygon(r)).collect();
                format!(
                    r#"{{"type":"MultiPolygon","coordinates":[{}]}}"#,
                    ps.join(",")
                )
            }
            5 => {
                let p = polygon(r);
                format!(r#"{{"coordinates":{p},"type":"Polygon"}}"#)
            }
            _ => {
                let p = polygon(r);
                format!(r#"{{"type":"Polygon", "bbox":[0,0,1,1], "coordinates":{p}}}"#)
            }
        }
    }

    fn random_file(r: &mut Rng) -> String {
        let n = 1 + r.below(5);
        let features: Vec<String> = (0..n)
            .map(|i| {
                let g = random_geometry(r);
                let code = format!("BU0001{i:04}");
                let mut members = vec![
                    r#""type":"Feature""#.to_string(),
                    format!(
                        r#""properties":{{"statcode":"{code}","statnaam":"N [{i}]","aantal_inwoners":{}}}"#,
                        r.below(3000)
                    ),
                    format!(r#""geometry":{g}"#),
                ];
                if r.below(3) == 0 {
                    members.push(format!(r#""id":"{code}""#));
                }
                let k = r.below(members.len() as u64) as usize;
                members.rotate_left(k);
                format!("{{{}}}", members.join(",\n "))
            })
            .collect();
        let mut text = collection(&features);
        // Now and then one byte taken out, put in or changed.
        if r.below(4) == 0 {
            let at = r.below(text.len() as u64) as usize;
            let bytes = [
                b',', b'[', b']', b'-', b'0', b'.', b'e', b' ', b'}', b'"', b':',
            ];
            let b = char::from(bytes[r.below(bytes.len() as u64) as usize]);
            match r.below(3) {
                0 => {
                    text.remove(at);
                }
                1 => text.insert(at, b),
                _ => text.replace_range(at..=at, &b.to_string()),
            }
        }
        text
    }

    #[test]
    fn random_files_read_alike() {
        let mut r = Rng(0x1234_5678_9ABC_DEF1);
        let (mut split_read, mut one_pass) = (0, 0);
        for _ in 0..1_500 {
            let text = random_file(&mut r);
            let s = src(&text);
            assert_eq!(
                outcome(read_boundaries(&s, Some(Crs::Rd))),
                outcome(read_one_pass(&s, Some(Crs::Rd))),
                "{text}"
            );
            if read_split("b.geojson", text.as_bytes()).is_some() {
                split_read += 1;
            } else {
                one_pass += 1;
            }
        }
        // Both ways are taken often.
        assert!(
            split_read > 500 && one_pass > 200,
            "{split_read} {one_pass}"
        );
    }

    #[test]
    fn real_boundary_files_read_alike() {
        let Some(files) = super::super::real_boundary_files() else {
            return;
        };
        for (name, bytes) in files {
            let s = Source::from_bytes(name, bytes.clone());
            let split = outcome(read_boundaries(&s, None));
            assert!(!split.starts_with("error"), "{name}: {split}");
            assert_eq!(split, outcome(read_one_pass(&s, None)), "{name}");
            let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
            assert!(read_split(name, bytes).is_some(), "{name}");
        }
    }

    #[test]
    fn errors_are_the_one_pass_errors() {
        let good = feature(
            "BU00010001",
            &format!(r#"{{"type":"Polygon","coordinates":[{RING}]}}"#),
        );
        let nested = feature(
            "BU00010002",
            r#"{"type":"Polygon","coordinates":[[1,2],[3,4]]}"#,
        );
        let bare = feature(
            "BU00010003",
            r#"{"type":"Polygon","coordinates":[[[1,2],3]]}"#,
        );
        let no_code = r#"{"type":"Feature","properties":{"naam":"x"},"geometry":null}"#.to_string();
        for text in [
            collection(&[good.clone(), nested]),
            collection(&[good.clone(), bare]),
            collection(&[good.clone(), no_code]),
            format!(r#"{{"type":"Feature","features":[{good}]}}"#),
            format!(r#"{{"type":"FeatureCollection","features":[{good}],"features":[]}}"#),
            format!(r#"{{"type":"FeatureCollection","features":[{good},]}}"#),
            format!("{{\"type\":\"FeatureCollection\",\n\"features\":[{good}]"),
            format!(r#"{{"type":"FeatureCollection","features":[{good}]}} x"#),
        ] {
            let s = src(&text);
            let one = outcome(read_one_pass(&s, Some(Crs::Rd)));
            assert!(one.starts_with("error"), "{one}");
            assert_eq!(outcome(read_boundaries(&s, Some(Crs::Rd))), one);
        }
    }
}
