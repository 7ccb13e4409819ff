//! `buurtradar check`: what the inputs hold and everything that did not fit.

use super::ReportFormat;
use crate::args::{InputArgs, ProfileArgs};
use crate::domain::analysis::{Analysis, RunOptions};
use crate::domain::correlation::Correlations;
use crate::domain::dataset::Dataset;
use crate::domain::profile::Profile;
use crate::domain::report::LoadReport;
use crate::i18n::{Lang, Msg};
use crate::io::load;
use crate::present::correlation_lines;
use clap::Args;
use std::fmt::Write;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// In the table, list every code instead of the first 20.
    #[arg(long)]
    pub all: bool,
    /// The profile whose indicators are checked for redundancy.
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// Language of the correlation section.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

pub fn run(args: CheckArgs) -> anyhow::Result<()> {
    let profile = args.profile.load()?;
    let inputs = args.inputs.to_inputs_for(&profile)?;
    let ds = load(&inputs)?;
    let correlations = profile_correlations(&ds, &profile);
    let out = match args.format {
        ReportFormat::Json => {
            let mut j = serde_json::to_value(&ds.report)?;
            if let Some(obj) = j.as_object_mut() {
                let value = match &correlations {
                    Ok(c) => serde_json::to_value(c)?,
                    Err(e) => serde_json::json!({ "error": e }),
                };
                obj.insert("correlations".into(), value);
            }
            serde_json::to_string_pretty(&j)? + "\n"
        }
        ReportFormat::Table => {
            let mut t = render_table(&ds.report, args.all)?;
            t.push('\n');
            let lines = match &correlations {
                Ok(c) => correlation_lines(c, args.lang),
                Err(e) => vec![Msg::CorrelationsUnavailable.fill(args.lang, &[e])],
            };
            for l in lines {
                writeln!(t, "{l}")?;
            }
            t
        }
    };
    super::write_stdout(&out)?;
    Ok(())
}

/// Correlations of the profile's indicators over its reference set; the
/// error as text when the profile cannot be run on these inputs (the rest
/// of the check still stands).
fn profile_correlations(ds: &Dataset, profile: &Profile) -> Result<Correlations, String> {
    let opts = RunOptions {
        skip_stability: true,
        skip_candidates: true,
    };
    let a = Analysis::run(ds, profile, opts).map_err(|e| e.to_string())?;
    Ok(a.correlations())
}

fn list(codes: &[String], all: bool) -> String {
    const SHOWN: usize = 20;
    if all || codes.len() <= SHOWN {
        codes.join(", ")
    } else {
        format!(
            "{}, ... and {} more (--all or --format json lists them)",
            codes[..SHOWN].join(", "),
            codes.len() - SHOWN
        )
    }
}

pub fn render_table(r: &LoadReport, all: bool) -> Result<String, std::fmt::Error> {
    let mut o = String::new();
    writeln!(o, "Inputs")?;
    for i in &r.inputs {
        writeln!(
            o,
            "  {:<11} {}  [{}, {} records]",
            i.role, i.file, i.format, i.records
        )?;
    }
    writeln!(o, "CRS: {}", r.crs)?;
    writeln!(o)?;
    writeln!(o, "Buurten per gemeente ({} buurten in all)", r.buurten)?;
    for (code, g) in &r.gemeenten {
        writeln!(
            o,
            "  {code:<8} {:<24} {:>5} buurten, {:>5} with geometry",
            g.name.as_deref().unwrap_or("-"),
            g.buurten,
            g.with_geometry
        )?;
    }
    if r.without_geometry.is_empty() {
        writeln!(o, "Buurten without geometry: none")?;
    } else {
        writeln!(
            o,
            "Buurten without geometry ({}, kept, not on the map): {}",
            r.without_geometry.len(),
            list(&r.without_geometry, all)
        )?;
    }
    if r.duplicates.is_empty() {
        writeln!(o, "Duplicate codes: none")?;
    } else {
        writeln!(
            o,
            "Duplicate codes ({}; the first is kept):",
            r.duplicates.len()
        )?;
        for d in &r.duplicates {
            writeln!(o, "  {} in {}: {}", d.code, d.file, d.places.join(", "))?;
        }
    }
    if !r.joins.is_empty() {
        writeln!(o)?;
        writeln!(o, "Join on buurt code")?;
        for j in &r.joins {
            writeln!(
                o,
                "  {}: {} rows, {} buurten, {} matched",
                j.file, j.regions_in_file, j.buurten_in_file, j.matched_buurten
            )?;
            if !j.only_in_file.is_empty() {
                writeln!(
                    o,
                    "    only in this file ({}): {}",
                    j.only_in_file.len(),
                    list(&j.only_in_file, all)
                )?;
            }
            if !j.only_in_boundaries.is_empty() {
                writeln!(
                    o,
                    "    only in the boundaries ({}): {}",
                    j.only_in_boundaries.len(),
                    list(&j.only_in_boundaries, all)
                )?;
            }
        }
    }
    writeln!(o)?;
    writeln!(o, "Indicators (coverage over {} buurten)", r.buurten)?;
    if r.indicators.is_empty() {
        writeln!(o, "  none")?;
    }
    let w = r
        .indicators
        .iter()
        .map(|c| c.id.len())
        .max()
        .unwrap_or(0)
        .clamp(24, 48);
    for c in &r.indicators {
        let mut tags = Vec::new();
        if !c.known {
            tags.push("custom");
        }
        if c.derived {
            tags.push("derived");
        }
        if c.sensitive {
            tags.push("SENSITIVE");
        }
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", tags.join(", "))
        };
        let missing: Vec<String> = c.missing.iter().map(|(m, n)| format!("{m} {n}")).collect();
        writeln!(
            o,
            "  {:<w$} {:>5}/{:<5} {}{tags}",
            c.id,
            c.present,
            c.buurten,
            if missing.is_empty() {
                "complete".to_string()
            } else {
                format!("missing: {}", missing.join(", "))
            }
        )?;
        writeln!(o, "  {:<w$} from {}", "", c.source)?;
    }
    writeln!(o)?;
    let s = &r.schools;
    writeln!(o, "Schools: {}", s.method)?;
    if let Some(f) = &s.file {
        writeln!(
            o,
            "  {} schools in {f}; {} counted as primary (kinds: {}); {} placed in a buurt, {} in none",
            s.total,
            s.counted,
            s.kinds_counted.join(", "),
            s.matched,
            s.unmatched.len()
        )?;
        let kinds: Vec<String> = s
            .by_kind
            .iter()
            .map(|(k, n)| format!("{} {n}", if k.is_empty() { "(no kind)" } else { k }))
            .collect();
        writeln!(o, "  by kind: {}", kinds.join(", "))?;
        let at_least: Vec<String> = s
            .buurten_with_min_schools
            .iter()
            .map(|(k, n)| format!(">={k}: {n}"))
            .collect();
        writeln!(o, "  buurten with primary schools {}", at_least.join(", "))?;
        for u in &s.unmatched {
            writeln!(
                o,
                "  in no buurt: {} ({}, {}) {}",
                u.name, u.kind, u.place, u.location
            )?;
        }
    }
    writeln!(o)?;
    for n in &r.notes {
        writeln!(o, "Note: {n}")?;
    }
    if r.warnings.is_empty() {
        writeln!(o, "Warnings: none")?;
    } else {
        writeln!(o, "Warnings ({})", r.warnings.len())?;
        for w in &r.warnings {
            writeln!(o, "  {w}")?;
        }
    }
    Ok(o)
}
