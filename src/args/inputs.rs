//! The input flags every data command shares.

use crate::domain::profile::Profile;
use crate::domain::report::Issue;
use crate::export::provenance::sha256_hex;
use crate::fetch::manifest::{read_manifest, Entry};
use crate::i18n::{Msg, Said};
use crate::io::crs::Crs;
use crate::io::schools::SchoolOptions;
use crate::io::{Inputs, LoadError, Origin, Source};
use clap::Args;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

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
    /// withheld everywhere (shown as suppressed, never as 0). Default: the
    /// profile's `[disclosure] min_cell`, else 10.
    #[arg(long, value_name = "N")]
    pub min_cell: Option<u32>,
    /// GeoPackage layer to read with --boundaries FILE.gpkg (e.g. `wijken`,
    /// `gemeenten`); default `buurten`.
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,
    /// Indicator file of microdata aggregates (read like --indicators):
    /// every count-like column is under disclosure control, whatever the
    /// column names. Repeatable; adds to the profile's `[disclosure]
    /// microdata`.
    #[arg(long, value_name = "FILE")]
    pub microdata: Vec<PathBuf>,
    /// CBS table "buurt, wijk en gemeente per postcode en huisnummer"
    /// (PC6;Huisnummer;Buurt...): places a DUO school list without
    /// coordinates by postcode + house number. Streamed; only the schools'
    /// addresses are kept.
    #[arg(long, value_name = "FILE")]
    pub postcode_table: Option<PathBuf>,
    /// A folder `buurtradar fetch` wrote: its fetch.toml names the
    /// boundaries, figures and school list. --boundaries and --schools
    /// given as well replace the fetched ones; --indicators files come
    /// first and win a conflict. The DUO school list is used with
    /// --postcode-table only.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// The files `--data DIR` adds, and what the load report should know.
struct Fetched {
    boundaries: Option<PathBuf>,
    indicators: Vec<PathBuf>,
    schools: Option<PathBuf>,
    /// (file, SHA-256 fetch wrote down)
    hashes: Vec<(String, String)>,
    /// (file, where fetch got it)
    origins: Vec<(String, Origin)>,
    notes: Vec<Issue>,
}

impl InputArgs {
    /// The inputs under the profile's `[disclosure]` section, which must
    /// be known before the data is loaded: it says which files are
    /// microdata and what their columns are. `--min-cell` wins over the
    /// profile's `min_cell`. With no input flag at all, the embedded sample.
    pub fn to_inputs_for(&self, profile: &Profile) -> Result<Inputs, LoadError> {
        let mut inputs = self.read()?;
        inputs.disclosure = profile.disclosure.clone();
        Ok(inputs)
    }

    fn read(&self) -> Result<Inputs, LoadError> {
        let school_options = SchoolOptions {
            kind_column: self.school_kind_column.clone(),
            kinds: self.school_kinds.clone(),
            crs: self.crs,
            postcode_table: self.postcode_table.clone(),
        };
        if self.data.is_none()
            && self.boundaries.is_none()
            && self.indicators.is_empty()
            && self.schools.is_none()
            && self.microdata.is_empty()
        {
            return Ok(Inputs {
                school_options,
                min_cell: self.min_cell,
                layer: self.layer.clone(),
                ..Inputs::sample()
            });
        }
        let f = self.fetched()?;
        // A microdata file also named by --indicators is read once.
        let mut microdata = Vec::new();
        let mut extra: Vec<&Path> = Vec::new();
        for p in &self.microdata {
            let name = p.display().to_string();
            let named = |q: &PathBuf| q.display().to_string() == name;
            if !f.indicators.iter().any(named)
                && !extra.iter().any(|q| q.display().to_string() == name)
            {
                extra.push(p);
            }
            microdata.push(name);
        }
        // Every file at once (a national boundary file is most of the
        // wait); a failure is reported in the order they are named here.
        let paths: Vec<&Path> = f
            .indicators
            .iter()
            .map(PathBuf::as_path)
            .chain(extra.iter().copied())
            .chain(f.boundaries.as_deref())
            .chain(f.schools.as_deref())
            .collect();
        let mut results = paths
            .par_iter()
            .map(|p| Source::read(p))
            .collect::<Vec<_>>()
            .into_iter();
        let mut next = || results.next().transpose();
        let mut indicators = Vec::with_capacity(f.indicators.len() + extra.len());
        for _ in 0..f.indicators.len() + extra.len() {
            indicators.extend(next()?);
        }
        let mut boundaries = match f.boundaries {
            Some(_) => next()?,
            None => None,
        };
        let mut schools = match f.schools {
            Some(_) => next()?,
            None => None,
        };
        crate::timing::mark("inputs read");
        let mut notes = f.notes;
        let read = boundaries
            .iter_mut()
            .chain(&mut indicators)
            .chain(&mut schools);
        for src in read {
            if let Some((_, origin)) = f.origins.iter().find(|(n, _)| *n == src.name) {
                src.origin = Some(origin.clone());
            }
            if let Some((_, want)) = f.hashes.iter().find(|(n, _)| *n == src.name) {
                let got = sha256_hex(&src.bytes);
                if &got != want {
                    notes.push(Issue::file(
                        &src.name,
                        Said::msg(Msg::DataChanged, &[&got, want]),
                    ));
                }
            }
        }
        Ok(Inputs {
            boundaries,
            indicators,
            microdata,
            schools,
            notes,
            crs: self.crs,
            school_options,
            min_cell: self.min_cell,
            layer: self.layer.clone(),
            disclosure: Default::default(),
        })
    }
}

