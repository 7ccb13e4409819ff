//! `buurtradar rank`: the ranking, why each unit is where it is, and how
//! stable the shortlist is when the weights are argued about.

use crate::args::choice::error_text;
use crate::args::InputArgs;
use crate::args::ProfileArgs;
use crate::args::{HandArgs, LangArgs};
use crate::domain::analysis::{Analysis, ChosenBy, RunOptions, UnitRow};
use crate::domain::dataset::Dataset;
use crate::domain::teams::{RoleCatalogue, TeamSettings};
use crate::export::{render, ExportContext, ExportOptions, Format};
use crate::i18n::{Lang, Rt};
use crate::io::{load, Inputs, Source};
use crate::present::human::{self, num};
use crate::present::{fit, method_lines, rank_interval, TILDE};
use crate::said;
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
    #[command(flatten)]
    pub hand: HandArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: RankFormat,
    /// Rows in the table (csv/json/md are written as `buurtradar export`
    /// writes them: csv/json with every unit, its values and team; md as
    /// the memo).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Variance-based sensitivity: first-order and total Sobol indices of
    /// the weights (each within +-50%) on each shortlisted unit's rank,
    /// from N samples per matrix (the ranking is computed N x (weights + 2)
    /// times). Shown in the table and as `sobol` in json.
    #[arg(long, value_name = "N")]
    pub sobol: Option<usize>,
}

use crate::domain::sensitivity::{weight_sobol, SobolSettings};

pub fn run(args: RankArgs) -> anyhow::Result<()> {
    let profile = args.profile.load()?;
    let mut inputs = args.inputs.to_inputs_for(&profile)?;
    let ds = load(&inputs)?;
    if args.format == RankFormat::Csv {
        // The table shows no provenance, so nothing hashes the files: their
        // bytes (50 MB for the country) are freed before the ranking's own
        // buffers are made, on another core.
        let contents = inputs.release_contents();
        rayon::spawn(move || drop(contents));
    }
    // The CSV carries no candidates-per-rule line, and on national data
    // those counts cost more than the ranking itself.
    let opts = RunOptions {
        skip_candidates: args.format == RankFormat::Csv,
        ..RunOptions::default()
    };
    let mut a = Analysis::run(&ds, &profile, opts)?;
    args.hand.apply(&ds, &mut a)?;
    let lang = args.lang.resolve(Some(&profile));
    let sobol = match args.sobol {
        Some(n) if matches!(args.format, RankFormat::Csv | RankFormat::Md) => {
            anyhow::bail!(error_text(said!(
                "--sobol {n} staat in --format table of json, niet in csv of md",
                "--sobol {n} shows in --format table or json, not csv or md"
            )))
        }
        Some(n) => Some(weight_sobol(
            &a.prepared,
            &a.ranking.weights,
            &a.ranking.shortlist,
            &SobolSettings {
                samples: n.max(2),
                seed: a.profile.monte_carlo.seed,
                ..SobolSettings::default()
            },
        )?),
        None => None,
    };
    let out = match args.format {
        RankFormat::Table => {
            let mut t = table(&ds, &a, args.limit, lang)?;
            if let Some(s) = &sobol {
                t.push_str(&crate::present::sobol::sobol_text(&a, &ds, s, lang));
            }
            t
        }
        RankFormat::Csv => exported(&ds, &a, &inputs, &args, Format::Csv)?,
        RankFormat::Json => {
            let json = exported(&ds, &a, &inputs, &args, Format::Json)?;
            match &sobol {
                Some(s) => with_sobol(&json, &a, s)?,
                None => json,
            }
        }
        RankFormat::Md => exported(&ds, &a, &inputs, &args, Format::Md)?,
    };
    crate::timing::mark("output made");
    super::write_stdout(&out)?;
    // The process ends next, and the system takes the memory back at once;
    // freeing national data one allocation at a time cost ~20 ms.
    std::mem::forget((ds, a));
    crate::timing::mark("written");
    Ok(())
}

/// The export's json object with a `sobol` member added at its end: per
/// shortlisted unit its code, rank variance and per indicator the indices.
fn with_sobol(
    json: &str,
    a: &Analysis,
    s: &[crate::domain::sensitivity::UnitSobol],
) -> anyhow::Result<String> {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        code: &'a str,
        #[serde(flatten)]
        sobol: &'a crate::domain::sensitivity::UnitSobol,
    }
    let rows: Vec<Out> = s
        .iter()
        .map(|u| Out {
            code: &a.units[u.unit].code,
            sobol: u,
        })
        .collect();
    let body = json.trim_end();
    let Some(open) = body.strip_suffix('}') else {
        anyhow::bail!(error_text(said!(
            "de json-export is geen object",
            "the json export is not an object"
        )));
    };
    let member = serde_json::to_string_pretty(&rows)?.replace('\n', "\n  ");
    Ok(format!("{},\n  \"sobol\": {member}\n}}\n", open.trim_end()))
}

/// csv, json and md are the exporters' own (same content, same disclosure
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
    crate::timing::mark("export start");
    let teams = a.teams(ds, &catalogue, &TeamSettings::default(), &[]);
    crate::timing::mark("teams");
    let ctx = ExportContext {
        ds,
        analysis: a,
        teams: &teams,
        inputs,
        options: ExportOptions {
            reproducible: true,
            allow_small_cells: false,
            min_cell: Some(inputs.min_cell()),
            extra_inputs,
            lang: args.lang.resolve(Some(&a.profile)),
            ..ExportOptions::default()
        },
    };
    Ok(String::from_utf8(render(&ctx, format)?)?)
}

