//! Reading every input and joining them into one [`Dataset`], with the
//! report of what matched and what did not.

use super::boundaries::{read_boundaries, Boundaries};
use super::crs::Crs;
use super::error::LoadError;
use super::gpkg::{looks_like_sqlite, read_gpkg};
use super::indicators::read_indicators;
use super::schools::{read_schools, Location, SchoolFile, SchoolOptions};
use super::source::Source;
use crate::domain::dataset::{
    Dataset, DatasetBuilder, DisclosureSettings, IndicatorTable, Level, SchoolMethod, SchoolPoint,
    DEFAULT_MIN_CELL,
};
use crate::domain::report::LoadNote;
use crate::domain::report::{InputSummary, Issue, SchoolReport, UnmatchedSchool};
use crate::domain::spatial::Locator;
use crate::said;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The inputs of one run, as sources so the embedded sample and a user's
/// files take the same path.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub boundaries: Option<Source>,
    pub indicators: Vec<Source>,
    pub schools: Option<Source>,
    pub crs: Option<Crs>,
    pub school_options: SchoolOptions,
    /// Disclosure control threshold for microdata figures (`--min-cell`);
    /// None = the profile's `[disclosure] min_cell`, else 10.
    pub min_cell: Option<u32>,
    /// GeoPackage layer to read the boundaries from (None = `buurten`).
    pub layer: Option<String>,
    /// Indicator sources (by name) declared microdata, whatever their
    /// columns.
    pub microdata: Vec<String>,
    /// What the command line decided about the inputs before reading them
    /// (a file of `--data DIR` left out, or changed since it was fetched),
    /// for the load report.
    pub notes: Vec<Issue>,
    /// The profile's `[disclosure]` section: more microdata files, column
    /// kinds, and the threshold when `min_cell` is None.
    pub disclosure: DisclosureSettings,
}

pub const SAMPLE_BOUNDARIES: (&str, &[u8]) = (
    "boundaries/denkerveen_buurten_2024.geojson",
    include_bytes!("../../boundaries/denkerveen_buurten_2024.geojson"),
);
pub const SAMPLE_INDICATORS: &[(&str, &[u8])] = &[
    (
        "sample-data/kerncijfers_denkerveen_2024.csv",
        include_bytes!("../../sample-data/kerncijfers_denkerveen_2024.csv"),
    ),
    (
        "sample-data/kwb_denkerveen_2024.csv",
        include_bytes!("../../sample-data/kwb_denkerveen_2024.csv"),
    ),
    (
        "sample-data/microdata_denkerveen.csv",
        include_bytes!("../../sample-data/microdata_denkerveen.csv"),
    ),
];
pub const SAMPLE_SCHOOLS: (&str, &[u8]) = (
    "sample-data/scholen_denkerveen.geojson",
    include_bytes!("../../sample-data/scholen_denkerveen.geojson"),
);

impl Inputs {
    /// Gives up the bytes of every file read, for a caller that knows
    /// nothing reads them again (the files' hashes can no longer be made).
    pub fn release_contents(&mut self) -> Vec<Cow<'static, [u8]>> {
        self.boundaries
            .iter_mut()
            .chain(&mut self.indicators)
            .chain(&mut self.schools)
            .map(Source::release)
            .collect()
    }

    /// The committed fictional municipality, embedded in the binary.
    pub fn sample() -> Inputs {
        Inputs {
            boundaries: Some(Source::embedded(SAMPLE_BOUNDARIES.0, SAMPLE_BOUNDARIES.1)),
            indicators: SAMPLE_INDICATORS
                .iter()
                .map(|(n, b)| Source::embedded(n, b))
                .collect(),
            schools: Some(Source::embedded(SAMPLE_SCHOOLS.0, SAMPLE_SCHOOLS.1)),
            crs: None,
            school_options: SchoolOptions::default(),
            min_cell: None,
            layer: None,
            microdata: Vec::new(),
            notes: Vec::new(),
            disclosure: DisclosureSettings::default(),
        }
    }

    /// The threshold load withholds microdata cells below.
    pub fn min_cell(&self) -> u32 {
        self.min_cell
            .or(self.disclosure.min_cell)
            .unwrap_or(DEFAULT_MIN_CELL)
    }

    pub fn is_empty(&self) -> bool {
        self.boundaries.is_none() && self.indicators.is_empty() && self.schools.is_none()
    }
}

