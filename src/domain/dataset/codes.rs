//! What a region code says about itself: its level, its gemeente and wijk,
//! and the id a custom column gets.

use crate::domain::registry;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// NL00: the country row of StatLine exports.
    Land,
    Gemeente,
    Wijk,
    Buurt,
}

impl Level {
    pub fn of_code(code: &str) -> Option<Level> {
        match code.get(..2) {
            Some("GM") => Some(Level::Gemeente),
            Some("WK") => Some(Level::Wijk),
            Some("BU") => Some(Level::Buurt),
            Some("NL") => Some(Level::Land),
            _ => None,
        }
    }
}

/// GM code of a WK/BU code: `BU08551001` -> `GM0855`.
pub fn gemeente_of(code: &str) -> Option<String> {
    code.get(2..6).map(|g| format!("GM{g}"))
}

/// WK code of a BU code: `BU08551001` -> `WK085510`.
pub fn wijk_of(code: &str) -> Option<String> {
    if code.starts_with("BU") {
        code.get(2..8).map(|w| format!("WK{w}"))
    } else {
        None
    }
}
/// Slug for a custom indicator: stable, readable, no spaces.
pub fn custom_id(header: &str) -> String {
    let n = registry::normalise_name(&header.replace('|', "/"));
    // StatLine titles repeat their theme path; the last two segments name
    // the figure ("aantal huisartsenpraktijken / binnen 1 km").
    let segments: Vec<&str> = n.split('/').filter(|s| !s.trim().is_empty()).collect();
    let tail = segments[segments.len().saturating_sub(2)..].join(" ");
    let mut out = String::with_capacity(tail.len());
    for c in tail.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_derive_gemeente_and_wijk() {
        assert_eq!(gemeente_of("BU08551001").as_deref(), Some("GM0855"));
        assert_eq!(wijk_of("BU08551001").as_deref(), Some("WK085510"));
        assert_eq!(wijk_of("WK0363MB"), None);
        assert_eq!(
            custom_id("pct_kinderbeschermingsmaatregel"),
            "pct_kinderbeschermingsmaatregel"
        );
        assert_eq!(custom_id("Schulden/Aantal (%)"), "schulden_aantal");
        assert_eq!(
            custom_id(
                "Gezondheid en welzijn|Huisartsenpraktijk|Aantal huisartsenpraktijken|Binnen 1 km"
            ),
            "aantal_huisartsenpraktijken_binnen_1_km"
        );
    }
}
