//! `buurtradar profile init [--from-data]`: a commented starter profile on
//! stdout, so a first run on one's own files starts from what they hold.

use super::write_stdout;
use crate::args::{InputArgs, LangArgs};
use crate::domain::analysis::held_known_indicators;
use crate::domain::profile::{Profile, SMARTSTART_TOML};
use crate::domain::registry::{by_id, Unit};
use crate::domain::value::Direction;
use crate::i18n::{Lang, Msg};
use crate::io::load;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct ProfileCmdArgs {
    #[command(subcommand)]
    pub command: ProfileCommand,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Write a commented starter profile to stdout (`> my.toml`).
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Take the indicators from the inputs (the known CBS indicators they
    /// hold) instead of from the default profile.
    #[arg(long)]
    pub from_data: bool,
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub lang: LangArgs,
}

/// One indicator of the starter, with what its comment needs.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub direction: Option<Direction>,
    pub sensitive: bool,
}

impl Candidate {
    /// A direction and a rate, not a count: comparing buurten of different
    /// sizes on head counts would rank size, not need, and counts sit next
    /// to the rate derived from them.
    fn weighable(&self) -> bool {
        matches!(
            self.direction,
            Some(Direction::Risk | Direction::Protective)
        ) && self.unit != Unit::Count.label()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0}")]
    NothingToWeight(String),
    #[error("the default profile has no `[normalisation]` section to copy the settings from")]
    NoSettings,
}

pub fn run(args: ProfileCmdArgs) -> anyhow::Result<()> {
    match args.command {
        ProfileCommand::Init(a) => {
            let text = init_text(&a)?;
            write_stdout(&text)
        }
    }
}

fn init_text(a: &InitArgs) -> anyhow::Result<String> {
    // The starter has no profile yet: the flag, else Dutch.
    let lang = a.lang.resolve(None);
    let (candidates, origin) = if a.from_data {
        // No profile yet: the default one's (empty) `[disclosure]`.
        let ds = load(&a.inputs.to_inputs_for(&Profile::smartstart()?)?)?;
        let ids = held_known_indicators(&ds);
        let c: Vec<Candidate> = ids
            .iter()
            .filter_map(|id| ds.indicator(id))
            .map(|i| Candidate {
                id: i.meta.id.clone(),
                label: crate::present::labels::meta_label(&i.meta, lang),
                unit: i.meta.unit.clone(),
                direction: i.meta.direction,
                sensitive: i.meta.sensitive,
            })
            .collect();
        let origin = Msg::ProfileInitFromData.fill(lang, &[&a.inputs_label()]);
        (c, origin)
    } else {
        (
            default_candidates(lang)?,
            Msg::ProfileInitFromDefault.text(lang).to_string(),
        )
    };
    Ok(starter(&candidates, &origin, lang)?)
}

impl InitArgs {
    fn inputs_label(&self) -> String {
        let i = &self.inputs;
        let files: Vec<String> = i
            .boundaries
            .iter()
            .chain(&i.indicators)
            .chain(&i.schools)
            .map(|p| p.display().to_string())
            .collect();
        if files.is_empty() {
            self.lang
                .resolve(None)
                .pick("voorbeeld Denkerveen", "sample Denkerveen")
                .into()
        } else {
            files.join(", ")
        }
    }
}

/// The default profile's indicators, described from the registry.
fn default_candidates(lang: Lang) -> anyhow::Result<Vec<Candidate>> {
    let p = Profile::smartstart()?;
    Ok(p.indicators
        .iter()
        .map(|i| {
            let def = by_id(&i.id);
            Candidate {
                id: i.id.clone(),
                label: def
                    .map(|d| lang.pick(d.label_nl, d.label_en).to_string())
                    .unwrap_or_default(),
                unit: def.map(|d| d.unit.label().to_string()).unwrap_or_default(),
                direction: i.direction.or(def.map(|d| d.direction)),
                sensitive: i.sensitive || def.is_some_and(|d| d.sensitive),
            }
        })
        .collect())
}

