//! The effect measurement as text: the "Effectmeting" section (markdown,
//! also what `effect` prints) and the peers listing. Figures with two
//! decimals: the inputs have one, and a difference of means needs one more.

use crate::domain::effect::{ControlsFrom, EffectResult, ExclusionReason};
use crate::i18n::{Lang, Msg};

fn n2(v: Option<f64>, lang: Lang) -> String {
    super::human::num(v, 2, lang)
}

/// The registry's label in `lang`; a custom indicator's made from its name.
fn name(id: &str, lang: Lang) -> String {
    super::labels::label_of_id(id, lang)
}

fn table(header: &str, rows: &[Vec<String>]) -> Vec<String> {
    let cols: Vec<&str> = header.split('|').collect();
    let mut out = vec![
        format!("| {} |", cols.join(" | ")),
        format!("|---|{}", "---:|".repeat(cols.len().saturating_sub(1))),
    ];
    out.extend(rows.iter().map(|r| format!("| {} |", r.join(" | "))));
    out
}

/// The section as markdown lines; `title` adds the `## ` heading.
pub fn effect_section(r: &EffectResult, lang: Lang, title: bool) -> Vec<String> {
    let mut out = Vec::new();
    if title {
        out.push(format!("## {}", Msg::EffectTitle.text(lang)));
        out.push(String::new());
    }
    let how = match r.controls_from {
        ControlsFrom::Peers => Msg::EffectControlsPeers.fill(lang, &[&r.k]),
        ControlsFrom::Given => Msg::EffectControlsGiven.text(lang).to_string(),
    };
    out.push(Msg::EffectUnits.fill(lang, &[&r.pilots.join(", "), &how, &r.controls.join(", ")]));
    out.push(String::new());
    let rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|d| {
            vec![
                name(&d.indicator, lang),
                n2(d.pilot_before, lang),
                n2(d.pilot_after, lang),
                n2(d.control_before, lang),
                n2(d.control_after, lang),
                n2(d.did, lang),
                n2(d.ci_low, lang),
                n2(d.ci_high, lang),
            ]
        })
        .collect();
    out.extend(table(Msg::EffectColumns.text(lang), &rows));
    out.push(String::new());
    let pct = format!("{:.0}", r.settings.level * 100.0);
    out.push(Msg::EffectInterval.fill(lang, &[&pct, &r.settings.draws, &r.settings.seed]));
    out.push(String::new());
    out.extend(balance_lines(r, lang));
    out.push(String::new());
    out.push(Msg::EffectHonesty.text(lang).to_string());
    out.push(String::new());
    if r.pretrend.is_empty() {
        out.push(Msg::EffectNoPretrend.text(lang).to_string());
    } else {
        out.push(Msg::EffectPretrend.text(lang).to_string());
        out.push(String::new());
        let rows: Vec<Vec<String>> = r
            .pretrend
            .iter()
            .map(|p| vec![name(&p.indicator, lang), n2(p.did, lang)])
            .collect();
        out.extend(table(Msg::EffectPretrendColumns.text(lang), &rows));
    }
    out.push(String::new());
    out.push(Msg::EffectWithheld.text(lang).to_string());
    out.extend(notes(r, lang));
    out
}

fn balance_lines(r: &EffectResult, lang: Lang) -> Vec<String> {
    let mut out = vec![Msg::BalanceTitle.text(lang).to_string(), String::new()];
    let rows: Vec<Vec<String>> = r
        .balance
        .iter()
        .map(|b| {
            vec![
                name(&b.indicator, lang),
                n2(b.smd_before, lang),
                n2(b.smd_after, lang),
            ]
        })
        .collect();
    out.extend(table(Msg::BalanceColumns.text(lang), &rows));
    out
}

fn reason(r: ExclusionReason) -> Msg {
    match r {
        ExclusionReason::AbsentInFollowup => Msg::EffectReasonAbsent,
        ExclusionReason::NewInFollowup => Msg::EffectReasonNew,
        ExclusionReason::ChangedWithoutMapping => Msg::EffectReasonChanged,
        ExclusionReason::MapTargetMissing => Msg::EffectReasonMapMissing,
    }
}

fn notes(r: &EffectResult, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if !r.spillover_excluded.is_empty() {
        out.push(String::new());
        out.push(Msg::EffectSpillover.fill(lang, &[&r.spillover_excluded.join(", ")]));
    }
    if !r.excluded.is_empty() {
        let list: Vec<String> = r
            .excluded
            .iter()
            .map(|e| format!("{} ({})", e.code, reason(e.reason).text(lang)))
            .collect();
        out.push(String::new());
        out.push(Msg::EffectExcluded.fill(lang, &[&r.excluded.len(), &list.join(", ")]));
    }
    if !r.mapped.is_empty() {
        out.push(String::new());
        out.push(Msg::EffectMapped.fill(lang, &[&r.mapped.join(", ")]));
    }
    if !r.not_measured.is_empty() {
        out.push(String::new());
        let names: Vec<String> = r.not_measured.iter().map(|id| name(id, lang)).collect();
        out.push(Msg::EffectNotMeasured.fill(lang, &[&names.join(", ")]));
    }
    out
}

/// `buurtradar peers`: per pilot its peers with distance, then balance.
pub fn peers_lines(r: &EffectResult, lang: Lang) -> Vec<String> {
    let mut out = vec![
        Msg::PeersTitle.fill(
            lang,
            &[&r.matched_on
                .iter()
                .map(|id| name(id, lang))
                .collect::<Vec<_>>()
                .join(", ")],
        ),
        String::new(),
    ];
    for p in &r.controls_per_pilot {
        let list: Vec<String> = p
            .controls
            .iter()
            .map(|(c, d)| format!("{c} ({})", n2(Some(*d), lang)))
            .collect();
        out.push(Msg::PeersOf.fill(lang, &[&p.pilot, &list.join(", ")]));
    }
    out.push(String::new());
    out.extend(balance_lines(r, lang));
    out.extend(notes(r, lang));
    out
}
