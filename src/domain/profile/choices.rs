//! What an analyst set by hand and wants back next time: units put on or
//! taken off the shortlist (`[shortlist]`) and the app's table filters
//! (`[view]`). Both are by code, so they outlive a re-analysis.

use serde::{Deserialize, Serialize};

/// `[shortlist]`: the same choices as `--include` / `--exclude`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandList {
    /// Unit codes put on the shortlist by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Unit codes the rules chose that were taken off by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
}

impl HandList {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

/// `[view]`: the app's table filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewFilters {
    /// Gemeente code the table is limited to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeente: Option<String>,
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub min_schools: u32,
    #[serde(default, skip_serializing_if = "is_zero_f64")]
    pub min_inhabitants: f64,
}

impl ViewFilters {
    pub fn is_default(&self) -> bool {
        *self == ViewFilters::default()
    }
}

fn is_zero_u32(v: &u32) -> bool {
    *v == 0
}

fn is_zero_f64(v: &f64) -> bool {
    *v == 0.0
}

#[cfg(test)]
mod tests {
    use crate::domain::profile::Profile;

    #[test]
    fn shortlist_and_view_survive_a_round_trip_and_are_absent_when_empty() {
        let mut p = Profile::smartstart().unwrap();
        let plain = p.to_toml().unwrap();
        assert!(!plain.contains("[shortlist]") && !plain.contains("[view]"));
        p.shortlist.include = vec!["BU07940101".into()];
        p.shortlist.exclude = vec!["BU07940202".into()];
        p.view.gemeente = Some("GM0794".into());
        p.view.min_schools = 2;
        p.view.min_inhabitants = 500.0;
        let text = p.to_toml().unwrap();
        assert!(text.contains("[shortlist]") && text.contains("[view]"));
        assert_eq!(Profile::parse(&text).unwrap(), p);
    }
}
