//! Turns true figures into what CBS publishes: counts randomly rounded to
//! multiples of 5, small cells suppressed, and gemeente/wijk rows that
//! aggregate their buurten.

use super::figures::Truth;
use super::layout::{Kind, Layout};
use super::rng::Rng;

const ROUND_SALT: u64 = 0x726f_756e;

/// One published cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Val {
    /// Value and number of decimals.
    Num(f64, usize),
    /// `.`: unknown, unreliable or secret.
    Secret,
    /// Empty: cannot occur (a rate of a buurt without inhabitants).
    Empty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Gemeente,
    Wijk,
    Buurt,
}

impl Level {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Level::Gemeente => "Gemeente",
            Level::Wijk => "Wijk",
            Level::Buurt => "Buurt",
        }
    }
}

/// One region row as both table files print it.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub level: Level,
    pub code: String,
    pub name: String,
    pub gemeente_name: String,
    pub inhabitants: Val,
    pub age_0_15: Val,
    pub divorced: Val,
    pub households: Val,
    pub hh_kids: Val,
    pub woz: Val,
    pub social_rent: Val,
    pub low_income: Val,
    pub bijstand: Val,
    pub youth_care_pct: Val,
    pub wmo: Val,
    pub school_km: Val,
    pub schools_3km: Val,
    pub low_education: Val,
    pub social_minimum: Val,
    pub disability_benefit: Val,
    pub youth_care_count: Val,
    /// Inhabitants as the kwb file has them (one buurt revised).
    pub kwb_inhabitants: Val,
}

/// Which buurten the tables treat differently from the map.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableQuirks {
    /// On the map but missing from both table files.
    pub left_out: Option<usize>,
    /// kwb's a_inw is 5 higher than StatLine's (a revision).
    pub revised: Option<usize>,
}

/// Published counts and weighted sums of true rates over one or more
/// buurten; a gemeente or wijk row is the sum of its buurten's.
#[derive(Debug, Clone, Default)]
struct Agg {
    inhabitants: f64,
    kwb_inhabitants: f64,
    age_0_15: f64,
    divorced: f64,
    households: f64,
    hh_kids: f64,
    bijstand: f64,
    low_education: f64,
    disability_benefit: f64,
    youth_in_care: f64,
    w_households: f64,
    low_income: f64,
    social_minimum: f64,
    w_dwellings: f64,
    woz: f64,
    social_rent: f64,
    w_youth: f64,
    youth_care: f64,
    w_inhabitants: f64,
    wmo: f64,
    school_km: f64,
    schools_3km: f64,
}

impl Agg {
    fn of_buurt(t: &Truth, revised: bool, rng: &mut Rng) -> Self {
        let mut round5 = |v: f64| random_round5(v, rng);
        let inhabitants = round5(t.inhabitants);
        Agg {
            inhabitants,
            kwb_inhabitants: inhabitants + if revised { 5.0 } else { 0.0 },
            age_0_15: round5(t.age_0_15),
            divorced: round5(t.divorced),
            households: round5(t.households),
            hh_kids: round5(t.hh_kids),
            bijstand: round5(t.bijstand),
            low_education: round5(t.low_education),
            disability_benefit: round5(t.disability_benefit),
            youth_in_care: t.youth * t.youth_care_pct / 100.0,
            w_households: t.households,
            low_income: t.households * t.low_income_pct,
            social_minimum: t.households * t.social_minimum_pct,
            w_dwellings: t.dwellings,
            woz: t.dwellings * t.woz,
            social_rent: t.dwellings * t.social_rent_pct,
            w_youth: t.youth,
            youth_care: t.youth * t.youth_care_pct,
            w_inhabitants: t.inhabitants,
            wmo: t.inhabitants * t.wmo_per_1000,
            school_km: t.inhabitants * t.school_km,
            schools_3km: t.inhabitants * t.schools_3km,
        }
    }

    fn add(&mut self, o: &Agg) {
        let pairs = [
            (&mut self.inhabitants, o.inhabitants),
            (&mut self.kwb_inhabitants, o.kwb_inhabitants),
            (&mut self.age_0_15, o.age_0_15),
            (&mut self.divorced, o.divorced),
            (&mut self.households, o.households),
            (&mut self.hh_kids, o.hh_kids),
            (&mut self.bijstand, o.bijstand),
            (&mut self.low_education, o.low_education),
            (&mut self.disability_benefit, o.disability_benefit),
            (&mut self.youth_in_care, o.youth_in_care),
            (&mut self.w_households, o.w_households),
            (&mut self.low_income, o.low_income),
            (&mut self.social_minimum, o.social_minimum),
            (&mut self.w_dwellings, o.w_dwellings),
            (&mut self.woz, o.woz),
            (&mut self.social_rent, o.social_rent),
            (&mut self.w_youth, o.w_youth),
            (&mut self.youth_care, o.youth_care),
            (&mut self.w_inhabitants, o.w_inhabitants),
            (&mut self.wmo, o.wmo),
            (&mut self.school_km, o.school_km),
            (&mut self.schools_3km, o.schools_3km),
        ];
        for (acc, v) in pairs {
            *acc += v;
        }
    }

