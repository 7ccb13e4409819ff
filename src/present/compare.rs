//! "Why A and not B?" as text: the two units, the indicator table with the
//! gap split, and the weights that would flip their order.

use super::labels::label;
use super::numbers::{number, DecimalMark};
use super::truncate::{fit, TILDE};
use crate::domain::analysis::Analysis;
use crate::domain::compare::Comparison;
use crate::domain::dataset::Dataset;
use crate::domain::profile::Aggregation;
use crate::i18n::{Lang, Msg};

fn mark(lang: Lang) -> DecimalMark {
    match lang {
        Lang::Nl => DecimalMark::Comma,
        Lang::En => DecimalMark::Point,
    }
}

pub fn compare_lines(a: &Analysis, ds: &Dataset, c: &Comparison, lang: Lang) -> Vec<String> {
    let m = mark(lang);
    let (ua, ub) = (&a.units[c.a], &a.units[c.b]);
    let rank = |r: Option<usize>| r.map_or_else(|| "-".to_string(), |r| r.to_string());
    let mut out = vec![
        Msg::CompareTitle.fill(lang, &[&ua.code, &ua.name, &ub.code, &ub.name]),
        Msg::CompareScores.fill(
            lang,
            &[
                &number(Some(c.score_a), 3, m),
                &rank(c.rank_a),
                &number(Some(c.score_b), 3, m),
                &rank(c.rank_b),
                &number(Some(c.gap), 3, m),
            ],
        ),
    ];
    if a.ranking.aggregation == Aggregation::Geometric {
        out.push(Msg::CompareLogGap.text(lang).to_string());
    }
    if !a.smoothed.is_empty() {
        out.push(Msg::CompareSmoothed.fill(lang, &[&a.profile.smoothing.method.id()]));
    }
    out.push(String::new());
    let cols: Vec<&str> = Msg::CompareColumns.text(lang).split('|').collect();
    let mut head = format!("{:<34}", cols[0]);
    for c in &cols[1..] {
        head.push_str(&format!(" {c:>9}"));
    }
    out.push(head);
    let raw = |id: &str, u: usize, scored: Option<f64>| {
        let published = a.column(id).and_then(|col| col.get(u).copied().flatten());
        let smoothed = a.smoothed.iter().any(|s| s.pair.id == id);
        if smoothed && published.is_some() {
            format!("{} ({})", number(scored, 1, m), number(published, 0, m))
        } else {
            number(scored, 2, m)
        }
    };
    for r in &c.rows {
        let cells = [
            number(Some(r.weight), 1, m),
            raw(&r.id, c.a, r.value_a),
            raw(&r.id, c.b, r.value_b),
            number(r.norm_a, 2, m),
            number(r.norm_b, 2, m),
            number(Some(r.contribution_a), 3, m),
            number(Some(r.contribution_b), 3, m),
            format!("{:+.3}", r.gap).replace('.', if m == DecimalMark::Comma { "," } else { "." }),
        ];
        let mut line = fit(&label(ds, &r.id, lang), 34, TILDE);
        line = format!("{line:<34}");
        for cell in cells {
            line.push_str(&format!(" {cell:>9}"));
        }
        out.push(line);
    }
    let sum: f64 = c.rows.iter().map(|r| r.gap).sum();
    out.push(Msg::CompareSum.fill(lang, &[&number(Some(sum), 3, m)]));
    out.push(String::new());
    out.push(Msg::CompareFlips.text(lang).to_string());
    let flips: Vec<String> = c
        .rows
        .iter()
        .filter_map(|r| {
            let t = r.flip_weight?;
            Some(format!(
                "  {}",
                Msg::CompareFlipAt.fill(
                    lang,
                    &[
                        &label(ds, &r.id, lang),
                        &number(Some(r.weight), 2, m),
                        &number(Some(t), 2, m)
                    ]
                )
            ))
        })
        .collect();
    if flips.is_empty() {
        out.push(format!("  {}", Msg::CompareNoFlip.text(lang)));
    }
    out.extend(flips);
    out
}
