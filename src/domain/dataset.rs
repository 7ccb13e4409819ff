//! One record per region code, with geometry, indicator columns and school
//! counts, joined from whatever inputs were given. Building it is pure: the
//! readers hand over parsed tables and features, this module joins them and
//! writes down everything that did not fit.

use super::registry::{self, DERIVED};
use super::report::{Coverage, Duplicate, GemeenteCount, Issue, JoinReport, LoadReport};
use super::value::{Direction, Missing, Value};
use geo::MultiPolygon;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// NL00: the country row of StatLine exports.
    Land,
    Gemeente,
    Wijk,
    Buurt,
}

impl Level {
    pub fn of_code(code: &str) -> Option<Level> {
        match code.get(..2) {
            Some("GM") => Some(Level::Gemeente),
            Some("WK") => Some(Level::Wijk),
            Some("BU") => Some(Level::Buurt),
            Some("NL") => Some(Level::Land),
            _ => None,
        }
    }
}

/// GM code of a WK/BU code: `BU08551001` -> `GM0855`.
pub fn gemeente_of(code: &str) -> Option<String> {
    code.get(2..6).map(|g| format!("GM{g}"))
}

/// WK code of a BU code: `BU08551001` -> `WK085510`.
pub fn wijk_of(code: &str) -> Option<String> {
    if code.starts_with("BU") {
        code.get(2..8).map(|w| format!("WK{w}"))
    } else {
        None
    }
}

#[derive(Debug, Clone)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub gemeente_code: String,
    pub gemeente_name: Option<String>,
    pub wijk_code: Option<String>,
    pub water: bool,
    /// In Rijksdriehoek metres (EPSG:28992), whatever the input CRS was.
    pub geometry: Option<MultiPolygon<f64>>,
    /// False for codes that only occur in indicator files.
    pub in_boundaries: bool,
    /// Primary schools inside the polygon (or from a code column).
    pub schools: Option<u32>,
}

/// A boundary feature as the reader hands it over.
#[derive(Debug, Clone)]
pub struct BoundaryFeature {
    pub index: usize,
    pub code: String,
    pub name: Option<String>,
    pub gemeente_code: Option<String>,
    pub gemeente_name: Option<String>,
    pub wijk_code: Option<String>,
    pub water: Option<bool>,
    pub geometry: Option<MultiPolygon<f64>>,
}

#[derive(Debug, Clone)]
pub struct RegionRow {
    pub code: String,
    pub name: Option<String>,
    pub line: u64,
}

#[derive(Debug, Clone)]
pub struct RawIndicator {
    pub header: String,
    pub unit: Option<String>,
    pub values: Vec<Value>,
}

/// A parsed indicator file: one row per region, one column per indicator.
#[derive(Debug, Clone)]
pub struct IndicatorTable {
    pub file: String,
    pub format: String,
    pub regions: Vec<RegionRow>,
    pub indicators: Vec<RawIndicator>,
    pub warnings: Vec<Issue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorMeta {
    pub id: String,
    pub label_nl: String,
    pub label_en: String,
    pub unit: String,
    /// From the registry; custom indicators have none until a profile says.
    pub direction: Option<Direction>,
    pub sensitive: bool,
    pub known: bool,
    pub derived: bool,
    pub source: String,
    pub header: String,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub meta: IndicatorMeta,
    /// One value per area, in `Dataset::areas` order.
    pub values: Vec<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolMethod {
    Points,
    CodeColumn,
    /// KWB "schools within 3 km": a proxy, labelled wherever it shows.
    Proxy3km,
    None,
}

/// A school located in the dataset's CRS.
#[derive(Debug, Clone)]
pub struct SchoolPoint {
    pub name: String,
    pub kind: String,
    pub primary: bool,
    pub x: f64,
    pub y: f64,
    pub area: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Dataset {
    pub areas: Vec<Area>,
    pub index: HashMap<String, usize>,
    pub indicators: Vec<Indicator>,
    pub schools: Vec<SchoolPoint>,
    pub school_method: SchoolMethod,
    pub report: LoadReport,
}

impl Dataset {
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.index.get(code).map(|&i| &self.areas[i])
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.meta.id == id)
    }

    /// Indices of buurten, in input order.
    pub fn buurten(&self) -> impl Iterator<Item = usize> + '_ {
        self.areas
            .iter()
            .enumerate()
            .filter(|(_, a)| a.level == Level::Buurt)
            .map(|(i, _)| i)
    }

