//! Keys, panes, the help and sizes.

use super::*;

#[test]
fn tab_cycles_the_panes_and_the_layout_follows() {
    let mut app = app_with(Lang::Nl, true, 80, 24);
    let mut seen = vec![app.focus];
    for _ in 0..5 {
        act(&mut app, &[Action::FocusNext]);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        vec![
            Pane::Table,
            Pane::Map,
            Pane::Detail,
            Pane::Weights,
            Pane::Team,
            Pane::Table
        ]
    );
    act(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.focus, Pane::Team);
    // Narrow: the focused pane is the one beside the table.
    let s = crate::tui::update::screen(&app);
    assert!(s.pane(Pane::Team).is_some());
    assert!(s.pane(Pane::Map).is_none());
}

#[test]
fn keys_map_to_actions_by_context() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut app = app();
    let key = |c: KeyCode, m: KeyModifiers| Event::Key(KeyEvent::new(c, m));
    let km = app.keymap.clone();
    let none = KeyModifiers::NONE;
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('q'), none)),
        Some(Action::Quit)
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Esc, none)),
        Some(Action::Quit)
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('j'), none)),
        Some(Action::Move(1))
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Down, none)),
        Some(Action::Move(1))
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Char(' '), none)),
        Some(Action::ToggleShortlist)
    );
    act(&mut app, &[Action::Focus(Pane::Map)]);
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('l'), none)),
        Some(Action::Pan { dx: 1, dy: 0 })
    );
    act(&mut app, &[Action::Focus(Pane::Weights)]);
    assert_eq!(
        km.action(&app, &key(KeyCode::Right, none)),
        Some(Action::WeightStep(1.0))
    );
    // While searching, letters are text, not commands.
    act(&mut app, &[Action::SearchStart]);
    assert_eq!(
        km.action(&app, &key(KeyCode::Char('q'), none)),
        Some(Action::SearchInput('q'))
    );
    assert_eq!(
        km.action(&app, &key(KeyCode::Esc, none)),
        Some(Action::SearchCancel)
    );
    act(&mut app, &[Action::SearchCancel, Action::ToggleHelp]);
    assert_eq!(
        km.action(&app, &key(KeyCode::Esc, none)),
        Some(Action::ToggleHelp)
    );
}

#[test]
fn quits() {
    let mut app = app();
    assert!(!app.quit);
    act(&mut app, &[Action::Quit]);
    assert!(app.quit);
}

#[test]
fn help_lists_every_binding() {
    let app = app();
    // Everything the help shows while scrolling through it.
    let text = {
        let mut a = app_with(Lang::Nl, true, 200, 60);
        act(&mut a, &[Action::ToggleHelp]);
        let mut all = draw(&a);
        for _ in 0..20 {
            act(&mut a, &[Action::Scroll(10)]);
            all.push_str(&draw(&a));
        }
        all
    };
    for b in &app.keymap.bindings {
        assert!(text.contains(&b.desc.nl), "help misses {:?}", b.desc);
    }
}

#[test]
fn survives_any_size() {
    let mut app = app();
    for (w, h) in [(80, 24), (200, 60), (30, 10), (1, 1), (110, 32), (300, 100)] {
        act(
            &mut app,
            &[Action::Resize {
                width: w,
                height: h,
            }],
        );
        draw(&app);
        act(&mut app, &[Action::ToggleHelp]);
        draw(&app);
        act(&mut app, &[Action::ToggleHelp, Action::MoveLast]);
        draw(&app);
    }
}

#[test]
fn scrolling_is_bounded() {
    let mut app = app();
    act(
        &mut app,
        &[Action::Focus(Pane::Detail), Action::Scroll(10_000)],
    );
    assert!(usize::from(app.scroll.detail) <= app.ds.indicators.len() + 12);
    act(&mut app, &[Action::Scroll(-10_000)]);
    assert_eq!(app.scroll.detail, 0);
}
