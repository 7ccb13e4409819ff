//! Helpers shared by the integration tests.
//!
//! Each integration test file is its own crate and pulls this in with
//! `mod common;`, so not every file uses every helper.

#![allow(dead_code)]

pub mod leaks;

use std::path::PathBuf;

/// How to get the real public downloads the real-data tests read.
pub const REAL_DATA_HOWTO: &str =
    "place the public CBS/DUO files described in shared/real/README.md in ../shared/real next to the repository";

/// How to get tmux for the terminal end-to-end tests.
pub const TMUX_HOWTO: &str = "install it, e.g. `apt-get install -y tmux`";

/// The folder of real public downloads, next to the repository.
pub fn real_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/real")
}

/// Whether a test may go on: `available` says whether `what`, something
/// from outside the repository, is there. Locally a missing component skips
/// the test with a visible `SKIPPED:` line; under `CI=true` it fails, so a
/// green CI run never hides tests that did not run.
pub fn require(what: &str, how_to_get: &str, available: bool) -> bool {
    if available {
        return true;
    }
    assert!(
        !in_ci(),
        "{what} is missing and CI=true requires every test to run: {how_to_get}"
    );
    eprintln!("SKIPPED: {what} is missing ({how_to_get})");
    false
}

/// The path of one real file, if it is there (see `require`).
pub fn real_file(file: &str) -> Option<PathBuf> {
    let path = real_dir().join(file);
    require(&path.display().to_string(), REAL_DATA_HOWTO, path.is_file()).then_some(path)
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// How to get the headless browser the report test renders with.
pub const CHROMIUM_HOWTO: &str = "install Chromium, e.g. `apt-get install -y chromium`";

/// The binary with `args`: exit code, stdout and stderr. A panic is never
/// an acceptable answer, whatever the test expects.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("buurtradar")
        .expect("the buurtradar binary")
        .args(args)
        .output()
        .expect("running buurtradar");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    )
}

/// [`run`] that must succeed; its stdout.
pub fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}
