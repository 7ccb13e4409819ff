//! buurtradar: choose buurten for prevention pilots from CBS figures and
//! school locations. The library holds everything; `main.rs` only dispatches.

pub mod cli;
pub mod domain;
pub mod export;
pub mod io;
pub mod synth;
pub mod tui;
