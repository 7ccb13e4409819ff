//! Indicator labels for people. The registry's label where there is one;
//! for a column the registry does not know and whose header is a bare
//! name (`pct_uithuisplaatsing`), a readable form of that name
//! ("uithuisplaatsing (%)"). Such a label is a guess from the column name,
//! so the reports say which labels were made this way.

use crate::domain::dataset::{Dataset, IndicatorMeta};
use crate::i18n::Lang;

/// The label of an indicator in `lang`.
pub fn meta_label(meta: &IndicatorMeta, lang: Lang) -> String {
    if is_made_from_name(meta) {
        return readable_name(&meta.id, lang);
    }
    let l = lang.pick(&meta.label_nl, &meta.label_en).trim();
    if l.is_empty() {
        readable_name(&meta.id, lang)
    } else {
        l.to_string()
    }
}

/// The label of indicator `id` of the dataset in `lang`; an id the data
/// does not hold is made readable the same way.
pub fn label(ds: &Dataset, id: &str, lang: Lang) -> String {
    match ds.indicator(id) {
        Some(i) => meta_label(&i.meta, lang),
        None => label_of_id(id, lang),
    }
}

/// The registry's label of `id`, or one made from the name: for text
/// that has ids but not the dataset (correlations, effect tables).
pub fn label_of_id(id: &str, lang: Lang) -> String {
    match crate::domain::registry::by_id(id) {
        Some(d) => lang.pick(d.label_nl, d.label_en).to_string(),
        None => readable_name(id, lang),
    }
}

/// Where an indicator comes from, in `lang`: a file name as it is, a
/// derived figure ("derived: a / b (file)") with the word translated and
/// the two figures by label.
pub fn source_text(source: &str, lang: Lang) -> String {
    let Some(rest) = source.strip_prefix("derived: ") else {
        return source.to_string();
    };
    let (formula, file) = match rest.split_once(" (") {
        Some((f, file)) => (f, format!(" ({file}")),
        None => (rest, String::new()),
    };
    let formula = match formula.split_once(" / ") {
        Some((a, b)) => format!("{} / {}", label_of_id(a, lang), label_of_id(b, lang)),
        None => formula.to_string(),
    };
    format!("{}: {formula}{file}", lang.pick("afgeleid", "derived"))
}

/// Whether the label shown for this indicator is made from its column
/// name rather than taken from the registry or the file's own title.
pub fn is_made_from_name(meta: &IndicatorMeta) -> bool {
    !meta.known && {
        let h = meta.label_nl.trim();
        h.is_empty() || !h.contains(char::is_whitespace)
    }
}

/// The ids of the dataset's indicators whose label is made from the name.
pub fn made_from_name(ds: &Dataset) -> Vec<String> {
    ds.indicators
        .iter()
        .filter(|i| is_made_from_name(&i.meta))
        .map(|i| i.meta.id.clone())
        .collect()
}

/// `pct_uithuisplaatsing` -> "uithuisplaatsing (%)", `n_kinderen_4_12` ->
/// "kinderen 4-12 (aantal)", `meldingen_per_1000` -> "meldingen (per 1.000)".
/// The words stay as the column has them; only the unit is translated.
pub fn readable_name(id: &str, lang: Lang) -> String {
    let lower = id.trim().to_lowercase();
    let mut parts: Vec<&str> = lower
        .split(['_', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let mut unit: Option<String> = None;
    if parts.len() > 1 {
        match parts[0] {
            "pct" | "perc" | "p" => {
                unit = Some("%".into());
                parts.remove(0);
            }
            "n" | "aantal" | "a" => {
                unit = Some(lang.pick("aantal", "count").into());
                parts.remove(0);
            }
            _ => {}
        }
    }
    if unit.is_none() && parts.len() > 1 {
        match parts[parts.len() - 1] {
            "pct" | "perc" => {
                unit = Some("%".into());
                parts.pop();
            }
            "1000" if parts.len() > 2 && parts[parts.len() - 2] == "per" => {
                unit = Some(lang.pick("per 1.000", "per 1,000").into());
                parts.truncate(parts.len() - 2);
            }
            _ => {}
        }
    }
    let mut words = String::new();
    let mut prev_digit = false;
    for p in parts {
        let digit = p.chars().all(|c| c.is_ascii_digit());
        if !words.is_empty() {
            words.push(if digit && prev_digit { '-' } else { ' ' });
        }
        words.push_str(p);
        prev_digit = digit;
    }
    if words.is_empty() {
        words = id.to_string();
    }
    match unit {
        Some(u) => format!("{words} ({u})"),
        None => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_become_readable_labels() {
        assert_eq!(
            readable_name("pct_uithuisplaatsing", Lang::Nl),
            "uithuisplaatsing (%)"
        );
        assert_eq!(
            readable_name("n_kinderen_4_12", Lang::Nl),
            "kinderen 4-12 (aantal)"
        );
        assert_eq!(
            readable_name("n_kinderen_4_12", Lang::En),
            "kinderen 4-12 (count)"
        );
        assert_eq!(
            readable_name("meldingen_per_1000", Lang::Nl),
            "meldingen (per 1.000)"
        );
        assert_eq!(readable_name("schuld_pct", Lang::En), "schuld (%)");
        assert_eq!(readable_name("wachtlijst", Lang::Nl), "wachtlijst");
    }

    #[test]
    fn a_derived_source_names_its_figures_by_label() {
        let s = "derived: bijstand / inhabitants (kerncijfers.csv)";
        assert_eq!(
            source_text(s, Lang::Nl),
            "afgeleid: Personen met bijstand / Aantal inwoners (kerncijfers.csv)"
        );
        assert_eq!(source_text("kerncijfers.csv", Lang::Nl), "kerncijfers.csv");
    }
}
