//! The true (unrounded, unsuppressed) figures of every buurt. All social
//! indicators hang off one spatially smooth latent "need" plus noise, so they
//! correlate the way real deprivation indicators do.

use super::layout::{Kind, Layout};
use super::rng::Rng;

const NEED_SALT: u64 = 0x6e65_6564;
const FIG_SALT: u64 = 0x6669_6773;
/// Soft ceiling on inhabitants: real buurten rarely exceed ~4,000.
const CAP: f64 = 4200.0;
/// Twice an exponent (-750) at which exp is 0.0 in f64.
const UNDERFLOW: f64 = 1500.0;

#[derive(Debug, Clone, Default)]
pub(crate) struct Truth {
    /// Standardised latent need (mean 0, sd about 1).
    pub need: f64,
    pub inhabitants: f64,
    pub age_0_15: f64,
    pub divorced: f64,
    pub households: f64,
    pub hh_kids: f64,
    pub dwellings: f64,
    /// Mean WOZ value, 1,000 euro.
    pub woz: f64,
    pub social_rent_pct: f64,
    pub low_income_pct: f64,
    /// Households on or around the social minimum, %.
    pub social_minimum_pct: f64,
    pub bijstand: f64,
    /// Young people the youth-care percentage is based on.
    pub youth: f64,
    pub youth_care_pct: f64,
    pub wmo_per_1000: f64,
    pub low_education: f64,
    pub disability_benefit: f64,
    pub kids_4_12: f64,
    pub child_protection: f64,
    pub debt_help: f64,
    /// Mean distance to the nearest primary school, km (set with schools).
    pub school_km: f64,
    /// Mean number of primary schools within 3 km (set with schools).
    pub schools_3km: f64,
}

pub(crate) fn truths(layout: &Layout, seed: u64) -> Vec<Truth> {
    let need = need(layout, seed);
    let f = layout.lattice.frame;
    let cell_km2 = f.step[0] * f.km_per_unit[0] * f.step[1] * f.km_per_unit[1];
    layout
        .buurten
        .iter()
        .enumerate()
        .map(|(b, buurt)| {
            let mut rng = Rng::stream(seed, FIG_SALT, b as u64);
            let area = buurt.cells.len() as f64 * cell_km2;
            let inh = inhabitants(buurt.kind, area, buurt.urbanity, layout.density, &mut rng);
            // Hamlets get a handful of children, so their microdata cells
            // fall below the disclosure threshold.
            let hamlet = matches!(buurt.kind, Kind::Small | Kind::Island);
            let kids = hamlet.then(|| rng.between(3, 9) as f64);
            let mut t = if inh > 0.0 {
                populated(inh, need[b], buurt.urbanity, kids, &mut rng)
            } else {
                Truth {
                    need: need[b],
                    ..Truth::default()
                }
            };
            if buurt.kind == Kind::Island {
                institution(&mut t, &mut rng);
            }
            t
        })
        .collect()
}

/// Sum of random Gaussian bumps over the lattice, sampled at each buurt and
/// standardised, plus a little buurt-level noise.
fn need(layout: &Layout, seed: u64) -> Vec<f64> {
    let mut rng = Rng::stream(seed, NEED_SALT, 0);
    let (nx, ny) = (layout.lattice.nx as f64, layout.lattice.ny as f64);
    let bumps: Vec<[f64; 4]> = (0..3 + layout.lattice.cells() / 40)
        .map(|_| {
            [
                rng.range(0.0, nx),
                rng.range(0.0, ny),
                rng.range(2.5, 5.0),
                rng.range(-1.0, 1.0),
            ]
        })
        .collect();
    let field: Vec<f64> = layout
        .buurten
        .iter()
        .map(|b| {
            bumps
                .iter()
                .map(|k| {
                    let d2 = (b.anchor[0] - k[0]).powi(2) + (b.anchor[1] - k[1]).powi(2);
                    // exp underflows to exactly 0 below -745: skipping the
                    // call changes no bit, and on the 250,000-cell lattice
                    // most bumps are that far from most buurten.
                    if d2 > UNDERFLOW * k[2] * k[2] {
                        0.0
                    } else {
                        k[3] * (-d2 / (2.0 * k[2] * k[2])).exp()
                    }
                })
                .sum::<f64>()
        })
        .collect();
    let n = field.len().max(1) as f64;
    let mean = field.iter().sum::<f64>() / n;
    let sd = (field.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n)
        .sqrt()
        .max(1e-9);
    field
        .iter()
        .map(|v| (v - mean) / sd + 0.35 * rng.normal())
        .collect()
}

