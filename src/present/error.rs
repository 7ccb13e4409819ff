//! One error, said once: the chain of causes joined with ": ", leaving out
//! a cause whose text the line already holds (an error that prints its
//! source and also returns it would otherwise read "X: e: e"). Every
//! command and the app's status line print errors through this.

use std::error::Error;

/// The error and its causes as one line.
pub fn error_text(e: &(dyn Error + 'static)) -> String {
    let mut parts = vec![e.to_string()];
    let mut cause = e.source();
    while let Some(c) = cause {
        parts.push(c.to_string());
        cause = c.source();
    }
    join_causes(parts)
}

/// Join the texts of an error chain, outermost first, skipping empty ones
/// and any the line so far already contains. A cause that starts with what
/// the line ends with ("x: invalid profile" + "invalid profile: why") adds
/// only the rest.
pub fn join_causes(parts: impl IntoIterator<Item = String>) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() || out.contains(p) {
            continue;
        }
        let p = p
            .match_indices(": ")
            .map(|(k, _)| k)
            .filter(|&k| {
                out.strip_suffix(&p[..k])
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with(": "))
            })
            .last()
            .map_or(p, |k| &p[k + 2..]);
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("{path}: {source}")]
    struct Doubled {
        path: String,
        source: std::io::Error,
    }

    #[derive(Debug, thiserror::Error)]
    #[error("cannot export")]
    struct Outer(#[source] Doubled);

    #[test]
    fn a_cause_already_in_the_line_is_said_once() {
        let e = Outer(Doubled {
            path: "/x/y.csv".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not there"),
        });
        assert_eq!(error_text(&e), "cannot export: /x/y.csv: not there");
    }

    #[test]
    fn a_cause_repeating_the_end_of_the_line_adds_only_the_rest() {
        let s = join_causes([
            "p.toml: invalid profile".to_string(),
            "invalid profile: TOML parse error at line 6".into(),
        ]);
        assert_eq!(s, "p.toml: invalid profile: TOML parse error at line 6");
        // only whole parts count
        let s = join_causes(["x: abad".to_string(), "bad: d".into()]);
        assert_eq!(s, "x: abad: bad: d");
    }

    #[test]
    fn distinct_causes_are_all_kept() {
        let s = join_causes(["a".to_string(), "b".into(), "".into(), "c".into()]);
        assert_eq!(s, "a: b: c");
    }
}
