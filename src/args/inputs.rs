//! The input flags every data command shares.

use crate::io::crs::Crs;
use crate::io::schools::SchoolOptions;
use crate::io::{Inputs, LoadError, Source};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Clone, Args, Default)]
pub struct InputArgs {
    /// Buurt boundaries: GeoJSON FeatureCollection (WGS84 or Rijksdriehoek),
    /// or the CBS wijk- en buurtkaart GeoPackage (.gpkg), whose attributes
    /// are read as indicators too.
    #[arg(long, value_name = "FILE")]
    pub boundaries: Option<PathBuf>,
    /// Indicator file: StatLine CSV, kwb CSV or xlsx (first sheet), or
    /// Parquet. Repeatable; the
    /// first file that gives an indicator wins.
    #[arg(long, value_name = "FILE")]
    pub indicators: Vec<PathBuf>,
    /// School locations: GeoJSON points, CSV with lon/lat or x/y, or CSV
    /// with a buurt-code column.
    #[arg(long, value_name = "FILE")]
    pub schools: Option<PathBuf>,
    /// CRS of the boundary and school coordinates (default: detected).
    #[arg(long, value_enum)]
    pub crs: Option<Crs>,
    /// Column of the school file that holds the kind of school.
    #[arg(long, value_name = "NAME", default_value = "type")]
    pub school_kind_column: String,
    /// Kinds of school counted as primary (comma separated).
    #[arg(
        long,
        value_name = "KINDS",
        value_delimiter = ',',
        default_value = "basisschool,SBAO"
    )]
    pub school_kinds: Vec<String>,
    /// Disclosure control: microdata figures based on fewer units are
    /// withheld everywhere (shown as suppressed, never as 0).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub min_cell: u32,
    /// GeoPackage layer to read with --boundaries FILE.gpkg (e.g. `wijken`,
    /// `gemeenten`); default `buurten`.
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,
    /// Indicator file of microdata aggregates (read like --indicators):
    /// every count-like column is under disclosure control, whatever the
    /// column names. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub microdata: Vec<PathBuf>,
    /// CBS table "buurt, wijk en gemeente per postcode en huisnummer"
    /// (PC6;Huisnummer;Buurt...): places a DUO school list without
    /// coordinates by postcode + house number. Streamed; only the schools'
    /// addresses are kept.
    #[arg(long, value_name = "FILE")]
    pub postcode_table: Option<PathBuf>,
}

impl InputArgs {
    /// With no input flag at all, the embedded sample.
    pub fn to_inputs(&self) -> Result<Inputs, LoadError> {
        let school_options = SchoolOptions {
            kind_column: self.school_kind_column.clone(),
            kinds: self.school_kinds.clone(),
            crs: self.crs,
            postcode_table: self.postcode_table.clone(),
        };
        if self.boundaries.is_none()
            && self.indicators.is_empty()
            && self.schools.is_none()
            && self.microdata.is_empty()
        {
            return Ok(Inputs {
                school_options,
                min_cell: Some(self.min_cell),
                layer: self.layer.clone(),
                ..Inputs::sample()
            });
        }
        // A microdata file also named by --indicators is read once.
        let mut indicators: Vec<Source> = self
            .indicators
            .iter()
            .map(|p| Source::read(p))
            .collect::<Result<_, _>>()?;
        let mut microdata = Vec::new();
        for p in &self.microdata {
            let name = p.display().to_string();
            if !indicators.iter().any(|s| s.name == name) {
                indicators.push(Source::read(p)?);
            }
            microdata.push(name);
        }
        Ok(Inputs {
            boundaries: self.boundaries.as_deref().map(Source::read).transpose()?,
            indicators,
            microdata,
            schools: self.schools.as_deref().map(Source::read).transpose()?,
            crs: self.crs,
            school_options,
            min_cell: Some(self.min_cell),
            layer: self.layer.clone(),
        })
    }
}