fn inhabitants(kind: Kind, area_km2: f64, urbanity: f64, density: [f64; 2], rng: &mut Rng) -> f64 {
    match kind {
        Kind::Lake => 0.0,
        Kind::Small | Kind::Island => rng.between(40, 150) as f64,
        Kind::Unmapped => rng.between(350, 700) as f64,
        Kind::Retired => rng.between(200, 400) as f64,
        Kind::Regular | Kind::Holed | Kind::Split => {
            let per_km2 = density[0] + density[1] * urbanity.powf(1.3);
            let raw = area_km2 * per_km2 * (0.25 * rng.normal()).exp();
            (CAP * (raw / CAP).tanh()).round().max(150.0)
        }
    }
}

/// Figures of an inhabited buurt from its size, need `z` and urbanity `u`;
/// `kids` overrides the number of children aged 4-12.
fn populated(inh: f64, z: f64, u: f64, kids: Option<f64>, rng: &mut Rng) -> Truth {
    let mut n = || rng.normal();
    let hh_size = (1.75 + 0.75 * (1.0 - u) - 0.1 * z + 0.1 * n()).clamp(1.4, 3.0);
    let households = inh / hh_size;
    let young_share = (0.12 + 0.06 * (1.0 - u) + 0.015 * z + 0.015 * n()).clamp(0.04, 0.28);
    let low_income_pct = (9.0 + 4.5 * z + 1.5 * n()).clamp(1.0, 35.0);
    let kids_4_12 = kids.unwrap_or(
        (inh * young_share * 0.6 * (1.0 + 0.08 * n()))
            .round()
            .max(0.0),
    );
    let protection_p = (0.03 + 0.02 * z + 0.006 * n()).clamp(0.003, 0.12);
    let debt_p = (0.06 + 0.035 * z + 0.01 * n()).clamp(0.005, 0.3);
    Truth {
        need: z,
        inhabitants: inh,
        age_0_15: inh * young_share,
        divorced: inh * (0.06 + 0.018 * z + 0.01 * n()).clamp(0.01, 0.15),
        households,
        hh_kids: households * (0.2 + 0.17 * (1.0 - u) + 0.03 * n()).clamp(0.05, 0.55),
        dwellings: households * 1.04,
        woz: (360.0 - 75.0 * z + 60.0 * (1.0 - u) + 30.0 * n()).clamp(130.0, 950.0),
        social_rent_pct: (24.0 + 14.0 * z + 10.0 * u + 7.0 * n()).clamp(0.0, 88.0),
        low_income_pct,
        social_minimum_pct: (0.85 * low_income_pct + n()).clamp(0.5, 30.0),
        bijstand: inh * (0.022 + 0.017 * z + 0.004 * n()).clamp(0.001, 0.11),
        youth: inh * young_share * 1.45,
        youth_care_pct: (10.5 + 3.2 * z + 1.8 * n()).clamp(1.5, 26.0),
        wmo_per_1000: (60.0 + 20.0 * z + 15.0 * u + 9.0 * n()).clamp(8.0, 160.0),
        low_education: inh * 0.72 * (0.24 + 0.085 * z + 0.03 * n()).clamp(0.04, 0.6),
        disability_benefit: inh * (0.045 + 0.016 * z + 0.005 * n()).clamp(0.005, 0.12),
        kids_4_12,
        child_protection: binomial_ish(kids_4_12, protection_p, n()),
        debt_help: binomial_ish(kids_4_12, debt_p, n()),
        school_km: 0.0,
        schools_3km: 0.0,
    }
}

/// The castle island is mostly a care home: its residents are not private
/// households, so only a handful of dwellings remain - too few for a
/// published WOZ value.
fn institution(t: &mut Truth, rng: &mut Rng) {
    let households = rng.between(8, 17) as f64;
    let share = households / t.households.max(1.0);
    t.households = households;
    t.hh_kids *= share;
    t.dwellings = households * 1.04;
}

/// A whole count near n*p with binomial spread, from one normal draw.
fn binomial_ish(n: f64, p: f64, normal: f64) -> f64 {
    (n * p + (n * p * (1.0 - p)).sqrt() * normal)
        .round()
        .clamp(0.0, n)
}
