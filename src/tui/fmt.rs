//! Formatting for narrow terminal columns: numbers and truncation as the
//! presentation layer writes them (with the decimal mark of the app's
//! language), plus the bars only a terminal draws.

use super::Lang;
use crate::present::{self, ELLIPSIS};

/// A number with `decimals` decimals and the language's thousands mark
/// ("2.770", "1,234.5"), or "-" when absent.
pub fn num(v: Option<f64>, decimals: usize, lang: Lang) -> String {
    present::human::num(v, decimals, lang)
}

/// Like [`num`] but with fewer decimals for large values, so a column of
/// mixed magnitudes stays narrow.
pub fn auto(v: Option<f64>, lang: Lang) -> String {
    let decimals = match v {
        Some(x) if x.abs() >= 100.0 => 0,
        Some(x) if x.abs() >= 10.0 => 1,
        _ => 2,
    };
    num(v, decimals, lang)
}

/// An error with its causes on one line in the app's language, each cause
/// once: a message that already quotes its source (`"{path}: {source}"`)
/// is not followed by that source again, as `{:#}` would.
pub fn error_text(e: &anyhow::Error, lang: Lang) -> String {
    present::error_text_in(e.as_ref(), lang)
}

/// Cut `s` to `width` characters, marking the cut with '…'.
pub fn fit(s: &str, width: usize) -> String {
    present::fit(s, width, ELLIPSIS)
}

/// Cut `s` to `width` characters in the middle (see [`present::fit_middle`]).
pub fn fit_middle(s: &str, width: usize) -> String {
    present::fit_middle(s, width, ELLIPSIS)
}

/// A bar for a standardised value: centred at 0, clipped at ±`range`.
/// Positive values grow to the right, negative to the left.
pub fn z_bar(z: Option<f64>, width: usize, range: f64) -> String {
    let half = width / 2;
    let Some(z) = z.filter(|z| z.is_finite()) else {
        return " ".repeat(width);
    };
    let cells = ((z.abs().min(range) / range) * half as f64).round() as usize;
    let mut out = String::with_capacity(width * 3);
    for i in 0..width {
        let c = if i < half {
            if z < 0.0 && i >= half - cells {
                '█'
            } else {
                '·'
            }
        } else if i == half && width % 2 == 1 {
            '│'
        } else {
            let k = i - half - width % 2;
            if z > 0.0 && k < cells {
                '█'
            } else {
                '·'
            }
        };
        out.push(c);
    }
    out
}

/// A bar of `share` (0..1) over `width` cells with eighth-block precision.
pub fn share_bar(share: f64, width: usize) -> String {
    const PARTS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let eighths = (share.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut out = String::new();
    for _ in 0..eighths / 8 {
        out.push('█');
    }
    if !eighths.is_multiple_of(8) {
        out.push(PARTS[eighths % 8 - 1]);
    }
    let used = out.chars().count();
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_decimal_comma() {
        assert_eq!(num(Some(1.755), 2, Lang::Nl), "1,75");
        assert_eq!(num(Some(1.5), 1, Lang::En), "1.5");
        assert_eq!(num(None, 1, Lang::En), "-");
    }

    #[test]
    fn bars() {
        assert_eq!(z_bar(Some(3.0), 5, 3.0), "··│██");
        assert_eq!(z_bar(Some(-1.5), 5, 3.0), "·█│··");
        assert_eq!(z_bar(None, 3, 3.0), "   ");
        assert_eq!(share_bar(0.5, 4), "██  ");
        assert_eq!(fit("Havenkwartier", 6), "Haven…");
        assert_eq!(
            fit_middle("Huishoudens met laag inkomen", 12),
            "Huis…inkomen"
        );
    }
}
