//! `buurtradar rank`: the ranking, why each unit is where it is, and how
//! stable the shortlist is when the weights are argued about.

use crate::args::InputArgs;
use crate::args::ProfileArgs;
use crate::domain::analysis::{Analysis, RunOptions, UnitRow};
use crate::domain::dataset::Dataset;
use crate::domain::teams::{RoleCatalogue, TeamSettings};
use crate::export::{render, ExportContext, ExportOptions, Format};
use crate::io::{load, Inputs, Source};
use clap::{Args, ValueEnum};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum RankFormat {
    #[default]
    Table,
    Csv,
    Json,
    Md,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: RankFormat,
    /// Rows in the table (csv/json always carry every unit, and the values
    /// and team of each, as `buurtradar export` writes them).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

pub fn run(args: RankArgs) -> anyhow::Result<()> {
    let inputs = args.inputs.to_inputs()?;
    let ds = load(&inputs)?;
    let profile = args.profile.load()?;
    let a = Analysis::run(&ds, &profile, RunOptions::default())?;
    let out = match args.format {
        RankFormat::Table => table(&ds, &a, args.limit)?,
        RankFormat::Csv => exported(&ds, &a, &inputs, &args, Format::Csv)?,
        RankFormat::Json => exported(&ds, &a, &inputs, &args, Format::Json)?,
        RankFormat::Md => markdown(&ds, &a)?,
    };
    super::write_stdout(&out)?;
    Ok(())
}

/// csv and json are the exporters' own (same columns, same disclosure
/// check as `buurtradar export`), without a timestamp so that the same
/// inputs always print the same bytes.
fn exported(
    ds: &Dataset,
    a: &Analysis,
    inputs: &Inputs,
    args: &RankArgs,
    format: Format,
) -> anyhow::Result<String> {
    let catalogue = RoleCatalogue::default_catalogue()?;
    let extra_inputs = match &args.profile.profile {
        Some(p) => vec![("profile".to_string(), Source::read(p)?)],
        None => Vec::new(),
    };
    let teams = a.teams(ds, &catalogue, &TeamSettings::default(), &[]);
    let ctx = ExportContext {
        ds,
        analysis: a,
        teams: &teams,
        inputs,
        options: ExportOptions {
            reproducible: true,
            allow_small_cells: false,
            min_cell: Some(args.inputs.min_cell),
            extra_inputs,
        },
    };
    Ok(String::from_utf8(render(&ctx, format)?)?)
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "-".into())
}

fn fnum(v: Option<f64>, decimals: usize) -> String {
    v.map(|x| format!("{x:.decimals$}"))
        .unwrap_or_else(|| "-".into())
}

/// The 5-95% rank interval as "3-7", or "-" without a Monte Carlo.
fn interval(r: &UnitRow) -> String {
    match (r.rank_p05, r.rank_p95) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => "-".into(),
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('~');
        t
    }
}

/// The header lines every format repeats: method, rule, scope, notes.
pub fn method_lines(a: &Analysis) -> Vec<String> {
    let p = &a.profile;
    let weights: Vec<String> = a
        .ranking
        .indicators
        .iter()
        .zip(&a.ranking.weights)
        .map(|(i, w)| format!("{i} {w}"))
        .collect();
    let scope = if p.eligibility.gemeenten.is_empty() {
        "all gemeenten".to_string()
    } else {
        p.eligibility.gemeenten.join(", ")
    };
    let mut v = vec![
        format!(
            "Profile {}: {} normalisation, {} mean, reference {:?}, top {}",
            p.name,
            a.ranking.method.label(),
            match a.ranking.aggregation {
                crate::domain::profile::Aggregation::Arithmetic => "arithmetic",
                crate::domain::profile::Aggregation::Geometric => "geometric",
            },
            p.normalisation.reference,
            a.ranking.top_k
        ),
        format!("Weights: {}", weights.join(", ")),
        format!(
            "Unit: {} ({}); scope: {scope}; minimum {} primary schools, {} inhabitants, {} children 0-15",
            a.rule.unit_plural(),
            a.rule,
            p.eligibility.min_primary_schools,
            p.eligibility.min_inhabitants,
            p.eligibility.min_children_0_15
        ),
        format!(
            "{} ranked, {} eligible, shortlist {}",
            a.ranking.ranked_count(),
            a.ranking.eligible_count(),
            a.ranking.shortlist.len()
        ),
    ];
    if let Some(s) = &a.stability {
        v.push(format!(
            "Stability: {} draws, seed {}, concentration {}{}; the shortlist is unchanged in {:.0}% of draws",
            s.draws,
            s.seed,
            s.concentration,
            if s.vary_normalisation { ", normalisation varied" } else { "" },
            s.same_shortlist_share * 100.0
        ));
    }
    v
}