/// The three kinds of input file parsed at once: none needs another to be
/// read, and each is a large share of loading national data. Errors are
/// returned in the order a sequential read would meet them.
struct Parsed {
    tables: Vec<Result<IndicatorTable, LoadError>>,
    boundaries: Option<Result<Boundaries, LoadError>>,
    schools: Option<Result<SchoolFile, LoadError>>,
}

fn parse_all(inputs: &Inputs) -> Parsed {
    let (tables, (boundaries, schools)) = rayon::join(
        || inputs.indicators.iter().map(read_indicators).collect(),
        || {
            rayon::join(
                || {
                    inputs
                        .boundaries
                        .as_ref()
                        .map(|src| read_boundary_file(src, inputs))
                },
                || {
                    inputs
                        .schools
                        .as_ref()
                        .map(|src| read_schools(src, &inputs.school_options))
                },
            )
        },
    );
    Parsed {
        tables,
        boundaries,
        schools,
    }
}

fn is_gpkg(src: &Source) -> bool {
    looks_like_sqlite(src) || src.extension() == "gpkg"
}

fn read_boundary_file(src: &Source, inputs: &Inputs) -> Result<Boundaries, LoadError> {
    if is_gpkg(src) {
        read_gpkg(src, inputs.layer.as_deref(), inputs.crs)
    } else {
        read_boundaries(src, inputs.crs)
    }
}

pub fn load(inputs: &Inputs) -> Result<Dataset, LoadError> {
    let mut summaries = Vec::new();
    let mut warnings: Vec<Issue> = inputs.notes.clone();
    let mut crs_text = said!("geen grenzen", "no boundaries");
    let mut tables = Vec::new();
    let parsed = parse_all(inputs);
    crate::timing::mark("files parsed");
    for (src, t) in inputs.indicators.iter().zip(parsed.tables) {
        let t = t?;
        summaries.push(InputSummary {
            role: "indicators".into(),
            file: src.name.clone(),
            format: t.format.clone(),
            records: t.regions.len(),
        });
        tables.push(t);
    }
    let mut boundary_file = String::new();
    let builder = match (&inputs.boundaries, parsed.boundaries) {
        (Some(src), Some(b)) => {
            let b = b?;
            if let (Some(layer), false) = (&inputs.layer, is_gpkg(src)) {
                warnings.push(Issue::file(
                    &src.name,
                    said!(
                        "--layer {layer} geldt alleen voor GeoPackage-bestanden: genegeerd",
                        "--layer {layer} applies to GeoPackage files only: ignored"
                    ),
                ));
            }
            let decided = b.crs.text();
            crs_text = said!(
                "{decided}; opgeslagen als Rijksdriehoek",
                "{decided}; stored as Rijksdriehoek";
                decided
            );
            summaries.insert(
                0,
                InputSummary {
                    role: "boundaries".into(),
                    file: src.name.clone(),
                    format: b.format.clone(),
                    records: b.features.len(),
                },
            );
            warnings.extend(b.warnings);
            // Figures attached to the features come after the explicit files:
            // a file the user names on purpose wins a conflict.
            if let Some(p) = b.properties {
                tables.push(p);
            }
            boundary_file = b.file.clone();
            DatasetBuilder::new(&b.file, b.features)
        }
        _ => DatasetBuilder::new("", Vec::new()),
    };
    crate::timing::mark("boundaries read");
    let mut ds = builder
        .min_cell(inputs.min_cell())
        .microdata(inputs.microdata.clone())
        .declared(inputs.disclosure.clone())
        .build(tables);
    ds.report.crs = crs_text;
    ds.report.inputs = summaries;
    warnings.append(&mut ds.report.warnings);
    ds.report.warnings = warnings;
    if !boundary_file.is_empty() {
        let has_boundaries = ds.report.buurten > 0;
        for j in &ds.report.joins {
            if has_boundaries && j.buurten_in_file > 0 && j.matched_buurten == 0 {
                return Err(LoadError::NothingMatched {
                    message: said!(
                        "geen van de {} buurtcodes in {} komt voor in {} (bijv. {} tegenover {}): andere jaren of codevormen?",
                        "none of the {} buurt codes in {} occurs in {} (e.g. {} vs {}): different years or code formats?",
                        j.buurten_in_file,
                        j.file,
                        boundary_file,
                        j.only_in_file.first().map(String::as_str).unwrap_or("?"),
                        j.only_in_boundaries.first().map(String::as_str).unwrap_or("?"),
                    ),
                });
            }
        }
    }
    crate::timing::mark("dataset joined");
    match parsed.schools {
        Some(f) => place_schools(&mut ds, f?)?,
        None => {
            if ds.indicator("schools_within_3km").is_some() {
                ds.school_method = SchoolMethod::Proxy3km;
                ds.report.schools.method = said!(
                    "benadering: KWB-basisscholen binnen 3 km (geen telling binnen de buurt)",
                    "proxy: KWB primary schools within 3 km (not a count inside the buurt)"
                );
            } else {
                ds.report.schools.method = said!(
                    "geen: geen scholenbestand en geen KWB-benadering",
                    "none: no school file and no KWB proxy"
                );
            }
        }
    }
    crate::timing::mark("schools placed");
    Ok(ds)
}

