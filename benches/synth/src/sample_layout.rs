//! The fictional municipality Denkerveen (GM9999): about 100 buurten in 10
//! wijken east of Utrecht's latitude band, with one buurt of every awkward
//! shape the real map has.

use std::collections::BTreeSet;
use std::f64::consts::TAU;

use anyhow::{bail, Result};

use super::grow::{components, grow, spread_seeds};
use super::lattice::{Frame, Lattice, Style};
use super::layout::{Buurt, Gemeente, Kind, Layout, Wijk};
use super::names;
use super::rng::Rng;

pub(crate) const GEMEENTE_CODE: &str = "GM9999";
pub(crate) const GEMEENTE_NAME: &str = "Denkerveen";
/// The code a merged buurt had before; only the statistics still carry it.
pub(crate) const RETIRED_CODE: &str = "BU99990999";

const NX: usize = 30;
const NY: usize = 24;
/// Lattice position of the town centre (also the half-extent of the map).
const CENTRE: [f64; 2] = [15.0, 12.0];
const WIJKEN: usize = 10;
/// Grown buurten; with the five special ones on the map this makes 99.
const REGULAR: usize = 94;
/// Regular buurten turned into hamlets with very few inhabitants.
const SMALL: usize = 3;
const LAYOUT_SALT: u64 = 0x6c61_796f;

struct Special {
    kind: Kind,
    name: &'static str,
    cells: Vec<(usize, usize)>,
}

pub(crate) fn layout(seed: u64) -> Result<Layout> {
    let lattice = Lattice::new(NX, NY, frame(), style(), seed);
    let mut rng = Rng::stream(seed, LAYOUT_SALT, 0);
    let mask = municipality_mask(&lattice, &mut rng);
    let groups = special_groups();
    let mut special = vec![false; lattice.cells()];
    for s in groups.iter().flatten() {
        for &(i, j) in &s.cells {
            let c = lattice.cell_at(i, j);
            if !mask[c] {
                bail!("special buurt {} falls outside the municipality", s.name);
            }
            special[c] = true;
        }
    }
    let seeds = wijk_seeds(&lattice, &mask, &special, &mut rng)?;
    let mut wijk_of = grow(&lattice, &mask, &seeds, rng.next_u64());
    let mut buurten = Vec::new();
    for group in &groups {
        // A special group stays in one wijk, even where the wijk border
        // would have cut through it.
        let (i, j) = group[0].cells[0];
        let wijk = wijk_of[lattice.cell_at(i, j)];
        for s in group {
            let cells: Vec<usize> = s
                .cells
                .iter()
                .map(|&(i, j)| lattice.cell_at(i, j))
                .collect();
            for &c in &cells {
                wijk_of[c] = wijk;
            }
            buurten.push(new_buurt(&lattice, wijk as usize, s.kind, cells, s.name));
        }
    }
    let lake_wijk = buurten
        .iter()
        .find(|b| b.kind == Kind::Lake)
        .map_or(0, |b| b.wijk);
    for (wijk, cells) in grow_regular(&lattice, &mask, &special, &wijk_of, &mut rng)? {
        buurten.push(new_buurt(&lattice, wijk, Kind::Regular, cells, ""));
    }
    mark_small(&mut buurten);
    name_regular(&mut buurten, &mut rng);
    buurten.push(pointlike(
        lake_wijk,
        Kind::Unmapped,
        [8.5, 11.2],
        "Nieuwe Weide",
    ));
    buurten.push(pointlike(
        WIJKEN - 1,
        Kind::Retired,
        [CENTRE[0] + 0.5, CENTRE[1] + 0.5],
        "Oude Kern (vervallen)",
    ));
    number(&mut buurten);
    let mut layout = Layout {
        lattice,
        labels: Vec::new(),
        gemeenten: vec![Gemeente {
            code: GEMEENTE_CODE.to_string(),
            name: GEMEENTE_NAME.to_string(),
            wijken: Vec::new(),
        }],
        wijken: (0..WIJKEN)
            .map(|w| Wijk {
                code: format!("WK9999{w:02}"),
                name: names::SAMPLE_WIJKEN[w].to_string(),
                gemeente: 0,
                buurten: Vec::new(),
            })
            .collect(),
        buurten,
        density: [100.0, 14_000.0],
    };
    layout.index();
    Ok(layout)
}

