//! The domain layer: no terminal, no file I/O.

pub mod adjacency;
pub mod aggregate;
pub mod analysis;
pub mod compare;
pub mod correlation;
pub mod dataset;
pub mod effect;
pub mod lisa;
pub mod pilot;
pub mod profile;
pub mod registry;
pub mod report;
pub mod rounding;
pub mod score;
pub mod select;
pub mod sensitivity;
pub mod smoothing;
pub mod spatial;
pub mod teams;
pub mod uncertainty;
pub mod value;