fn table(ds: &Dataset, a: &Analysis, limit: usize) -> anyhow::Result<String> {
    let mut o = String::new();
    for l in method_lines(a) {
        writeln!(o, "{l}")?;
    }
    for n in &a.notes {
        writeln!(o, "NOTE: {n}")?;
    }
    writeln!(o)?;
    let k = a.ranking.top_k;
    writeln!(
        o,
        "{:>4} {:<12} {:<16} {:<10} {:>6} {:>7} {:>5} {:>3} {:>6} {:>5}  status",
        "rank",
        "code",
        "name",
        "gemeente",
        "score",
        "5-95%",
        format!("P(t{k})"),
        "sch",
        "inhab",
        "kids",
    )?;
    let rows = a.rows(ds);
    let shown: Vec<&UnitRow> = rows
        .iter()
        .filter(|r| r.rank.is_some())
        .enumerate()
        .filter(|(i, r)| *i < limit || r.shortlisted)
        .map(|(_, r)| r)
        .collect();
    for r in &shown {
        let status = if r.shortlisted {
            format!("* {}", r.label.as_deref().unwrap_or("shortlist"))
        } else if r.eligible {
            r.label.clone().unwrap_or_else(|| "eligible".into())
        } else {
            let first = r.reasons.first().map(String::as_str).unwrap_or("");
            truncate(&first.replace(" primary schools", " schools"), 14)
        };
        writeln!(
            o,
            "{:>4} {:<12} {:<16} {:<10} {:>6} {:>7} {:>5} {:>3} {:>6} {:>5}  {}",
            opt(r.rank),
            truncate(&r.code, 12),
            truncate(&r.name, 16),
            truncate(&r.gemeente, 10),
            fnum(r.score, 2),
            interval(r),
            fnum(r.p_top_k, 2),
            opt(r.schools),
            fnum(r.inhabitants, 0),
            fnum(r.children_0_15, 0),
            status
        )?;
    }
    let unranked = rows.iter().filter(|r| r.rank.is_none()).count();
    let hidden = rows.len() - shown.len() - unranked;
    if hidden > 0 || unranked > 0 {
        writeln!(
            o,
            "... {hidden} more ranked and {unranked} not ranked (--limit, or --format csv/json for all)"
        )?;
    }
    writeln!(o)?;
    writeln!(o, "Why the shortlist (largest contributions to the score):")?;
    for &u in &a.ranking.shortlist {
        let drivers: Vec<String> = a
            .ranking
            .drivers(u)
            .into_iter()
            .take(3)
            .map(|(id, c)| format!("{id} {c:+.2}"))
            .collect();
        writeln!(
            o,
            "  {} {}: {}",
            a.units[u].code,
            a.units[u].name,
            drivers.join(", ")
        )?;
    }
    if let Some(s) = &a.stability {
        writeln!(o)?;
        writeln!(
            o,
            "Sensitivity (share of draws where +50% weight changes the top {k}):"
        )?;
        let mut sens = s.sensitivity.clone();
        sens.sort_by(|x, y| {
            y.share_changed
                .total_cmp(&x.share_changed)
                .then_with(|| x.id.cmp(&y.id))
        });
        for x in sens.iter().take(5) {
            writeln!(
                o,
                "  {:<32} {:>5.1}%{}",
                x.id,
                x.share_changed * 100.0,
                if x.changes_at_base {
                    "  (changes it at the profile weights)"
                } else {
                    ""
                }
            )?;
        }
    }
    if !a.candidates.is_empty() {
        writeln!(o)?;
        writeln!(o, "Candidates per rule at 2 / 3 / 4 primary schools:")?;
        for c in &a.candidates {
            let counts: Vec<String> = c.counts.iter().map(|(_, n)| n.to_string()).collect();
            let mark = if c.rule == a.rule { "  <- used" } else { "" };
            writeln!(o, "  {:<12} {}{mark}", c.rule.id(), counts.join(" / "))?;
        }
    }
    if !a.failed_seeds.is_empty() {
        writeln!(o)?;
        writeln!(
            o,
            "{} seed buurten could not grow into an area (see --format json)",
            a.failed_seeds.len()
        )?;
    }
    Ok(o)
}

fn markdown(ds: &Dataset, a: &Analysis) -> anyhow::Result<String> {
    let mut o = String::new();
    writeln!(o, "## Ranking\n")?;
    for l in method_lines(a) {
        writeln!(o, "- {l}")?;
    }
    for n in &a.notes {
        writeln!(o, "- **Note:** {n}")?;
    }
    writeln!(o)?;
    writeln!(o, "| rank | code | name | gemeente | score | rank 5-95% | P(top {}) | schools | inhabitants | status |", a.ranking.top_k)?;
    writeln!(o, "|---:|---|---|---|---:|---:|---:|---:|---:|---|")?;
    for r in a.rows(ds).iter().filter(|r| r.rank.is_some()) {
        let status = if r.shortlisted {
            format!("**shortlist** ({})", r.label.as_deref().unwrap_or("-"))
        } else if r.eligible {
            r.label.clone().unwrap_or_else(|| "eligible".into())
        } else {
            r.reasons.join("; ")
        };
        writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            opt(r.rank),
            r.code,
            r.name.replace('|', "/"),
            r.gemeente,
            fnum(r.score, 2),
            interval(r),
            fnum(r.p_top_k, 2),
            opt(r.schools),
            fnum(r.inhabitants, 0),
            status
        )?;
    }
    Ok(o)
}
