use super::*;
use geo::LineString;

#[test]
fn crossings_are_found_and_valid_shapes_pass() {
    use geo::polygon;
    let bowtie = polygon![(x: 0.0, y: 0.0), (x: 2.0, y: 2.0), (x: 2.0, y: 0.0), (x: 0.0, y: 2.0)];
    let at = crossing(&bowtie).unwrap();
    assert!((at.x - 1.0).abs() < 1e-9 && (at.y - 1.0).abs() < 1e-9);
    let with_hole = polygon!(
        exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
        interiors: [[(x: 4.0, y: 4.0), (x: 6.0, y: 4.0), (x: 6.0, y: 6.0), (x: 4.0, y: 6.0)]],
    );
    assert_eq!(crossing(&with_hole), None);
    let hole_crossing_out = polygon!(
        exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
        interiors: [[(x: 8.0, y: 4.0), (x: 12.0, y: 4.0), (x: 12.0, y: 6.0), (x: 8.0, y: 6.0)]],
    );
    assert!(crossing(&hole_crossing_out).is_some());
    let spike = polygon![(x: 0.0, y: 0.0), (x: 4.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 3.0)];
    assert!(
        crossing(&spike).is_some(),
        "edge folding back over the previous one"
    );
}

#[test]
fn sort_keys_order_as_total_cmp() {
    let xs = [
        -f64::INFINITY,
        -1e300,
        -2.5,
        -1.0,
        -f64::MIN_POSITIVE,
        -0.0,
        0.0,
        f64::MIN_POSITIVE,
        1.0,
        2.5,
        1e300,
        f64::INFINITY,
    ];
    for a in xs {
        for b in xs {
            assert_eq!(total_order_key(a).cmp(&total_order_key(b)), a.total_cmp(&b));
        }
    }
}

/// The sweep as it was, with a stable sort of whole edges: the same
/// crossing (or none) must come out, also when many edges tie.
fn reference(p: &Polygon<f64>) -> Option<Coord<f64>> {
    let mut segs: Vec<(usize, usize, usize, Line<f64>, f64, f64)> = Vec::new();
    for (ring, ls) in std::iter::once(p.exterior())
        .chain(p.interiors())
        .enumerate()
    {
        let len = ls.0.len().saturating_sub(1);
        for (idx, l) in ls.lines().enumerate() {
            if l.start != l.end {
                segs.push((
                    ring,
                    idx,
                    len,
                    l,
                    l.start.x.min(l.end.x),
                    l.start.x.max(l.end.x),
                ));
            }
        }
    }
    segs.sort_by(|a, b| a.4.total_cmp(&b.4));
    for (i, a) in segs.iter().enumerate() {
        let (ay0, ay1) = (a.3.start.y.min(a.3.end.y), a.3.start.y.max(a.3.end.y));
        for b in &segs[i + 1..] {
            if b.4 > a.5 {
                break;
            }
            if b.3.start.y.min(b.3.end.y) > ay1 || b.3.start.y.max(b.3.end.y) < ay0 {
                continue;
            }
            let same_ring = a.0 == b.0;
            let adjacent = same_ring && (a.1.abs_diff(b.1) == 1 || a.1.abs_diff(b.1) + 1 == a.2);
            if adjacent && !all_collinear(a.3, b.3) {
                continue;
            }
            match line_intersection(a.3, b.3) {
                None => {}
                Some(LineIntersection::SinglePoint {
                    intersection,
                    is_proper,
                }) if is_proper || (same_ring && !adjacent) => return Some(intersection),
                Some(LineIntersection::SinglePoint { .. }) => {}
                Some(LineIntersection::Collinear { intersection }) => {
                    return Some(intersection.start)
                }
            }
        }
    }
    None
}

#[test]
fn the_sweep_finds_what_the_stable_sort_sweep_found() {
    // Small integer grids: many tied x values, many crossings.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m) as f64
    };
    let (mut crossed, mut clean) = (0, 0);
    for case in 0..3000 {
        let n = 3 + (case % 9);
        let grid = if case % 2 == 0 { 6 } else { 40 };
        let ring = |next: &mut dyn FnMut(u64) -> f64, n: usize| {
            LineString(
                (0..n)
                    .map(|_| Coord {
                        x: next(grid),
                        y: next(grid),
                    })
                    .collect(),
            )
        };
        let exterior = ring(&mut next, n);
        let holes = if case % 3 == 0 {
            vec![ring(&mut next, 4)]
        } else {
            vec![]
        };
        let p = Polygon::new(exterior, holes);
        let want = reference(&p);
        assert!(same(crossing(&p), want), "{p:?}");
        if want.is_some() {
            crossed += 1;
        } else {
            clean += 1;
        }
    }
    assert!(crossed > 100 && clean > 100, "{crossed} {clean}");
}

/// The same answer bit for bit (`==` takes -0.0 for 0.0).
fn same(a: Option<Coord<f64>>, b: Option<Coord<f64>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.x.to_bits() == b.x.to_bits() && a.y.to_bits() == b.y.to_bits(),
        _ => false,
    }
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, m: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % m
    }

    fn unit(&mut self) -> f64 {
        self.below(1 << 30) as f64 / (1u64 << 30) as f64
    }
}