/// Lon 5.70-5.85, lat 52.00-52.08 in micro-degrees: cells of about 340 m by
/// 370 m.
fn frame() -> Frame {
    let km_per_deg_lon = 111.32 * 52.04_f64.to_radians().cos();
    Frame {
        origin: [5_700_000.0, 52_000_000.0],
        step: [150_000.0 / NX as f64, 80_000.0 / NY as f64],
        decimals: 6,
        km_per_unit: [km_per_deg_lon * 1e-6, 111.2 * 1e-6],
    }
}

fn style() -> Style {
    Style {
        jitter: 0.15,
        wiggle: 0.05,
        points: (2, 4),
    }
}

/// Normalised distance from the centre (1 = the lattice edge) and angle.
fn polar(p: [f64; 2]) -> (f64, f64) {
    let dx = (p[0] - CENTRE[0]) / CENTRE[0];
    let dy = (p[1] - CENTRE[1]) / CENTRE[1];
    (dx.hypot(dy), dy.atan2(dx))
}

fn urbanity(p: [f64; 2]) -> f64 {
    (1.0 - polar(p).0 / 0.9).clamp(0.0, 1.0)
}

/// A lobed blob: the municipality's cells. Kept to one piece without
/// enclosed gaps, so its outline is a single ring.
fn municipality_mask(lattice: &Lattice, rng: &mut Rng) -> Vec<bool> {
    let (p1, p2) = (rng.range(0.0, TAU), rng.range(0.0, TAU));
    let raw: Vec<bool> = (0..lattice.cells())
        .map(|c| {
            let (r, th) = polar(lattice.cell_centre(c));
            r < 0.84 + 0.06 * (3.0 * th + p1).sin() + 0.04 * (5.0 * th + p2).sin()
        })
        .collect();
    let centre = lattice.cell_at(CENTRE[0] as usize, CENTRE[1] as usize);
    let mut mask = vec![false; lattice.cells()];
    for comp in components(lattice, &raw) {
        if comp.binary_search(&centre).is_ok() {
            comp.iter().for_each(|&c| mask[c] = true);
        }
    }
    let outside: Vec<bool> = mask.iter().map(|m| !m).collect();
    let mut filled = vec![true; lattice.cells()];
    for comp in components(lattice, &outside) {
        let reaches_edge = comp.iter().any(|&c| {
            let (i, j) = lattice.cell_ij(c);
            i == 0 || j == 0 || i + 1 == lattice.nx || j + 1 == lattice.ny
        });
        if reaches_edge {
            comp.iter().for_each(|&c| filled[c] = false);
        }
    }
    filled
}

/// Hand-placed buurten with geometric quirks, in groups that share a wijk:
/// a park with a castle island in its middle, and a lake that splits the
/// polder buurt around it in two.
fn special_groups() -> [Vec<Special>; 2] {
    let block = |i0: usize, i1: usize, j0: usize, j1: usize| -> Vec<(usize, usize)> {
        (j0..=j1)
            .flat_map(|j| (i0..=i1).map(move |i| (i, j)))
            .collect()
    };
    let island = (20, 14);
    let park: Vec<(usize, usize)> = block(19, 21, 13, 15)
        .into_iter()
        .filter(|&c| c != island)
        .collect();
    [
        vec![
            Special {
                kind: Kind::Holed,
                name: "Slotpark",
                cells: park,
            },
            Special {
                kind: Kind::Island,
                name: "Het Slot",
                cells: vec![island],
            },
        ],
        vec![
            Special {
                kind: Kind::Lake,
                name: "Veenplas",
                cells: block(7, 9, 12, 15),
            },
            Special {
                kind: Kind::Split,
                name: "Veenpolder",
                cells: vec![(6, 13), (6, 14), (10, 13), (10, 14)],
            },
        ],
    ]
}