    /// Applies CBS's disclosure rules. `pending` marks a new buurt whose
    /// income and housing figures are not available yet.
    fn publish(&self, pending: bool) -> Published {
        let count = |v: f64| Val::Num(v, 0);
        let rate = |sum: f64, weight: f64, decimals: usize, secret: bool| {
            if weight <= 0.0 {
                Val::Empty
            } else if secret {
                Val::Secret
            } else {
                Val::Num(round_to(sum / weight, decimals), decimals)
            }
        };
        // Income only from 100 households; WOZ only from 20 dwellings;
        // care figures built on 0-7 people are secret.
        let few_households = pending || self.households < 100.0;
        let few_dwellings = pending || self.w_dwellings < 20.0;
        let youth_in_care = self.youth_in_care.round();
        let wmo_clients = (self.wmo / 1000.0).round();
        let youth_count = if self.w_youth <= 0.0 {
            Val::Empty
        } else if youth_in_care <= 7.0 {
            Val::Secret
        } else {
            count((youth_in_care / 5.0).round() * 5.0)
        };
        Published {
            inhabitants: count(self.inhabitants),
            kwb_inhabitants: count(self.kwb_inhabitants),
            age_0_15: count(self.age_0_15),
            divorced: count(self.divorced),
            households: count(self.households),
            hh_kids: count(self.hh_kids),
            bijstand: count(self.bijstand),
            low_education: count(self.low_education),
            disability_benefit: count(self.disability_benefit),
            youth_care_count: youth_count,
            low_income: rate(self.low_income, self.w_households, 1, few_households),
            social_minimum: rate(self.social_minimum, self.w_households, 1, few_households),
            woz: rate(self.woz, self.w_dwellings, 1, few_dwellings),
            social_rent: rate(self.social_rent, self.w_dwellings, 1, few_dwellings),
            youth_care_pct: rate(self.youth_care, self.w_youth, 1, youth_in_care <= 7.0),
            wmo: rate(self.wmo, self.w_inhabitants, 0, wmo_clients <= 7.0),
            school_km: rate(self.school_km, self.w_inhabitants, 1, false),
            schools_3km: rate(self.schools_3km, self.w_inhabitants, 1, false),
        }
    }
}

/// The published values of one row, before it gets its code and name.
struct Published {
    inhabitants: Val,
    kwb_inhabitants: Val,
    age_0_15: Val,
    divorced: Val,
    households: Val,
    hh_kids: Val,
    bijstand: Val,
    low_education: Val,
    disability_benefit: Val,
    youth_care_count: Val,
    low_income: Val,
    social_minimum: Val,
    woz: Val,
    social_rent: Val,
    youth_care_pct: Val,
    wmo: Val,
    school_km: Val,
    schools_3km: Val,
}

impl Published {
    fn into_row(self, level: Level, code: &str, name: &str, gemeente_name: &str) -> Row {
        Row {
            level,
            code: code.to_string(),
            name: name.to_string(),
            gemeente_name: gemeente_name.to_string(),
            inhabitants: self.inhabitants,
            age_0_15: self.age_0_15,
            divorced: self.divorced,
            households: self.households,
            hh_kids: self.hh_kids,
            woz: self.woz,
            social_rent: self.social_rent,
            low_income: self.low_income,
            bijstand: self.bijstand,
            youth_care_pct: self.youth_care_pct,
            wmo: self.wmo,
            school_km: self.school_km,
            schools_3km: self.schools_3km,
            low_education: self.low_education,
            social_minimum: self.social_minimum,
            disability_benefit: self.disability_benefit,
            youth_care_count: self.youth_care_count,
            kwb_inhabitants: self.kwb_inhabitants,
        }
    }
}

/// All table rows in file order: per gemeente its row, then per wijk the
/// wijk row followed by its buurten.
pub(crate) fn rows(layout: &Layout, truths: &[Truth], quirks: TableQuirks, seed: u64) -> Vec<Row> {
    let aggs: Vec<Option<Agg>> = (0..layout.buurten.len())
        .map(|b| {
            let mut rng = Rng::stream(seed, ROUND_SALT, b as u64);
            let agg = Agg::of_buurt(&truths[b], quirks.revised == Some(b), &mut rng);
            (quirks.left_out != Some(b)).then_some(agg)
        })
        .collect();
    let mut rows = Vec::new();
    for g in &layout.gemeenten {
        let mut gm = Agg::default();
        let mut body = Vec::new();
        for &w in &g.wijken {
            let wijk = &layout.wijken[w];
            let mut wk = Agg::default();
            let mut buurt_rows = Vec::new();
            for &b in &wijk.buurten {
                let Some(agg) = &aggs[b] else { continue };
                wk.add(agg);
                let buurt = &layout.buurten[b];
                let pending = buurt.kind == Kind::Unmapped;
                buurt_rows.push(agg.publish(pending).into_row(
                    Level::Buurt,
                    &buurt.code,
                    &buurt.name,
                    &g.name,
                ));
            }
            gm.add(&wk);
            body.push(
                wk.publish(false)
                    .into_row(Level::Wijk, &wijk.code, &wijk.name, &g.name),
            );
            body.extend(buurt_rows);
        }
        rows.push(
            gm.publish(false)
                .into_row(Level::Gemeente, &g.code, &g.name, &g.name),
        );
        rows.extend(body);
    }
    rows
}

/// CBS's unbiased random rounding: up with probability remainder / 5.
fn random_round5(v: f64, rng: &mut Rng) -> f64 {
    let low = (v / 5.0).floor() * 5.0;
    if rng.chance((v - low) / 5.0) {
        low + 5.0
    } else {
        low
    }
}

fn round_to(v: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (v * f).round() / f
}
