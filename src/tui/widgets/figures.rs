//! How the detail pane writes a figure or a label into a narrow column:
//! numbers that give up decimals before they are cut, labels that stay
//! apart, counts compared with counts.

use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::fmt::{fit, num};

fn rpad(s: &str, w: usize) -> String {
    let s = fit(s, w);
    format!("{}{s}", " ".repeat(w.saturating_sub(s.chars().count())))
}

/// Counts (inhabitants, schools, households) are whole numbers.
pub fn is_count(unit: &str) -> bool {
    unit.trim().eq_ignore_ascii_case("count")
}

/// A number right-aligned in `w` characters: with fewer decimals when it
/// does not fit, so a large figure is never cut to `114574,…`.
pub fn number_in(v: Option<f64>, decimals: usize, w: usize, lang: Lang) -> String {
    let text = (0..=decimals)
        .rev()
        .map(|d| num(v, d, lang))
        .find(|t| t.chars().count() <= w)
        .unwrap_or_else(|| num(v, 0, lang));
    rpad(&text, w)
}

/// The label in `width` characters. A long label loses its trailing
/// "(aantal)"-like part first, then its end: labels of one family differ
/// in their middle ("0 tot 15 jaar", "15 tot 25 jaar"), which a cut in
/// the middle would make identical.
pub fn label_in(label: &str, width: usize) -> String {
    if label.chars().count() <= width {
        return label.to_string();
    }
    let short = match label.rfind(" (") {
        Some(i) if label.ends_with(')') || label.ends_with(']') => &label[..i],
        _ => match label.rfind(" [") {
            Some(i) => &label[..i],
            None => label,
        },
    };
    fit(short, width)
}

/// The gemeente's figure beside a unit's: for counts the mean per unit
/// of the gemeente, like "alle", rather than the gemeente's total.
pub fn gemeente_ref(app: &App, u: usize, id: &str, unit: &str, given: Option<f64>) -> Option<f64> {
    if !is_count(unit) {
        return given;
    }
    app.gemeente_means.mean(u, id)
}
