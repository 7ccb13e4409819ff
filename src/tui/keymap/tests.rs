use super::*;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

fn defaults() -> Keymap {
    match Keymap::embedded() {
        Ok(k) => k,
        Err(e) => panic!("{e}"),
    }
}

fn user(text: &str) -> Result<Keymap, KeymapError> {
    defaults().with_overrides(text, Path::new("/home/u/.config/buurtradar/keys.toml"))
}

fn err(text: &str) -> String {
    match user(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn defaults_parse_and_bind_every_action() {
    let km = defaults();
    assert!(km.bindings.len() > 50);
    for (name, _) in actions() {
        assert!(
            km.bindings
                .iter()
                .any(|b| b.name == name && !b.keys.is_empty()),
            "{name} has no default key"
        );
    }
}

#[test]
fn every_binding_has_a_unique_key_per_context() {
    let km = defaults();
    for (i, a) in km.bindings.iter().enumerate() {
        for bnd in &km.bindings[i + 1..] {
            if a.ctx == bnd.ctx {
                assert!(a.name != bnd.name, "{} twice in {:?}", a.name, a.ctx);
                for k in &a.keys {
                    assert!(!bnd.keys.contains(k), "{:?} bound twice in {:?}", k, a.ctx);
                }
            }
        }
    }
}

#[test]
fn an_override_replaces_exactly_one_binding() {
    let before = defaults();
    let after = user(
        r#"
[[bind]]
context = "table"
action = "sort"
keys = ["S"]
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(before.bindings.len(), after.bindings.len());
    let changed: Vec<(&Binding, &Binding)> = before
        .bindings
        .iter()
        .zip(&after.bindings)
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1);
    let (old, new) = changed[0];
    assert_eq!((new.ctx, new.name.as_str()), (Ctx::Table, "sort"));
    assert_eq!(old.keys, vec![Key::ch('o')]);
    assert_eq!(new.keys, vec![Key::ch('S')]);
    assert_eq!(new.desc, old.desc, "the description stays");
}

#[test]
fn a_taken_key_leaves_its_old_binding() {
    let km = user(
        r#"
[[bind]]
context = "table"
action = "sort"
keys = ["g"]
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let first = km
        .bindings
        .iter()
        .find(|b| b.ctx == Ctx::Table && b.name == "first");
    assert_eq!(
        first.map(|b| b.keys.clone()),
        Some(vec![Key::new(KeyCode::Home)])
    );
}

#[test]
fn a_new_binding_borrows_the_description() {
    let km = user(
        r#"
[[bind]]
context = "map"
action = "move-down"
keys = ["J"]
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let b = km.bindings.last().map(|b| (b.ctx, b.desc.nl.clone()));
    assert_eq!(b, Some((Ctx::Map, "vorige/volgende buurt".to_string())));
}

#[test]
fn bad_files_name_the_file_the_line_and_the_value() {
    let file = "/home/u/.config/buurtradar/keys.toml";
    let syntax = err("[[bind]]\ncontext = \"table\"\naction = sort\n");
    assert!(syntax.starts_with(&format!("{file}:3: ")), "{syntax}");

    let action = err("[[bind]]\ncontext = \"table\"\naction = \"sortt\"\nkeys = [\"o\"]\n");
    assert!(action.starts_with(&format!("{file}:3: ")), "{action}");
    assert!(action.contains("unknown action 'sortt'"), "{action}");

    let key = err("\n[[bind]]\ncontext = \"table\"\naction = \"sort\"\nkeys = [\n  \"o\",\n  \"ctrl-shift-foo\",\n]\n");
    assert!(key.starts_with(&format!("{file}:7: ")), "{key}");
    assert!(key.contains("'ctrl-shift-foo'"), "{key}");

    let ctx = err("[[bind]]\ncontext = \"tabel\"\naction = \"sort\"\n");
    assert!(ctx.starts_with(&format!("{file}:2: ")), "{ctx}");
    assert!(ctx.contains("unknown context 'tabel'"), "{ctx}");
    assert!(ctx.contains("global, table, map"), "{ctx}");

    let field = err("[[bind]]\ncontext = \"table\"\naction = \"sort\"\nkey = [\"o\"]\n");
    assert!(field.starts_with(&format!("{file}:4: ")), "{field}");
    assert!(field.contains("key"), "{field}");
}

#[test]
fn a_bad_user_file_leaves_the_defaults_in_place() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("keys.toml");
    std::fs::write(&path, "[[bind]]\ncontext = \"table\"\naction = \"nope\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let loaded = Loaded::from_file(Some(path.clone())).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.found);
    assert_eq!(loaded.keymap, defaults());
    let e = loaded.error.map(|e| e.to_string()).unwrap_or_default();
    assert!(e.contains(&format!("{}:3:", path.display())), "{e}");

    let missing =
        Loaded::from_file(Some(dir.path().join("none.toml"))).unwrap_or_else(|e| panic!("{e}"));
    assert!(!missing.found && missing.error.is_none());
}

#[test]
fn user_file_location() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| OsString::from(v))
        }
    };
    assert_eq!(
        user_file_from(env(&[("BUURTRADAR_KEYS", "/k.toml"), ("HOME", "/h")])),
        Some(PathBuf::from("/k.toml"))
    );
    if !cfg!(windows) {
        assert_eq!(
            user_file_from(env(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])),
            Some(PathBuf::from("/x/buurtradar/keys.toml"))
        );
        assert_eq!(
            user_file_from(env(&[("HOME", "/h")])),
            Some(PathBuf::from("/h/.config/buurtradar/keys.toml"))
        );
        assert_eq!(user_file_from(env(&[])), None);
    }
}

#[test]
fn footer_and_help_come_from_the_bindings() {
    let km = defaults();
    let footer = km.footer(&[Ctx::Table, Ctx::Global], Lang::Nl);
    let first = footer.first().map(|f| (f.keys.as_str(), f.label.as_str()));
    assert_eq!(first, Some(("↑↓", "kies")));
    assert!(footer.iter().any(|f| f.pinned && f.label == "stop"));
    let help = km.help(Lang::En);
    let table = help.iter().find(|(c, _)| *c == Ctx::Table);
    let sort = table.and_then(|(_, rows)| rows.iter().find(|(k, _)| k == "o"));
    assert_eq!(
        sort.map(|(_, d)| d.as_str()),
        Some("sort by the column (again: reverse)")
    );
}
