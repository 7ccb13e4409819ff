//! One record per region code, with geometry, indicator columns and school
//! counts, joined from whatever inputs were given. Building it is pure: the
//! readers hand over parsed tables and features, this module joins them and
//! writes down everything that did not fit.
//!
//! - `types`: the dataset and what the readers hand over
//! - `codes`: what a region code says (level, gemeente, wijk) and custom ids
//! - `join`: [`DatasetBuilder`], boundaries and tables joined on the code
//! - `columns`: raw table columns made indicators, duplicates compared
//! - `derived`: rates computed from a count and its denominator
//! - `declared`: the profile's `[disclosure]` files and column kinds
//! - `disclosure`: microdata cells too small to show, withheld at load
//! - `secondary`: cells a row or region total would give away, withheld too
//! - `coverage`: the load report's per-indicator and per-gemeente counts

mod codes;
mod columns;
mod coverage;
mod declared;
mod derived;
mod disclosure;
mod join;
mod secondary;
mod types;

#[cfg(test)]
mod fixture;

pub use codes::{custom_id, gemeente_of, wijk_of, Level};
pub use declared::{DeclarationError, DeclaredKind, DisclosureSettings};
pub use disclosure::{is_count_column, is_share, MicroRole, DEFAULT_MIN_CELL};
pub use join::DatasetBuilder;
pub use types::{
    Area, BoundaryFeature, Dataset, Indicator, IndicatorMeta, IndicatorTable, RawIndicator,
    RegionRow, SchoolMethod, SchoolPoint,
};
