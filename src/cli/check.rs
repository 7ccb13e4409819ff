//! `buurtradar check`: what the inputs hold and everything that did not fit.

use super::ReportFormat;
use crate::args::{InputArgs, LangArgs, ProfileArgs};
use crate::domain::analysis::{Analysis, RunOptions};
use crate::domain::correlation::Correlations;
use crate::domain::dataset::Dataset;
use crate::domain::profile::Profile;
use crate::domain::registry;
use crate::domain::score::ScoreError;
use crate::i18n::{domain as i18n_domain, Lang, Msg, Rt};
use crate::io::load;
use crate::present::human::{count, input_role, num};
use crate::present::labels::{readable_name, source_text};
use crate::present::notes::load_note_text;
use crate::present::{correlation_lines, error_text_in};
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
    #[command(flatten)]
    pub lang: LangArgs,
}

pub fn run(args: CheckArgs) -> anyhow::Result<()> {
    let profile = args.profile.load()?;
    let inputs = args.inputs.to_inputs_for(&profile)?;
    let ds = load(&inputs)?;
    // Nothing reads the files' bytes again: unmapping a national boundary
    // file takes milliseconds, better spent on another core.
    rayon::spawn(move || drop(inputs));
    let lang = args.lang.resolve(Some(&profile));
    let correlations = profile_correlations(&ds, &profile);
    let out = match args.format {
        ReportFormat::Json => {
            let mut j = serde_json::to_value(&ds.report)?;
            if let Some(obj) = j.as_object_mut() {
                let value = match &correlations {
                    Ok(c) => serde_json::to_value(c)?,
                    Err(e) => serde_json::json!({ "error": e.to_string() }),
                };
                obj.insert("correlations".into(), value);
            }
            serde_json::to_string_pretty(&j)? + "\n"
        }
        ReportFormat::Table => {
            let mut t = render_table(&ds, args.all, lang)?;
            t.push('\n');
            let lines = match &correlations {
                Ok(c) => correlation_lines(c, lang),
                Err(e) => vec![Msg::CorrelationsUnavailable.fill(lang, &[&error_text_in(e, lang)])],
            };
            for l in lines {
                writeln!(t, "{l}")?;
            }
            t
        }
    };
    super::write_stdout(&out)?;
    // The process ends next, and the system takes the memory back at once;
    // freeing national data one allocation at a time cost ~20 ms.
    std::mem::forget(ds);
    Ok(())
}

/// Correlations of the profile's indicators over its reference set; the
/// error when the profile cannot be run on these inputs (the rest of the
/// check still stands).
fn profile_correlations(ds: &Dataset, profile: &Profile) -> Result<Correlations, ScoreError> {
    let opts = RunOptions {
        skip_stability: true,
        skip_candidates: true,
    };
    let a = Analysis::run(ds, profile, opts)?;
    let c = a.correlations();
    // As with the dataset: the process ends soon, the system takes it back.
    std::mem::forget(a);
    Ok(c)
}

fn list(codes: &[String], all: bool, lang: Lang) -> String {
    const SHOWN: usize = 20;
    if all || codes.len() <= SHOWN {
        codes.join(", ")
    } else {
        Rt::CkMore.fill(lang, &[&codes[..SHOWN].join(", "), &(codes.len() - SHOWN)])
    }
}

fn buurten(n: usize, lang: Lang) -> String {
    count(n as u64, Rt::BuurtOne, Rt::BuurtMany, lang)
}

