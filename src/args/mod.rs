//! Command-line flags shared by the commands and the terminal app: which
//! inputs to load and which profile to rank with. Both front ends parse
//! these, so they live below both.

pub mod choice;
pub mod inputs;
pub mod profile;
pub mod years;

pub use choice::{HandArgs, LangArgs};
pub use inputs::InputArgs;
pub use profile::ProfileArgs;
pub use years::YearArgs;
