//! buurtradar: choose buurten for prevention pilots from CBS figures and
//! school locations. The library holds everything; `main.rs` only parses the
//! command line and dispatches.
//!
//! # The modules, one job each
//!
//! - [`io`]: read every file users download (boundaries as GeoJSON or
//!   GeoPackage, StatLine/kwb CSV, kwb xlsx,
//!   Parquet, school lists, DUO address lists through the CBS postcode
//!   table; one year of a StatLine download with several Perioden),
//!   bring coordinates to Rijksdriehoek, and join it
//!   all on the region code into one `Dataset` with a report of what did not
//!   fit (`io::load`).
//! - [`domain`]: the decisions, with no terminal and no file I/O: the
//!   `Dataset` and its values, the indicator registry, the `Profile`,
//!   scoring and ranking (`score`), eligibility (`select`), stability under
//!   other weights (`uncertainty`), pilot units (`pilot`, `adjacency`,
//!   `aggregate`), teams per unit (`teams`), and `analysis`, which builds
//!   the units, ranks them and measures stability for one dataset and
//!   profile; `effect` measures a pilot's effect afterwards (two-year
//!   panel, comparison buurten, difference-in-differences, nulmeting);
//!   `smoothing`, `lisa`, `correlation`, `compare` and `sensitivity` (Sobol
//!   indices of the weights) are the method's depth.
//! - [`present`]: the text every front end shares: method lines, reasons,
//!   number, interval and status formatting, so a figure reads the same in
//!   the terminal, on stdout and in a report.
//! - [`i18n`]: the Dutch/English string catalogue that text is drawn from.
//! - [`args`]: the clap flags for inputs and profile adjustments that both
//!   front ends parse.
//! - [`cli`]: the subcommands (`check`, `indicators`, `rank`, `teams`,
//!   `export`, `peers`, `baseline`, `effect`, ...), each an `Args` struct and a `run`; a thin layer over the rest.
//! - [`tui`]: the interactive terminal app: keys become actions, `update`
//!   changes the app state, widgets only read it.
//! - [`export`]: one exporter per format (csv, json, md, geojson, svg, html)
//!   behind one trait, with the disclosure check and the provenance record;
//!   its charts (rank intervals, unit bars, LISA map, correlation heat map,
//!   before/after) and the effect page of `effect --format html`.
//! - [`timing`]: phase times on stderr with `BUURTRADAR_TIMINGS=1`.
//! - [`fetch`]: `buurtradar fetch`, the three inputs of a gemeente from the
//!   public services (CBS OData, PDOK OGC API, DUO) into a folder, in the
//!   formats `io` reads, with `fetch.toml` as provenance.
//!
//! # How data flows
//!
//! ```text
//! input files + profile
//!   -> io::load          parse, validate, join on region code  -> Dataset
//!   -> domain::analysis  pilot units, score, select, stability -> Analysis
//!   -> domain::teams     the team per shortlisted unit         -> proposals
//!   -> cli (stdout) | tui (screen), their text from present + i18n
//!   -> export            files with provenance, from cli or tui
//! ```
//!
//! Dependencies point one way: `domain` depends on nothing above it, `io`
//! fills domain types, `present` and `export` read domain results, and the
//! front ends `cli` and `tui` sit on top. Both front ends run the same
//! domain code with the same `Profile`, so they show the same numbers.
//!
//! The synthetic data generator used by tests and benchmarks is a separate
//! crate (`buurtradar-synth`, in `benches/synth/`), not part of this library.
//! ARCHITECTURE.md has the longer tour.

pub mod args;
pub mod cli;
pub mod domain;
pub mod export;
pub mod fetch;
pub mod i18n;
pub mod io;
pub mod present;
pub mod timing;
pub mod tui;
