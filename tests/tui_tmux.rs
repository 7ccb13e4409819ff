#![allow(clippy::unwrap_used, clippy::expect_used)]

//! End to end: the real binary in a real terminal (tmux), driven by keys,
//! read back with `capture-pane`; afterwards the terminal must be as it
//! was (shell back, alternate screen left, raw mode and mouse capture off).
//! Skipped when tmux is not installed (a failure under `CI=true`).

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A tmux server of our own (its own socket, no user config), killed on
/// drop, so tests neither see nor disturb other sessions.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(tag: &str) -> Tmux {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        Tmux {
            socket: format!("buurtradar-{tag}-{}-{nanos}", std::process::id()),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env("LANG", "C.UTF-8")
            .env_remove("NO_COLOR")
            .output()
            .expect("running tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn start(&self, dir: &Path, command: &str) {
        self.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "120",
            "-y",
            "40",
            "-c",
            dir.to_str().unwrap(),
            "-e",
            "LANG=C.UTF-8",
            command,
        ]);
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", "t", f]).stdout)
            .trim()
            .to_string()
    }

    /// Send tmux key names (`Enter`, `Space`, `j`).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Poll the pane until `ok` holds; fail with what the pane showed.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the pane shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn binary() -> String {
    assert_cmd::cargo::cargo_bin("buurtradar")
        .to_str()
        .unwrap()
        .to_string()
}

#[test]
fn keys_drive_the_app_and_the_terminal_is_restored() {
    if !common::require("tmux", common::TMUX_HOWTO, have_tmux()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::new("keys");
    t.start(dir.path(), "sh");
    t.type_text(&format!("'{}'; echo \"EXIT=$?\"", binary()));
    t.keys(&["Enter"]);

    // The footer is drawn last: with it on screen the frame is complete.
    let s = t.wait_for("the app", |s| {
        s.contains("1 Ranglijst") && s.contains("q stop")
    });
    assert!(s.contains("Vlasakker") && s.contains("2 Kaart"), "{s}");
    assert_eq!(t.format("#{alternate_on}"), "1");

    // Move down five rows: the table's title shows the position.
    t.keys(&["j", "j", "j", "j", "j"]);
    t.wait_for("row 6 selected", |s| s.contains("1 Ranglijst · 6/99"));

    // Change a weight: the status line says so, the profile's is shown
    // beside it and the table shows rank changes.
    t.keys(&["4"]);
    t.wait_for("the weights pane", |s| s.contains("4 Gewichten"));
    t.keys(&["L", "L", "L", "L"]);
    let s = t.wait_for("the weight change", |s| {
        s.contains("Gewicht Huishoudens") && s.contains(": 35") && s.contains("q stop")
    });
    assert!(s.contains("(15)"), "{s}");
    assert!(
        s.contains('↑') || s.contains('↓'),
        "no rank change shown:\n{s}"
    );

    // Quitting with the weight unsaved asks first; Esc stays in the app
    // with the edit intact.
    t.keys(&["q"]);
    t.wait_for("the unsaved-changes question", |s| {
        s.contains("Niet opgeslagen") && s.contains("Esc blijven")
    });
    t.keys(&["Escape"]);
    let s = t.wait_for("the question to go", |s| {
        !s.contains("Niet opgeslagen") && s.contains("q stop")
    });
    assert!(s.contains("4 Gewichten") && s.contains("35"), "{s}");

    // Shortlist the selected unit from the table.
    t.keys(&["1", "Space"]);
    t.wait_for("the shortlist message", |s| s.contains("uw shortlist"));

    // Save the profile into the working directory.
    t.keys(&["s"]);
    t.wait_for("the save message", |s| s.contains("Profiel opgeslagen in"));
    let saved = std::fs::read_to_string(dir.path().join("buurtradar-profile.toml")).unwrap();
    assert!(saved.contains("weight = 35"), "{saved}");
    assert!(
        saved.contains("[shortlist]"),
        "the pick is not saved:\n{saved}"
    );

    // Help opens and closes.
    t.keys(&["?"]);
    t.wait_for("the help", |s| {
        s.contains("Toetsen") && s.contains("naar de kaart")
    });
    t.keys(&["?"]);
    t.wait_for("the help to close", |s| !s.contains("Toetsen"));

    // Undo the pick: no longer what the profile holds, so quitting asks;
    // n quits without saving. The shell is back, the app's screen is gone.
    t.keys(&["z"]);
    t.wait_for("the undo message", |s| s.contains("ongedaan gemaakt"));
    t.keys(&["q"]);
    t.wait_for("the question about the undone pick", |s| {
        s.contains("Niet opgeslagen")
    });
    t.keys(&["n"]);
    let s = t.wait_for("the shell after quitting", |s| s.contains("EXIT=0"));
    assert!(!s.contains("1 Ranglijst"), "app screen left behind:\n{s}");
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_eq!(t.format("#{mouse_any_flag}"), "0");
    assert_eq!(t.format("#{cursor_flag}"), "1");
    // Raw mode is off: the terminal is canonical again.
    t.type_text("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo");
    t.keys(&["Enter"]);
    let line = |s: &str, a: &str| s.lines().any(|l| l.trim() == a);
    let s = t.wait_for("stty", |s| {
        (line(s, "icanon") || line(s, "-icanon")) && (line(s, "echo") || line(s, "-echo"))
    });
    assert!(s.lines().any(|l| l.trim() == "icanon"), "{s}");
    assert!(s.lines().any(|l| l.trim() == "echo"), "{s}");
}

#[test]
fn ctrl_c_and_sigterm_restore_the_terminal() {
    if !common::require("tmux", common::TMUX_HOWTO, have_tmux()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Ctrl-C is a key in raw mode: it quits like q.
    let t = Tmux::new("ctrlc");
    t.start(dir.path(), "sh");
    t.type_text(&format!("'{}' --lang en; echo \"EXIT=$?\"", binary()));
    t.keys(&["Enter"]);
    t.wait_for("the app in English", |s| {
        s.contains("1 Ranking") && s.contains("q quit")
    });
    t.keys(&["C-c"]);
    t.wait_for("the shell after Ctrl-C", |s| s.contains("EXIT=0"));
    assert_eq!(t.format("#{alternate_on}"), "0");
    drop(t);

    // SIGTERM: the app (its pid written by the shell that execs it) must
    // leave by itself, exit status 0, not die of the signal (143).
    let t = Tmux::new("term");
    let cmd = format!(
        "sh -c 'echo $$ > app.pid; exec \"{}\"'; echo \"EXIT=$?\"; sleep 60",
        binary()
    );
    t.start(dir.path(), &cmd);
    t.wait_for("the app", |s| {
        s.contains("1 Ranglijst") && s.contains("q stop")
    });
    let pid = std::fs::read_to_string(dir.path().join("app.pid")).unwrap();
    let killed = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    let s = t.wait_for("the shell after SIGTERM", |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(!s.contains("1 Ranglijst"), "app screen left behind:\n{s}");
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_eq!(t.format("#{mouse_any_flag}"), "0");
}

#[test]
fn without_a_terminal_the_app_prints_only_its_error() {
    // No tmux needed: stdin and stdout are pipes here.
    let out = Command::new(binary())
        .args(["--lang", "en"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("interactive terminal"), "{stderr}");
    assert!(
        !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
        "escape codes printed: {:?} {stderr:?}",
        String::from_utf8_lossy(&out.stdout)
    );
}
