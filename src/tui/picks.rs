//! The user's shortlist picks in a form that outlives a re-analysis.

/// The user's picks by unit code, which outlive a re-analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Picked {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl Picked {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}
