//! A single figure as CBS publishes it: a number, or the reason it is absent.

use serde::Serialize;
use std::fmt;

/// Why a figure is absent. CBS distinguishes these and so do we: a steering
/// group reads "secret" very differently from "cannot occur".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// `.` in StatLine, `x`/`X` in old exports, `-99997` / `-99999999` in the
    /// wijk- en buurtkaart: unknown, unreliable or secret.
    Secret,
    /// An empty StatLine cell: the figure cannot occur.
    CannotOccur,
    /// `-99995`: to be published later.
    NotYetPublished,
    /// `-99991`: no longer published.
    Discontinued,
    /// Any other sentinel <= -99990 we do not know the meaning of.
    OtherSentinel,
    /// The buurt is not in the file that carries this indicator.
    NotInInput,
    /// The cell held something that is not a number (reported as a warning).
    Invalid,
    /// Withheld by disclosure control: based on fewer units than the
    /// minimum cell size. Never shown as 0 or blank.
    Suppressed,
}

impl Missing {
    pub fn label(self) -> &'static str {
        match self {
            Missing::Secret => "secret/unknown",
            Missing::CannotOccur => "cannot occur",
            Missing::NotYetPublished => "not yet published",
            Missing::Discontinued => "no longer published",
            Missing::OtherSentinel => "sentinel code",
            Missing::NotInInput => "not in input",
            Missing::Invalid => "invalid value",
            Missing::Suppressed => "suppressed (disclosure control)",
        }
    }

    /// Map a CBS negative sentinel to its reason; `None` for ordinary numbers.
    pub fn from_sentinel(v: f64) -> Option<Missing> {
        if v > -99990.0 {
            return None;
        }
        // Exact comparisons: sentinels are integers written verbatim.
        Some(if v == -99997.0 || v == -99999999.0 || v == -99999997.0 {
            Missing::Secret
        } else if v == -99995.0 {
            Missing::NotYetPublished
        } else if v == -99991.0 {
            Missing::Discontinued
        } else {
            Missing::OtherSentinel
        })
    }
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One cell of an indicator column.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Value {
    Num(f64),
    Missing(Missing),
}

impl Value {
    pub fn num(self) -> Option<f64> {
        match self {
            Value::Num(v) => Some(v),
            Value::Missing(_) => None,
        }
    }

    pub fn missing(self) -> Option<Missing> {
        match self {
            Value::Num(_) => None,
            Value::Missing(m) => Some(m),
        }
    }
}

/// Whether a higher value of an indicator means more need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher value = more risk (poverty, youth care).
    Risk,
    /// Higher value = less risk (WOZ value, income, SES score).
    Protective,
    /// Context only (inhabitants, area): never weighted by default.
    Neutral,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentinels_keep_their_reason() {
        assert_eq!(Missing::from_sentinel(-99997.0), Some(Missing::Secret));
        assert_eq!(
            Missing::from_sentinel(-99995.0),
            Some(Missing::NotYetPublished)
        );
        assert_eq!(
            Missing::from_sentinel(-99991.0),
            Some(Missing::Discontinued)
        );
        assert_eq!(Missing::from_sentinel(-99999999.0), Some(Missing::Secret));
        assert_eq!(
            Missing::from_sentinel(-99993.0),
            Some(Missing::OtherSentinel)
        );
        assert_eq!(Missing::from_sentinel(-5.0), None);
        assert_eq!(Missing::from_sentinel(-99989.0), None);
    }
}