fn table(ds: &Dataset, a: &Analysis, limit: usize, lang: Lang) -> anyhow::Result<String> {
    let mut o = String::new();
    for l in method_lines(a, ds, lang) {
        writeln!(o, "{l}")?;
    }
    for n in crate::present::notes::note_texts(&a.notes, ds, lang) {
        writeln!(o, "{}: {n}", Rt::Note.text(lang).to_uppercase())?;
    }
    writeln!(o)?;
    let k = a.ranking.top_k;
    writeln!(
        o,
        "{:>5} {:<12} {:<16} {:<10} {:>6} {:>7} {:>5} {:>3} {:>6} {:>5}  {}",
        Rt::Rank.text(lang),
        Rt::Code.text(lang),
        Rt::Name.text(lang),
        Rt::Gemeente.text(lang),
        Rt::Score.text(lang),
        "5-95%",
        format!("P(t{k})"),
        crate::i18n::Msg::ColumnSchools.text(lang),
        crate::i18n::Msg::ColumnInhabitants.text(lang),
        lang.pick("kind", "kids"),
        Rt::Status.text(lang),
    )?;
    let rows = a.rows(ds);
    let order = a.display_order();
    let shown: Vec<(usize, &UnitRow)> = order
        .iter()
        .copied()
        .zip(&rows)
        .filter(|(_, r)| r.rank.is_some() || r.shortlisted)
        .enumerate()
        .filter(|(i, (_, r))| *i < limit || r.shortlisted || r.removed_by_hand)
        .map(|(_, x)| x)
        .collect();
    let (mut tied, mut small, mut by_hand) = (false, false, false);
    for &(u, r) in &shown {
        tied |= r.tied;
        small |= r.small_population;
        by_hand |= r.chosen_by == Some(ChosenBy::Hand);
        let code = format!("{}{}", r.code, if r.small_population { "!" } else { "" });
        writeln!(
            o,
            "{:>5} {:<12} {:<16} {:<10} {:>6} {:>7} {:>5} {:>3} {:>6} {:>5}  {}",
            human::rank_text(r),
            fit(&code, 12, TILDE),
            fit(&r.name, 16, TILDE),
            fit(&r.gemeente, 10, TILDE),
            num(r.score, 2, lang),
            rank_interval(r.rank_p05, r.rank_p95),
            num(r.p_top_k, 2, lang),
            crate::present::optional(r.schools),
            num(r.inhabitants, 0, lang),
            num(r.children_0_15, 0, lang),
            fit(&row_status(a, u, r, lang), 14, TILDE)
        )?;
    }
    if tied {
        writeln!(o, "{}", Rt::TieMark.text(lang))?;
    }
    if small {
        let below = num(Some(a.profile.small_population_below), 0, lang);
        writeln!(o, "{}", Rt::SmallMark.fill(lang, &[&below]))?;
    }
    if by_hand {
        writeln!(o, "{}", Rt::HandMark.text(lang))?;
    }
    let unranked = rows.iter().filter(|r| r.rank.is_none()).count();
    let hidden = rows.len() - shown.len() - unranked;
    if hidden > 0 || unranked > 0 {
        writeln!(o, "{}", Rt::MoreRows.fill(lang, &[&hidden, &unranked]))?;
    }
    writeln!(o)?;
    writeln!(o, "{}", Rt::WhyChosen.text(lang))?;
    for &u in &a.ranking.shortlist {
        let drivers: Vec<String> = a
            .ranking
            .drivers(u)
            .into_iter()
            .take(3)
            .map(|(id, c)| format!("{} {}", human::label(ds, id, lang), human::signed(c, lang)))
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
        let _ = s;
        writeln!(o, "{}", Rt::SensitivityTitle.fill(lang, &[&k]))?;
        for l in crate::present::method::sensitivity_lines(a, ds, 5, lang) {
            writeln!(o, "  {l}")?;
        }
    }
    if !a.candidates.is_empty() {
        writeln!(o)?;
        writeln!(o, "{}", Rt::CandidatesTitle.text(lang))?;
        for c in &a.candidates {
            let counts: Vec<String> = c.counts.iter().map(|(_, n)| n.to_string()).collect();
            let mark = if c.rule == a.rule {
                format!(
                    "  <- {}",
                    Rt::CandidateUsed.text(lang).trim().trim_matches(['(', ')'])
                )
            } else {
                String::new()
            };
            let name = crate::present::method::rule_name(c.rule, lang);
            writeln!(o, "  {:<18} {}{mark}", name, counts.join(" / "))?;
        }
    }
    if !a.failed_seeds.is_empty() {
        writeln!(o)?;
        writeln!(
            o,
            "{}",
            Rt::FailedSeeds.fill(lang, &[&a.failed_seeds.len()])
        )?;
    }
    Ok(o)
}

/// The status column: how the unit got on the shortlist, or why not.
fn row_status(a: &Analysis, u: usize, r: &UnitRow, lang: Lang) -> String {
    let status = human::status(a, u, r, lang);
    if r.chosen_by == Some(ChosenBy::Hand) {
        format!("{} {status}", human::HAND)
    } else {
        status
    }
}
