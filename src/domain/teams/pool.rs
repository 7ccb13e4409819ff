//! Capacity: a pool of professionals per role shared by all selected
//! buurten, handed out to the strongest needs first.

use super::catalogue::RoleCatalogue;
use super::error::TeamError;
use super::evaluate::cmp_key;
use super::proposal::{Member, TeamProposal, UnmetNeed};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Available professionals per role across all selected buurten. Roles not in
/// the pool are unlimited.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pool {
    #[serde(default)]
    pub pool: BTreeMap<String, u32>,
}

impl Pool {
    /// Parses `[pool]\nrole_id = count`. Role ids are checked by [`Pool::validate`].
    pub fn parse(toml_text: &str) -> Result<Pool, TeamError> {
        toml::from_str(toml_text).map_err(TeamError::Pool)
    }

    pub fn new(counts: BTreeMap<String, u32>) -> Pool {
        Pool { pool: counts }
    }

    pub fn available(&self, role: &str) -> Option<u32> {
        self.pool.get(role).copied()
    }

    /// Every pool role must be a non-core role of the catalogue.
    pub fn validate(&self, catalogue: &RoleCatalogue) -> Result<(), TeamError> {
        for id in self.pool.keys() {
            match catalogue.role(id) {
                None => return Err(TeamError::PoolUnknownRole { role: id.clone() }),
                Some(r) if r.core => return Err(TeamError::PoolCoreRole { role: id.clone() }),
                Some(_) => {}
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleUsage {
    pub role_id: String,
    pub available: u32,
    pub assigned: u32,
    pub unmet: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    /// Every unmet need, strongest first.
    pub unmet: Vec<UnmetNeed>,
    /// One entry per pool role, in role-id order.
    pub usage: Vec<RoleUsage>,
}

pub const NO_CAPACITY_LEFT: &str = "no capacity left";

/// Hands out limited roles to the buurten with the strongest need and backfills
/// freed seats from roles the size cap dropped (module docs). Updates each
/// proposal's `members`, `dropped_by_cap` and `unmet`; calling it again with
/// the same pool gives the same result. Core roles are never limited.
pub fn allocate(proposals: &mut [TeamProposal], pool: &Pool) -> Allocation {
    let (candidates, mut seats) = take_candidates(proposals);
    let mut left: BTreeMap<&str, u32> = pool.pool.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let mut unmet_count: BTreeMap<String, u32> = BTreeMap::new();
    let mut all_unmet = Vec::new();
    for c in candidates {
        let p = &mut proposals[c.buurt];
        if seats[c.buurt] == 0 {
            p.dropped_by_cap.push(c.member);
            continue;
        }
        match left.get_mut(c.member.role_id.as_str()) {
            Some(0) => {
                *unmet_count.entry(c.member.role_id.clone()).or_default() += 1;
                let need = UnmetNeed {
                    buurt_code: p.buurt_code.clone(),
                    buurt_name: p.buurt_name.clone(),
                    member: c.member,
                    note: NO_CAPACITY_LEFT.to_string(),
                };
                all_unmet.push(need.clone());
                p.unmet.push(need);
            }
            remaining => {
                if let Some(n) = remaining {
                    *n -= 1;
                }
                seats[c.buurt] -= 1;
                p.members.push(c.member);
            }
        }
    }

    let usage = pool
        .pool
        .iter()
        .map(|(id, &available)| RoleUsage {
            role_id: id.clone(),
            available,
            assigned: available - left.get(id.as_str()).copied().unwrap_or(available),
            unmet: unmet_count.get(id).copied().unwrap_or(0),
        })
        .collect();
    Allocation {
        unmet: all_unmet,
        usage,
    }
}

/// A non-core member waiting for a seat in one buurt's team.
struct Candidate {
    strength: f64,
    buurt: usize,
    member: Member,
}

/// Takes every non-core member (seated, dropped or unmet) back out of the
/// proposals, leaving only the core, so that allocating twice gives the same
/// result. Returns them strongest first (ties by buurt code, then role id)
/// with each buurt's number of non-core seats.
fn take_candidates(proposals: &mut [TeamProposal]) -> (Vec<Candidate>, Vec<usize>) {
    let mut candidates = Vec::new();
    let mut seats = Vec::with_capacity(proposals.len());
    for (b, p) in proposals.iter_mut().enumerate() {
        let (core, others): (Vec<Member>, Vec<Member>) = std::mem::take(&mut p.members)
            .into_iter()
            .partition(|m| m.core);
        seats.push(p.max_size.saturating_sub(core.len()));
        p.members = core;
        let unmet = std::mem::take(&mut p.unmet).into_iter().map(|u| u.member);
        let dropped = std::mem::take(&mut p.dropped_by_cap);
        for member in others.into_iter().chain(dropped).chain(unmet) {
            candidates.push(Candidate {
                strength: member.strength.unwrap_or(0.0),
                buurt: b,
                member,
            });
        }
    }
    candidates.sort_by(|a, b| {
        cmp_key(b.strength, a.strength)
            .then_with(|| {
                proposals[a.buurt]
                    .buurt_code
                    .cmp(&proposals[b.buurt].buurt_code)
            })
            .then_with(|| a.buurt.cmp(&b.buurt))
            .then_with(|| a.member.role_id.cmp(&b.member.role_id))
    });
    (candidates, seats)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::teams::fixtures::*;
    use crate::domain::teams::*;

    #[test]
    fn scarce_capacity_goes_to_strongest_need() {
        let cat = catalogue(&[
            ("behaviour_coach", r#"{ indicator = "a", z_above = 1.0 }"#),
            ("other", r#"{ indicator = "b", z_above = 1.0 }"#),
            ("spare", r#"{ indicator = "c", z_above = 0.0 }"#),
        ]);
        let settings = TeamSettings {
            max_size: 4,
            explain: false,
        };
        let b1 = buurt("B1", vec![zi("a", 1.5), zi("b", 1.2), zi("c", 0.1)]);
        let b2 = buurt("B2", vec![zi("a", 2.5), zi("b", 1.2), zi("c", 0.1)]);
        let b3 = buurt("B3", vec![zi("a", 2.0), zi("b", 1.2), zi("c", 0.1)]);
        let mut ps: Vec<TeamProposal> = [&b1, &b2, &b3]
            .iter()
            .map(|b| propose(&cat, b, &settings))
            .collect();
        assert!(ps
            .iter()
            .all(|p| p.member_ids().contains(&"behaviour_coach")));
        let pool = Pool::parse("[pool]\nbehaviour_coach = 2\n").unwrap();
        pool.validate(&cat).unwrap();
        let alloc = allocate(&mut ps, &pool);
        assert!(ps[1].member_ids().contains(&"behaviour_coach"));
        assert!(ps[2].member_ids().contains(&"behaviour_coach"));
        assert!(!ps[0].member_ids().contains(&"behaviour_coach"));
        assert_eq!(alloc.unmet.len(), 1);
        let need = &alloc.unmet[0];
        assert_eq!(need.buurt_code, "B1");
        assert_eq!(need.member.role_id, "behaviour_coach");
        assert!((need.member.strength.unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(need.note, NO_CAPACITY_LEFT);
        assert_eq!(ps[0].unmet, alloc.unmet);
        // The freed seat goes to the role the cap had dropped.
        assert_eq!(ids(&ps[0]), ["school", "parents", "other", "spare"]);
        assert!(ps[0].dropped_by_cap.is_empty());
        assert_eq!(
            alloc.usage,
            [RoleUsage {
                role_id: "behaviour_coach".into(),
                available: 2,
                assigned: 2,
                unmet: 1
            }]
        );
        // Idempotent.
        let before = ps.clone();
        let again = allocate(&mut ps, &pool);
        assert_eq!(ps, before);
        assert_eq!(again, alloc);
        // An empty pool changes nothing.
        let fresh: Vec<TeamProposal> = [&b1, &b2, &b3]
            .iter()
            .map(|b| propose(&cat, b, &settings))
            .collect();
        let mut same = fresh.clone();
        let none = allocate(&mut same, &Pool::default());
        assert_eq!(same, fresh);
        assert!(none.unmet.is_empty());
    }

    #[test]
    fn pool_errors_name_the_culprit() {
        let cat = catalogue(&[("coach", r#"{ indicator = "a", z_above = 1.0 }"#)]);
        let e = Pool::parse("[pool]\ncoach = 2\n[extra]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("extra"), "{e}");
        let e = Pool::parse("[pool]\ncoach = -1\n").unwrap_err().to_string();
        assert!(e.contains("invalid capacity pool"), "{e}");
        let e = Pool::parse("[pool]\nghost = 1\n")
            .unwrap()
            .validate(&cat)
            .unwrap_err()
            .to_string();
        assert!(e.contains("`ghost`"), "{e}");
        let e = Pool::parse("[pool]\nparents = 1\n")
            .unwrap()
            .validate(&cat)
            .unwrap_err()
            .to_string();
        assert!(e.contains("core role `parents`"), "{e}");
    }
}
