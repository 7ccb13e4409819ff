//! The nulmeting frozen: the chosen units (pilots and their comparison
//! units) with every indicator as loaded, the profile, and the SHA-256 of
//! each input, so that two years later `effect` compares against exactly
//! what was measured then, even if the downloads have been revised since.

use super::error::EffectError;
use super::panel::YearView;
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const SNAPSHOT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotInput {
    pub file: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotUnit {
    pub code: String,
    pub name: String,
    pub gemeente: String,
    /// `pilot` or `control`.
    pub role: String,
    /// For a control: its distance to the nearest pilot it was matched to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance: Option<f64>,
    /// Every indicator of the baseline year; withheld cells keep their
    /// reason (`suppressed`, `secret`, ...), never a number.
    pub values: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub version: u32,
    pub tool: String,
    /// Creation time (UTC), absent under `--reproducible`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    pub profile_name: String,
    /// The profile as TOML, to rank and match with later.
    pub profile: String,
    pub inputs: Vec<SnapshotInput>,
    /// Indicator ids that are counts (a mapped unit sums them).
    pub counts: Vec<String>,
    pub units: Vec<SnapshotUnit>,
}

impl Snapshot {
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        Ok(serde_json::to_string_pretty(self)? + "\n")
    }

    pub fn from_json(file: &str, text: &str) -> Result<Snapshot, EffectError> {
        let s: Snapshot = serde_json::from_str(text).map_err(|e| EffectError::Snapshot {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        if s.version != SNAPSHOT_VERSION {
            return Err(EffectError::SnapshotVersion {
                file: file.to_string(),
                found: s.version,
                expected: SNAPSHOT_VERSION,
            });
        }
        Ok(s)
    }

    pub fn codes(&self, role: &str) -> Vec<String> {
        self.units
            .iter()
            .filter(|u| u.role == role)
            .map(|u| u.code.clone())
            .collect()
    }

    /// The baseline year as the panel reads it.
    pub fn year_view(&self) -> YearView {
        let mut v = YearView {
            label: "snapshot".into(),
            counts: self.counts.iter().cloned().collect(),
            ..YearView::default()
        };
        let ids: std::collections::BTreeSet<&String> =
            self.units.iter().flat_map(|u| u.values.keys()).collect();
        for (i, u) in self.units.iter().enumerate() {
            v.units
                .push((u.code.clone(), u.name.clone(), u.gemeente.clone()));
            v.index.insert(u.code.clone(), i);
        }
        for id in ids {
            let col = self
                .units
                .iter()
                .map(|u| {
                    u.values
                        .get(id)
                        .copied()
                        .unwrap_or(Value::Missing(crate::domain::value::Missing::NotInInput))
                })
                .collect();
            v.values.insert(id.clone(), col);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::Missing;

    fn snap() -> Snapshot {
        Snapshot {
            version: SNAPSHOT_VERSION,
            tool: "buurtradar test".into(),
            created: None,
            profile_name: "p".into(),
            profile: "name = \"p\"\n".into(),
            inputs: vec![SnapshotInput {
                file: "a.csv".into(),
                sha256: "ab".into(),
            }],
            counts: vec![],
            units: vec![SnapshotUnit {
                code: "BU1".into(),
                name: "Een".into(),
                gemeente: "GM1".into(),
                role: "pilot".into(),
                distance: None,
                values: [
                    ("x".to_string(), Value::Num(1.5)),
                    ("y".to_string(), Value::Missing(Missing::Suppressed)),
                ]
                .into(),
            }],
        }
    }

    #[test]
    fn round_trips_and_keeps_withheld_cells_withheld() {
        let s = snap();
        let back = Snapshot::from_json("s.json", &s.to_json().unwrap()).unwrap();
        assert_eq!(back, s);
        assert!(s.to_json().unwrap().contains("\"suppressed\""));
        let v = back.year_view();
        assert_eq!(
            v.value("y", "BU1"),
            Some(Value::Missing(Missing::Suppressed))
        );
        assert_eq!(v.value("x", "BU1"), Some(Value::Num(1.5)));
    }

    #[test]
    fn wrong_version_and_garbage_name_the_file() {
        let mut s = snap();
        s.version = 99;
        let e = Snapshot::from_json("s.json", &s.to_json().unwrap()).unwrap_err();
        assert!(e.to_string().contains("s.json") && e.to_string().contains("99"));
        assert!(Snapshot::from_json("t.json", "{")
            .unwrap_err()
            .to_string()
            .contains("t.json"));
    }
}
