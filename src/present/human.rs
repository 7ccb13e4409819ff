//! Text for people in one language: numbers with the language's decimal
//! and thousands marks, counted nouns in the right form, indicator labels
//! and units from the registry instead of ids, and the facts, statuses and
//! team reasons built from them. Machine formats keep ids and plain points.

use super::numbers::MISSING;
use crate::domain::analysis::{Analysis, UnitRow};
use crate::domain::dataset::Dataset;
use crate::domain::pilot::PilotRule;
use crate::domain::registry::Unit;
use crate::domain::score::UnitFacts;
use crate::domain::teams::{CheckStatus, DataGap, Member, ThresholdKind};
use crate::domain::uncertainty::StabilityLabel;
use crate::i18n::{domain as i18n_domain, Lang, Msg, Rt};

/// `v` with `decimals` decimals, Dutch "1.234,5" or English "1,234.5";
/// [`MISSING`] when absent or not finite.
pub fn num(v: Option<f64>, decimals: usize, lang: Lang) -> String {
    let Some(x) = v.filter(|x| x.is_finite()) else {
        return MISSING.to_string();
    };
    let (dec, thousands) = match lang {
        Lang::Nl => (',', '.'),
        Lang::En => ('.', ','),
    };
    let s = format!("{:.decimals$}", x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    out
}

/// A figure for reading: whole from 100 up, else one decimal.
pub fn fig(v: Option<f64>, lang: Lang) -> String {
    let decimals = match v {
        Some(x) if x.abs() >= 100.0 => 0,
        _ => 1,
    };
    num(v, decimals, lang)
}

/// A setting as written: whole numbers without decimals ("15"), others
/// with up to two ("2,5").
pub fn plain(x: f64, lang: Lang) -> String {
    if x.fract() == 0.0 {
        num(Some(x), 0, lang)
    } else {
        let s = num(Some(x), 2, lang);
        let s = s.trim_end_matches('0');
        s.trim_end_matches([',', '.']).to_string()
    }
}

/// "1 basisschool", "2 basisscholen".
pub fn count(n: u64, one: Rt, many: Rt, lang: Lang) -> String {
    let noun = if n == 1 { one } else { many };
    format!("{} {}", num(Some(n as f64), 0, lang), noun.text(lang))
}

/// A count that may be unknown or fractional (a rolled-up figure).
pub fn count_of(v: Option<f64>, one: Rt, many: Rt, lang: Lang) -> String {
    match v.filter(|x| x.is_finite()) {
        Some(x) if x.fract() == 0.0 && x >= 0.0 => count(x as u64, one, many, lang),
        Some(x) => format!("{} {}", fig(Some(x), lang), many.text(lang)),
        None => format!("? {}", many.text(lang)),
    }
}

/// "3 buurten", "1 wijk": units of a pilot rule, counted.
pub fn units(rule: PilotRule, n: usize, lang: Lang) -> String {
    let (one, many) = unit_nouns(rule);
    count(n as u64, one, many, lang)
}

pub fn unit_plural(rule: PilotRule, lang: Lang) -> &'static str {
    unit_nouns(rule).1.text(lang)
}

fn unit_nouns(rule: PilotRule) -> (Rt, Rt) {
    match rule {
        PilotRule::Buurt | PilotRule::Catchment => (Rt::BuurtOne, Rt::BuurtMany),
        PilotRule::Wijk => (Rt::WijkOne, Rt::WijkMany),
        PilotRule::Contiguous => (Rt::AreaOne, Rt::AreaMany),
    }
}

/// What a pilot rule runs in, in words.
pub fn rule_text(rule: PilotRule, lang: Lang) -> &'static str {
    match rule {
        PilotRule::Buurt => Rt::RuleBuurt,
        PilotRule::Catchment => Rt::RuleCatchment,
        PilotRule::Wijk => Rt::RuleWijk,
        PilotRule::Contiguous => Rt::RuleContiguous,
    }
    .text(lang)
}

/// The indicator's label in `lang` (see [`super::labels`]).
pub fn label(ds: &Dataset, id: &str, lang: Lang) -> String {
    super::labels::label(ds, id, lang)
}

/// A registry unit ("per 1,000") in `lang`; empty for a plain count.
pub fn unit_text(unit: &str, lang: Lang) -> String {
    const UNITS: [(Unit, &str); 6] = [
        (Unit::Count, ""),
        (Unit::Percent, "%"),
        (Unit::PerThousand, "per 1.000"),
        (Unit::Km, "km"),
        (Unit::ThousandEuro, "x 1.000 euro"),
        (Unit::Score, "score"),
    ];
    let unit = unit.trim();
    match UNITS.iter().find(|(u, _)| u.label() == unit) {
        Some((Unit::Count, _)) => String::new(),
        Some((u, nl)) => lang.pick(nl, u.label()).to_string(),
        None => unit.to_string(),
    }
}