/// A ring wandering around `centre`: jitter in radius and angle makes many
/// short chains; `step` rounds to a grid for ties, level and upright
/// edges and collinear runs. Now and then a repeated point, or a spike out
/// along a line and part of the way (or all the way, or past the start)
/// back.
fn wiggly(rng: &mut Rng, n: usize, centre: (f64, f64), radius: f64, step: f64) -> LineString<f64> {
    let mut pts: Vec<Coord<f64>> = (0..n)
        .map(|i| {
            let t = (i as f64 + 0.8 * rng.unit()) / n as f64 * std::f64::consts::TAU;
            let r = radius * (0.7 + 0.6 * rng.unit());
            Coord {
                x: ((centre.0 + r * t.cos()) / step).round() * step,
                y: ((centre.1 + r * t.sin()) / step).round() * step,
            }
        })
        .collect();
    if rng.below(10) == 0 && n > 4 {
        let k = 1 + rng.below(n as u64 - 2) as usize;
        pts.insert(k, pts[k]);
    }
    if rng.below(8) == 0 && n > 4 {
        let k = 1 + rng.below(n as u64 - 2) as usize;
        let v = pts[k];
        let d = (1 + rng.below(5)) as f64 * step;
        let (dx, dy) = [
            (d, 0.0),
            (0.0, d),
            (d, d),
            (-d, 0.0),
            (0.0, -d),
            (-d, 2.0 * d),
        ][rng.below(6) as usize];
        let back = [0.5, 0.0, 1.5][rng.below(3) as usize];
        pts.insert(
            k + 1,
            Coord {
                x: v.x + dx,
                y: v.y + dy,
            },
        );
        pts.insert(
            k + 2,
            Coord {
                x: v.x + back * dx,
                y: v.y + back * dy,
            },
        );
    }
    LineString::from(pts)
}

/// 8 to 300 vertices, up to two holes (inside, or crossing the outer ring
/// or each other); a quarter get a vertex far along the ring moved
/// anywhere, a sixth one put on a vertex near the start, so the ring
/// touches itself at a single point.
fn wiggly_polygon(rng: &mut Rng, case: usize) -> Polygon<f64> {
    let n = 8 + rng.below(300) as usize;
    let step = [1.0, 0.5, 0.001, 7.0][case % 4];
    let radius = [40.0, 400.0, 3000.0][case % 3];
    let mut ext = wiggly(rng, n, (0.0, 0.0), radius, step);
    let len = ext.0.len();
    let far = |rng: &mut Rng| (len / 2 + rng.below((len / 2) as u64) as usize).clamp(1, len - 2);
    if rng.below(4) == 0 {
        let k = far(rng);
        ext.0[k] = Coord {
            x: ((rng.unit() - 0.5) * 2.4 * radius / step).round() * step,
            y: ((rng.unit() - 0.5) * 2.4 * radius / step).round() * step,
        };
    }
    if rng.below(6) == 0 {
        let j = rng.below((len / 3) as u64) as usize;
        let k = far(rng);
        ext.0[k] = ext.0[j];
    }
    let holes = (0..rng.below(3))
        .map(|_| {
            let centre = (
                (rng.unit() - 0.5) * 0.6 * radius,
                (rng.unit() - 0.5) * 0.6 * radius,
            );
            let n = 4 + rng.below(40) as usize;
            let r = radius * (0.02 + 0.3 * rng.unit());
            wiggly(rng, n, centre, r, step)
        })
        .collect();
    Polygon::new(ext, holes)
}

#[test]
fn wiggly_rings_get_the_sweeps_answer_and_most_valid_ones_skip_it() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut proofs = apart::Scratch::default();
    let (mut crossed, mut clean, mut proved) = (0, 0, 0);
    for case in 0..6000 {
        let p = wiggly_polygon(&mut rng, case);
        let want = reference(&p);
        assert!(same(crossing(&p), want), "case {case}: {p:?}");
        if apart::shown_apart(&p, &mut proofs) {
            assert_eq!(want, None, "case {case}: shown apart but crossing");
            proved += 1;
        }
        if want.is_some() {
            crossed += 1;
        } else {
            clean += 1;
        }
    }
    assert!(crossed > 1500 && clean > 1500, "{crossed} {clean}");
    // The answers above come from the proof, not only from the sweep.
    assert_eq!(proved, clean);
}

/// Every polygon of a GeoJSON file, in the file's coordinates (the check
/// runs before any projection).
fn file_polygons(bytes: &[u8]) -> Vec<Polygon<f64>> {
    fn ring(v: &serde_json::Value) -> LineString<f64> {
        let pts = v.as_array().map(Vec::as_slice).unwrap_or_default();
        pts.iter()
            .map(|p| Coord {
                x: p[0].as_f64().unwrap(),
                y: p[1].as_f64().unwrap(),
            })
            .collect()
    }
    fn polygon(v: &serde_json::Value) -> Polygon<f64> {
        let rings = v.as_array().unwrap();
        Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect())
    }
    let v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let mut out = Vec::new();
    for f in v["features"].as_array().unwrap() {
        let g = &f["geometry"];
        match g["type"].as_str() {
            Some("Polygon") => out.push(polygon(&g["coordinates"])),
            Some("MultiPolygon") => {
                out.extend(g["coordinates"].as_array().unwrap().iter().map(polygon))
            }
            _ => {}
        }
    }
    out
}

#[test]
fn real_boundaries_get_the_sweeps_answer() {
    let Some(files) = super::super::real_boundary_files() else {
        return;
    };
    let mut crossed = 0;
    for (name, bytes) in files {
        let polygons = file_polygons(&bytes);
        assert!(!polygons.is_empty(), "{name}");
        for p in &polygons {
            let want = reference(p);
            assert!(same(crossing(p), want), "{name}: {p:?}");
            crossed += usize::from(want.is_some());
        }
    }
    // The Amsterdam and Hoeksche Waard buurten hold a few that cross.
    assert!(crossed >= 5, "{crossed}");
}