    pub fn value(&self, id: &str, area: usize) -> Option<Value> {
        self.indicator(id).and_then(|i| i.values.get(area).copied())
    }
}

/// Slug for a custom indicator: stable, readable, no spaces.
pub fn custom_id(header: &str) -> String {
    let n = registry::normalise_name(&header.replace('|', "/"));
    // StatLine titles repeat their theme path; the last two segments name
    // the figure ("aantal huisartsenpraktijken / binnen 1 km").
    let segments: Vec<&str> = n.split('/').filter(|s| !s.trim().is_empty()).collect();
    let tail = segments[segments.len().saturating_sub(2)..].join(" ");
    let mut out = String::with_capacity(tail.len());
    for c in tail.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// Join boundaries and indicator tables into one dataset.
pub struct DatasetBuilder {
    /// Disclosure control: minimum units behind a microdata cell.
    min_cell: u32,
    areas: Vec<Area>,
    index: HashMap<String, usize>,
    report: LoadReport,
}

impl DatasetBuilder {
    pub fn new(boundary_file: &str, features: Vec<BoundaryFeature>) -> DatasetBuilder {
        let mut b = DatasetBuilder {
            min_cell: DEFAULT_MIN_CELL,
            areas: Vec::with_capacity(features.len()),
            index: HashMap::with_capacity(features.len()),
            report: LoadReport::default(),
        };
        let mut places: HashMap<String, Vec<String>> = HashMap::new();
        for f in features {
            places
                .entry(f.code.clone())
                .or_default()
                .push(format!("feature {}", f.index));
            if b.index.contains_key(&f.code) {
                continue;
            }
            let level = Level::of_code(&f.code).unwrap_or(Level::Buurt);
            let gemeente_code = f
                .gemeente_code
                .clone()
                .or_else(|| gemeente_of(&f.code))
                .unwrap_or_default();
            let wijk_code = f.wijk_code.clone().or_else(|| wijk_of(&f.code));
            b.index.insert(f.code.clone(), b.areas.len());
            b.areas.push(Area {
                name: f.name.clone().unwrap_or_else(|| f.code.clone()),
                code: f.code,
                level,
                gemeente_code,
                gemeente_name: f.gemeente_name,
                wijk_code,
                water: f.water.unwrap_or(false),
                geometry: f.geometry,
                in_boundaries: true,
                schools: None,
            });
        }
        let mut dups: Vec<Duplicate> = places
            .into_iter()
            .filter(|(_, p)| p.len() > 1)
            .map(|(code, places)| Duplicate {
                file: boundary_file.to_string(),
                code,
                places,
            })
            .collect();
        dups.sort_by(|a, b| a.code.cmp(&b.code));
        b.report.duplicates.extend(dups);
        b
    }

    pub fn min_cell(mut self, n: u32) -> DatasetBuilder {
        self.min_cell = n;
        self
    }

    pub fn report_mut(&mut self) -> &mut LoadReport {
        &mut self.report
    }

    fn ensure_area(&mut self, code: &str, name: Option<&str>) -> usize {
        if let Some(&i) = self.index.get(code) {
            if let Some(n) = name {
                let a = &mut self.areas[i];
                if a.name == a.code {
                    a.name = n.to_string();
                }
            }
            return i;
        }
        let level = Level::of_code(code).unwrap_or(Level::Buurt);
        let i = self.areas.len();
        self.areas.push(Area {
            code: code.to_string(),
            name: name.unwrap_or(code).to_string(),
            level,
            gemeente_code: match level {
                Level::Gemeente => code.to_string(),
                Level::Land => String::new(),
                _ => gemeente_of(code).unwrap_or_default(),
            },
            gemeente_name: None,
            wijk_code: wijk_of(code),
            water: false,
            geometry: None,
            in_boundaries: false,
            schools: None,
        });
        self.index.insert(code.to_string(), i);
        i
    }

    /// Join all indicator tables. Files are taken in order; an indicator
    /// that an earlier file already gave is compared and reported, not merged.
    pub fn build(mut self, tables: Vec<IndicatorTable>) -> Dataset {
        let boundary_buurten: Vec<String> = self
            .areas
            .iter()
            .filter(|a| a.in_boundaries && a.level == Level::Buurt)
            .map(|a| a.code.clone())
            .collect();
        let have_boundaries = !boundary_buurten.is_empty();
        // First pass: every code of every file gets an area, so columns can
        // be sized once.
        let mut row_area: Vec<Vec<Option<usize>>> = Vec::with_capacity(tables.len());
        for t in &tables {
            let mut seen: HashMap<&str, u64> = HashMap::new();
            let mut map = Vec::with_capacity(t.regions.len());
            let mut dup_places: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for r in &t.regions {
                if let Some(first) = seen.get(r.code.as_str()) {
                    dup_places
                        .entry(r.code.clone())
                        .or_insert_with(|| vec![format!("line {first}")])
                        .push(format!("line {}", r.line));
                    map.push(None);
                    continue;
                }
                seen.insert(&r.code, r.line);
                map.push(Some(self.ensure_area(&r.code, r.name.as_deref())));
            }
            for (code, places) in dup_places {
                self.report.duplicates.push(Duplicate {
                    file: t.file.clone(),
                    code,
                    places,
                });
            }
            row_area.push(map);
            if have_boundaries {
                let in_file: std::collections::HashSet<&str> = t
                    .regions
                    .iter()
                    .filter(|r| r.code.starts_with("BU"))
                    .map(|r| r.code.as_str())
                    .collect();
                let only_in_file: Vec<String> = {
                    let mut v: Vec<String> = in_file
                        .iter()
                        .filter(|c| {
                            self.index
                                .get(**c)
                                .is_none_or(|&i| !self.areas[i].in_boundaries)
                        })
                        .map(|c| c.to_string())
                        .collect();
                    v.sort();
                    v
                };
                let only_in_boundaries: Vec<String> = boundary_buurten
                    .iter()
                    .filter(|c| !in_file.contains(c.as_str()))
                    .cloned()
                    .collect();
                self.report.joins.push(JoinReport {
                    file: t.file.clone(),
                    regions_in_file: t.regions.len(),
                    buurten_in_file: in_file.len(),
                    matched_buurten: in_file.len() - only_in_file.len(),
                    only_in_file,
                    only_in_boundaries,
                });
            }
        }
        let n = self.areas.len();
        let mut indicators: Vec<Indicator> = Vec::new();
        for (t, map) in tables.into_iter().zip(row_area) {
            self.report.warnings.extend(t.warnings);
            for raw in t.indicators {
                let def = registry::lookup(&raw.header);
                let mut id = def
                    .map(|d| d.id.to_string())
                    .unwrap_or_else(|| custom_id(&raw.header));
                if id.is_empty() {
                    continue;
                }
                // Two different custom columns may shorten to one id: number
                // the later ones. Registry ids stay as they are and are
                // compared below instead.
                if def.is_none() {
                    let base = id.clone();
                    let mut k = 2;
                    while indicators
                        .iter()
                        .any(|i| i.meta.id == id && i.meta.header != raw.header)
                    {
                        id = format!("{base}_{k}");
                        k += 1;
                    }
                }
                let mut values = vec![Value::Missing(Missing::NotInInput); n];
                for (v, a) in raw.values.iter().zip(&map) {
                    if let Some(a) = a {
                        values[*a] = *v;
                    }
                }
                if let Some(existing) = indicators.iter().find(|i| i.meta.id == id) {
                    self.report.warnings.push(compare_duplicate(
                        existing,
                        &values,
                        &t.file,
                        &raw.header,
                        &self.areas,
                    ));
                    continue;
                }
                let meta = match def {
                    Some(d) => IndicatorMeta {
                        id,
                        label_nl: d.label_nl.to_string(),
                        label_en: d.label_en.to_string(),
                        unit: d.unit.label().to_string(),
                        direction: Some(d.direction),
                        sensitive: d.sensitive,
                        known: true,
                        derived: false,
                        source: t.file.clone(),
                        header: raw.header.clone(),
                    },
                    None => IndicatorMeta {
                        label_nl: raw.header.clone(),
                        label_en: raw.header.clone(),
                        unit: raw.unit.clone().unwrap_or_default(),
                        direction: None,
                        sensitive: is_sensitive_name(&raw.header),
                        known: false,
                        derived: false,
                        source: t.file.clone(),
                        header: raw.header.clone(),
                        id,
                    },
                };
                indicators.push(Indicator { meta, values });
            }
        }
        add_derived(&mut indicators);
        let notes = apply_disclosure(&mut indicators, self.min_cell);
        let mut report = self.report;
        report.notes.extend(notes);
        report.buurten = self
            .areas
            .iter()
            .filter(|a| a.level == Level::Buurt)
            .count();
        report.without_geometry = self
            .areas
            .iter()
            .filter(|a| a.in_boundaries && a.geometry.as_ref().is_none_or(|g| g.0.is_empty()))
            .map(|a| a.code.clone())
            .collect();
        let mut gemeenten: BTreeMap<String, GemeenteCount> = BTreeMap::new();
        for a in self.areas.iter().filter(|a| a.level == Level::Buurt) {
            let g = gemeenten.entry(a.gemeente_code.clone()).or_default();
            g.buurten += 1;
            if a.geometry.as_ref().is_some_and(|g| !g.0.is_empty()) {
                g.with_geometry += 1;
            }
            if g.name.is_none() {
                g.name = a.gemeente_name.clone();
            }
        }
        // Gemeente names from GM rows of indicator files, when boundaries lack them.
        for a in self.areas.iter().filter(|a| a.level == Level::Gemeente) {
            if let Some(g) = gemeenten.get_mut(&a.code) {
                if g.name.is_none() && a.name != a.code {
                    g.name = Some(a.name.clone());
                }
            }
        }
        report.gemeenten = gemeenten;
        let buurt_idx: Vec<usize> = self
            .areas
            .iter()
            .enumerate()
            .filter(|(_, a)| a.level == Level::Buurt)
            .map(|(i, _)| i)
            .collect();
        report.indicators = indicators.iter().map(|i| coverage(i, &buurt_idx)).collect();
        Dataset {
            areas: self.areas,
            index: self.index,
            indicators,
            schools: Vec::new(),
            school_method: SchoolMethod::None,
            report,
        }
    }
}

/// CBS's usual output rule for microdata aggregates.
pub const DEFAULT_MIN_CELL: u32 = 10;

/// A column that counts the units behind its file's other figures
/// (`n_kinderen_4_12`, `kinderen_n`, `n`). Only this naming convention of
/// remote-access exports: StatLine's "Aantal ..." columns are published
/// figures, already protected by CBS.
pub fn is_count_column(ind: &Indicator) -> bool {
    let id = ind.meta.id.as_str();
    !ind.meta.known && (id == "n" || id.starts_with("n_") || id.ends_with("_n"))
}

pub fn is_share(ind: &Indicator) -> bool {
    let id = ind.meta.id.as_str();
    id.starts_with("pct_")
        || id.starts_with("p_")
        || id.ends_with("_pct")
        || ind.meta.unit.trim() == "%"
}

/// Disclosure control for microdata-derived figures: where a file carries a
/// count column, every custom figure of that file based on fewer than
/// `min_cell` units, or (for shares) with n*p or n*(1-p) below it, is
/// withheld at load, so no output can print it. Returns notes for the report.
fn apply_disclosure(indicators: &mut [Indicator], min_cell: u32) -> Vec<String> {
    let min = f64::from(min_cell);
    let mut notes = Vec::new();
    let counts: Vec<(usize, String)> = indicators
        .iter()
        .enumerate()
        .filter(|(_, i)| is_count_column(i))
        .map(|(k, i)| (k, i.meta.source.clone()))
        .collect();
    for (k, source) in counts {
        let n: Vec<Option<f64>> = indicators[k].values.iter().map(|v| v.num()).collect();
        let mut suppressed = 0usize;
        for (j, ind) in indicators.iter_mut().enumerate() {
            if ind.meta.source != source || ind.meta.known || (j != k && is_count_column(ind)) {
                continue;
            }
            let share = j != k && is_share(ind);
            for (v, n) in ind.values.iter_mut().zip(&n) {
                let Value::Num(x) = *v else { continue };
                let small = match n {
                    None => j != k,
                    Some(n) if *n < min => true,
                    Some(n) if share => {
                        let p = (x / 100.0).clamp(0.0, 1.0);
                        n * p < min || n * (1.0 - p) < min
                    }
                    _ => false,
                };
                if small {
                    *v = Value::Missing(Missing::Suppressed);
                    suppressed += 1;
                }
            }
        }
        notes.push(format!(
            "disclosure control: {suppressed} cells of {source} withheld (fewer than {min_cell} units in '{}', or n*p / n*(1-p) below {min_cell})",
            indicators[k].meta.id
        ));
    }
    notes
}

fn is_sensitive_name(header: &str) -> bool {
    let n = registry::normalise_name(header);
    [
        "migratie",
        "herkomst",
        "etnic",
        "ethnic",
        "nationaliteit",
        "allochto",
    ]
    .iter()
    .any(|k| n.contains(k))
}

fn compare_duplicate(
    existing: &Indicator,
    values: &[Value],
    file: &str,
    header: &str,
    areas: &[Area],
) -> Issue {
    let mut agree = 0usize;
    let mut differ = Vec::new();
    for (i, (a, b)) in existing.values.iter().zip(values).enumerate() {
        if let (Value::Num(x), Value::Num(y)) = (a, b) {
            if (x - y).abs() <= 1e-9 * x.abs().max(1.0) {
                agree += 1;
            } else {
                differ.push(format!("{} {x} vs {y}", areas[i].code));
            }
        }
    }
    let mut msg = format!(
        "column {header:?} is indicator '{}' which {} already gave: kept the first; {agree} values agree, {} differ",
        existing.meta.id,
        existing.meta.source,
        differ.len()
    );
    if !differ.is_empty() {
        let shown: Vec<&str> = differ.iter().take(5).map(String::as_str).collect();
        msg.push_str(&format!(
            " ({}{})",
            shown.join(", "),
            if differ.len() > 5 { ", ..." } else { "" }
        ));
    }
    Issue::file(file, msg)
}

fn add_derived(indicators: &mut Vec<Indicator>) {
    for &(id, num, den, factor) in DERIVED {
        if indicators.iter().any(|i| i.meta.id == id) {
            continue;
        }
        let (Some(n), Some(d)) = (
            indicators.iter().find(|i| i.meta.id == num),
            indicators.iter().find(|i| i.meta.id == den),
        ) else {
            continue;
        };
        let values = n
            .values
            .iter()
            .zip(&d.values)
            .map(|(a, b)| match (a, b) {
                (Value::Num(x), Value::Num(y)) if *y > 0.0 => Value::Num(x / y * factor),
                (Value::Num(_), Value::Num(_)) => Value::Missing(Missing::CannotOccur),
                (Value::Missing(m), _) | (_, Value::Missing(m)) => Value::Missing(*m),
            })
            .collect();
        let Some(def) = registry::by_id(id) else {
            continue;
        };
        let source = format!("derived: {num} / {den} ({})", n.meta.source);
        indicators.push(Indicator {
            meta: IndicatorMeta {
                id: id.to_string(),
                label_nl: def.label_nl.to_string(),
                label_en: def.label_en.to_string(),
                unit: def.unit.label().to_string(),
                direction: Some(def.direction),
                sensitive: def.sensitive,
                known: true,
                derived: true,
                source,
                header: String::new(),
            },
            values,
        });
    }
}

fn coverage(ind: &Indicator, buurten: &[usize]) -> Coverage {
    let mut missing = BTreeMap::new();
    let mut present = 0;
    for &b in buurten {
        match ind.values[b] {
            Value::Num(_) => present += 1,
            Value::Missing(m) => *missing.entry(m).or_insert(0) += 1,
        }
    }
    Coverage {
        id: ind.meta.id.clone(),
        label: ind.meta.label_en.clone(),
        unit: ind.meta.unit.clone(),
        source: ind.meta.source.clone(),
        known: ind.meta.known,
        derived: ind.meta.derived,
        sensitive: ind.meta.sensitive,
        buurten: buurten.len(),
        present,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(i: usize, code: &str) -> BoundaryFeature {
        BoundaryFeature {
            index: i,
            code: code.to_string(),
            name: Some(format!("Buurt {i}")),
            gemeente_code: None,
            gemeente_name: None,
            wijk_code: None,
            water: None,
            geometry: None,
        }
    }

    fn table(file: &str, rows: &[(&str, u64)], header: &str, vals: &[Value]) -> IndicatorTable {
        IndicatorTable {
            file: file.to_string(),
            format: "CSV".into(),
            regions: rows
                .iter()
                .map(|(c, l)| RegionRow {
                    code: c.to_string(),
                    name: None,
                    line: *l,
                })
                .collect(),
            indicators: vec![RawIndicator {
                header: header.to_string(),
                unit: None,
                values: vals.to_vec(),
            }],
            warnings: vec![],
        }
    }

    #[test]
    fn codes_derive_gemeente_and_wijk() {
        assert_eq!(gemeente_of("BU08551001").as_deref(), Some("GM0855"));
        assert_eq!(wijk_of("BU08551001").as_deref(), Some("WK085510"));
        assert_eq!(wijk_of("WK0363MB"), None);
        assert_eq!(
            custom_id("pct_kinderbeschermingsmaatregel"),
            "pct_kinderbeschermingsmaatregel"
        );
        assert_eq!(custom_id("Schulden/Aantal (%)"), "schulden_aantal");
        assert_eq!(
            custom_id(
                "Gezondheid en welzijn|Huisartsenpraktijk|Aantal huisartsenpraktijken|Binnen 1 km"
            ),
            "aantal_huisartsenpraktijken_binnen_1_km"
        );
    }

    #[test]
    fn join_reports_both_sides_and_duplicates() {
        let b = DatasetBuilder::new(
            "b.geojson",
            vec![
                feature(0, "BU00010001"),
                feature(1, "BU00010002"),
                feature(2, "BU00010002"),
            ],
        );
        let t = table(
            "i.csv",
            &[
                ("GM0001", 2),
                ("BU00010001", 3),
                ("BU00010009", 4),
                ("BU00010001", 5),
            ],
            "a_inw",
            &[
                Value::Num(300.0),
                Value::Num(100.0),
                Value::Num(200.0),
                Value::Num(999.0),
            ],
        );
        let d = b.build(vec![t]);
        let j = &d.report.joins[0];
        assert_eq!(j.only_in_file, vec!["BU00010009"]);
        assert_eq!(j.only_in_boundaries, vec!["BU00010002"]);
        assert_eq!(d.report.duplicates.len(), 2);
        let inw = d.indicator("inhabitants").unwrap();
        // The first row of a duplicated code is kept.
        assert_eq!(inw.values[d.index["BU00010001"]], Value::Num(100.0));
        assert_eq!(
            inw.values[d.index["BU00010002"]],
            Value::Missing(Missing::NotInInput)
        );
        assert!(!d.area("BU00010009").unwrap().in_boundaries);
        assert_eq!(d.area("GM0001").unwrap().level, Level::Gemeente);
    }

    #[test]
    fn same_indicator_twice_is_compared_not_merged() {
        let b = DatasetBuilder::new(
            "b",
            vec![feature(0, "BU00010001"), feature(1, "BU00010002")],
        );
        let rows = [("BU00010001", 2), ("BU00010002", 3)];
        let t1 = table(
            "a.csv",
            &rows,
            "a_inw",
            &[Value::Num(100.0), Value::Num(200.0)],
        );
        let t2 = table(
            "b.csv",
            &rows,
            "Bevolking/Aantal inwoners (aantal)",
            &[Value::Num(100.0), Value::Num(205.0)],
        );
        let d = b.build(vec![t1, t2]);
        assert_eq!(d.indicators.len(), 1);
        let w = d
            .report
            .warnings
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            w.contains("1 values agree, 1 differ") && w.contains("BU00010002 200 vs 205"),
            "{w}"
        );
    }

    #[test]
    fn microdata_cells_below_the_threshold_are_withheld() {
        let b = DatasetBuilder::new(
            "b",
            (0..4)
                .map(|i| feature(i, &format!("BU0001000{i}")))
                .collect(),
        );
        let rows = [
            ("BU00010000", 2),
            ("BU00010001", 3),
            ("BU00010002", 4),
            ("BU00010003", 5),
        ];
        let mut t = table(
            "micro.csv",
            &rows,
            "n_kinderen",
            &[
                Value::Num(9.0),
                Value::Num(10.0),
                Value::Num(200.0),
                Value::Num(200.0),
            ],
        );
        t.indicators.push(RawIndicator {
            header: "pct_maatregel".into(),
            unit: None,
            // n*p: 0.9 (n<10), 5 (n*p<10), 10 (ok), n*(1-p) = 2 (complement too small)
            values: vec![
                Value::Num(10.0),
                Value::Num(50.0),
                Value::Num(5.0),
                Value::Num(99.0),
            ],
        });
        let d = b.build(vec![t]);
        let n = d.indicator("n_kinderen").unwrap();
        assert_eq!(n.values[0], Value::Missing(Missing::Suppressed));
        assert_eq!(n.values[1], Value::Num(10.0));
        let p = d.indicator("pct_maatregel").unwrap();
        assert_eq!(p.values[0], Value::Missing(Missing::Suppressed));
        assert_eq!(p.values[1], Value::Missing(Missing::Suppressed));
        assert_eq!(p.values[2], Value::Num(5.0));
        assert_eq!(p.values[3], Value::Missing(Missing::Suppressed));
        assert!(
            d.report.notes[0].contains("4 cells"),
            "{:?}",
            d.report.notes
        );
    }

    #[test]
    fn derived_rates_keep_missing_reasons() {
        let b = DatasetBuilder::new(
            "b",
            vec![
                feature(0, "BU00010001"),
                feature(1, "BU00010002"),
                feature(2, "BU00010003"),
            ],
        );
        let rows = [("BU00010001", 2), ("BU00010002", 3), ("BU00010003", 4)];
        let inw = table(
            "a.csv",
            &rows,
            "a_inw",
            &[Value::Num(1000.0), Value::Num(0.0), Value::Num(500.0)],
        );
        let bij = table(
            "a.csv",
            &rows,
            "a_soz_wb",
            &[
                Value::Num(50.0),
                Value::Num(0.0),
                Value::Missing(Missing::Secret),
            ],
        );
        let d = b.build(vec![inw, bij]);
        let r = d.indicator("bijstand_per_1000").unwrap();
        assert_eq!(r.values[0], Value::Num(50.0));
        assert_eq!(r.values[1], Value::Missing(Missing::CannotOccur));
        assert_eq!(r.values[2], Value::Missing(Missing::Secret));
        assert!(r.meta.derived);
    }
}
