//! `buurtradar indicators`: the registry of known CBS indicators.

use super::ReportFormat;
use crate::domain::registry::REGISTRY;
use crate::domain::value::Direction;
use clap::Args;
use std::fmt::Write;

#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Risk => "risk",
        Direction::Protective => "protective",
        Direction::Neutral => "context",
    }
}

pub fn render(format: ReportFormat) -> anyhow::Result<String> {
    if format == ReportFormat::Json {
        return Ok(serde_json::to_string_pretty(REGISTRY)? + "\n");
    }
    let mut out = String::new();
    writeln!(out, "{:<30} {:<12} {:<10} label", "id", "unit", "direction")?;
    for d in REGISTRY {
        let flag = if d.sensitive {
            " [sensitive: never weighted by default]"
        } else {
            ""
        };
        writeln!(
            out,
            "{:<30} {:<12} {:<10} {}{flag}",
            d.id,
            d.unit.label(),
            direction(d.direction),
            d.label_en
        )?;
        if !d.aliases.is_empty() {
            writeln!(out, "{:<30} aliases: {}", "", d.aliases.join(" | "))?;
        }
    }
    writeln!(
        out,
        "\nColumns not in this list become custom indicators (direction set in the profile)."
    )?;
    Ok(out)
}

pub fn run(args: IndicatorsArgs) -> anyhow::Result<()> {
    super::write_stdout(&render(args.format)?)?;
    Ok(())
}
