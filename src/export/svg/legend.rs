//! The legend beside the map: the score classes, what the fills and
//! outlines mean, and the notes every output carries, wrapped to the
//! legend's width.

use super::classes::{colour, Classes};
use super::{BACKGROUND, LEGEND_W, NOT_RANKED, TOP, WATER, WIDTH};
use crate::export::escape::xml_escape;
use crate::i18n::{Lang, Rt};
use crate::present::human::num;
use std::fmt::Write;

/// What the legend has to explain besides the classes.
pub struct Shown<'a> {
    pub water: bool,
    pub background: bool,
    pub notes: &'a [String],
    pub lang: Lang,
    /// The map shows LISA clusters: their five classes replace the score's.
    pub lisa: bool,
}

/// The legend's SVG elements and the y where it ends, so the picture can
/// be made tall enough for it.
pub fn legend(classes: &Classes, shown: &Shown) -> (String, f64) {
    let lx = WIDTH - LEGEND_W;
    let lang = shown.lang;
    let mut legend = String::new();
    let mut ly = TOP + 8.0;
    if shown.lisa {
        let _ = writeln!(
            legend,
            r##"<text x="{lx}" y="{ly}" font-size="13" font-weight="bold">{}</text>"##,
            xml_escape(Rt::SvgLisaLegend.text(lang))
        );
        ly += 10.0;
        let names = [
            Rt::LisaHighHigh,
            Rt::LisaLowLow,
            Rt::LisaLowHigh,
            Rt::LisaHighLow,
            Rt::LisaNotSignificant,
        ];
        for (fill, name) in super::classes::LISA.iter().zip(names) {
            let _ = writeln!(
                legend,
                r##"<rect class="lisa-key" x="{lx}" y="{ly}" width="22" height="14" fill="{fill}" stroke="#999" stroke-width="0.5"/><text x="{}" y="{}" font-size="12">{}</text>"##,
                lx + 30.0,
                ly + 11.0,
                xml_escape(name.text(lang))
            );
            ly += 20.0;
        }
    }
    if !shown.lisa {
        let _ = writeln!(
            legend,
            r##"<text x="{lx}" y="{ly}" font-size="13" font-weight="bold">{}</text>"##,
            xml_escape(
                &Rt::SvgLegendTitle.fill(
                    lang,
                    &[&if classes.count > 1 {
                        Rt::SvgQuantiles
                    } else {
                        Rt::SvgOneClass
                    }
                    .text(lang)]
                )
            )
        );
        ly += 10.0;
        for c in (0..classes.count).rev() {
            let Some((lo, hi)) = classes.ranges[c] else {
                continue;
            };
            let _ = writeln!(
                legend,
                r##"<rect x="{lx}" y="{ly}" width="22" height="14" fill="{}" stroke="#999" stroke-width="0.5"/><text x="{}" y="{}" font-size="12">{}</text>"##,
                colour(classes.count, c),
                lx + 30.0,
                ly + 11.0,
                Rt::SvgRange.fill(lang, &[&num(Some(lo), 2, lang), &num(Some(hi), 2, lang)])
            );
            ly += 20.0;
        }
    }
    let mut swatch = |fill: &str, stroke: &str, width: f64, label: &str, ly: &mut f64| {
        let _ = writeln!(
            legend,
            r##"<rect x="{lx}" y="{y}" width="22" height="14" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/><text x="{}" y="{}" font-size="12">{}</text>"##,
            lx + 30.0,
            *ly + 11.0,
            xml_escape(label),
            y = *ly
        );
        *ly += 20.0;
    };
    swatch(
        NOT_RANKED,
        "#999",
        0.5,
        Rt::SvgNotRanked.text(lang),
        &mut ly,
    );
    if shown.water {
        swatch(WATER, "#999", 0.5, Rt::SvgWater.text(lang), &mut ly);
    }
    if shown.background {
        swatch(
            BACKGROUND,
            "#999",
            0.5,
            Rt::SvgBackground.text(lang),
            &mut ly,
        );
    }
    ly += 6.0;
    swatch("none", "#000", 2.6, Rt::SvgShortlisted.text(lang), &mut ly);
    swatch("none", "#444", 1.2, Rt::Eligible.text(lang), &mut ly);
    swatch("none", "#bbb", 0.6, Rt::SvgNotEligible.text(lang), &mut ly);
    ly += 8.0;
    for n in shown.notes {
        for line in wrap(n, 40) {
            let _ = writeln!(
                legend,
                r##"<text x="{lx}" y="{ly}" font-size="10" fill="#333">{}</text>"##,
                xml_escape(&line)
            );
            ly += 13.0;
        }
        ly += 4.0;
    }
    (legend, ly)
}

/// Lines of at most `width` characters, broken between words (a longer
/// word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for w in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words() {
        assert_eq!(wrap("een twee drie vier", 9), vec!["een twee", "drie vier"]);
        assert_eq!(wrap("  ", 9), Vec::<String>::new());
        assert_eq!(wrap("lang woordenboek", 5), vec!["lang", "woordenboek"]);
    }

    #[test]
    fn the_legend_grows_with_what_it_explains() {
        let classes = Classes::new(vec![1.0, 2.0, 3.0]);
        let notes = vec!["a note".to_string()];
        let plain = Shown {
            water: false,
            background: false,
            notes: &[],
            lang: Lang::En,
            lisa: false,
        };
        let full = Shown {
            water: true,
            background: true,
            notes: &notes,
            lang: Lang::En,
            lisa: false,
        };
        let (_, short) = legend(&classes, &plain);
        let (text, long) = legend(&classes, &full);
        assert_eq!(long - short, 2.0 * 20.0 + 13.0 + 4.0);
        assert!(text.contains(">water<") && text.contains(">a note<"));
        // The LISA map explains its five clusters instead of the classes.
        let (lisa, _) = legend(
            &classes,
            &Shown {
                lisa: true,
                ..plain
            },
        );
        assert_eq!(lisa.matches("class=\"lisa-key\"").count(), 5);
        assert!(lisa.contains(">high-high (hot spot)<") && !lisa.contains("Need score"));
    }
}
