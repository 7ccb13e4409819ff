//! Reading keymaps: the embedded defaults, then a user file that changes
//! bindings one by one. Errors quote the file, the line and the value.

use super::key::Key;
use super::names::parse_action;
use super::{Binding, Ctx, Described, Keymap};
use crate::i18n::bilingual::io_reason;
use crate::i18n::{Bilingual, Lang};
use serde::Deserialize;
use std::ffi::OsString;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const DEFAULT_KEYS: &str = include_str!("default_keys.toml");
const DEFAULT_NAME: &str = "default_keys.toml (embedded)";

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("{}: cannot read the keys file: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}:{line}: unknown context '{context}' (known: {})", path.display(), known_contexts())]
    UnknownContext {
        path: PathBuf,
        line: usize,
        context: String,
    },
    #[error("{}:{line}: unknown action '{action}' (`buurtradar keys` lists them)", path.display())]
    UnknownAction {
        path: PathBuf,
        line: usize,
        action: String,
    },
    #[error(
        "{}:{line}: cannot read key '{key}' (write e.g. \"k\", \"K\", \"ctrl-c\", \"pagedown\", \"space\")",
        path.display()
    )]
    BadKey {
        path: PathBuf,
        line: usize,
        key: String,
    },
}

/// The file's toml message stays as the library wrote it.
impl Bilingual for KeymapError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            KeymapError::Read { path, source } => format!(
                "{}: kan het sneltoetsenbestand niet lezen: {}",
                path.display(),
                io_reason(source, lang)
            ),
            KeymapError::Syntax { .. } => self.to_string(),
            KeymapError::UnknownContext {
                path,
                line,
                context,
            } => format!(
                "{}:{line}: onbekende context '{context}' (bekend: {})",
                path.display(),
                known_contexts()
            ),
            KeymapError::UnknownAction { path, line, action } => format!(
                "{}:{line}: onbekende actie '{action}' (`buurtradar keys` toont ze)",
                path.display()
            ),
            KeymapError::BadKey { path, line, key } => format!(
                "{}:{line}: kan toets '{key}' niet lezen (schrijf bijv. \"k\", \"K\", \"ctrl-c\", \"pagedown\", \"space\")",
                path.display()
            ),
        }
    }
}