/// Generalised boundary files carry no gemeente names; DUO school lists do.
/// Where a gemeente has none, take the name most of its placed schools give.
fn name_gemeenten_from_schools(
    ds: &mut Dataset,
    schools: &[super::schools::RawSchool],
    points: &[SchoolPoint],
) {
    let mut votes: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let located = schools
        .iter()
        .filter(|s| matches!(s.location, Location::Point { .. }));
    for (s, p) in located.zip(points) {
        let Some(a) = p.area else { continue };
        if s.gemeente.is_empty() {
            continue;
        }
        let code = ds.areas[a].gemeente_code.clone();
        *votes
            .entry(code)
            .or_default()
            .entry(title_case(&s.gemeente))
            .or_insert(0) += 1;
    }
    let mut named = Vec::new();
    for (code, g) in ds.report.gemeenten.iter_mut() {
        if g.name.is_some() {
            continue;
        }
        if let Some((name, _)) = votes.get(code).and_then(|v| {
            v.iter()
                .max_by_key(|(n, c)| (**c, std::cmp::Reverse((*n).clone())))
        }) {
            g.name = Some(name.clone());
            named.push(format!("{code} {name}"));
        }
    }
    if !named.is_empty() {
        for a in ds.areas.iter_mut() {
            if a.gemeente_name.is_none() {
                a.gemeente_name = ds
                    .report
                    .gemeenten
                    .get(&a.gemeente_code)
                    .and_then(|g| g.name.clone());
            }
        }
        ds.report.notes.push(LoadNote::NamesFromSchools {
            names: named.iter().map(|n| n.to_string()).collect(),
        });
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            if ["en", "op", "aan", "de", "den", "der", "het", "van", "in"].contains(&lower.as_str())
            {
                return lower;
            }
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn place_schools(ds: &mut Dataset, f: SchoolFile) -> Result<(), LoadError> {
    ds.report.inputs.push(InputSummary {
        role: "schools".into(),
        file: f.file.clone(),
        format: match &f.crs {
            Some(c) => {
                let (format, decided) = (&f.format, c.text());
                said!("{format}, {decided}", "{format}, {decided}"; format, decided)
            }
            None => f.format.clone(),
        },
        records: f.schools.len(),
    });
    ds.report.warnings.extend(f.warnings.iter().cloned());
    let mut counts = vec![0u32; ds.areas.len()];
    let by_code = f.format.en.starts_with("DUO")
        || f.schools
            .iter()
            .any(|s| matches!(s.location, Location::Code(_)));
    let mut report = SchoolReport {
        method: if f.format.en.starts_with("DUO") {
            said!(
                "DUO-adressen via de postcodetabel",
                "DUO addresses via the postcode table"
            )
        } else if by_code {
            said!("kolom met buurtcode", "buurt code column")
        } else {
            said!("punten in vlakken", "points in polygons")
        },
        file: Some(f.file.clone()),
        total: f.schools.len(),
        kinds_counted: f.kinds_counted.clone(),
        ..SchoolReport::default()
    };
    let mut points = Vec::with_capacity(f.schools.len());
    {
        let locator = Locator::new(&ds.areas, |a| a.level == Level::Buurt);
        // Thousands of point-in-polygon tests, independent of one another.
        let located: Vec<Option<usize>> = f
            .schools
            .par_iter()
            .map(|s| match &s.location {
                Location::Point { x, y } => locator.locate(*x, *y),
                _ => None,
            })
            .collect();
        for (s, located) in f.schools.iter().zip(located) {
            *report.by_kind.entry(s.kind.clone()).or_insert(0) += 1;
            if s.primary {
                report.counted += 1;
            }
            let (area, xy) = match &s.location {
                Location::Point { x, y } => (located, Some((*x, *y))),
                Location::Code(c) => (ds.index.get(c).copied(), None),
                Location::Unplaced(_) => (None, None),
            };
            match area {
                Some(a) => {
                    report.matched += 1;
                    if s.primary {
                        counts[a] += 1;
                    }
                }
                None => report.unmatched.push(UnmatchedSchool {
                    name: s.name.clone(),
                    kind: s.kind.clone(),
                    place: s.place.clone(),
                    location: {
                        let at = s.origin.said();
                        match (&s.location, xy) {
                            (_, Some((x, y))) => said!(
                                "{at} op RD {x:.0}, {y:.0}",
                                "{at} at RD {x:.0}, {y:.0}";
                                at
                            ),
                            (Location::Code(c), None) => said!(
                                "{at}: buurtcode {c} niet in de buurtgrenzen",
                                "{at}: buurt code {c} not in the boundaries";
                                at
                            ),
                            (Location::Unplaced(why), None) => at.join(": ", why),
                            _ => at,
                        }
                    },
                }),
            }
            if let Some((x, y)) = xy {
                points.push(SchoolPoint {
                    name: s.name.clone(),
                    kind: s.kind.clone(),
                    primary: s.primary,
                    x,
                    y,
                    area,
                });
            }
        }
    }
    if report.total > 0 && report.matched == 0 {
        return Err(LoadError::NothingMatched {
            message: said!(
                "geen van de {} scholen in {} ligt in een buurt van de buurtgrenzen (ander gebied of andere CRS?)",
                "none of the {} schools in {} lies in a buurt of the boundaries (different region or CRS?)",
                report.total, f.file
            ),
        });
    }
    let mut at_least: BTreeMap<u32, usize> = BTreeMap::new();
    for (a, c) in ds.areas.iter_mut().zip(&counts) {
        if a.level == Level::Buurt && a.in_boundaries {
            a.schools = Some(*c);
            for k in 1..=4 {
                if *c >= k {
                    *at_least.entry(k).or_insert(0) += 1;
                }
            }
        }
    }
    for k in 1..=4 {
        at_least.entry(k).or_insert(0);
    }
    report.buurten_with_min_schools = at_least;
    name_gemeenten_from_schools(ds, &f.schools, &points);
    ds.schools = points;
    ds.school_method = if by_code {
        SchoolMethod::CodeColumn
    } else {
        SchoolMethod::Points
    };
    ds.report.schools = report;
    Ok(())
}
