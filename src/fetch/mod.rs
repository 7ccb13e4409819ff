//! `buurtradar fetch`: the three inputs of one gemeente from the public
//! services - KWB figures from CBS open data, buurt boundaries from PDOK,
//! the DUO school list - into one folder with a provenance file.
//!
//! - `http`: the blocking client with timeouts
//! - `odata`, `cbs`: CBS OData v3, written as a StatLine CSV download
//! - `pdok`: OGC API Features, written as GeoJSON
//! - `duo`: the DUO address list, cut to the gemeente
//! - `manifest`: `fetch.toml`
//!
//! Everything is downloaded first and written only when all three
//! succeeded, each file atomically, so a failure leaves nothing behind.

pub mod cbs;
pub mod duo;
pub mod error;
pub mod gemeente;
pub mod http;
pub mod manifest;
pub mod odata;
pub mod pdok;

use crate::export::{provenance, Staged};
use crate::present::error_text;
use error::FetchError;
use gemeente::GemeenteArg;
use http::{Client, Timeouts};
use manifest::{Entry, Manifest, MANIFEST};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub gemeente: String,
    pub year: u16,
    pub out: PathBuf,
    pub cbs_url: String,
    /// Overrides the year's KWB table.
    pub cbs_table: Option<String>,
    /// None: the year's PDOK service.
    pub pdok_url: Option<String>,
    pub duo_url: String,
    pub timeouts: Timeouts,
}

/// Which download a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Cbs,
    Pdok,
    Duo,
    Write,
}

impl Step {
    pub fn number(self) -> u64 {
        match self {
            Step::Cbs => 1,
            Step::Pdok => 2,
            Step::Duo => 3,
            Step::Write => 4,
        }
    }
}

/// A page read: the step, pages so far and records so far.
pub type Progress<'a> = &'a mut dyn FnMut(Step, usize, usize);

pub fn fetch(opts: &FetchOptions, progress: Progress) -> Result<Manifest, FetchError> {
    let which = GemeenteArg::parse(&opts.gemeente)?;
    let table = match &opts.cbs_table {
        Some(t) => t.trim().to_string(),
        None => cbs::table_for(opts.year)?.to_string(),
    };
    let client = Client::new(opts.timeouts);
    let now = || provenance::now_utc().unwrap_or_default();

    progress(Step::Cbs, 0, 0);
    let c = cbs::Cbs {
        client: &client,
        base: opts.cbs_url.clone(),
        table: table.clone(),
    }
    .fetch(&which, |p, n| progress(Step::Cbs, p, n))?;
    let cbs_time = now();
    let g = c.gemeente.clone();

    progress(Step::Pdok, 0, 0);
    let pdok_base = opts
        .pdok_url
        .clone()
        .unwrap_or_else(|| pdok::default_base(opts.year));
    let p = pdok::fetch_buurten(&client, &pdok_base, opts.year, &g, |pg, n| {
        progress(Step::Pdok, pg, n)
    })?;
    let pdok_time = now();

    progress(Step::Duo, 0, 0);
    let d = duo::fetch_schools(&client, &opts.duo_url, &g)?;
    progress(Step::Duo, 1, d.schools);
    let duo_time = now();

    let files = Files::named(&g.code, opts.year);
    let manifest = Manifest {
        gemeente: g.code.clone(),
        gemeente_name: g.name.clone(),
        year: opts.year,
        tool: concat!("buurtradar ", env!("CARGO_PKG_VERSION")).into(),
        indicators: Entry {
            file: files.indicators.clone(),
            source: format!("CBS StatLine {table}: {}", c.table_title),
            urls: c.urls,
            fetched_utc: cbs_time,
            sha256: provenance::sha256_hex(&c.csv),
            records: c.rows,
            downloaded_sha256: None,
        },
        boundaries: Entry {
            file: files.boundaries.clone(),
            source: format!(
                "PDOK OGC API Features, CBS wijken en buurten {}: buurten",
                opts.year
            ),
            urls: p.urls,
            fetched_utc: pdok_time,
            sha256: provenance::sha256_hex(&p.geojson),
            records: p.features,
            downloaded_sha256: None,
        },
        schools: Entry {
            file: files.schools.clone(),
            source: "DUO open onderwijsdata: alle vestigingen basisonderwijs".into(),
            urls: vec![opts.duo_url.clone()],
            fetched_utc: duo_time,
            sha256: provenance::sha256_hex(&d.csv),
            records: d.schools,
            downloaded_sha256: Some(provenance::sha256_hex(&d.downloaded)),
        },
    };
    let toml_text = toml::to_string_pretty(&manifest).map_err(|e| FetchError::Write {
        path: opts.out.join(MANIFEST),
        cause: e.to_string(),
    })?;
    progress(Step::Write, 0, 0);
    write_all(
        &opts.out,
        &[
            (files.indicators, c.csv),
            (files.boundaries, p.geojson),
            (files.schools, d.csv),
            (MANIFEST.to_string(), manifest_text(&toml_text).into_bytes()),
        ],
    )?;
    Ok(manifest)
}

struct Files {
    indicators: String,
    boundaries: String,
    schools: String,
}

impl Files {
    fn named(code: &str, year: u16) -> Files {
        Files {
            indicators: format!("kwb_{year}_{code}.csv"),
            boundaries: format!("buurten_{year}_{code}.geojson"),
            schools: format!("scholen_bo_{code}.csv"),
        }
    }
}

fn manifest_text(toml_text: &str) -> String {
    format!(
        "# Written by `buurtradar fetch`: per file the URLs read, when (UTC) and the\n\
         # SHA-256 of the file as written. `buurtradar rank --data <this folder>`\n\
         # loads the files named here.\n\n{toml_text}"
    )
}

/// Stage every file next to its target, then rename them all: either all
/// are there, complete, or none is. A folder this run created is removed
/// again when writing fails.
fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), FetchError> {
    let created = !dir.exists();
    let werr = |path: &Path, cause: String| FetchError::Write {
        path: path.to_path_buf(),
        cause,
    };
    std::fs::create_dir_all(dir).map_err(|e| werr(dir, e.to_string()))?;
    let result = (|| {
        let staged = files
            .iter()
            .map(|(name, bytes)| {
                let path = dir.join(name);
                Staged::new(&path, |w| w.write_all(bytes)).map_err(|e| werr(&path, error_text(&e)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        for s in staged {
            s.commit().map_err(|e| werr(dir, error_text(&e)))?;
        }
        Ok(())
    })();
    if result.is_err() && created {
        // Only an empty folder goes: remove_dir refuses anything else.
        let _ = std::fs::remove_dir(dir);
    }
    result
}
