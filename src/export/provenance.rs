//! Where an export came from: tool version, the profile as TOML, every
//! input with its SHA-256, the Monte Carlo draws and seed, the disclosure
//! settings, and when it was made (left out with `--reproducible`, so that
//! identical inputs give byte-identical files).

use super::disclosure::DisclosureSummary;
use super::{ExportContext, ExportError, Format};
use crate::said;
use serde::Serialize;
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Findings listed in the provenance; a few hundred names would bury the rest.
const LISTED_FINDINGS: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputRecord {
    pub role: String,
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
    /// Where `fetch` downloaded it (a table in TOML: after the values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<crate::io::Origin>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisclosureRecord {
    /// Minimum units per microdata cell checked at export.
    pub min_cell: u32,
    /// Threshold applied at load (0: nothing was suppressed).
    pub load_min_cell: u32,
    pub allow_small_cells: bool,
    pub microdata_indicators: Vec<String>,
    /// Microdata cells written as "suppressed".
    pub suppressed_cells: usize,
    /// With `allow_small_cells`: how many cells below `min_cell` were
    /// written anyway, and which.
    #[serde(skip_serializing_if = "is_zero")]
    pub small_cells_written: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub small_cells: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Field order is TOML's: plain values before tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    pub tool: String,
    pub format: String,
    /// UTC, ISO 8601; absent in reproducible exports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    pub reproducible: bool,
    pub rule: String,
    /// Monte Carlo over the weights; 0 draws when it was not run.
    pub draws: usize,
    pub seed: u64,
    /// Statements every output carries (school proxy, sensitive
    /// indicators, too few candidates): here for the formats without prose.
    pub notes: Vec<String>,
    /// Language of the human-facing text.
    pub lang: String,
    /// The weights differ from the profile's as loaded.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub profile_changed: bool,
    /// "indicator: profile weight -> used weight".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weight_changes: Vec<String>,
    /// Units put on the shortlist by hand, not by the rules.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub chosen_by_hand: Vec<String>,
    /// Units the rules chose that were taken off by hand.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed_by_hand: Vec<String>,
    /// The profile as run (command-line overrides applied), as TOML.
    pub profile: String,
    pub disclosure: DisclosureRecord,
    pub inputs: Vec<InputRecord>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn record(role: &str, src: &crate::io::Source) -> Result<InputRecord, ExportError> {
    if src.is_released() {
        let name = &src.name;
        return Err(ExportError::Other(said!(
            "{name}: de inhoud van het bestand was al vrijgegeven voordat de hash werd gemaakt",
            "{name}: the file's content was freed before its hash was made"
        )));
    }
    Ok(InputRecord {
        role: role.to_string(),
        name: src.name.clone(),
        sha256: sha256_hex(&src.bytes),
        bytes: src.bytes.len() as u64,
        origin: src.origin.clone(),
    })
}

/// A file read while loading but not kept in memory (the postcode table,
/// millions of rows): hashed by streaming it.
fn record_file(role: &str, path: &std::path::Path) -> Result<InputRecord, ExportError> {
    use sha2::Digest;
    use std::io::Read;
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut f = std::fs::File::open(path).map_err(io)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut bytes = 0u64;
    loop {
        let n = f.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        bytes += n as u64;
    }
    Ok(InputRecord {
        role: role.to_string(),
        name: path.display().to_string(),
        sha256: format!("{:x}", h.finalize()),
        bytes,
        origin: None,
    })
}

/// Every input with its hash, in the order the provenance lists them.
pub(super) fn input_records(ctx: &ExportContext) -> Result<Vec<InputRecord>, ExportError> {
    let mut inputs = Vec::new();
    if let Some(b) = &ctx.inputs.boundaries {
        inputs.push(record("boundaries", b)?);
    }
    for i in &ctx.inputs.indicators {
        inputs.push(record("indicators", i)?);
    }
    if let Some(s) = &ctx.inputs.schools {
        inputs.push(record("schools", s)?);
        // The table that placed the schools is an input like any other.
        if let Some(t) = &ctx.inputs.school_options.postcode_table {
            inputs.push(record_file("postcode_table", t)?);
        }
    }
    for (role, src) in &ctx.options.extra_inputs {
        inputs.push(record(role, src)?);
    }
    Ok(inputs)
}

impl Provenance {
    pub fn new(
        ctx: &ExportContext,
        format: Format,
        disclosure: &DisclosureSummary,
        inputs: Vec<InputRecord>,
    ) -> Result<Provenance, ExportError> {
        let a = ctx.analysis;
        let (draws, seed) = match &a.stability {
            Some(s) => (s.draws, s.seed),
            None => (0, a.profile.monte_carlo.seed),
        };
        let listed: Vec<String> = disclosure
            .findings
            .iter()
            .take(LISTED_FINDINGS)
            .map(|f| f.to_string())
            .chain((disclosure.findings.len() > LISTED_FINDINGS).then(|| {
                format!(
                    "... and {} more",
                    disclosure.findings.len() - LISTED_FINDINGS
                )
            }))
            .collect();
        Ok(Provenance {
            tool: format!("buurtradar {}", env!("CARGO_PKG_VERSION")),
            format: format.id().to_string(),
            created: (!ctx.options.reproducible).then(now_utc).transpose()?,
            reproducible: ctx.options.reproducible,
            rule: a.rule.id().to_string(),
            draws,
            seed,
            notes: a.notes.iter().map(|n| n.to_string()).collect(),
            lang: ctx.options.lang.pick("nl", "en").to_string(),
            profile_changed: !a.weight_changes().is_empty(),
            weight_changes: a
                .weight_changes()
                .into_iter()
                .map(|(id, before, now)| format!("{id}: {before} -> {now}"))
                .collect(),
            chosen_by_hand: a
                .hand
                .added
                .iter()
                .map(|&u| a.units[u].code.clone())
                .collect(),
            removed_by_hand: a
                .hand
                .removed
                .iter()
                .map(|&u| a.units[u].code.clone())
                .collect(),
            profile: a.profile.to_toml().map_err(ExportError::other)?,
            disclosure: DisclosureRecord {
                min_cell: disclosure.threshold,
                load_min_cell: disclosure.load_min_cell,
                allow_small_cells: disclosure.allow_small_cells,
                microdata_indicators: disclosure.microdata().map(str::to_string).collect(),
                suppressed_cells: disclosure.suppressed_total(),
                small_cells_written: disclosure.findings.len(),
                small_cells: listed,
            },
            inputs,
        })
    }

    pub fn to_toml(&self) -> Result<String, ExportError> {
        toml::to_string(self).map_err(ExportError::other)
    }

    /// One line for places with little room (an SVG caption).
    pub fn summary(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::Rt::SvgFooter.fill(
            lang,
            &[
                &self.tool,
                &self
                    .created
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default(),
                &profile_name(&self.profile),
                &crate::present::human::num(Some(self.draws as f64), 0, lang),
                &self.seed,
            ],
        )
    }
}

fn profile_name(toml_text: &str) -> String {
    toml_text
        .lines()
        .find_map(|l| l.strip_prefix("name = "))
        .map(|n| n.trim_matches('"').to_string())
        .unwrap_or_default()
}

pub fn now_utc() -> Result<String, ExportError> {
    format_utc(OffsetDateTime::now_utc().unix_timestamp())
}

/// Seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`: RFC 3339 in UTC,
/// which omits the fraction for whole seconds.
pub fn format_utc(secs: i64) -> Result<String, ExportError> {
    OffsetDateTime::from_unix_timestamp(secs)
        .map_err(|e| {
            ExportError::Other(said!(
                "aanmaaktijd {secs}: {e}",
                "creation time {secs}: {e}"
            ))
        })?
        .format(&Rfc3339)
        .map_err(|e| {
            ExportError::Other(said!(
                "aanmaaktijd {secs}: {e}",
                "creation time {secs}: {e}"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_released_file_is_not_hashed_as_empty() {
        let mut src = crate::io::Source::from_bytes("b.geojson", b"{}".to_vec());
        let kept = record("boundaries", &src).unwrap();
        assert_eq!(kept.bytes, 2);
        assert_eq!(kept.sha256, sha256_hex(b"{}"));
        assert_eq!(&src.release()[..], b"{}");
        let e = record("boundaries", &src).unwrap_err().to_string();
        assert!(e.contains("b.geojson"), "{e}");
    }

    #[test]
    fn utc_dates() {
        assert_eq!(format_utc(0).unwrap(), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400).unwrap(), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_709_251_199).unwrap(), "2024-02-29T23:59:59Z");
        assert_eq!(format_utc(4_102_444_800).unwrap(), "2100-01-01T00:00:00Z");
    }

    #[test]
    fn now_has_the_same_shape() {
        let now = now_utc().unwrap();
        assert_eq!(now.len(), "1970-01-01T00:00:00Z".len(), "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
    }

    #[test]
    fn a_date_past_year_9999_is_an_error_not_a_wrong_string() {
        assert!(format_utc(253_402_300_800).is_err());
    }

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