fn known_contexts() -> String {
    Ctx::ALL.map(|(n, _)| n).join(", ")
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeysFile {
    #[serde(default)]
    bind: Vec<FileBinding>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBinding {
    context: Spanned<String>,
    action: Spanned<String>,
    keys: Option<Vec<Spanned<String>>>,
    desc: Option<Described>,
    footer: Option<Described>,
}

/// 1-based line of a byte offset.
fn line_of(text: &str, span: Range<usize>) -> usize {
    text.get(..span.start)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// A binding as a file states it, checked; fields it leaves out are `None`.
struct Parsed {
    ctx: Ctx,
    name: String,
    keys: Option<Vec<Key>>,
    desc: Option<Described>,
    footer: Option<Described>,
}

fn parse(text: &str, path: &Path) -> Result<Vec<Parsed>, KeymapError> {
    let file: KeysFile = toml::from_str(text).map_err(|e| KeymapError::Syntax {
        path: path.into(),
        line: e.span().map_or(1, |s| line_of(text, s)),
        message: e.message().trim().to_string(),
    })?;
    file.bind
        .into_iter()
        .map(|b| {
            let line = |s: &Spanned<String>| line_of(text, s.span());
            let ctx =
                Ctx::parse(b.context.get_ref()).ok_or_else(|| KeymapError::UnknownContext {
                    path: path.into(),
                    line: line(&b.context),
                    context: b.context.get_ref().clone(),
                })?;
            if parse_action(b.action.get_ref()).is_none() {
                return Err(KeymapError::UnknownAction {
                    path: path.into(),
                    line: line(&b.action),
                    action: b.action.get_ref().clone(),
                });
            }
            let keys = b
                .keys
                .map(|ks| {
                    ks.iter()
                        .map(|k| {
                            Key::parse(k.get_ref()).ok_or_else(|| KeymapError::BadKey {
                                path: path.into(),
                                line: line(k),
                                key: k.get_ref().clone(),
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .transpose()?;
            Ok(Parsed {
                ctx,
                name: b.action.into_inner(),
                keys,
                desc: b.desc,
                footer: b.footer,
            })
        })
        .collect()
}

impl Keymap {
    /// The bindings the app ships with.
    pub fn embedded() -> Result<Keymap, KeymapError> {
        let mut km = Keymap {
            bindings: Vec::new(),
        };
        km.apply(parse(DEFAULT_KEYS, Path::new(DEFAULT_NAME))?);
        Ok(km)
    }

    /// These bindings changed by a user file's text (`path` names it in
    /// errors). Nothing changes unless the whole file is valid.
    pub fn with_overrides(&self, text: &str, path: &Path) -> Result<Keymap, KeymapError> {
        let mut km = self.clone();
        km.apply(parse(text, path)?);
        Ok(km)
    }

    /// A binding replaces the one of the same context and action, field by
    /// field, or is added. Keys it takes are taken from the context's
    /// other bindings, so rebinding a key does not leave it bound twice.
    fn apply(&mut self, parsed: Vec<Parsed>) {
        for p in parsed {
            if let Some(keys) = &p.keys {
                for b in self.bindings.iter_mut().filter(|b| b.ctx == p.ctx) {
                    if b.name != p.name {
                        b.keys.retain(|k| !keys.contains(k));
                    }
                }
            }
            let same = |b: &&mut Binding| b.ctx == p.ctx && b.name == p.name;
            match self.bindings.iter_mut().find(same) {
                Some(b) => {
                    if let Some(keys) = p.keys {
                        b.keys = keys;
                    }
                    if let Some(d) = p.desc {
                        b.desc = d;
                    }
                    if p.footer.is_some() {
                        b.footer = p.footer;
                    }
                }
                None => {
                    // A new binding without a description borrows the one
                    // the action has elsewhere, else shows its name.
                    let desc = p.desc.unwrap_or_else(|| {
                        self.bindings
                            .iter()
                            .find(|b| b.name == p.name)
                            .map(|b| b.desc.clone())
                            .unwrap_or_else(|| Described {
                                nl: p.name.clone(),
                                en: p.name.clone(),
                            })
                    });
                    let Some(action) = parse_action(&p.name) else {
                        continue;
                    };
                    self.bindings.push(Binding {
                        ctx: p.ctx,
                        keys: p.keys.unwrap_or_default(),
                        action,
                        name: p.name,
                        desc,
                        footer: p.footer,
                    });
                }
            }
        }
    }
}

/// The defaults and what a user file made of them.
#[derive(Debug)]
pub struct Loaded {
    pub keymap: Keymap,
    /// Where the user file was looked for; `None` without a home.
    pub file: Option<PathBuf>,
    pub found: bool,
    /// Why the user file was not used; the defaults are in `keymap` then.
    pub error: Option<KeymapError>,
}

impl Loaded {
    /// Errs only if the embedded defaults do not parse, which a test rules
    /// out.
    pub fn from_file(file: Option<PathBuf>) -> Result<Loaded, KeymapError> {
        let defaults = Keymap::embedded()?;
        let path = match &file {
            Some(p) if p.exists() => p.clone(),
            _ => {
                return Ok(Loaded {
                    keymap: defaults,
                    file,
                    found: false,
                    error: None,
                })
            }
        };
        let result = std::fs::read_to_string(&path)
            .map_err(|source| KeymapError::Read {
                path: path.clone(),
                source,
            })
            .and_then(|text| defaults.with_overrides(&text, &path));
        Ok(match result {
            Ok(keymap) => Loaded {
                keymap,
                file: Some(path),
                found: true,
                error: None,
            },
            Err(e) => Loaded {
                keymap: defaults,
                file: Some(path),
                found: true,
                error: Some(e),
            },
        })
    }

    /// The user file at its usual place (see [`user_file`]).
    pub fn user() -> Result<Loaded, KeymapError> {
        Loaded::from_file(user_file())
    }
}

/// `$BUURTRADAR_KEYS`, else `keys.toml` in the `buurtradar` folder of the
/// user's configuration directory.
pub fn user_file() -> Option<PathBuf> {
    user_file_from(|k| std::env::var_os(k))
}

pub fn user_file_from(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(p) = set("BUURTRADAR_KEYS") {
        return Some(p);
    }
    let dir = if cfg!(windows) {
        set("APPDATA")
    } else {
        set("XDG_CONFIG_HOME").or_else(|| set("HOME").map(|h| h.join(".config")))
    };
    dir.map(|d| d.join("buurtradar").join("keys.toml"))
}
