//! School locations in the style of the DUO-derived GeoJSON.

use anyhow::{bail, Result};

use super::figures::Truth;
use super::geom::{boundary_distance, in_multipolygon, to_f, MultiPolygon, Pt};
use super::lattice::NO_REGION;
use super::layout::{Kind, Layout};
use super::rng::Rng;
use super::school_words::{DENOMINATIES, SCHOOL_NAMES, STREETS};
use super::Scale;

const SCHOOL_SALT: u64 = 0x7363_686f;
/// Keep points this far from any border so "strictly inside" survives
/// coordinate rounding and generalisation.
const MARGIN_KM: f64 = 0.02;
const PLACE_TRIES: usize = 500;

#[derive(Debug, Clone)]
pub(crate) struct School {
    pub naam: String,
    pub kind: &'static str,
    pub denominatie: &'static str,
    pub straat: String,
    pub huisnummer: u32,
    pub postcode: String,
    pub plaats: String,
    pub gemeente: String,
    pub brin: String,
    pub vestiging: String,
    pub pos: Pt,
    /// The buurt whose polygon holds the point; None just over the border.
    pub buurt: Option<usize>,
}

/// Basisschool and special primary (SBAO) count as primary, as in the
/// eligibility rules; SO and secondary schools do not.
pub(crate) fn is_primary(kind: &str) -> bool {
    kind == "basisschool" || kind == "SBAO"
}

struct Slot {
    kind: &'static str,
    buurt: Option<usize>,
}

pub(crate) fn place(
    layout: &Layout,
    shapes: &[Option<MultiPolygon>],
    truths: &[Truth],
    scale: Scale,
    seed: u64,
) -> Result<Vec<School>> {
    let mut rng = Rng::stream(seed, SCHOOL_SALT, 0);
    let mut slots = match scale.grid() {
        None => sample_slots(layout, truths, &mut rng)?,
        Some(grid) => grid_slots(layout, truths, grid.schools, &mut rng),
    };
    rng.shuffle(&mut slots);
    let f = layout.lattice.frame;
    let margin = MARGIN_KM / f.km_per_unit[0].min(f.km_per_unit[1]);
    let mut names = SCHOOL_NAMES.to_vec();
    rng.shuffle(&mut names);
    let mut schools = Vec::with_capacity(slots.len());
    for (k, slot) in slots.iter().enumerate() {
        let pos = match slot.buurt {
            Some(b) => point_in_buurt(layout, b, shapes, margin, &mut rng)?,
            None => point_outside(layout, shapes, margin, &mut rng)?,
        };
        schools.push(describe(
            layout,
            slot,
            pos,
            k,
            names[k % names.len()],
            &mut rng,
        ));
    }
    Ok(schools)
}

/// 35 primary schools: seven buurten get 3-4 (four of them among the
/// neediest, three not), ten more get 1-2, one lies just outside the
/// municipality; plus one SO and four secondary schools.
fn sample_slots(layout: &Layout, truths: &[Truth], rng: &mut Rng) -> Result<Vec<Slot>> {
    let mut candidates: Vec<usize> = (0..layout.buurten.len())
        .filter(|&b| layout.buurten[b].kind == Kind::Regular && truths[b].inhabitants >= 800.0)
        .collect();
    if candidates.len() < 30 {
        bail!(
            "too few populous buurten ({}) to place schools",
            candidates.len()
        );
    }
    candidates.sort_by(|&a, &b| truths[b].need.total_cmp(&truths[a].need));
    let (needy, rest) = candidates.split_at(12);
    let mut clusters = rng.sample(needy, 4);
    clusters.extend(rng.sample(rest, 3));
    let others: Vec<usize> = (0..layout.buurten.len())
        .filter(|b| {
            let kind = layout.buurten[*b].kind;
            matches!(kind, Kind::Regular | Kind::Holed | Kind::Split) && !clusters.contains(b)
        })
        .collect();
    let mut slots = Vec::new();
    for (k, &b) in clusters.iter().enumerate() {
        let n = if k == 0 { 4 } else { 3 };
        slots.extend((0..n).map(|_| Slot {
            kind: "basisschool",
            buurt: Some(b),
        }));
    }
    for (k, &b) in rng.sample(&others, 10).iter().enumerate() {
        let n = if k < 2 { 2 } else { 1 };
        slots.extend((0..n).map(|_| Slot {
            kind: "basisschool",
            buurt: Some(b),
        }));
    }
    // One special primary school inside a cluster, one elsewhere.
    slots[1].kind = "SBAO";
    slots[26].kind = "SBAO";
    slots.push(Slot {
        kind: "basisschool",
        buurt: None,
    });
    for kind in [
        "SO",
        "VBO/MAVO",
        "HAVO/VWO",
        "VBO/MAVO/HAVO/VWO",
        "VBO/MAVO",
    ] {
        slots.push(Slot {
            kind,
            buurt: Some(others[rng.below(others.len())]),
        });
    }
    Ok(slots)
}

