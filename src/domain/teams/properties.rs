//! Invariants of any proposal and allocation over random buurten.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

const IDS: [&str; 8] = [
    "low_income_hh_pct",
    "poverty_persons_pct",
    "social_minimum_hh_pct",
    "youth_care_pct",
    "divorced_pct",
    "social_rent_pct",
    "low_education_pct",
    "woz_mean",
];

fn view(id: &str, z: Option<f64>) -> IndicatorView {
    IndicatorView {
        id: id.into(),
        label: id.into(),
        unit: "%".into(),
        value: z.map(|z| 10.0 + 3.0 * z),
        z,
        percentile: z.map(|z| (50.0 + 30.0 * z).clamp(0.0, 100.0)),
        gemeente_value: Some(10.0),
        overall_value: Some(10.0),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn teams_respect_invariants(
        zs in proptest::collection::vec(
            proptest::collection::vec(proptest::option::weighted(0.8, -3.0f64..3.0), IDS.len()),
            1..5,
        ),
        max_size in 0usize..10,
        coaches in 0u32..3,
    ) {
        let cat = RoleCatalogue::default_catalogue().unwrap();
        let settings = TeamSettings { max_size, explain: true };
        let buurten: Vec<BuurtView> = zs.iter().enumerate().map(|(i, z)| BuurtView {
            code: format!("BU{i}"),
            name: String::new(),
            indicators: IDS.iter().zip(z).map(|(id, z)| view(id, *z)).collect(),
        }).collect();
        let mut report = propose_all(&cat, &buurten, &settings);
        for p in &report.proposals {
            prop_assert_eq!(&p.member_ids()[..2], &["school", "parents"]);
            prop_assert!(p.members.len() <= max_size.max(2));
            let others = &p.members[2..];
            for w in others.windows(2) {
                prop_assert!(w[0].strength >= w[1].strength);
            }
            for m in others.iter().chain(&p.dropped_by_cap) {
                prop_assert!(m.strength.unwrap() >= 0.0);
                prop_assert!(!m.reasons.is_empty());
                prop_assert!(m.reasons.iter().all(|r| r.status == CheckStatus::Met));
            }
            let listed = p.members.len() + p.dropped_by_cap.len()
                + p.not_triggered.as_ref().unwrap().len();
            prop_assert_eq!(listed, cat.roles().len());
        }
        let pool = Pool::new(BTreeMap::from([("debt_counsellor".to_string(), coaches)]));
        let alloc = allocate(&mut report.proposals, &pool);
        let with_debt = report.proposals.iter()
            .filter(|p| p.member_ids().contains(&"debt_counsellor")).count();
        prop_assert!(with_debt <= coaches as usize);
        prop_assert_eq!(alloc.usage[0].assigned as usize, with_debt);
        // No seat stays empty while a dropped role waits.
        for p in &report.proposals {
            if !p.dropped_by_cap.is_empty() {
                prop_assert_eq!(p.members.len(), max_size.max(2));
            }
        }
    }
}
