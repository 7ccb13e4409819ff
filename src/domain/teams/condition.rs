//! Rule conditions: a threshold on one indicator, or an `all` / `any`
//! combination, as validated from the catalogue's TOML and written back in
//! the same shape.

use super::error::TeamError;
use crate::i18n::Said;
use crate::said;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdKind {
    ZAbove,
    ZBelow,
    PercentileAbove,
    PercentileBelow,
    ValueAbove,
    ValueBelow,
}

impl ThresholdKind {
    pub fn key(self) -> &'static str {
        match self {
            ThresholdKind::ZAbove => "z_above",
            ThresholdKind::ZBelow => "z_below",
            ThresholdKind::PercentileAbove => "percentile_above",
            ThresholdKind::PercentileBelow => "percentile_below",
            ThresholdKind::ValueAbove => "value_above",
            ThresholdKind::ValueBelow => "value_below",
        }
    }

    pub(super) fn is_above(self) -> bool {
        matches!(
            self,
            ThresholdKind::ZAbove | ThresholdKind::PercentileAbove | ThresholdKind::ValueAbove
        )
    }

    /// The unit the raw margin is expressed in.
    pub fn margin_unit(self) -> &'static str {
        match self {
            ThresholdKind::ZAbove | ThresholdKind::ZBelow => "z",
            ThresholdKind::PercentileAbove | ThresholdKind::PercentileBelow => "percentile points",
            ThresholdKind::ValueAbove | ThresholdKind::ValueBelow => "indicator unit",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub kind: ThresholdKind,
    pub value: f64,
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {}", self.kind.key(), self.value)
    }
}

/// A condition on one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaf {
    pub indicator: String,
    pub threshold: Threshold,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Leaf(Leaf),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl Condition {
    /// Every leaf, in document order.
    pub fn leaves(&self) -> Vec<&Leaf> {
        let mut out = Vec::new();
        self.collect_leaves(&mut out);
        out
    }

    fn collect_leaves<'a>(&'a self, out: &mut Vec<&'a Leaf>) {
        match self {
            Condition::Leaf(l) => out.push(l),
            Condition::All(cs) | Condition::Any(cs) => {
                for c in cs {
                    c.collect_leaves(out);
                }
            }
        }
    }

    fn to_raw(&self) -> RawCondition {
        let mut raw = RawCondition::default();
        match self {
            Condition::Leaf(l) => {
                raw.indicator = Some(l.indicator.clone());
                let v = Some(l.threshold.value);
                match l.threshold.kind {
                    ThresholdKind::ZAbove => raw.z_above = v,
                    ThresholdKind::ZBelow => raw.z_below = v,
                    ThresholdKind::PercentileAbove => raw.percentile_above = v,
                    ThresholdKind::PercentileBelow => raw.percentile_below = v,
                    ThresholdKind::ValueAbove => raw.value_above = v,
                    ThresholdKind::ValueBelow => raw.value_below = v,
                }
            }
            Condition::All(cs) => raw.all = Some(cs.iter().map(Condition::to_raw).collect()),
            Condition::Any(cs) => raw.any = Some(cs.iter().map(Condition::to_raw).collect()),
        }
        raw
    }
}

// Serialised in the same shape the TOML uses, so a catalogue can be exported
// and read back.
impl Serialize for Condition {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_raw().serialize(s)
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    indicator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    z_above: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    z_below: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    percentile_above: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    percentile_below: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value_above: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value_below: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<RawCondition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any: Option<Vec<RawCondition>>,
}

impl RawCondition {
    /// Validates one table of a rule's `when`; `path` locates it in messages
    /// (`when.all[1]`).
    pub(super) fn into_condition(self, rule: &str, path: &str) -> Result<Condition, TeamError> {
        let thresholds: Vec<Threshold> = [
            (ThresholdKind::ZAbove, self.z_above),
            (ThresholdKind::ZBelow, self.z_below),
            (ThresholdKind::PercentileAbove, self.percentile_above),
            (ThresholdKind::PercentileBelow, self.percentile_below),
            (ThresholdKind::ValueAbove, self.value_above),
            (ThresholdKind::ValueBelow, self.value_below),
        ]
        .into_iter()
        .filter_map(|(kind, v)| v.map(|value| Threshold { kind, value }))
        .collect();
        if self.all.is_none() && self.any.is_none() {
            return leaf(self.indicator, &thresholds).map_err(|p| bad(rule, path, p));
        }
        if self.indicator.is_some() || !thresholds.is_empty() {
            return Err(bad(
                rule,
                path,
                said!(
                    "`all`/`any` gaat niet samen met `indicator` of een drempel in dezelfde tabel",
                    "`all`/`any` cannot be mixed with `indicator` or a threshold in the same table"
                ),
            ));
        }
        combination(self.all, self.any, rule, path)
    }
}

fn bad(rule: &str, path: &str, problem: Said) -> TeamError {
    TeamError::BadCondition {
        rule: rule.to_string(),
        path: path.to_string(),
        problem,
    }
}

