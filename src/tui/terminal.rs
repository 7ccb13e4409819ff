//! The terminal side: logging to a file, entering and always leaving raw
//! mode and the alternate screen (also on panic, Ctrl-C and SIGTERM), and
//! the event loop that feeds actions to `update`.

use super::action::Action;
use super::app::App;
use super::effects::Runner;
use super::theme::Theme;
use super::update::update;
use super::TuiArgs;
use crate::io::load;
use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::DefaultTerminal;
use std::path::PathBuf;
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

#[cfg(unix)]
mod signals {
    //! SIGTERM sets a flag the loop polls, so the terminal is restored as
    //! on `q`. Plain libc `signal` (std links libc already): no new
    //! dependency. SIGHUP keeps its default (terminate): the terminal is
    //! gone then, and crossterm spins on a hung-up tty instead of
    //! returning, so a handler would keep the process alive.
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    static RECEIVED: AtomicBool = AtomicBool::new(false);
    static FINISHED: AtomicBool = AtomicBool::new(false);

    const SIGTERM: i32 = 15;

    extern "C" fn on_signal(_: i32) {
        // Only an atomic store: async-signal-safe.
        RECEIVED.store(true, Ordering::SeqCst);
    }

    extern "C" {
        fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
    }

    pub fn install() {
        // SAFETY: `on_signal` only performs an atomic store, which is
        // async-signal-safe; SIGTERM is 15 on Linux and the BSDs/macOS.
        unsafe {
            signal(SIGTERM, on_signal);
        }
        // If the loop is stuck inside the terminal library when the signal
        // comes, leave anyway after a grace period.
        std::thread::spawn(|| {
            while !RECEIVED.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(100));
            }
            std::thread::sleep(Duration::from_secs(2));
            if !FINISHED.load(Ordering::SeqCst) {
                tracing::warn!("event loop did not stop after SIGTERM; exiting");
                super::restore();
                std::process::exit(128 + SIGTERM);
            }
        });
    }

    pub fn received() -> bool {
        RECEIVED.load(Ordering::SeqCst)
    }

    /// The loop has ended and the terminal is restored.
    pub fn finished() {
        FINISHED.store(true, Ordering::SeqCst);
    }
}

#[cfg(not(unix))]
mod signals {
    pub fn install() {}
    pub fn received() -> bool {
        false
    }
    pub fn finished() {}
}

fn restore() {
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

fn init() -> anyhow::Result<DefaultTerminal> {
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
            return Err(e).context(
                "the app needs an interactive terminal; for scripts use `buurtradar rank`, `teams` or `export`",
            );
        }
    };
    if let Err(e) = crossterm::execute!(std::io::stdout(), EnableMouseCapture) {
        tracing::warn!("no mouse capture: {e}");
    }
    Ok(terminal)
}

pub fn run(args: TuiArgs) -> anyhow::Result<()> {
    init_logging();
    tracing::info!("starting");
    // Load before touching the terminal, so errors print normally.
    let inputs = args.inputs.to_inputs()?;
    let ds = load(&inputs)?;
    let profile = args.profile.load()?;
    let mut app = App::new(ds, inputs, profile, args.lang, Theme::from_env())?;
    tracing::info!(
        units = app.analysis.units.len(),
        levels = app.geo.levels.len(),
        "loaded"
    );
    signals::install();
    let mut terminal = init()?;
    let result = event_loop(&mut terminal, &mut app);
    restore();
    signals::finished();
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

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
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
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        if signals::received() {
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
