//! What the engine reads: unit facts and indicator columns, independent of
//! files.

use crate::domain::value::Direction;
use serde::Serialize;

/// What the ranking needs to know about a unit besides its indicators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitFacts {
    pub code: String,
    pub name: String,
    pub gemeente_code: String,
    pub gemeente_name: String,
    pub primary_schools: Option<u32>,
    pub inhabitants: Option<f64>,
    pub children_0_15: Option<f64>,
    pub water: bool,
}

/// One indicator, one value per unit (same order as [`ScoreInput::units`]).
/// `None` and non-finite values count as missing.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorColumn<'a> {
    pub id: &'a str,
    pub values: &'a [Option<f64>],
    /// The registry's direction; `None` for custom indicators, which then
    /// need a direction in the profile.
    pub default_direction: Option<Direction>,
}

/// Everything the engine reads, independent of files.
#[derive(Debug, Clone)]
pub struct ScoreInput<'a> {
    pub units: &'a [UnitFacts],
    pub columns: Vec<IndicatorColumn<'a>>,
}
