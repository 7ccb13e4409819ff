//! School locations: GeoJSON points (DUO lists geocoded), CSV with lon/lat
//! or RD x/y columns, or CSV with a buurt-code column.
//!
//! - `geojson`: point features
//! - `csv`: coordinate columns or a buurt-code column
//! - `duo` and `postcode`: DUO address lists through the CBS postcode table

mod csv;
mod duo;
mod geojson;
mod geojson_lean;
#[cfg(test)]
mod lean_properties;
mod lean_values;
pub mod postcode;

use super::crs::{Crs, CrsDecision, Projector};
use super::error::LoadError;
use super::source::Source;
use crate::domain::registry::normalise_name;
use crate::domain::report::Issue;
use crate::i18n::Said;
use crate::said;
use geo::Coord;

/// Which schools count: the kind column and the kinds that are primary.
#[derive(Debug, Clone)]
pub struct SchoolOptions {
    pub kind_column: String,
    pub kinds: Vec<String>,
    pub crs: Option<Crs>,
    /// The CBS "buurt, wijk en gemeente per postcode en huisnummer" table
    /// that places a DUO address list without coordinates.
    pub postcode_table: Option<std::path::PathBuf>,
}

impl Default for SchoolOptions {
    fn default() -> Self {
        SchoolOptions {
            kind_column: "type".into(),
            // Primary = regular primary plus special primary (SBAO).
            kinds: vec!["basisschool".into(), "SBAO".into()],
            crs: None,
            postcode_table: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    /// RD metres, already projected.
    Point {
        x: f64,
        y: f64,
    },
    Code(String),
    /// Not placed, and why (the address, for an address list).
    Unplaced(Said),
}

/// Where a school stands in its file, for messages: said only for a school
/// that could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Line(u64),
    Feature(usize),
}

impl Origin {
    pub fn said(self) -> Said {
        match self {
            Origin::Line(n) => said!("regel {n}", "line {n}"),
            Origin::Feature(i) => said!("object {i}", "feature {i}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RawSchool {
    pub name: String,
    pub kind: String,
    pub place: String,
    /// Gemeente name as the school list writes it (DUO: upper case).
    pub gemeente: String,
    pub primary: bool,
    pub location: Location,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct SchoolFile {
    pub file: String,
    pub format: Said,
    pub schools: Vec<RawSchool>,
    pub crs: Option<CrsDecision>,
    pub kinds_counted: Vec<Said>,
    pub warnings: Vec<Issue>,
}

const KIND_FALLBACKS: &[&str] = &[
    "type",
    "soort",
    "onderwijstype",
    "soort_onderwijs",
    "soort onderwijs",
];

pub fn read_schools(src: &Source, opts: &SchoolOptions) -> Result<SchoolFile, LoadError> {
    let mut f = if src.looks_like_json() {
        geojson::read_geojson(src, opts)
    } else {
        csv::read_csv(src, opts)
    }?;
    if let Some(table) = &opts.postcode_table {
        if !f.format.en.starts_with("DUO") {
            let (table, format) = (table.display(), &f.format);
            f.warnings.push(Issue::file(
                &f.file,
                said!(
                    "--postcode-table {table} niet gebruikt: de scholenlijst plaatst haar scholen zelf ({format})",
                    "--postcode-table {table} not used: the school list places its schools itself ({format})";
                    format
                ),
            ));
        }
    }
    Ok(f)
}

fn is_primary(kind: &str, opts: &SchoolOptions) -> bool {
    opts.kinds
        .iter()
        .any(|k| k.trim().eq_ignore_ascii_case(kind.trim()))
}

/// The kind column: the one asked for, else a usual name for it.
fn kind_key<'a>(
    available: impl Iterator<Item = &'a str> + Clone,
    opts: &SchoolOptions,
) -> Option<String> {
    if let Some(k) = available.clone().find(|k| is_asked_kind(k, opts)) {
        return Some(k.to_string());
    }
    available
        .clone()
        .find(|k| is_usual_kind(k))
        .map(str::to_string)
}

fn is_asked_kind(key: &str, opts: &SchoolOptions) -> bool {
    key.trim().eq_ignore_ascii_case(opts.kind_column.trim())
}

fn is_usual_kind(key: &str) -> bool {
    KIND_FALLBACKS.contains(&normalise_name(key).as_str())
}

/// A key [`kind_key`] could choose: keys that are not give it the same
/// answer whether they are offered or left out.
fn is_kind_candidate(key: &str, opts: &SchoolOptions) -> bool {
    is_asked_kind(key, opts) || is_usual_kind(key)
}

fn counted_kinds(have_kind: bool, opts: &SchoolOptions) -> Vec<Said> {
    if have_kind {
        opts.kinds.iter().map(|k| Said::same(k.as_str())).collect()
    } else {
        vec![said!("alle (geen soortkolom)", "all (no kind column)")]
    }
}

fn no_kind_column(file: &str, opts: &SchoolOptions) -> Issue {
    Issue::file(
        file,
        said!(
            "geen kolom {:?} met de schoolsoort: elke school als basisonderwijs geteld",
            "no kind column {:?}: every school counted as primary",
            opts.kind_column
        ),
    )
}

/// Points to RD metres, in place of the coordinates the readers found.
fn place_points(
    file: &str,
    pending: Vec<(RawSchool, Coord<f64>)>,
    crs: &CrsDecision,
) -> Result<Vec<RawSchool>, LoadError> {
    let mut coords: Vec<Coord<f64>> = pending.iter().map(|(_, c)| *c).collect();
    if crs.crs == Crs::Wgs84 {
        let proj = Projector::new().map_err(|message| LoadError::Crs {
            file: file.to_string(),
            message: Said::same(message),
        })?;
        proj.wgs84_to_rd(&mut coords)
            .map_err(|message| LoadError::Crs {
                file: file.to_string(),
                message: Said::same(message),
            })?;
    }
    Ok(pending
        .into_iter()
        .zip(coords)
        .map(|((mut s, _), c)| {
            s.location = Location::Point { x: c.x, y: c.y };
            s
        })
        .collect())
}