/// "16,3 %", "127 per 1.000": a value with its unit.
pub fn value_with_unit(v: Option<f64>, unit: &str, lang: Lang) -> String {
    let u = unit_text(unit, lang);
    if u.is_empty() || v.is_none() {
        fig(v, lang)
    } else {
        format!("{} {u}", fig(v, lang))
    }
}

/// A stability label as the domain writes it ("robust-in"), in `lang`.
pub fn stability(label: Option<&str>, lang: Lang) -> String {
    [
        StabilityLabel::RobustIn,
        StabilityLabel::Borderline,
        StabilityLabel::Out,
    ]
    .into_iter()
    .find(|l| Some(l.label()) == label)
    .map(|l| i18n_domain::stability_label(l).text(lang).to_string())
    .unwrap_or_else(|| label.unwrap_or(MISSING).to_string())
}

/// Why a unit fails the rules, each rule in `lang`; empty when it meets
/// them. Not-ranked reasons follow in the domain's words.
pub fn failed_rules(a: &Analysis, u: usize, lang: Lang) -> Vec<String> {
    let r = &a.ranking.units[u];
    let mut v: Vec<String> = r
        .reasons
        .iter()
        .map(|x| i18n_domain::reason(x, lang))
        .collect();
    if let Some(nr) = &r.not_ranked {
        v.push(nr.to_string());
    }
    v
}

/// Shortlisted (with its stability), eligible, or the failed rules.
pub fn status(a: &Analysis, u: usize, row: &UnitRow, lang: Lang) -> String {
    if row.shortlisted {
        Rt::ShortlistStatus.fill(lang, &[&stability(row.label.as_deref(), lang)])
    } else if row.removed_by_hand {
        Rt::RemovedLine.fill(lang, &[&super::numbers::optional(row.rank)])
    } else if row.eligible {
        match &row.label {
            Some(l) => stability(Some(l), lang),
            None => Rt::Eligible.text(lang).to_string(),
        }
    } else {
        failed_rules(a, u, lang).join("; ")
    }
}

/// The rank, or the shared range of a tie ("3-5 =").
pub fn rank_text(row: &UnitRow) -> String {
    match row.rank_range {
        Some((lo, hi)) if lo < hi => format!("{lo}-{hi} ="),
        _ => super::numbers::optional(row.rank),
    }
}

/// "Stad, 1 basisschool, 1.250 inwoners, 210 kinderen 0-15".
pub fn facts(u: &UnitFacts, lang: Lang) -> String {
    Rt::Facts.fill(
        lang,
        &[
            &u.gemeente_name,
            &count_of(
                u.primary_schools.map(f64::from),
                Rt::SchoolOne,
                Rt::SchoolMany,
                lang,
            ),
            &count_of(u.inhabitants, Rt::InhabitantOne, Rt::InhabitantMany, lang),
            &count_of(u.children_0_15, Rt::ChildOne, Rt::ChildMany, lang),
        ],
    )
}

/// A role's name in `lang` alone.
pub fn role_name(name_nl: &str, name_en: &str, lang: Lang) -> String {
    lang.pick(name_nl, name_en).to_string()
}

/// The threshold of a team rule in words: "z boven 0,5".
pub fn threshold(kind: ThresholdKind, value: f64, lang: Lang) -> String {
    let t = match kind {
        ThresholdKind::ZAbove => Rt::ZAbove,
        ThresholdKind::ZBelow => Rt::ZBelow,
        ThresholdKind::PercentileAbove => Rt::PercentileAbove,
        ThresholdKind::PercentileBelow => Rt::PercentileBelow,
        ThresholdKind::ValueAbove => Rt::ValueAbove,
        ThresholdKind::ValueBelow => Rt::ValueBelow,
    };
    let decimals = if value.fract() == 0.0 { 0 } else { 1 };
    t.fill(lang, &[&num(Some(value), decimals, lang)])
}

/// One line per condition that called for the member, with the label:
/// "Jeugdzorg 16,3 % (gemeente 10,2, alle 10,2; z 1,6, P97; regel: z boven 1)".
pub fn reasons(m: &Member, ds: &Dataset, lang: Lang) -> Vec<String> {
    m.reasons
        .iter()
        .filter(|c| c.status == CheckStatus::Met)
        .map(|c| {
            Rt::ReasonLine.fill(
                lang,
                &[
                    &label(ds, &c.indicator, lang),
                    &value_with_unit(c.value, &c.unit, lang),
                    &fig(c.gemeente_value, lang),
                    &fig(c.overall_value, lang),
                    &num(c.z, 1, lang),
                    &num(c.percentile, 0, lang),
                    &threshold(c.threshold.kind, c.threshold.value, lang),
                ],
            )
        })
        .collect()
}

/// A team rule that needs an indicator the data lacks, said with the
/// role's name and the indicator's label.
pub fn data_gap(g: &DataGap, ds: &Dataset, lang: Lang) -> String {
    let role = match lang.pick(&g.role_nl, &g.role_en) {
        "" => g.role_id.as_str(),
        name => name,
    };
    Rt::DataGapLine.fill(lang, &[&g.rule_id, &role, &label(ds, &g.indicator, lang)])
}

