//! A buurt as the rules see it: its indicators with value, z-score and
//! percentile.

use serde::{Deserialize, Serialize};

/// One indicator as seen from one buurt.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorView {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub value: Option<f64>,
    /// Standardised raw value within the reference set (not direction-adjusted).
    pub z: Option<f64>,
    /// 0-100 within the reference set, higher value -> higher percentile.
    pub percentile: Option<f64>,
    pub gemeente_value: Option<f64>,
    /// The reference-set value; used as the mean when estimating the spread
    /// for raw-value thresholds.
    pub overall_value: Option<f64>,
}

/// One buurt with the indicators the data carries for it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BuurtView {
    pub code: String,
    pub name: String,
    pub indicators: Vec<IndicatorView>,
}
