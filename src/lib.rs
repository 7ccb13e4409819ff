//! buurtradar: choose buurten for prevention pilots from CBS figures and
//! school locations. The library holds everything; `main.rs` only dispatches.

pub mod args;
pub mod cli;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod io;
pub mod present;
pub mod tui;
