//! Two years side by side: one row per unit that is comparable in both,
//! and the list of units that are not, with the reason. A unit is matched
//! by code only when its code exists in both years and the follow-up does
//! not mark it as changed (`indelingswijziging`); otherwise only the code
//! map can match it.

use super::code_map::CodeMap;
use crate::domain::dataset::{Dataset, Level};
use crate::domain::value::{Missing, Value};
use crate::i18n::Said;
use crate::said;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One year's buurt figures, from a loaded dataset or a snapshot.
#[derive(Debug, Clone, Default)]
pub struct YearView {
    pub label: String,
    /// (code, name, gemeente code) per buurt.
    pub units: Vec<(String, String, String)>,
    pub index: HashMap<String, usize>,
    /// Indicator id -> one value per unit.
    pub values: BTreeMap<String, Vec<Value>>,
    /// Indicators that are counts (a mapped unit sums them, not averages).
    pub counts: BTreeSet<String>,
    /// Codes the year's files mark as changed (`ind_wbi` other than 1).
    pub changed: BTreeSet<String>,
}

impl YearView {
    pub fn from_dataset(label: &str, ds: &Dataset, changed: BTreeSet<String>) -> YearView {
        let idx: Vec<usize> = ds
            .areas
            .iter()
            .enumerate()
            .filter(|(_, a)| a.level == Level::Buurt)
            .map(|(i, _)| i)
            .collect();
        let units: Vec<(String, String, String)> = idx
            .iter()
            .map(|&i| {
                let a = &ds.areas[i];
                (a.code.clone(), a.name.clone(), a.gemeente_code.clone())
            })
            .collect();
        let values = ds
            .indicators
            .iter()
            .map(|ind| {
                let v = idx
                    .iter()
                    .map(|&i| {
                        ind.values
                            .get(i)
                            .copied()
                            .unwrap_or(Value::Missing(Missing::NotInInput))
                    })
                    .collect();
                (ind.meta.id.clone(), v)
            })
            .collect();
        let counts = ds
            .indicators
            .iter()
            .filter(|i| i.meta.unit == "count")
            .map(|i| i.meta.id.clone())
            .collect();
        YearView {
            label: label.to_string(),
            index: units
                .iter()
                .enumerate()
                .map(|(i, u)| (u.0.clone(), i))
                .collect(),
            units,
            values,
            counts,
            changed,
        }
    }

