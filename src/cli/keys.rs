//! `buurtradar keys`: the key bindings the app will use (the defaults
//! changed by the user's keys file), and where that file was looked for.

use super::write_stdout;
use crate::args::LangArgs;
use crate::i18n::{Lang, Msg};
use crate::tui::keymap::Loaded;
use clap::Args;

#[derive(Debug, Args)]
pub struct KeysArgs {
    #[command(flatten)]
    pub lang: LangArgs,
}

/// Prints the map; a bad keys file is reported after it (as the defaults
/// the app would fall back to) and makes the command fail, so `keys`
/// doubles as a check of the file.
pub fn run(args: KeysArgs) -> anyhow::Result<()> {
    let mut loaded = Loaded::user()?;
    write_stdout(&render(&loaded, args.lang.resolve(None)))?;
    match loaded.error.take() {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

/// The table: context, keys, action, description; then the user file.
pub fn render(loaded: &Loaded, lang: Lang) -> String {
    let head = [
        Msg::KeysContext.text(lang).to_string(),
        Msg::KeysKeys.text(lang).to_string(),
        Msg::KeysAction.text(lang).to_string(),
        Msg::KeysDescription.text(lang).to_string(),
    ];
    let rows: Vec<[String; 4]> = loaded
        .keymap
        .bindings
        .iter()
        .map(|b| {
            [
                b.ctx.name().to_string(),
                b.keys
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join(" "),
                b.name.clone(),
                b.desc.get(lang).to_string(),
            ]
        })
        .collect();
    let width = |i: usize| {
        std::iter::once(&head)
            .chain(&rows)
            .map(|r| r[i].chars().count())
            .max()
            .unwrap_or(0)
    };
    let w = [width(0), width(1), width(2)];
    let mut out = String::new();
    for r in std::iter::once(&head).chain(&rows) {
        let line = format!(
            "{:<w0$}  {:<w1$}  {:<w2$}  {}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2]
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push('\n');
    match &loaded.file {
        Some(p) => {
            let found = if loaded.found {
                Msg::Found
            } else {
                Msg::NotFound
            };
            out.push_str(&Msg::KeysUserFile.fill(lang, &[&p.display(), &found.text(lang)]));
        }
        None => out.push_str(Msg::KeysNoUserFile.text(lang)),
    }
    out.push('\n');
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn loaded_from(text: Option<&str>) -> (tempfile::TempDir, Loaded) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys.toml");
        if let Some(t) = text {
            std::fs::write(&path, t).unwrap();
        }
        let loaded = Loaded::from_file(Some(path)).unwrap();
        (dir, loaded)
    }

    #[test]
    fn lists_the_defaults_and_the_missing_user_file() {
        let (dir, loaded) = loaded_from(None);
        let out = render(&loaded, Lang::En);
        let first = out.lines().next().unwrap();
        assert!(first.starts_with("context"), "{first}");
        assert!(first.contains("keys") && first.contains("action"));
        let sort = out.lines().find(|l| l.contains(" sort ")).unwrap();
        assert!(sort.starts_with("table"), "{sort}");
        assert!(sort.contains(" o "), "{sort}");
        assert!(
            sort.ends_with("sort by the column (again: reverse)"),
            "{sort}"
        );
        let file = dir.path().join("keys.toml");
        assert!(out.contains(&format!("User keys file: {} (not found)", file.display())));
        let nl = render(&loaded, Lang::Nl);
        assert!(nl.contains("sorteer op kolom") && nl.contains("(niet gevonden)"));
    }

    #[test]
    fn shows_the_user_overrides() {
        let (_dir, loaded) = loaded_from(Some(
            "[[bind]]\ncontext = \"table\"\naction = \"sort\"\nkeys = [\"S\", \"ctrl-o\"]\n",
        ));
        assert!(loaded.error.is_none());
        let out = render(&loaded, Lang::En);
        let sort = out.lines().find(|l| l.contains(" sort ")).unwrap();
        assert!(sort.contains("S Ctrl-o"), "{sort}");
        assert!(out.contains("(found)"));
    }

    #[test]
    fn no_location_without_a_home() {
        let loaded = Loaded::from_file(None::<PathBuf>).unwrap();
        assert!(render(&loaded, Lang::En).contains("no location"));
    }
}
