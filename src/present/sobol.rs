//! The Sobol indices of the weights on the shortlist's ranks as text: per
//! unit the weights that explain most of how its rank moves.

use crate::domain::analysis::Analysis;
use crate::domain::dataset::Dataset;
use crate::domain::sensitivity::UnitSobol;
use crate::i18n::{Lang, Msg};
use crate::present::human::num;

/// How many weights to name per unit.
const SHOWN: usize = 3;

pub fn sobol_text(a: &Analysis, ds: &Dataset, s: &[UnitSobol], lang: Lang) -> String {
    let label = |id: &str| {
        ds.indicator(id)
            .map(|i| {
                lang.pick(&i.meta.label_nl, &i.meta.label_en)
                    .trim()
                    .to_string()
            })
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| id.to_string())
    };
    let mut o = format!("\n{}\n", Msg::SobolTitle.text(lang));
    for u in s {
        let unit = &a.units[u.unit];
        if u.rank_variance <= 0.0 {
            o.push_str(&format!(
                "  {} {}: {}\n",
                unit.code,
                unit.name,
                Msg::SobolStill.text(lang)
            ));
            continue;
        }
        let mut idx: Vec<_> = u.indices.iter().collect();
        idx.sort_by(|x, y| y.total.total_cmp(&x.total));
        let named: Vec<String> = idx
            .iter()
            .take(SHOWN)
            .map(|i| {
                Msg::SobolIndex.fill(
                    lang,
                    &[
                        &label(&i.indicator),
                        &num(Some(i.total), 2, lang),
                        &num(Some(i.first_order), 2, lang),
                    ],
                )
            })
            .collect();
        o.push_str(&format!(
            "  {} {} ({}): {}\n",
            unit.code,
            unit.name,
            Msg::SobolVariance.fill(lang, &[&num(Some(u.rank_variance), 2, lang)]),
            named.join("; ")
        ));
    }
    o
}
