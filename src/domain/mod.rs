//! The domain layer: no terminal, no file I/O.

pub mod dataset;
pub mod profile;
pub mod registry;
pub mod report;
pub mod score;
pub mod select;
pub mod spatial;
pub mod uncertainty;
pub mod value;
