//! Effect measurement: did the pilot buurten change more than comparable
//! buurten that had no pilot? Pure domain code: the years arrive as loaded
//! datasets, so disclosure control has already withheld what it must.
//!
//! - `code_map`: the old -> new code correspondence with split/merge shares
//! - `panel`: one row per comparable unit, its baseline and follow-up values;
//!   units whose code changed without a mapping are reported and left out
//! - `peers`: the k most similar comparison units per pilot (Mahalanobis)
//! - `balance`: standardised mean differences before and after matching
//! - `did`: difference-in-differences with a placebo-in-space interval
//! - `run`: one measurement: pilots resolved, controls found or given
//! - `snapshot`: the frozen baseline (nulmeting) that `effect` can read back

mod balance;
mod code_map;
mod did;
mod error;
mod matrix;
mod panel;
mod peers;
mod run;
mod snapshot;

#[cfg(test)]
mod fixture;

pub use balance::{balance, BalanceRow};
pub use code_map::{CodeMap, MapEntry};
pub use did::{did_table, DidRow, DidSettings};
pub use error::EffectError;
pub use panel::{Exclusion, ExclusionReason, Panel, PanelUnit, YearView};
pub use peers::{find_peers, Peer, PeerSettings, Peers};
pub use run::{
    measure, pilot_neighbours, pretrend, resolve, ControlsFrom, EffectResult, Measure, PretrendRow,
};
pub use snapshot::{Snapshot, SnapshotInput, SnapshotUnit, SNAPSHOT_VERSION};
