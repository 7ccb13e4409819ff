//! The correlation matrix and the redundancy warnings as text lines.

use super::labels::label_of_id;
use super::numbers::{number, DecimalMark};
use super::truncate::{fit, TILDE};
use crate::domain::correlation::Correlations;
use crate::i18n::{Lang, Msg};

fn mark(lang: Lang) -> DecimalMark {
    match lang {
        Lang::Nl => DecimalMark::Comma,
        Lang::En => DecimalMark::Point,
    }
}

/// A title, the matrix (Pearson above the diagonal, Spearman below), and
/// one line per redundant weighted pair or one saying there is none.
pub fn correlation_lines(c: &Correlations, lang: Lang) -> Vec<String> {
    let m = mark(lang);
    let mut out = vec![Msg::CorrelationsTitle.text(lang).to_string()];
    let names: Vec<String> = c.ids.iter().map(|id| label_of_id(id, lang)).collect();
    let w = names
        .iter()
        .map(|n| n.chars().count() + 5)
        .max()
        .unwrap_or(0)
        .clamp(8, 34);
    let mut head = format!("  {:<w$}", "");
    for k in 0..c.ids.len() {
        head.push_str(&format!(" {:>6}", format!("[{}]", k + 1)));
    }
    out.push(head);
    for (a, id) in names.iter().enumerate() {
        let mut line = format!("  {:<w$}", fit(&format!("[{}] {id}", a + 1), w, TILDE));
        for b in 0..c.ids.len() {
            let cell = match a.cmp(&b) {
                std::cmp::Ordering::Equal => "1".to_string(),
                std::cmp::Ordering::Less => number(c.pearson[a][b], 2, m),
                std::cmp::Ordering::Greater => number(c.spearman[a][b], 2, m),
            };
            line.push_str(&format!(" {cell:>6}"));
        }
        out.push(line);
    }
    if c.redundant.is_empty() {
        out.push(format!("  {}", Msg::NoRedundancy.text(lang)));
    }
    for r in &c.redundant {
        out.push(format!(
            "  {}",
            Msg::RedundantPair.fill(
                lang,
                &[
                    &label_of_id(&r.a, lang),
                    &label_of_id(&r.b, lang),
                    &number(r.pearson, 2, m),
                    &number(r.spearman, 2, m),
                    &number(Some(r.combined_weight * 100.0), 0, m),
                ]
            )
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::correlation::correlations;

    #[test]
    fn the_warning_names_both_indicators_and_their_weight_in_either_language() {
        let a = [Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
        let b = [Some(2.0), Some(4.1), Some(6.0), Some(8.2)];
        let ids = vec![
            "low_income_hh_pct".to_string(),
            "social_minimum_hh_pct".to_string(),
        ];
        let c = correlations(&ids, &[&a, &b], &[15.0, 10.0], &[true; 4]);
        let en = correlation_lines(&c, Lang::En).join("\n");
        assert!(
            en.contains(
                "Households with a low income and Households at or below the social minimum correlate strongly"
            ),
            "{en}"
        );
        assert!(en.contains("together 100% of the weight"), "{en}");
        let nl = correlation_lines(&c, Lang::Nl).join("\n");
        assert!(
            nl.contains("Huishoudens met een laag inkomen en Huishoudens onder of rond")
                && nl.contains("hangen sterk samen")
                && nl.contains("1,00")
                && !nl.contains("low_income_hh_pct"),
            "{nl}"
        );
    }
}
