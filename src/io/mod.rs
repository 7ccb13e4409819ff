//! Readers: every file format users download, into domain types.

pub mod boundaries;
pub mod cell;
pub mod crs;
pub mod descriptor;
pub mod error;
pub mod gpkg;
pub mod indicators;
pub mod load;
pub mod parquet;
pub mod periods;
pub mod schools;
pub mod source;
pub mod table;
pub mod text;
pub mod xlsx;
pub mod years;

pub use error::LoadError;
pub use load::{load, Inputs};
pub use source::{Origin, Source};
