//! Running the effects `update` asks for: writing the profile, exporting
//! the shortlist (both quick, run in place) and the Monte Carlo (run on a
//! worker thread so keys stay responsive while it works).

use super::action::{Action, Effect};
use super::app::App;
use crate::domain::analysis::Analysis;
use crate::domain::teams::TeamSettings;
use crate::domain::uncertainty::stability;
use crate::export::{export_to_file, write_atomic, ExportContext, ExportOptions, Format};
use crate::i18n::{Bilingual, Lang};
use crate::present::error_text_in;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    std::env::current_dir()
        .map(|d| d.join(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

pub fn save(path: &Path, toml: &str, lang: Lang) -> Action {
    let abs = absolute(path);
    tracing::info!(path = %abs.display(), "saving profile");
    // Atomic like the exports: a crash mid-save never leaves half a profile.
    Action::Saved(
        write_atomic(&abs, toml.as_bytes())
            .map(|_| abs.clone())
            .map_err(|e| error_text_in(&e, lang)),
    )
}

/// The analysis as the user sees it: current weights in the profile and
/// the user's shortlist as the shortlist.
pub fn analysis_as_shown(app: &App) -> Analysis {
    let mut a = app.analysis.clone();
    a.profile = app.profile_as_shown();
    let computed = a.ranking.shortlist.clone();
    a.set_hand(computed, app.hand());
    a
}

pub fn export(app: &App, path: &Path, format: Format, overwrite: bool) -> Action {
    let abs = absolute(path);
    if !overwrite && abs.exists() {
        return Action::ExportExists(abs);
    }
    tracing::info!(path = %abs.display(), ?format, "exporting shortlist");
    let a = analysis_as_shown(app);
    let teams = a.teams(
        &app.ds,
        &app.catalogue,
        &TeamSettings::default(),
        &a.ranking.shortlist,
    );
    let ctx = ExportContext {
        ds: &app.ds,
        analysis: &a,
        teams: &teams,
        inputs: &app.inputs,
        // The memo speaks the language the app shows.
        options: ExportOptions {
            lang: app.lang,
            ..ExportOptions::default()
        },
    };
    Action::Exported(
        export_to_file(&ctx, format, &abs)
            .map(|_| abs.clone())
            .map_err(|e| error_text_in(&e, app.lang)),
    )
}

/// The Monte Carlo for the app's current ranking, detached from the app.
pub fn stability_job(app: &App) -> impl FnOnce() -> Action + Send + 'static {
    let prepared = app.analysis.prepared.clone();
    let ranking = app.analysis.ranking.clone();
    let settings = app.analysis.profile.monte_carlo.clone();
    let generation = app.generation;
    let lang = app.lang;
    move || {
        let started = std::time::Instant::now();
        let result = stability(&prepared, &ranking, &settings)
            .map(Box::new)
            .map_err(|e| e.text(lang));
        tracing::debug!(
            generation,
            ms = started.elapsed().as_millis() as u64,
            "stability"
        );
        Action::StabilityDone { generation, result }
    }
}

/// Run an effect to completion on this thread (tests, benches).
pub fn run_blocking(app: &App, effect: Effect) -> Action {
    match effect {
        Effect::SaveProfile { path, toml } => save(&path, &toml, app.lang),
        Effect::Export {
            path,
            format,
            overwrite,
        } => export(app, &path, format, overwrite),
        Effect::Stability { .. } => stability_job(app)(),
        Effect::MapLevels => Action::MapLevelsDone(
            app.geo
                .finer_levels_job(&app.analysis.members)
                .map(|job| job())
                .unwrap_or_default(),
        ),
    }
}

/// Runs effects for the event loop: at most one Monte Carlo at a time; a
/// request while one runs is remembered and started, for the then current
/// ranking, when it ends.
pub struct Runner {
    tx: Sender<Action>,
    rx: Receiver<Action>,
    busy: bool,
    pending: bool,
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new()
    }
}

impl Runner {
    pub fn new() -> Runner {
        let (tx, rx) = channel();
        Runner {
            tx,
            rx,
            busy: false,
            pending: false,
        }
    }

    /// Start an effect; quick ones return their result at once.
    pub fn start(&mut self, app: &App, effect: Effect) -> Option<Action> {
        match effect {
            Effect::Stability { .. } => {
                if self.busy {
                    self.pending = true;
                } else {
                    self.spawn(app);
                }
                None
            }
            Effect::MapLevels => {
                if let Some(job) = app.geo.finer_levels_job(&app.analysis.members) {
                    let tx = self.tx.clone();
                    std::thread::spawn(move || {
                        let started = std::time::Instant::now();
                        let levels = job();
                        tracing::debug!(
                            levels = levels.len(),
                            ms = started.elapsed().as_millis() as u64,
                            "finer map levels"
                        );
                        // The receiver only goes away when the app quits.
                        let _ = tx.send(Action::MapLevelsDone(levels));
                    });
                }
                None
            }
            other => Some(run_blocking(app, other)),
        }
    }

    fn spawn(&mut self, app: &App) {
        let job = stability_job(app);
        let tx = self.tx.clone();
        self.busy = true;
        std::thread::spawn(move || {
            // The receiver only goes away when the app quits.
            let _ = tx.send(job());
        });
    }

    /// A finished background result, if any.
    pub fn poll(&mut self, app: &App) -> Option<Action> {
        let a = self.rx.try_recv().ok()?;
        if matches!(a, Action::StabilityDone { .. }) {
            self.busy = false;
            if self.pending {
                self.pending = false;
                self.spawn(app);
            }
        }
        Some(a)
    }
}