/// The role of an input file (boundaries, indicators, schools) in `lang`.
pub fn input_role(r: &str, lang: Lang) -> String {
    match r {
        "boundaries" => Rt::CkRoleBoundaries.text(lang).into(),
        "indicators" => Rt::CkRoleIndicators.text(lang).into(),
        "schools" => Rt::CkRoleSchools.text(lang).into(),
        other => other.into(),
    }
}

/// The team engine's fixed remarks ("threshold not reached", "no capacity
/// left") in `lang`; any other text (a catalogue's own note) as written.
pub fn team_note(note: &str, lang: Lang) -> String {
    let rt = match note {
        "indicator not in the data" => Rt::TeamNoteNotInData,
        "value missing for this buurt" => Rt::TeamNoteMissing,
        "threshold not reached" => Rt::TeamNoteThreshold,
        "no rule in the catalogue" => Rt::TeamNoteNoRule,
        crate::domain::teams::NO_CAPACITY_LEFT => Rt::TeamNoteNoCapacity,
        other => return other.to_string(),
    };
    rt.text(lang).to_string()
}

/// The mark of a unit put on the shortlist by hand.
pub const HAND: &str = "\u{270b}";

/// "+0,37": a contribution with its sign.
pub fn signed(c: f64, lang: Lang) -> String {
    let s = num(Some(c), 2, lang);
    if c >= 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// "Always" in `lang`, for a core member.
pub fn always(lang: Lang) -> &'static str {
    Msg::Always.text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_have_a_decimal_comma_and_a_thousands_point() {
        assert_eq!(num(Some(1234.56), 1, Lang::Nl), "1.234,6");
        assert_eq!(num(Some(1234.56), 1, Lang::En), "1,234.6");
        assert_eq!(num(Some(-1234567.0), 0, Lang::Nl), "-1.234.567");
        assert_eq!(num(Some(-0.01), 1, Lang::Nl), "0,0");
        assert_eq!(num(Some(999.0), 0, Lang::Nl), "999");
        assert_eq!(num(None, 1, Lang::Nl), "-");
        assert_eq!(num(Some(f64::NAN), 1, Lang::En), "-");
        assert_eq!(fig(Some(16.34), Lang::Nl), "16,3");
        assert_eq!(fig(Some(2770.0), Lang::Nl), "2.770");
        assert_eq!(plain(15.0, Lang::Nl), "15");
        assert_eq!(plain(2.5, Lang::Nl), "2,5");
        assert_eq!(plain(0.126, Lang::En), "0.13");
    }

    #[test]
    fn counted_nouns_take_the_right_form() {
        assert_eq!(
            count(1, Rt::SchoolOne, Rt::SchoolMany, Lang::Nl),
            "1 basisschool"
        );
        assert_eq!(
            count(2, Rt::SchoolOne, Rt::SchoolMany, Lang::Nl),
            "2 basisscholen"
        );
        assert_eq!(
            count(0, Rt::SchoolOne, Rt::SchoolMany, Lang::En),
            "0 primary schools"
        );
        assert_eq!(
            count(1, Rt::SchoolOne, Rt::SchoolMany, Lang::En),
            "1 primary school"
        );
        assert_eq!(
            count_of(
                Some(1500.0),
                Rt::InhabitantOne,
                Rt::InhabitantMany,
                Lang::Nl
            ),
            "1.500 inwoners"
        );
        assert_eq!(
            count_of(None, Rt::ChildOne, Rt::ChildMany, Lang::Nl),
            "? kinderen 0-15"
        );
        assert_eq!(units(PilotRule::Wijk, 1, Lang::Nl), "1 wijk");
        assert_eq!(units(PilotRule::Contiguous, 2, Lang::Nl), "2 pilotgebieden");
    }

    #[test]
    fn units_and_thresholds_read_in_the_language() {
        assert_eq!(unit_text("per 1,000", Lang::Nl), "per 1.000");
        assert_eq!(unit_text("x 1,000 euro", Lang::En), "x 1,000 euro");
        assert_eq!(unit_text("count", Lang::Nl), "");
        assert_eq!(unit_text("m2", Lang::Nl), "m2");
        assert_eq!(
            value_with_unit(Some(127.0), "per 1,000", Lang::Nl),
            "127 per 1.000"
        );
        assert_eq!(
            threshold(ThresholdKind::ZAbove, 0.5, Lang::Nl),
            "z boven 0,5"
        );
        assert_eq!(
            threshold(ThresholdKind::PercentileAbove, 80.0, Lang::En),
            "above percentile 80"
        );
        assert_eq!(stability(Some("robust-in"), Lang::Nl), "zeker erin");
        assert_eq!(stability(None, Lang::Nl), "-");
    }
}
