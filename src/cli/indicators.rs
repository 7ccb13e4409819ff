//! `buurtradar indicators`: the registry of known CBS indicators.

use super::ReportFormat;
use crate::args::LangArgs;
use crate::domain::registry::REGISTRY;
use crate::domain::value::Direction;
use crate::i18n::{Lang, Rt};
use crate::present::human::unit_text;
use clap::Args;
use std::fmt::Write;

#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub lang: LangArgs,
}

fn direction(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::Risk => Rt::DirRisk,
        Direction::Protective => Rt::DirProtective,
        Direction::Neutral => Rt::DirContext,
    }
    .text(lang)
}

pub fn render(format: ReportFormat, lang: Lang) -> anyhow::Result<String> {
    if format == ReportFormat::Json {
        return Ok(serde_json::to_string_pretty(REGISTRY)? + "\n");
    }
    let mut out = String::new();
    writeln!(
        out,
        "{:<30} {:<12} {:<12} {}",
        "id",
        Rt::Unit.text(lang),
        Rt::Direction.text(lang),
        Rt::Label.text(lang)
    )?;
    for d in REGISTRY {
        let flag = if d.sensitive {
            format!(" [{}]", Rt::SensitiveFlag.text(lang))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:<30} {:<12} {:<12} {}{flag}",
            d.id,
            match unit_text(d.unit.label(), lang) {
                u if u.is_empty() => Rt::CountUnit.text(lang).to_string(),
                u => u,
            },
            direction(d.direction, lang),
            lang.pick(d.label_nl, d.label_en)
        )?;
        if !d.aliases.is_empty() {
            writeln!(
                out,
                "{:<30} {}: {}",
                "",
                Rt::Aliases.text(lang),
                d.aliases.join(" | ")
            )?;
        }
    }
    writeln!(out, "\n{}", Rt::CustomColumns.text(lang))?;
    Ok(out)
}

pub fn run(args: IndicatorsArgs) -> anyhow::Result<()> {
    super::write_stdout(&render(args.format, args.lang.resolve(None))?)?;
    Ok(())
}
