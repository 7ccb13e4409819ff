//! A country-sized layout for benchmarks: one buurt per lattice cell,
//! gemeenten as blocks of cells, in Rijksdriehoek metres.

use std::collections::BTreeSet;

use super::lattice::{Frame, Lattice, Style};
use super::layout::{Buurt, Gemeente, Kind, Layout, Wijk};
use super::names;
use super::rng::Rng;

const NX: usize = 120;
const NY: usize = 126;
/// Gemeente blocks of 6 by 7 cells: 20 x 18 = 360 gemeenten.
const GM_W: usize = 6;
const GM_H: usize = 7;
const CITIES: usize = 70;
/// More than the largest outward excursion of a border (jitter 0.15 plus
/// wiggle about 0.07 cells).
const INSET: f64 = 0.3;
const LAYOUT_SALT: u64 = 0x6e61_7469;

pub(crate) fn layout(seed: u64) -> Layout {
    let lattice = Lattice::new(NX, NY, frame(), style(), seed);
    let mut rng = Rng::stream(seed, LAYOUT_SALT, 0);
    let cities = cities(&mut rng);
    let gm_names = gemeente_names(&mut rng);
    let mut layout = Layout {
        lattice,
        labels: Vec::new(),
        gemeenten: Vec::new(),
        wijken: Vec::new(),
        buurten: Vec::new(),
        density: [120.0, 2_200.0],
    };
    for (g, name) in gm_names.into_iter().enumerate() {
        add_gemeente(&mut layout, g, name, &cities, &mut rng);
    }
    layout.index();
    layout
}

/// RD x 13,000-278,000 and y 306,000-619,000 in whole metres: cells of
/// about 2.2 by 2.5 km, roughly the size of a rural Dutch buurt. The
/// lattice is inset by INSET cells on every side so that jittered border
/// nodes and wiggles stay inside that box.
fn frame() -> Frame {
    let span = |lo: f64, hi: f64, n: usize| {
        let step = (hi - lo) / (n as f64 + 2.0 * INSET);
        (lo + INSET * step, step)
    };
    let (x0, dx) = span(13_000.0, 278_000.0, NX);
    let (y0, dy) = span(306_000.0, 619_000.0, NY);
    Frame {
        origin: [x0, y0],
        step: [dx, dy],
        decimals: 0,
        km_per_unit: [0.001, 0.001],
    }
}

/// About 49 intermediate points per edge: ~200 vertices per buurt.
fn style() -> Style {
    Style {
        jitter: 0.15,
        wiggle: 0.05,
        points: (35, 63),
    }
}

/// City centres: (x, y, radius in cells, weight).
fn cities(rng: &mut Rng) -> Vec<[f64; 4]> {
    (0..CITIES)
        .map(|_| {
            [
                rng.range(0.0, NX as f64),
                rng.range(0.0, NY as f64),
                rng.range(1.0, 4.0),
                rng.range(0.5, 1.0),
            ]
        })
        .collect()
}

fn urbanity(cities: &[[f64; 4]], p: [f64; 2]) -> f64 {
    cities
        .iter()
        .map(|c| {
            let d2 = (p[0] - c[0]).powi(2) + (p[1] - c[1]).powi(2);
            c[3] * (-d2 / (2.0 * c[2] * c[2])).exp()
        })
        .fold(0.0, f64::max)
}

fn gemeente_names(rng: &mut Rng) -> Vec<String> {
    let mut all: Vec<String> = names::GM_PREFIX
        .iter()
        .flat_map(|p| names::GM_SUFFIX.iter().map(move |s| format!("{p}{s}")))
        .collect();
    rng.shuffle(&mut all);
    all.truncate((NX / GM_W) * (NY / GM_H));
    all
}

/// One gemeente block: wijken are runs of 3-7 cells in reading order.
fn add_gemeente(layout: &mut Layout, g: usize, name: String, cities: &[[f64; 4]], rng: &mut Rng) {
    let (bi, bj) = (g % (NX / GM_W), g / (NX / GM_W));
    let gm = 9000 + g;
    let mut cells: Vec<usize> = Vec::with_capacity(GM_W * GM_H);
    for j in (bj * GM_H..(bj + 1) * GM_H).rev() {
        cells.extend((bi * GM_W..(bi + 1) * GM_W).map(|i| layout.lattice.cell_at(i, j)));
    }
    let mut pool: Vec<(usize, usize)> = (0..names::BU_FIRST.len())
        .flat_map(|a| (0..names::BU_SECOND.len()).map(move |b| (a, b)))
        .collect();
    rng.shuffle(&mut pool);
    let mut used = BTreeSet::new();
    let gemeente = layout.gemeenten.len();
    layout.gemeenten.push(Gemeente {
        code: format!("GM{gm}"),
        name,
        wijken: Vec::new(),
    });
    let mut rest = &cells[..];
    let mut names_left = pool.into_iter();
    let mut w = 0;
    while !rest.is_empty() {
        let take = (3 + rng.below(5)).min(rest.len());
        let (chunk, tail) = rest.split_at(take);
        rest = tail;
        let wijk = layout.wijken.len();
        layout.wijken.push(Wijk {
            code: format!("WK{gm}{w:02}"),
            name: format!(
                "Wijk {w:02} {}",
                names::NATIONAL_WIJKEN[w % names::NATIONAL_WIJKEN.len()]
            ),
            gemeente,
            buurten: Vec::new(),
        });
        for (n, &cell) in chunk.iter().enumerate() {
            let anchor = layout.lattice.cell_centre(cell);
            let urbanity = urbanity(cities, anchor);
            let kind = national_kind(urbanity, rng);
            let (a, b) = names_left.next().unwrap_or((0, 0));
            let base = match kind {
                Kind::Lake => names::LAKES[rng.below(names::LAKES.len())].to_string(),
                Kind::Small => format!("Buitengebied {}", names::DIRECTIONS[rng.below(8)]),
                _ => format!("{}{}", names::BU_FIRST[a], names::BU_SECOND[b]),
            };
            layout.buurten.push(Buurt {
                code: format!("BU{gm}{w:02}{:02}", n + 1),
                name: names::unique(&base, &mut used),
                wijk,
                kind,
                cells: vec![cell],
                anchor,
                urbanity,
            });
        }
        w += 1;
    }
}

/// A few lakes and hamlets in the countryside, as in the real map.
fn national_kind(urbanity: f64, rng: &mut Rng) -> Kind {
    let draw = rng.unit();
    if urbanity < 0.2 && draw < 0.012 {
        Kind::Lake
    } else if urbanity < 0.15 && draw < 0.04 {
        Kind::Small
    } else {
        Kind::Regular
    }
}
