//! What the effects the loop runs report back: saving and exporting.

use super::*;

#[test]
fn save_asks_to_write_the_current_weights() {
    let mut app = app();
    let j = weight_index(&app, "woz_mean");
    app.weight_cursor = j;
    act(&mut app, &[Action::WeightStep(7.0)]);
    let effects = act(&mut app, &[Action::SaveProfile]);
    let Some(Effect::SaveProfile { path, toml }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(path.to_str(), Some(crate::tui::update::PROFILE_FILE));
    let saved = Profile::parse(toml).unwrap();
    assert_eq!(saved.weight("woz_mean"), Some(12.0));
    // The profile's absent indicator keeps its weight.
    assert_eq!(saved.weight("ses_woa_score"), Some(10.0));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("p.toml");
    let done = crate::tui::effects::save(&target, toml);
    act(&mut app, &[done]);
    let status = app.status.clone().unwrap();
    assert!(!status.error, "{}", status.text);
    assert!(status.text.contains("p.toml"));
    assert_eq!(std::fs::read_to_string(target).unwrap(), *toml);
}

#[test]
fn export_writes_the_shortlist_and_reports_it() {
    let mut app = app();
    let effects = act(&mut app, &[Action::Export]);
    let Some(Effect::Export { path, format }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(path.to_str(), Some(crate::tui::update::EXPORT_FILE));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("s.md");
    let done = crate::tui::effects::export(&app, &target, *format);
    assert!(
        matches!(&done, Action::Exported(Ok(p)) if *p == target),
        "{done:?}"
    );
    act(&mut app, &[done]);
    let status = app.status.clone().unwrap();
    assert!(!status.error, "{}", status.text);
    assert!(status.text.contains("s.md"), "{}", status.text);
    let md = std::fs::read_to_string(&target).unwrap();
    assert!(md.starts_with("# Buurtradar: "), "{md}");
    for heading in ["## Shortlist", "## Teams", "## Method"] {
        assert!(md.contains(heading), "no {heading} in\n{md}");
    }
    // What the app showed is what was written: each shortlisted unit.
    for u in app.shortlist() {
        let code = &app.analysis.units[u].code;
        assert!(md.contains(code.as_str()), "{code} missing");
    }
    // In the app's language.
    assert!(md.contains("Gewichten:"), "{md}");
    app.lang = Lang::En;
    let target = dir.path().join("en.md");
    crate::tui::effects::export(&app, &target, *format);
    let md = std::fs::read_to_string(&target).unwrap();
    assert!(
        md.contains("## Method\n") && md.contains("Weights:"),
        "{md}"
    );
}

#[test]
fn a_failed_export_is_an_error() {
    let mut app = app();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-dir").join("s.md");
    let done = crate::tui::effects::export(&app, &target, crate::export::Format::Md);
    assert!(matches!(done, Action::Exported(Err(_))), "{done:?}");
    act(&mut app, &[done]);
    assert!(app.status.clone().unwrap().error);
}