/// The starter TOML: a header, the default profile's settings (with their
/// comments) and one `[[indicator]]` per candidate with weight 1.
pub fn starter(candidates: &[Candidate], origin: &str, lang: Lang) -> Result<String, InitError> {
    let settings = default_settings().ok_or(InitError::NoSettings)?;
    let weighted: Vec<&Candidate> = candidates.iter().filter(|c| c.weighable()).collect();
    if weighted.iter().all(|c| c.sensitive) {
        return Err(InitError::NothingToWeight(
            Msg::ProfileInitNone.text(lang).to_string(),
        ));
    }
    let mut o = String::new();
    for line in [
        Msg::ProfileInitHeader.text(lang),
        origin,
        Msg::ProfileInitWeights.text(lang),
    ] {
        o.push_str("# ");
        o.push_str(line);
        o.push('\n');
    }
    o.push_str("\nname = \"mijn-profiel\"\ndescription = \"\"\ntop_k = 3\n\n");
    o.push_str(settings);
    o.push('\n');
    let context: Vec<&str> = candidates
        .iter()
        .filter(|c| !c.weighable())
        .map(|c| c.id.as_str())
        .collect();
    if !context.is_empty() {
        o.push_str("# ");
        o.push_str(&Msg::ProfileInitContext.fill(lang, &[&context.join(", ")]));
        o.push_str("\n\n");
    }
    for c in weighted {
        let direction = match c.direction {
            Some(Direction::Protective) => "protective",
            _ => "risk",
        };
        o.push_str(&format!("# {} ({})\n", c.label, c.unit));
        let prefix = if c.sensitive {
            o.push_str("# ");
            o.push_str(Msg::ProfileInitSensitive.text(lang));
            o.push('\n');
            "# "
        } else {
            ""
        };
        o.push_str(&format!(
            "{prefix}[[indicator]]\n{prefix}id = \"{}\"\n{prefix}weight = 1\n{prefix}direction = \"{direction}\"\n\n",
            c.id
        ));
    }
    Ok(o)
}

/// The default profile's settings sections with their comments: from
/// `[normalisation]` up to the first indicator's comment block.
fn default_settings() -> Option<&'static str> {
    let start = SMARTSTART_TOML.find("[normalisation]")?;
    let rest = &SMARTSTART_TOML[start..];
    let end = rest
        .find("\n# --- ")
        .or_else(|| rest.find("[[indicator]]"))?;
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: &str, direction: Option<Direction>, sensitive: bool) -> Candidate {
        Candidate {
            id: id.into(),
            label: id.into(),
            unit: "%".into(),
            direction,
            sensitive,
        }
    }

    #[test]
    fn default_starter_parses_with_equal_weights_and_default_eligibility() {
        let text = starter(&default_candidates(Lang::Nl).unwrap(), "x", Lang::Nl).unwrap();
        let p = Profile::parse(&text).unwrap();
        let d = Profile::smartstart().unwrap();
        assert_eq!(p.indicators.len(), d.indicators.len());
        assert!(p.indicators.iter().all(|i| i.weight == 1.0));
        assert_eq!(
            format!("{:?}", p.eligibility),
            format!("{:?}", d.eligibility)
        );
        assert!(text.starts_with("# Startprofiel"), "{text}");
    }

    #[test]
    fn sensitive_are_commented_out_and_neutral_listed_as_context() {
        let text = starter(
            &[
                cand("low_income_hh_pct", Some(Direction::Risk), false),
                cand("woz_mean", Some(Direction::Protective), false),
                cand("migration_background_pct", Some(Direction::Risk), true),
                cand("inhabitants", Some(Direction::Neutral), false),
                Candidate {
                    unit: "count".into(),
                    ..cand("bijstand", Some(Direction::Risk), false)
                },
            ],
            "o",
            Lang::En,
        )
        .unwrap();
        let p = Profile::parse(&text).unwrap();
        let ids: Vec<&str> = p.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["low_income_hh_pct", "woz_mean"]);
        assert_eq!(p.indicators[1].direction, Some(Direction::Protective));
        assert!(
            text.contains("# id = \"migration_background_pct\""),
            "{text}"
        );
        assert!(
            text.contains("not weighted: inhabitants, bijstand"),
            "{text}"
        );
    }

    #[test]
    fn nothing_to_weight_is_an_error() {
        let e = starter(
            &[cand("inhabitants", Some(Direction::Neutral), false)],
            "o",
            Lang::En,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("no known CBS indicator"), "{e}");
    }
}
