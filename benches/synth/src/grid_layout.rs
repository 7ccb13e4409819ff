//! Country-sized layouts for benchmarks: one buurt per lattice cell,
//! gemeenten as blocks of cells, in Rijksdriehoek metres. The national set
//! and the much finer blocks set differ only in their [`Grid`].

use std::collections::BTreeSet;

use super::lattice::{Frame, Lattice, Style};
use super::layout::{Buurt, Gemeente, Kind, Layout, Wijk};
use super::names;
use super::rng::Rng;

/// The shape of a country-sized layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Grid {
    /// Lattice cells (= buurten) across and up.
    pub nx: usize,
    pub ny: usize,
    /// Gemeente blocks of `gm_w` by `gm_h` cells; they must tile the lattice.
    pub gm_w: usize,
    pub gm_h: usize,
    /// Code number of the first gemeente; codes are GM plus four digits.
    pub first_gm: usize,
    pub cities: usize,
    /// Range of city radii, in cells.
    pub city_radius: (f64, f64),
    /// Inclusive range of intermediate points per lattice edge.
    pub points: (usize, usize),
    /// See [`Layout::density`]; smaller cells need denser people for
    /// buurten of a few hundred inhabitants or more.
    pub density: [f64; 2],
    /// Schools relative to the national set's ~7,000, in proportion to the
    /// number of buurten.
    pub schools: f64,
}

/// ~15,000 buurten of about 2.2 by 2.5 km with ~200 vertices each, in
/// 20 x 18 = 360 gemeenten of 6 by 7 cells.
pub(crate) const NATIONAL: Grid = Grid {
    nx: 120,
    ny: 126,
    gm_w: 6,
    gm_h: 7,
    first_gm: 9000,
    cities: 70,
    city_radius: (1.0, 4.0),
    points: (35, 63),
    density: [120.0, 2_200.0],
    schools: 1.0,
};

/// 250,000 small areas of about 530 by 630 m (the count of US block
/// groups) with ~50 vertices each, in 50 x 50 = 2,500 gemeenten of 10 by
/// 10 cells; cities as large in metres as in the national set, and about
/// 116,000 schools.
pub(crate) const BLOCKS: Grid = Grid {
    nx: 500,
    ny: 500,
    gm_w: 10,
    gm_h: 10,
    first_gm: 1,
    cities: 70,
    city_radius: (4.0, 17.0),
    points: (10, 14),
    density: [1_800.0, 7_000.0],
    schools: 16.5,
};

impl Grid {
    fn blocks_across(&self) -> usize {
        self.nx / self.gm_w
    }

    pub(crate) fn gemeenten(&self) -> usize {
        self.blocks_across() * (self.ny / self.gm_h)
    }
}

/// More than the largest outward excursion of a border (jitter 0.15 plus
/// wiggle about 0.07 cells).
const INSET: f64 = 0.3;
const LAYOUT_SALT: u64 = 0x6e61_7469;

pub(crate) fn layout(grid: &Grid, seed: u64) -> Layout {
    let lattice = Lattice::new(grid.nx, grid.ny, frame(grid), style(grid), seed);
    let mut rng = Rng::stream(seed, LAYOUT_SALT, 0);
    let cities = cities(grid, &mut rng);
    let gm_names = gemeente_names(grid.gemeenten(), &mut rng);
    let mut layout = Layout {
        lattice,
        labels: Vec::new(),
        gemeenten: Vec::new(),
        wijken: Vec::new(),
        buurten: Vec::new(),
        density: grid.density,
    };
    for (g, name) in gm_names.into_iter().enumerate() {
        add_gemeente(&mut layout, grid, g, name, &cities, &mut rng);
    }
    layout.index();
    layout
}

/// RD x 13,000-278,000 and y 306,000-619,000 in whole metres (for the
/// national grid, cells of about 2.2 by 2.5 km, roughly the size of a rural
/// Dutch buurt). The lattice is inset by INSET cells on every side so that
/// jittered border nodes and wiggles stay inside that box.
fn frame(grid: &Grid) -> Frame {
    let span = |lo: f64, hi: f64, n: usize| {
        let step = (hi - lo) / (n as f64 + 2.0 * INSET);
        (lo + INSET * step, step)
    };
    let (x0, dx) = span(13_000.0, 278_000.0, grid.nx);
    let (y0, dy) = span(306_000.0, 619_000.0, grid.ny);
    Frame {
        origin: [x0, y0],
        step: [dx, dy],
        decimals: 0,
        km_per_unit: [0.001, 0.001],
    }
}

/// Four edges of `points` intermediate points each, plus the nodes.
fn style(grid: &Grid) -> Style {
    Style {
        jitter: 0.15,
        wiggle: 0.05,
        points: grid.points,
    }
}

/// City centres: (x, y, radius in cells, weight).
fn cities(grid: &Grid, rng: &mut Rng) -> Vec<[f64; 4]> {
    (0..grid.cities)
        .map(|_| {
            [
                rng.range(0.0, grid.nx as f64),
                rng.range(0.0, grid.ny as f64),
                rng.range(grid.city_radius.0, grid.city_radius.1),
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

/// `count` different names: prefix and suffix, and when those run out
/// also with a river or sea behind them, as in "Alphen aan den Rijn".
fn gemeente_names(count: usize, rng: &mut Rng) -> Vec<String> {
    let plain = names::GM_PREFIX
        .iter()
        .flat_map(|p| names::GM_SUFFIX.iter().map(move |s| format!("{p}{s}")));
    let mut all: Vec<String> = plain.clone().collect();
    if count > all.len() {
        all.extend(
            names::GM_QUALIFIER
                .iter()
                .flat_map(|q| plain.clone().map(move |n| format!("{n} {q}"))),
        );
    }
    rng.shuffle(&mut all);
    let mut used = BTreeSet::new();
    (0..count)
        .map(|g| names::unique(&all[g % all.len()], &mut used))
        .collect()
}

/// One gemeente block: wijken are runs of 3-7 cells in reading order.
fn add_gemeente(
    layout: &mut Layout,
    grid: &Grid,
    g: usize,
    name: String,
    cities: &[[f64; 4]],
    rng: &mut Rng,
) {
    let (bi, bj) = (g % grid.blocks_across(), g / grid.blocks_across());
    let gm = grid.first_gm + g;
    let (w_cells, h_cells) = (grid.gm_w, grid.gm_h);
    let mut cells: Vec<usize> = Vec::with_capacity(w_cells * h_cells);
    for j in (bj * h_cells..(bj + 1) * h_cells).rev() {
        cells.extend((bi * w_cells..(bi + 1) * w_cells).map(|i| layout.lattice.cell_at(i, j)));
    }
    let mut pool: Vec<(usize, usize)> = (0..names::BU_FIRST.len())
        .flat_map(|a| (0..names::BU_SECOND.len()).map(move |b| (a, b)))
        .collect();
    rng.shuffle(&mut pool);
    let mut used = BTreeSet::new();
    let gemeente = layout.gemeenten.len();
    layout.gemeenten.push(Gemeente {
        code: format!("GM{gm:04}"),
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
            code: format!("WK{gm:04}{w:02}"),
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
                code: format!("BU{gm:04}{w:02}{:02}", n + 1),
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