    pub fn value(&self, id: &str, code: &str) -> Option<Value> {
        let i = *self.index.get(code)?;
        self.values.get(id).and_then(|v| v.get(i).copied())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    /// In the baseline, not in the follow-up, and not in the code map.
    AbsentInFollowup,
    /// Only in the follow-up and no mapped unit points to it.
    NewInFollowup,
    /// The follow-up marks the code as changed and no mapping says how.
    ChangedWithoutMapping,
    /// The code map points to a code the follow-up does not have.
    MapTargetMissing,
}

impl ExclusionReason {
    /// For error messages (the report text comes from the catalogue).
    pub fn label(self) -> Said {
        match self {
            ExclusionReason::AbsentInFollowup => said!(
                "niet in het vervolgjaar en niet in de codekoppeling",
                "not in the follow-up year and not in the code map"
            ),
            ExclusionReason::NewInFollowup => {
                said!("alleen in het vervolgjaar", "only in the follow-up year")
            }
            ExclusionReason::ChangedWithoutMapping => said!(
                "het vervolgjaar meldt de code als gewijzigd en de codekoppeling zegt niet hoe",
                "the follow-up marks its code as changed and the code map does not say how"
            ),
            ExclusionReason::MapTargetMissing => said!(
                "de codekoppeling wijst naar een code die het vervolgjaar niet heeft",
                "the code map points to a code the follow-up lacks"
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exclusion {
    pub code: String,
    pub reason: ExclusionReason,
}

#[derive(Debug, Clone, Serialize)]
pub struct PanelUnit {
    pub code: String,
    pub name: String,
    pub gemeente: String,
    /// One value per `Panel::ids`, baseline year.
    pub before: Vec<Value>,
    pub after: Vec<Value>,
    /// The follow-up codes and shares when the code map matched this unit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mapped_to: Vec<(String, f64)>,
    /// Degree of urbanisation at baseline (1 very strongly urban .. 5 not
    /// urban), for exact matching of peers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urbanity: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Panel {
    pub ids: Vec<String>,
    /// Wanted indicators that one of the years lacks.
    pub missing_ids: Vec<String>,
    pub units: Vec<PanelUnit>,
    pub excluded: Vec<Exclusion>,
}

impl Panel {
    /// `ids`: the indicators wanted (the profile's), in order.
    pub fn build(
        before: &YearView,
        after: &YearView,
        map: Option<&CodeMap>,
        ids: &[String],
    ) -> Panel {
        let (ids, missing_ids): (Vec<String>, Vec<String>) = ids
            .iter()
            .cloned()
            .partition(|id| before.values.contains_key(id) && after.values.contains_key(id));
        let mut units = Vec::new();
        let mut excluded = Vec::new();
        for (code, name, gemeente) in &before.units {
            let targets = map.map(|m| m.targets(code)).unwrap_or_default();
            let (after_values, mapped_to) = if !targets.is_empty() {
                if let Some((t, _)) = targets.iter().find(|(t, _)| !after.index.contains_key(*t)) {
                    excluded.push(Exclusion {
                        code: format!("{code} -> {t}"),
                        reason: ExclusionReason::MapTargetMissing,
                    });
                    continue;
                }
                let vals = ids.iter().map(|id| combine(after, id, &targets)).collect();
                let mapped = targets.iter().map(|(t, s)| (t.to_string(), *s)).collect();
                (vals, mapped)
            } else if !after.index.contains_key(code) {
                excluded.push(Exclusion {
                    code: code.clone(),
                    reason: ExclusionReason::AbsentInFollowup,
                });
                continue;
            } else if after.changed.contains(code) {
                excluded.push(Exclusion {
                    code: code.clone(),
                    reason: ExclusionReason::ChangedWithoutMapping,
                });
                continue;
            } else {
                let vals = ids
                    .iter()
                    .map(|id| {
                        after
                            .value(id, code)
                            .unwrap_or(Value::Missing(Missing::NotInInput))
                    })
                    .collect();
                (vals, Vec::new())
            };
            units.push(PanelUnit {
                code: code.clone(),
                name: name.clone(),
                gemeente: gemeente.clone(),
                before: ids
                    .iter()
                    .map(|id| {
                        before
                            .value(id, code)
                            .unwrap_or(Value::Missing(Missing::NotInInput))
                    })
                    .collect(),
                after: after_values,
                mapped_to,
                urbanity: before.value("urbanity", code).and_then(|v| v.num()),
            });
        }
        for (code, _, _) in &after.units {
            let reached = map.is_some_and(|m| m.is_target(code));
            if !reached && !before.index.contains_key(code) {
                excluded.push(Exclusion {
                    code: code.clone(),
                    reason: ExclusionReason::NewInFollowup,
                });
            }
        }
        Panel {
            ids,
            missing_ids,
            units,
            excluded,
        }
    }

    pub fn unit(&self, code: &str) -> Option<usize> {
        self.units.iter().position(|u| u.code == code)
    }

    /// Why `code` is not in the panel, when the panel says so.
    pub fn why_excluded(&self, code: &str) -> Option<ExclusionReason> {
        self.excluded
            .iter()
            .find(|e| e.code == code || e.code.starts_with(&format!("{code} ->")))
            .map(|e| e.reason)
    }
}

/// The follow-up figure of a mapped unit: share-weighted sum for counts,
/// share-weighted mean otherwise. A withheld or missing part makes the
/// whole missing, with that part's reason: never a figure from less.
fn combine(after: &YearView, id: &str, targets: &[(&str, f64)]) -> Value {
    let mut sum = 0.0;
    let mut weight = 0.0;
    for (code, share) in targets {
        match after.value(id, code) {
            Some(Value::Num(v)) => {
                sum += share * v;
                weight += share;
            }
            Some(missing) => return missing,
            None => return Value::Missing(Missing::NotInInput),
        }
    }
    if after.counts.contains(id) || weight == 0.0 {
        Value::Num(sum)
    } else {
        Value::Num(sum / weight)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::view;
    use super::*;

    #[test]
    fn unmapped_code_changes_are_reported_and_left_out() {
        let before = view(
            "2024",
            &[("BU1", 10.0), ("BU2", 20.0), ("BU3", 30.0), ("BU4", 40.0)],
            &[],
        );
        let after = view(
            "2026",
            &[("BU1", 9.0), ("BU5", 20.0), ("BU3", 31.0), ("BU4", 41.0)],
            &["BU4"],
        );
        let p = Panel::build(&before, &after, None, &["x".into()]);
        let codes: Vec<&str> = p.units.iter().map(|u| u.code.as_str()).collect();
        assert_eq!(codes, ["BU1", "BU3"]);
        assert_eq!(
            p.why_excluded("BU2"),
            Some(ExclusionReason::AbsentInFollowup)
        );
        assert_eq!(
            p.why_excluded("BU4"),
            Some(ExclusionReason::ChangedWithoutMapping)
        );
        assert_eq!(p.why_excluded("BU5"), Some(ExclusionReason::NewInFollowup));
    }

    #[test]
    fn a_code_map_matches_renumbered_split_and_merged_units() {
        let before = view("2024", &[("BU1", 10.0), ("BU2", 20.0), ("BU3", 30.0)], &[]);
        let after = view(
            "2026",
            &[("BU7", 12.0), ("BU8", 4.0), ("BU9", 8.0)],
            &["BU7"],
        );
        let map = CodeMap::parse("m", "BU1;BU7;1\nBU2;BU8;1\nBU2;BU9;1\nBU3;BU6;1\n").unwrap();
        let p = Panel::build(&before, &after, Some(&map), &["x".into(), "n".into()]);
        assert_eq!(p.units.len(), 2);
        assert_eq!(p.units[0].after[0], Value::Num(12.0));
        // A split: the rate is the mean of the parts, the count their sum.
        assert_eq!(p.units[1].after, vec![Value::Num(6.0), Value::Num(24.0)]);
        assert_eq!(
            p.why_excluded("BU3"),
            Some(ExclusionReason::MapTargetMissing)
        );
        assert!(p
            .excluded
            .iter()
            .all(|e| e.reason != ExclusionReason::NewInFollowup));
    }

    #[test]
    fn indicators_missing_in_one_year_are_named() {
        let before = view("2024", &[("BU1", 1.0)], &[]);
        let after = view("2026", &[("BU1", 1.0)], &[]);
        let p = Panel::build(&before, &after, None, &["x".into(), "absent".into()]);
        assert_eq!(p.ids, ["x"]);
        assert_eq!(p.missing_ids, ["absent"]);
    }
}