/// Wijk 00 starts in the centre with a handicap (so it stays compact); the
/// other nine sit on a ring around it.
fn wijk_seeds(
    lattice: &Lattice,
    mask: &[bool],
    special: &[bool],
    rng: &mut Rng,
) -> Result<Vec<(usize, u32)>> {
    let mut seeds = vec![(lattice.cell_at(CENTRE[0] as usize, CENTRE[1] as usize), 300)];
    let phase = rng.range(0.0, TAU);
    for k in 1..WIJKEN {
        let theta = phase + TAU * k as f64 / (WIJKEN - 1) as f64 + rng.range(-0.12, 0.12);
        let mut rho = 0.55 + rng.range(-0.05, 0.05);
        let cell = loop {
            let x = CENTRE[0] * (1.0 + rho * theta.cos());
            let y = CENTRE[1] * (1.0 + rho * theta.sin());
            let c = lattice.cell_at(x as usize, y as usize);
            if mask[c] && !special[c] && seeds.iter().all(|s| s.0 != c) {
                break c;
            }
            rho -= 0.03;
            if rho < 0.15 {
                bail!("no room for the seed of wijk {k}");
            }
        };
        seeds.push((cell, 0));
    }
    Ok(seeds)
}

fn cell_weight(lattice: &Lattice, cell: usize) -> f64 {
    0.5 + 3.0 * urbanity(lattice.cell_centre(cell)).powi(2)
}

/// Grows the regular buurten inside each wijk's free cells, more and
/// smaller ones towards the centre.
fn grow_regular(
    lattice: &Lattice,
    mask: &[bool],
    special: &[bool],
    wijk_of: &[u32],
    rng: &mut Rng,
) -> Result<Vec<(usize, Vec<usize>)>> {
    let mut comps = Vec::new();
    for w in 0..WIJKEN {
        let member: Vec<bool> = (0..lattice.cells())
            .map(|c| mask[c] && !special[c] && wijk_of[c] == w as u32)
            .collect();
        comps.extend(
            components(lattice, &member)
                .into_iter()
                .map(|comp| (w, comp)),
        );
    }
    let weight = |c: usize| cell_weight(lattice, c);
    let totals: Vec<f64> = comps
        .iter()
        .map(|(_, cells)| cells.iter().map(|&c| weight(c)).sum())
        .collect();
    let sizes: Vec<usize> = comps.iter().map(|(_, cells)| cells.len()).collect();
    let counts = allocate(&totals, &sizes, REGULAR)?;
    let mut out = Vec::new();
    for ((w, cells), k) in comps.iter().zip(counts) {
        let seeds: Vec<(usize, u32)> = spread_seeds(lattice, cells, &weight, k)
            .into_iter()
            .map(|s| (s, 0))
            .collect();
        let mut allowed = vec![false; lattice.cells()];
        cells.iter().for_each(|&c| allowed[c] = true);
        let owner = grow(lattice, &allowed, &seeds, rng.next_u64());
        let mut regions = vec![Vec::new(); seeds.len()];
        for &c in cells {
            if let Some(region) = regions.get_mut(owner[c] as usize) {
                region.push(c);
            }
        }
        out.extend(regions.into_iter().map(|r| (*w, r)));
    }
    Ok(out)
}

/// Splits `total` over parts in proportion to `weights` (largest
/// remainder), at least 1 and at most `caps[i]` per part.
fn allocate(weights: &[f64], caps: &[usize], total: usize) -> Result<Vec<usize>> {
    if caps.iter().sum::<usize>() < total || weights.len() > total {
        bail!("cannot split {total} buurten over {} areas", weights.len());
    }
    let sum: f64 = weights.iter().sum();
    let quota: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
    let mut n: Vec<usize> = quota
        .iter()
        .zip(caps)
        .map(|(q, &cap)| (q.floor() as usize).clamp(1, cap))
        .collect();
    loop {
        let have: usize = n.iter().sum();
        let remainder = |i: usize| quota[i] - n[i] as f64;
        let pick = if have < total {
            (0..n.len())
                .filter(|&i| n[i] < caps[i])
                .max_by(|&a, &b| remainder(a).total_cmp(&remainder(b)))
        } else if have > total {
            (0..n.len())
                .filter(|&i| n[i] > 1)
                .min_by(|&a, &b| remainder(a).total_cmp(&remainder(b)))
        } else {
            return Ok(n);
        };
        let Some(i) = pick else {
            bail!("buurt allocation did not converge");
        };
        if have < total {
            n[i] += 1;
        } else {
            n[i] -= 1;
        }
    }
}

