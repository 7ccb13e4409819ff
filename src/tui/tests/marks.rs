//! The app declares what the memo declares: ties, small units and the
//! choices by hand, each with a mark in the table and a sentence in the
//! detail pane.

use super::*;
use crate::tui::action::Pane;

#[test]
fn a_tie_shows_as_a_shared_rank_and_is_explained() {
    let mut app = app();
    // Vlasakker and Slagenveld have the same score in the sample.
    let (a, b) = (unit(&app, "Vlasakker"), unit(&app, "Slagenveld"));
    assert_eq!(app.analysis.rank_range(a), Some((1, 2)));
    assert_eq!(app.analysis.rank_range(b), Some((1, 2)));
    let screen = draw(&app);
    for name in ["Vlasakker", "Slagenveld"] {
        let row = screen
            .lines()
            .find(|l| l.contains(name) && l.contains("1,76"))
            .unwrap_or_else(|| panic!("{name} not in the table:\n{screen}"));
        assert!(row.contains(" 1= "), "{row}");
    }
    go_to(&mut app, "Slagenveld");
    act(&mut app, &[Action::Focus(Pane::Detail)]);
    let screen = draw(&app);
    assert!(screen.contains("gelijke score: deelt rang 1-2"), "{screen}");
}

#[test]
fn hand_choices_and_small_units_are_said_in_the_detail_pane() {
    let mut app = app();
    go_to(&mut app, "Vlasakker");
    act(
        &mut app,
        &[Action::ToggleShortlist, Action::Focus(Pane::Detail)],
    );
    let screen = draw(&app);
    assert!(
        screen.contains("met de hand toegevoegd, niet door de regels"),
        "{screen}"
    );
    go_to(&mut app, "Havenkwartier");
    act(&mut app, &[Action::ToggleShortlist]);
    let screen = draw(&app);
    assert!(screen.contains("met de hand verwijderd"), "{screen}");

    // A threshold above Slagenveld's 420 inhabitants makes it a small unit.
    app.analysis.profile.small_population_below = 500.0;
    go_to(&mut app, "Slagenveld");
    let screen = draw(&app);
    assert!(screen.contains("minder dan 500 inwoners"), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains("Slagenveld") && l.contains("1="))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("!"), "{row}");
}

#[test]
fn the_app_starts_in_the_flags_or_else_the_profiles_language() {
    use crate::tui::terminal::start_app;
    use crate::tui::TuiArgs;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("en.toml");
    let text = format!("lang = \"en\"\n{}", crate::domain::profile::SMARTSTART_TOML);
    std::fs::write(&file, text).unwrap();
    let mut args = TuiArgs::default();
    assert_eq!(start_app(&args).unwrap().lang, Lang::Nl);
    args.profile.profile = Some(file);
    assert_eq!(start_app(&args).unwrap().lang, Lang::En);
    args.lang.lang = Some(Lang::Nl);
    assert_eq!(start_app(&args).unwrap().lang, Lang::Nl);
}
