//! What can go wrong in effect measurement, naming the file, line and value.

use crate::i18n::{Bilingual, Lang, Said};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum EffectError {
    #[error("{file}, line {line}: {message} ({value:?})")]
    CodeMap {
        file: String,
        line: usize,
        message: Said,
        value: String,
    },
    #[error("{file}: no line old;new;share found")]
    EmptyCodeMap { file: String },
    #[error("pilot {code} is not a comparable unit in both years ({reason})")]
    PilotNotComparable { code: String, reason: Said },
    #[error("control {code} is not a comparable unit in both years ({reason})")]
    ControlNotComparable { code: String, reason: Said },
    #[error("{code} is both a pilot and a control")]
    PilotIsControl { code: String },
    #[error("no pilot given")]
    NoPilots,
    #[error("no comparison units left for {code}: every candidate is a pilot, a neighbour of one, or lacks figures")]
    NoCandidates { code: String },
    #[error("{code} has no degree of urbanisation (mate van stedelijkheid) to match on exactly; load a file with it or leave out --same-urbanity")]
    NoUrbanity { code: String },
    #[error("none of the profile's indicators has figures in both years")]
    NoIndicators,
    #[error("{file}: not a baseline snapshot ({message})")]
    Snapshot { file: String, message: String },
    #[error("{file}: snapshot version {found}, this build reads {expected}")]
    SnapshotVersion {
        file: String,
        found: u32,
        expected: u32,
    },
    #[error("{code} is not in the baseline snapshot {file}")]
    NotInSnapshot { code: String, file: String },
}

/// The file's own words (a JSON parser's message) stay as they are.
impl Bilingual for EffectError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            EffectError::CodeMap {
                file,
                line,
                message,
                value,
            } => format!("{file}, regel {line}: {} ({value:?})", message.nl),
            EffectError::EmptyCodeMap { file } => {
                format!("{file}: geen regel old;new;share gevonden")
            }
            EffectError::PilotNotComparable { code, reason } => format!(
                "pilot {code} is geen vergelijkbare eenheid in beide jaren ({})",
                reason.nl
            ),
            EffectError::ControlNotComparable { code, reason } => format!(
                "vergelijkingsbuurt {code} is geen vergelijkbare eenheid in beide jaren ({})",
                reason.nl
            ),
            EffectError::PilotIsControl { code } => {
                format!("{code} is zowel pilot als vergelijkingsbuurt")
            }
            EffectError::NoPilots => "geen pilot opgegeven".into(),
            EffectError::NoCandidates { code } => format!(
                "geen vergelijkingsbuurten over voor {code}: elke kandidaat is een pilot, grenst aan een pilot of mist cijfers"
            ),
            EffectError::NoUrbanity { code } => format!(
                "{code} heeft geen mate van stedelijkheid om precies op te matchen; laad een bestand dat die bevat of laat --same-urbanity weg"
            ),
            EffectError::NoIndicators => {
                "geen van de indicatoren van het profiel heeft cijfers in beide jaren".into()
            }
            EffectError::Snapshot { file, message } => {
                format!("{file}: geen nulmeting-momentopname ({message})")
            }
            EffectError::SnapshotVersion {
                file,
                found,
                expected,
            } => format!(
                "{file}: momentopname versie {found}, deze versie van het programma leest {expected}"
            ),
            EffectError::NotInSnapshot { code, file } => {
                format!("{code} staat niet in de nulmeting-momentopname {file}")
            }
        }
    }
}