fn new_buurt(lattice: &Lattice, wijk: usize, kind: Kind, cells: Vec<usize>, name: &str) -> Buurt {
    let urbanity = cells
        .iter()
        .map(|&c| urbanity(lattice.cell_centre(c)))
        .sum::<f64>()
        / cells.len().max(1) as f64;
    Buurt {
        code: String::new(),
        name: name.to_string(),
        wijk,
        kind,
        anchor: Layout::centroid(lattice, &cells),
        urbanity,
        cells,
    }
}

fn pointlike(wijk: usize, kind: Kind, anchor: [f64; 2], name: &str) -> Buurt {
    Buurt {
        code: String::new(),
        name: name.to_string(),
        wijk,
        kind,
        cells: Vec::new(),
        anchor,
        urbanity: urbanity(anchor),
    }
}

/// The most rural regular buurten become hamlets with a handful of people.
fn mark_small(buurten: &mut [Buurt]) {
    let mut regular: Vec<usize> = (0..buurten.len())
        .filter(|&b| buurten[b].kind == Kind::Regular)
        .collect();
    regular.sort_by(|&a, &b| buurten[a].urbanity.total_cmp(&buurten[b].urbanity));
    for &b in regular.iter().take(SMALL) {
        buurten[b].kind = Kind::Small;
    }
}

/// Urban names for the most central third, village names for the rest,
/// "Buitengebied <richting>" for the hamlets.
fn name_regular(buurten: &mut [Buurt], rng: &mut Rng) {
    let mut used: BTreeSet<String> = buurten
        .iter()
        .map(|b| b.name.clone())
        .filter(|n| !n.is_empty())
        .collect();
    let mut order: Vec<usize> = (0..buurten.len())
        .filter(|&b| buurten[b].kind == Kind::Regular)
        .collect();
    order.sort_by(|&a, &b| buurten[b].urbanity.total_cmp(&buurten[a].urbanity));
    let mut urban = names::URBAN.to_vec();
    let mut general = names::GENERAL.to_vec();
    rng.shuffle(&mut urban);
    rng.shuffle(&mut general);
    urban.truncate(order.len() / 3);
    let mut pool = urban.into_iter().chain(general);
    for b in order {
        let name = pool.next().unwrap_or("Nieuwbouw");
        buurten[b].name = names::unique(name, &mut used);
    }
    for b in buurten.iter_mut().filter(|b| b.kind == Kind::Small) {
        let start = names::direction(b.anchor[0] - CENTRE[0], b.anchor[1] - CENTRE[1]);
        let free = (0..8)
            .map(|k| format!("Buitengebied {}", names::DIRECTIONS[(start + k) % 8]))
            .find(|n| !used.contains(n))
            .unwrap_or_else(|| "Buitengebied".to_string());
        b.name = names::unique(&free, &mut used);
    }
}

/// Codes per wijk in reading order (north to south, west to east); the new
/// unmapped buurt gets the next free number, the retired one keeps 99.
fn number(buurten: &mut [Buurt]) {
    let mut order: Vec<usize> = (0..buurten.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (buurten[a].anchor, buurten[b].anchor);
        let late = |k: Kind| !k.has_shape();
        late(buurten[a].kind)
            .cmp(&late(buurten[b].kind))
            .then((-pa[1]).floor().total_cmp(&(-pb[1]).floor()))
            .then(pa[0].total_cmp(&pb[0]))
    });
    let mut next = [1usize; WIJKEN];
    for b in order {
        let w = buurten[b].wijk;
        buurten[b].code = if buurten[b].kind == Kind::Retired {
            RETIRED_CODE.to_string()
        } else {
            next[w] += 1;
            format!("BU9999{w:02}{:02}", next[w] - 1)
        };
    }
    buurten.sort_by(|a, b| a.code.cmp(&b.code));
}
