//! `buurtradar teams`: the team each selected unit's figures call for, with
//! the reason for every member.

use super::cannot_read;
use crate::args::choice::error_text;
use crate::args::InputArgs;
use crate::args::ProfileArgs;
use crate::args::{HandArgs, LangArgs};
use crate::domain::analysis::{unit_index, Analysis, RunOptions};
use crate::domain::dataset::Dataset;
use crate::domain::teams::{allocate, Allocation, Pool, RoleCatalogue, TeamReport, TeamSettings};
use crate::i18n::{Lang, Rt, Said};
use crate::io::load;
use crate::present::human;
use crate::said;
use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TeamFormat {
    #[default]
    Table,
    Md,
    Json,
}

#[derive(Debug, Args)]
pub struct TeamsArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[command(flatten)]
    pub hand: HandArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    /// Unit codes to compose teams for (default: the shortlist). Repeatable.
    #[arg(long, value_name = "CODE")]
    pub buurt: Vec<String>,
    /// Available professionals per role across all selected units (TOML).
    #[arg(long, value_name = "FILE")]
    pub pool: Option<PathBuf>,
    /// Role catalogue and rules (TOML); default: the embedded catalogue.
    #[arg(long, value_name = "FILE")]
    pub roles: Option<PathBuf>,
    /// Maximum team size, core roles included.
    #[arg(long, default_value_t = 8)]
    pub max_size: usize,
    /// Also list roles considered and not triggered, and why.
    #[arg(long)]
    pub explain: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: TeamFormat,
}

pub fn load_catalogue(path: Option<&PathBuf>) -> anyhow::Result<RoleCatalogue> {
    Ok(match path {
        Some(p) => {
            let path = p.display();
            let text = std::fs::read_to_string(p).map_err(|e| cannot_read(&path, &e))?;
            RoleCatalogue::parse(&text).with_context(|| {
                error_text(said!(
                    "{path}: ongeldige rollencatalogus",
                    "{path}: invalid role catalogue"
                ))
            })?
        }
        None => RoleCatalogue::default_catalogue()?,
    })
}

pub fn run(args: TeamsArgs) -> anyhow::Result<()> {
    let profile = args.profile.load()?;
    let ds = load(&args.inputs.to_inputs_for(&profile)?)?;
    let catalogue = load_catalogue(args.roles.as_ref())?;
    let lang = args.lang.resolve(Some(&profile));
    let mut a = Analysis::run(
        &ds,
        &profile,
        RunOptions {
            skip_stability: true,
            skip_candidates: true,
        },
    )?;
    args.hand.apply(&ds, &mut a)?;
    let index = unit_index(&a);
    let mut units = Vec::new();
    for code in &args.buurt {
        match index.get(code.trim().to_uppercase().as_str()) {
            Some(&u) => units.push(u),
            None => {
                let (units, rule) = (human::unit_plural(a.rule, Lang::Nl), a.rule.id());
                let units_en = human::unit_plural(a.rule, Lang::En);
                let like = a.units.first().map(|u| u.code.as_str()).unwrap_or("?");
                bail!(error_text(Said::new(
                    format!("--buurt {code}: zulke {units} zijn er niet (regel '{rule}'); codes zien eruit als {like}"),
                    format!("--buurt {code}: no such {units_en} unit (rule '{rule}'); codes look like {like}"),
                )))
            }
        }
    }
    if units.is_empty() && a.ranking.shortlist.is_empty() {
        let (units, units_en) = (
            human::unit_plural(a.rule, Lang::Nl),
            human::unit_plural(a.rule, Lang::En),
        );
        bail!(error_text(Said::new(
            format!("de shortlist is leeg (0 geschikte {units}): noem eenheden met --buurt of versoepel de regel (zie `buurtradar rank`)"),
            format!("the shortlist is empty (0 eligible {units_en}): name units with --buurt or relax the rule (see `buurtradar rank`)"),
        )));
    }
    let settings = TeamSettings {
        max_size: args.max_size,
        explain: args.explain,
    };
    let mut report = a.teams(&ds, &catalogue, &settings, &units);
    let allocation = match &args.pool {
        Some(p) => {
            let path = p.display();
            let invalid = || {
                error_text(said!(
                    "{path}: ongeldig poolbestand",
                    "{path}: invalid pool"
                ))
            };
            let text = std::fs::read_to_string(p).map_err(|e| cannot_read(&path, &e))?;
            let pool = Pool::parse(&text).with_context(invalid)?;
            pool.validate(&catalogue).with_context(invalid)?;
            Some(allocate(&mut report.proposals, &pool))
        }
        None => None,
    };
    let out = match args.format {
        TeamFormat::Json => json(&a, &report, allocation.as_ref())?,
        TeamFormat::Table => text(
            &ds,
            &a,
            &report,
            (allocation.as_ref(), &catalogue),
            false,
            lang,
        )?,
        TeamFormat::Md => text(
            &ds,
            &a,
            &report,
            (allocation.as_ref(), &catalogue),
            true,
            lang,
        )?,
    };
    super::write_stdout(&out)?;
    Ok(())
}

