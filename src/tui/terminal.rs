//! The terminal side: logging to a file, entering and always leaving raw
//! mode and the alternate screen (also on panic, Ctrl-C and SIGTERM), and
//! the event loop that feeds actions to `update`.

use super::action::Action;
use super::app::{App, Status};
use super::effects::Runner;
use super::keymap::Loaded;
use super::theme::Theme;
use super::update::update;
use super::TuiArgs;
use crate::i18n::{Bilingual, Msg};
use crate::io::load;
use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::DefaultTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Where the app logs; never the screen, which the app owns.
pub fn log_path() -> PathBuf {
    std::env::temp_dir().join("buurtradar-tui.log")
}

fn init_logging() {
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path())
    else {
        return;
    };
    let filter = std::env::var("BUURTRADAR_LOG")
        .ok()
        .and_then(|l| l.parse::<tracing::Level>().ok())
        .unwrap_or(tracing::Level::INFO);
    // A second init (tests) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_max_level(filter)
        .try_init();
}

/// SIGTERM sets a flag the loop polls, so the terminal is restored as on
/// `q`. If the loop does not get round to it (stuck inside the terminal
/// library), a second SIGTERM takes the default action and ends the
/// process. SIGHUP keeps its default (terminate): the terminal is gone
/// then, and crossterm spins on a hung-up tty instead of returning, so a
/// flag would keep the process alive.
#[cfg(unix)]
fn watch_signals() -> Arc<AtomicBool> {
    use signal_hook::consts::SIGTERM;
    use signal_hook::flag;
    let term = Arc::new(AtomicBool::new(false));
    // Order matters: the conditional default is checked before the flag
    // is set, so only a second signal kills.
    let registered = flag::register_conditional_default(SIGTERM, Arc::clone(&term))
        .and_then(|_| flag::register(SIGTERM, Arc::clone(&term)));
    if let Err(e) = registered {
        tracing::warn!("SIGTERM not handled: {e}");
    }
    term
}

#[cfg(not(unix))]
fn watch_signals() -> Arc<AtomicBool> {
    Arc::new(AtomicBool::new(false))
}

fn restore() {
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

fn no_terminal() -> String {
    crate::args::choice::error_text(crate::said!(
        "de app heeft een interactieve terminal nodig; gebruik in scripts `buurtradar rank`, `teams` of `export`",
        "the app needs an interactive terminal; for scripts use `buurtradar rank`, `teams` or `export`"
    ))
}

fn init() -> anyhow::Result<DefaultTerminal> {
    // Without a terminal on both ends, touch nothing: setting up (and
    // undoing) the screen would print escape codes into a pipe or file.
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(no_terminal());
    }
    // Mouse capture is ours to undo: chain a hook that does, before
    // ratatui's (installed by try_init) restores raw mode and the screen.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            restore();
            return Err(e).context(no_terminal());
        }
    };
    if let Err(e) = crossterm::execute!(std::io::stdout(), EnableMouseCapture) {
        tracing::warn!("no mouse capture: {e}");
    }
    Ok(terminal)
}

/// The app as the terminal shows it at start: inputs loaded, ranked
/// under the profile, with the user's key bindings. A bad keys file does
/// not stop the app: the defaults are used and the status line says why.
pub fn start_app(args: &TuiArgs) -> anyhow::Result<App> {
    let profile = args.profile.load()?;
    let inputs = args.inputs.to_inputs_for(&profile)?;
    let ds = load(&inputs)?;
    let sample = inputs
        .indicators
        .iter()
        .all(|s| s.name.starts_with("sample:"));
    let years = crate::args::YearArgs {
        followup: args.followup.clone(),
        code_map: args.code_map.clone(),
        followup_period: args.followup_period.clone(),
        ..Default::default()
    };
    // Only the sample has a follow-up year without being told of one.
    let followup = if sample || !args.followup.is_empty() {
        let rules = crate::args::years::YearRules::new(&args.inputs, &profile);
        let f = years.load_followup(sample, &rules)?;
        Some((f.view, f.code_map.map(|(_, m)| m)))
    } else {
        None
    };
    let lang = args.lang.resolve(Some(&profile));
    let mut app = App::new(ds, inputs, profile, lang, Theme::from_env())?;
    app.followup = followup;
    let keys = Loaded::user()?;
    app.keymap = keys.keymap;
    if let Some(e) = keys.error {
        tracing::warn!("{e}");
        app.status = Some(Status {
            text: Msg::KeysIgnored.fill(app.lang, &[&e.text(app.lang)]),
            error: true,
        });
    }
    Ok(app)
}

pub fn run(args: TuiArgs) -> anyhow::Result<()> {
    init_logging();
    tracing::info!("starting");
    // Load before touching the terminal, so errors print normally.
    let mut app = start_app(&args)?;
    tracing::info!(
        units = app.analysis.units.len(),
        levels = app.geo.levels.len(),
        "loaded"
    );
    let term = watch_signals();
    let mut terminal = init()?;
    let result = event_loop(&mut terminal, &mut app, &term);
    restore();
    if let Err(e) = &result {
        tracing::error!("{e:#}");
    }
    tracing::info!("stopped");
    result
}

fn dispatch(app: &mut App, runner: &mut Runner, action: Action) {
    let mut next = Some(action);
    while let Some(a) = next.take() {
        tracing::trace!(?a, "action");
        if let Some(effect) = update(app, a) {
            next = runner.start(app, effect);
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    term: &AtomicBool,
) -> anyhow::Result<()> {
    let mut runner = Runner::new();
    let size = terminal.size()?;
    dispatch(
        app,
        &mut runner,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    app.stability_running = true;
    runner.start(app, super::action::Effect::Stability { generation: 0 });
    runner.start(app, super::action::Effect::MapLevels);
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        if term.load(Ordering::Relaxed) {
            tracing::info!("signal received");
            return Ok(());
        }
        while let Some(a) = runner.poll(app) {
            dispatch(app, &mut runner, a);
            dirty = true;
        }
        if !event::poll(Duration::from_millis(50))? {
            continue;
        }
        // Take every queued event before drawing again: a mouse drag or a
        // held key then costs one frame, not one per event.
        loop {
            let ev = event::read()?;
            if let Some(a) = app.keymap.action(app, &ev) {
                dispatch(app, &mut runner, a);
                dirty = true;
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}
