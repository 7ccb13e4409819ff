//! Text about a team: the figures behind each member, and the facts line
//! that introduces the unit the team is for.

use super::numbers::{figure, number, DecimalMark};
use crate::domain::score::UnitFacts;
use crate::domain::teams::{CheckStatus, Member};

/// One line per condition that called for the member:
/// "youth_care_pct 21.3 % (gemeente 12.1, all 11.8; z 1.6, P93; rule z_above 1)".
pub fn reason_lines(m: &Member) -> Vec<String> {
    m.reasons
        .iter()
        .filter(|c| c.status == CheckStatus::Met)
        .map(|c| {
            let unit = if c.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", c.unit)
            };
            format!(
                "{} {}{unit} (gemeente {}, all {}; z {}, P{}; rule {} {})",
                c.indicator,
                figure(c.value),
                figure(c.gemeente_value),
                figure(c.overall_value),
                number(c.z, 1, DecimalMark::Point),
                number(c.percentile, 0, DecimalMark::Point),
                c.threshold.kind.key(),
                c.threshold.value
            )
        })
        .collect()
}

/// "Stad, 3 primary schools, 1250 inhabitants, 210 children 0-15".
pub fn unit_facts(u: &UnitFacts) -> String {
    format!(
        "{}, {} primary schools, {} inhabitants, {} children 0-15",
        u.gemeente_name,
        u.primary_schools
            .map(|s| s.to_string())
            .unwrap_or_else(|| "?".into()),
        figure(u.inhabitants),
        figure(u.children_0_15)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::teams::{ConditionCheck, OrgKind, Threshold, ThresholdKind};

    fn check(status: CheckStatus) -> ConditionCheck {
        ConditionCheck {
            rule_id: "r1".into(),
            note: None,
            indicator: "youth_care_pct".into(),
            label: "Jeugdzorg".into(),
            unit: "%".into(),
            status,
            threshold: Threshold {
                kind: ThresholdKind::ZAbove,
                value: 1.0,
            },
            value: Some(21.34),
            z: Some(1.63),
            percentile: Some(93.4),
            gemeente_value: Some(12.1),
            overall_value: None,
            margin: None,
            strength: None,
        }
    }

    #[test]
    fn only_met_conditions_give_a_reason() {
        let m = Member {
            role_id: "youth_care".into(),
            name_nl: "Jeugdzorg".into(),
            name_en: "Youth care".into(),
            kind: OrgKind::YouthCare,
            core: false,
            strength: Some(0.6),
            reasons: vec![check(CheckStatus::Met), check(CheckStatus::NotMet)],
        };
        assert_eq!(
            reason_lines(&m),
            vec![
                "youth_care_pct 21.3 % (gemeente 12.1, all -; z 1.6, P93; rule z_above 1)"
                    .to_string()
            ]
        );
    }

    #[test]
    fn facts_line() {
        let u = UnitFacts {
            code: "BU1".into(),
            name: "Noord".into(),
            gemeente_code: "GM1".into(),
            gemeente_name: "Stad".into(),
            primary_schools: None,
            inhabitants: Some(1250.0),
            children_0_15: Some(21.5),
            water: false,
        };
        assert_eq!(
            unit_facts(&u),
            "Stad, ? primary schools, 1250 inhabitants, 21.5 children 0-15"
        );
    }
}
