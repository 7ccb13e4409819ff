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
    // The app speaks Dutch: so does the error in its status line.
    let done = crate::tui::effects::save(&target, toml, app.lang);
    act(&mut app, &[done]);
    let status = app.status.clone().unwrap();
    assert!(!status.error, "{}", status.text);
    assert!(status.text.contains("p.toml"));
    assert_eq!(std::fs::read_to_string(target).unwrap(), *toml);
}

#[test]
fn export_writes_the_shortlist_and_reports_it() {
    let mut app = app();
    let effects = act(&mut app, &[Action::Export, Action::ExportConfirm]);
    let Some(Effect::Export {
        path,
        format,
        overwrite,
    }) = effects.first()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(path.to_str(), Some("buurtradar-shortlist.md"));
    assert!(!overwrite);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("s.md");
    let done = crate::tui::effects::export(&app, &target, *format, false);
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
    // Written in the app's language.
    for heading in ["## Shortlist", "## Teams", "## Methode"] {
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
    crate::tui::effects::export(&app, &target, *format, false);
    let md = std::fs::read_to_string(&target).unwrap();
    assert!(
        md.contains("## Method\n") && md.contains("Weights:"),
        "{md}"
    );
}

#[test]
fn the_dialog_writes_the_chosen_format_under_the_typed_name() {
    let mut app = app();
    act(&mut app, &[Action::Export]);
    let html = crate::export::Format::ALL
        .iter()
        .position(|f| *f == crate::export::Format::Html)
        .unwrap() as i32;
    let md = app.export.as_ref().unwrap().format as i32;
    act(&mut app, &[Action::ExportFormat(html - md)]);
    assert_eq!(
        app.export.as_ref().unwrap().name,
        "buurtradar-shortlist.html"
    );
    let mut keys: Vec<Action> = (0.."buurtradar-shortlist.html".len())
        .map(|_| Action::ExportBackspace)
        .collect();
    keys.extend("raad/memo.html".chars().map(Action::ExportInput));
    keys.push(Action::ExportConfirm);
    let effects = act(&mut app, &keys);
    assert!(app.export.is_none(), "the dialog closes on writing");
    assert_eq!(
        effects,
        vec![Effect::Export {
            path: "raad/memo.html".into(),
            format: crate::export::Format::Html,
            overwrite: false
        }]
    );
}

#[test]
fn an_existing_file_is_only_overwritten_after_a_second_enter() {
    let mut app = app();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("s.md");
    std::fs::write(&target, "keep me").unwrap();
    let done = crate::tui::effects::export(&app, &target, crate::export::Format::Md, false);
    assert_eq!(done, Action::ExportExists(target.clone()));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    act(&mut app, &[Action::Export, Action::ExportConfirm, done]);
    let dlg = app.export.clone().expect("the dialog is back, armed");
    assert!(dlg.overwrite);
    assert!(app.status.clone().unwrap().text.contains("s.md"));
    // Typing withdraws the permission; Enter then asks the loop again.
    act(
        &mut app,
        &[Action::ExportInput('x'), Action::ExportBackspace],
    );
    assert!(!app.export.as_ref().unwrap().overwrite);
    act(&mut app, &[Action::ExportCancel]);
    let effects = act(&mut app, &[Action::Export, Action::ExportConfirm]);
    assert!(matches!(
        effects.first(),
        Some(Effect::Export {
            overwrite: false,
            ..
        })
    ));
    let written = crate::tui::effects::export(&app, &target, crate::export::Format::Md, true);
    assert!(matches!(written, Action::Exported(Ok(_))), "{written:?}");
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("# Buurtradar"));
}

#[test]
fn a_name_whose_extension_is_another_format_is_refused() {
    let mut app = app();
    let mut keys = vec![Action::Export];
    keys.extend((0..30).map(|_| Action::ExportBackspace));
    keys.extend("x.csv".chars().map(Action::ExportInput));
    keys.push(Action::ExportConfirm);
    let effects = act(&mut app, &keys);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.export.is_some());
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("x.csv"),
        "{}",
        status.text
    );
}

#[test]
fn snapshot_export_dialog() {
    let mut app = app();
    act(&mut app, &[Action::Export, Action::ExportFormat(1)]);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn a_failed_export_is_an_error() {
    let mut app = app();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-dir").join("s.md");
    let done = crate::tui::effects::export(&app, &target, crate::export::Format::Md, false);
    assert!(matches!(done, Action::Exported(Err(_))), "{done:?}");
    act(&mut app, &[done]);
    assert!(app.status.clone().unwrap().error);
}

#[test]
fn saving_into_a_missing_folder_says_so_once_and_leaves_nothing() {
    let mut app = app();
    // The profile's `[disclosure]` section travels with a save.
    app.analysis.profile.disclosure.microdata = vec!["zorg_*.csv".into()];
    app.analysis.profile.disclosure.min_cell = Some(15);
    let effects = act(&mut app, &[Action::SaveProfile]);
    let Some(Effect::SaveProfile { toml, .. }) = effects.first() else {
        panic!("{effects:?}");
    };
    let saved = Profile::parse(toml).unwrap();
    assert_eq!(saved.disclosure, app.analysis.profile.disclosure);

    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("no-such-dir");
    let target = folder.join("p.toml");
    // The app speaks Dutch: so does the error in its status line.
    let done = crate::tui::effects::save(&target, toml, app.lang);
    act(&mut app, &[done]);
    let status = app.status.clone().unwrap();
    assert!(status.error, "{}", status.text);
    assert_eq!(
        status.text,
        format!(
            "Opslaan mislukt: {}: map {} bestaat niet",
            target.display(),
            folder.display()
        )
    );
    assert!(!status.text.contains(".buurtradar-"), "{}", status.text);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // Switched to English, the same failure reads in English.
    app.lang = crate::i18n::Lang::En;
    let done = crate::tui::effects::save(&target, toml, app.lang);
    act(&mut app, &[done]);
    let status = app.status.clone().unwrap();
    assert!(
        status.text.ends_with(&format!(
            ": {}: folder {} does not exist",
            target.display(),
            folder.display()
        )) && !status.text.contains("bestaat niet"),
        "{}",
        status.text
    );
}