#[derive(Serialize)]
struct JsonOut<'a> {
    rule: crate::domain::pilot::PilotRule,
    profile: &'a str,
    teams: &'a TeamReport,
    allocation: Option<&'a Allocation>,
}

fn json(a: &Analysis, r: &TeamReport, alloc: Option<&Allocation>) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(&JsonOut {
        rule: a.rule,
        profile: &a.profile.name,
        teams: r,
        allocation: alloc,
    })? + "\n")
}

fn text(
    ds: &Dataset,
    a: &Analysis,
    r: &TeamReport,
    (alloc, catalogue): (Option<&Allocation>, &RoleCatalogue),
    md: bool,
    lang: Lang,
) -> anyhow::Result<String> {
    let mut o = String::new();
    let (h, b) = if md { ("### ", "- ") } else { ("", "  ") };
    writeln!(
        o,
        "{h}{} ({}; {} {})",
        Rt::Teams.text(lang),
        human::rule_text(a.rule, lang),
        crate::i18n::Msg::Profile.text(lang),
        a.profile.name
    )?;
    writeln!(o)?;
    let idx = unit_index(a);
    for p in &r.proposals {
        let facts = idx.get(p.buurt_code.as_str()).map(|&u| &a.units[u]);
        writeln!(
            o,
            "{h}{} {}{}",
            p.buurt_code,
            p.buurt_name,
            facts
                .map(|u| format!(" - {}", human::facts(u, lang)))
                .unwrap_or_default()
        )?;
        if md {
            writeln!(o)?;
        }
        for m in &p.members {
            let name = human::role_name(&m.name_nl, &m.name_en, lang);
            if m.core {
                writeln!(o, "{b}{name} ({})", Rt::Always.text(lang))?;
            } else {
                writeln!(o, "{b}{name}")?;
                for reason in human::reasons(m, ds, lang) {
                    writeln!(o, "{b}    {} {reason}", Rt::Because.text(lang))?;
                }
            }
        }
        for m in &p.dropped_by_cap {
            writeln!(
                o,
                "{b}({}) {}",
                crate::i18n::Msg::OverCap.text(lang),
                human::role_name(&m.name_nl, &m.name_en, lang)
            )?;
        }
        for u in &p.unmet {
            writeln!(
                o,
                "{b}{}",
                Rt::Unmet.fill(
                    lang,
                    &[
                        &human::role_name(&u.member.name_nl, &u.member.name_en, lang),
                        &human::team_note(&u.note, lang)
                    ]
                )
            )?;
        }
        if let Some(nt) = &p.not_triggered {
            for n in nt {
                let closest = n
                    .closest
                    .as_ref()
                    .map(|c| {
                        Rt::NotNeededClosest.fill(
                            lang,
                            &[
                                &human::label(ds, &c.indicator, lang),
                                &human::fig(c.value, lang),
                                &human::threshold(c.threshold.kind, c.threshold.value, lang),
                            ],
                        )
                    })
                    .unwrap_or_default();
                let mut why = human::team_note(&n.note, lang);
                if !closest.is_empty() {
                    why = format!("{why}; {closest}");
                }
                writeln!(
                    o,
                    "{b}{}: {} ({why})",
                    Rt::NotNeeded.text(lang),
                    human::role_name(&n.name_nl, &n.name_en, lang),
                )?;
            }
        }
        for n in &p.notes {
            writeln!(o, "{b}{}", Rt::NoteLine.fill(lang, &[n]))?;
        }
        writeln!(o)?;
    }
    if let Some(al) = alloc {
        writeln!(o, "{h}{}", Rt::Capacity.text(lang))?;
        for u in &al.usage {
            let name = catalogue
                .role(&u.role_id)
                .map(|r| human::role_name(&r.name_nl, &r.name_en, lang))
                .unwrap_or_else(|| u.role_id.clone());
            let line = Rt::CapacityLine.fill(lang, &[&name, &u.available, &u.assigned, &u.unmet]);
            writeln!(o, "{b}{line}")?;
        }
        writeln!(o)?;
    }
    for g in &r.data_gaps {
        let gap = Rt::DataGap.fill(lang, &[&human::data_gap(g, ds, lang)]);
        writeln!(o, "{b}{gap}")?;
    }
    Ok(o)
}