pub fn render_table(ds: &Dataset, all: bool, lang: Lang) -> Result<String, std::fmt::Error> {
    let r = &ds.report;
    let mut o = String::new();
    writeln!(o, "{}", Rt::CkInputs.text(lang))?;
    for i in &r.inputs {
        let line = Rt::CkInputLine.fill(
            lang,
            &[
                &format!("{:<11}", input_role(&i.role, lang)),
                &i.file,
                &i.format.pick(lang),
                &num(Some(i.records as f64), 0, lang),
            ],
        );
        writeln!(o, "  {line}")?;
    }
    writeln!(o, "{}", Rt::CkCrs.fill(lang, &[&r.crs.pick(lang)]))?;
    writeln!(o)?;
    writeln!(
        o,
        "{}",
        Rt::CkPerGemeente.fill(lang, &[&buurten(r.buurten, lang)])
    )?;
    for (code, g) in &r.gemeenten {
        writeln!(
            o,
            "  {code:<8} {:<24} {:>14}, {}",
            g.name.as_deref().unwrap_or("-"),
            buurten(g.buurten, lang),
            Rt::CkWithGeometry.fill(lang, &[&num(Some(g.with_geometry as f64), 0, lang)])
        )?;
    }
    if r.without_geometry.is_empty() {
        writeln!(o, "{}", Rt::CkNoGeometryNone.text(lang))?;
    } else {
        writeln!(
            o,
            "{}",
            Rt::CkNoGeometry.fill(
                lang,
                &[
                    &r.without_geometry.len(),
                    &list(&r.without_geometry, all, lang)
                ]
            )
        )?;
    }
    if r.duplicates.is_empty() {
        writeln!(o, "{}", Rt::CkDuplicatesNone.text(lang))?;
    } else {
        writeln!(o, "{}", Rt::CkDuplicates.fill(lang, &[&r.duplicates.len()]))?;
        for d in &r.duplicates {
            writeln!(o, "  {} in {}: {}", d.code, d.file, d.places_text(lang))?;
        }
    }
    if !r.joins.is_empty() {
        writeln!(o)?;
        writeln!(o, "{}", Rt::CkJoin.text(lang))?;
        for j in &r.joins {
            let line = Rt::CkJoinLine.fill(
                lang,
                &[
                    &j.file,
                    &num(Some(j.regions_in_file as f64), 0, lang),
                    &buurten(j.buurten_in_file, lang),
                    &num(Some(j.matched_buurten as f64), 0, lang),
                ],
            );
            writeln!(o, "  {line}")?;
            if !j.only_in_file.is_empty() {
                let l = Rt::CkOnlyInFile.fill(
                    lang,
                    &[&j.only_in_file.len(), &list(&j.only_in_file, all, lang)],
                );
                writeln!(o, "    {l}")?;
            }
            if !j.only_in_boundaries.is_empty() {
                let l = Rt::CkOnlyInBoundaries.fill(
                    lang,
                    &[
                        &j.only_in_boundaries.len(),
                        &list(&j.only_in_boundaries, all, lang),
                    ],
                );
                writeln!(o, "    {l}")?;
            }
        }
    }
    writeln!(o)?;
    writeln!(
        o,
        "{}",
        Rt::CkIndicators.fill(lang, &[&buurten(r.buurten, lang)])
    )?;
    if r.indicators.is_empty() {
        writeln!(o, "  {}", Rt::CkNone.text(lang))?;
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
            tags.push(Rt::CkCustom.text(lang));
        }
        if c.derived {
            tags.push(Rt::CkDerived.text(lang));
        }
        if c.sensitive {
            tags.push(Rt::CkSensitive.text(lang));
        }
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", tags.join(", "))
        };
        let missing: Vec<String> = c
            .missing
            .iter()
            .map(|(m, n)| format!("{} {n}", i18n_domain::missing(*m).text(lang)))
            .collect();
        writeln!(
            o,
            "  {:<w$} {:>5}/{:<5} {}{tags}",
            c.id,
            c.present,
            c.buurten,
            if missing.is_empty() {
                Rt::CkComplete.text(lang).to_string()
            } else {
                Rt::CkMissing.fill(lang, &[&missing.join(", ")])
            }
        )?;
        let label = match registry::by_id(&c.id) {
            Some(d) => lang.pick(d.label_nl, d.label_en).to_string(),
            None => readable_name(&c.id, lang),
        };
        writeln!(
            o,
            "  {:<w$} {}",
            "",
            Rt::CkFrom.fill(lang, &[&label, &source_text(&c.source, lang)])
        )?;
    }
    writeln!(o)?;
    let s = &r.schools;
    writeln!(o, "{}", Rt::CkSchools.fill(lang, &[&s.method.pick(lang)]))?;
    if let Some(f) = &s.file {
        let kinds_counted = s.kinds_text(lang);
        // Counts as every other figure of the report: 6.230, not 6230.
        let whole = |n: f64, lang| crate::present::human::num(Some(n), 0, lang);
        let line = Rt::CkSchoolsLine.fill(
            lang,
            &[
                &count(s.total as u64, Rt::SchoolAnyOne, Rt::SchoolAnyMany, lang),
                f,
                &whole(s.counted as f64, lang),
                &kinds_counted,
                &whole(s.matched as f64, lang),
                &whole(s.unmatched.len() as f64, lang),
            ],
        );
        writeln!(o, "  {line}")?;
        let kinds: Vec<String> = s
            .by_kind
            .iter()
            .map(|(k, n)| {
                let k = if k.is_empty() {
                    Rt::CkNoKind.text(lang)
                } else {
                    k
                };
                format!("{k} {n}")
            })
            .collect();
        writeln!(o, "  {}", Rt::CkByKind.fill(lang, &[&kinds.join(", ")]))?;
        let at_least: Vec<String> = s
            .buurten_with_min_schools
            .iter()
            .map(|(k, n)| format!(">={k}: {n}"))
            .collect();
        writeln!(
            o,
            "  {}",
            Rt::CkWithSchools.fill(lang, &[&at_least.join(", ")])
        )?;
        for u in &s.unmatched {
            let l =
                Rt::CkInNoBuurt.fill(lang, &[&u.name, &u.kind, &u.place, &u.location.pick(lang)]);
            writeln!(o, "  {l}")?;
        }
    }
    writeln!(o)?;
    for n in &r.notes {
        let n = load_note_text(n, ds, lang);
        writeln!(o, "{}", Rt::NoteLine.fill(lang, &[&n]))?;
    }
    if r.warnings.is_empty() {
        writeln!(o, "{}", Rt::CkWarningsNone.text(lang))?;
    } else {
        writeln!(o, "{}", Rt::CkWarnings.fill(lang, &[&r.warnings.len()]))?;
        for w in &r.warnings {
            writeln!(o, "  {}", w.text(lang))?;
        }
    }
    Ok(o)
}