impl InputArgs {
    /// The explicit flags, completed from `--data DIR`'s fetch.toml.
    fn fetched(&self) -> Result<Fetched, LoadError> {
        let mut f = Fetched {
            boundaries: self.boundaries.clone(),
            indicators: self.indicators.clone(),
            schools: self.schools.clone(),
            hashes: Vec::new(),
            origins: Vec::new(),
            notes: Vec::new(),
        };
        let Some(dir) = &self.data else {
            return Ok(f);
        };
        let m = read_manifest(dir)?;
        let path = |file: &str| dir.join(file);
        let mut note_hash = |p: &PathBuf, e: &Entry| {
            let name = p.display().to_string();
            f.hashes.push((name.clone(), e.sha256.clone()));
            let origin = Origin {
                source: e.source.clone(),
                urls: e.urls.clone(),
                fetched_utc: e.fetched_utc.clone(),
            };
            f.origins.push((name, origin));
        };
        if f.boundaries.is_none() {
            let p = path(&m.boundaries.file);
            note_hash(&p, &m.boundaries);
            f.boundaries = Some(p);
        }
        // Indicator files add up: the user's come first and win a conflict.
        let p = path(&m.indicators.file);
        if !f.indicators.contains(&p) {
            note_hash(&p, &m.indicators);
            f.indicators.push(p);
        }
        if f.schools.is_none() {
            let p = path(&m.schools.file);
            if self.postcode_table.is_some() {
                note_hash(&p, &m.schools);
                f.schools = Some(p);
            } else {
                // Without the postcode table the DUO list cannot be placed:
                // say so rather than fail the run or drop it silently.
                f.notes.push(Issue::file(
                    &p.display().to_string(),
                    Said::msg(Msg::DataSchoolsSkipped, &[]),
                ));
            }
        }
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_cell_comes_from_the_flag_then_the_profile_then_ten() {
        let mut p = Profile::smartstart().unwrap();
        let args = InputArgs::default();
        assert_eq!(args.to_inputs_for(&p).unwrap().min_cell(), 10);
        p.disclosure.min_cell = Some(15);
        assert_eq!(args.to_inputs_for(&p).unwrap().min_cell(), 15);
        let flag = InputArgs {
            min_cell: Some(12),
            ..InputArgs::default()
        };
        assert_eq!(flag.to_inputs_for(&p).unwrap().min_cell(), 12);
    }

    #[test]
    fn the_profile_declarations_reach_the_load() {
        let mut p = Profile::smartstart().unwrap();
        p.disclosure.microdata = vec!["kwb_*.csv".into()];
        let inputs = InputArgs::default().to_inputs_for(&p).unwrap();
        assert_eq!(inputs.disclosure, p.disclosure);
        // The sample's kwb file, declared microdata: its small counts go.
        let small = |inputs: &Inputs| {
            let ds = crate::io::load(inputs).unwrap();
            ds.indicators
                .iter()
                .filter(|i| i.meta.source.ends_with("kwb_denkerveen_2024.csv"))
                .filter(|i| i.meta.header.starts_with("a_"))
                .flat_map(|i| i.values.iter().filter_map(|v| v.num()))
                .filter(|x| *x < 10.0)
                .count()
        };
        let public = InputArgs::default()
            .to_inputs_for(&Profile::smartstart().unwrap())
            .unwrap();
        assert!(small(&public) > 0, "the sample has small kwb counts");
        assert_eq!(small(&inputs), 0);
    }
}
