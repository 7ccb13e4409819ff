//! The presentation layer: text shared by the commands, the exports and the
//! app, so that a figure, a rank interval, a status or a reason reads the
//! same wherever it appears. It sits below `cli`, `export` and `tui` and
//! knows nothing of any output syntax: escaping for XML or Markdown stays
//! with the exporters that need it.

pub mod compare;
pub mod correlation;
pub mod effect;
pub mod error;
pub mod human;
pub mod labels;
pub mod method;
pub mod notes;
pub mod numbers;
pub mod row;
pub mod sobol;
pub mod team;
pub mod truncate;

pub use compare::compare_lines;
pub use correlation::correlation_lines;
pub use error::{error_text, error_text_in};
pub use method::method_lines;
pub use numbers::{figure, number, optional, DecimalMark, MISSING};
pub use row::{rank_interval, status, status_brief};
pub use team::{reason_lines, unit_facts};
pub use truncate::{fit, fit_middle, ELLIPSIS, TILDE};
