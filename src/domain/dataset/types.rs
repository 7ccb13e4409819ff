//! The dataset and the parsed inputs the readers hand over to build it.

use super::codes::Level;
use crate::domain::report::{Issue, LoadReport};
use crate::domain::value::{Direction, Value};
use crate::i18n::Said;
use geo::MultiPolygon;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub gemeente_code: String,
    pub gemeente_name: Option<String>,
    pub wijk_code: Option<String>,
    pub water: bool,
    /// In Rijksdriehoek metres (EPSG:28992), whatever the input CRS was.
    pub geometry: Option<MultiPolygon<f64>>,
    /// False for codes that only occur in indicator files.
    pub in_boundaries: bool,
    /// Primary schools inside the polygon (or from a code column).
    pub schools: Option<u32>,
}

#[cfg(test)]
impl Area {
    /// A buurt of gemeente GM0001 from the boundaries, for tests of shapes.
    pub(crate) fn test_buurt(code: &str, geometry: Option<MultiPolygon<f64>>) -> Area {
        Area {
            code: code.into(),
            name: code.into(),
            level: Level::Buurt,
            gemeente_code: "GM0001".into(),
            gemeente_name: None,
            wijk_code: None,
            water: false,
            geometry,
            in_boundaries: true,
            schools: None,
        }
    }
}

/// A boundary feature as the reader hands it over.
#[derive(Debug, Clone)]
pub struct BoundaryFeature {
    pub index: usize,
    pub code: String,
    pub name: Option<String>,
    pub gemeente_code: Option<String>,
    pub gemeente_name: Option<String>,
    pub wijk_code: Option<String>,
    pub water: Option<bool>,
    pub geometry: Option<MultiPolygon<f64>>,
}

#[derive(Debug, Clone)]
pub struct RegionRow {
    pub code: String,
    pub name: Option<String>,
    pub line: u64,
}

#[derive(Debug, Clone)]
pub struct RawIndicator {
    pub header: String,
    pub unit: Option<String>,
    pub values: Vec<Value>,
}

/// A parsed indicator file: one row per region, one column per indicator.
#[derive(Debug, Clone)]
pub struct IndicatorTable {
    pub file: String,
    /// "StatLine CSV", "kwb xlsx, blad KWB2024" / "kwb xlsx, sheet KWB2024".
    pub format: Said,
    pub regions: Vec<RegionRow>,
    pub indicators: Vec<RawIndicator>,
    pub warnings: Vec<Issue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorMeta {
    pub id: String,
    pub label_nl: String,
    pub label_en: String,
    pub unit: String,
    /// From the registry; custom indicators have none until a profile says.
    pub direction: Option<Direction>,
    pub sensitive: bool,
    pub known: bool,
    pub derived: bool,
    pub source: String,
    pub header: String,
    /// Set at load for a column of a microdata file (see `disclosure`);
    /// `None` for published figures.
    #[serde(skip)]
    pub micro: Option<super::disclosure::MicroRole>,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub meta: IndicatorMeta,
    /// One value per area, in `Dataset::areas` order.
    pub values: Vec<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolMethod {
    Points,
    CodeColumn,
    /// KWB "schools within 3 km": a proxy, labelled wherever it shows.
    Proxy3km,
    None,
}

/// A school located in the dataset's CRS.
#[derive(Debug, Clone)]
pub struct SchoolPoint {
    pub name: String,
    pub kind: String,
    pub primary: bool,
    pub x: f64,
    pub y: f64,
    pub area: Option<usize>,
}

/// Area index by code. Codes come from the user's own files, so a fast
/// hash without flooding protection is enough; nationally the join hashes
/// every code a few times.
pub type CodeIndex = HashMap<String, usize, rustc_hash::FxBuildHasher>;

#[derive(Debug, Clone)]
pub struct Dataset {
    pub areas: Vec<Area>,
    pub index: CodeIndex,
    pub indicators: Vec<Indicator>,
    pub schools: Vec<SchoolPoint>,
    pub school_method: SchoolMethod,
    pub report: LoadReport,
}

impl Dataset {
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.index.get(code).map(|&i| &self.areas[i])
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.meta.id == id)
    }

    /// Indices of buurten, in input order.
    pub fn buurten(&self) -> impl Iterator<Item = usize> + '_ {
        self.areas
            .iter()
            .enumerate()
            .filter(|(_, a)| a.level == Level::Buurt)
            .map(|(i, _)| i)
    }

    pub fn value(&self, id: &str, area: usize) -> Option<Value> {
        self.indicator(id).and_then(|i| i.values.get(area).copied())
    }
}