/// About 7,000 schools of all kinds times `factor`, in proportion to
/// inhabitants.
fn grid_slots(layout: &Layout, truths: &[Truth], factor: f64, rng: &mut Rng) -> Vec<Slot> {
    const MIX: [(&str, usize); 7] = [
        ("basisschool", 5950),
        ("SBAO", 280),
        ("SO", 170),
        ("VBO/MAVO", 200),
        ("HAVO/VWO", 150),
        ("VBO/MAVO/HAVO/VWO", 200),
        ("PRO", 50),
    ];
    let mut cumulative = Vec::with_capacity(truths.len());
    let mut total = 0.0;
    for (b, t) in truths.iter().enumerate() {
        if layout.buurten[b].kind.has_shape() {
            total += t.inhabitants;
        }
        cumulative.push(total);
    }
    let mut slots = Vec::new();
    for (kind, n) in MIX {
        for _ in 0..(n as f64 * factor).round() as usize {
            let x = rng.unit() * total;
            let b = cumulative
                .partition_point(|&c| c <= x)
                .min(truths.len() - 1);
            slots.push(Slot {
                kind,
                buurt: Some(b),
            });
        }
    }
    slots
}

/// A point well inside the buurt's polygon (not in a hole, not near a
/// border), found by sampling the middle of its cells.
fn point_in_buurt(
    layout: &Layout,
    b: usize,
    shapes: &[Option<MultiPolygon>],
    margin: f64,
    rng: &mut Rng,
) -> Result<Pt> {
    let buurt = &layout.buurten[b];
    let Some(shape) = shapes[b].as_ref().filter(|_| !buurt.cells.is_empty()) else {
        bail!("buurt {} has no shape to put a school in", buurt.code);
    };
    for _ in 0..PLACE_TRIES {
        let cell = buurt.cells[rng.below(buurt.cells.len())];
        let p = snap(
            layout
                .lattice
                .cell_point(cell, rng.range(0.25, 0.75), rng.range(0.25, 0.75)),
        );
        let q = to_f(p);
        if in_multipolygon(q, shape) && boundary_distance(q, shape) > margin {
            return Ok(p);
        }
    }
    bail!("could not place a school inside {}", buurt.code)
}

/// A point in an unassigned cell next to the map: just across the border.
fn point_outside(
    layout: &Layout,
    shapes: &[Option<MultiPolygon>],
    margin: f64,
    rng: &mut Rng,
) -> Result<Pt> {
    let lattice = &layout.lattice;
    let rim: Vec<usize> = (0..lattice.cells())
        .filter(|&c| {
            layout.labels[c] == NO_REGION
                && lattice.neighbours(c).any(|n| layout.labels[n] != NO_REGION)
        })
        .collect();
    if rim.is_empty() {
        bail!("the map has no outside to put a school in");
    }
    for _ in 0..PLACE_TRIES {
        let cell = rim[rng.below(rim.len())];
        let p = snap(lattice.cell_point(cell, rng.range(0.35, 0.65), rng.range(0.35, 0.65)));
        let q = to_f(p);
        let clear = shapes
            .iter()
            .flatten()
            .all(|s| !in_multipolygon(q, s) && boundary_distance(q, s) > margin);
        if clear {
            return Ok(p);
        }
    }
    bail!("could not place a school outside the map")
}

fn snap(world: [f64; 2]) -> Pt {
    [world[0].round() as i64, world[1].round() as i64]
}

/// Name, address and codes of one school.
fn describe(layout: &Layout, slot: &Slot, pos: Pt, k: usize, name: &str, rng: &mut Rng) -> School {
    // The school over the border is still registered at a Denkerveen
    // address: a geocoding slip, as seen in real DUO extracts.
    let g = slot
        .buurt
        .map_or(0, |b| layout.wijken[layout.buurten[b].wijk].gemeente);
    let place = layout.gemeenten[g].name.clone();
    let denominatie = DENOMINATIES[rng.below(DENOMINATIES.len())];
    let naam = match slot.kind {
        "basisschool" => format!("{} {name}", prefix(denominatie)),
        "SBAO" => format!("SBO {name}"),
        "SO" => format!("SO {name}"),
        "HAVO/VWO" => format!("Lyceum {place}"),
        "PRO" => format!("Praktijkschool {place}"),
        "VBO/MAVO" => format!("{place} College vmbo"),
        _ => format!("Scholengemeenschap {place}"),
    };
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    // Two digits and two letters make 67,600 BRIN numbers; beyond that (the
    // blocks set) the vestiging number tells schools apart.
    let brin = format!("{:02}{}{}", 99 - k % 100, letter(k / 100), letter(k / 2600));
    let vestiging = format!("{brin}{:02}", k / 67_600);
    // Denkerveen (gemeente 0) gets 947x; others count down, staying 4 digits.
    let postcode_base = 9470 - (g * 24) % 8400;
    School {
        naam,
        kind: slot.kind,
        denominatie: if is_primary(slot.kind) {
            denominatie
        } else {
            "Bijzonder"
        },
        straat: STREETS[rng.below(STREETS.len())].to_string(),
        huisnummer: 1 + rng.below(160) as u32,
        postcode: format!(
            "{}{}{}",
            postcode_base + rng.below(24),
            letter(rng.below(26)),
            letter(rng.below(26))
        ),
        plaats: place.clone(),
        gemeente: place.to_uppercase(),
        vestiging,
        brin,
        pos,
        buurt: slot.buurt,
    }
}

fn prefix(denominatie: &str) -> &'static str {
    match denominatie {
        "Openbaar" => "OBS",
        "Protestants-Christelijk" => "CBS",
        "Rooms-Katholiek" => "RKBS",
        "Islamitisch" => "IBS",
        "Antroposofisch" => "Vrije School",
        "Algemeen bijzonder" => "Daltonschool",
        _ => "Kindcentrum",
    }
}