/// An `all` or `any` table; nested tables are validated on the way.
fn combination(
    all: Option<Vec<RawCondition>>,
    any: Option<Vec<RawCondition>>,
    rule: &str,
    path: &str,
) -> Result<Condition, TeamError> {
    let (key, children) = match (all, any) {
        (Some(_), Some(_)) => {
            return Err(bad(
                rule,
                path,
                said!(
                    "gebruik `all` of `any`; zet de een in de ander om ze te combineren",
                    "use either `all` or `any`; nest one inside the other to combine them"
                ),
            ))
        }
        (Some(c), None) => ("all", c),
        (None, Some(c)) => ("any", c),
        (None, None) => return Err(bad(rule, path, said!("lege voorwaarde", "empty condition"))),
    };
    if children.is_empty() {
        return Err(bad(
            rule,
            path,
            said!("`{key}` is leeg", "`{key}` is empty"),
        ));
    }
    let children = children
        .into_iter()
        .enumerate()
        .map(|(i, c)| c.into_condition(rule, &format!("{path}.{key}[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(if key == "all" {
        Condition::All(children)
    } else {
        Condition::Any(children)
    })
}

/// A table with `indicator` and exactly one finite threshold.
fn leaf(indicator: Option<String>, thresholds: &[Threshold]) -> Result<Condition, Said> {
    let indicator = match indicator {
        Some(i) if !i.trim().is_empty() => i,
        Some(_) => return Err(said!("`indicator` is leeg", "`indicator` is empty")),
        None => {
            return Err(said!(
                "vraagt `indicator` met één drempel, of `all`/`any`",
                "needs `indicator` with one threshold, or `all`/`any`"
            ))
        }
    };
    let threshold = match thresholds {
        [t] => *t,
        [] => {
            return Err(said!(
                "indicator `{indicator}` vraagt een van `z_above`, `z_below`, `percentile_above`, \
                 `percentile_below`, `value_above`, `value_below`",
                "indicator `{indicator}` needs one of `z_above`, `z_below`, `percentile_above`, \
                 `percentile_below`, `value_above`, `value_below`"
            ))
        }
        many => {
            let keys: Vec<String> = many.iter().map(|t| format!("`{}`", t.kind.key())).collect();
            let (n, keys) = (many.len(), keys.join(", "));
            return Err(said!(
                "indicator `{indicator}` heeft {n} drempels ({keys}); combineer ze met `all`/`any`",
                "indicator `{indicator}` has {n} thresholds ({keys}); use `all`/`any` to combine them"
            ));
        }
    };
    if !threshold.value.is_finite() {
        let (key, value) = (threshold.kind.key(), threshold.value);
        return Err(said!(
            "`{key}` = {value} is geen eindig getal",
            "`{key}` = {value} is not a finite number"
        ));
    }
    if matches!(
        threshold.kind,
        ThresholdKind::PercentileAbove | ThresholdKind::PercentileBelow
    ) && !(0.0..=100.0).contains(&threshold.value)
    {
        let (key, value) = (threshold.kind.key(), threshold.value);
        return Err(said!(
            "`{key}` = {value} valt buiten het bereik: verwacht 0 tot en met 100",
            "`{key}` = {value} is out of range: expected 0 to 100"
        ));
    }
    Ok(Condition::Leaf(Leaf {
        indicator,
        threshold,
    }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::domain::teams::fixtures::*;
    use crate::domain::teams::*;

    #[test]
    fn malformed_conditions_are_errors_with_a_path() {
        let bad = |when: &str| {
            RoleCatalogue::parse(&format!(
                "{CORE}{}[[rule]]\nid = \"r\"\nrole = \"coach\"\nwhen = {when}\n",
                role_toml("coach")
            ))
            .unwrap_err()
            .to_string()
        };
        let e = bad(r#"{ indicator = "a", z_above = 1.0, z_below = -1.0 }"#);
        assert!(
            e.contains("`z_above`, `z_below`") && e.contains("`when`"),
            "{e}"
        );
        let e = bad(r#"{ indicator = "a" }"#);
        assert!(e.contains("needs one of"), "{e}");
        let err = RoleCatalogue::parse(&format!(
            "{CORE}{}[[rule]]\nid = \"r\"\nrole = \"coach\"\nwhen = {{ all = [] }}\n",
            role_toml("coach")
        ))
        .unwrap_err();
        assert_eq!(
            crate::i18n::Bilingual::text(&err, crate::i18n::Lang::Nl),
            "regel `r`, voorwaarde `when`: `all` is leeg"
        );
        assert_eq!(
            crate::i18n::Bilingual::text(&err, crate::i18n::Lang::En),
            "rule `r`, condition `when`: `all` is empty"
        );
        let e = bad(r#"{ all = [{ indicator = "a", z_above = 1.0 }, { any = [] }] }"#);
        assert!(
            e.contains("`when.all[1]`") && e.contains("`any` is empty"),
            "{e}"
        );
        let e = bad(r#"{ all = [{ indicator = "a", percentile_above = 120.0 }] }"#);
        assert!(e.contains("when.all[0]") && e.contains("0 to 100"), "{e}");
        let e = bad(r#"{ indicator = "a", z_above = 1.0, all = [] }"#);
        assert!(e.contains("cannot be mixed"), "{e}");
        let e = bad(r#"{ z_above = 1.0 }"#);
        assert!(e.contains("needs `indicator`"), "{e}");
        let e = bad(r#"{ indicator = "a", z_above = nan }"#);
        assert!(e.contains("finite"), "{e}");
    }
}
